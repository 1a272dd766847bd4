"""The subject access bundle: a readable HTML summary, the same data as JSON, and the files.
Pure: no Django import (the caller gathers the data)."""

import html
import io
import json
import re
import zipfile
from dataclasses import dataclass


@dataclass(frozen=True)
class BundleFile:
    name: str  # its path in the ZIP, under evidence/
    data: bytes
    sha256: str
    media_type: str


def _label(key: str) -> str:
    return key.replace("_", " ").capitalize()


def _scalar(value) -> str:
    if value is True:
        return "Yes"
    if value is False:
        return "No"
    if value is None or value == "":
        return "—"
    return html.escape(str(value))


def _render(value, level: int) -> str:
    if isinstance(value, dict):
        if not value:
            return "<p>None held.</p>"
        rows = "".join(
            f"<tr><th scope='row'>{html.escape(_label(str(k)))}</th>"
            f"<td>{_render(v, level + 1)}</td></tr>"
            for k, v in value.items()
        )
        return f"<table>{rows}</table>"
    if isinstance(value, list | tuple):
        if not value:
            return "<p>None held.</p>"
        if all(isinstance(item, dict) for item in value):
            return "".join(f"<div class='item'>{_render(item, level + 1)}</div>" for item in value)
        return "<ul>" + "".join(f"<li>{_render(item, level + 1)}</li>" for item in value) + "</ul>"
    return _scalar(value)


STYLE = (
    "body{font-family:Arial,sans-serif;max-width:60em;margin:2em auto;color:#0b0c0c}"
    "table{border-collapse:collapse;margin:0 0 1em;width:100%}"
    "th,td{border-bottom:1px solid #b1b4b6;padding:.3em .5em;text-align:left;vertical-align:top}"
    "th{width:30%}.item{border-left:4px solid #b1b4b6;padding-left:.8em;margin-bottom:1em}"
    ".note{background:#f3f2f1;padding:1em}"
)


def render_html(*, title: str, generated_at: str, subject: dict, sections: dict, files) -> str:
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head><body><main>",
        f"<h1>{html.escape(title)}</h1>",
        f"<p>Made {html.escape(generated_at)}. The same information is in <code>data.json</code>;"
        " the files you supplied are in the <code>evidence</code> folder.</p>",
        "<p class='note'>Before release, a supervisor checks the bundle for information that"
        " must be withheld (Data Protection Act 2018 s45(4): e.g. to avoid prejudicing an"
        " investigation, or other people's personal data).</p>",
        "<h2>Who this is about</h2>",
        _render(subject, 2),
    ]
    for section, data in sections.items():
        parts.append(f"<h2>{html.escape(_label(section))}</h2>")
        for key, value in data.items():
            parts.append(f"<h3>{html.escape(_label(key))}</h3>")
            parts.append(_render(value, 3))
    parts.append("<h2>Files</h2>")
    if files:
        rows = "".join(
            f"<tr><td>{html.escape(f.name)}</td><td>{html.escape(f.media_type)}</td>"
            f"<td>{len(f.data)}</td><td><code>{f.sha256}</code></td></tr>"
            for f in files
        )
        parts.append(
            "<table><thead><tr><th scope='col'>File</th><th scope='col'>Type</th>"
            "<th scope='col'>Bytes</th><th scope='col'>SHA-256</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
        )
    else:
        parts.append("<p>None held.</p>")
    parts.append("</main></body></html>")
    return "".join(parts)


def safe_name(name: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._") or "file"
    return cleaned[:100]


def build_zip(*, summary_html: str, data: dict, files) -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("summary.html", summary_html)
        archive.writestr("data.json", json.dumps(data, indent=2, ensure_ascii=False, default=str))
        for f in files:
            archive.writestr(f.name, f.data)
    return output.getvalue()
