"""Every URL in the project, opened by every role (and by someone signed out).

The URLs come from Django's resolver at run time, so a URL added without an entry in EXPECTED
(or a namespace rule below) fails `test_every_url_has_an_expectation`. Case URLs are opened for
three real cases: one allocated (offered, not yet accepted) to Merseyside, one to Kent, one not
allocated.

Reading the table: the answer each role gets. SIGN_IN is a redirect to the hub's sign-in page,
ADMIN_SIGN_IN a redirect to the admin's. Namespaces owned by other parts of the service have
blanket rules (NAMESPACE_RULES): the public journey is open to everyone, the partner API
refuses everyone without an API key, and the admin site is for administrators only.
"""

import importlib
import json
import pkgutil
import re
import sys
import types
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, path, resolve
from django.urls.exceptions import Resolver404
from django.urls.resolvers import RegexPattern, RoutePattern

import hatehub.urls
from hatehub.audit.models import AuditEvent
from hatehub.cases.selectors import visible_cases
from tests import role_access_entries
from tests.cases.helpers import case_with_evidence
from tests.role_access_table import (
    ADMIN_SIGN_IN,
    ALLOCATE,
    ANSWER_OFFER,
    ASSIGN,
    CASE_SCOPED,
    HUB_PAGE,
    HUB_POST_BACK_TO_CASE,
    HUB_POST_MISSING,
    RECORD_OUTCOME,
    ROLES,
    SIGN_IN,
    SUPERVISORS_MISSING,
    SUPERVISORS_PAGE,
    TARGETS,
    Redirect,
    answers,
    everyone,
)

# Keyed by URL name ("namespace:name"); an unnamed URL by "path:/<its route>". A dict of
# TARGETS means the URL takes a case reference and is checked for each of the three cases.
EXPECTED: dict[str, dict] = {
    "path:/": everyone(Redirect("/report/")),
    "health": everyone(200),
    "about_data": everyone(200),
    "accounts:login": {
        **everyone(Redirect("/hub/")),
        "anonymous": 200,
        "volunteer": Redirect("/volunteer/"),
        "partner": Redirect("/api/v1/docs"),
        "analyst": Redirect("/hub/analytics/"),
    },
    "accounts:logout": everyone(405),  # sign-out is POST only
    # The second factor: anyone signed in sets up an authenticator app, then enters its codes.
    "accounts:two_factor_setup": {**everyone(200), "anonymous": SIGN_IN},
    "accounts:two_factor_verify": {
        **everyone(Redirect("/accounts/two-factor/setup/")),
        "anonymous": SIGN_IN,
    },
    "cases:queue": answers(
        anonymous=SIGN_IN,
        hub_officer=200,
        hub_supervisor=200,
        administrator=200,
        force_user=200,
        other_force_user=200,
        partner=403,
        volunteer=403,
    ),
    "cases:case": CASE_SCOPED,
    "cases:evidence": CASE_SCOPED,
    "cases:evidence_thumbnail": CASE_SCOPED,
    "cases:allocate": dict.fromkeys(TARGETS, ALLOCATE),
    "cases:accept": ANSWER_OFFER,
    "cases:assign": ASSIGN,
    "cases:return": ANSWER_OFFER,
    "cases:transfer": ANSWER_OFFER,
    "cases:outcome": RECORD_OUTCOME,
    "matching:merge": dict.fromkeys(TARGETS, HUB_POST_BACK_TO_CASE),
    "assessment:start": dict.fromkeys(TARGETS, HUB_POST_BACK_TO_CASE),
    "assessment:answers": dict.fromkeys(TARGETS, HUB_PAGE),
    "assessment:decision": dict.fromkeys(TARGETS, HUB_PAGE),
    "assessment:confirm": dict.fromkeys(TARGETS, HUB_POST_BACK_TO_CASE),
    "assessment:disagreements": SUPERVISORS_PAGE,
    "assessment:review": SUPERVISORS_MISSING,
    "matching:split": dict.fromkeys(TARGETS, HUB_POST_BACK_TO_CASE),
    "matching:undo": dict.fromkeys(TARGETS, HUB_POST_MISSING),
    "matching:dismiss": dict.fromkeys(TARGETS, HUB_POST_MISSING),
    "audit:log": SUPERVISORS_PAGE,
    # The partner API's own description is public; its root and unknown paths are problems.
    "api:openapi-json": everyone(200),
    "api:openapi-view": everyone(200),
    "api:api-root": everyone(404),
    "api:unknown": everyone(404),
    # Django admin: administrators only.
    "admin:index": {**everyone(ADMIN_SIGN_IN), "administrator": 200},
    "admin:login": {**everyone(200), "administrator": Redirect("/admin/")},
    "admin:logout": {**everyone(Redirect("/admin/")), "administrator": 405},  # POST only
}
METHODS = {
    "cases:allocate": "post",
    "assessment:start": "post",
    "assessment:confirm": "post",
    "assessment:review": "post",
    "cases:accept": "post",
    "cases:assign": "post",
    "cases:return": "post",
    "cases:transfer": "post",
    "matching:merge": "post",
    "matching:split": "post",
    "matching:undo": "post",
    "matching:dismiss": "post",
}
# URLs whose parameters cannot be made up from their converters.
SAMPLE_PATHS = {
    "api:unknown": "/api/v1/no-such-endpoint",
    "assessment:review": "/hub/assessments/999999999/review/",
}

# Each part of the service adds its own rows in tests/role_access_entries/<app>.py.
for _module_info in pkgutil.iter_modules(role_access_entries.__path__):
    _module = importlib.import_module(f"{role_access_entries.__name__}.{_module_info.name}")
    for _table, _name in (
        (EXPECTED, "EXPECTED"),
        (METHODS, "METHODS"),
        (SAMPLE_PATHS, "SAMPLE_PATHS"),
    ):
        _rows = getattr(_module, _name, {})
        assert not set(_rows) & set(_table), (
            f"{_module.__name__} repeats {set(_rows) & set(_table)}"
        )
        _table.update(_rows)

# Namespaces whose every URL the rule covers (explicit EXPECTED entries win).
# "track" is the complainant's Track my report: public, like the report journey.
NAMESPACE_RULES = ("intake", "track", "api", "admin")
PUBLIC_NAMESPACES = ("intake", "track")


# --- The URLs, from the resolver ---------------------------------------------------------


@dataclass(frozen=True)
class Route:
    key: str
    namespace: str
    patterns: tuple  # the chain of patterns from the root URLconf to this URL
    callback: object

    @property
    def text(self) -> str:
        return "/" + "".join(str(pattern) for pattern in self.patterns)

    @property
    def parameters(self) -> set[str]:
        names: set[str] = set()
        for pattern in self.patterns:
            if isinstance(pattern, RoutePattern):
                names |= set(pattern.converters)
            else:
                names |= set(pattern.regex.groupindex)
        return names


def _walk(entries, chain=(), namespaces=()) -> Iterator[Route]:
    for entry in entries:
        if isinstance(entry, URLResolver):
            inner = namespaces + ((entry.namespace,) if entry.namespace else ())
            yield from _walk(entry.url_patterns, chain + (entry.pattern,), inner)
        elif isinstance(entry, URLPattern):
            namespace = ":".join(namespaces)
            patterns = chain + (entry.pattern,)
            if entry.name:
                key = f"{namespace}:{entry.name}" if namespace else entry.name
            else:
                key = "path:/" + "".join(str(pattern) for pattern in patterns)
            yield Route(key, namespace, patterns, entry.callback)


def all_routes() -> list[Route]:
    routes: dict[str, Route] = {}
    for route in _walk(get_resolver().url_patterns):
        routes.setdefault(route.key, route)  # one path may be listed once per HTTP method
    return list(routes.values())


# --- Making a URL for a route -------------------------------------------------------------

_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>(?P<body>[^()]*)\)")
_CONVERTER_SAMPLES = {"int": "1", "uuid": str(uuid.UUID(int=1))}


def _sample(name: str, converter: str | None, values: dict[str, str]) -> str:
    if name in values:
        return values[name]
    return _CONVERTER_SAMPLES.get(converter or "str", "x")


def _from_regex(regex: str, values: dict[str, str]) -> str:
    def group(match: re.Match) -> str:
        body = match["body"]
        if re.fullmatch(r"[\w-]+(\|[\w-]+)*", body):  # a list of literal choices: take one
            return values.get(match["name"], body.split("|")[0])
        return values.get(match["name"], "no-such-page/")

    text = _GROUP.sub(group, regex).removeprefix("^").removesuffix("$")
    return text.replace("\\", "")


def build_url(route: Route, values: dict[str, str]) -> str:
    if route.key in SAMPLE_PATHS:
        url = SAMPLE_PATHS[route.key]
    else:
        parts = []
        for pattern in route.patterns:
            if isinstance(pattern, RoutePattern):
                parts.append(
                    _PARAMETER.sub(
                        lambda m: _sample(m["name"], m["converter"], values), str(pattern)
                    )
                )
            elif isinstance(pattern, RegexPattern):
                parts.append(_from_regex(pattern.regex.pattern, values))
        url = "/" + "".join(parts)
    try:
        match = resolve(url)
    except Resolver404:
        match = None
    assert match is not None and match.func == route.callback, (
        f"Could not make a URL for {route.key} ({route.text}): {url} does not reach it. "
        "Add a sample to SAMPLE_PATHS."
    )
    return url


# --- The expectation for each route and role ------------------------------------------------


def _rule(route: Route):
    """(kind, expected) for a route: an EXPECTED entry, else its namespace's rule."""
    if route.key in EXPECTED:
        return "table", EXPECTED[route.key]
    top = route.namespace.split(":")[0]
    if top in NAMESPACE_RULES:
        return top, None
    return None, None


def _matches(expected, response) -> bool:
    if isinstance(expected, Redirect):
        return expected.matches(response)
    return response.status_code == expected


def _answer(response) -> str:
    if response.status_code in (301, 302):
        return f"{response.status_code} to {response['Location']}"
    return str(response.status_code)


# --- Fixtures ----------------------------------------------------------------------------------


@pytest.fixture
def world(users, forces, make_report):
    """The users of every role and the three cases, each with a thumbnailed screenshot."""
    cases = {
        "merseyside": case_with_evidence(make_report, force=forces["merseyside"]),
        "kent": case_with_evidence(make_report, force=forces["kent"]),
        "unallocated": case_with_evidence(make_report),
    }
    return users, cases


def _names_a_hidden_case(url: str, cases, user) -> bool:
    """Whether the URL names a case that `user` may not see (a 404 for a missing object inside a
    case they may see is not a refusal)."""
    visible = visible_cases(user)
    return any(
        f"/{case.reference}/" in url and not visible.filter(pk=case.pk).exists()
        for case, *_ in cases.values()
    )


def _client(users, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(users[role])
    return client


# --- Tests -------------------------------------------------------------------------------------


def unexpected_routes(routes: list[Route]) -> list[str]:
    return [f"{route.key} ({route.text})" for route in routes if _rule(route)[0] is None]


def test_every_url_has_an_expectation(db):
    routes = all_routes()
    missing = unexpected_routes(routes)
    assert not missing, "URLs with no expected answers in tests/test_role_access.py:\n" + "\n".join(
        missing
    )
    keys = {route.key for route in routes}
    stale = [
        key for key in EXPECTED if key not in keys and key.split(":")[0] not in NAMESPACE_RULES
    ]
    assert not stale, f"EXPECTED lists URLs that no longer exist: {stale}"
    for key, expected in EXPECTED.items():
        rows = expected.values() if set(expected) == set(TARGETS) else [expected]
        for row in rows:
            assert set(row) == set(ROLES), f"{key}: give an answer for every role"


@pytest.mark.parametrize("role", ROLES)
def test_every_url_answers_each_role_as_expected(world, role):
    users, cases = world
    client = _client(users, role)
    problems: list[str] = []

    def check(route: Route, url: str, expected, *, method: str = "get") -> None:
        denied_before = AuditEvent.objects.filter(action=AuditEvent.Action.DENIED).count()
        response = getattr(client, method)(url)
        if not _matches(expected, response):
            problems.append(
                f"{method.upper()} {url} [{route.key}]: {_answer(response)}, expected {expected}"
            )
        elif (
            expected == 404
            and role != "anonymous"
            and _names_a_hidden_case(url, cases, users[role])
        ):
            # A user refused a case they may not see, on any app's page of it: the attempt
            # must be in the log (cases.access decides for every app).
            denied = AuditEvent.objects.filter(action=AuditEvent.Action.DENIED)
            if denied.count() != denied_before + 1 or denied.first().actor != users[role]:
                problems.append(f"GET {url} [{route.key}]: 404 without a DENIED audit entry")
        if response.streaming:
            b"".join(response.streaming_content)  # read to the end: the test client closes it

    for route in all_routes():
        kind, expected = _rule(route)
        if kind is None:
            continue  # reported by test_every_url_has_an_expectation
        if kind == "table":
            method = METHODS.get(route.key, "get")
            if set(expected) == set(TARGETS):
                for target in TARGETS:
                    case, evidence = cases[target]
                    values = {"reference": case.reference, "evidence_id": str(evidence.pk)}
                    check(route, build_url(route, values), expected[target][role], method=method)
            else:
                check(route, build_url(route, {}), expected[role], method=method)
        elif kind in PUBLIC_NAMESPACES:
            _check_public(client, route, problems)
        elif kind == "api":
            _check_api(client, route, problems)
        elif kind == "admin":
            _check_admin(client, route, role, problems)

    assert not problems, f"{role}:\n" + "\n".join(problems)


def _fetch(client: Client, url: str, **body) -> tuple[str, object]:
    """GET the URL; if it takes only other methods (405), use the first it allows instead."""
    response = client.get(url)
    if response.status_code != 405:
        return "GET", response
    allowed = [m.strip() for m in response["Allow"].split(",") if m.strip() not in ("", "OPTIONS")]
    method = sorted(allowed)[0]
    return method, client.generic(method, url, **body)


def _check_public(client: Client, route: Route, problems: list[str]) -> None:
    """The public journey: open to everyone, signed in or not (a made-up parameter may find
    nothing, but is never refused)."""
    url = build_url(route, {})
    method, response = _fetch(client, url, content_type="application/x-www-form-urlencoded")
    allowed = {200, 302} | ({404} if route.parameters else set())
    if response.status_code not in allowed:
        problems.append(f"{method} {url} [{route.key}]: {_answer(response)}, expected {allowed}")


def _check_api(client: Client, route: Route, problems: list[str]) -> None:
    """The partner API: a browser session is not an API key, so everyone gets 401."""
    url = build_url(route, {})
    method, response = _fetch(client, url, data=json.dumps({}), content_type="application/json")
    if response.status_code != 401:
        problems.append(f"{method} {url} [{route.key}]: {_answer(response)}, expected 401")


def _check_admin(client: Client, route: Route, role: str, problems: list[str]) -> None:
    """Django admin: administrators only; everyone else is sent to the admin sign-in."""
    url = build_url(route, {})
    response = client.get(url)
    if role == "administrator":
        if response.status_code >= 500 or ADMIN_SIGN_IN.matches(response):
            problems.append(f"GET {url} [{route.key}]: {_answer(response)} for an administrator")
    elif not ADMIN_SIGN_IN.matches(response):
        problems.append(f"GET {url} [{route.key}]: {_answer(response)}, expected {ADMIN_SIGN_IN}")


def test_a_new_url_without_an_expectation_is_caught(settings):
    urlconf = types.ModuleType("tests_role_access_extra_urls")
    urlconf.urlpatterns = [
        *hatehub.urls.urlpatterns,
        path("hub/new-page/", lambda request: HttpResponse("new"), name="new_page"),
    ]
    sys.modules[urlconf.__name__] = urlconf
    try:
        settings.ROOT_URLCONF = urlconf.__name__
        assert unexpected_routes(all_routes()) == ["new_page (/hub/new-page/)"]
    finally:
        del sys.modules[urlconf.__name__]


def test_a_force_user_sees_their_forces_case_and_the_refusal_of_another_is_logged(world):
    users, cases = world
    client = _client(users, "force_user")
    merseyside, kent = cases["merseyside"][0], cases["kent"][0]

    assert client.get(f"/hub/cases/{merseyside.reference}/").status_code == 200
    assert client.get(f"/hub/cases/{kent.reference}/").status_code == 404

    denied = AuditEvent.objects.get(action=AuditEvent.Action.DENIED)
    assert (denied.object_type, denied.object_id) == ("case", kent.reference)
    assert denied.actor == users["force_user"]
    assert denied.request_path == f"/hub/cases/{kent.reference}/"
