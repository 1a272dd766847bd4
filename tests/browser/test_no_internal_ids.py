"""No raw internal ids on the staff pages, found the way a user finds them: the hub officer,
the supervisor and a force user open every page in their navigation, the case page and every
page it links to, with every folded section open, and no page shows an internal name
(`not_police_matter`, `sent_by_communication`, `ca2003_s127_1`), a Python value (`True`,
`['race']`) or the project's notes (`DOMAIN.md`). The audit log is left out: it records object
types as stored."""

import re

import pytest

from hatehub.cases.services import allocate
from hatehub.privacy.services import erase_case
from tests.platforms.helpers import decided_case, example_platform

from .conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RAW = re.compile(
    r"DOMAIN\.md"
    r"|\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b"  # snake_case: a choice value, answer or rule id
    r"|:\s+(?:True|False|None)(?=\s*(?:\(|$))|\[\s*'",  # a Python value printed as it is
    re.MULTILINE,
)


def _raw_ids_on(page) -> list[str]:
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    text = page.locator("main").inner_text()
    return sorted({text[max(0, m.start() - 60) : m.end() + 20] for m in RAW.finditer(text)})


def test_staff_pages_show_no_internal_ids(page, users, forces, make_report):
    page.set_viewport_size({"width": 1280, "height": 900})
    example_platform()
    case = decided_case(
        make_report,
        users["hub_officer"],
        urls=["https://video.example/abc/1"],
        strands=["sexual_orientation"],
        description="They keep posting that people like me are vermin.",
    )
    allocate(case, force=forces["merseyside"], reason="Victim lives in Liverpool")
    make_report(urls=["https://video.example/abc/2"], reporter_role="witness")
    erased = make_report(urls=["https://video.example/abc/3"]).case
    erase_case(erased, by=users["hub_supervisor"], why="request", basis="dpa_s47_request")

    extra_pages = {"hub_supervisor": ["/hub/privacy/erasures/"]}  # the erasure log
    found = {}
    for role in ("hub_officer", "hub_supervisor", "force_user"):
        page.context.clear_cookies()
        sign_in(page, users[role])
        links = page.locator("header nav a, nav.moj-primary-navigation a").evaluate_all(
            "links => links.map(a => a.getAttribute('href'))"
        )
        paths = sorted({p for p in links if p and p.startswith("/") and p != "/hub/audit/"})
        assert len(paths) >= 5, paths  # the navigation was found
        for path in [*paths, f"/hub/cases/{case.reference}/", *extra_pages.get(role, [])]:
            assert page.goto(path).status == 200, path
            if hits := _raw_ids_on(page):
                found[f"{role} {path}"] = hits
        # Every page the case page links to: the forms, the update pages, the referral page.
        links = page.locator("main a").evaluate_all(
            "links => links.map(a => a.getAttribute('href'))"
        )
        for path in sorted({p.split("#")[0] for p in links if p and p.startswith("/hub/")}):
            response = page.request.get(path)
            if response.status != 200 or "text/html" not in response.headers["content-type"]:
                continue  # a file download
            page.goto(path)
            if hits := _raw_ids_on(page):
                found[f"{role} {path}"] = hits
    assert found == {}, "\n".join(f"{where}: {hits}" for where, hits in found.items())
