"""The log file: one rotating file in the user's log folder (or RENEWDESK_LOG_DIR). Kept apart
from the app's wiring so that the window can start logging before the database is loaded."""

from __future__ import annotations

import logging
import logging.handlers
from collections.abc import Mapping
from pathlib import Path

from platformdirs import user_log_path


def setup_logging(env: Mapping[str, str]) -> Path:
    folder = Path(env.get("RENEWDESK_LOG_DIR") or user_log_path("renewdesk", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "renewdesk.log"
    root = logging.getLogger("renewdesk")
    for old in [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]:
        if Path(old.baseFilename) == path.resolve():
            return path
        root.removeHandler(old)  # the log folder changed: follow it
        old.close()
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=5_000_000, backupCount=5,
                                                   encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path
