"""Charts as SVG, drawn on the server: they need no JavaScript, print, and carry their own
accessible name (`<title>`) and description (`<desc>`). A pure module (no Django).

Every chart on the dashboard is followed by its data as a table, so the picture is never the
only way to read the figures. Series are told apart by line pattern and marker as well as
colour (WCAG 1.4.1), in GOV.UK colours that have at least 3:1 contrast with white.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

COLOURS = ["#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#b58840", "#505a5f", "#f499be"]
DASHES = ["", "8 4", "2 3", "10 3 2 3", "4 4", "12 6", "1 2"]
MARKERS = ["circle", "square", "diamond", "triangle", "circle", "square", "diamond"]
TEXT = "#0b0c0c"
GRID = "#b1b4b6"

WIDTH, HEIGHT = 720, 320
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 64


@dataclass(frozen=True)
class Line:
    label: str
    values: list[float]


def nice_ceiling(value: float) -> tuple[float, float]:
    """An axis top at or above `value` and a tick step: 1, 2 or 5 times a power of ten."""
    if value <= 0:
        return 1.0, 1.0
    raw_step = value / 5
    power = 10 ** math.floor(math.log10(raw_step))
    for multiple in (1, 2, 5, 10):
        step = multiple * power
        if step >= raw_step:
            break
    if value >= 1:
        step = max(step, 1)
    return math.ceil(value / step) * step, step


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _open(chart_id: str, title: str, description: str, height: int = HEIGHT) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="app-chart" viewBox="0 0 {WIDTH} '
        f'{height}" width="100%" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'font-family="\'GDS Transport\', arial, sans-serif" font-size="13">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "square":
        return f'<rect x="{x - 3.5:.1f}" y="{y - 3.5:.1f}" width="7" height="7" fill="{colour}"/>'
    if kind == "diamond":
        points = (
            f"{x:.1f},{y - 4.5:.1f} {x + 4.5:.1f},{y:.1f} "
            f"{x:.1f},{y + 4.5:.1f} {x - 4.5:.1f},{y:.1f}"
        )
        return f'<polygon points="{points}" fill="{colour}"/>'
    if kind == "triangle":
        points = f"{x:.1f},{y - 4.5:.1f} {x + 4.5:.1f},{y + 3.5:.1f} {x - 4.5:.1f},{y + 3.5:.1f}"
        return f'<polygon points="{points}" fill="{colour}"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"/>'


def _y_axis(parts: list[str], top_value: float, step: float, plot_height: float) -> None:
    ticks = int(round(top_value / step))
    for i in range(ticks + 1):
        value = i * step
        y = TOP + plot_height - plot_height * value / top_value
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" fill="{TEXT}">'
            f"{_number(value)}</text>"
        )


def line_chart(
    chart_id: str, title: str, description: str, periods: list[str], lines: list[Line]
) -> str:
    """Lines over time, one per series, with a legend under the axis."""
    legend_rows = math.ceil(len(lines) / 3) if len(lines) > 1 else 0
    height = HEIGHT + 20 * legend_rows
    parts = _open(chart_id, title, description, height)
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM
    top_value, step = nice_ceiling(max((v for line in lines for v in line.values), default=0))
    _y_axis(parts, top_value, step, plot_height)
    n = len(periods)

    def x_at(i: int) -> float:
        return LEFT + (plot_width * (i + 0.5) / n if n else 0)

    def y_at(value: float) -> float:
        return TOP + plot_height - plot_height * value / top_value

    label_every = max(1, math.ceil(n / 8))
    for i, period in enumerate(periods):
        if i % label_every == 0:
            parts.append(
                f'<text x="{x_at(i):.1f}" y="{TOP + plot_height + 18}" text-anchor="middle" '
                f'fill="{TEXT}">{escape(period)}</text>'
            )
    for index, line in enumerate(lines):
        colour = COLOURS[index % len(COLOURS)]
        dash = DASHES[index % len(DASHES)]
        points = " ".join(f"{x_at(i):.1f},{y_at(v):.1f}" for i, v in enumerate(line.values))
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2.5"'
            f"{dash_attr}/>"
        )
        if n <= 62:
            marker = MARKERS[index % len(MARKERS)]
            parts.extend(
                _marker(marker, x_at(i), y_at(v), colour) for i, v in enumerate(line.values)
            )
    if legend_rows:
        for index, line in enumerate(lines):
            row, column = divmod(index, 3)
            x = LEFT + column * (plot_width / 3)
            y = HEIGHT - 22 + row * 20
            colour = COLOURS[index % len(COLOURS)]
            dash = DASHES[index % len(DASHES)]
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            parts.append(
                f'<line x1="{x:.1f}" x2="{x + 28:.1f}" y1="{y:.1f}" y2="{y:.1f}" '
                f'stroke="{colour}" stroke-width="2.5"{dash_attr}/>'
            )
            parts.append(_marker(MARKERS[index % len(MARKERS)], x + 14, y, colour))
            parts.append(
                f'<text x="{x + 34:.1f}" y="{y + 4:.1f}" fill="{TEXT}">{escape(line.label)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def bar_chart(chart_id: str, title: str, description: str, bars: list[tuple[str, float]]) -> str:
    """Horizontal bars, one per category, labelled with the category and its value."""
    bar_height, gap, label_width = 22, 8, 230
    height = TOP + max(len(bars), 1) * (bar_height + gap) + 8
    parts = _open(chart_id, title, description, height)
    top_value, _step = nice_ceiling(max((value for _label, value in bars), default=0))
    plot_width = WIDTH - label_width - RIGHT - 60
    for i, (label, value) in enumerate(bars):
        y = TOP + i * (bar_height + gap)
        width = plot_width * value / top_value if top_value else 0
        shown = label if len(label) <= 34 else label[:33] + "…"
        parts.append(
            f'<text x="{label_width - 8}" y="{y + bar_height * 0.7:.1f}" text-anchor="end" '
            f'fill="{TEXT}">{escape(shown)}</text>'
        )
        parts.append(
            f'<rect x="{label_width}" y="{y}" width="{width:.1f}" height="{bar_height}" '
            f'fill="{COLOURS[0]}"/>'
        )
        parts.append(
            f'<text x="{label_width + width + 6:.1f}" y="{y + bar_height * 0.7:.1f}" '
            f'fill="{TEXT}">{_number(value)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
