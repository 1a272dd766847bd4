import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import hatehub.core.encryption


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("intake", "0011_age_and_sectarian_strands"),
        ("accounts", "0002_analyst_role_and_spoc"),
        ("cases", "0006_assigned_officer"),
        ("matching", "0002_campaign_groups_and_account_keys"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    # State only: these models were `intake`'s (issue 18). Their tables keep the names they had
    # (intake_report, ...), created by intake's migrations, so no row moves.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Strand",
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
                        ("code", models.SlugField(max_length=30, unique=True)),
                        ("label", models.CharField(max_length=60)),
                        (
                            "monitored",
                            models.BooleanField(
                                default=False, help_text="One of the five national strands"
                            ),
                        ),
                    ],
                    options={
                        "db_table": "intake_strand",
                        "ordering": ["pk"],
                    },
                ),
                migrations.CreateModel(
                    name="Report",
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
                        ("submitted_at", models.DateTimeField(db_index=True)),
                        (
                            "reporter_role",
                            models.CharField(
                                choices=[
                                    ("victim", "I am the victim"),
                                    ("witness", "I saw it happen to someone else"),
                                    ("on_behalf", "I am reporting for someone else"),
                                    ("organisation", "I am reporting for an organisation"),
                                ],
                                max_length=20,
                            ),
                        ),
                        ("description", models.TextField()),
                        (
                            "quoted_text",
                            models.TextField(
                                blank=True,
                                help_text="What the post said, as the reporter copied it",
                            ),
                        ),
                        ("occurred_on", models.DateField(blank=True, null=True)),
                        ("platform", models.CharField(db_index=True, max_length=30)),
                        ("platform_other", models.CharField(blank=True, max_length=100)),
                        ("strand_other", models.CharField(blank=True, max_length=200)),
                        ("poster_identity_known", models.BooleanField(default=False)),
                        ("poster_identity_details", models.TextField(blank=True)),
                        (
                            "future_event",
                            models.CharField(
                                choices=[
                                    ("yes", "Yes"),
                                    ("no", "No"),
                                    ("not_sure", "I'm not sure"),
                                ],
                                default="no",
                                max_length=10,
                            ),
                        ),
                        ("future_event_details", models.TextField(blank=True)),
                        ("poster_location", models.CharField(blank=True, max_length=300)),
                        ("anonymous", models.BooleanField(default=False)),
                        (
                            "idempotency_key",
                            models.CharField(blank=True, max_length=200, null=True),
                        ),
                        ("idempotency_fingerprint", models.CharField(blank=True, max_length=64)),
                        ("partner_reference", models.CharField(blank=True, max_length=100)),
                        (
                            "case",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="reports",
                                to="cases.case",
                            ),
                        ),
                        (
                            "organisation",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="reports",
                                to="accounts.organisation",
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
                        (
                            "strands",
                            models.ManyToManyField(related_name="reports", to="reports.strand"),
                        ),
                    ],
                    options={
                        "db_table": "intake_report",
                        "ordering": ["-submitted_at"],
                    },
                ),
                migrations.CreateModel(
                    name="ContentItem",
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
                        ("url", models.URLField(max_length=2000)),
                        ("canonical_url", models.CharField(blank=True, max_length=2000)),
                        ("platform", models.CharField(blank=True, max_length=30)),
                        ("content_id", models.CharField(blank=True, max_length=200)),
                        (
                            "account",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="content_items",
                                to="matching.onlineaccount",
                            ),
                        ),
                        (
                            "report",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="content_items",
                                to="reports.report",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "intake_contentitem",
                        "ordering": ["pk"],
                    },
                ),
                migrations.CreateModel(
                    name="Complainant",
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
                        ("name", hatehub.core.encryption.EncryptedTextField(blank=True)),
                        ("email", hatehub.core.encryption.EncryptedTextField(blank=True)),
                        ("phone", hatehub.core.encryption.EncryptedTextField(blank=True)),
                        (
                            "contact_method",
                            models.CharField(
                                blank=True,
                                choices=[("email", "Email"), ("phone", "Phone")],
                                max_length=10,
                            ),
                        ),
                        ("safe_to_leave_message", models.BooleanField(default=False)),
                        (
                            "contact_notes",
                            hatehub.core.encryption.EncryptedTextField(
                                blank=True, help_text="When and how it is safe to make contact"
                            ),
                        ),
                        ("victim_postcode", hatehub.core.encryption.EncryptedTextField(blank=True)),
                        ("victim_town", hatehub.core.encryption.EncryptedTextField(blank=True)),
                        ("support_referral_consent", models.BooleanField(default=False)),
                        (
                            "language",
                            models.CharField(
                                choices=[("en", "English"), ("cy", "Cymraeg (Welsh)")],
                                default="en",
                                max_length=2,
                            ),
                        ),
                        ("avoid_contact_times", models.JSONField(blank=True, default=list)),
                        ("post_allowed", models.BooleanField(default=False)),
                        ("postal_address", hatehub.core.encryption.EncryptedTextField(blank=True)),
                        (
                            "report",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="complainant",
                                to="reports.report",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "intake_complainant",
                    },
                ),
                migrations.CreateModel(
                    name="AccountMention",
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
                        ("platform", models.CharField(max_length=30)),
                        ("handle", models.CharField(max_length=200)),
                        (
                            "platform_user_id",
                            models.CharField(
                                blank=True,
                                help_text="The platform's own id, when the reporter knew it",
                                max_length=100,
                            ),
                        ),
                        (
                            "account",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="mentions",
                                to="matching.onlineaccount",
                            ),
                        ),
                        (
                            "report",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="accounts",
                                to="reports.report",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "intake_accountmention",
                        "ordering": ["pk"],
                    },
                ),
                migrations.AddConstraint(
                    model_name="report",
                    constraint=models.UniqueConstraint(
                        fields=("organisation", "idempotency_key"),
                        name="one_report_per_idempotency_key",
                    ),
                ),
            ],
        ),
    ]
