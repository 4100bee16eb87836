"""Small inline SVG bar charts for the HTML digest (no external images, no scripts)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from markupsafe import Markup

_BAR_H = 18
_GAP = 6
_LABEL_W = 170
_BAR_W = 260
_VALUE_W = 60


def bar_chart(items: Sequence[tuple[str, float]], *, title: str, unit: str = "",
              color: str = "#d9534f") -> Markup:
    """Horizontal bars, one per (label, value); empty string when there is nothing to draw."""
    items = [(label, value) for label, value in items if value > 0]
    if not items:
        return Markup("")
    top = max(value for _, value in items)
    width = _LABEL_W + _BAR_W + _VALUE_W
    height = 24 + len(items) * (_BAR_H + _GAP)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" '
             'style="font-family:Arial,Helvetica,sans-serif;font-size:12px">',
             f'<title>{escape(title)}</title>',
             f'<text x="0" y="14" font-weight="bold" fill="#333">{escape(title)}</text>']
    for i, (label, value) in enumerate(items):
        y = 24 + i * (_BAR_H + _GAP)
        bar = max(2, round(_BAR_W * value / top))
        shown = f"{value:g}{unit}"
        parts.append(f'<text x="{_LABEL_W - 6}" y="{y + 13}" text-anchor="end" fill="#333">'
                     f'{escape(label)}</text>')
        parts.append(f'<rect x="{_LABEL_W}" y="{y}" width="{bar}" height="{_BAR_H}" rx="2" fill="{color}"/>')
        parts.append(f'<text x="{_LABEL_W + bar + 4}" y="{y + 13}" fill="#333">{escape(shown)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
