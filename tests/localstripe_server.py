"""Runs localstripe, a stateful fake Stripe server, for the tests: on 127.0.0.1 only (its own
command listens on every interface) and with its pickle persistence to /tmp turned off."""

import sys

from aiohttp import web
from localstripe import resources, server


def main() -> None:
    resources.Store.dump_to_disk = lambda self: None  # type: ignore[method-assign]
    web.run_app(server.app, host="127.0.0.1", port=int(sys.argv[1]), print=None)


if __name__ == "__main__":
    main()
