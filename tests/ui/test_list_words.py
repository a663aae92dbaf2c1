"""HM-3 in the lists: the words of their headers, statuses, filters and codes are in the language
installed last, though each table of words is translated once per language (ui/i18n.py)."""

from __future__ import annotations

from typing import Any

from renewdesk.ui import i18n


def test_hm3_list_words_follow_the_language_installed_last(qtbot: Any) -> None:
    i18n.install("fr")
    french = (i18n.column_title("ref"), i18n.status_text("active"), i18n.filter_title(""),
              i18n.word_text("monthly"), i18n.event_text("renewal.paid"))
    i18n.install("en")
    english = (i18n.column_title("ref"), i18n.status_text("active"), i18n.filter_title(""),
               i18n.word_text("monthly"), i18n.event_text("renewal.paid"))
    assert english == ("Reference", "Active", "All", "monthly", "Renewal paid")
    assert french == ("Référence", "Actif", "Tous", "mensuel", "Renouvellement payé")
    i18n.install("fr")
    assert i18n.column_title("ref") == "Référence"  # not the English kept from before
    assert i18n.column_title("no_such_key") == "no_such_key"  # an unknown code, as it is
