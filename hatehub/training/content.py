"""Markdown to safe GOV.UK-styled HTML, and the knowledge check's authoring format.

Pure Python (no Django): the advice library renders its articles with the same function.

Knowledge check format, one question after another::

    ? Which of these is a protected characteristic for hate crime recording?
    - Height
    * Religion
    - Football club

A line starting ``?`` asks a question; ``-`` is a wrong choice, ``*`` the right one (exactly one
per question, at least two choices).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import markdown
import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "em", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "li", "ol", "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr",
    "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
_CLASSES = {
    "p": "govuk-body",
    "ul": "govuk-list govuk-list--bullet",
    "ol": "govuk-list govuk-list--number",
    "h2": "govuk-heading-m",
    "h3": "govuk-heading-s",
    "h4": "govuk-heading-s",
    "h5": "govuk-heading-s",
    "h6": "govuk-heading-s",
    "a": "govuk-link",
    "table": "govuk-table",
    "tr": "govuk-table__row",
    "th": "govuk-table__header",
    "td": "govuk-table__cell",
    "blockquote": "govuk-inset-text",
    "hr": "govuk-section-break govuk-section-break--m govuk-section-break--visible",
}


def render_markdown(text: str) -> str:
    """Markdown to HTML that is safe to show: rendered, then cleaned by nh3 (no scripts, no
    event handlers, no images or iframes, links only to http(s)/mailto), then given GOV.UK
    classes. Headings move one level down, because the page's title is the only h1."""
    html = markdown.markdown(text or "", extensions=["extra", "sane_lists"], output_format="html")
    html = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    html = re.sub(r"<(/?)h([1-6])\b", lambda m: f"<{m[1]}h{min(int(m[2]) + 1, 6)}", html)

    def add_class(match: re.Match) -> str:
        tag, rest = match[1], match[2]
        return f'<{tag} class="{_CLASSES[tag]}"{rest}>'

    pattern = r"<(" + "|".join(sorted(_CLASSES, key=len, reverse=True)) + r")\b([^>]*)>"
    html = re.sub(pattern, add_class, html)
    # Markdown tables have no scope on their headers: a column header is what they are.
    return html.replace('<th class="govuk-table__header">', '<th class="govuk-table__header" '
                        'scope="col">')  # fmt: skip


def plain_text(text: str) -> str:
    """The words of a Markdown text, for summaries and search snippets."""
    html = markdown.markdown(text or "")
    return re.sub(r"\s+", " ", nh3.clean(html, tags=set())).strip()


@dataclass(frozen=True)
class Question:
    text: str
    choices: tuple[str, ...]
    answer: int

    def as_dict(self) -> dict:
        return {"text": self.text, "choices": list(self.choices), "answer": self.answer}


class CheckFormatError(ValueError):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


def parse_check(text: str) -> list[Question]:
    """Read the authoring format; every problem is reported with its line number."""
    problems: list[str] = []
    questions: list[Question] = []
    current: dict | None = None

    def close() -> None:
        if current is None:
            return
        label = f"Question on line {current['line']}"
        if len(current["choices"]) < 2:
            problems.append(f"{label} needs at least two choices")
        elif len(current["right"]) != 1:
            problems.append(f"{label} needs exactly one right choice (a line starting *)")
        else:
            questions.append(
                Question(current["text"], tuple(current["choices"]), current["right"][0])
            )

    for number, raw in enumerate((text or "").splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        marker, rest = line[0], line[1:].strip()
        if marker == "?":
            close()
            if not rest:
                problems.append(f"Line {number}: write the question after the ?")
            current = {"line": number, "text": rest, "choices": [], "right": []}
        elif marker in "-*":
            if current is None:
                problems.append(f"Line {number}: a choice must follow a question (a line with ?)")
                continue
            if not rest:
                problems.append(f"Line {number}: write the choice after the {marker}")
                continue
            if marker == "*":
                current["right"].append(len(current["choices"]))
            current["choices"].append(rest)
        else:
            problems.append(
                f"Line {number}: start the line with ? for a question, - for a wrong choice or "
                "* for the right one"
            )
    close()
    if not questions and not problems:
        problems.append("Write at least one question")
    if problems:
        raise CheckFormatError(problems)
    return questions


def format_check(questions: list[dict]) -> str:
    """The authoring text of stored questions (to edit a module)."""
    lines: list[str] = []
    for question in questions:
        lines.append(f"? {question['text']}")
        for index, choice in enumerate(question["choices"]):
            lines.append(f"{'*' if index == question['answer'] else '-'} {choice}")
        lines.append("")
    return "\n".join(lines).strip()


def mark(questions: list[dict], given: list[int | None]) -> int:
    """How many answers are right."""
    return sum(
        1
        for question, answer in zip(questions, given, strict=False)
        if answer is not None and answer == question["answer"]
    )


def passes(correct: int, total: int, pass_mark: int) -> bool:
    return total > 0 and correct * 100 >= pass_mark * total
