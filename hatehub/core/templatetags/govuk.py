"""Render Django form fields as GOV.UK Design System components (error messages, hints, legends).

GOV.UK publishes these as Nunjucks macros; there is no maintained Django port, so the markup of
the handful we use is in templates/includes/govuk/.
"""

from django import forms, template

register = template.Library()

_TEMPLATES = {
    forms.RadioSelect: "includes/govuk/radios.html",
    forms.CheckboxSelectMultiple: "includes/govuk/checkboxes.html",
    forms.Textarea: "includes/govuk/textarea.html",
    forms.Select: "includes/govuk/select.html",
    forms.CheckboxInput: "includes/govuk/checkbox.html",
    forms.ClearableFileInput: "includes/govuk/file.html",
    forms.FileInput: "includes/govuk/file.html",
}


@register.simple_tag(takes_context=True)
def govuk_field(
    context,
    bound_field,
    *,
    label_size: str = "",
    heading: bool = False,
    classes: str = "",
    reveals: dict | None = None,
):
    """`{% govuk_field form.x %}`; `heading=True` makes the label/legend the page's h1, as
    one-question pages do. `reveals` maps a radio's value (or "on" for a single checkbox) to the
    bound fields shown under it when it is chosen: GOV.UK's conditional reveal, which shows
    them all when JavaScript does not run."""
    widget = bound_field.field.widget
    revealed = {
        # Each part is our own template's output (already safe), so no mark_safe is needed.
        str(value): [govuk_field(context, field) for field in fields]
        for value, fields in (reveals or {}).items()
    }
    options = [
        {"choice": choice, "reveal": revealed.get(str(choice.data["value"]), [])}
        for choice in (bound_field if isinstance(widget, forms.RadioSelect) else [])
    ]
    template_name = next(
        (name for kind, name in _TEMPLATES.items() if type(widget) is kind),
        "includes/govuk/input.html",
    )
    if getattr(widget, "input_type", "") == "date" or isinstance(widget, forms.SelectDateWidget):
        template_name = "includes/govuk/input.html"
    return template.loader.render_to_string(
        template_name,
        {
            "field": bound_field,
            "label_size": label_size or ("l" if heading else ""),
            "heading": heading,
            "classes": classes,
            "input_type": getattr(widget, "input_type", "text"),
            "multiple": bool(getattr(widget, "allow_multiple_selected", False)),
            "options": options,
            "reveal": revealed.get("on", []),
        },
        request=context.get("request"),
    )


@register.inclusion_tag("includes/govuk/error_summary.html")
def govuk_error_summary(*forms_with_errors):
    errors = []
    for form in forms_with_errors:
        if form is None or not form.errors:
            continue
        for name, messages in form.errors.items():
            anchor = ""
            if name in form.fields:  # the field's own id, which carries the form's prefix
                anchor = form[name].auto_id or f"id_{name}"
                if isinstance(
                    form.fields[name].widget, forms.RadioSelect | forms.CheckboxSelectMultiple
                ):
                    anchor = f"{anchor}_0"
            elif name != "__all__":
                anchor = f"id_{name}"
            for message in messages:
                errors.append({"href": f"#{anchor}" if anchor else "", "text": message})
    return {"errors": errors}
