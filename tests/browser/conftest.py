"""Browser tests: Playwright (Python) driving Debian's Chromium, with axe-core from npm.

Without Chromium they are skipped with the command that installs it, except under CI, where a
missing browser fails the run.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("HUB_CHROMIUM", "/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# The GOV.UK and MOJ styles and scripts the pages load: without them every layout and reveal
# test fails in a way that hides the cause.
BUILT_ASSETS = ROOT / "hatehub" / "static" / "build" / "app.css"
# Playwright's sync API runs an event loop in this thread; the test's own ORM calls are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _missing_browser_reason() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"Chromium not found at {CHROMIUM}: install it with `apt-get install chromium`"
    if not AXE.exists():
        return "axe-core not installed: run `npm ci`"
    if not BUILT_ASSETS.exists():
        return "front-end assets not built: run `npm run build` (`make test` does)"
    return None


@pytest.fixture(scope="session")
def browser():
    reason = _missing_browser_reason()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"Browser tests cannot run under CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    # The hub's Content Security Policy allows only its own scripts; axe-core is injected by
    # the test, so the test's browser lets it in (test_csp.py checks pages without this).
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=True, bypass_csp=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def no_js_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def sign_in(page, user) -> None:
    """Sign a staff user in (the tests run with the second factor off) and wait for the page."""
    from tests.conftest import PASSWORD

    page.goto("/accounts/sign-in/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.locator("h1").wait_for()


def axe_violations(page, impacts=("serious", "critical")) -> list[dict]:
    """Run axe-core on the page; return violations at the given impact levels."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document)")
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:3],
        }
        for v in result["violations"]
        if v["impact"] in impacts
    ]
