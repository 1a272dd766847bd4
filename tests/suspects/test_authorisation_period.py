"""IPA 2016 s65 (DOMAIN.md s5a): an authorisation has effect for one month beginning with the
day it was granted (three days when urgent), and nothing may be sent on a lapsed one. The UK-US
Data Access Agreement is for offences punishable by at least three years."""

from datetime import date, timedelta
from unittest import mock

import pytest
from django.utils import timezone

from hatehub.suspects import routing, services
from hatehub.suspects.models import Authorisation, IdentificationRequest

Status = IdentificationRequest.Status


@pytest.mark.parametrize(
    ("body", "granted", "last_day"),
    [
        ("ocda", date(2026, 1, 5), date(2026, 2, 4)),  # one month beginning with 5 January
        ("ocda", date(2026, 12, 15), date(2027, 1, 14)),  # over the year end
        ("ocda", date(2026, 1, 31), date(2026, 2, 27)),  # no 31 February: the short side
        ("dso_urgent", date(2026, 1, 5), date(2026, 1, 7)),  # three days beginning with 5 Jan
    ],
)
def test_last_day_in_force(body, granted, last_day):
    assert services.authorisation.last_day_in_force(body, granted) == last_day


def _granted(request, days_ago):
    Authorisation.objects.filter(request=request).update(
        authorised_on=timezone.localdate() - timedelta(days=days_ago)
    )


def _on(day):
    return mock.patch.object(timezone, "localdate", return_value=day)


def test_sent_on_the_last_day_of_the_month_not_the_day_after(users, authorised_request):
    Authorisation.objects.filter(request=authorised_request).update(authorised_on=date(2026, 1, 5))
    with _on(date(2026, 2, 4)):
        assert services.authorisation.may_send(authorised_request) == (True, "")
    with _on(date(2026, 2, 5)):
        ok, why = services.authorisation.may_send(authorised_request)
        assert not ok and "lapsed" in why and "4 February 2026" in why.replace("04", "4")
        with pytest.raises(services.RequestRefused, match="lapsed"):
            services.sending.mark_sent(authorised_request, how="portal", by=users["spoc"])
    authorised_request.refresh_from_db()
    assert authorised_request.status == Status.AUTHORISED  # nothing was sent


def test_an_urgent_authorisation_lapses_after_three_days(users, authorised_request):
    Authorisation.objects.filter(request=authorised_request).update(
        body=Authorisation.Body.DSO_URGENT, authorised_on=timezone.localdate() - timedelta(days=2)
    )
    assert services.authorisation.may_send(authorised_request)[0]  # the third day
    _granted(authorised_request, 3)
    assert not services.authorisation.may_send(authorised_request)[0]  # the fourth day


def test_data_access_agreement_threshold_is_at_least_three_years():
    route = routing.decide(routing.Facts("US", "uk", serious_crime=True))
    assert route.code == routing.UK_US_DAA and "at least three years" in route.reason
    below = routing.decide(routing.Facts("US", "uk", serious_crime=False))
    assert below.code == routing.MLA and "at least three years" in below.reason
