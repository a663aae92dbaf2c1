"""Errors the rules raise: a code and its values, turned into words where a person reads them.

`InputError` is bad input: the caller changed nothing and says why. `RuleRefused` is a request a
business rule refuses; it keeps the rule's id (`error.rule`) for the log and the tests, never for
the reader. The window, the customer pages and the command line show `refusal_words.words(error,
language)`; `str(error)` is the English, so that a log line or a traceback reads well. An error
still raised with a sentence (`InputError("…")`, `RuleRefused("PM-5", "…")`) is shown as it is,
in either language, until it is given a code.
"""

from __future__ import annotations

from renewdesk.domain.refusal_words import WORDS, colon, render
from renewdesk.domain.sensitive import redacted


class InputError(ValueError):
    """Bad input: one clear line naming the problem. Nothing was changed. A message quoting
    what was given never holds a card number or an IBAN (PM-2): they are replaced by "…", in
    the values given with a code as in the sentence given without one.

    `InputError("unknown_customer", ref="C9")` carries the code and its values; a first argument
    that is not a code of `refusal_words` is a sentence, kept as it is."""

    code: str  # "" for a sentence
    rule: str  # the rule's id for the log and the tests ("PM-5"), "" for plain bad input
    values: dict[str, object]
    places: tuple[str, ...]  # where it happened, outermost first: ("customers[2]", "email")

    def __init__(self, text: str = "", /, *, rule: str = "", **values: object) -> None:
        self.code = text if text in WORDS["en"] else ""
        self.rule = rule
        self.values = {name: redacted(value) if isinstance(value, str) else value
                       for name, value in values.items()}
        self.places = ()
        self._sentence = "" if self.code else redacted(text)
        super().__init__(self.words("en"))

    def words(self, language: str) -> str:
        """What a person reads, in "fr" or "en" (any other language reads English)."""
        where = "".join(place + colon(language) for place in self.places)
        if not self.code:
            return where + self._sentence
        return where + render(self.code, self.values, language)

    def prefixed(self, where: str) -> InputError:
        """The same error, its message prefixed with where it happened (`customers[2]: ...`)."""
        other = self.__class__.__new__(self.__class__)
        other.__dict__.update(self.__dict__)
        other.places = (where, *self.places)
        other.args = (f"{where}: {self}",)
        return other


class RuleRefused(InputError):
    """A request that is well-formed but that a business rule refuses (e.g. PM-1, PM-5, IN-5):
    `RuleRefused("last_valid_method", rule="PM-5", method=…, customer=…)`. The older form,
    `RuleRefused("PM-5", "a sentence")`, shows the sentence as it is and keeps the rule."""

    def __init__(self, code: str, sentence: str | None = None, /, *, rule: str = "",
                 **values: object) -> None:
        if sentence is not None:
            super().__init__(sentence, rule=code)
        else:
            super().__init__(code, rule=rule, **values)


class EditConflict(InputError):
    """Someone else changed the thing being edited since it was read: nothing was saved."""
