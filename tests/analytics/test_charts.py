"""The SVG charts: accessible name and description, escaped text, sane axes."""

from xml.etree import ElementTree

from hatehub.analytics import charts

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str):
    return ElementTree.fromstring(svg)  # noqa: S314 (our own output)


def test_line_chart_is_labelled_and_draws_each_series():
    svg = charts.line_chart(
        "c1",
        "Reports <by> platform",
        "Per day & more",
        ["1 Nov", "2 Nov", "3 Nov"],
        [charts.Line("X", [1, 4, 2]), charts.Line("TikTok", [0, 0, 9])],
    )
    root = parse(svg)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "c1-title c1-desc"
    assert root.find(f"{SVG}title").text == "Reports <by> platform"
    assert root.find(f"{SVG}desc").text == "Per day & more"
    lines = root.findall(f"{SVG}polyline")
    assert len(lines) == 2
    assert lines[0].get("stroke-dasharray") is None and lines[1].get("stroke-dasharray")
    labels = [t.text for t in root.findall(f"{SVG}text")]
    assert "X" in labels and "TikTok" in labels and "10" in labels  # legend, axis top


def test_bar_chart_has_a_bar_and_a_value_per_category():
    svg = charts.bar_chart("c2", "Outcomes", "By code", [("Charged", 3), ("Caution", 12)])
    root = parse(svg)
    assert len(root.findall(f"{SVG}rect")) == 2
    texts = [t.text for t in root.findall(f"{SVG}text")]
    assert texts == ["Charged", "3", "Caution", "12"]


def test_empty_charts_still_draw():
    parse(charts.bar_chart("c3", "Nothing", "Empty", []))
    parse(charts.line_chart("c4", "Nothing", "Empty", [], []))


def test_nice_axis_top():
    assert charts.nice_ceiling(9) == (10, 2)
    assert charts.nice_ceiling(1234) == (1500, 500)
    assert charts.nice_ceiling(47) == (50, 10)
    assert charts.nice_ceiling(0) == (1.0, 1.0)
