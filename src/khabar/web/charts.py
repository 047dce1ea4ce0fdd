"""Bar charts as geometry for server-side SVG: counts per day bucketed by day, week, month or year.

The templates draw the SVG from a :class:`Chart` (autoescaped like every page), so labels taken from
scraped data never become markup.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

WIDTH, HEIGHT = 720, 220
LEFT, RIGHT, TOP, BOTTOM = 40, 10, 12, 36
#: Longest range (in days) drawn with one bar per day, per week and per month; beyond it, per year.
DAY_LIMIT, WEEK_LIMIT, MONTH_LIMIT = 62, 730, 366 * 15
MAX_X_LABELS = 6
MAX_BAR_WIDTH = 40
#: Series colours (a colour-blind-safe palette); series beyond it share the last colour as "others".
OTHERS = "अन्य · others"
PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#999999")


@dataclass(slots=True)
class Bar:
    """One drawn rectangle with its tooltip."""

    x: float
    y: float
    width: float
    height: float
    colour: str
    title: str


@dataclass(slots=True)
class Tick:
    """An axis label at a position."""

    x: float
    y: float
    text: str


@dataclass(slots=True)
class Chart:
    """Everything a template needs to draw one bar chart."""

    width: int
    height: int
    bars: list[Bar]
    x_labels: list[Tick]
    y_labels: list[Tick]
    grid: list[float]
    unit: str
    legend: list[tuple[str, str]] = field(default_factory=list)
    baseline: float = HEIGHT - BOTTOM

    @property
    def empty(self) -> bool:
        return not self.bars


def parse_day(value: str | None) -> date | None:
    """The date of an ISO day string (``YYYY-MM-DD``; longer stamps are cut), or ``None``."""
    try:
        return date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def bucket_unit(first: date, last: date) -> str:
    """``day``, ``week``, ``month`` or ``year``: the finest unit that keeps the bar count readable."""
    span = (last - first).days
    if span <= DAY_LIMIT:
        return "day"
    if span <= WEEK_LIMIT:
        return "week"
    return "month" if span <= MONTH_LIMIT else "year"


def bucket_start(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    if unit == "year":
        return day.replace(month=1, day=1)
    return day


def next_bucket(day: date, unit: str) -> date:
    if unit == "day":
        return day + timedelta(days=1)
    if unit == "week":
        return day + timedelta(days=7)
    if unit == "month":
        return (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return day.replace(year=day.year + 1)


def bucket_label(day: date, unit: str) -> str:
    if unit == "month":
        return day.strftime("%Y-%m")
    if unit == "year":
        return str(day.year)
    return day.isoformat()


def buckets(days: list[date], unit: str) -> list[date]:
    """Every bucket from the first day's to the last day's, empty ones included."""
    out, current, last = [], bucket_start(min(days), unit), bucket_start(max(days), unit)
    while current <= last:
        out.append(current)
        current = next_bucket(current, unit)
    return out


def _nice_max(value: int) -> int:
    """A round number at least ``value`` for the top of the y axis."""
    if value <= 5:
        return max(value, 1)
    step = 10 ** (len(str(value)) - 1)
    for factor in (1, 2, 2.5, 5, 10):
        if value <= factor * step:
            return int(factor * step)
    return value


def stacked_chart(series: dict[str, list[tuple[str, int]]], max_series: int = len(PALETTE) - 1) -> Chart:
    """A stacked bar chart of ``{name: [(day, count), ...]}``; the smallest series beyond ``max_series``
    are summed as one grey "others" series. Days that do not parse are left out."""
    totals = {name: sum(n for _, n in points) for name, points in series.items()}
    ranked = sorted(series, key=lambda name: (-totals[name], name))
    kept, others = ranked[:max_series], ranked[max_series:]
    counts: dict[str, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    all_days = []
    for name in ranked:
        key = name if name in kept else OTHERS
        for day_text, n in series[name]:
            day = parse_day(day_text)
            if day is not None and n > 0:
                all_days.append(day)
                counts[key][day] += n
    if not all_days:
        return Chart(WIDTH, HEIGHT, [], [], [], [], "day")
    unit = bucket_unit(min(all_days), max(all_days))
    names = kept + ([OTHERS] if others else [])
    per_bucket = {name: _rebucket(counts[name], unit) for name in names}
    slots = buckets(all_days, unit)
    colours = {name: PALETTE[min(i, len(PALETTE) - 1)] for i, name in enumerate(names)}
    if others:
        colours[OTHERS] = PALETTE[-1]
    return _draw(slots, unit, names, per_bucket, colours)


def timeline_chart(points: list[tuple[str, int]]) -> Chart:
    """A bar chart of one ``[(day, count), ...]`` series."""
    chart = stacked_chart({"": points})
    chart.legend = []
    return chart


def _rebucket(counts: dict[date, int], unit: str) -> dict[date, int]:
    out: dict[date, int] = defaultdict(int)
    for day, n in counts.items():
        out[bucket_start(day, unit)] += n
    return out


def _draw(slots: list[date], unit: str, names: list[str], per_bucket: dict[str, dict[date, int]],
          colours: dict[str, str]) -> Chart:
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    top = _nice_max(max(sum(per_bucket[name].get(slot, 0) for name in names) for slot in slots))
    slot_w = plot_w / len(slots)
    bar_w = min(max(slot_w * 0.8, 0.5), MAX_BAR_WIDTH)
    bars = []
    for i, slot in enumerate(slots):
        stacked = 0
        for name in names:
            n = per_bucket[name].get(slot, 0)
            if not n:
                continue
            height = n / top * plot_h
            y = TOP + plot_h - (stacked + n) / top * plot_h
            label = f"{bucket_label(slot, unit)}: {n}" + (f" · {name}" if name else "")
            bars.append(Bar(round(LEFT + i * slot_w + (slot_w - bar_w) / 2, 2), round(y, 2), round(bar_w, 2),
                            round(max(height, 0.5), 2), colours[name], label))
            stacked += n
    return Chart(WIDTH, HEIGHT, bars, _x_labels(slots, unit, slot_w), _y_labels(top, plot_h),
                 [round(TOP + plot_h * f, 2) for f in (0, 0.5)], unit,
                 [(name or "", colours[name]) for name in names if name])


def _x_labels(slots: list[date], unit: str, slot_w: float) -> list[Tick]:
    count = min(len(slots), MAX_X_LABELS)
    picks = [0] if count == 1 else sorted({round(i * (len(slots) - 1) / (count - 1)) for i in range(count)})
    y = HEIGHT - BOTTOM + 16
    return [Tick(round(LEFT + (i + 0.5) * slot_w, 2), y, bucket_label(slots[i], unit)) for i in picks]


def _y_labels(top: int, plot_h: float) -> list[Tick]:
    values = sorted({0, top // 2 if top % 2 == 0 else top / 2, top})
    return [
        Tick(LEFT - 6, round(TOP + plot_h - v / top * plot_h + 4, 2), f"{v:g}")
        for v in values
        if v == int(v)
    ]
