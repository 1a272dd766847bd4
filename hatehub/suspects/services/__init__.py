"""Writes for suspects and identification requests, one module per job: people and their
accounts (`people`), drafting and reviewing a request (`requests`), its authorisation
(`authorisation`), sending it (`sending`) and the platform's answer (`responses`). Every
change is audited here, inside the transaction that makes it; every step of a request checks
who is acting and the state it is in (a view's checks are for the page, these are the rule).

An identification request moves:

    draft -> awaiting_review -> returned (-> awaiting_review again) | rejected | approved
    approved -> authorised (an Authorisation recorded) -> sent -> response_received | refused

It cannot be sent without a SPoC's approval and an authorisation record, and not after the
authorisation has lapsed (IPA 2016 s65: one month beginning with the day it was granted; three
days for an urgent one).
"""

from . import authorisation, people, requests, responses, sending
from .errors import AttachmentIntegrityError, RequestRefused, SendingRefused, SuspectsRefused

__all__ = [
    "AttachmentIntegrityError",
    "RequestRefused",
    "SendingRefused",
    "SuspectsRefused",
    "authorisation",
    "people",
    "requests",
    "responses",
    "sending",
]
