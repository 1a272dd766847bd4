"""Template filters for wording that must read the same on every page."""

from django import template

from hatehub.core import citations, wording

register = template.Library()


@register.filter
def file_size(size) -> str:
    """{{ item.size_bytes|file_size }}: "340 KB", "1.2 MB" (hatehub.core.wording.file_size)."""
    try:
        return wording.file_size(int(size))
    except (TypeError, ValueError):
        return ""


@register.filter
def cited(source: str) -> str:
    """{{ rule.source|cited }}: the legislation, code or guidance a source cites, not the
    project's internal notes (hatehub.core.citations)."""
    return citations.cited(str(source or ""))


@register.filter
def a_or_an(word: str) -> str:
    return wording.a_or_an(str(word or ""))
