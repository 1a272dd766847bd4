"""The analytics pages: the dashboard (surge alerts and charts, each with its table and CSV),
one alert with the reports behind it, and campaign groups.

Everything here is aggregate: counts, durations, references. Who sees which figures is decided
in `access` and the selectors' scoping; a force user's figures are their own force's.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from hatehub.accounts.access import staff_view
from hatehub.audit.services import Action, record
from hatehub.reports.choices import PLATFORM_LABELS

from . import access, charts, selectors, services, surges
from .forms import AcknowledgeForm, DashboardFilterForm
from .models import Alert

analytics_readers = staff_view(access.reads_analytics)

CHARTS = {
    "volume-strand": lambda user, filters: selectors.volume(user, filters, "strand"),
    "volume-platform": lambda user, filters: selectors.volume(user, filters, "platform"),
    "volume-force": lambda user, filters: selectors.volume(user, filters, "force"),
    "volume-classification": lambda user, filters: selectors.volume(
        user, filters, "classification"
    ),
    "time-to-triage": selectors.time_to_triage,
    "time-to-allocation": selectors.time_to_allocation,
    "outcomes": selectors.outcomes,
}


REMOVAL_HEADINGS = [
    "Platform",
    "Referred",
    "Removed",
    "Blocked in the UK",
    "Refused",
    "Still open",
    "Overdue",
    "90th percentile (hours)",
    "Median (hours)",
]


def _filter_form(request: HttpRequest) -> DashboardFilterForm:
    data = request.GET.copy()
    data.setdefault("interval", "day")
    form = DashboardFilterForm(data, choose_force=access.analytics_force(request.user) is None)
    form.is_valid()
    return form


def _figures(request: HttpRequest, filters: selectors.Filters) -> list[selectors.Figure]:
    figures = [make(request.user, filters) for make in CHARTS.values()]
    extra = selectors.optional_figures(request.user, filters)
    return figures + extra


def _drawn(figure: selectors.Figure) -> dict:
    """The chart's SVG and the table under it, both from the figure's rows."""
    chart_id = f"chart-{figure.key}"
    if figure.kind == "series":
        table = selectors.series_table(figure)
        lines = [
            charts.Line(name, [row[2][i] for row in table.rows])
            for i, name in enumerate(table.series_names)
        ]
        svg = charts.line_chart(
            chart_id,
            figure.title,
            f"{figure.description} {figure.total:,} in all.",
            [label for label, _period, _values in table.rows],
            lines,
        )
        return {"figure": figure, "svg": svg, "table": table}
    if figure.summable:
        bars = [(str(row[-2]), row[-1]) for row in figure.rows]
        description = f"{figure.description} {figure.total:,} in all."
    else:  # medians: a platform with nothing removed yet has no bar
        bars = [(str(row[1]), float(row[-1])) for row in figure.rows if row[-1] != ""]
        description = figure.description
    svg = charts.bar_chart(chart_id, figure.title, description, bars)
    if not figure.summable:
        grid = {"headings": REMOVAL_HEADINGS, "rows": [row[1:] for row in figure.rows]}
        return {"figure": figure, "svg": svg, "grid": grid}
    return {"figure": figure, "svg": svg, "bars": bars}


@analytics_readers
def dashboard(request: HttpRequest) -> HttpResponse:
    form = _filter_form(request)
    filters = form.filters()
    figures = [_drawn(figure) for figure in _figures(request, filters)]
    alerts = selectors.recent_alerts(request.user, filters)
    query = request.GET.urlencode()
    return render(
        request,
        "analytics/dashboard.html",
        {
            "nav": "analytics",
            "form": form,
            "filters": filters,
            "figures": figures,
            "alerts": alerts,
            "query": query,
            "force": access.analytics_force(request.user),
            "filtered": bool(request.GET),
            "page_has_errors": bool(form.errors),
        },
    )


@analytics_readers
def chart_csv(request: HttpRequest, chart: str) -> HttpResponse:
    filters = _filter_form(request).filters()
    if chart in CHARTS:
        figure = CHARTS[chart](request.user, filters)
    else:
        figure = next(
            (f for f in selectors.optional_figures(request.user, filters) if f.key == chart), None
        )
    if figure is None:
        raise Http404("No such chart")
    record(
        Action.EXPORT,
        "analytics_chart",
        chart,
        summary=f"Analytics figures downloaded: {figure.title}",
        details={"filters": filters.as_details(), "rows": len(figure.rows)},
    )
    response = HttpResponse(figure.csv(), content_type="text/csv; charset=utf-8")
    name = f"{chart}_{filters.start:%Y%m%d}-{filters.end:%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _visible_alert(request: HttpRequest, alert_id: int) -> Alert:
    alert = selectors.visible_alerts(request.user).filter(pk=alert_id).first()
    if alert is None:
        raise Http404("No such alert")
    return alert


@analytics_readers
def alert_detail(request: HttpRequest, alert_id: int) -> HttpResponse:
    alert = _visible_alert(request, alert_id)
    reports = selectors.alert_reports(request.user, alert)
    record(
        Action.VIEW,
        "surge_alert",
        str(alert.pk),
        summary=f"Surge alert viewed: {alert.label}, {len(reports)} report reference(s)",
        details={"reports": [row["reference"] for row in reports]},
    )
    return render(
        request,
        "analytics/alert.html",
        {
            "nav": "analytics",
            "alert": alert,
            "reports": reports,
            "chance": surges.significance(alert.p_value),
            "links_to_cases": access.links_to_cases(request.user),
            "form": AcknowledgeForm() if access.acknowledges_alerts(request.user) else None,
        },
    )


@require_POST
@staff_view(access.acknowledges_alerts)
def acknowledge(request: HttpRequest, alert_id: int) -> HttpResponse:
    alert = _visible_alert(request, alert_id)
    form = AcknowledgeForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "analytics/alert.html",
            {
                "nav": "analytics",
                "alert": alert,
                "reports": selectors.alert_reports(request.user, alert),
                "chance": surges.significance(alert.p_value),
                "links_to_cases": access.links_to_cases(request.user),
                "form": form,
            },
            status=400,
        )
    services.acknowledge(alert, request.user, form.cleaned_data["note"])
    return redirect("analytics:alert", alert_id=alert.pk)


@analytics_readers
def campaigns(request: HttpRequest) -> HttpResponse:
    form = _filter_form(request)
    filters = form.filters()
    found = selectors.campaign_groups(request.user, filters)
    show_handles = access.sees_account_handles(request.user)
    groups = []
    for number, group in enumerate(found.groups, start=1):
        accounts = [found.accounts[pk] for pk in group.accounts]
        groups.append(
            {
                "number": number,
                "group": group,
                "platforms": [
                    (PLATFORM_LABELS.get(platform, platform), n)
                    for platform, n in sorted(group.platforms.items(), key=lambda i: -i[1])
                ],
                "accounts": (
                    [
                        {**row, "platform": PLATFORM_LABELS.get(row["platform"], row["platform"])}
                        for row in accounts
                    ]
                    if show_handles
                    else None
                ),
                "cases": sorted(found.case_references[pk] for pk in group.cases),
                "links": [
                    (selectors.campaigns.REASON_LABELS[reason], n)
                    for reason, n in sorted(group.links.items())
                ],
                "chart": charts.bar_chart(
                    f"group-{number}",
                    f"Reports per day, group {number}",
                    f"Reports naming the group's accounts each day from "
                    f"{group.first_seen:%-d %B} to {group.last_seen:%-d %B %Y}.",
                    [(f"{day.day} {day:%b}", n) for day, n in group.days],
                ),
            }
        )
    copy_paste = [
        {
            "group": group,
            "cases": sorted(found.case_references[pk] for pk in group.cases),
        }
        for group in found.copy_paste
    ]
    shown_accounts = [
        row["handle"] for item in groups if item["accounts"] for row in item["accounts"]
    ]
    record(
        Action.VIEW,
        "campaign_groups",
        summary=f"Campaign groups viewed: {len(groups)} group(s) from {found.reports_read} "
        f"report(s), {len(copy_paste)} copy-paste campaign group(s)"
        + (", with account handles" if show_handles else ""),
        details={
            "filters": filters.as_details(),
            "handles_shown": len(shown_accounts),
            "copy_paste_groups": [item["group"].label for item in copy_paste],
        },
    )
    return render(
        request,
        "analytics/campaigns.html",
        {
            "nav": "analytics",
            "form": form,
            "filters": filters,
            "groups": groups,
            "copy_paste": copy_paste,
            "show_handles": show_handles,
            "links_to_cases": access.links_to_cases(request.user),
            "reports_read": found.reports_read,
            "force": access.analytics_force(request.user),
            "page_has_errors": bool(form.errors),
            "now": timezone.now(),
        },
    )
