"""The desktop window: models, views, dialogs; reads and acts through services, never SQL."""

import PySide6.QtCore  # noqa: F401  (first: PySide6's import hook is in place from here on)

from renewdesk.ui import pyside_imports

pyside_imports.lighten()  # before Babel, SQLAlchemy and the window's own modules are imported
