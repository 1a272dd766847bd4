"""What the suspects services raise; each message is written for the person who tried."""


class SuspectsRefused(Exception):
    """A change the rules do not allow; the message is written for the person who tried."""


class RequestRefused(SuspectsRefused):
    pass


class SendingRefused(RequestRefused):
    """Sending was refused by the rule (no approval, no authorisation, or a lapsed one);
    `status` is the request's status when it was refused."""

    status: str = ""


class AttachmentIntegrityError(RuntimeError):
    pass
