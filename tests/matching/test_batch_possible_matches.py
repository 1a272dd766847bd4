"""A batch's possible matches merged per case, as report-by-report recording would leave them."""

from hatehub.matching.batches import possible_matches_by_case
from hatehub.matching.services import Match


def test_each_other_case_once_with_its_best_score_and_any_campaign_link():
    found = [
        (1, [Match(7, 0.6, "alike words", False)]),
        (1, [Match(7, 0.8, "alike screenshot", False), Match(9, 0.5, "same words", False, True)]),
        (1, [Match(7, 0.8, "later, equal", False), Match(9, 0.7, "alike", False)]),
        (2, []),
        (3, [Match(1, 0.9, "alike words", False)]),
    ]

    merged = possible_matches_by_case(found)

    assert merged == {
        1: [Match(7, 0.8, "alike screenshot", False), Match(9, 0.7, "alike", False, True)],
        3: [Match(1, 0.9, "alike words", False)],
    }
