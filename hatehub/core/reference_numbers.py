"""Report reference numbers (pure: no Django).

Twelve characters from Crockford's base32 alphabet (no I, L, O or U, so nothing is misread),
shown as XXXX-XXXX-XXXX: eleven random characters (55 bits, so references cannot be guessed or
enumerated) and a Luhn mod 32 check character that catches any single mistyped character and
most swapped neighbours before a lookup is even tried.
"""

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUE = {c: i for i, c in enumerate(ALPHABET)}
_VALUE.update({"I": 1, "L": 1, "O": 0})  # Crockford decoding of look-alikes
RANDOM_LENGTH = 11


def check_character(body: str) -> str:
    """Luhn mod N over the alphabet, N = 32."""
    n = len(ALPHABET)
    factor, total = 2, 0
    for char in reversed(body):
        addend = factor * _VALUE[char]
        factor = 1 if factor == 2 else 2
        total += addend // n + addend % n
    return ALPHABET[(n - total % n) % n]


def new_reference() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_LENGTH))
    return _display(body + check_character(body))


def _display(raw: str) -> str:
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def normalise(text: str) -> str | None:
    """The canonical form of a reference typed by a person, or None if it cannot be one."""
    raw = "".join(ch for ch in text.upper() if ch not in " -")
    if len(raw) != RANDOM_LENGTH + 1 or any(ch not in _VALUE for ch in raw):
        return None
    raw = "".join(ALPHABET[_VALUE[ch]] for ch in raw)
    body, check = raw[:-1], raw[-1]
    return _display(raw) if check_character(body) == check else None
