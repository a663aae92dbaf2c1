"""The next step of a round, decided from its state alone (no database, no processor)."""

from __future__ import annotations

from renewdesk.services.round_step import Next, RoundState, next_step


def test_sc2_an_open_attempt_not_yet_asked_about_is_asked_before_anything_else() -> None:
    assert next_step(RoundState(("declined", "unknown"), unasked=True)) is Next.ASK
    assert next_step(RoundState(("succeeded", "pending"), unasked=True)) is Next.ASK


def test_sc2_an_attempt_the_processor_never_received_is_sent_again_not_repeated() -> None:
    assert next_step(RoundState(("declined", "unsent"))) is Next.RESEND


def test_sc2_an_outcome_still_unknown_ends_the_run_for_that_round_without_a_new_attempt() -> None:
    assert next_step(RoundState(("declined", "unknown"))) is Next.UNKNOWN


def test_sc1_a_round_not_begun_starts_only_when_due() -> None:
    assert next_step(RoundState((), due=False)) is Next.SKIP
    assert next_step(RoundState((), due=True)) is Next.CHARGE


def test_sc2_a_round_already_begun_is_finished_even_if_no_longer_due() -> None:
    assert next_step(RoundState(("succeeded",), due=False)) is Next.PAID
    assert next_step(RoundState(("declined",), due=False)) is Next.CHARGE


def test_ar5_a_success_after_a_decline_pays_the_round() -> None:
    assert next_step(RoundState(("declined", "succeeded"))) is Next.PAID


def test_pm4_a_decline_moves_on_to_the_next_method() -> None:
    assert next_step(RoundState(("declined", "declined"))) is Next.CHARGE


def test_in6_a_sepa_debit_processing_leaves_the_round_waiting() -> None:
    assert next_step(RoundState(("pending",))) is Next.PENDING


def test_sc1_the_steps_that_end_a_round_name_its_outcome() -> None:
    assert [step.value for step in (Next.PAID, Next.UNKNOWN, Next.PENDING, Next.SKIP)] == [
        "paid", "unknown", "pending", "skipped"]
