"""Writing, one module per job: the directory (`directory`), drafting a referral (`drafting`),
sending it (`sending`), each item's status as officers and platforms report it (`status`),
checking whether reported content is still up (`liveness`) and the hash-sharing list
(`hash_sharing`). Every change is audited; status changes also go on the timelines of the
cases the items came from. Callers write `services.sending.send_referral(...)`."""

from . import directory, drafting, hash_sharing, liveness, sending, status
from .errors import CallbackReplay, ReferralRefused

__all__ = [
    "CallbackReplay",
    "ReferralRefused",
    "directory",
    "drafting",
    "hash_sharing",
    "liveness",
    "sending",
    "status",
]
