"""Start-up (issue 6, target 5): the window's frame is on screen before the database and the
models are loaded, then the main window takes its place; bad input and an unreachable database
end the start with their message and exit status, as commands do."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]


def renewdesk(tmp_path: Path, code: str) -> subprocess.CompletedProcess[str]:
    """Python `code` in a fresh process, as a person's start is: Qt's application runs its
    event loop once per process, so the real start is never run inside the test process."""
    env: dict[str, Any] = {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO),
                           "RENEWDESK_LOG_DIR": str(tmp_path), "HOME": str(tmp_path),
                           "XDG_CONFIG_HOME": str(tmp_path / "config"),
                           "RENEWDESK_CONFIG_DIR": str(tmp_path / "config")}
    return subprocess.run([sys.executable, "-c", code], env=env, cwd=REPO, capture_output=True,
                          text=True, timeout=120, check=False)


def test_the_frame_shows_first_then_the_main_window_takes_its_place(tmp_path: Path) -> None:
    done = renewdesk(tmp_path, (
        "from PySide6.QtCore import QEvent, QObject\n"
        "from PySide6.QtWidgets import QWidget\n"
        "from renewdesk.ui.startup import application\n"
        "names = []\n"
        "class Shown(QObject):\n"
        "    def eventFilter(self, obj, event):\n"
        "        if event.type() == QEvent.Type.Show and isinstance(obj, QWidget) \\\n"
        "                and obj.isWindow() and obj.objectName() not in names:\n"
        "            names.append(obj.objectName())\n"
        "        return False\n"
        "qt = application()\n"
        "shown = Shown()\n"
        "qt.installEventFilter(shown)\n"
        "from renewdesk.cli import main\n"
        f"code = main(['--db', {str(tmp_path / 'd.db')!r}, '--quit-after', '0.1'])\n"
        "frames = [w for w in qt.topLevelWidgets() if w.objectName() == 'startupFrame']\n"
        "print(code, names[:2], any(w.isVisible() for w in frames))\n"))
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "0 ['startupFrame', 'mainWindow'] False"


def test_a_bad_date_ends_the_start_with_status_2_and_its_message(tmp_path: Path) -> None:
    done = renewdesk(tmp_path, (
        "import sys\n"
        "from renewdesk.cli import main\n"
        f"sys.exit(main(['--db', {str(tmp_path / 'd.db')!r}, '--today', '2026-13-01', "
        "'--quit-after', '0.1']))\n"))
    assert done.returncode == 2
    assert "2026-13-01" in done.stderr and "Traceback" not in done.stderr


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
    done = renewdesk(tmp_path, probe)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "0 []"
