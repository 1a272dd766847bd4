"""`manage.py check --deploy` tells a force's deployment when the address every outgoing link is
built on (Track my report links, support acknowledgements, platforms' callbacks) was left at
the demo's, or is not HTTPS; the everyday `check` (and the demo) stays quiet about it."""

import pytest
from django.core import checks


def _ids(deploy: bool) -> set[str]:
    return {message.id for message in checks.run_checks(include_deployment_checks=deploy)}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://127.0.0.1:8000", "core.W001"),
        ("http://localhost:8000", "core.W001"),
        ("https://[::1]", "core.W001"),
        ("http://hub.example.police.uk", "core.W002"),
        ("hub.example.police.uk", "core.E001"),
    ],
)
def test_a_public_address_left_at_the_demo_or_plain_http_is_reported(settings, url, expected):
    settings.HUB_PUBLIC_URL = url
    found = _ids(deploy=True) & {"core.E001", "core.W001", "core.W002"}
    assert found == {expected}
    assert expected not in _ids(deploy=False)


def test_a_public_https_address_passes(settings):
    settings.HUB_PUBLIC_URL = "https://hub.example.police.uk"
    assert not _ids(deploy=True) & {"core.E001", "core.W001", "core.W002"}
