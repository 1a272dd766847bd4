"""The API docs page (/api/v1/docs) in Chromium: a static GOV.UK page with `lang`, readable
contrast and no nested controls (axe-core: no serious or critical violation), with the report
endpoints grouped under "Reports" and every schema a click away. It works without JavaScript."""

import pytest

from .conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_api_docs_pass_axe_and_group_the_report_endpoints(page):
    page.set_viewport_size({"width": 1280, "height": 900})
    response = page.goto("/api/v1/docs")
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "en"
    assert axe_violations(page) == []

    reports = page.locator("section[aria-labelledby=tag-reports]")
    assert reports.get_by_role("heading", name="Reports", exact=True).is_visible()
    operations = reports.locator("h3").all_inner_texts()
    assert [" ".join(text.split()) for text in operations] == [
        "POST /api/v1/reports",
        "GET /api/v1/reports/{reference}",
    ]
    # A body's type links to its schema's fields.
    reports.get_by_role("link", name="ReportIn").first.click()
    assert page.url.endswith("#schema-ReportIn")
    fields = page.locator("section[aria-labelledby=schema-ReportIn] tbody").inner_text()
    assert "description" in fields and "strands" in fields


def test_api_docs_need_no_javascript(no_js_page):
    page = no_js_page
    page.goto("/api/v1/docs")
    page.get_by_text("Example request body").click()
    assert '"strands"' in page.locator("pre").first.inner_text()
    assert page.get_by_role("link", name="/api/v1/openapi.json").is_visible()
