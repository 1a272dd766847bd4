"""Re-hash every file in the evidence store and report any that no longer match."""

from django.core.management.base import BaseCommand

from hatehub.audit.services import Action, acting_as, record
from hatehub.evidence.services import verify_store


class Command(BaseCommand):
    help = (
        "Re-hash every stored evidence file (its name is its SHA-256) and check every evidence "
        "record's file is there. Exits 1 if anything does not match."
    )

    def handle(self, *args, **options) -> None:
        with acting_as("command:verify_evidence"):
            result = verify_store()
            record(
                Action.VIEW,
                "evidence_store",
                summary=(
                    f"verify_evidence: {result.checked_files} file(s), "
                    f"{result.checked_records} record(s), {len(result.problems)} problem(s)"
                ),
                details={"problems": [str(problem) for problem in result.problems]},
            )
        for problem in result.problems:
            self.stderr.write(f"MISMATCH {problem}")
        summary = (
            f"{result.checked_files} stored file(s) re-hashed, {result.checked_records} evidence "
            f"record(s) checked: {len(result.problems)} problem(s)"
        )
        if result.problems:
            self.stderr.write(summary)
            raise SystemExit(1)
        self.stdout.write(f"{summary}. Every file matches its SHA-256.")
