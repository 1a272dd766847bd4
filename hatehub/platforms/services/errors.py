"""What the platform services raise when they cannot do as asked."""


class ReferralRefused(ValueError):
    """The referral or status change cannot be made as asked; the message says why."""


class CallbackReplay(ReferralRefused):
    """A platform sent a status callback event that was already accepted."""
