"""Matching at scale (issue 16): a common text band (a viral quote, a copy-paste campaign's
words) is read capped, so a lookup costs the same however many reports hold the band, and the
case of the same account's post is still found by its account + text bands. Re-matching writes
its possible matches and campaign links in bulk and keeps the cases intake made."""

import pytest
from django.core.management import call_command

from hatehub.cases.models import Case
from hatehub.matching import fingerprints, services
from hatehub.matching.models import CampaignMember, MatchKey, PossibleMatch
from hatehub.matching.rematch import MemoryIndex
from hatehub.matching.services import (
    DatabaseIndex,
    Signals,
    account_identities,
    find_matches,
    signals_for,
)
from hatehub.reports.models import Report

WORDS = "We know where you live, [SLUR] scum. Watch your back on Station Road tonight"


def _signals(handle: str | None, words: str = WORDS) -> Signals:
    accounts = account_identities("x", [], [f"@{handle}"] if handle else [], {})
    return Signals(
        platform="x",
        urls=[],
        file_hashes=[],
        text=fingerprints.text_fingerprint(words),
        images=[],
        accounts=accounts,
    )


def _holders_per_key(hits) -> dict[tuple[str, str], int]:
    counts: dict[tuple[str, str], int] = {}
    for _report, _case, kind, value in hits:
        counts[kind, value] = counts.get((kind, value), 0) + 1
    return counts


def test_a_crowded_text_band_is_read_capped_and_the_same_accounts_case_is_still_found():
    index = MemoryIndex()
    index.add(1, 1, _signals("RiverWatch1"))  # the oldest holder of every band
    for n in range(2, 400):  # a campaign: the same words from 398 other accounts
        index.add(n, n, _signals(f"copycat_{n}"))
    text_keys = [key for key in _signals(None).fingerprint_keys()]
    assert len(index.keys[text_keys[0]]) > 3 * services.FUZZY_HOLDERS_READ

    hits = index.hits(text_keys)
    assert max(_holders_per_key(hits).values()) <= services.FUZZY_HOLDERS_READ
    assert 1 not in {case for _r, case, _k, _v in hits}  # pushed out of the capped read

    found = find_matches(_signals("riverwatch1"), index)
    assert found.case_id == 1
    # Another account's copy never joins: a possible match, in the campaign.
    other = find_matches(_signals("somebody_new"), index)
    assert other.case_id is None and other.possible and other.possible[0].campaign


def test_text_fingerprints_are_the_same_with_the_permutations_drawn_once():
    from datasketch import MinHash

    minhash = MinHash(num_perm=fingerprints.NUM_PERM, seed=fingerprints.MINHASH_SEED)
    normalised = fingerprints.normalise_text(WORDS)
    minhash.update_batch([s.encode() for s in sorted(fingerprints._shingles(normalised))])
    fingerprints.text_fingerprint.cache_clear()
    assert fingerprints.text_fingerprint(WORDS).signature == tuple(
        int(v) for v in minhash.hashvalues
    )
    assert fingerprints.text_fingerprint(WORDS) is fingerprints.text_fingerprint(WORDS)


@pytest.mark.django_db
def test_the_database_index_reads_a_crowded_band_capped_and_still_joins_the_account(
    make_report, monkeypatch
):
    monkeypatch.setattr(services, "FUZZY_HOLDERS_READ", 4)
    first = make_report(urls=[], accounts=["@RiverWatch1"], quoted_text=WORDS)
    copies = [make_report(urls=[], accounts=[f"@copycat_{n}"], quoted_text=WORDS) for n in range(8)]
    assert first.case_id not in {copy.case_id for copy in copies}
    band = MatchKey.objects.filter(report=first, kind=MatchKey.Kind.TEXT).first().value
    assert MatchKey.objects.filter(kind=MatchKey.Kind.TEXT, value=band).count() == 9

    signals = signals_for(
        platform="x", urls=[], quoted_text=WORDS, evidence=[], accounts=["riverwatch1"]
    )
    hits = DatabaseIndex().hits(signals.fingerprint_keys())
    assert max(_holders_per_key(hits).values()) <= 4
    assert first.case_id not in {case for _r, case, kind, _v in hits if kind == "text"}

    again = make_report(urls=[], accounts=["riverwatch1"], quoted_text=WORDS.upper())
    assert again.case_id == first.case_id


@pytest.mark.django_db
def test_rematch_keeps_the_cases_and_writes_possible_matches_and_campaigns_in_bulk(
    make_report,
):
    made = []
    for n, handle in enumerate(["RiverWatch1", "steel_lad_77", "KestrelSays"], start=1):
        url = f"https://x.com/{handle}/status/17900000000000000{n}"
        made.append(make_report(urls=[url], accounts=[], quoted_text=WORDS))
        made.append(make_report(urls=[url], accounts=[], quoted_text=WORDS.lower()))
        made.append(make_report(urls=[], accounts=[f"@{handle}"], quoted_text=WORDS))
    made.append(make_report(urls=["https://x.com/other/status/5"], quoted_text="Nothing alike"))
    before = {r.pk: r.case_id for r in Report.objects.all()}
    assert len(set(before.values())) == 4
    PossibleMatch.objects.all().delete()
    CampaignMember.objects.all().delete()

    call_command("rematch", verbosity=0)

    assert {r.pk: r.case_id for r in Report.objects.all()} == before
    assert not Case.objects.filter(status=Case.Status.MERGED).exists()
    campaign_cases = {made[0].case_id, made[3].case_id, made[6].case_id}
    groups = CampaignMember.objects.filter(case_id__in=campaign_cases)
    assert groups.count() == 3 and len({m.group_id for m in groups}) == 1
    assert not CampaignMember.objects.filter(case_id=made[-1].case_id).exists()
    pairs = set(PossibleMatch.objects.values_list("case_id", "other_case_id"))
    low, high = sorted((made[0].case_id, made[3].case_id))
    assert (low, high) in pairs

    call_command("rematch", verbosity=0)  # twice: nothing doubled
    assert set(PossibleMatch.objects.values_list("case_id", "other_case_id")) == pairs
    assert CampaignMember.objects.filter(case_id__in=campaign_cases).count() == 3
