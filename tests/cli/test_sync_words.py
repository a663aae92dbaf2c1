"""HM-3: what the payment provider's events changed, as `renewdesk sync` and `run-due` print it
(a dispute opened and closed, a SEPA debit settled, a card renewed, a method detached, a refund
made in its dashboard), reads French in a French shell and English otherwise; the event seen
keeps it in English, as data. References stay as they are."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from renewdesk.payments.sandbox import SandboxProcessor
from renewdesk.services import refunds
from renewdesk.store.models import ProcessorEventSeen
from tests.builders import card, customer, document, order, sepa
from tests.cli.test_cli_french import speak
from tests.conftest import World

RULE_ID = re.compile(r"\b(PM|AR|IN|US|SC|NT|EV|MO|CP|RF|SY|IV|HM)-\d+\b")


def sandbox(world: World) -> SandboxProcessor:
    processor = world.app.processor
    assert isinstance(processor, SandboxProcessor)
    return processor


def charge_of(world: World, payment: str) -> str:
    with world.session() as session:
        ref = refunds.find_payment(session, payment).processor_ref
    assert ref is not None
    return ref


@pytest.fixture
def feed(world: World) -> World:
    """On 5 November a run charges O1 by SEPA (settled the next day), O2 on a card its holder
    disputes the next day, O3 on a card; then the networks renew C3's card and C4's is detached
    at the provider."""
    world.load(document(
        [customer("C1", sepa("S1")), customer("C2", card("K2", token="pm_card_createDispute")),
         customer("C3", card("K3", token="pm_card_visa_c3")),
         customer("C4", card("K4", token="pm_card_c4"))],
        orders=[order("O1", "C1", "S1", "2026-11-05", method="sepa"),
                order("O2", "C2", "K2", "2026-11-05"), order("O3", "C3", "K3", "2026-11-05")]))
    code, _out, err = world.cli("run-due", today="2026-11-05")
    assert code == 0, err
    sandbox(world).update_method("pm_card_visa_c3", exp_month=1, exp_year=2032)
    sandbox(world).update_method("pm_card_c4", detached=True)
    return world


def provider_lines(out: str, tag: str) -> list[str]:
    return [line.strip()[len(tag):].strip() for line in out.splitlines()
            if line.strip().startswith(tag + " ")]


SYNCED = {  # the 6th: the SEPA debit settled, the dispute opened, the card renewed and detached
    "fr": ["moyen de paiement K3 mis à jour", "moyen de paiement K4 détaché chez le prestataire",
           "paiement O1#1/1 réussi", "paiement O2#1/1 contesté"],
    "en": ["method K3 updated", "method K4 detached", "payment O1#1/1 succeeded",
           "payment O2#1/1 disputed"],
}
RAN = {  # the 7th: the dispute lost, a refund made in the provider's dashboard
    "fr": ["contestation de O2#1/1 perdue : l'argent est rendu au client",
           "remboursement O3#1/1/1 enregistré depuis le prestataire de paiement"],
    "en": ["dispute of O2#1/1 lost: the money went back to the customer",
           "refund O3#1/1/1 recorded from the processor"],
}
TAG = {"fr": "prestat.", "en": "provider"}


def stored(world: World) -> list[str]:
    with world.session() as session:
        return sorted(session.scalars(select(ProcessorEventSeen.change)))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_hm3_sync_prints_what_the_events_changed_in_the_shells_language(
        feed: World, monkeypatch: pytest.MonkeyPatch, language: str) -> None:
    speak(monkeypatch, language)
    code, out, err = feed.cli("sync", today="2026-11-06")
    assert code == 0, err
    assert sorted(provider_lines(out, TAG[language])) == SYNCED[language]
    assert not RULE_ID.search(out)
    # What is stored of each event stays English, whatever the shell spoke.
    assert stored(feed) == SYNCED["en"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_hm3_run_due_prints_a_dispute_closed_and_a_dashboard_refund_in_the_shells_language(
        feed: World, monkeypatch: pytest.MonkeyPatch, language: str) -> None:
    assert feed.cli("sync", today="2026-11-06")[0] == 0
    ledger = sandbox(feed)
    (dispute,) = ledger.disputes_of(charge_of(feed, "O2#1/1"))
    ledger.close_dispute(dispute, won=False)
    ledger.refund_elsewhere(charge_of(feed, "O3#1/1"), 500)
    speak(monkeypatch, language)
    code, out, err = feed.cli("run-due", today="2026-11-07")
    assert code == 0, err
    said = provider_lines(out, TAG[language])
    assert sorted(said[:-1]) == RAN[language]  # then the count of events read
    assert not RULE_ID.search(out)
    if language == "fr":
        assert not {"dispute", "refund", "recorded", "lost"} & set(out.split())
    assert set(RAN["en"]) <= set(stored(feed))
