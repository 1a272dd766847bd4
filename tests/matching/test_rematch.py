"""`manage.py rematch`: after an import that skipped matching, or a rule change, every report is
matched again; cases about the same content are merged (undoably), others are left alone."""

import gc

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction

from hatehub.cases.models import Case
from hatehub.cases.services import open_case
from hatehub.matching import rematch
from hatehub.matching.merging import undo_merge
from hatehub.matching.models import CaseMerge, MatchKey
from hatehub.reports.models import ContentItem, Report

pytestmark = pytest.mark.django_db


def _imported_apart(report: Report) -> Case:
    """What an import without matching leaves: the report alone in a case of its own."""
    case = open_case(urgency=3, urgency_reason="Imported")
    Report.objects.filter(pk=report.pk).update(case=case)
    MatchKey.objects.filter(report=report).delete()
    return case


def test_rematch_merges_cases_about_the_same_post_and_leaves_others(make_report, capsys):
    first = make_report(urls=["https://x.com/poster/status/123"])
    second = make_report(urls=["https://x.com/poster/status/123"])
    other = make_report(urls=["https://x.com/poster/status/456"])
    apart = _imported_apart(second)
    assert Report.objects.values("case").distinct().count() == 3

    call_command("rematch")

    assert "1 case(s)" in capsys.readouterr().out
    second.refresh_from_db()
    other.refresh_from_db()
    assert second.case_id == first.case_id
    assert other.case_id != first.case_id
    apart.refresh_from_db()
    assert apart.status == Case.Status.MERGED
    # The merge is the same kind an officer makes, so it can be undone the same way.
    undo_merge(CaseMerge.objects.get(), by=None, reason="Check")
    second.refresh_from_db()
    assert second.case_id == apart.pk


def test_dry_run_changes_nothing(make_report):
    make_report(urls=["https://x.com/poster/status/123"])
    second = make_report(urls=["https://x.com/poster/status/123"])
    apart = _imported_apart(second)
    keys = MatchKey.objects.count()
    call_command("rematch", dry_run=True, verbosity=0)
    second.refresh_from_db()
    assert second.case_id == apart.pk
    assert MatchKey.objects.count() == keys


def test_rematch_twice_is_stable(make_report):
    for url in ["https://x.com/a/status/1", "https://x.com/a/status/1", "https://x.com/b/status/2"]:
        make_report(urls=[url])
    call_command("rematch", verbosity=0)
    cases = sorted(Report.objects.values_list("case_id", flat=True))
    keys = MatchKey.objects.count()
    call_command("rematch", verbosity=0)
    assert sorted(Report.objects.values_list("case_id", flat=True)) == cases
    assert MatchKey.objects.count() == keys


def test_rematch_writes_back_links_read_differently_by_the_current_rules(make_report):
    """After a change to the URL rules, the stored canonical form of each link is the new one;
    links already read the same way are left as they are."""
    changed = make_report(urls=["https://twitter.com/poster/status/123?s=20"])
    same = make_report(urls=["https://x.com/other/status/456"])
    item = changed.content_items.get()
    kept = same.content_items.get()
    expected = (item.canonical_url, item.platform, item.content_id)
    assert expected == ("x.com/status/123", "x", "123")
    ContentItem.objects.filter(pk=item.pk).update(
        canonical_url="https://stale.example/1", platform="", content_id=""
    )

    call_command("rematch", verbosity=0)

    item.refresh_from_db()
    assert (item.canonical_url, item.platform, item.content_id) == expected
    before = (kept.canonical_url, kept.platform, kept.content_id)
    kept.refresh_from_db()
    assert (kept.canonical_url, kept.platform, kept.content_id) == before


def test_a_report_offered_to_another_case_keeps_its_keys_in_its_own(make_report):
    """Re-matching only offers two existing cases alike in words to an officer; the report
    stays in its own case, so that case must still be found by the report's words."""
    words = "We know where you live, [SLUR] scum. Watch your back on Station Road tonight"
    held = [make_report(urls=[], accounts=["@RiverWatch1"], quoted_text=words) for _ in range(3)]
    assert len({report.case_id for report in held}) == 1
    apart = make_report(urls=[], accounts=["@RiverWatch1"], quoted_text=words)
    own = _imported_apart(apart)

    call_command("rematch", verbosity=0)

    apart.refresh_from_db()
    assert apart.case_id == own.pk  # a likeness is an officer's call: not merged
    kinds = set(MatchKey.objects.filter(report=apart).values_list("kind", flat=True))
    assert {MatchKey.Kind.TEXT, MatchKey.Kind.ACCOUNT_TEXT, MatchKey.Kind.ACCOUNT} <= kinds


def test_the_rebuilt_index_keeps_its_lookup_index_and_constraints(make_report):
    """PostgreSQL rebuilds the index without its indexes and constraints, then makes them again
    (a bulk load): the lookup index, the foreign key to the report and the one-key-per-report
    rule are all there afterwards, and the rule still holds."""
    first = make_report(urls=["https://x.com/poster/status/123"])
    make_report(urls=["https://x.com/poster/status/123"])

    def constraints() -> dict:
        with connection.cursor() as cursor:
            found = connection.introspection.get_constraints(cursor, MatchKey._meta.db_table)
        return {
            name: (c["columns"], c["unique"], c["index"], c["foreign_key"])
            for name, c in found.items()
        }

    before = constraints()

    call_command("rematch")

    after = constraints()
    assert {"match_key_once", "match_key_lookup"} <= set(after)
    assert sorted(after.values()) == sorted(before.values())
    key = MatchKey.objects.filter(report=first).first()
    with pytest.raises(IntegrityError), transaction.atomic():
        MatchKey.objects.create(report=first, kind=key.kind, value=key.value)


def test_a_rematch_of_many_batches_finds_what_one_batch_finds(make_report, monkeypatch):
    """Past one batch, the next batch's signals are worked out in a second process while this
    one matches; the cases, merges and keys must be the ones a single batch gives."""
    words = "We know where you live, [SLUR] scum. Watch your back on Station Road tonight"
    reports = [
        make_report(urls=["https://x.com/poster/status/123"]),
        make_report(urls=["https://twitter.com/poster/status/123?s=20"]),
        make_report(urls=[], accounts=["@RiverWatch1"], quoted_text=words),
        make_report(urls=["https://x.com/other/status/456"]),
        make_report(urls=[], accounts=["@RiverWatch1"], quoted_text=words),
    ]
    for report in (reports[1], reports[4]):
        _imported_apart(report)

    monkeypatch.setattr(rematch, "BATCH", 1000)
    whole = rematch.rematch_all(dry_run=True)
    monkeypatch.setattr(rematch, "BATCH", 2)
    seen: list[int] = []
    in_batches = rematch.rematch_all(dry_run=True, progress=seen.append)
    assert (in_batches.reports, in_batches.keys, in_batches.merges) == (5, whole.keys, 1)
    assert whole.merges == 1 and seen == [2, 4, 5]
    assert gc.get_freeze_count() == 0  # the run's objects are the collector's again

    rematch.rematch_all()
    cases = [Report.objects.get(pk=report.pk).case_id for report in reports]
    assert cases[0] == cases[1] and cases[2] != cases[4]  # the same post; a likeness offered
    assert len(set(cases)) == 4
