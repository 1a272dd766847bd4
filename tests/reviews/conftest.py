import pytest

from hatehub.accounts.models import Role, User


@pytest.fixture
def decision_maker(forces):
    return User.objects.create_user(
        "decider",
        role=Role.FORCE_USER,
        force=forces["merseyside"],
        first_name="Dana",
        last_name="Decider",
    )
