"""Dates: machine-readable timestamps, human dates in Hindi and English text, URL dates, date labels.

Month, weekday, time-of-day, time-zone and label words live in ``rules/*.txt``; this module only
knows the shapes dates take. Visible dates are read day-first (Indian usage) when numeric.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, timezone
from functools import cache
from urllib.parse import urlsplit

from khabar.extraction.rules import rule_lines

VISIBLE_YEARS = (1990, 2100)
MACHINE_YEARS = (1971, 2100)

_ZW = "\u200c\u200d"
_LETTER = r"(?:[^\W\d_]|[\u0900-\u0963\u0971-\u097F])"
_DIGITS = str.maketrans(
    {chr(base + i): str(i) for base in (0x0966, 0x09E6, 0x0A66, 0x0AE6) for i in range(10)}
)


def _rule_pairs(name: str) -> list[tuple[str, str]]:
    """``(first word, rest of line)`` for every entry of a two-column data file."""
    return [tuple(line.split(None, 1)) for line in rule_lines(name)]  # type: ignore[misc]


@dataclass(frozen=True, slots=True)
class DateValue:
    """A calendar date with an optional wall-clock time and UTC offset (minutes)."""

    year: int
    month: int
    day: int
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    utc_offset_minutes: int | None = None

    def __post_init__(self) -> None:
        date(self.year, self.month, self.day)
        if self.hour is not None and not 0 <= self.hour <= 23:
            raise ValueError(f"hour out of range: {self.hour}")
        if self.minute is not None and not 0 <= self.minute <= 59:
            raise ValueError(f"minute out of range: {self.minute}")
        if self.second is not None and not 0 <= self.second <= 59:
            raise ValueError(f"second out of range: {self.second}")
        if self.utc_offset_minutes is not None and abs(self.utc_offset_minutes) > 18 * 60:
            raise ValueError(f"UTC offset out of range: {self.utc_offset_minutes}")

    def date_key(self) -> str:
        """``YYYY-MM-DD``."""
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def iso(self) -> str:
        """ISO 8601: the date alone, or date and time with the offset when one is known."""
        if self.hour is None:
            return self.date_key()
        stamp = f"{self.date_key()}T{self.hour:02d}:{self.minute or 0:02d}:{self.second or 0:02d}"
        if self.utc_offset_minutes is None:
            return stamp
        sign = "-" if self.utc_offset_minutes < 0 else "+"
        hours, minutes = divmod(abs(self.utc_offset_minutes), 60)
        return f"{stamp}{sign}{hours:02d}:{minutes:02d}"

    def with_default_offset(self, minutes: int) -> DateValue:
        """The same value with ``minutes`` as its offset when it has a time but no offset."""
        if self.hour is None or self.utc_offset_minutes is not None:
            return self
        return replace(self, utc_offset_minutes=minutes)

    def to_offset(self, minutes: int) -> DateValue:
        """The same instant on the clock of UTC offset ``minutes`` (values without time or offset unchanged)."""
        if self.hour is None or self.utc_offset_minutes is None:
            return self
        moment = self.to_datetime().astimezone(timezone(timedelta(minutes=minutes)))
        return _from_datetime(moment, minutes)

    def to_datetime(self) -> datetime:
        """A :class:`datetime` (aware when the offset is known; midnight when there is no time)."""
        tz = None if self.utc_offset_minutes is None else timezone(timedelta(minutes=self.utc_offset_minutes))
        return datetime(
            self.year, self.month, self.day, self.hour or 0, self.minute or 0, self.second or 0, tzinfo=tz
        )


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A human date found in text: its span, value, and whether it looks like a header widget."""

    start: int
    end: int
    value: DateValue
    widget: bool
    has_weekday: bool


def _from_datetime(moment: datetime, offset_minutes: int) -> DateValue:
    return DateValue(
        moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second, offset_minutes
    )


def _make_date(
    year: int, month: int, day: int, years: tuple[int, int], *clock: int | None
) -> DateValue | None:
    """A validated :class:`DateValue`, or None when out of range or not a calendar date."""
    if not years[0] <= year <= years[1]:
        return None
    try:
        return DateValue(year, month, day, *clock)
    except ValueError:
        return None


# --- vocabulary -------------------------------------------------------------------------------------


_DROP_JOINERS = {ord(c): None for c in _ZW}


def _fold(word: str) -> str:
    """Lookup key for a name: decomposed, lower-case, without joiners or a trailing dot."""
    return unicodedata.normalize("NFD", word).lower().translate(_DROP_JOINERS).rstrip(".")


def _nukta_composed(word: str) -> str:
    out = unicodedata.normalize("NFD", word)
    for code in range(0x0958, 0x0960):
        out = out.replace(unicodedata.normalize("NFD", chr(code)), chr(code))
    return out


def _spelling_pattern(spelling: str) -> str:
    """Regex for one spelling: nukta in either form, optional joiners inside Indic words."""
    forms = {spelling, unicodedata.normalize("NFD", spelling), _nukta_composed(spelling)}
    alternatives = []
    for form in sorted(forms, key=len, reverse=True):
        if form.isascii():
            alternatives.append(r"\s+".join(re.escape(part) for part in form.split()))
        else:
            alternatives.append(f"[{_ZW}]?".join(r"\s+" if ch == " " else re.escape(ch) for ch in form))
    return "|".join(alternatives)


def _names_pattern(entries: list[tuple[str, str]]) -> str:
    """One alternation for a list of names; a name ending in ``.`` needs its dot."""
    plain, dotted = [], []
    for _, name in sorted(entries, key=lambda e: len(e[1]), reverse=True):
        (dotted if name.endswith(".") else plain).append(_spelling_pattern(name.rstrip(".")))
    parts = []
    if dotted:
        parts.append(f"(?:{'|'.join(dotted)})\\.")
    if plain:
        parts.append(f"(?:{'|'.join(plain)})(?!{_LETTER})\\.?")
    return "(?:" + "|".join(parts) + ")"


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    """Name-to-value tables and regex alternations built from the data files."""

    month_number: dict[str, int]
    weekday_number: dict[str, int]
    time_kind: dict[str, str]
    zone_offset: dict[str, str]
    month: str
    weekday: str
    time_word: str
    zone: str


@cache
def _vocabulary() -> _Vocabulary:
    months = _rule_pairs("months.txt")
    weekdays = _rule_pairs("weekdays.txt")
    times = _rule_pairs("time_words.txt")
    zones = [
        (offset, name) for name, offset in (line.rsplit(None, 1) for line in rule_lines("timezones.txt"))
    ]
    return _Vocabulary(
        month_number={_fold(name): int(num) for num, name in months},
        weekday_number={_fold(name): int(num) for num, name in weekdays},
        time_kind={_fold(word): kind for kind, word in times},
        zone_offset={_fold(name): offset for offset, name in zones},
        month=_names_pattern(months),
        weekday=_names_pattern(weekdays),
        time_word=_names_pattern(times),
        zone=_names_pattern(zones),
    )


# --- patterns ---------------------------------------------------------------------------------------

_SEP = r"[\s\-/.,]"
_DAY = r"(?<![0-9])(?P<d>[0-3]?[0-9])(?![0-9])(?:(?P<ord>st|nd|rd|th)(?!" + _LETTER + "))?"
_YEAR = r"(?P<y>(?:19|20|21)[0-9]{2})(?![0-9])"
_OFFSET = r"(?P<off>[+-][01]?[0-9]:?[0-5][0-9])"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    voc = _vocabulary()
    month, weekday, time_word, zone = voc.month, voc.weekday, voc.time_word, voc.zone
    flags = re.IGNORECASE
    clock = r"(?P<h>[0-2]?[0-9])(?:(?P<sep>[:.])(?P<mi>[0-5][0-9])(?:(?P=sep)(?P<s>[0-5][0-9]))?)?(?![0-9])"
    zone_part = rf"(?:(?:GMT|UTC)?\s*{_OFFSET}|\(?(?P<zone>{zone})\)?)"
    return {
        "dmy": re.compile(rf"{_DAY}(?:\s*of)?{_SEP}{{0,3}}(?P<mon>{month}){_SEP}{{0,3}}{_YEAR}", flags),
        "mdy": re.compile(rf"(?<!{_LETTER})(?P<mon>{month}){_SEP}{{0,3}}{_DAY}{_SEP}{{0,3}}{_YEAR}", flags),
        "ymd": re.compile(
            r"(?<![0-9])(?<![0-9][-/.])(?P<y>(?:19|20|21)[0-9]{2})(?P<dsep>[-/.])(?P<m>[01]?[0-9])(?P=dsep)"
            r"(?P<d>[0-3]?[0-9])(?![0-9]|[-/.][0-9])"
        ),
        "numeric": re.compile(
            r"(?<![0-9])(?<![0-9][-/.:,])(?P<d>[0-3]?[0-9])(?P<dsep>[-/.])(?P<m>[0-3]?[0-9])(?P=dsep)"
            r"(?P<y>(?:19|20|21)[0-9]{2})(?![0-9]|[-/.][0-9])"
        ),
        "time_after": re.compile(
            rf"(?:\s*[,|@·•–—/-])?\s*(?:(?:at|पर|को|(?P<iso_t>T))\s*)?(?:(?P<word>{time_word})\s*)?{clock}"
            rf"(?:\s*(?P<mer>{time_word}))?(?:\s*(?P<baje>बजे))?(?:\s*{zone_part})?",
            flags,
        ),
        "time_before": re.compile(
            rf"(?:(?P<word>{time_word})\s*)?(?<![0-9:.])(?P<h>[0-2]?[0-9])(?P<sep>[:.])(?P<mi>[0-5][0-9])"
            rf"(?:\s*(?P<mer>{time_word}))?(?:\s*(?P<baje>बजे))?(?:\s*{zone_part})?\s*[,|·•–—-]?\s*$",
            flags,
        ),
        "weekday_before": re.compile(rf"(?<!{_LETTER})(?P<wd>{weekday})\s*[,|–—-]?\s*$", flags),
        "weekday_after": re.compile(rf"\s*[,(]\s*(?P<wd>{weekday})\)?", flags),
    }


# --- clock times ------------------------------------------------------------------------------------

_Clock = tuple[int, int, int | None, int | None]


def _apply_part_of_day(hour: int, kind: str | None) -> int | None:
    """24-hour value of ``hour`` given a part-of-day kind from ``time_words.txt``; None if impossible."""
    if hour > 23:
        return None
    if kind is None or hour == 0 or hour > 12:
        return None if kind == "am" and hour > 12 else hour
    if kind == "am":
        return 0 if hour == 12 else hour
    if kind == "pm":
        return 12 if hour == 12 else hour + 12
    if kind == "noon":
        return hour if hour in (11, 12) else hour + 12
    if kind == "night":
        return 0 if hour == 12 else (hour + 12 if hour >= 6 else hour)
    return hour


def _offset_minutes(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    digits = text[1:].replace(":", "")
    hours, minutes = (digits[:-2] or "0"), digits[-2:]
    return sign * (int(hours) * 60 + int(minutes))


def _zone_from_match(m: re.Match[str]) -> int | None:
    if m.group("zone"):
        offset = _vocabulary().zone_offset.get(_fold(m.group("zone")))
        return _offset_minutes(offset) if offset is not None else None
    if m.group("off"):
        return _offset_minutes(m.group("off"))
    return None


def _clock_from_match(m: re.Match[str]) -> _Clock | None:
    """``(hour, minute, second, offset)`` from a time match, or None when it is not a clock time."""
    has_minutes = m.group("mi") is not None
    marker = m.group("mer") or m.group("word")
    if not has_minutes and not m.group("baje"):
        return None
    if m.group("sep") == "." and not (marker or m.group("baje") or m.group("zone") or m.group("off")):
        return None
    kind = _vocabulary().time_kind.get(_fold(marker)) if marker else None
    hour = _apply_part_of_day(int(m.group("h")), kind)
    if hour is None:
        return None
    minute = int(m.group("mi")) if has_minutes else 0
    second = int(m.group("s")) if m.groupdict().get("s") else None
    return hour, minute, second, _zone_from_match(m)


# --- finding dates in text --------------------------------------------------------------------------


@dataclass(slots=True)
class _Core:
    start: int
    end: int
    year: int
    month: int
    day: int
    ordinal: bool
    kind: str


def _core_dates(text: str) -> list[_Core]:
    """Every date-shaped span (day, month, year only), overlapping spans resolved longest-first."""
    found: list[_Core] = []
    for kind, pattern in _patterns().items():
        if kind not in ("dmy", "mdy", "ymd", "numeric"):
            continue
        for m in pattern.finditer(text):
            ymd = _core_fields(kind, m)
            if ymd is not None:
                ordinal = bool(m.groupdict().get("ord"))
                found.append(_Core(m.start(), m.end(), *ymd, ordinal, kind))
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    chosen: list[_Core] = []
    for core in found:
        if not chosen or core.start >= chosen[-1].end:
            chosen.append(core)
    return chosen


def _core_fields(kind: str, m: re.Match[str]) -> tuple[int, int, int] | None:
    year, day = int(m.group("y")), int(m.group("d"))
    if kind in ("dmy", "mdy"):
        month = _vocabulary().month_number.get(_fold(m.group("mon")))
    else:
        month = int(m.group("m"))
        if kind == "numeric" and month > 12 and day <= 12:
            day, month = month, day
    if not isinstance(month, int) or _make_date(year, month, day, VISIBLE_YEARS) is None:
        return None
    return year, month, day


#: Every visible date this module reads carries a four-digit year: text without one is skipped at once.
_YEAR_DIGITS = re.compile(r"[0-9\u0966-\u096f]{4}")


def find_dates(text: str) -> list[DateMatch]:
    """Human dates (Hindi or English, optionally with weekday and time) in ``text``, in order."""
    if not text or not _YEAR_DIGITS.search(text):
        return []
    norm = text.translate(_DIGITS)
    matches: list[DateMatch] = []
    floor = 0
    for core in _core_dates(norm):
        match = _extend(norm, core, floor)
        if match is not None:
            matches.append(match)
            floor = match.end
    return matches


def _extend(text: str, core: _Core, floor: int) -> DateMatch | None:
    """Grow a core date by an adjacent weekday, clock time and time zone, and classify it."""
    pats = _patterns()
    start, end = core.start, core.end
    weekday = pats["weekday_before"].search(text, max(floor, start - 24), start)
    if weekday and "\n" in weekday.group(0):
        weekday = None
    if weekday:
        start = weekday.start()
    else:
        weekday = pats["weekday_after"].match(text, end)
        if weekday:
            end = weekday.end()
    clock, end = _clock_after(text, end, core.kind)
    if clock is None:
        clock, start = _clock_before(text, start, floor)
    value = _make_date(core.year, core.month, core.day, VISIBLE_YEARS, *(clock or ()))
    if value is None:
        return None
    widget = bool(weekday) and clock is None and (core.ordinal or _alone_on_line(text, start, end))
    return DateMatch(start, end, value, widget, bool(weekday))


def _clock_after(text: str, end: int, kind: str) -> tuple[_Clock | None, int]:
    """A clock time right after a date (``at 10:12 am``, ``सुबह 10 बजे``, ``T10:12:00+05:30``) and its end."""
    m = _patterns()["time_after"].match(text, end)
    if m:
        clock = _clock_from_match(m)
        lead = text[end : m.start("h")]
        if clock is not None and (not m.group("iso_t") or kind == "ymd") and "\n" not in lead:
            return clock, m.end()
    return None, end


def _clock_before(text: str, start: int, floor: int) -> tuple[_Clock | None, int]:
    """A clock time right before a date (``10:12 AM IST, 08 Apr 2021``) and its start."""
    m = _patterns()["time_before"].search(text, max(floor, start - 40), start)
    if m and "\n" not in m.group(0):
        clock = _clock_from_match(m)
        if clock is not None:
            return clock, m.start()
    return None, start


_WORD_CHAR = re.compile(r"[^\W_]")


def _no_words(text: str) -> bool:
    """True when ``text`` holds nothing but punctuation and spaces."""
    return not _WORD_CHAR.search(text)


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """True when nothing but punctuation shares the line with ``text[start:end]``."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    rest = text[line_start:start] + text[end : len(text) if line_end < 0 else line_end]
    return _no_words(rest)


# --- machine dates ----------------------------------------------------------------------------------

_ISO = re.compile(
    r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})"
    r"(?:[T\s]+(?P<h>[0-9]{1,2}):(?P<mi>[0-9]{2})(?::(?P<s>[0-9]{2})(?:[.,][0-9]+)?)?)?"
    r"\s*(?P<tz>Z|UTC|GMT|[+-][0-9]{2}(?::?[0-9]{2})?)?",
    re.IGNORECASE,
)
_COMPACT = re.compile(
    r"(?P<y>[0-9]{4})(?P<m>[0-9]{2})(?P<d>[0-9]{2})"
    r"(?:T?(?P<h>[0-9]{2})(?P<mi>[0-9]{2})(?P<s>[0-9]{2})?(?P<tz>Z|[+-][0-9]{2}:?[0-9]{2})?)?"
)
_EPOCH = re.compile(r"(?P<secs>[0-9]{9,10}|[0-9]{12,13})(?:\.[0-9]+)?")


def parse_machine_date(value: str) -> DateValue | None:
    """A timestamp from JSON-LD, ``<meta>`` or ``<time datetime>``: ISO 8601, RFC 2822, compact, epoch."""
    if not value:
        return None
    value = value.strip().translate(_DIGITS)
    if not value:
        return None
    for pattern, build in ((_ISO, _from_iso_match), (_COMPACT, _from_iso_match), (_EPOCH, _from_epoch)):
        m = pattern.fullmatch(value)
        parsed = build(m) if m else None
        if parsed is not None:
            return parsed
    return _single_human_date(value)


def _from_iso_match(m: re.Match[str]) -> DateValue | None:
    year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if m.group("h") is None:
        return _make_date(year, month, day, MACHINE_YEARS)
    tz = m.group("tz")
    offset = None
    if tz:
        offset = 0 if tz.upper() in ("Z", "UTC", "GMT") else _offset_minutes(tz if len(tz) > 3 else tz + "00")
    second = int(m.group("s")) if m.group("s") else 0
    return _make_date(year, month, day, MACHINE_YEARS, int(m.group("h")), int(m.group("mi")), second, offset)


def _from_epoch(m: re.Match[str]) -> DateValue | None:
    digits = m.group("secs")
    seconds = int(digits) / (1000 if len(digits) > 10 else 1)
    moment = datetime.fromtimestamp(seconds, tz=UTC)
    if not MACHINE_YEARS[0] <= moment.year <= MACHINE_YEARS[1]:
        return None
    return _from_datetime(moment, 0)


def _single_human_date(value: str) -> DateValue | None:
    """The date when ``value`` is one human date (e.g. RFC 2822) with nothing but punctuation around it."""
    matches = find_dates(value)
    if len(matches) != 1:
        return None
    rest = value[: matches[0].start] + value[matches[0].end :]
    return matches[0].value if _no_words(rest) else None


# --- dates in URLs ----------------------------------------------------------------------------------

_URL_DATE_PATTERNS = (
    re.compile(r"/(?P<y>(?:19|20)[0-9]{2})/(?P<m>[01]?[0-9])/(?P<d>[0-3]?[0-9])(?=/|$)"),
    re.compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})-(?P<m>[01][0-9])-(?P<d>[0-3][0-9])(?![0-9])"),
    re.compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})(?P<m>[01][0-9])(?P<d>[0-3][0-9])(?![0-9])"),
)


def date_from_url(url: str) -> DateValue | None:
    """A publication date written in a URL path (``/2021/04/08/``, ``/2021-04-08/``, ``-20210408-``)."""
    if not url:
        return None
    path = urlsplit(url.strip()).path
    for pattern in _URL_DATE_PATTERNS:
        for m in pattern.finditer(path):
            value = _make_date(int(m.group("y")), int(m.group("m")), int(m.group("d")), VISIBLE_YEARS)
            if value is not None:
                return value
    return None


# --- labels and date-only lines ---------------------------------------------------------------------


@cache
def _label_patterns() -> dict[str, re.Pattern[str]]:
    by_kind: dict[str, list[tuple[str, str]]] = {}
    for kind, phrase in _rule_pairs("date_words.txt"):
        by_kind.setdefault(kind, []).append((kind, phrase))
    labels = by_kind.get("published", []) + by_kind.get("modified", [])
    every = labels + by_kind.get("filler", [])
    return {
        "label": re.compile(rf"(?<!{_LETTER})(?P<label>{_names_pattern(labels)})", re.IGNORECASE),
        "any": re.compile(rf"(?<!{_LETTER}){_names_pattern(every)}", re.IGNORECASE),
    }


@cache
def _label_kinds() -> dict[str, str]:
    return {_fold(phrase): kind for kind, phrase in _rule_pairs("date_words.txt") if kind != "filler"}


def _label_kind(found: str) -> str | None:
    return _label_kinds().get(_fold(re.sub(r"\s+", " ", found)))


def date_label(text: str, matches: list[DateMatch] | None = None) -> str | None:
    """``"published"`` or ``"modified"`` when a label in ``text`` says which date it is, else None.

    The label nearest before the first date wins; in Hindi word order (``8 अप्रैल 2021 को अपडेट``) a
    label right after the date counts too. Text without a date is read as a bare label. ``matches``
    are the dates of ``text`` when the caller has already found them.
    """
    if not text:
        return None
    pattern = _label_patterns()["label"]
    dates = find_dates(text) if matches is None else matches
    before = text[: dates[0].start] if dates else text
    labels = list(pattern.finditer(before))
    if labels:
        return _label_kind(labels[-1].group("label"))
    if dates:
        after = re.match(r"[\s,]*(?:(?:को|पर)\s+)?", text[dates[0].end :])
        offset = dates[0].end + (after.end() if after else 0)
        m = pattern.match(text, offset)
        if m:
            return _label_kind(m.group("label"))
    return None


def is_date_line(text: str) -> bool:
    """True when ``text`` is only dates with weekday/time, separators and date labels."""
    stripped = text.strip() if text else ""
    if not stripped or len(stripped) > 160:
        return False
    dates = find_dates(stripped)
    if not dates:
        return False
    rest, last = [], 0
    for match in dates:
        rest.append(stripped[last : match.start])
        last = match.end
    rest.append(stripped[last:])
    leftover = _label_patterns()["any"].sub(" ", " ".join(rest))
    return _no_words(leftover)


_RELATIVE_TIME = re.compile(
    r"^\W*(?:(?:\d+|एक|दो|तीन|a|an|one)\s+(?:सेकंड|मिनट|घंटे|घंटा|घंटों|दिन|दिनों|हफ्ते|हफ़्ते|सप्ताह|महीने|महीना|साल"
    r"|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?)\s+(?:पहले|ago)|अभी[- ]अभी|just now|कल|yesterday)"
    r"\W*$",
    re.I,
)


def is_relative_time(text: str) -> bool:
    """A line that gives only a relative time ("5 घंटे पहले", "3 hours ago"): no date can be read from it."""
    return bool(_RELATIVE_TIME.match(text.strip()))
