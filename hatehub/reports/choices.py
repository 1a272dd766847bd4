"""The answers the report journey and the partner API accept, shared by both."""

from django.db import models

# A report's first urgency, as the case's `Urgency` numbers it (set at receipt by intake's
# routing rule, hatehub/intake/routing.py, so a backlog records urgent reports first).
URGENT, PRIORITY, ROUTINE = 1, 2, 3


class ReporterRole(models.TextChoices):
    VICTIM = "victim", "I am the victim"
    WITNESS = "witness", "I saw it happen to someone else"
    ON_BEHALF = "on_behalf", "I am reporting for someone else"
    ORGANISATION = "organisation", "I am reporting for an organisation"


class Source(models.TextChoices):
    PUBLIC = "public", "Public online form"
    PARTNER = "partner", "Partner organisation"
    VOLUNTEER = "volunteer", "Community volunteer"


class YesNoUnsure(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    NOT_SURE = "not_sure", "I'm not sure"


class ContactMethod(models.TextChoices):
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone"


# The five centrally monitored strands; age (a hate crime aggravation in Scotland, Hate Crime
# and Public Order (Scotland) Act 2021 s1) and sectarian (recorded by PSNI in Northern Ireland as
# its own category); then "other" (with text) and "not sure". What the reporter ticks is their
# perception; the assessment applies a strand only in the nation that records it (issue 15 s3).
STRANDS: list[tuple[str, str]] = [
    ("race", "Race or ethnicity"),
    ("religion", "Religion or belief"),
    ("sexual_orientation", "Sexual orientation"),
    ("disability", "Disability"),
    ("transgender", "Transgender identity"),
    ("age", "Age"),
    ("sectarian", "Sectarian (for example, being Catholic or Protestant)"),
    ("other", "Something else"),
    ("not_sure", "I'm not sure"),
]
STRAND_LABELS = dict(STRANDS)

# Platforms people choose from; the matching work derives the platform from URLs as well.
PLATFORMS: list[tuple[str, str]] = [
    ("x", "X (Twitter)"),
    ("facebook", "Facebook"),
    ("instagram", "Instagram"),
    ("threads", "Threads"),
    ("tiktok", "TikTok"),
    ("youtube", "YouTube"),
    ("reddit", "Reddit"),
    ("telegram", "Telegram"),
    ("bluesky", "Bluesky"),
    ("snapchat", "Snapchat"),
    ("linkedin", "LinkedIn"),
    ("twitch", "Twitch"),
    ("discord", "Discord"),
    ("kick", "Kick"),
    ("rumble", "Rumble"),
    ("gab", "Gab"),
    ("truth_social", "Truth Social"),
    ("4chan", "4chan"),
    ("whatsapp", "WhatsApp"),
    ("website", "A website or forum"),
    ("other", "Somewhere else"),
]
PLATFORM_LABELS = dict(PLATFORMS)
