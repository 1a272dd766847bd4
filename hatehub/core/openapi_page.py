"""An OpenAPI description turned into what an accessible, static docs page shows: operations
grouped by tag, each with its parameters, body and answers, and every schema's fields with a link
to the schemas they use. Pure: no Django import (the page's template renders it).

Why not Swagger UI: its page has no `lang`, fails contrast at GOV.UK's bar and nests buttons
inside buttons (axe: nested-interactive), needs JavaScript, and its "Try it out" would send a
partner's real key from a browser. This page is GOV.UK markup, works without JavaScript and
passes axe; the machine-readable description stays at /api/v1/openapi.json for client
generators and tools such as Swagger UI run locally.
"""

from dataclasses import dataclass, field

METHOD_ORDER = ("get", "post", "put", "patch", "delete")


@dataclass(frozen=True)
class TypeRef:
    """A field's type as words, and the schema it refers to, if any."""

    words: str
    schema: str = ""


@dataclass(frozen=True)
class Field:
    name: str
    type: TypeRef
    required: bool
    description: str = ""
    rules: str = ""  # limits and allowed values, in words


@dataclass(frozen=True)
class Parameter:
    name: str
    where: str
    required: bool
    type: TypeRef
    description: str = ""


@dataclass(frozen=True)
class Answer:
    status: str
    description: str
    content_type: str = ""
    type: TypeRef | None = None


@dataclass
class Operation:
    method: str
    path: str
    summary: str
    description: str
    anchor: str
    parameters: list[Parameter] = field(default_factory=list)
    body_type: str = ""
    body: TypeRef | None = None
    body_example: object = None
    answers: list[Answer] = field(default_factory=list)
    auth: list[str] = field(default_factory=list)


@dataclass
class Group:
    name: str
    description: str
    anchor: str
    operations: list[Operation] = field(default_factory=list)


@dataclass(frozen=True)
class Schema:
    name: str
    description: str
    fields: list[Field]


@dataclass
class Page:
    title: str
    version: str
    description: str
    groups: list[Group]
    schemas: list[Schema]
    security: list[tuple[str, str]]  # (name, how to send it)


def _anchor(*parts: str) -> str:
    text = "-".join(parts).lower()
    return "".join(char if char.isalnum() else "-" for char in text).strip("-")


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def type_of(schema: dict) -> TypeRef:
    if not schema:
        return TypeRef("any")
    if "$ref" in schema:
        name = _ref_name(schema["$ref"])
        return TypeRef(name, name)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            options = [type_of(option) for option in schema[key]]
            real = [option for option in options if option.words != "null"]
            words = " or ".join(option.words for option in real)
            if len(real) < len(options):
                words += " (or null)"
            linked = next((option.schema for option in real if option.schema), "")
            return TypeRef(words, linked)
    if "allOf" in schema and len(schema["allOf"]) == 1:
        return type_of(schema["allOf"][0])
    kind = schema.get("type", "any")
    if kind == "array":
        item = type_of(schema.get("items", {}))
        return TypeRef(f"list of {item.words}", item.schema)
    if schema.get("format"):
        return TypeRef(f"{kind} ({schema['format']})")
    return TypeRef(str(kind))


def rules_of(schema: dict) -> str:
    words = []
    if "enum" in schema:
        words.append("one of: " + ", ".join(str(value) for value in schema["enum"]))
    for key, label in (
        ("minLength", "at least {} characters"),
        ("maxLength", "at most {} characters"),
        ("minItems", "at least {} items"),
        ("maxItems", "at most {} items"),
        ("minimum", "at least {}"),
        ("maximum", "at most {}"),
        ("pattern", "matching {}"),
    ):
        if key in schema:
            words.append(label.format(schema[key]))
    if "default" in schema and schema["default"] not in (None, "", []):
        words.append(f"default {schema['default']}")
    return "; ".join(words)


def _schemas(components: dict) -> list[Schema]:
    found = []
    for name, schema in sorted(components.get("schemas", {}).items()):
        required = set(schema.get("required", []))
        fields = [
            Field(
                key,
                type_of(prop),
                key in required,
                prop.get("description", ""),
                rules_of(prop),
            )
            for key, prop in schema.get("properties", {}).items()
        ]
        found.append(Schema(name, schema.get("description", ""), fields))
    return found


def _security(components: dict) -> list[tuple[str, str]]:
    found = []
    for name, scheme in components.get("securitySchemes", {}).items():
        if scheme.get("description"):
            how = scheme["description"]
        elif scheme.get("type") == "apiKey":
            how = f"`{scheme.get('name')}` {scheme.get('in', 'header')}"
        else:
            how = f"`Authorization: {scheme.get('scheme', '').capitalize()} <token>`"
        found.append((name, how))
    return found


def _operation(path: str, method: str, spec: dict, schemes: dict) -> Operation:
    operation = Operation(
        method=method.upper(),
        path=path,
        summary=spec.get("summary", ""),
        description=spec.get("description", ""),
        anchor=_anchor(method, path),
    )
    for parameter in spec.get("parameters", []):
        operation.parameters.append(
            Parameter(
                parameter["name"],
                parameter.get("in", ""),
                bool(parameter.get("required")),
                type_of(parameter.get("schema", {})),
                parameter.get("description", ""),
            )
        )
    body = spec.get("requestBody", {}).get("content", {})
    if body:
        content_type, media = next(iter(body.items()))
        operation.body_type = content_type
        operation.body = type_of(media.get("schema", {}))
        operation.body_example = media.get("example")
    for status, answer in spec.get("responses", {}).items():
        content = answer.get("content", {})
        content_type, media = next(iter(content.items())) if content else ("", {})
        operation.answers.append(
            Answer(
                str(status),
                answer.get("description", ""),
                content_type,
                type_of(media.get("schema", {})) if media.get("schema") else None,
            )
        )
    for requirement in spec.get("security", []):
        for name in requirement:
            if name in schemes and name not in operation.auth:
                operation.auth.append(name)
    return operation


def build(schema: dict) -> Page:
    components = schema.get("components", {})
    schemes = components.get("securitySchemes", {})
    tags = {tag["name"]: tag.get("description", "") for tag in schema.get("tags", [])}
    groups: dict[str, Group] = {
        name: Group(name, description, _anchor("tag", name)) for name, description in tags.items()
    }
    for path, operations in schema.get("paths", {}).items():
        for method in sorted(
            operations, key=lambda m: METHOD_ORDER.index(m) if m in METHOD_ORDER else 9
        ):
            spec = operations[method]
            tag = (spec.get("tags") or ["Other"])[0]
            group = groups.setdefault(tag, Group(tag, "", _anchor("tag", tag)))
            group.operations.append(_operation(path, method, spec, schemes))
    info = schema.get("info", {})
    return Page(
        title=info.get("title", "API"),
        version=str(info.get("version", "")),
        description=info.get("description", ""),
        groups=[group for group in groups.values() if group.operations],
        schemas=_schemas(components),
        security=_security(components),
    )
