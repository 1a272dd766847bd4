"""A test that needs a tool or service the machine lacks is skipped with how to get it, except
under CI, where it fails: CI must never pass by skipping."""

import pytest

from tests.conftest import require


def test_a_missing_tool_skips_with_how_to_install_it(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install poppler-utils"):
        require(False, "pdftoppm not found: install it with `apt-get install poppler-utils`")


def test_under_ci_a_missing_tool_fails(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="Cannot run under CI: Redis"):
        require(False, "Redis is not reachable")


def test_an_available_tool_changes_nothing(monkeypatch):
    monkeypatch.setenv("CI", "true")
    require(True, "never shown")
