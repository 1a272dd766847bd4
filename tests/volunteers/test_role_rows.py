"""The role table's rows for volunteers, training and advice, checked on their own (the full
table in tests/test_role_access.py walks every URL of the project)."""

import pytest
from django.test import Client

from tests.role_access_table import ROLES
from tests.test_role_access import EXPECTED, METHODS, _matches, all_routes, build_url

OURS = ("volunteers:", "training:", "advice:")


@pytest.mark.parametrize("role", ROLES)
def test_our_urls_answer_each_role_as_expected(users, role):
    client = Client()
    if role != "anonymous":
        client.force_login(users[role])
    routes = [route for route in all_routes() if route.key.startswith(OURS)]
    assert len(routes) >= 27
    problems = []
    for route in routes:
        expected = EXPECTED[route.key][role]
        url = build_url(route, {})
        method = METHODS.get(route.key, "get")
        response = getattr(client, method)(url)
        if not _matches(expected, response):
            problems.append(f"{method} {url}: {response.status_code}, expected {expected}")
    assert not problems, "\n".join(problems)
