"""Matching at intake, through the real intake service: duplicates join one case, different
posts by one account stay apart but share the account, weaker likenesses are offered to an
officer instead of combined."""

import io

import pytest
from PIL import Image

from hatehub.cases.models import Case, CaseEvent
from hatehub.matching.models import AccountHandle, OnlineAccount, PossibleMatch
from hatehub.matching.services import link_account

pytestmark = pytest.mark.django_db

POST = "https://x.com/Example_Poster/status/1790000000000000001"
VARIANTS = [
    POST,
    "https://twitter.com/example_poster/status/1790000000000000001?s=20&t=abcDEF",
    "mobile.twitter.com/Example_Poster/status/1790000000000000001",
    "https://x.com/i/web/status/1790000000000000001#reply",
    "https://X.COM/Example_Poster/status/1790000000000000001/photo/1?utm_source=share",
]
QUOTE = "All of [GROUP] should be driven out of this town before the match on Saturday"


def test_every_variant_of_one_post_gives_one_case(make_report):
    reports = [make_report(urls=[url], accounts=[]) for url in VARIANTS]
    assert len({report.case_id for report in reports}) == 1
    case = reports[0].case
    assert case.reports.count() == len(VARIANTS)
    joined = case.events.filter(kind=CaseEvent.Kind.REPORT_ADDED).exclude(details__match="")
    assert joined.count() == len(VARIANTS) - 1
    assert "Same content URL" in joined.first().summary


def test_content_items_carry_canonical_url_platform_and_id(make_report):
    report = make_report(urls=[VARIANTS[1]], accounts=[])
    item = report.content_items.get()
    assert item.platform == "x"
    assert item.content_id == "1790000000000000001"
    assert item.canonical_url
    assert item.account.handle == "example_poster"


def test_two_posts_by_one_account_are_two_cases_linked_to_one_account(make_report):
    first = make_report(
        urls=["https://x.com/Example_Poster/status/111"], accounts=["@Example_Poster"]
    )
    second = make_report(
        urls=["https://twitter.com/example_poster/status/222"],
        accounts=["https://twitter.com/EXAMPLE_POSTER/with_replies"],
    )
    assert first.case_id != second.case_id
    accounts = OnlineAccount.objects.filter(platform="x")
    assert accounts.count() == 1
    account = accounts.get()
    assert account.handle == "example_poster"
    assert {m.report_id for m in account.mentions.all()} == {first.pk, second.pk}


def test_same_evidence_file_joins_the_case(make_report, png_bytes):
    first = make_report(urls=[], accounts=["@someone"], evidence_bytes=[png_bytes])
    second = make_report(urls=[], accounts=["@someone_else"], evidence_bytes=[png_bytes])
    assert first.case_id == second.case_id


def test_quoted_text_with_typos_and_look_alikes_joins_without_a_url(make_report):
    first = make_report(urls=[], accounts=["@a_reporter_named_it"], quoted_text=QUOTE)
    variant = "all of [GROUP] shou1d be driven 0ut of this t\u043ewn before the match on saturday!!"
    second = make_report(urls=[], accounts=["@a_reporter_named_it"], quoted_text=variant)
    assert first.case_id == second.case_id


def test_the_same_address_outranks_the_same_words(make_report):
    """Found by the surge bench: a case opened from quoted text alone and a case opened from the
    post's address; a report giving both joins the address's case and offers the other."""
    by_words = make_report(urls=[], accounts=["@a_reporter_named_it"], quoted_text=QUOTE)
    by_address = make_report(urls=[POST], accounts=[], quoted_text="")
    both = make_report(urls=[VARIANTS[1]], accounts=[], quoted_text=QUOTE)
    assert both.case_id == by_address.case_id != by_words.case_id
    assert (
        PossibleMatch.objects.filter(case=by_address.case, other_case=by_words.case).exists()
        or PossibleMatch.objects.filter(case=by_words.case, other_case=by_address.case).exists()
    )


def test_different_quoted_text_opens_a_new_case(make_report):
    first = make_report(urls=[], accounts=["@x1"], quoted_text=QUOTE)
    other = make_report(
        urls=[],
        accounts=["@x1"],
        quoted_text="Nobody from [GROUP] is welcome at the club and I will make sure of it",
    )
    assert first.case_id != other.case_id


def test_same_words_in_two_different_posts_are_two_cases(make_report):
    """A copy-paste campaign: the same text posted by different accounts is different posts."""
    first = make_report(urls=["https://x.com/one/status/10"], quoted_text=QUOTE)
    second = make_report(urls=["https://x.com/two/status/20"], quoted_text=QUOTE)
    assert first.case_id != second.case_id


def _recompressed(png: bytes, quality: int = 60) -> bytes:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    w, h = image.size
    image = image.crop((w // 40, h // 40, w - w // 40, h - h // 40)).resize(
        (w * 3 // 4, h * 3 // 4)
    )
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=quality)
    return out.getvalue()


def test_recompressed_cropped_screenshot_joins_the_case(make_report, synthetic):
    png = synthetic.screenshot(synthetic.post(platform="instagram"))
    first = make_report(urls=[], accounts=["@someone"], evidence_bytes=[png])
    second = make_report(urls=[], accounts=["@someone"], evidence_bytes=[_recompressed(png)])
    assert first.case_id == second.case_id


def test_screenshots_of_different_posts_stay_apart(make_report, synthetic):
    first = make_report(
        urls=[], evidence_bytes=[synthetic.screenshot(synthetic.post(platform="x"))]
    )
    second = make_report(
        urls=[], evidence_bytes=[synthetic.screenshot(synthetic.post(platform="x"))]
    )
    assert first.case_id != second.case_id


def test_a_report_matching_two_cases_joins_one_and_offers_the_other(make_report):
    a = make_report(urls=["https://x.com/one/status/10"], accounts=[])
    b = make_report(urls=["https://x.com/two/status/20"], accounts=[])
    both = make_report(
        urls=["https://x.com/one/status/10", "https://x.com/two/status/20"], accounts=[]
    )
    assert both.case_id in (a.case_id, b.case_id)
    match = PossibleMatch.objects.get()
    assert {match.case_id, match.other_case_id} == {a.case_id, b.case_id}
    assert Case.objects.exclude(status=Case.Status.MERGED).count() == 2


def test_a_more_urgent_report_raises_the_case_urgency(make_report):
    first = make_report(urls=[POST], future_event="no")
    second = make_report(urls=[VARIANTS[1]], future_event="yes", future_event_details="Sat")
    first.case.refresh_from_db()
    assert second.case_id == first.case_id
    assert first.case.urgency == second.case.urgency
    assert first.case.urgency < 3


def test_platform_user_id_wins_over_handles_and_keeps_history(db):
    old = link_account("x", "old_name", platform_user_id="12345")
    renamed = link_account("x", "new_name", platform_user_id="12345")
    assert old.pk == renamed.pk
    renamed.refresh_from_db()
    assert renamed.handle == "new_name"
    assert set(AccountHandle.objects.filter(account=renamed).values_list("handle", flat=True)) == {
        "old_name",
        "new_name",
    }
    # Someone naming the old handle is still pointed at the same account.
    assert link_account("x", "old_name").pk == old.pk


def test_a_handle_first_seen_without_id_adopts_the_id_later(db):
    by_handle = link_account("x", "someone")
    with_id = link_account("x", "someone", platform_user_id="999")
    assert by_handle.pk == with_id.pk
    assert OnlineAccount.objects.get(pk=by_handle.pk).platform_user_id == "999"


def test_a_partner_giving_the_platform_id_links_a_renamed_account(synthetic, api_key):
    from django.test import Client

    from tests.intake.test_api import post_report, problem_of, report_body

    client = Client()
    first = report_body(
        synthetic, accounts=["@old_name"], account_ids={"@old_name": "9900112233"}, urls=[]
    )
    assert post_report(client, api_key, first).status_code == 201
    renamed = report_body(
        synthetic, accounts=["@new_name"], account_ids={"@new_name": "9900112233"}, urls=[]
    )
    assert post_report(client, api_key, renamed).status_code == 201
    account = OnlineAccount.objects.get(platform_user_id="9900112233")
    assert account.handle == "new_name"
    assert set(account.handles.values_list("handle", flat=True)) == {"old_name", "new_name"}
    assert account.mentions.count() == 2

    unnamed = report_body(synthetic, accounts=["@a"], account_ids={"@b": "1"}, urls=[])
    problem = problem_of(post_report(client, api_key, unnamed), 422)
    assert any(e["field"] == "account_ids" for e in problem["errors"])
