"""Hand-written SVG charts: identical in the page and the PDF, microseconds to draw.
All text goes through format_html, so names from the records are escaped."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from socialeconomy.formatting import dk_int
from socialeconomy.suppression import is_hidden
from socialeconomy.vocabulary import OUTCOME_GROUP_LABELS, UNKNOWN_OUTCOME

GROUP_COLOURS = {
    "progression": "#00614f",
    "pension": "#6a4c93",
    "other_course": "#156fa8",
    "unemployed": "#e0a800",
    "stopped": "#b23a3a",
    "left": "#98a4ad",
    UNKNOWN_OUTCOME: "#c8cdd1",
}
HIDDEN = "hidden"
GROUP_NAMES = {
    **OUTCOME_GROUP_LABELS,
    UNKNOWN_OUTCOME: "Uoplyst",
    HIDDEN: "Skjult (små tal, se note)",
}


def _html(template: str, *args) -> SafeString:
    """format_html with floats written to one decimal (SVG coordinates)."""
    return format_html(template, *(f"{a:.1f}" if isinstance(a, float) else a for a in args))


FONT = 'font-family="Liberation Sans, DejaVu Sans, Arial, sans-serif"'


def _svg(width: int, height: int, title: str, body) -> SafeString:
    return _html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {0} {1}" width="{0}" '
        'height="{1}" role="img" aria-label="{2}" class="chart"><title>{2}</title>{3}</svg>',
        width,
        height,
        title,
        body,
    )


def chart_groups(agreement: dict) -> dict[str, int]:
    """Completed courses per outcome group (the agreement's ``outcome_groups``). Suppressed
    groups (public version) are not told apart: together they make one «hidden» segment."""
    completed = agreement["completed"]
    if is_hidden(completed):
        return {HIDDEN: 1}
    groups = {g: n for g, n in agreement["outcome_groups"].items() if n and not is_hidden(n)}
    rest = completed - sum(groups.values())
    if rest:
        groups[HIDDEN] = rest
    return groups


def _luminance(colour: str) -> float:
    """Relative luminance of '#rrggbb' (WCAG 2)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two colours, 1 to 21."""
    high, low = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


DARK_TEXT = "#1d2a33"


def text_colour(fill: str) -> str:
    """White or dark text on a fill, whichever reads better (at least 4.5:1 on our fills)."""
    return max(("#ffffff", DARK_TEXT), key=lambda text: contrast(text, fill))


def outcomes_chart(agreements: list[dict], title: str) -> SafeString:
    """One 100 % bar per agreement: where the participants of its completed courses went."""
    rows = [
        (
            a["name"],
            chart_groups(a),
            f"{dk_int(a['completed'])} afsl.",
        )
        for a in agreements
        if a["completed"]
    ]
    return stacked_bars(rows, title)


def stacked_bars(rows: list[tuple[str, dict[str, int], str]], title: str) -> SafeString:
    """One 100 % bar per row (label, counts per outcome group, note after the bar), in the
    outcome groups' colours; suppressed counts make one grey «hidden» segment."""
    colours = dict(GROUP_COLOURS)
    if any(HIDDEN in groups for _, groups, _ in rows):
        colours[HIDDEN] = "#e8eaec"
    label_w, bar_w, row_h, top = 190, 420, 30, 8
    legend_y = top + row_h * len(rows) + 14
    height = legend_y + 22 * ((len(colours) + 1) // 2)
    parts = []
    for i, (label, groups, note) in enumerate(rows):
        y = top + i * row_h
        parts.append(
            _html(
                '<text x="{}" y="{}" text-anchor="end" font-size="12" {}>{}</text>',
                label_w - 8,
                y + 17,
                SafeString(FONT),
                label,
            )
        )
        x = label_w
        whole = sum(groups.values())
        for group, colour in colours.items():
            n = groups.get(group, 0)
            if not n:
                continue
            w = bar_w * n / whole
            parts.append(
                _html(
                    '<rect x="{}" y="{}" width="{}" height="22" fill="{}"><title>{}</title></rect>',
                    x,
                    y + 2,
                    w,
                    colour,
                    # the hidden segment's width is no count: it has no number
                    GROUP_NAMES[group] if group == HIDDEN else f"{GROUP_NAMES[group]}: {n}",
                )
            )
            if w >= 18 and group != HIDDEN:
                parts.append(
                    _html(
                        '<text x="{}" y="{}" text-anchor="middle" font-size="11" '
                        'fill="{}" {}>{}</text>',
                        x + w / 2,
                        y + 17,
                        text_colour(colour),
                        SafeString(FONT),
                        n,
                    )
                )
            x += w
        parts.append(
            _html(
                '<text x="{}" y="{}" font-size="11" fill="#333" {}>{}</text>',
                label_w + bar_w + 6,
                y + 17,
                SafeString(FONT),
                note,
            )
        )
    for j, (group, colour) in enumerate(colours.items()):
        x = 10 + (j % 2) * 330
        y = legend_y + (j // 2) * 22
        parts.append(
            _html(
                '<rect x="{}" y="{}" width="12" height="12" fill="{}"/>'
                '<text x="{}" y="{}" font-size="11" {}>{}</text>',
                x,
                y,
                colour,
                x + 18,
                y + 10,
                SafeString(FONT),
                GROUP_NAMES[group],
            )
        )
    return _svg(
        label_w + bar_w + 60, height, title, format_html_join("", "{}", ((p,) for p in parts))
    )


def goal_chart(rows: list[dict], key: str, goal: int | None, title: str, unit: str) -> SafeString:
    """Bars per period: computed (solid) and published (outline) against the goal line."""
    width, height, left, bottom, top = 640, 220, 40, 40, 16
    values = [
        v
        for r in rows
        for v in (r[key]["computed"], r[key]["published"])
        if v is not None and not is_hidden(v)
    ]
    top_value = max([*values, goal or 0, 1]) * 1.15
    plot_h = height - bottom - top
    slot = (width - left - 10) / max(len(rows), 1)

    def y_of(v):
        return top + plot_h - plot_h * v / top_value

    parts = [
        _html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#333"/>',
            left,
            top + plot_h,
            width - 10,
            top + plot_h,
        )
    ]
    for i, row in enumerate(rows):
        x0 = left + i * slot + slot * 0.15
        bw = slot * 0.3
        for j, (kind, style) in enumerate(
            [("computed", 'fill="#00614f"'), ("published", 'fill="#fff" stroke="#00614f"')]
        ):
            v = row[key][kind]
            if v is None:
                continue
            x = x0 + j * (bw + 4)
            if is_hidden(v):  # a suppressed count has no bar, only its «<5»
                parts.append(
                    _html(
                        '<text x="{}" y="{}" font-size="13" text-anchor="middle" {}>{}</text>',
                        x + bw / 2,
                        top + plot_h - 4,
                        SafeString(FONT),
                        str(v),
                    )
                )
                continue
            parts.append(
                _html(
                    '<rect x="{}" y="{}" width="{}" height="{}" {} '
                    'stroke-width="2"/><text x="{}" y="{}" font-size="13" '
                    'text-anchor="middle" {}>{}</text>',
                    x,
                    y_of(v),
                    bw,
                    top + plot_h - y_of(v),
                    SafeString(style),
                    x + bw / 2,
                    y_of(v) - 4,
                    SafeString(FONT),
                    dk_int(v),
                )
            )
        parts.append(
            _html(
                '<text x="{}" y="{}" font-size="13" text-anchor="middle" {}>{}</text>',
                x0 + bw + 2,
                height - bottom + 16,
                SafeString(FONT),
                row["label"],
            )
        )
    if goal is not None:
        parts.append(
            _html(
                '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#b23a3a" '
                'stroke-dasharray="6 4" stroke-width="2"/>'
                '<text x="{}" y="{}" font-size="13" fill="#b23a3a" text-anchor="end" {}>'
                "{}: {}</text>",
                left,
                y_of(goal),
                width - 10,
                y_of(goal),
                width - 12,
                y_of(goal) - 5,
                SafeString(FONT),
                unit,
                dk_int(goal),
            )
        )
    parts.append(
        _html(
            '<rect x="{}" y="{}" width="12" height="12" fill="#00614f"/>'
            '<text x="{}" y="{}" font-size="13" {}>Beregnet fra registreringerne</text>'
            '<rect x="{}" y="{}" width="12" height="12" fill="#fff" stroke="#00614f" '
            'stroke-width="2"/><text x="{}" y="{}" font-size="13" {}>Offentliggjort</text>',
            left,
            height - 14,
            left + 18,
            height - 4,
            SafeString(FONT),
            left + 230,
            height - 14,
            left + 248,
            height - 4,
            SafeString(FONT),
        )
    )
    return _svg(width, height, title, format_html_join("", "{}", ((p,) for p in parts)))
