"""{{ ids|offence_names }}: offences by name and section, never by the rules' internal ids."""

from django import template

from hatehub.assessment.rules import load_rules

register = template.Library()


@register.filter
def offence_names(ids) -> str:
    """Offences by name, act and section, "; "-separated, for a list of
    offence ids; an id the rules no longer know is shown as it is, so nothing disappears."""
    known = {offence.id: offence for offence in load_rules().offences}
    names = []
    for offence_id in ids or ():
        offence = known.get(offence_id)
        names.append(
            f"{offence.name} ({offence.act} {offence.section})" if offence else str(offence_id)
        )
    return "; ".join(names)
