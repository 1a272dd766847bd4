"""Evidence package generation time for a case with many reports.

    DATABASE_URL=sqlite:////tmp/hatehub_bench_packages.sqlite3 \\
        .venv/bin/python bench/evidence_package.py [--reports 50] [--runs 3] [--profile]

Builds one case of N synthetic victim reports (each with its own screenshot, through the real
intake service), assesses it and allocates it to a force, then times:

- `generate` of a NEW version (exhibit references given, PDF rendered, ZIP built, both stored,
  continuity and audit written);
- `generate` again with nothing changed (the last version rebuilt from the records and checked
  byte for byte);
- the in-run floor: reading every original from the store and writing them into a ZIP with a
  SHA256SUMS, the least any package of these files must do.

Prints the medians and the ratio to the floor, against the target (a few seconds for 50
reports). The database is FLUSHED: DATABASE_URL must name a scratch database containing "bench".
"""

import argparse
import hashlib
import io
import statistics
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.matching_quality import fresh_database, setup_django  # noqa: E402

TARGET_SECONDS = 3.0


def make_case(reports: int):
    from django.core.management import call_command
    from django.utils import timezone

    from hatehub.accounts.models import Role, User
    from hatehub.assessment.services import assess_case
    from hatehub.cases.services import allocate
    from hatehub.demo.synthetic import Synthetic
    from hatehub.evidence.services import make_thumbnail, receive
    from hatehub.intake.services import Contact, ReportSubmission, submit_public_report
    from hatehub.jurisdiction.models import Force

    reference_dir = ROOT.parent / "shared" / "reference"
    call_command(
        "load_reference_data", forces=str(reference_dir / "uk_police_forces.csv"), verbosity=0
    )
    synthetic = Synthetic(seed=7)
    post = synthetic.post(platform="x")
    case = None
    for index in range(reports):
        person = synthetic.person()
        shot = synthetic.screenshot(synthetic.post(platform="x"))
        received = receive(
            io.BytesIO(shot), name=f"shot-{index}.png", size=len(shot), received_at=timezone.now()
        )
        report = submit_public_report(
            ReportSubmission(
                reporter_role="victim",
                description=f"[SYNTHETIC] {post.text} (report {index})",
                quoted_text=post.text,
                platform=post.platform,
                strands=[post.strand],
                urls=[post.url],
                accounts=[f"@{post.handle}"],
                victim_postcode="L1 8JQ",
                contact=Contact(name=person["name"], email=person["email"], contact_method="email"),
                evidence=[received],
            )
        )
        for item in report.evidence.all():
            make_thumbnail(item)
        case = report.case
    officer = User.objects.create_user(
        username="bench-officer", first_name="Bea", last_name="Ench", role=Role.HUB_OFFICER
    )
    assess_case(case, reason="Bench assessment")
    allocate(case, force=Force.objects.get(police_uk_id="merseyside"), reason="Bench")
    case.refresh_from_db()
    return case, officer


def floor(case) -> bytes:
    from hatehub.evidence import store
    from hatehub.evidence.models import EvidenceFile

    files = {}
    for item in EvidenceFile.objects.filter(report__case=case, kind="original").order_by("pk"):
        with store.open_blob(item.sha256) as blob:
            files[f"exhibits/{item.pk}-{item.original_filename}"] = blob.read()
    sums = "".join(f"{hashlib.sha256(d).hexdigest()}  {p}\n" for p, d in sorted(files.items()))
    files["SHA256SUMS"] = sums.encode()
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_STORED) as archive:
        for path in sorted(files):
            archive.writestr(zipfile.ZipInfo(path, (2026, 1, 1, 0, 0, 0)), files[path])
    return output.getvalue()


def timed(function, runs: int) -> tuple[float, float, object]:
    """(median wall seconds, median CPU seconds of this process, last result). CPU time is
    the steadier figure on a shared machine; wall time is what an officer waits."""
    walls, cpus, result = [], [], None
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        result = function()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    setup_django()
    fresh_database()
    import logging

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    from hatehub.packages.models import Exhibit, PackageVersion
    from hatehub.packages.services import generate

    print(f"Building a case of {args.reports} reports...", flush=True)
    case, officer = make_case(args.reports)

    def new_version():
        PackageVersion.objects.filter(case=case).delete()
        Exhibit.objects.filter(case=case).delete()
        return generate(case, by=officer)

    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.runcall(new_version)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    new_wall, new_cpu, built = timed(new_version, args.runs)
    again_wall, again_cpu, again = timed(lambda: generate(case, by=officer), args.runs)
    assert not again.new and again.zip_bytes == built.zip_bytes
    floor_wall, floor_cpu, _ = timed(lambda: floor(case), args.runs)
    print(f"reports: {args.reports}; exhibits: {len(built.version.snapshot['evidence'])}")
    print(f"ZIP: {len(built.zip_bytes) / 1e6:.1f} MB, PDF: {len(built.pdf_bytes) / 1e3:.0f} kB")
    print(f"median of {args.runs} run(s):      wall s   CPU s")
    print(f"new version:              {new_wall:6.2f}  {new_cpu:6.2f}")
    print(f"unchanged (rebuilt):      {again_wall:6.2f}  {again_cpu:6.2f}")
    print(f"floor (ZIP of originals): {floor_wall:6.3f}  {floor_cpu:6.3f}")
    print(
        f"ratio new/floor (CPU): {new_cpu / max(floor_cpu, 1e-6):.0f}x; target < "
        f"{TARGET_SECONDS:.0f} s CPU: {'met' if new_cpu < TARGET_SECONDS else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
