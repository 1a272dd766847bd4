import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import hatehub.core.encryption


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0012_report_models_moved_to_reports"),
        ("accounts", "0002_analyst_role_and_spoc"),
        ("reports", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    # State only: intake's receipts (issue 18), in the table they had (intake_receivedreport, with
    # its constraint and queue index as intake's migrations made them).
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ReceivedReport",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("reference", models.CharField(max_length=14, unique=True)),
                        ("received_at", models.DateTimeField()),
                        (
                            "source",
                            models.CharField(
                                choices=[
                                    ("public", "Public online form"),
                                    ("partner", "Partner organisation"),
                                    ("volunteer", "Community volunteer"),
                                ],
                                max_length=20,
                            ),
                        ),
                        (
                            "idempotency_key",
                            models.CharField(blank=True, max_length=200, null=True),
                        ),
                        ("idempotency_fingerprint", models.CharField(blank=True, max_length=64)),
                        ("partner_reference", models.CharField(blank=True, max_length=100)),
                        ("submission", hatehub.core.encryption.EncryptedTextField(blank=True)),
                        ("tracking_secret_hash", models.CharField(blank=True, max_length=100)),
                        ("actor_label", models.CharField(blank=True, max_length=200)),
                        ("ip_address", models.CharField(blank=True, max_length=64)),
                        ("user_agent", models.CharField(blank=True, max_length=300)),
                        ("request_path", models.CharField(blank=True, max_length=300)),
                        ("urgency", models.PositiveSmallIntegerField(default=3)),
                        ("recorded_at", models.DateTimeField(blank=True, db_index=True, null=True)),
                        ("attempts", models.PositiveSmallIntegerField(default=0)),
                        ("last_error", models.TextField(blank=True)),
                        (
                            "organisation",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="accounts.organisation",
                            ),
                        ),
                        (
                            "report",
                            models.OneToOneField(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="receipt",
                                to="reports.report",
                            ),
                        ),
                        (
                            "submitted_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "intake_receivedreport",
                        "ordering": ["received_at"],
                        "indexes": [
                            models.Index(
                                condition=models.Q(("attempts", 0), ("recorded_at__isnull", True)),
                                fields=["urgency", "id"],
                                name="intake_receipt_queue_idx",
                            )
                        ],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("organisation", "idempotency_key"),
                                name="one_receipt_per_idempotency_key",
                            )
                        ],
                    },
                ),
            ],
        ),
    ]
