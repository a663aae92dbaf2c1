"""Errors the rules raise. `InputError` is bad input: the caller changed nothing and says why."""

from __future__ import annotations

from renewdesk.domain.sensitive import redacted


class InputError(ValueError):
    """Bad input: one clear line naming the problem. Nothing was changed. A message quoting
    what was given never holds a card number or an IBAN (PM-2): they are replaced by "…"."""

    def __init__(self, *args: object) -> None:
        if args and isinstance(args[0], str):
            args = (redacted(args[0]), *args[1:])
        super().__init__(*args)

    def prefixed(self, where: str) -> InputError:
        """The same error, its message prefixed with where it happened (`customers[2]: ...`)."""
        other = self.__class__.__new__(self.__class__)
        other.__dict__.update(self.__dict__)
        other.args = (f"{where}: {self}",)
        return other


class RuleRefused(InputError):
    """A request that is well-formed but that a business rule refuses (e.g. PM-1, PM-5, IN-5)."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(f"{message} ({rule})")
        self.rule = rule


class EditConflict(InputError):
    """Someone else changed the thing being edited since it was read: nothing was saved."""
