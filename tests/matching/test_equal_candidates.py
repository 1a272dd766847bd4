"""Two cases holding the same words equally (a 4chan post and another anonymous poster's
word-for-word copy): a report giving only those words cannot say which post it saw, and
`find_matches` verifies the likelier case first. At equal buckets that is the case that held the
words first, decided by the rows read and not by the order the index returned them in: the
PostgreSQL read (newest holders first) and the in-memory re-match (oldest first) used to send
such reports to different cases, which cost the generator's seed 2 0.16 recall on the intake
path only."""

import pytest

from hatehub.matching import fingerprints
from hatehub.matching.rematch import MemoryIndex
from hatehub.matching.services import Signals, find_matches, read_url

WORDS = "Every one of them should be rounded up and sent back, starting with the ones on Elm Street"
POST = "https://boards.4chan.org/pol/thread/470100200#p470100200"
COPY = "https://boards.4chan.org/pol/thread/470100200#p470100377"


def _signals(url: str | None = None, words: str = WORDS) -> Signals:
    return Signals(
        platform="4chan",
        urls=[read_url(url)] if url else [],
        file_hashes=[],
        text=fingerprints.text_fingerprint(words),
        images=[],
        accounts=[],  # everyone on 4chan is "Anonymous"
    )


class _NewestFirst(MemoryIndex):
    """The same rows, each bucket's holders newest first (as PostgreSQL's capped read)."""

    def hits(self, keys):
        by_key: dict[tuple[str, str], list] = {}
        for hit in super().hits(keys):
            by_key.setdefault((hit[2], hit[3]), []).append(hit)
        return [hit for holders in by_key.values() for hit in reversed(holders)]


@pytest.mark.parametrize("index_class", [MemoryIndex, _NewestFirst], ids=["oldest", "newest"])
def test_words_only_join_the_case_that_held_them_first_whatever_the_read_order(index_class):
    index = index_class()
    for n in range(1, 4):  # the post, reported three times with its link
        index.add(n, 1, _signals(POST))
    for n in range(4, 7):  # the copy, three times with its own link: another case
        assert find_matches(_signals(COPY), index).case_id in (None, 2)
        index.add(n, 2, _signals(COPY))

    assert find_matches(_signals(), index).case_id == 1


@pytest.mark.django_db
def test_words_only_join_the_case_that_held_them_first_on_the_intake_path(make_report):
    def report(urls):
        return make_report(platform="4chan", urls=urls, accounts=[], quoted_text=WORDS)

    post = [report([POST]) for _ in range(3)]
    copy = [report([COPY]) for _ in range(3)]
    assert len({r.case_id for r in post}) == 1 and len({r.case_id for r in copy}) == 1
    assert post[0].case_id != copy[0].case_id

    assert report([]).case_id == post[0].case_id
