"""Suspect profiles and identification requests: thin views over `services` and `selectors`.

Who may open which page: `access` (role) and `selectors.visible_people` (which person). A person
who exists but is hidden from a force user is answered like a missing one, and the attempt is
logged (as the case pages do). Every page that shows personal data writes an audit entry.
"""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from hatehub.accounts.access import staff_view
from hatehub.audit.services import Action, record
from hatehub.cases.models import Case
from hatehub.core.downloads import integrity_checked_download
from hatehub.core.errors import not_found
from hatehub.matching.models import OnlineAccount

from . import access, routing, selectors, services
from .forms import (
    AuthorisationForm,
    LinkForm,
    PersonForm,
    RequestForm,
    ResponseForm,
    ReviewForm,
    SendForm,
    UnlinkForm,
)
from .models import IdentificationRequest, PersonAccountLink, ResponseAttachment

people_readers = staff_view(access.reads_people)
people_managers = staff_view(access.manages_people)
request_readers = staff_view(access.reads_identification_requests)
request_drafters = staff_view(access.drafts_identification_requests)
spocs = staff_view(access.acts_as_spoc)


def _person(request: HttpRequest, person_ref: str):
    person, exists = selectors.person_by_reference(request.user, person_ref)
    if person is None and exists:
        force = getattr(request.user, "force", None)
        record(
            Action.DENIED,
            "person",
            person_ref[:64],
            summary=f"Access to person {person_ref[:30]} refused: not linked to the user's cases",
            details={"path": request.path, "user_force": getattr(force, "police_uk_id", None)},
        )
    return person


# People ---------------------------------------------------------------------------------------


@people_readers
def people(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:200]
    rows = list(selectors.people_list(request.user, query)[:200])
    record(
        Action.VIEW,
        "person_list",
        summary=f"Suspects list viewed: {len(rows)} person(s)",
        details={"people": [person.reference for person in rows], "query": query},
    )
    return render(
        request,
        "suspects/people.html",
        {
            "nav": "suspects",
            "people": rows,
            "query": query,
            "manages": access.manages_people(request.user),
            "reads_requests": access.reads_identification_requests(request.user),
        },
    )


@people_managers
def person_new(request: HttpRequest) -> HttpResponse:
    form = PersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = services.people.create_person(form.details(), by=request.user)
        messages.success(request, f"Person {person.reference} added")
        return redirect("suspects:person", person_ref=person.reference)
    return render(
        request,
        "suspects/person_new.html",
        {"nav": "suspects", "form": form, "page_has_errors": bool(form.errors)},
    )


@people_readers
def person_detail(request: HttpRequest, person_ref: str) -> HttpResponse:
    person = _person(request, person_ref)
    if person is None:
        return not_found(request)
    profile = selectors.profile(person, request.user)
    record(
        Action.VIEW,
        "person",
        person.reference,
        summary=f"Person {person.reference} viewed",
        details={
            "accounts": [row.account.pk for row in profile.accounts],
            "cases": profile.case_references,
            "requests": [item.reference for item in profile.requests],
        },
    )
    return render(
        request,
        "suspects/person.html",
        {
            "nav": "suspects",
            "person": person,
            "profile": profile,
            "manages": access.manages_people(request.user),
            "reads_requests": access.reads_identification_requests(request.user),
        },
    )


@people_managers
def person_link(request: HttpRequest, person_ref: str) -> HttpResponse:
    person = _person(request, person_ref)
    if person is None:
        return not_found(request)
    form = LinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.people.link_account(
                person,
                data["account"],
                source=data["source"],
                confidence=data["confidence"],
                note=data["note"],
                by=request.user,
            )
        except services.SuspectsRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, f"Account linked to {person.reference}")
            return redirect("suspects:person", person_ref=person.reference)
    return render(
        request,
        "suspects/link.html",
        {"nav": "suspects", "person": person, "form": form, "page_has_errors": bool(form.errors)},
    )


@people_managers
def person_unlink(request: HttpRequest, person_ref: str, link_id: int) -> HttpResponse:
    person = _person(request, person_ref)
    if person is None:
        return not_found(request)
    link = get_object_or_404(
        PersonAccountLink.objects.select_related("account"),
        pk=link_id,
        person=person,
        unlinked_at__isnull=True,
    )
    form = UnlinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.people.unlink_account(
                link, reason=form.cleaned_data["reason"], by=request.user
            )
        except services.SuspectsRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, f"Link to {link.account.handle} ended")
            return redirect("suspects:person", person_ref=person.reference)
    return render(
        request,
        "suspects/unlink.html",
        {
            "nav": "suspects",
            "person": person,
            "link": link,
            "form": form,
            "page_has_errors": bool(form.errors),
        },
    )


# Accounts -------------------------------------------------------------------------------------


@people_managers
def account_detail(request: HttpRequest, account_id: int) -> HttpResponse:
    account = get_object_or_404(OnlineAccount, pk=account_id)
    page = selectors.account_page(account)
    record(
        Action.VIEW,
        "online_account",
        account.pk,
        summary=f"Account {account.platform}:{account.handle} viewed",
        details={
            "people": [link.person.reference for link in page["links"]],
            "cases": [case.reference for case in page["cases"]],
        },
    )
    return render(
        request,
        "suspects/account.html",
        {
            "nav": "suspects",
            "account": account,
            **page,
            "drafts": access.drafts_identification_requests(request.user),
        },
    )


# Identification requests ----------------------------------------------------------------------


def _id_request(request_ref: str) -> IdentificationRequest:
    found = selectors.request_by_reference(request_ref)
    if found is None:
        raise Http404("No such identification request")
    return found


@request_readers
def requests_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in IdentificationRequest.Status.values:
        status = ""
    rows = list(selectors.requests_list(status)[:200])
    record(
        Action.VIEW,
        "identification_request_list",
        summary=f"Identification requests viewed: {len(rows)}",
        details={"requests": [row.reference for row in rows], "status": status},
    )
    return render(
        request,
        "suspects/requests.html",
        {
            "nav": "identification_requests",
            "rows": rows,
            "status": status,
            "statuses": IdentificationRequest.Status.choices,
        },
    )


def _render_request_form(request, account, form, *, id_request=None, status=200):
    return render(
        request,
        "suspects/request_form.html",
        {
            "nav": "identification_requests",
            "account": account,
            "form": form,
            "id_request": id_request,
            "routes": routing.LABELS,
            "page_has_errors": bool(form.errors),
        },
        status=status,
    )


@request_drafters
def request_new(request: HttpRequest, account_id: int) -> HttpResponse:
    account = get_object_or_404(OnlineAccount, pk=account_id)
    cases = Case.objects.filter(pk__in=[case.pk for case in selectors.account_cases(account)])
    form = RequestForm(
        request.POST or None,
        account=account,
        cases=cases,
        initial={
            **RequestForm.initial_for(account),
            "cases": list(cases.filter(reference__in=request.GET.getlist("case")[:20])),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            created = services.requests.draft_request(account, form.draft(), by=request.user)
        except services.RequestRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, f"Identification request {created.reference} drafted")
            return redirect("suspects:request", request_ref=created.reference)
    return _render_request_form(request, account, form)


@request_drafters
def request_edit(request: HttpRequest, request_ref: str) -> HttpResponse:
    id_request = _id_request(request_ref)
    if id_request.status not in services.requests.EDITABLE:
        messages.error(request, "Only a draft or a returned request can be changed")
        return redirect("suspects:request", request_ref=id_request.reference)
    account = id_request.account
    cases = Case.objects.filter(pk__in=[case.pk for case in selectors.account_cases(account)])
    form = RequestForm(
        request.POST or None,
        account=account,
        cases=cases,
        initial=RequestForm.initial_from(id_request),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.requests.update_request(id_request, form.draft(), by=request.user)
        except services.RequestRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, f"Identification request {id_request.reference} saved")
            return redirect("suspects:request", request_ref=id_request.reference)
    else:
        record(
            Action.VIEW,
            "identification_request",
            id_request.reference,
            summary=f"Identification request {id_request.reference} opened to change",
        )
    return _render_request_form(request, account, form, id_request=id_request)


def _render_request(
    request: HttpRequest, id_request: IdentificationRequest, forms=None, *, status: int = 200
) -> HttpResponse:
    detail = selectors.request_detail(id_request)
    may_send, why_not = services.authorisation.may_send(id_request)
    user = request.user
    record(
        Action.VIEW,
        "identification_request",
        id_request.reference,
        summary=f"Identification request {id_request.reference} viewed",
        details={"status": id_request.status},
    )
    if detail["platform_response"] is not None:
        record(
            Action.VIEW,
            "identification_response",
            id_request.reference,
            summary=f"Platform response to {id_request.reference} viewed",
            details={"attachments": [a.sha256 for a in detail["attachments"]]},
        )
    authorisation = detail["authorisation"]
    spoc = access.acts_as_spoc(user)
    forms = forms or {}
    status_now = id_request.status
    Status = IdentificationRequest.Status
    context = {
        "nav": "identification_requests",
        "id_request": id_request,
        **detail,
        "route_label": routing.LABELS.get(id_request.route, id_request.route),
        "may_send": may_send,
        "why_not_send": why_not,
        "lapses_on": services.authorisation.authorisation_lapses_on(authorisation)
        if authorisation
        else None,
        "can_edit": access.drafts_identification_requests(user)
        and status_now in services.requests.EDITABLE,
        "can_review": spoc
        and status_now == Status.AWAITING_REVIEW
        and id_request.drafted_by_id != user.pk,
        "own_draft_awaiting": spoc
        and status_now == Status.AWAITING_REVIEW
        and id_request.drafted_by_id == user.pk,
        "can_authorise": spoc and status_now == Status.APPROVED,
        "can_send": spoc and may_send,
        "can_record_response": spoc and status_now == Status.SENT,
        "review_form": forms.get("review") or ReviewForm(),
        "authorisation_form": forms.get("authorisation") or AuthorisationForm(),
        "send_form": forms.get("send") or SendForm(),
        "response_form": forms.get("response") or ResponseForm(),
        "bound_forms": list(forms.values()),
        "page_has_errors": any(form.errors for form in forms.values()),
    }
    return render(request, "suspects/request.html", context, status=status)


@request_readers
def request_detail(request: HttpRequest, request_ref: str) -> HttpResponse:
    return _render_request(request, _id_request(request_ref))


@request_drafters
@require_POST
def request_submit(request: HttpRequest, request_ref: str) -> HttpResponse:
    id_request = _id_request(request_ref)
    try:
        services.requests.submit_for_review(id_request, by=request.user)
    except services.RequestRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, f"Request {id_request.reference} sent to a SPoC for review")
    return redirect("suspects:request", request_ref=id_request.reference)


def _spoc_step(request: HttpRequest, request_ref: str, name: str, form, act) -> HttpResponse:
    """A SPoC's step on the request page: check the form, call the service; errors and
    refusals show the request page again with the problem, and change nothing."""
    id_request = _id_request(request_ref)
    if request.method != "POST":
        return redirect("suspects:request", request_ref=id_request.reference)
    if form.is_valid():
        try:
            done = act(id_request, form)
        except services.RequestRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, done)
            return redirect("suspects:request", request_ref=id_request.reference)
    id_request.refresh_from_db()
    return _render_request(request, id_request, {name: form}, status=400)


@spocs
def request_review(request: HttpRequest, request_ref: str) -> HttpResponse:
    def act(id_request, form) -> str:
        data = form.cleaned_data
        services.requests.review(
            id_request, decision=data["decision"], comments=data["comments"], by=request.user
        )
        return f"Review recorded for {id_request.reference}"

    return _spoc_step(request, request_ref, "review", ReviewForm(request.POST or None), act)


@spocs
def request_authorise(request: HttpRequest, request_ref: str) -> HttpResponse:
    def act(id_request, form) -> str:
        services.authorisation.record_authorisation(id_request, form.details(), by=request.user)
        return f"Authorisation recorded for {id_request.reference}"

    form = AuthorisationForm(request.POST or None)
    return _spoc_step(request, request_ref, "authorisation", form, act)


@spocs
def request_send(request: HttpRequest, request_ref: str) -> HttpResponse:
    def act(id_request, form) -> str:
        data = form.cleaned_data
        services.sending.mark_sent(
            id_request,
            how=data["how"],
            platform_reference=data["platform_reference"],
            by=request.user,
        )
        return f"Request {id_request.reference} marked as sent"

    return _spoc_step(request, request_ref, "send", SendForm(request.POST or None), act)


@spocs
def request_response(request: HttpRequest, request_ref: str) -> HttpResponse:
    def act(id_request, form) -> str:
        services.responses.record_response(
            id_request, form.details(), form.uploads(), by=request.user
        )
        return f"Response to {id_request.reference} recorded"

    form = ResponseForm(request.POST or None, request.FILES or None)
    return _spoc_step(request, request_ref, "response", form, act)


@request_readers
def attachment_download(request: HttpRequest, request_ref: str, attachment_id: int):
    id_request = _id_request(request_ref)
    attachment = get_object_or_404(
        ResponseAttachment, pk=attachment_id, response__request=id_request
    )
    return integrity_checked_download(
        request,
        lambda: services.responses.open_attachment(
            attachment, request_reference=id_request.reference
        ),
        integrity_error=services.AttachmentIntegrityError,
        filename=attachment.original_filename,
        media_type=attachment.media_type,
        as_attachment=True,
        refusal_template="suspects/attachment_integrity.html",
        refusal_context={
            "nav": "identification_requests",
            "id_request": id_request,
            "attachment": attachment,
        },
    )
