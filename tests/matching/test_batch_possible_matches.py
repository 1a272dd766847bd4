"""A batch's possible matches written together, as report-by-report recording would leave them:
each pair of cases offered once with its best score, an officer's decision kept, and the cases
of the same words by other accounts in one campaign group."""

import pytest
from django.utils import timezone

from hatehub.matching.models import CampaignMember, PossibleMatch
from hatehub.matching.services import Match, record_possible_pairs

pytestmark = pytest.mark.django_db


def _offers() -> dict[tuple[int, int], tuple[float, str, str]]:
    return {
        (row.case_id, row.other_case_id): (row.score, row.reason, row.status)
        for row in PossibleMatch.objects.all()
    }


def test_each_pair_once_with_its_best_score_an_officers_decision_kept_and_campaigns_grouped(
    make_report,
):
    a, b, c, d, e = (
        make_report(urls=[f"https://x.com/p{n}/status/1{n}"]).case_id for n in range(5)
    )
    dismissed = PossibleMatch.objects.create(
        case_id=min(a, e),
        other_case_id=max(a, e),
        score=0.5,
        reason="alike",
        status="dismissed",
        found_at=timezone.now(),
    )

    offered = record_possible_pairs(
        [
            (a, Match(b, 0.6, "alike words", False)),
            (a, Match(b, 0.8, "alike screenshot", False)),
            (b, Match(a, 0.8, "later, equal", False)),
            (a, Match(c, 0.5, "same words by another account", False, True)),
            (d, Match(c, 0.7, "same words by another account", False, True)),
            (a, Match(e, 0.9, "alike words", False)),
            (a, Match(a, 1.0, "its own case", False)),
        ]
    )

    assert offered == 6
    pair = lambda x, y: (min(x, y), max(x, y))  # noqa: E731
    assert _offers() == {
        pair(a, b): (0.8, "alike screenshot", "open"),
        pair(a, c): (0.5, "same words by another account", "open"),
        pair(c, d): (0.7, "same words by another account", "open"),
        pair(a, e): (0.5, "alike", "dismissed"),  # the officer said "not the same"
    }
    groups = dict(CampaignMember.objects.values_list("case_id", "group_id"))
    assert set(groups) == {a, c, d} and len(set(groups.values())) == 1

    # A better score later raises an open offer; the same words again join the same group.
    record_possible_pairs([(b, Match(a, 0.85, "alike words", False))])
    record_possible_pairs([(e, Match(d, 0.6, "same words by another account", False, True))])
    assert _offers()[pair(a, b)] == (0.85, "alike words", "open")
    groups = dict(CampaignMember.objects.values_list("case_id", "group_id"))
    assert set(groups) == {a, c, d, e} and len(set(groups.values())) == 1
    dismissed.refresh_from_db()
    assert dismissed.status == "dismissed"
