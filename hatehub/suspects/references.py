"""References for people and identification requests (pure: no Django).

The same scheme as report and case references (`core.reference_numbers`: eleven random
Crockford base32 characters and a Luhn mod 32 check character), with a prefix that says what
the reference is: `P-XXXX-XXXX-XXXX` for a person, `CD-XXXX-XXXX-XXXX` for a communications
data (identification) request. A mistyped character is caught before any lookup.
"""

from hatehub.core import reference_numbers

PERSON = "P"
REQUEST = "CD"


def new(prefix: str) -> str:
    return f"{prefix}-{reference_numbers.new_reference()}"


def normalise(text: str, prefix: str) -> str | None:
    """The canonical reference for what a person typed (with or without the prefix, any case,
    spaces or dashes), or None if it cannot be a valid one."""
    cleaned = "".join((text or "").split()).upper()
    if cleaned.startswith(f"{prefix}-"):
        cleaned = cleaned[len(prefix) + 1 :]
    elif cleaned.startswith(prefix) and len(cleaned.replace("-", "")) == len(prefix) + 12:
        cleaned = cleaned[len(prefix) :]
    body = reference_numbers.normalise(cleaned)
    return f"{prefix}-{body}" if body else None
