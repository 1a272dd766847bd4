import pytest
from django.urls import reverse

from hatehub.audit.models import AuditEvent
from hatehub.training import content, selectors, services
from hatehub.training.models import Attempt, Module
from hatehub.volunteers import services as volunteer_services
from hatehub.volunteers.bulk import Item
from hatehub.volunteers.models import Batch, Submission

CHECK = """
? Which strand is centrally monitored?
- Football club
* Religion
- Height

? Who decides whether a post is a crime?
* An officer, on the evidence
- The volunteer who found it
"""
BODY = """# Recognising online hate

Hate crime is any offence **perceived** to be motivated by hostility.

<script>alert("x")</script>

- Save the address
- [Guidance](https://www.college.police.uk/) <a href="javascript:alert(1)">bad link</a>
"""


def _draft(**extra):
    values = {
        "title": "Recognising online hate",
        "summary": "[SYNTHETIC] module",
        "body": BODY,
        "questions": content.parse_check(CHECK),
        "pass_mark": 100,
        "required_for_volunteers": True,
    }
    values.update(extra)
    return services.ModuleDraft(**values)


@pytest.fixture
def module(users):
    return services.create_module(slug="recognising", draft=_draft(), by=users["hub_supervisor"])


def test_markdown_is_rendered_and_sanitised():
    html = content.render_markdown(BODY)
    assert "<script" not in html and "javascript:" not in html
    assert '<h2 class="govuk-heading-m">Recognising online hate</h2>' in html  # h1 moved down
    assert '<ul class="govuk-list govuk-list--bullet">' in html
    assert 'href="https://www.college.police.uk/"' in html and 'rel="noopener' in html


def test_knowledge_check_format_is_parsed_and_errors_name_lines():
    questions = content.parse_check(CHECK)
    assert [q.answer for q in questions] == [1, 0]
    assert content.format_check([q.as_dict() for q in questions]).startswith("? Which strand")
    with pytest.raises(content.CheckFormatError) as error:
        content.parse_check("? One\n- a\n- b\n* c\n* d\nnonsense\n? Two\n* only")
    problems = error.value.problems
    assert any("Line 6" in p for p in problems)
    assert any("line 1 needs exactly one right choice" in p for p in problems)
    assert any("line 7 needs at least two choices" in p for p in problems)


def test_editing_creates_a_version_and_attempts_keep_theirs(module, users):
    volunteer = users["volunteer"]
    first = selectors.current_version(module)
    attempt = services.record_attempt(module, first, user=volunteer, answers=[1, 0])
    assert attempt.passed and attempt.version.number == 1

    services.revise_module(
        module,
        draft=_draft(body="Revised [SYNTHETIC]", change_note="shorter"),
        by=users["hub_supervisor"],
    )
    module.refresh_from_db()
    assert module.current_version == 2 and module.versions.count() == 2
    assert module.versions.get(number=1).body == BODY  # the old version is unchanged
    attempt.refresh_from_db()
    assert attempt.version.number == 1
    # A pass of version 1 still counts unless the revision asks for a retake.
    assert selectors.outstanding_for(volunteer) == []
    services.revise_module(module, draft=_draft(retake=True), by=users["hub_supervisor"])
    assert [m.slug for m in selectors.outstanding_for(volunteer)] == ["recognising"]
    assert AuditEvent.objects.filter(object_type="training_module", action="change").count() == 2


def test_a_required_module_blocks_submissions_until_passed(module, users, client):
    volunteer = users["volunteer"]
    item = Item(row=1, url="https://x.com/someone/status/123456789", platform="x")
    with pytest.raises(volunteer_services.SubmissionRefused, match="Recognising online hate"):
        volunteer_services.submit_batch(volunteer, [item], method=Batch.Method.FORM, rows=1)
    assert not Batch.objects.exists()

    client.force_login(volunteer)
    page = client.get(reverse("volunteers:submit"))
    assert "pass the required training" in page.content.decode()
    refused = client.post(reverse("volunteers:submit"), {"urls": item.url})
    assert refused.status_code == 200 and not Submission.objects.exists()

    # A failed check records the attempt but does not count.
    client.post(
        reverse("training:check", args=["recognising"]), {"version": "1", "q0": "0", "q1": "0"}
    )
    assert Attempt.objects.filter(user=volunteer, passed=False).count() == 1
    assert selectors.outstanding_for(volunteer)
    result = client.post(
        reverse("training:check", args=["recognising"]), {"version": "1", "q0": "1", "q1": "0"}
    )
    assert "You passed" in result.content.decode()
    assert selectors.outstanding_for(volunteer) == []
    sent = client.post(reverse("volunteers:submit"), {"urls": item.url})
    assert sent.status_code == 302 and Submission.objects.count() == 1


def test_an_unanswered_check_changes_nothing(module, users, client):
    client.force_login(users["volunteer"])
    response = client.post(
        reverse("training:check", args=["recognising"]), {"version": "1", "q0": "1"}
    )
    assert response.status_code == 200
    assert "Answer question 2" in response.content.decode()
    assert not Attempt.objects.exists()


def test_supervisor_writes_and_revises_through_the_pages(users, client):
    client.force_login(users["hub_supervisor"])
    bad = client.post(
        reverse("training:new"), {"title": "T", "body": "b", "check": "? q\n- a", "pass_mark": "80"}
    )
    assert bad.status_code == 200 and "needs at least two choices" in bad.content.decode()
    assert not Module.objects.exists()
    created = client.post(
        reverse("training:new"),
        {
            "title": "Evidence basics",
            "body": "## Save it\n[SYNTHETIC]",
            "check": CHECK,
            "pass_mark": "50",
            "required_for_volunteers": "on",
        },
    )
    assert created.status_code == 302
    module = Module.objects.get(slug="evidence-basics")
    assert module.required_for_volunteers and module.current_version == 1
    edit = client.post(
        reverse("training:edit", args=["evidence-basics"]),
        {
            "title": "Evidence basics",
            "body": "changed",
            "check": CHECK,
            "pass_mark": "50",
            "change_note": "typo",
        },
    )
    assert edit.status_code == 302
    module.refresh_from_db()
    assert module.current_version == 2 and not module.required_for_volunteers
    assert client.get(reverse("training:version", args=["evidence-basics", 1])).status_code == 200
    assert client.get(reverse("training:completions")).status_code == 200


def test_officers_and_volunteers_cannot_write(users, client, module):
    for role in ("hub_officer", "volunteer"):
        client.force_login(users[role])
        assert client.get(reverse("training:new")).status_code == 403
        assert client.post(reverse("training:edit", args=["recognising"]), {}).status_code == 403
        assert client.get(reverse("training:module", args=["recognising"])).status_code == 200
    client.force_login(users["force_user"])
    assert client.get(reverse("training:modules")).status_code == 403
