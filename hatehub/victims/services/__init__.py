"""Victims' Code work, one module per job: who can be contacted and how (`recipients`), the
clocks of notifiable events (`events`), writing and sending updates (`updates`) and Track my
report (`tracking`). Hub code names the job: `services.events.record_event(...)`.

The names are also here at the top, as they were before the split (issue 18), for the tests
written against the single module; new code should not use them."""

from . import events, recipients, tracking, updates
from .errors import UpdateRefused
from .events import (  # noqa: F401
    SCHEMES,
    has_enhanced_rights,
    latest_assessment,
    mark_update_sent,
    nation_for,
    record_event,
    rights_scheme,
)
from .recipients import (  # noqa: F401
    VICTIM_ROLES,
    ContactSafety,
    can_be_contacted,
    channels_for,
    complainant_of,
    contact_safety,
    recipient,
    writes_automatically,
)
from .tracking import (  # noqa: F401
    SECRET_LENGTH,
    LockedOut,
    NotYetRecorded,
    lockout_until,
    new_tracking_link,
    new_tracking_secret,
    normalise_secret,
    open_with_link,
    open_with_secret,
    store_tracking_secret,
)
from .updates import (  # noqa: F401
    delivery_failed,
    delivery_succeeded,
    draft,
    log,
    message_context,
    outcome_code,
    report_clock_started,
    report_received,
    reports_received,
    review_for,
    send_confirmation,
    send_due_messages,
    send_scheduled,
    send_update,
)

__all__ = ["UpdateRefused", "events", "recipients", "tracking", "updates"]
