"""{{ assessment.inferred|inferred_answers }}: the answers read from the reports as questions
and answers in words (hatehub.assessment.inferred); {{ offence.elements_met|element_texts }}: an
offence's elements by their text. Never internal names."""

from django import template

from hatehub.assessment.inferred import element_text
from hatehub.assessment.inferred import inferred_answers as _inferred_answers

register = template.Library()


@register.filter
def inferred_answers(inferred):
    return _inferred_answers(inferred)


@register.filter
def element_texts(elements) -> list[str]:
    return [element_text(element) for element in elements or ()]
