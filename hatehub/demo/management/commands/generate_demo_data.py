"""Synthetic demo data: users for every role, a partner organisation with an API key, and a few
hundred reports across strands, platforms and forces, each with a generated screenshot, sent
through the real intake service so the demo shows exactly what production would.

The reports arrive over several weeks (hatehub.demo.timeline: a daily and weekly shape, shared
posts reported over a day or two, one match-day surge). Each is received with the clock set to
its arrival time and its background work (confirmation, thumbnails) done then, so every date,
Victims' Code clock and audit entry agrees with it; a case is offered, some hours later, to the
force the hub's own responsible-force rule gives for its reports, and the surge check is run
for each busy hour as the scheduler would have run it.
"""

import csv
import heapq
import io
import os
import secrets
import time
from contextlib import contextmanager
from datetime import datetime, timedelta
from io import StringIO
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Count
from django.test.utils import override_settings
from django.utils import timezone

from hatehub.accounts.models import Organisation, Role, User
from hatehub.accounts.services import issue_api_key
from hatehub.analytics.services import detect_surges, surge_settings
from hatehub.assessment.services import assess_case
from hatehub.audit.services import acting_as
from hatehub.cases.models import Case
from hatehub.cases.services import AllocationRefused, allocate
from hatehub.demo import timeline
from hatehub.demo.synthetic import Synthetic, minimal_pdf, url_variants
from hatehub.evidence.services import receive
from hatehub.intake.services import Contact, ReportSubmission, submit_public_report
from hatehub.jurisdiction.models import Force
from hatehub.jurisdiction.services import case_responsibility, force_for
from hatehub.reports.choices import ReporterRole
from hatehub.reports.models import Report

DEMO_USERS = [
    ("officer", Role.HUB_OFFICER, None),
    ("supervisor", Role.HUB_SUPERVISOR, None),
    ("merseyside", Role.FORCE_USER, "merseyside"),
    ("met", Role.FORCE_USER, "metropolitan"),
    ("volunteer", Role.VOLUNTEER, None),
    ("analyst", Role.ANALYST, None),
    ("spoc", Role.HUB_OFFICER, None),  # accredited as a communications data SPoC
    ("admin", Role.ADMINISTRATOR, None),
]
# The cases the demo's officers have assessed: the busiest, and a sample of the rest.
BUSIEST_ASSESSED = 6
DEMO_PLATFORMS = [
    "x",
    "facebook",
    "instagram",
    "tiktok",
    "youtube",
    "reddit",
    "telegram",
    "bluesky",
]
FALLBACK_OUTCODES = ["L1", "M1", "B1", "LS1", "NE1", "BS1", "CF10", "E1", "SW1A", "G1"]
# Where a poster says they are, in their own words (a definite place: a hedged guess is only a
# hint for the officer, and the demo shows the ordinary case).
POSTER_PLACES = ["Leeds", "Bristol", "Sheffield", "Cardiff", "Newcastle upon Tyne", "Norwich"]
# The match-day post: abuse of a player whose club is in Liverpool (Anfield, L4).
MATCH_VICTIM_OUTCODE = "L4"
# A case is offered to its force this long after its first report, in office hours.
ALLOCATION_DELAY_HOURS = (2, 30)
ALLOCATED_SHARE = 0.5
SIGN_INS_FILE_MODE = 0o600


def postcode_districts(reference_dir: Path) -> list[str]:
    """Live postcode districts from the reference file, to give victims plausible addresses."""
    path = reference_dir / "doogal_postcode_districts.csv"
    if not path.is_file():
        return FALLBACK_OUTCODES
    with path.open(encoding="utf-8-sig") as handle:
        return [
            row["Postcode"]
            for row in csv.DictReader(handle)
            if (row.get("Active postcodes") or "0").strip() not in {"", "0"}
        ] or FALLBACK_OUTCODES


@contextmanager
def simulated_clock(moment: datetime):
    """Django's clock reads `moment` (plus the real time elapsed inside the block, so entries
    keep their order): a report received in the demo's past is recorded as it would have been
    then. Demo data only; nothing else moves the clock."""
    started = time.monotonic()
    with mock.patch(
        "django.utils.timezone.now",
        side_effect=lambda: moment + timedelta(seconds=time.monotonic() - started),
    ):
        yield


class Command(BaseCommand):
    help = "Create demo users and synthetic reports (never real people's data)."
    OPEN = (Case.Status.NEW, Case.Status.IN_ASSESSMENT)

    def add_arguments(self, parser) -> None:
        parser.add_argument("--reports", type=int, default=300)
        parser.add_argument("--seed", type=int, default=2017)
        parser.add_argument("--weeks", type=int, default=6, help="Weeks of history")
        parser.add_argument(
            "--password", help="Password for every demo user (default: a new random one each run)"
        )
        parser.add_argument(
            "--sign-ins-file",
            help="Also write the sign-ins to this file (owner-only), for `serve --show-file`",
        )

    def handle(self, *args, **options) -> None:
        if not Force.objects.exists():
            raise CommandError("Load the force list first: manage.py load_reference_data")
        password = options["password"] or secrets.token_urlsafe(9)
        organisation, key = self._partner()
        users = self._users(password, organisation)
        # The directories the demo's officers refer to (synthetic contact details only).
        call_command("load_platforms", "--update", stdout=StringIO())
        call_command("load_support_services", stdout=StringIO())
        existing = Report.objects.count()
        if existing:
            self.stdout.write(f"{existing} reports already present; no new reports generated.")
        else:
            self._reports(options["reports"], options["seed"], options["weeks"])
        sign_ins = self._sign_ins(password, users, organisation, key)
        self.stdout.write(sign_ins)
        if options["sign_ins_file"]:
            path = Path(options["sign_ins_file"])
            path.parent.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, SIGN_INS_FILE_MODE)
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(sign_ins + "\n")

    @staticmethod
    def _sign_ins(password, users, organisation, key) -> str:
        lines = [f"\nDemo sign-ins (password for all: {password})"]
        for user in users:
            where = f", {user.force.name}" if user.force else ""
            accredited = " (SPoC)" if user.spoc_accredited else ""
            lines.append(f"  {user.username:<12} {user.get_role_display()}{accredited}{where}")
        if key:
            lines.append(f"\nPartner API key for {organisation.name} (shown once): {key}")
        if not settings.HUB_REQUIRE_2FA:
            lines.append(
                "\nSecond factor: off for this demo (HUB_REQUIRE_2FA=0). In production every "
                "user sets up an authenticator app at first sign-in."
            )
        return "\n".join(lines)

    def _users(self, password: str, organisation: Organisation) -> list[User]:
        users = []
        for username, role, force_id in DEMO_USERS:
            is_admin = role == Role.ADMINISTRATOR
            user, _ = User.objects.update_or_create(
                username=username,
                defaults={
                    "role": role,
                    "force": Force.objects.get(police_uk_id=force_id) if force_id else None,
                    "first_name": "Demo",
                    "last_name": username.title(),
                    "is_staff": is_admin,
                    "is_superuser": is_admin,
                    "organisation": organisation if role == Role.VOLUNTEER else None,
                    "spoc_accredited": username == "spoc",
                },
            )
            user.set_password(password)
            user.save()
            users.append(user)
        return users

    def _partner(self) -> tuple[Organisation, str | None]:
        organisation, created = Organisation.objects.get_or_create(
            name="Demo Third-Party Reporting Centre"
        )
        key = issue_api_key(organisation=organisation, reason="demo data") if created else None
        return organisation, key

    def _reports(self, count: int, seed: int, weeks: int) -> None:
        synthetic = Synthetic(seed)
        rng = synthetic.random
        outcodes = postcode_districts(Path(settings.HUB_REFERENCE_DIR))
        end = timezone.localtime().replace(tzinfo=None) - timedelta(minutes=5)
        planned = timeline.plan(count, end=end, seed=seed, weeks=weeks)
        self._shared: dict[int, object] = {}
        self._seen_posts: set[str] = set()
        self._match_post = synthetic.post(platform="x", strand="race")
        # Offers waiting to be made: (when, sequence, case id), made in time order between
        # the reports.
        offers: list[tuple[datetime, int, int]] = []
        # Background work (confirmations, thumbnails) runs as each report is received, at its
        # time, instead of queueing hundreds of tasks for the worker to run when the demo starts.
        immediate = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
        with override_settings(TASKS=immediate), acting_as("demo-data-generator"):
            for number, arrival in enumerate(planned.arrivals):
                while offers and offers[0][0] <= arrival.at:
                    self._offer(*heapq.heappop(offers))
                with simulated_clock(timezone.make_aware(arrival.at)), transaction.atomic():
                    report = submit_public_report(
                        self._submission(synthetic, number, arrival, outcodes)
                    )
                case = report.case
                if case.allocated_force_id is None and rng.random() < ALLOCATED_SHARE:
                    heapq.heappush(offers, (self._office_hours(rng, arrival.at), number, case.pk))
            while offers and offers[0][0] <= end:
                self._offer(*heapq.heappop(offers))
        self.stdout.write(
            f"{count} synthetic reports created, from {planned.start:%d %B} to {end:%d %B %Y}."
        )
        self._assess(synthetic)
        self._surges(planned)

    @staticmethod
    def _office_hours(rng, after: datetime) -> datetime:
        low, high = ALLOCATION_DELAY_HOURS
        moment = after + timedelta(hours=low + rng.random() * (high - low))
        while not 8 <= moment.hour < 20:
            moment += timedelta(hours=1)
        return moment

    def _offer(self, when: datetime, _sequence: int, case_id: int) -> None:
        """Offer the case to the force its own reports point to (the hub's responsible-force
        rule), as an officer would; a case with no force to go to stays with the hub."""
        case = Case.objects.get(pk=case_id)
        if case.allocated_force_id is not None or case.status not in self.OPEN:
            return
        decision = case_responsibility(case)
        force = force_for(decision.recording) if decision is not None else None
        if force is None:
            return
        with simulated_clock(timezone.make_aware(when)):
            try:
                allocate(case, force=force, reason=f"Responsible force: {decision.reason}")
            except AllocationRefused:
                return

    def _assess(self, synthetic: Synthetic) -> None:
        """Assess the busiest cases and a sample of the rest, as officers would have by now."""
        cases = list(Case.objects.annotate(n=Count("reports")).order_by("-n", "pk"))
        chosen = cases[:BUSIEST_ASSESSED] + [
            c for c in cases[BUSIEST_ASSESSED:] if synthetic.random.random() < 0.2
        ]
        with acting_as("demo-data-generator"):
            for case in chosen:
                assess_case(case, reason="First assessment (demo)")
        self.stdout.write(f"{len(chosen)} cases assessed.")

    def _surges(self, planned: timeline.Plan) -> None:
        """The surge check, run for each hour busy enough to be one, at the end of that hour,
        once the history holds the baseline weeks: the alerts the scheduler would have raised."""
        check = surge_settings()
        first = planned.start + timedelta(weeks=check.weeks)
        busy: dict[datetime, int] = {}
        for arrival in planned.arrivals:
            hour = arrival.at.replace(minute=0, second=0, microsecond=0)
            if hour >= first:
                busy[hour] = busy.get(hour, 0) + 1
        found = 0
        for hour in sorted(h for h, n in busy.items() if n >= check.min_count):
            start = timezone.make_aware(hour)
            with simulated_clock(start + timedelta(minutes=59)):
                found += len(detect_surges([start], now=timezone.now()))
        self.stdout.write(f"{found} surge alert(s) in the history.")

    def _submission(self, synthetic: Synthetic, number: int, arrival, outcodes: list[str]):
        rng = synthetic.random
        if arrival.kind == timeline.MATCH:
            post = self._match_post
        elif arrival.kind == timeline.SHARED:
            post = self._shared.get(arrival.post)
            if post is None:
                post = self._shared[arrival.post] = synthetic.post(
                    platform=rng.choice(DEMO_PLATFORMS)
                )
        else:
            post = synthetic.post(platform=rng.choice(DEMO_PLATFORMS))
        # A shared post is reported by many people, each with their own variant of the link
        # and their own screenshot of it.
        first_of_post = arrival.kind == timeline.BACKGROUND or not self._reported(post)
        url = post.url if first_of_post else rng.choice(url_variants(post.url))
        if first_of_post:
            evidence = [self._file(synthetic.screenshot(post), "screenshot.png")]
        else:
            screenshot = synthetic.screenshot(
                post, format="JPEG", size=(rng.randint(700, 1000), 600)
            )
            evidence = [self._file(screenshot, "screenshot.jpg")]
        person = synthetic.person()
        if rng.random() < 0.1:
            pdf = minimal_pdf(f"Synthetic chat export {number}")
            evidence.append(self._file(pdf, "chat-export.pdf"))
        extra_strand = [rng.choice(["religion", "disability"])] if rng.random() < 0.1 else []
        if arrival.kind == timeline.MATCH:
            # Fans who saw it: the victim is the player, whose club is in Liverpool.
            role = rng.choices(["witness", "victim"], weights=[95, 5])[0]
            victim_postcode = synthetic.postcode(MATCH_VICTIM_OUTCODE)
            poster_location = ""
        else:
            role = rng.choices(ReporterRole.values, weights=[60, 20, 12, 8])[0]
            victim_postcode = synthetic.postcode(rng.choice(outcodes))
            poster_location = (
                f"Their profile says they live in {rng.choice(POSTER_PLACES)}"
                if rng.random() < 0.12
                else ""
            )
        return ReportSubmission(
            reporter_role=role,
            description=f"{post.text}. Synthetic demo report {number + 1}.",
            platform=post.platform,
            strands=[post.strand, *extra_strand],
            occurred_on=arrival.at.date() - timedelta(days=rng.choice([0, 0, 0, 1, 2])),
            urls=[url],
            quoted_text=post.text if rng.random() < 0.5 else "",
            accounts=[f"@{post.handle}"],
            poster_identity_known=rng.random() < 0.08,
            poster_location=poster_location,
            future_event=rng.choices(["no", "yes", "not_sure"], weights=[90, 5, 5])[0],
            victim_postcode=victim_postcode,
            anonymous=rng.random() < 0.2,
            contact=Contact(
                name=person["name"],
                email=person["email"],
                phone=person["phone"],
                contact_method="email",
                # most say a message is safe; those who don't get nothing automatically
                safe_to_leave_message=rng.random() < 0.85,
            ),
            support_referral_consent=rng.random() < 0.5,
            evidence=evidence,
        )

    def _reported(self, post) -> bool:
        """Whether the post has been reported before (and note that it now has)."""
        if post.url in self._seen_posts:
            return True
        self._seen_posts.add(post.url)
        return False

    @staticmethod
    def _file(data: bytes, name: str):
        return receive(io.BytesIO(data), name=name, size=len(data), received_at=timezone.now())
