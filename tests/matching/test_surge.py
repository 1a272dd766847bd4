"""The viral-post case the hub exists for: 500 partner reports of one post, sent through the
API with every kind of URL variant (each fifty times), make one case; a re-match after the fact
changes nothing. Surges of tens of thousands are the benches' (`bench/load_surge.py`,
`bench/matching_quality.py`)."""

import itertools

import pytest
from django.core.management import call_command
from django.test import Client

from hatehub.cases.models import Case
from hatehub.reports.models import Report
from tests.intake.test_api import post_report, report_body

pytestmark = pytest.mark.django_db

STATUS = "1790000000000000042"
URL_VARIANTS = [
    f"https://x.com/Surge_Poster/status/{STATUS}",
    f"https://twitter.com/surge_poster/status/{STATUS}",
    f"http://mobile.twitter.com/SURGE_POSTER/status/{STATUS}/",
    f"https://x.com/surge_poster/status/{STATUS}?s=20",
    f"https://www.twitter.com/Surge_Poster/status/{STATUS}?ref_src=twsrc%5Etfw&t=AbC",
    f"https://x.com/i/web/status/{STATUS}",
    f"https://x.com/surge_poster/status/{STATUS}/photo/1",
    f"https://twitter.com/surge_poster/status/{STATUS}?utm_source=whatsapp&utm_medium=social",
    f"https://X.com/surge_poster/status/{STATUS}#anchor",
    f"https://mobile.x.com/surge_poster/status/{STATUS}",
]
SURGE = 500


def test_500_reports_of_one_post_through_the_api_make_one_case(synthetic, api_key):
    client = Client()
    variants = itertools.cycle(URL_VARIANTS)
    for _ in range(SURGE):
        body = report_body(synthetic, urls=[next(variants)], evidence=[])
        response = post_report(client, api_key, body)
        assert response.status_code == 201, response.content
    assert Report.objects.count() == SURGE
    assert Report.objects.values("case").distinct().count() == 1
    assert Case.objects.count() == 1

    call_command("rematch", verbosity=0)
    assert Report.objects.values("case").distinct().count() == 1
