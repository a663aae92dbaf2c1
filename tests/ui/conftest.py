"""Window tests: offscreen Qt, QSettings in the test's folder, English unless a test says."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from renewdesk.app import App, open_app
from renewdesk.ui import i18n
from renewdesk.ui.desk import Desk
from renewdesk.ui.launch import application
from renewdesk.ui.main_window import MainWindow
from renewdesk.ui.operations import Operations, Reader
from tests.conftest import World

W = TypeVar("W", bound=QWidget)


@pytest.fixture(scope="session")
def qapp_cls() -> type[QApplication]:
    return QApplication


@pytest.fixture(autouse=True)
def qt_settings(tmp_path: Path, qapp: QApplication) -> Iterator[None]:
    """Each test gets its own QSettings file: no window layout or language leaks between tests
    or into the developer's own settings."""
    application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qt"))
    QSettings().setValue("ui/language", "en")
    i18n.install("en")
    yield
    i18n.install("en")


@pytest.fixture(autouse=True)
def collected_between_tests() -> Iterator[None]:
    """Python's cyclic garbage collector runs between window tests, once their windows and
    threads are closed, and not at whatever moment of a test its thresholds fall on: a
    collection there deletes an earlier test's left-over Qt wrappers while this test's reader
    and run threads work, which has crashed the suite's process (a segfault under
    "Garbage-collecting" with a run and a read under way). The window itself runs with it on."""
    gc.collect()
    gc.disable()
    yield
    gc.enable()
    gc.collect()


def desk_app(world: World, today: str, **env: str) -> App:
    """A second App on the world's database, as of `today`, as the window would open it."""
    return open_app(world.target, today, env={**world.env, **env})


def lone_desk(app: App) -> Desk:
    """What a dialog opened without its window needs: its own operations and reads, in the
    language installed."""
    return Desk(app, Operations(), lambda: None, lambda _ref: None, lambda _text: None,
                Reader(), i18n.installed())


def finished(qtbot: Any, desk: Desk) -> None:
    """Until the change a dialog sent off the GUI thread has been answered."""
    qtbot.waitUntil(lambda: not desk.operations.busy, timeout=10_000)


@pytest.fixture
def open_window(qtbot: Any) -> Iterator[Callable[[App], MainWindow]]:
    windows: list[MainWindow] = []

    def make(app: App) -> MainWindow:
        window = MainWindow(app)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
        window.app.close()


class Shown(list):  # type: ignore[type-arg]
    """The dialogs `when_shown` acted on, and the error its action raised, if any."""

    error: BaseException | None = None

    def check(self) -> None:
        if self.error is not None:
            raise self.error
        assert self, "the dialog was not shown"


def when_shown(kind: type[W], act: Callable[[W], None], timeout_ms: int = 5000) -> Shown:
    """Run `act` on the dialog of type `kind` as soon as it is shown (dialogs opened with exec()
    return only when closed). If it never shows or `act` fails, open modal dialogs are
    rejected so the test fails on `check()` instead of hanging."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QDialog

    seen = Shown()
    clock = QElapsedTimer()
    clock.start()

    def give_up() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and visible(widget):
                widget.reject()

    def visible(widget: QWidget) -> bool:
        try:
            return widget.isVisible()
        except RuntimeError:  # a widget whose C++ side is already gone
            return False

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, kind) and visible(widget):
                seen.append(widget)
                try:
                    act(widget)
                except BaseException as error:
                    seen.error = error
                    give_up()
                    return
                if visible(widget):  # `act` left it open: close it, so exec() returns
                    widget.close()
                return
        if clock.elapsed() > timeout_ms:
            give_up()
            return
        QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)
    return seen
