"""Running a use case off the GUI thread and getting its result back on it.

Anything that may call the processor (adding a card, a final attempt, a manual renewal) runs
here: the work is a plain function of the App; its result or error comes back through a
queued signal to a GUI-thread object, so callbacks run on the GUI thread. One operation at a
time; the window's actions are disabled meanwhile so nothing is started twice.

What the window only reads (a customer's page, the settings, the last run) goes through a
Reader instead: reads do not make the window busy, and each asker keeps only its newest read,
so an answer that arrives late never overwrites a newer one.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Hashable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from renewdesk.domain.errors import InputError
from renewdesk.domain.refusal_words import words
from renewdesk.domain.roles import Role
from renewdesk.payments.processor import ProcessorUnavailable
from renewdesk.services.window import RunInProgress
from renewdesk.ui.permissions import database_refusal, refused_by_database

log = logging.getLogger("renewdesk.ui")


def _said(error: BaseException, language: str) -> str:
    """The refusal's words; its own text if they cannot be made, so that the answer always
    comes back (a dialog waiting for it would otherwise stay disabled)."""
    try:
        return words(error, language)
    except Exception:  # the log keeps the trace
        log.exception("a refusal's words could not be made")
        return str(error)


def _failure(error: Exception, language: str, role: Role) -> str:
    """What the window says of an unexpected error: a change the team's server refused for
    the user's role in its words (issue 23), anything else by its type and text."""
    if refused_by_database(error):
        log.warning("the database refused a change for the role %s: %s", role, error)
        return database_refusal(role, language)
    log.exception("background work failed")
    return f"{type(error).__name__}: {error}"


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(str)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _Signals, language: str,
                 role: Role) -> None:
        super().__init__()
        self.work = work
        self.signals = signals
        self.language = language
        self.role = role

    def run(self) -> None:
        try:
            result = self.work()
        except (InputError, RunInProgress, ProcessorUnavailable) as error:
            self.signals.failed.emit(_said(error, self.language))
        except Exception as error:  # the window shows it; the log keeps the trace
            self.signals.failed.emit(_failure(error, self.language, self.role))
        else:
            self.signals.succeeded.emit(result)


class Operations(QObject):
    """Runs one operation at a time on a pool thread; `busyChanged` tells the window. A refusal
    comes back in words of the window's `language`."""

    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None, language: str = "en",
                 role: Role = Role.ADMIN) -> None:
        super().__init__(parent)
        self.language = language
        self.role = role  # whose change a team's server may refuse (its words name the role)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals: _Signals | None = None
        self._done: Callable[[Any], None] | None = None
        self._error: Callable[[str], None] | None = None

    @property
    def busy(self) -> bool:
        return self._signals is not None

    def start(self, work: Callable[[], Any], done: Callable[[Any], None],
              error: Callable[[str], None]) -> bool:
        if self._signals is not None:
            return False
        signals = _Signals(self)
        signals.succeeded.connect(self._succeeded)
        signals.failed.connect(self._failed)
        self._signals, self._done, self._error = signals, done, error
        self.busyChanged.emit(True)
        self._pool.start(_Job(work, signals, self.language, self.role))
        return True

    def _finish(self) -> tuple[Callable[[Any], None] | None, Callable[[str], None] | None]:
        done, error = self._done, self._error
        if self._signals is not None:
            self._signals.deleteLater()
        self._signals = self._done = self._error = None
        self.busyChanged.emit(False)
        return done, error

    @Slot(object)
    def _succeeded(self, result: Any) -> None:
        done, _ = self._finish()
        if done is not None:
            done(result)

    @Slot(str)
    def _failed(self, message: str) -> None:
        _, error = self._finish()
        if error is not None:
            error(message)

    def wait(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)


class _ReadSignals(QObject):
    arrived = Signal(int, object)
    failed = Signal(int, str)


class _Read(QRunnable):
    def __init__(self, ticket: int, work: Callable[[], Any], signals: _ReadSignals,
                 language: str, role: Role) -> None:
        super().__init__()
        self.ticket, self.work, self.signals, self.language = ticket, work, signals, language
        self.role = role

    def run(self) -> None:
        try:
            result = self.work()
        except (InputError, ProcessorUnavailable) as error:
            self.signals.failed.emit(self.ticket, _said(error, self.language))
        except Exception as error:  # the asker shows it; the log keeps the trace
            self.signals.failed.emit(self.ticket, _failure(error, self.language, self.role))
        else:
            self.signals.arrived.emit(self.ticket, result)


_Asked = tuple[Hashable, Callable[[Any], None], Callable[[str], None] | None]


class Reader(QObject):
    """Reads on a thread of their own, answered on the GUI thread by a queued signal. `key`
    names the asker (a widget, or a string): a newer read by the same key supersedes the older
    one, and a widget deleted meanwhile is not called back. A refusal comes back in words of the
    window's `language`."""

    def __init__(self, parent: QObject | None = None, language: str = "en",
                 role: Role = Role.ADMIN) -> None:
        super().__init__(parent)
        self.language = language
        self.role = role
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _ReadSignals(self)
        self._signals.arrived.connect(self._arrived)
        self._signals.failed.connect(self._failed)
        self._tickets = itertools.count(1)
        self._asked: dict[int, _Asked] = {}
        self._newest: dict[Hashable, int] = {}
        self._closed = False

    def read(self, key: Hashable, work: Callable[[], Any], done: Callable[[Any], None],
             error: Callable[[str], None] | None = None) -> None:
        if self._closed:  # the window is closing: its database is about to be let go
            return
        ticket = next(self._tickets)
        self._asked[ticket] = (key, done, error)
        self._newest[key] = ticket
        self._pool.start(_Read(ticket, work, self._signals, self.language, self.role))

    def reading(self, key: Hashable) -> bool:
        return key in self._newest

    def _answer(self, ticket: int) -> _Asked | None:
        asked = self._asked.pop(ticket, None)
        if asked is None or self._newest.get(asked[0]) != ticket:
            return None
        del self._newest[asked[0]]
        if isinstance(asked[0], QObject) and not shiboken6.isValid(asked[0]):
            return None
        return asked

    @Slot(int, object)
    def _arrived(self, ticket: int, result: Any) -> None:
        asked = self._answer(ticket)
        if asked is not None:
            asked[1](result)

    @Slot(int, str)
    def _failed(self, ticket: int, message: str) -> None:
        asked = self._answer(ticket)
        if asked is not None and asked[2] is not None:
            asked[2](message)
        elif asked is not None:
            log.warning("background read failed: %s", message)

    def wait(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)

    def shutdown(self, msecs: int = 30_000) -> bool:
        """No new read; the one under way is let finish (its answer is then dropped)."""
        self._closed = True
        self._asked.clear()
        self._newest.clear()
        return self._pool.waitForDone(msecs)
