"""Sources for people, not for developers. Rule tables cite the project's domain notes
("DOMAIN.md s8: ...") so a developer can find the fact; officers and anyone outside the hub need
the legislation, code or guidance itself. `cited` rewrites a source for display. Pure: no
Django import."""

import re

# What each section of the domain notes rests on (/work/shared/DOMAIN.md, its "Sources" lines).
SECTIONS = {
    "1": "the national online hate crime hub's remit (Home Office, 8 October 2017)",
    "2": "the True Vision routing rule (report-it.org.uk)",
    "3": "College of Policing hate crime guidance and the Non-Crime Hate Incidents Code of "
    "Practice (2023)",
    "4": "the National Crime Recording Standard and the Home Office Counting Rules",
    "5": "the legislation (legislation.gov.uk)",
    "5a": "the legislation of each UK nation (legislation.gov.uk)",
    "6": "THRIVE risk assessment (College of Policing)",
    "7": "the 3x5x2 intelligence grading and the NPCC POLE data standard",
    "8": "the Code of Practice for Victims of Crime in England and Wales (Victims' Code)",
    "9": "the MG file standard and the ACPO good practice guide for digital evidence",
    "10": "the Online Safety Act 2023 and the Investigatory Powers Act 2016 Part 3",
    "11": "the Data Protection Act 2018 Part 3 and the police information and records "
    "management Code (2023)",
}

_SECTION = r"(?:s|section\s*|sections\s*)(\d+a?)(?:\s*-\s*s?\d+a?)?"
# "DOMAIN.md s5: text" or "DOMAIN.md s5 (text)": the text is the real source.
_WITH_TEXT = re.compile(r"DOMAIN\.md\s+" + _SECTION + r"\s*(?::\s*|\((?=[^)]*\)))")
# A later bare section in the same source: "...; s8 (Victims' Code)" or "; s9".
_LATER = re.compile(r";\s*s(\d+a?)(?:\s*\(([^)]*)\))?")
_BARE = re.compile(r"DOMAIN\.md\s+" + _SECTION)
# "Victims' Code (DOMAIN.md s8): ...": the name before it already says what is cited.
_NAMED = re.compile(r"(?<=\w)\s*\(DOMAIN\.md\s+" + _SECTION + r"\)")
_PREAMBLE = re.compile(r"DOMAIN\.md(?:'s)?(?:\s+preamble)?")


def _section(number: str) -> str:
    return SECTIONS.get(number, "the hub's domain reference")


def _drop_closing_paren(text: str) -> str:
    """Remove the ")" that closes a "(" just before `text` (nested pairs are kept)."""
    depth = 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return text[:index] + text[index + 1 :]
            depth -= 1
    return text


def cited(source: str) -> str:
    """`source` with every reference to the domain notes replaced by what they cite.

    >>> cited("DOMAIN.md s5: Crime and Disorder Act 1998 s28-32")
    'Crime and Disorder Act 1998 s28-32'
    >>> cited("DOMAIN.md s6: THRIVE (Engagement); s8 (Victims' Code)")
    "THRIVE (Engagement); Victims' Code"
    >>> cited("DOMAIN.md s8")
    "the Code of Practice for Victims of Crime in England and Wales (Victims' Code)"
    >>> cited("Victims' Code (DOMAIN.md s8): tell the victim within 5 working days")
    "Victims' Code: tell the victim within 5 working days"
    """
    if "DOMAIN.md" not in source and not _LATER.search(source):
        return source
    text = _NAMED.sub("", source)
    if "DOMAIN.md" not in text:
        return text.strip()
    match = _WITH_TEXT.match(text.strip())
    if match:
        rest = text.strip()[match.end() :]
        if text.strip()[match.end() - 1] == "(":
            rest = _drop_closing_paren(rest)
        text = rest
    if "DOMAIN.md" in source:
        text = _LATER.sub(lambda m: f"; {m.group(2) if m.group(2) else _section(m.group(1))}", text)
    text = _BARE.sub(lambda m: _section(m.group(1)), text)
    text = _PREAMBLE.sub("the hub's domain reference", text)
    return text.strip()
