"""The answers the report journey and the partner API accept, shared by both."""

from django.db import models


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


# The five centrally monitored strands, then "other" (with text) and "not sure".
STRANDS: list[tuple[str, str]] = [
    ("race", "Race or ethnicity"),
    ("religion", "Religion or belief"),
    ("sexual_orientation", "Sexual orientation"),
    ("disability", "Disability"),
    ("transgender", "Transgender identity"),
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
