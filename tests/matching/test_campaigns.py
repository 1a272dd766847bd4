"""Copy-paste campaigns: the same words posted by many accounts are different posts. They must
never join one case on their words alone; they are linked as a campaign group instead. The same
account and the same words (however badly re-typed) do join, with or without a link."""

import pytest
from django.core.management import call_command

from hatehub.cases.models import Case
from hatehub.matching.models import CampaignMember, PossibleMatch

pytestmark = pytest.mark.django_db

WORDS = "We know where you live, [SLUR] scum. Watch your back on Station Road tonight"


def _group_of(case_id: int):
    return CampaignMember.objects.get(case_id=case_id).group_id


def _possible(a, b) -> bool:
    low, high = sorted((a.case_id, b.case_id))
    return PossibleMatch.objects.filter(case_id=low, other_case_id=high).exists()


@pytest.mark.parametrize("with_links", [True, False], ids=["with links", "accounts only"])
def test_three_accounts_posting_the_same_words_make_three_cases_in_one_campaign_group(
    make_report, with_links
):
    reports = []
    for n, handle in enumerate(["RiverWatch1", "steel_lad_77", "KestrelSays"], start=1):
        urls = [f"https://x.com/{handle}/status/17900000000000000{n}"] if with_links else []
        reports.append(make_report(urls=urls, accounts=[f"@{handle}"], quoted_text=WORDS))

    assert len({report.case_id for report in reports}) == 3
    assert len({_group_of(report.case_id) for report in reports}) == 1
    # Each pair is offered to an officer as a possible match, never combined.
    assert _possible(reports[0], reports[1]) and _possible(reports[1], reports[2])

    call_command("rematch", verbosity=0)  # re-matching keeps them apart too
    for report in reports:
        report.refresh_from_db()
    assert len({report.case_id for report in reports}) == 3
    assert not Case.objects.filter(status=Case.Status.MERGED).exists()


def test_a_quote_and_account_without_a_link_joins_the_linked_case_of_that_accounts_post(
    make_report,
):
    url = "https://twitter.com/River_Watch/status/1790000000000000099?s=20"
    linked = make_report(urls=[url], accounts=[], quoted_text=WORDS)
    # Another account posted the same words: a different post, in a case of its own.
    copy = make_report(
        urls=["https://x.com/copycat_9/status/1790000000000000100"],
        accounts=[],
        quoted_text=WORDS,
    )
    assert copy.case_id != linked.case_id

    # No link: the account as a profile link, as a bare name, in other case, and the words.
    for written in ["https://x.com/river_watch", "RIVER_WATCH", "@River_Watch"]:
        unlinked = make_report(urls=[], accounts=[written], quoted_text=WORDS.lower())
        assert unlinked.case_id == linked.case_id, written


def test_the_same_account_and_the_same_words_with_typos_and_look_alikes_still_join(make_report):
    first = make_report(urls=[], accounts=["@RiverWatch1"], quoted_text=WORDS)
    retyped = [
        "we knw where you  live, [SLUR] scum.  Watch your bakc on Station Road tonight",
        "Wе know whеrе уou livе, [SLUR] ѕcum. Watсh уour back on Statiоn Road tonight",  # Cyrillic
        "w3 kn0w wh3r3 y0u l1v3, [SLUR] scum. W4tch y0ur b4ck on St4tion Road tonight",
    ]
    for text in retyped:
        again = make_report(urls=[], accounts=["riverwatch1"], quoted_text=text)
        assert again.case_id == first.case_id, text


def test_the_same_words_by_another_account_are_a_possible_match_not_a_join(make_report):
    first = make_report(urls=[], accounts=["@RiverWatch1"], quoted_text=WORDS)
    other = make_report(urls=[], accounts=["@SteelLad77"], quoted_text=WORDS)

    assert other.case_id != first.case_id
    assert _possible(first, other)
    match = PossibleMatch.objects.get()
    assert match.reason.startswith("The same words posted by another account")


def test_words_only_alike_by_another_account_are_offered_as_alike_not_as_a_campaign(make_report):
    """Below the likeness that makes two quotes the same content, the officer is not told
    they are "the same words", and the two posts are not put in a campaign group."""
    first = make_report(urls=[], accounts=["@RiverWatch1"], quoted_text=WORDS)
    other = make_report(
        urls=[],
        accounts=["@SteelLad77"],
        quoted_text="We know where you live. Watch your back tonight, all of you",
    )

    assert other.case_id != first.case_id
    match = PossibleMatch.objects.get()
    assert match.reason.startswith("Words like these posted by another account")
    assert not CampaignMember.objects.exists()


def test_the_same_account_with_different_words_is_not_joined(make_report):
    first = make_report(urls=[], accounts=["@RiverWatch1"], quoted_text=WORDS)
    other = make_report(
        urls=[],
        accounts=["@RiverWatch1"],
        quoted_text="Every family on Mill Lane should be made to leave before the summer is out",
    )
    assert other.case_id != first.case_id
    assert not CampaignMember.objects.exists()


def test_words_without_any_account_or_link_join_as_before(make_report):
    first = make_report(urls=[], accounts=["@RiverWatch1"], quoted_text=WORDS)
    unknown = make_report(urls=[], accounts=[], quoted_text=WORDS.upper())
    assert unknown.case_id == first.case_id


def test_a_platform_user_id_identifies_the_account_across_handles(make_submission):
    from hatehub.accounts.models import Organisation
    from hatehub.intake.services import submit_partner_report

    partner = Organisation.objects.create(name="Partner")

    def send(handle, key):
        submission = make_submission(
            urls=[], accounts=[handle], account_ids={handle: "4455667788"}, quoted_text=WORDS
        )
        report, _ = submit_partner_report(submission, organisation=partner, idempotency_key=key)
        return report

    first = send("@old_name", "a")
    renamed = send("@new_name", "b")  # the same account after a rename: one platform id
    assert renamed.case_id == first.case_id


SPOTLIGHT = "https://www.snapchat.com/spotlight/UAIRmJZqZR2vfZZCgmOs8LmPx76GPSZbxMtLf4HhQt"


def test_a_report_naming_an_account_does_not_join_a_post_whose_poster_is_unknown_on_words(
    make_report,
):
    # The post's link says nothing about who posted it, and its reporters named nobody.
    post = make_report(platform="snapchat", urls=[SPOTLIGHT], accounts=[], quoted_text=WORDS)
    # The same words from a named account, without a link: perhaps a campaign copy. Joining
    # would make the post's case that account's, and the copy's reports would follow it there.
    named = make_report(platform="snapchat", urls=[], accounts=["@kestreldad58"], quoted_text=WORDS)
    assert named.case_id != post.case_id
    assert _possible(post, named)
    # Words alone still join (nothing says which post they are from), and so does the link.
    words = make_report(platform="snapchat", urls=[], accounts=[], quoted_text=WORDS)
    assert words.case_id == post.case_id
    linked = make_report(
        platform="snapchat", urls=[SPOTLIGHT], accounts=["@mfuller_34"], quoted_text=WORDS
    )
    assert linked.case_id == post.case_id
    # Now the post's account is known: that account's quote without a link joins it.
    again = make_report(platform="snapchat", urls=[], accounts=["mfuller_34"], quoted_text=WORDS)
    assert again.case_id == post.case_id
