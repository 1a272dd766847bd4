from django import template

from hatehub.packages.bundle import utc_text

register = template.Library()


@register.filter
def utc(moment) -> str:
    """A moment as "YYYY-MM-DD HH:MM:SS UTC": the package never depends on a reader's zone."""
    return utc_text(moment)


@register.filter
def hash_breaks(value: str) -> str:
    """A SHA-256 with a line-break opportunity every 16 characters (cheap to lay out)."""
    from django.utils.html import escape
    from django.utils.safestring import mark_safe

    text = escape(value)
    return mark_safe("<wbr>".join(text[i : i + 16] for i in range(0, len(text), 16)))  # noqa: S308  # nosec B308 B703 (escaped above)
