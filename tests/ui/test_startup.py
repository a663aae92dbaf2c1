"""Start-up (issue 6, target 5): the window's frame is on screen before the database and the
models are loaded, then the main window takes its place; bad input and an unreachable database
end the start with their message and exit status, as commands do."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from renewdesk.cli import main as cli_main
from tests.conftest import World

REPO = Path(__file__).resolve().parents[2]


class Shown(QObject):
    """The object names of windows as they are first shown, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(obj, QWidget) and obj.isWindow() \
                and obj.objectName() not in self.names:
            self.names.append(obj.objectName())
        return False


def test_the_frame_shows_first_then_the_main_window_takes_its_place(
        world: World, qapp: QApplication) -> None:
    shown = Shown()
    qapp.installEventFilter(shown)
    try:
        code = cli_main(["--db", world.target, "--quit-after", "0.1"], err=io.StringIO())
    finally:
        qapp.removeEventFilter(shown)
    assert code == 0
    assert shown.names[:2] == ["startupFrame", "mainWindow"]
    assert not any(w.isVisible() for w in qapp.topLevelWidgets()
                   if w.objectName() == "startupFrame")


def test_a_bad_date_ends_the_start_with_status_2_and_its_message(
        world: World, qapp: QApplication) -> None:
    err = io.StringIO()
    code = cli_main(["--db", world.target, "--today", "2026-13-01", "--quit-after", "0.1"],
                    err=err)
    assert code == 2
    assert "2026-13-01" in err.getvalue()
    assert not any(w.isVisible() for w in qapp.topLevelWidgets())


def test_the_window_path_loads_no_database_code_before_the_frame_is_painted(
        tmp_path: Path) -> None:
    """What the frame waits for is not imported before it is on screen: SQLAlchemy, the
    models, the processors and the keyring come after its first paint."""
    probe = (
        "import sys\n"
        "from renewdesk.ui import startup\n"
        "seen = {}\n"
        "original = startup.StartupFrame.paintEvent\n"
        "def paint(self, event):\n"
        "    seen.setdefault('modules', sorted(m for m in sys.modules if m.split('.')[0] in\n"
        "        ('sqlalchemy', 'keyring', 'stripe', 'jinja2') or m.startswith('renewdesk.store')))\n"
        "    original(self, event)\n"
        "startup.StartupFrame.paintEvent = paint\n"
        "from renewdesk.cli import main\n"
        f"code = main(['--db', {str(tmp_path / 'd.db')!r}, '--quit-after', '0.1'])\n"
        "print(code, seen['modules'])\n")
    env: dict[str, Any] = {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO),
                           "RENEWDESK_LOG_DIR": str(tmp_path), "HOME": str(tmp_path),
                           "XDG_CONFIG_HOME": str(tmp_path / "config"),
                           "RENEWDESK_CONFIG_DIR": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-c", probe], env=env, cwd=REPO, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "0 []"
