"""Charts drawn on the server as plain geometry for inline SVG: no script, no external request."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: int
    series: int


@dataclass(frozen=True, slots=True)
class Label:
    x: float
    y: float
    text: str


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    labels: list[Label]
    series: list[str]
    empty: bool


def grouped_bars(
    groups: list[tuple[str, list[int]]],
    series: list[str],
    *,
    width: int = 720,
    bar: int = 12,
    gap: int = 14,
    label_width: int = 56,
    top: int = 28,
) -> Chart:
    """Horizontal bars, one row per group and one bar per series, scaled to the largest
    value; each bar carries its value as a label at its end."""
    peak = max((v for _, values in groups for v in values), default=0)
    room = width - label_width - 48
    bars: list[Bar] = []
    labels: list[Label] = []
    y = float(top)
    for name, values in groups:
        labels.append(Label(x=label_width - 8, y=y + bar * len(series) / 2 + 4, text=name))
        for i, value in enumerate(values):
            length = room * value / peak if peak else 0.0
            bars.append(
                Bar(
                    x=label_width,
                    y=y,
                    width=round(length, 1),
                    height=bar - 2,
                    value=value,
                    series=i,
                )
            )
            y += bar
        y += gap
    return Chart(
        width=width, height=int(y) + 8, bars=bars, labels=labels, series=series, empty=peak == 0
    )
