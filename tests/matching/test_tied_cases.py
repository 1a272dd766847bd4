"""A report that gives the content URL or the evidence file of two open cases ties them: they are
one piece of content, and are combined at once (undoably, audited, by the system). Never on words
alone, never across accounts, never for a pair an officer kept apart."""

import pytest

from hatehub.audit.models import AuditEvent
from hatehub.cases.models import Case, CaseEvent
from hatehub.matching.merging import split_case, undo_merge
from hatehub.matching.models import CaseMerge, PossibleMatch
from hatehub.reports.models import Report

pytestmark = pytest.mark.django_db

POST = "https://x.com/poster_one/status/1790000000000000042"
SHORT = "https://t.co/AbCdEf1234"
WORDS = "everyone from [GROUP] on this street will be burned out before the weekend, mark my words"


def _live(report: Report) -> Case:
    case = Case.objects.get(pk=Report.objects.get(pk=report.pk).case_id)
    assert case.status != Case.Status.MERGED
    return case


def test_a_report_giving_both_cases_address_and_file_combines_them(make_report, png_bytes):
    by_address = make_report(urls=[POST], accounts=[])
    by_file = make_report(urls=[], accounts=[], evidence_bytes=[png_bytes])
    assert by_address.case_id != by_file.case_id

    both = make_report(urls=[POST], accounts=[], evidence_bytes=[png_bytes])

    case = _live(both)
    assert _live(by_address) == _live(by_file) == case
    assert both.case_id == case.pk  # the returned report follows its case
    merge = CaseMerge.objects.get()
    assert merge.merged_by is None and "Combined automatically" in merge.reason
    assert both.reference in merge.reason
    absorbed = Case.objects.get(pk=merge.absorbed_id)
    assert absorbed.status == Case.Status.MERGED and absorbed.merged_into_id == case.pk
    for changed in (case, absorbed):
        assert CaseEvent.objects.filter(case=changed, kind=CaseEvent.Kind.MERGED).exists()
        entry = AuditEvent.objects.filter(
            object_type="case", object_id=changed.reference, summary__contains="merged"
        ).get()
        assert entry.actor_label == "system"


def test_a_short_link_and_the_address_it_shares_tie_their_cases(make_report):
    by_address = make_report(urls=[POST], accounts=[])
    by_short_link = make_report(urls=[SHORT], accounts=[])
    make_report(urls=[SHORT, POST], accounts=[])
    assert _live(by_address) == _live(by_short_link)


def test_the_same_words_alone_never_combine_cases(make_report):
    by_words = make_report(urls=[], accounts=[], quoted_text=WORDS)
    by_address = make_report(urls=[POST], accounts=[], quoted_text="")
    both = make_report(urls=[POST], accounts=[], quoted_text=WORDS)
    assert both.case_id == by_address.case_id != by_words.case_id
    assert not CaseMerge.objects.exists()
    assert PossibleMatch.objects.filter(status=PossibleMatch.Status.OPEN).count() == 1


def test_two_posts_named_in_one_report_are_not_combined(make_report):
    """A reporter naming two posts (a thread and a reply in it, two posts of one account) is
    reporting two items: their cases stay apart."""
    thread = make_report(platform="4chan", urls=["https://boards.4chan.org/pol/thread/9"])
    reply = make_report(platform="4chan", urls=["https://archived.moe/pol/thread/9/#12"])
    make_report(
        platform="4chan",
        urls=["https://boards.4chan.org/pol/thread/9", "https://boards.4chan.org/pol/thread/9#p12"],
    )
    assert _live(thread) != _live(reply)
    # The report joined one of the cases without taking the other post's address with it, so
    # the next report of that post finds only its own case.
    later = make_report(platform="4chan", urls=["https://boards.4chan.org/pol/thread/9#q12"])
    assert _live(later) == _live(reply) != _live(thread)
    assert not CaseMerge.objects.exists()


def test_cases_of_different_accounts_are_not_combined(make_report, png_bytes):
    one = make_report(urls=["https://x.com/poster_one/status/10"], accounts=[])
    two = make_report(urls=[], accounts=["@poster_two"], evidence_bytes=[png_bytes])
    make_report(
        urls=["https://x.com/poster_one/status/10"], accounts=[], evidence_bytes=[png_bytes]
    )
    assert _live(one) != _live(two)
    assert not CaseMerge.objects.exists()
    assert PossibleMatch.objects.filter(status=PossibleMatch.Status.OPEN).exists()


def test_a_pair_an_officer_split_stays_split(make_report, users):
    first = make_report(urls=[POST], accounts=[])
    second = make_report(urls=[POST], accounts=[])
    apart = split_case(first.case, [second], by=users["hub_officer"], reason="Different posts")

    later = make_report(urls=[POST], accounts=[])

    assert Case.objects.get(pk=apart.pk).status != Case.Status.MERGED
    assert _live(second) == apart
    assert _live(later) == _live(first) != apart
    assert not CaseMerge.objects.exists()


def test_a_case_marked_not_the_same_is_not_combined(make_report):
    by_address = make_report(urls=[POST], accounts=[])
    by_short_link = make_report(urls=[SHORT], accounts=[])
    low, high = sorted((by_address.case_id, by_short_link.case_id))
    PossibleMatch.objects.create(
        case_id=low,
        other_case_id=high,
        score=0.5,
        reason="Officer checked",
        found_at=by_address.submitted_at,
        status=PossibleMatch.Status.DISMISSED,
    )
    make_report(urls=[SHORT, POST], accounts=[])
    assert _live(by_address) != _live(by_short_link)


def test_a_closed_case_is_not_combined(make_report):
    by_address = make_report(urls=[POST], accounts=[])
    by_short_link = make_report(urls=[SHORT], accounts=[])
    Case.objects.filter(pk=by_short_link.case_id).update(status=Case.Status.CLOSED)
    both = make_report(urls=[SHORT, POST], accounts=[])
    assert _live(both) == _live(by_address)
    assert Case.objects.get(pk=by_short_link.case_id).status == Case.Status.CLOSED
    assert not CaseMerge.objects.exists()


def test_undo_restores_both_cases_and_they_are_not_combined_again(make_report, users):
    by_address = make_report(urls=[POST], accounts=[], future_event="yes")
    by_short_link = make_report(urls=[SHORT], accounts=[])
    before = {
        case.pk: (case.status, case.urgency, sorted(case.reports.values_list("pk", flat=True)))
        for case in Case.objects.all()
    }
    both = make_report(urls=[SHORT, POST], accounts=[])
    merge = CaseMerge.objects.get()

    undo_merge(merge, by=users["hub_officer"], reason="Not the same post")

    after = {
        case.pk: (
            case.status,
            case.urgency,
            sorted(case.reports.exclude(pk=both.pk).values_list("pk", flat=True)),
        )
        for case in Case.objects.all()
    }
    assert after == before
    assert _live(by_address) != _live(by_short_link)
    make_report(urls=[SHORT, POST], accounts=[])
    assert CaseMerge.objects.count() == 1
    assert _live(by_address) != _live(by_short_link)


def test_a_short_link_filed_on_another_accounts_case_does_not_pull_in_a_report_naming_its_own(
    make_report,
):
    """The viral post (reported by account and words, no link) and a copy of its words by
    another account are two cases. A reporter of the copy gave a share link, which is on the
    copy's case. A later report giving the same
    share link but naming the viral post's account (and quoting the words) joins the viral
    post's case: a short link is only as good as the case it was first filed on, and that case
    is another account's. Neither case is combined with the other."""
    viral = make_report(urls=[], accounts=["@poster_one"], quoted_text=WORDS)
    copy = make_report(urls=[SHORT], accounts=["@copycat_9"], quoted_text=WORDS)
    assert viral.case_id != copy.case_id

    later = make_report(urls=[SHORT], accounts=["@Poster_One"], quoted_text=WORDS)

    assert _live(later) == _live(viral) != _live(copy)
    assert not CaseMerge.objects.exists()


def test_a_report_without_an_account_still_joins_by_a_short_link(make_report):
    """The rule above needs an account named on both sides: a share link alone still finds
    the case it was filed on."""
    first = make_report(urls=[SHORT], accounts=["@copycat_9"], quoted_text="")
    again = make_report(urls=[SHORT], accounts=[], quoted_text="")
    assert _live(again) == _live(first)
