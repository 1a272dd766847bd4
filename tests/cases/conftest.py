import pytest

from .helpers import case_with_evidence


@pytest.fixture
def signed_in(client):
    """`signed_in(user)`: the test client, signed in as that user."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def three_cases(users, forces, make_report):
    """One case allocated to Merseyside, one to Kent, one not allocated; each with a
    thumbnailed screenshot. Values are (case, original evidence)."""
    return {
        "merseyside": case_with_evidence(make_report, force=forces["merseyside"]),
        "kent": case_with_evidence(make_report, force=forces["kent"]),
        "unallocated": case_with_evidence(make_report),
    }
