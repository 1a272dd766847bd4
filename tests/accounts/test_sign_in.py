"""Signing in lands each role where its work is; signed-in staff keep the hub layout on errors."""

import pytest
from django.test import Client

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "landing"),
    [
        ("hub_officer", "/hub/"),
        ("force_user", "/hub/"),
        ("volunteer", "/volunteer/"),
        ("analyst", "/hub/analytics/"),
        ("partner", "/api/v1/docs"),
    ],
)
def test_sign_in_lands_each_role_where_its_work_is(users, role, landing):
    response = Client().post(
        "/accounts/sign-in/", {"username": users[role].username, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == landing


def test_a_wrong_password_says_so_and_signs_nobody_in(users):
    client = Client()
    response = client.post(
        "/accounts/sign-in/", {"username": users["hub_officer"].username, "password": "nope"}
    )
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert client.get("/hub/").status_code == 302


def test_signed_in_staff_get_the_hub_layout_on_a_missing_page(users):
    client = Client()
    client.force_login(users["hub_officer"])
    page = client.get("/hub/no-such-page/").content.decode()
    assert "Page not found" in page
    assert "Sign out" in page
    assert "Exit this page" not in page
