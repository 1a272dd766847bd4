"""What the platform services raise when they cannot do as asked."""


class ReferralRefused(ValueError):
    """The referral or status change cannot be made as asked; the message says why, and
    `status` the HTTP status a platform's callback is answered with."""

    status: int = 422


class CallbackReplay(ReferralRefused):
    """A platform sent a status callback event that was already accepted."""
