"""Synthetic demo data: users for every role, a partner organisation with an API key, and a few
hundred reports across strands, platforms and forces, each with a generated screenshot, sent
through the real intake service so the demo shows exactly what production would."""

import csv
import io
import secrets
from datetime import timedelta
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from hatehub.accounts.models import Organisation, Role, User
from hatehub.accounts.services import issue_api_key
from hatehub.assessment.services import assess_case
from hatehub.audit.services import acting_as
from hatehub.cases.models import Case
from hatehub.cases.services import allocate
from hatehub.demo.synthetic import Synthetic, minimal_pdf, url_variants
from hatehub.evidence.services import receive
from hatehub.intake.choices import ReporterRole
from hatehub.intake.models import Report
from hatehub.intake.services import Contact, ReportSubmission, submit_public_report
from hatehub.jurisdiction.models import Force

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
VIRAL_POSTS = 6
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


class Command(BaseCommand):
    help = "Create demo users and synthetic reports (never real people's data)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--reports", type=int, default=300)
        parser.add_argument("--seed", type=int, default=2017)
        parser.add_argument(
            "--password", help="Password for every demo user (default: a new random one each run)"
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
            self._reports(options["reports"], options["seed"])
        self.stdout.write(f"\nDemo sign-ins (password for all: {password})")
        for user in users:
            where = f", {user.force.name}" if user.force else ""
            accredited = " (SPoC)" if user.spoc_accredited else ""
            self.stdout.write(f"  {user.username:<12} {user.get_role_display()}{accredited}{where}")
        if key:
            self.stdout.write(f"\nPartner API key for {organisation.name} (shown once): {key}")
        if not settings.HUB_REQUIRE_2FA:
            self.stdout.write(
                "\nSecond factor: off for this demo (HUB_REQUIRE_2FA=0). In production every "
                "user sets up an authenticator app at first sign-in."
            )

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

    def _reports(self, count: int, seed: int) -> None:
        synthetic = Synthetic(seed)
        self._viral = []
        outcodes = postcode_districts(Path(settings.HUB_REFERENCE_DIR))
        forces = list(Force.objects.filter(territorial=True))
        with acting_as("demo-data-generator"):
            for number in range(count):
                with transaction.atomic():
                    report = submit_public_report(self._submission(synthetic, number, outcodes))
                    if report.case.allocated_force_id is None and synthetic.random.random() < 0.3:
                        allocate(
                            report.case,
                            force=synthetic.random.choice(forces),
                            reason="Demo allocation: victim's home force",
                        )
        self.stdout.write(f"{count} synthetic reports created.")
        self._assess(synthetic)

    def _assess(self, synthetic: Synthetic) -> None:
        """Assess the busiest cases and a sample of the rest, as officers would have by now."""
        cases = list(Case.objects.annotate(n=Count("reports")).order_by("-n", "pk"))
        chosen = cases[:VIRAL_POSTS] + [
            c for c in cases[VIRAL_POSTS:] if synthetic.random.random() < 0.2
        ]
        with acting_as("demo-data-generator"):
            for case in chosen:
                assess_case(case, reason="First assessment (demo)")
        self.stdout.write(f"{len(chosen)} cases assessed.")

    def _submission(self, synthetic: Synthetic, number: int, outcodes: list[str]):
        rng = synthetic.random
        # About a third of reports are of a handful of viral posts, as a surge looks: each
        # reporter gives their own variant of the link and their own screenshot of it.
        if number >= VIRAL_POSTS and rng.random() < 0.35:
            post = rng.choice(self._viral)
            url = rng.choice(url_variants(post.url))
            screenshot = synthetic.screenshot(
                post, format="JPEG", size=(rng.randint(700, 1000), 600)
            )
            evidence = [self._file(screenshot, "screenshot.jpg")]
        else:
            post = synthetic.post(platform=rng.choice(DEMO_PLATFORMS))
            if len(self._viral) < VIRAL_POSTS:
                self._viral.append(post)
            url = post.url
            evidence = [self._file(synthetic.screenshot(post), "screenshot.png")]
        person = synthetic.person()
        if rng.random() < 0.1:
            pdf = minimal_pdf(f"Synthetic chat export {number}")
            evidence.append(self._file(pdf, "chat-export.pdf"))
        extra_strand = [rng.choice(["religion", "disability"])] if rng.random() < 0.1 else []
        return ReportSubmission(
            reporter_role=rng.choice(ReporterRole.values),
            description=f"{post.text}. Synthetic demo report {number + 1}.",
            platform=post.platform,
            strands=[post.strand, *extra_strand],
            occurred_on=timezone.localdate() - timedelta(days=rng.randint(0, 30)),
            urls=[url],
            quoted_text=post.text if rng.random() < 0.5 else "",
            accounts=[f"@{post.handle}"],
            poster_identity_known=rng.random() < 0.08,
            future_event=rng.choices(["no", "yes", "not_sure"], weights=[90, 5, 5])[0],
            victim_postcode=synthetic.postcode(rng.choice(outcodes)),
            anonymous=rng.random() < 0.2,
            contact=Contact(
                name=person["name"],
                email=person["email"],
                phone=person["phone"],
                contact_method="email",
            ),
            support_referral_consent=rng.random() < 0.5,
            evidence=evidence,
        )

    @staticmethod
    def _file(data: bytes, name: str):
        return receive(io.BytesIO(data), name=name, size=len(data), received_at=timezone.now())
