"""The audit log detects any changed, removed or forged entry."""

import pytest
from django.core.management import CommandError, call_command

from hatehub.audit import chain
from hatehub.audit.models import AuditEvent
from hatehub.audit.services import Action, record, verify_chain


def _entries(n):
    rows, previous = [], chain.GENESIS_HASH
    for sequence in range(1, n + 1):
        fields = {"sequence": sequence, "summary": f"entry {sequence}"}
        digest = chain.entry_hash(previous, fields)
        rows.append((sequence, previous, digest, fields))
        previous = digest
    return rows


def test_an_untouched_chain_verifies():
    rows = _entries(5)
    assert chain.verify(rows, head=(5, rows[-1][2])) == []


def test_a_changed_entry_is_named():
    rows = _entries(5)
    sequence, previous, digest, fields = rows[2]
    rows[2] = (sequence, previous, digest, {**fields, "summary": "rewritten"})
    breaks = chain.verify(rows, head=(5, rows[-1][2]))
    assert [b.sequence for b in breaks] == [3]
    assert "changed" in breaks[0].problem


def test_a_removed_entry_in_the_middle_is_detected():
    rows = _entries(5)
    del rows[1]
    breaks = chain.verify(rows, head=(5, rows[-1][2]))
    assert breaks and breaks[0].sequence == 3


def test_entries_removed_from_the_end_are_detected_by_the_head():
    rows = _entries(5)
    breaks = chain.verify(rows[:3], head=(5, rows[-1][2]))
    assert breaks and "5 were written" in breaks[-1].problem


@pytest.mark.django_db
def test_verify_audit_command_passes_then_reports_a_tampered_entry(capsys):
    for number in range(3):
        record(Action.VIEW, "case", f"OHH-2026-{number:06d}", summary=f"viewed {number}")
    call_command("verify_audit")
    assert "intact: 3 entries" in capsys.readouterr().out

    # Someone with database access edits an entry to hide what they looked at.
    AuditEvent.objects.filter(sequence=2).update(object_id="OHH-2026-999999")
    with pytest.raises(CommandError, match="FAILED"):
        call_command("verify_audit")
    assert "Audit entry 2" in capsys.readouterr().err


@pytest.mark.django_db
def test_verify_audit_detects_a_deleted_last_entry():
    for number in range(3):
        record(Action.VIEW, "case", str(number), summary="viewed")
    AuditEvent.objects.filter(sequence=3).delete()
    assert verify_chain()


@pytest.mark.django_db
def test_an_entry_written_in_a_rolled_back_transaction_leaves_no_trace():
    from django.db import transaction

    record(Action.VIEW, "case", "1", summary="kept")
    with pytest.raises(RuntimeError), transaction.atomic():
        record(Action.CHANGE, "case", "1", summary="rolled back")
        raise RuntimeError
    record(Action.VIEW, "case", "1", summary="after")
    assert list(AuditEvent.objects.order_by("sequence").values_list("summary", flat=True)) == [
        "kept",
        "after",
    ]
    assert verify_chain() == []
