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


def test_browser_tests_without_built_assets_say_how_to_build_them(monkeypatch, tmp_path):
    import sys

    from tests.browser import conftest as browser

    monkeypatch.setattr(browser, "CHROMIUM", sys.executable)  # a browser is there
    monkeypatch.setattr(browser, "AXE", tmp_path / "axe.min.js")
    (tmp_path / "axe.min.js").write_text("")
    monkeypatch.setattr(browser, "BUILT_ASSETS", tmp_path / "build" / "app.css")
    assert browser._missing_browser_reason() == (
        "front-end assets not built: run `npm run build` (`make test` does)"
    )
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "app.css").write_text("")
    assert browser._missing_browser_reason() is None
