"""Small pieces of wording used across the hub's pages and messages, so they read the same
everywhere. Pure: no Django import."""

_VOWEL_SOUND_LETTERS = set("AEFHILMNORSX")  # letters whose names start with a vowel sound


def a_or_an(word: str) -> str:
    """`word` with "a" or "an" before it, for file types and other short names: "an EXE",
    "a PNG", "an SVG", "an MP4" (spelled out: em-pee), "a ZIP".

    A word starting with a vowel takes "an". An initialism (no vowel: read letter by letter)
    takes "an" when its first letter's name starts with a vowel sound (F, H, L, M, N, R, S, X).
    """
    if not word:
        return word
    first = word[0].upper()
    letters = [char for char in word.upper() if char.isalpha()]
    spelled_out = not any(char in "AEIOU" for char in letters)
    if first in "AEIOU" or (spelled_out and first in _VOWEL_SOUND_LETTERS):
        return f"an {word}"
    return f"a {word}"


def file_size(size: int | None) -> str:
    """A file's size as the hub writes it everywhere: "340 KB", "1.2 MB", "15 MB" (1 KB =
    1,024 bytes; at least 1 KB, so a small file never reads "0 KB")."""
    if size is None:
        return ""
    if size >= 1024 * 1024 * 1024:
        return f"{size / (1024**3):.1f} GB"
    if size >= 1024 * 1024:
        megabytes = size / (1024 * 1024)
        return f"{megabytes:.0f} MB" if megabytes >= 10 else f"{megabytes:.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


def confirm_label(reason: str) -> str:
    """Why an assessment's carried-forward decision waits for the officer (on the assessment,
    and in the queue, which reads it without importing the assessment app)."""
    if "new report" in reason.lower():
        return "New report: confirm your decision"
    return "Recommendation changed: confirm your decision"
