"""Files received before the continuity log existed get their receipt (and a thumbnail its
making) recorded from what the evidence table already says, marked as backfilled."""

from django.db import migrations


def backfill(apps, schema_editor):
    EvidenceFile = apps.get_model("evidence", "EvidenceFile")
    ContinuityEntry = apps.get_model("evidence", "ContinuityEntry")
    logged = set(ContinuityEntry.objects.values_list("evidence_id", flat=True).distinct())
    batch = []
    for item in EvidenceFile.objects.exclude(pk__in=logged).select_related("report").iterator():
        if item.kind == "thumbnail":
            action, what = "derived", f"Thumbnail made from original {item.derived_from_id}"
            why = "A small preview, so officers need not open the original to recognise it"
        else:
            action = "received"
            what = f"{item.original_filename} ({item.media_type}, {item.size_bytes} bytes) received"
            why = f"Sent with report {item.report.reference}"
        batch.append(
            ContinuityEntry(
                evidence=item,
                at=item.received_at,
                action=action,
                actor_label="system (backfilled from the evidence record)",
                what=what[:500],
                why=why[:500],
                sha256=item.sha256,
                details={"backfilled": True},
            )
        )
        if len(batch) >= 1000:
            ContinuityEntry.objects.bulk_create(batch)
            batch = []
    ContinuityEntry.objects.bulk_create(batch)


class Migration(migrations.Migration):
    dependencies = [("evidence", "0002_continuity_and_capture")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
