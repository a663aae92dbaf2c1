"""The command line: `entry` parses and dispatches, `commands` does, `report` prints a run."""

from renewdesk.cli.entry import main

__all__ = ["main"]
