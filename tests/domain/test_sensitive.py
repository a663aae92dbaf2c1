"""PM-2: card numbers and IBANs refused, and nothing else.

The corpus is what a French reseller's data holds that has many digits (issue 16): SIRET, SIREN,
VAT numbers, phone numbers, invoice and order numbers, time stamps, export names, addresses.
None of it may be refused; every test PAN of every network, in every separator style, must be.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from stdnum import luhn
from stdnum.fr import siren

from renewdesk.domain.sensitive import (
    NETWORKS,
    contains_card_number,
    contains_iban,
    luhn_valid,
    network_of,
    never_sensitive,
    redacted,
    sensitive_kind,
    sensitive_paths,
)

# Each network's published test numbers (Stripe's and the schemes').
TEST_PANS = {
    "visa": ["4242424242424242", "4000056655665556", "4111111111111111", "4012888888881881",
             "4222222222222"],
    "mastercard": ["5555555555554444", "2223003122003222", "5200828282828210",
                   "5105105105105100", "2221000000000009"],
    "amex": ["378282246310005", "371449635398431"],
    "discover": ["6011111111111117", "6011000990139424", "6445644564456445"],
    "diners": ["3056930009020004", "36227206271667", "38520000023237"],
    "jcb": ["3566002020360505", "3530111333300000"],
    "unionpay": ["6200000000000005", "6205500000000000004"],
    "maestro": ["6759649826438453", "6304000000000000", "5018000000000009",
                "6703444444444449", "6771798021000008", "6799990100000000019"],
    "cartes_bancaires": ["4000002500001001", "5555552500001001"],
}


def _with_check_digit(body: str) -> str:
    return body + luhn.calc_check_digit(body)


def generated_pans() -> Iterator[str]:
    """A Luhn-valid number at each end of each prefix range, at each length the network issues."""
    rng = random.Random(16)
    for ranges, lengths in NETWORKS.values():
        for low, high in ranges:
            for prefix in {low, high}:
                for length in sorted(lengths):
                    if length >= 13:
                        fill = "".join(rng.choice("0123456789")
                                       for _ in range(length - len(prefix) - 1))
                        yield _with_check_digit(prefix + fill)


def all_pans() -> list[str]:
    return [pan for pans in TEST_PANS.values() for pan in pans] + list(generated_pans())


SEPARATORS = {"space": " ", "two spaces": "  ", "dash": "-", "no-break space": "\u00a0",
              "narrow no-break space": "\u202f", "en dash": "\u2013", "em dash": "\u2014",
              "thin space": "\u2009", "figure space": "\u2007", "ideographic space": "\u3000",
              "tab": "\t", "line break": "\n", "spaced dash": " - ", "minus sign": "\u2212",
              "zero-width space": "\u200b"}


def written(pan: str, separator: str) -> Iterator[str]:
    """The number in groups of four (and Amex's 4-6-5), whole, and in a sentence."""
    fours = separator.join(pan[i : i + 4] for i in range(0, len(pan), 4))
    yield fours
    if len(pan) == 15:
        yield separator.join((pan[:4], pan[4:10], pan[10:]))
    yield f"Client {fours}"
    yield f"Ma carte est la {fours}, merci."


def test_pm2_every_test_pan_of_every_network_in_every_separator_style_is_refused() -> None:
    pans = all_pans()
    assert {network_of(p) for p in pans} >= set(NETWORKS) - {"cartes_bancaires"}
    missed = [(pan, name) for pan in pans for name, sep in SEPARATORS.items()
              for text in written(pan, sep) if not contains_card_number(text)]
    missed += [(pan, "none") for pan in pans if not contains_card_number(pan)]
    assert missed == []
    assert len(pans) * (len(SEPARATORS) * 3 + 1) > 3000


def test_pm2_a_card_number_beside_a_siret_label_is_still_refused() -> None:
    assert contains_card_number("SIRET 4111 1111 1111 1111")
    assert contains_card_number("RCS Lyon, carte 5555\u00a05555\u00a05555\u00a04444")


def test_pm2_digits_of_another_script_are_digits() -> None:
    arabic_indic = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
    assert contains_card_number("4242 4242 4242 4242".translate(arabic_indic))


# -- the corpus of what is not a card number -------------------------------------------------
def _siren(rng: random.Random) -> str:
    return _with_check_digit(f"{rng.randint(10_000_000, 99_999_999)}")


def _siret(rng: random.Random) -> str:
    number = _siren(rng)
    return _with_check_digit(number + f"{rng.randint(0, 9999):04d}")


def _spaced_siret(number: str) -> str:
    return f"{number[:3]} {number[3:6]} {number[6:9]} {number[9:]}"


def corpus() -> list[str]:
    rng = random.Random(2026)
    values: list[str] = []
    for n in range(1000):  # labelled SIRETs, every prefix, as people write them
        number = _siret(rng)
        values.append(rng.choice([
            f"ACME SAS, SIRET {_spaced_siret(number)}", f"SIRET : {number}",
            f"Siret n° {_spaced_siret(number)}", f"SIRET\u00a0{_spaced_siret(number)}".replace(
                " ", "\u202f"), f"RCS Lyon {_spaced_siret(number)}",
            f"Dupont & Fils SARL – SIRET {number} – APE 6201Z"]))
        if n < 200:
            values.append(f"RCS Paris B {number[:3]} {number[3:6]} {number[6:9]} 2019")
    while len(values) < 1700:  # unlabelled SIRETs: where no network issues 14 digits
        number = _siret(rng)
        if network_of(number) is None:
            values.append(rng.choice([number, _spaced_siret(number)]))
    for _ in range(500):  # SIREN and French VAT numbers, bare and spaced
        number = _siren(rng)
        vat = f"FR{(12 + 3 * (int(number) % 97)) % 97:02d}{number}"  # the key of a French VAT number
        values += [number, f"TVA intracom. {vat[:4]} {vat[4:7]} {vat[7:10]} {vat[10:]}",
                   f"N° TVA : {vat}"]
    for _ in range(500):  # other EU VAT numbers
        values.append(rng.choice(["DE", "BE0", "ATU", "IT", "ES", "NL"]) + "".join(
            rng.choice("0123456789") for _ in range(9)) + rng.choice(["", "B01"]))
    for _ in range(1000):  # phone numbers, French and international
        d = [f"{rng.randint(0, 99):02d}" for _ in range(4)]
        values += [rng.choice([
            f"0{rng.randint(1, 9)} {' '.join(d)}", f"+33 {rng.randint(1, 9)} {' '.join(d)}",
            f"+33 (0){rng.randint(1, 9)} {'.'.join(d)}", f"0033 {rng.randint(6, 7)} {''.join(d)}",
            f"Tél. : 0{rng.randint(1, 9)}\u00a0{chr(0xA0).join(d)}",
            f"+1 ({rng.randint(200, 999)}) {rng.randint(200, 999)}-{rng.randint(0, 9999):04d}",
            f"+44 20 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
            f"+49 30 {rng.randint(10_000_000, 99_999_999)}",
            f"+36 1 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
            f"+86 138 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
            f"+62 812 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
            f"01 23 45 67 89 / 06 {' '.join(d)}"])]
    for _ in range(1000):  # invoice and order numbers
        year = rng.randint(2019, 2027)
        day = f"{year}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        values.append(rng.choice([
            f"FA-{day}{rng.randint(0, 99999):05d}", f"FA-{year}-{rng.randint(1, 9999):04d}",
            f"INV-{rng.randint(0, 10**12 - 1):012d}", f"CMD{day}{rng.randint(0, 99999):05d}",
            f"ORD-{day}-{rng.randint(0, 999999):06d}", f"F{day}{rng.randint(0, 99999999):08d}",
            f"{rng.randint(100, 999)}-{rng.randint(10**6, 10**7 - 1)}-{rng.randint(10**6, 10**7 - 1)}",
            f"Facture n° {year}/{rng.randint(1, 99999):05d}"]))
    for _ in range(1000):  # time stamps and the names of exports and backups
        stamp = (f"{rng.randint(2019, 2027)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
                 f"{rng.randint(0, 23):02d}{rng.randint(0, 59):02d}{rng.randint(0, 59):02d}")
        values.append(rng.choice([
            stamp, f"export-{stamp}-portfolio.json", f"{stamp}{rng.randint(0, 999):03d}",
            f"{rng.randint(1_500_000_000_000, 1_900_000_000_000)}",
            f"backup-{stamp[:8]}-{stamp[8:]}.sqlite",
            f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}T{stamp[8:10]}:{stamp[10:12]}:{stamp[12:]}Z"]))
    for _ in range(500):  # postal addresses
        code = f"{rng.randint(10, 95)}{rng.randint(0, 999):03d}"
        values.append(rng.choice([
            f"{rng.randint(1, 200)} rue des Lilas, {code} Lyon",
            f"BP {rng.randint(1000, 99999)} – {code} Paris Cedex {rng.randint(1, 20):02d}",
            f"{rng.randint(1, 99)} à {rng.randint(100, 120)} avenue de la République, 69003 Lyon",
            f"ZI des {rng.randint(1, 9)} Chemins, lot {rng.randint(1, 300)}, {code} Aix"]))
    return values


def test_pm2_corpus_of_french_business_data_has_no_false_refusal() -> None:
    values = corpus()
    assert len(values) >= 5000
    refused = [v for v in values if sensitive_kind(v) is not None]
    assert refused == []
    assert list(sensitive_paths({"values": values})) == []


def test_pm2_the_corpus_holds_luhn_valid_runs_a_digit_count_alone_would_refuse() -> None:
    """The corpus is not trivially clean: thousands of its values hold a Luhn-valid run of
    13-19 digits (every SIRET does), which the previous detector refused."""
    import re

    runs = [v for v in corpus() if any(13 <= len(d) <= 19 and luhn_valid(d) for d in
                                       (re.sub(r"\D", "", m) for m in re.findall(r"[\d ]{13,}", v)))]
    assert len(runs) > 1000


def test_pm2_an_unlabelled_siret_with_a_networks_prefix_is_refused_as_the_rule_says() -> None:
    rng = random.Random(3)
    number = next(n for n in (_siret(rng) for _ in range(100_000)) if network_of(n) == "diners")
    assert siren.is_valid(number[:9]) and contains_card_number(number)
    assert not contains_card_number(f"SIRET {number}")


IBANS = ["FR76 3000 6000 0112 3456 7890 189", "FR7630006000011234567890189",
         "FR76  3000  6000  0112  3456  7890  189", "FR76 - 3000 - 6000 - 0112 - 3456 - 7890 - 189",
         "GB82 WEST 1234 5698 7654 32", "DE89 3704 0044 0532 0130 00", "BE68539007547034",
         "NL91ABNA0417164300", "es9121000418450200051332"]


@pytest.mark.parametrize("separator", [" ", "\u00a0", "\u202f", ""])
def test_pm2_ibans_are_found_by_their_checksum(separator: str) -> None:
    for number in IBANS:
        text = number.replace(" ", separator)
        assert sensitive_kind(f"IBAN : {text}") == "iban"
        assert contains_iban(text)
        assert list(sensitive_paths({"a": [{"address": f"x\t{text}"}]})) == [("a[0].address",
                                                                               "iban")]


def test_pm2_an_iban_with_a_wrong_checksum_is_not_one() -> None:
    assert not contains_iban("FR76 3000 6000 0112 3456 7890 188")
    assert not contains_iban("FR40303265045")  # a VAT number


ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@pytest.mark.parametrize("value", [
    {"a": [{"address": "Réf. 4000 0566 5566 5556, Lyon"}]},  # non-ASCII text around it
    {"a": {"note": "4242424242424242".translate(ARABIC_INDIC)}},  # digits of another script
    [1, 2, 4242424242424242],  # a JSON number
    {"b": "x\t4000-0566-5566-5556\n"},  # between characters JSON escapes
    {"4111 1111 1111 1111": "a key"},  # in a key
    {"c": "it's \"4111111111111111\""},  # quotes
    {"d": "\x00\x7f4111111111111111\u200b"},  # non-printable characters around it
    {"e": "Client 4111\u00a01111\u00a01111\u00a01111"},  # no-break spaces
    {"f": "4111\u202f1111\u202f1111\u202f1111 é"},  # narrow no-break spaces
    {"g": "carte 4111–1111–1111–1111"},  # en dashes
    {"h": "x\\4111 1111 1111 1111"},  # an escaped backslash before it
    {"i": "IBAN\u00a0FR7630006000011234567890189"},
    {"j": "x\nGB82 WEST 1234 5698 7654 32"},
])
def test_pm2_the_quick_sieve_never_misses_what_the_walk_finds(value: object) -> None:
    from renewdesk.domain.sensitive import _sieve, _walk

    assert list(_walk(value, ""))
    assert _sieve(value)


def test_pm2_every_pan_and_separator_through_the_sieve() -> None:
    pans = all_pans()
    document = {"customers": [{"name": text} for pan in pans[::3]
                              for sep in SEPARATORS.values() for text in written(pan, sep)]}
    found = list(sensitive_paths(document))
    assert len(found) == len(document["customers"])


def test_pm2_the_quick_sieve_passes_a_document_without_card_numbers() -> None:
    from renewdesk.domain.sensitive import _sieve

    value = {"customers": [{"ref": "C000001", "phone": "+33 4 78 00 00 00", "on": "2027-01-01",
                            "amount": "12.00", "n": 1234567890,
                            "name": "ACME SAS, SIRET 732 829 320 00074"}] * 50}
    assert not _sieve(value)


def test_pm2_a_long_run_without_a_card_number_passes() -> None:
    value = {"rule": "- - - - - - - - - - - -", "phone": "0478 000 000 00 00 0"}
    assert list(sensitive_paths(value)) == []


def test_pm2_paths_of_card_numbers_in_a_document() -> None:
    document = {"customers": [{"ref": "C1", "address": "4242 4242 4242 4242"}], "n": 1}
    assert list(sensitive_paths(document)) == [("customers[0].address", "card_number")]


def test_pm2_the_apps_random_values_are_drawn_again_when_they_read_as_bank_details() -> None:
    draws = iter(["x FR7630006000011234567890189", "x 4111111111111111", "clean"])
    assert never_sensitive(lambda: next(draws)) == "clean"


def test_pm2_a_number_beside_a_card_number_does_not_hide_it() -> None:
    assert contains_card_number("ref 12 4111 1111 1111 1111")
    assert contains_card_number("2026 4111 1111 1111 1111 99")
    assert not contains_card_number("160-3028083-3591193")  # an order number, 3-7-7 digits


def test_pm2_digits_on_two_lines_are_two_numbers_unless_grouped_as_a_card() -> None:
    """A phone number above a postcode is an address; a card number over four lines is one."""
    assert not contains_card_number("Tél. 06 12 34 56 78\n69003 Lyon")
    # Diners' 39 at 19 digits, and Luhn-valid: refused while the lines were joined
    assert not contains_card_number("+39 06 2854 7091\n75015 Paris")
    assert not contains_card_number("+33 4 78 62 31 00\r\n4111 Lyon")
    assert not contains_card_number("BP 4111 1111\n1111 111 Lyon")
    assert contains_card_number("4111\n1111\n1111\n1111")
    assert contains_card_number("carte :\n4111111111111111")


def test_pm2_a_company_label_exempts_only_the_number_beside_it() -> None:
    rng = random.Random(8)
    diners = next(n for n in (_siret(rng) for _ in range(100_000)) if network_of(n) == "diners")
    spaced = _spaced_siret(diners)
    for written_as in (f"SIRET {diners}", f"{spaced} RCS Lyon", f"SIRET - {spaced}",
                       f"SIRET – {diners}", f"SIRET/{diners}", f"SIRET #{diners}",
                       f"SIRET nº {diners}", f"SIRET Nº : {diners}", f"SIRET num : {diners}",
                       f"Siret  N°  :  {diners}", f"SIRET = {diners}", f"SIRET « {diners} »",
                       f"SIRET du siège : {diners}", f"Siret (siège) : {diners}",
                       f"{spaced} - SIRET", f"R.C.S. Lyon {spaced}"):
        assert not contains_card_number(written_as), written_as
    assert contains_card_number(f"SIRET 732 829 320 00074, carte {diners}")
    assert contains_card_number(f"{diners} (voir le SIRET plus bas)")


def test_pm2_messages_never_echo_a_card_number_or_an_iban() -> None:
    """An error that quotes what was given is printed and logged: PM-2 says never echoed."""
    from renewdesk.domain.errors import InputError

    assert redacted("'4111 1111 1111 1111' is not one of a, b") == "'…' is not one of a, b"
    assert redacted("kind 'FR76 3000 6000 0112 3456 7890 189' x") == "kind '…' x"
    assert redacted("SIRET 732 829 320 00074 is fine") == "SIRET 732 829 320 00074 is fine"
    error = InputError(f"services[0].kind: {'4242-4242-4242-4242'!r} is not one of a, b")
    assert sensitive_kind(str(error)) is None and str(error).startswith("services[0].kind: '…'")
    assert sensitive_kind(str(error.prefixed("file.json"))) is None
    # quoted by repr, its separators escaped: a setting typed in the window, an environment value
    typed = "4111\u00a01111\u00a01111\u00a01111"
    quoted = InputError(f"setting nightly_time: {typed!r}")
    assert "4111" not in str(quoted) and "1111" not in str(quoted)


# Every character JSON escapes or cannot encode, and the separators it writes as escapes.
_AWKWARD = [chr(c) for c in range(0x20)] + ["\x7f", "\x85", "\ud800", "\udfff", "\\", '"',
                                            "\u2028", "\u00a0", "\u202f", "é", "_", "a", "1"]


def test_pm2_the_sieve_finds_all_the_walk_finds_around_awkward_characters() -> None:
    """The sieve reads JSON text: escapes (`\\u001c`, `\\b`), lone surrogates and line breaks
    around or between the digits must not hide from it what the walk finds in the values."""
    from renewdesk.domain.sensitive import _sieve, _walk

    rng = random.Random(1602)
    secrets = [*all_pans()[::7], *(n.replace(" ", "") for n in IBANS), *IBANS]
    checked = 0
    for _ in range(6000):
        secret = rng.choice(secrets)
        groups = [secret[i : i + 4] for i in range(0, len(secret), 4)]
        sep = rng.choice([*_AWKWARD, " ", "", "  ", " - ", "\x1f\x1f\x1f", "\u202f-\u202f"])
        text = (rng.choice(_AWKWARD) + sep.join(groups) + rng.choice(_AWKWARD))
        document = rng.choice([{"a": text}, [text], {text: 1}, {"x": ["\n", {"y": text}]}])
        if list(_walk(document, "")):
            checked += 1
            assert _sieve(document), repr(text)
    assert checked > 1500
