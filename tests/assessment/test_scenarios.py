"""Scenarios for ``manage.py assess --json``: each file in ``scenarios/`` holds cases written from
the law's own text or a published rule (each names its ``source``), not from the rules' YAML, and
says what an officer would expect to see. The command is run as an officer would run it.

A scenario:

    - id: unique-id
      covers: "issue section it tests, e.g. 2 danger first"
      source: "where the expected answer comes from (legislation, College of Policing, ...)"
      today: 2026-12-05            # optional: the date the assessment is made
      input: {text: ..., reporter: victim, answers: {...},   # as `assess --json` reads it
              reported: {strands: [race], occurred_on: 2026-11-03}}  # what the reporter said
      expect:                      # every key optional; each is checked
        classification: crime
        classification_in: [crime, nchi]   # one of these
        classification_not: [not_hate]     # none of these
        urgent: true
        route_to_local_force: true
        enhanced_rights: true
        strands: [race, religion]  # exactly these (any order)
        strands_include: [race]
        offences_include: [oapa1861_s16]   # offence ids among the candidates
        offences_exclude: [poa1986_s18]
        priority_grade_at_most: 2  # 1 is the most urgent
        priority_grade_at_least: 3
        rules_fired_include: [some.rule.id]
        rules_fired_exclude: [some.rule.id]
        nation: scotland           # the nation whose law was applied
        nation_assumed: false      # true: unknown nation, England and Wales assumed
        offence_elements_missing: {poa1986_s18: [not_protected_expression]}  # element ids
        output: {key: value}       # any other top-level key of the output, compared exactly
"""

import datetime as dt
import io
import json
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

HERE = Path(__file__).resolve().parent / "scenarios"
KNOWN_EXPECT = {
    "classification", "classification_in", "classification_not", "urgent",
    "route_to_local_force", "enhanced_rights", "strands",
    "strands_include", "offences_include", "offences_exclude", "priority_grade_at_most",
    "priority_grade_at_least", "rules_fired_include", "output", "rules_fired_exclude",
    "nation", "nation_assumed", "offence_elements_missing",
}  # fmt: skip


def _scenarios():
    for path in sorted(HERE.glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            yield pytest.param(item, id=f"{path.stem}:{item['id']}")


def _run(tmp_path, scenario) -> dict:
    path = tmp_path / "input.json"
    path.write_text(json.dumps(scenario["input"]), encoding="utf-8")
    out = io.StringIO()
    today = scenario.get("today")
    if today:  # the assessment as made on that day
        from hatehub.assessment.management.commands import assess as command

        day = today if isinstance(today, dt.date) else dt.date.fromisoformat(str(today))
        return json.loads(json.dumps(command.assess(scenario["input"], today=day), default=str))
    call_command("assess", "--json", str(path), stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.parametrize("scenario", list(_scenarios()))
def test_scenario(tmp_path, scenario):
    assert {"id", "source", "input", "expect"} <= set(scenario), "scenario needs id/source/input"
    expect = scenario["expect"]
    assert set(expect) <= KNOWN_EXPECT, f"unknown expectation {set(expect) - KNOWN_EXPECT}"
    result = _run(tmp_path, scenario)
    offences = {o["id"] for o in result["offences"]}
    fired = {r["id"] for r in result["rules_fired"]}
    grade = result["priority"]["grade"]
    problems = []

    def check(ok, what):
        if not ok:
            problems.append(what)

    for key in ("classification", "urgent", "route_to_local_force", "enhanced_rights"):
        if key in expect:
            check(result[key] == expect[key], f"{key}: {result[key]!r} != {expect[key]!r}")
    if "classification_in" in expect:
        check(result["classification"] in expect["classification_in"],
              f"classification {result['classification']!r} not among the expected")  # fmt: skip
    if "classification_not" in expect:
        check(result["classification"] not in expect["classification_not"],
              f"classification {result['classification']!r} is excluded")  # fmt: skip
    if "strands" in expect:
        check(set(result["strands"]) == set(expect["strands"]), f"strands {result['strands']}")
    for strand in expect.get("strands_include", []):
        check(strand in result["strands"], f"strand {strand} not in {result['strands']}")
    for offence in expect.get("offences_include", []):
        check(offence in offences, f"offence {offence} not among {sorted(offences)}")
    for offence in expect.get("offences_exclude", []):
        check(offence not in offences, f"offence {offence} wrongly among candidates")
    if "priority_grade_at_most" in expect:
        check(grade <= expect["priority_grade_at_most"], f"priority grade {grade}")
    if "priority_grade_at_least" in expect:
        check(grade >= expect["priority_grade_at_least"], f"priority grade {grade}")
    for rule in expect.get("rules_fired_include", []):
        check(rule in fired, f"rule {rule} did not fire")
    for rule in expect.get("rules_fired_exclude", []):
        check(rule not in fired, f"rule {rule} fired")
    if "nation" in expect:
        check(result["nation"]["id"] == expect["nation"], f"nation {result['nation']}")
    if "nation_assumed" in expect:
        check(result["nation"]["assumed"] == expect["nation_assumed"], f"{result['nation']}")
    by_id = {o["id"]: o for o in result["offences"]}
    for offence, element_ids in (expect.get("offence_elements_missing") or {}).items():
        missing = [e.split(":")[0] for e in by_id.get(offence, {}).get("elements_missing", [])]
        for element in element_ids:
            check(element in missing, f"{offence}: element {element} not missing ({missing})")
    for key, value in (expect.get("output") or {}).items():
        check(result.get(key) == value, f"{key}: {result.get(key)!r} != {value!r}")
    assert not problems, f"{scenario['id']}: " + "; ".join(problems)
