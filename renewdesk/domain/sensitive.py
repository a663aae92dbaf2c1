"""PM-2: what is never stored, told apart from what merely has many digits.

A card number is 13 to 19 digits that pass Luhn *and* carry a card network's prefix at one of
its lengths; written whole or in groups split by any space or dash of Unicode (French typography
groups digits with a narrow no-break space). An IBAN is found by its checksum and its country's
structure. Everything else with many digits is let through: a SIRET is Luhn-valid by design
(always accepted when labelled SIRET, SIREN or RCS right beside it; unlabelled, accepted unless a
network uses its prefix at 14 digits), and so are a ninth of invoice numbers, phone numbers and
time stamps; none of them carries a network's prefix at a network's length by accident often.

`sensitive_paths` finds them in a whole exchange document: a sieve over the document written as
JSON looks at the few places where enough digits (or an IBAN's start) stand together, so a file
of 100,000 services is not walked value by value unless something is there.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import cache
from typing import Literal

# python-stdnum is imported where it is used: its own imports (pydoc, ssl) would weigh on the
# window's start, whose few short arguments never reach it.

Kind = Literal["card_number", "iban"]
LOOKS_LIKE: dict[Kind, str] = {"card_number": "looks like a card number",
                               "iban": "looks like an IBAN"}
# What stands for a whole message that cannot be cleaned (`refusal_words` has it in French).
WITHHELD = "(a value that looks like bank details)"

# Every space and dash of Unicode (str.isspace, category Pd), the minus sign, the soft hyphen,
# and the zero-width characters a copied number may hide between its digits.
SEPARATORS = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f -\x85\xa0\xad\u058a\u05be\u1400\u1680\u1806"
              "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b"
              "\u2010\u2011\u2012\u2013\u2014\u2015\u2028\u2029\u202f\u205f\u2060\u2212"
              "\u2e17\u2e1a\u2e3a\u2e3b\u2e40\u2e5d\u3000\u301c\u3030\u30a0\ufe31\ufe32\ufe58"
              "\ufe63\ufeff\uff0d\U00010ead")
# The ones that end a line (str.splitlines): digits on two lines are two numbers (a phone number
# above a postcode) unless they are grouped as a card number is, over the lines.
LINE_BREAKS = "\n\x0b\x0c\r\x1c\x1d\x1e\x85\u2028\u2029"
_SEP = re.escape(SEPARATORS)
# Groups of digits with up to three separators between them ("4111 - 1111"): a run.
_RUN = re.compile(rf"\d+(?:[{_SEP}]{{1,3}}\d+)*")
_SPLIT = re.compile(rf"[{_SEP}]+")
# A run long enough to hold a card number has 13 of its characters in a row: text without them
# holds none (one scan, instead of a look at each of the short runs of a random token).
_LONG_RUN = re.compile(rf"[\d{_SEP}]{{13}}")
_SPLIT_KEEP = re.compile(rf"([{_SEP}]+)")
_LINE_BREAK = re.compile(rf"[{re.escape(LINE_BREAKS)}]")
# A company number's label, right before it ("SIRET : ", "Siret n° ", "RCS Lyon B ") or right
# after it ("732 829 320 RCS Paris"): a label elsewhere in the text exempts nothing.
_LABEL_BEFORE = re.compile(r"(?:\b(?:SIRET|SIREN)\b(?:[^\w\n\r]|n[°º]|no\b|num(?:[ée]ro)?\b|du\b"
                           r"|si[èe]ge\b)*|\bR\.?C\.?S\b\.?[^\d,;\n]{0,30})\Z", re.IGNORECASE)
_LABEL_AFTER = re.compile(r"[\s\-–—(]*(?:R\.?C\.?S|SIRE[NT])\b", re.IGNORECASE)
# An IBAN's start, then its characters with up to three separators between them ("FR76 - 3000").
_IBAN_START = re.compile(
    rf"(?<![^\W_])(?=([A-Za-z]{{2}}[0-9]{{2}}(?:[{_SEP}]{{0,3}}[A-Za-z0-9]){{11,32}}))")

# The card networks' prefixes (IIN ranges, inclusive, as digit strings of one length) and the
# lengths they issue. Cartes Bancaires cards are co-badged in Visa's and Mastercard's ranges, and
# CB-only cards use the same first digits; Maestro as listed by its scheme, with all of 67
# (Bancontact's 6703, the UK's 6759 and 6767, 6771, 6799…), not all of 5 and 6.
NETWORKS: dict[str, tuple[tuple[tuple[str, str], ...], frozenset[int]]] = {
    "visa": ((("4", "4"),), frozenset({13, 16, 19})),
    "mastercard": ((("51", "55"), ("2221", "2720")), frozenset({16})),
    "amex": ((("34", "34"), ("37", "37")), frozenset({15})),
    "discover": ((("6011", "6011"), ("644", "649"), ("65", "65"), ("622126", "622925")),
                 frozenset(range(16, 20))),
    "diners": ((("300", "305"), ("3095", "3095"), ("36", "36"), ("38", "39")),
               frozenset(range(14, 20))),
    "jcb": ((("3528", "3589"),), frozenset(range(16, 20))),
    "unionpay": ((("62", "62"), ("8100", "8171")), frozenset(range(16, 20))),
    "maestro": ((("5018", "5018"), ("5020", "5020"), ("5038", "5038"), ("5893", "5893"),
                 ("6304", "6304"), ("6700", "6799")), frozenset(range(12, 20))),
    "cartes_bancaires": ((("4", "5"),), frozenset({16})),
}


def luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        n = int(char)
        if index % 2 == 1:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def network_of(digits: str) -> str | None:
    """The network that issues card numbers of this prefix and length, if any (ASCII digits)."""
    for name, (ranges, lengths) in NETWORKS.items():
        if len(digits) in lengths:
            for low, high in ranges:
                if low <= digits[: len(low)] <= high:
                    return name
    return None


def is_card_number(digits: str) -> bool:
    return network_of(digits) is not None and luhn_valid(digits)


def _ascii_digits(digits: str) -> str:
    """Digits of any script (Arabic-Indic, fullwidth…) as ASCII: a card number is one in any."""
    return digits if digits.isascii() else "".join(str(unicodedata.decimal(c)) for c in digits)


def _company_number(groups: list[str], digits: str) -> bool:
    """A labelled SIRET (14 digits) or a span that starts with a SIREN in whole groups."""
    from stdnum.fr import siren, siret

    if len(digits) == 14 and siret.is_valid(digits):
        return True
    head = ""
    for group in groups:
        head += group
        if len(head) >= 9:
            return len(head) == 9 and siren.is_valid(head)
    return False


def _grouped_as_cards_are(groups: list[str]) -> bool:
    """One group, fours (the last may be shorter), or Amex's and Diners' 4-6-5 and 4-6-4."""
    lengths = [len(group) for group in groups]
    return (len(lengths) == 1 or lengths in ([4, 6, 5], [4, 6, 4])
            or (all(n == 4 for n in lengths[:-1]) and lengths[-1] <= 4))


def _labelled(text: str, start: int, end: int) -> bool:
    """Is the number at text[start:end] labelled as a company's (SIRET, SIREN, RCS) beside it?"""
    return (_LABEL_BEFORE.search(text, max(0, start - 40), start) is not None
            or _LABEL_AFTER.match(text, end) is not None)


def contains_card_number(text: str) -> bool:
    """PM-2: does the text hold a card number? A run of digits counts whole (one line of it: a
    line break ends a number unless its groups are a card's); where it is written in groups, a
    span of whole groups counts too when it is grouped as card numbers are, so a number beside it
    cannot hide one (and an order number of 3-7-7 digits is not read as one)."""
    if _LONG_RUN.search(text) is None:
        return False
    for run in _RUN.finditer(text):
        if run.end() - run.start() < 13:
            continue
        parts = _SPLIT_KEEP.split(run.group())
        groups = [_ascii_digits(g) for g in parts[::2]]
        # breaks[i]: a line break stands before group i (breaks[0] and breaks[n]: the run's ends)
        breaks = [True, *(_LINE_BREAK.search(sep) is not None for sep in parts[1::2]), True]
        for first in range(len(groups)):
            digits = ""
            for last in range(first, len(groups)):
                digits += groups[last]
                if len(digits) > 19:
                    break
                if len(digits) < 13 or not is_card_number(digits):
                    continue
                whole_line = (breaks[first] and breaks[last + 1]
                              and not any(breaks[first + 1 : last + 1]))
                if not whole_line and not _grouped_as_cards_are(groups[first : last + 1]):
                    continue
                if first == 0 and _company_number(groups[first : last + 1], digits) and (
                        _labelled(text, run.start(), run.end())):
                    continue
                return True
    return False


@cache
def _iban_length(country: str) -> int | None:
    """The length of a country's IBANs (from python-stdnum's registry), None if it has none."""
    from stdnum import numdb

    structure = numdb.get("iban").info(country)[0][1].get("bban")
    return 4 + sum(int(n) for n in re.findall(r"(\d+)!", structure)) if structure else None


def _iban_valid(compact: str) -> bool:
    from stdnum import iban

    return bool(iban.is_valid(compact, check_country=False))


def contains_iban(text: str) -> bool:
    """PM-2: does the text hold an IBAN (its country's length and structure, mod 97)?"""
    for match in _IBAN_START.finditer(text):
        compact = _SPLIT.sub("", match.group(1)).upper()
        length = _iban_length(compact[:2])
        if length is not None and _iban_valid(compact[:length]):
            return True
    return False


def sensitive_kind(text: str) -> Kind | None:
    """What PM-2 refuses in this text, if anything: a card number or an IBAN."""
    if contains_card_number(text):
        return "card_number"
    if contains_iban(text):
        return "iban"
    return None


# The escapes `repr` writes for what it cannot show (`\xa0`, `\u202f`, `\t`).
_REPR_ESCAPE = re.compile(r"\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([tnr]))")


def _unrepr(match: re.Match[str]) -> str:
    code = match.group(1) or match.group(2) or match.group(3)
    return chr(int(code, 16)) if code else _JSON_ESCAPES[match.group(4)]


def redacted(text: str) -> str:
    """The text with each card number and IBAN in it replaced by "…": for a message that quotes
    what was typed, which is printed and logged, and PM-2 says never echoed. A value quoted by
    `repr` (`'4111\\xa01111…'`) is read with its escapes decoded too: then the whole message goes."""
    if sensitive_kind(text) is None:
        if "\\" in text and sensitive_kind(_REPR_ESCAPE.sub(_unrepr, text)) is not None:
            return WITHHELD
        return text
    text = _RUN.sub(lambda run: "…" if contains_card_number(run.group()) else run.group(), text)
    pieces, done = [], 0
    for match in _IBAN_START.finditer(text):
        if match.start() < done:
            continue
        compact = _SPLIT.sub("", match.group(1)).upper()
        length = _iban_length(compact[:2])
        if length is None or not _iban_valid(compact[:length]):
            continue
        end, kept = match.start(), 0
        while kept < length:  # the IBAN's own characters and the separators between them
            kept += text[end] not in SEPARATORS
            end += 1
        pieces += [text[done : match.start()], "…"]
        done = end
    text = "".join([*pieces, text[done:]])
    return text if sensitive_kind(text) is None else WITHHELD


def sensitive_paths(document: object) -> Iterator[tuple[str, Kind]]:
    """Paths (`customers[0].address`) of every key or value of a JSON tree that PM-2 refuses,
    with what it holds. The sieve first; the walk only when the sieve found something."""
    if _sieve(document):
        yield from _walk(document, "")


def _walk(value: object, path: str) -> Iterator[tuple[str, Kind]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(key, f"{path}.<key>" if path else "<key>")
            yield from _walk(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, f"{path}[{index}]")
    elif isinstance(value, str | int) and not isinstance(value, bool):
        kind = sensitive_kind(str(value))
        if kind is not None:
            yield path or "value", kind


# The sieve reads the document written as JSON, as bytes, through two translations: one keeps
# what a card number can be written with (digits, spaces, dashes, any non-ASCII byte, JSON's
# escapes) as `d`; the other marks letters `a` and digits `d`. A plain substring search then
# finds the few places to look at closely: a run of 13 `d` (no card number has fewer digits),
# or `.aadd`, an IBAN's start. Written as JSON, values never join: quotes break every run.
# It must find all that the walk finds: a property test puts every kind of character JSON
# escapes or cannot encode (controls, lone surrogates) around and inside card numbers and IBANs.
_CARD_CHARS = b"0123456789 -\\abcdefnrtu"  # JSON's escapes: \t \n \r \b \f \uXXXX \\
_CARD_BYTES = bytes(ord("d") if b >= 0x80 or b in _CARD_CHARS else ord(".") for b in range(256))
_IBAN_BYTES = bytes(ord("a") if chr(b).isalpha() and b < 0x80 else ord("d") if chr(b).isdigit()
                    and b < 0x80 else ord(".") for b in range(256))
_CARD_RUN = re.compile(rb"d{13,}")
# Every escape JSON writes (`\u001c`, `\t`, `\\`…), read as blanks of its own length by the IBAN
# pass: its letters and hex digits would otherwise read as the start of an IBAN or hide one.
_JSON_ESCAPE = re.compile(rb"\\(?:u[0-9a-fA-F]{4}|.)", re.DOTALL)
# An IBAN's widest writing: its first four characters, then 32 more, each behind three
# separators that JSON writes in 6 bytes each (`\u001f`).
_IBAN_WINDOW = 4 + 32 * (3 * 6 + 1)
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|(.)|$)", re.DOTALL)
_JSON_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f"}


def _unescape(piece: bytes) -> str:
    """A piece of JSON text as the text it stands for (an escape cut at its end is dropped; a
    lone surrogate, or a character cut at an end, reads as U+FFFD, which ends a number as the
    surrogate itself does)."""
    def one(match: re.Match[str]) -> str:
        if match.group(1):
            return chr(int(match.group(1), 16))
        char = match.group(2) or ""
        return _JSON_ESCAPES.get(char, char)

    return _ESCAPE.sub(one, piece.decode("utf-8", "replace"))


def _blank(match: re.Match[bytes]) -> bytes:
    return b" " * (match.end() - match.start())


def _sieve(document: object) -> bool:
    # Compact, and no check for cycles a parsed file cannot have: a fifth of the sieve's time.
    data = json.dumps(document, ensure_ascii=False, default=str, check_circular=False,
                      separators=(",", ":")).encode("utf-8", "surrogatepass")
    cards = data.translate(_CARD_BYTES)
    if b"d" * 13 in cards:
        for run in _CARD_RUN.finditer(cards):
            if contains_card_number(_unescape(data[run.start() : run.end()])):
                return True
    letters = _JSON_ESCAPE.sub(_blank, data) if b"\\" in data else data
    letters = letters.translate(_IBAN_BYTES)
    at = letters.find(b".aadd")
    while at >= 0:
        if contains_iban(_unescape(data[at + 1 : at + 1 + _IBAN_WINDOW])):
            return True
        at = letters.find(b".aadd", at + 1)
    return False


def never_sensitive(make: Callable[[], str]) -> str:
    """A random value the app writes (a link token, an idempotency key, a charge id), drawn
    again until PM-2 would let it through: it would otherwise refuse the app's own export when
    it is imported again (a 32-digit hex token holds a card-like run now and then)."""
    while True:
        value = make()
        if sensitive_kind(value) is None:
            return value
