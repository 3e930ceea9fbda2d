"""The temporal expression grammar: find dates in text and normalise them against a reference date.

Pure functions over strings (no spaCy, no dateparser): the dates stage maps the character spans found
here onto tokens. Every expression carries the reason for its value; an expression that cannot be
resolved (no reference date, "February 30", year 0200) keeps date None and says why.

Conventions (see docs/dates-and-places.md):
- day precision: date = enddate = that day, unless the expression is a span of days (a week).
- month precision: date = first day of the month, enddate = last day; year precision: Jan 1 .. Dec 31.
- "on Wednesday" = the last Wednesday up to and including the reference date.
- a month or day without a year takes the year that puts it closest to the reference date (ties: the past).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from ..records import DatePrecision

DAY, MONTH, YEAR = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR
MIN_YEAR, MAX_YEAR = 1000, 2200

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_MONTH_NUM = {name: i for i, name in enumerate(_MONTH_NAMES, start=1)}
_MONTH_NUM.update({name[:3]: i for i, name in enumerate(_MONTH_NAMES, start=1)})
_MONTH_NUM["Sept"] = 9
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "a couple of": 2,
    "a few": 3, "few": 3, "several": 3, "some": 3,
}

# Month names are matched case-sensitively (capitalised): "may" and "march" are also verbs.
_MON = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|" \
       r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_MON_FULL = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YR = r"(?P<year>\d{4})"
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WD_OPT = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
_NUM = r"(?P<n>\d+|a couple of|a few|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|" \
       r"fifteen|twenty|thirty|several|few)"
_UNIT = r"(?P<unit>day|week|month|year|decade)s?"
_HEDGE = r"(?:(?P<hedge>about|almost|nearly|some|more than|over|roughly|around|approximately|just over|just under|" \
         r"less than|at least|barely|only)\s+)?"

# Words before a bare month or year that make it a date ("in May", "since 2014"); without one,
# "May" may be a name or a verb and "2014" a count.
_CUE_WORDS = {
    "in", "since", "until", "till", "by", "from", "during", "early", "mid", "late", "last", "next", "this",
    "between", "and", "to", "through", "before", "after", "throughout", "of", "on", "or", "for", "as",
    "end", "beginning", "start", "spring", "summer", "autumn", "fall", "winter", "year", "around", "circa",
}


@dataclass(frozen=True, slots=True)
class Temporal:
    """A temporal expression in a string: [start, end) character offsets and its normalised value."""

    text: str
    start: int
    end: int
    date: dt.date | None
    enddate: dt.date | None
    precision: DatePrecision | None
    kind: str  # absolute, relative, weekday, range, vague, future, duration
    reason: str = ""


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(d: dt.date, months: int) -> dt.date:
    total = d.year * 12 + (d.month - 1) + months
    y, m = divmod(total, 12)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _period(value: dt.date, precision: DatePrecision) -> tuple[dt.date, dt.date]:
    """The [first, last] day of the period containing `value` at `precision`."""
    if precision is DAY:
        return value, value
    if precision is MONTH:
        return value.replace(day=1), _month_end(value.year, value.month)
    return dt.date(value.year, 1, 1), dt.date(value.year, 12, 31)


def _number(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def _closest_year(month: int, day: int | None, ref: dt.date) -> int:
    """The year (ref.year - 1, ref.year, ref.year + 1) putting month/day closest to ref; ties go to the past."""
    best = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            lo = dt.date(year, month, day or 1)
            hi = dt.date(year, month, day) if day else _month_end(year, month)
        except ValueError:
            continue
        gap = 0 if lo <= ref <= hi else min(abs((lo - ref).days), abs((hi - ref).days))
        if best is None or gap < best[0]:
            best = (gap, year)
    return best[1] if best else ref.year


class _Bad(ValueError):
    """An expression that names an impossible or out-of-range date."""


def _check_year(year: int) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _Bad(f"year {year:04d} is out of range ({MIN_YEAR}-{MAX_YEAR})")
    return year


def _make_date(year: int, month: int, day: int) -> dt.date:
    _check_year(year)
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise _Bad(f"impossible date: {_MONTH_NAMES[month - 1]} has no day {day} in {year}") from None


def _week_start(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


# Each handler: (match, ref) -> (date, enddate, precision, kind, reason). ref may be None.
Value = tuple[dt.date | None, dt.date | None, DatePrecision | None, str, str]


def _need_ref(ref: dt.date | None, what: str) -> None:
    if ref is None:
        raise _Bad(f"{what} needs a reference date and the document has none")


def _h_nine_eleven(m: re.Match, ref) -> Value:
    return dt.date(2001, 9, 11), dt.date(2001, 9, 11), DAY, "absolute", "9/11: the attacks of 11 September 2001"


def _h_iso(m: re.Match, ref) -> Value:
    d = _make_date(int(m["year"]), int(m["month"]), int(m["day"]))
    return d, d, DAY, "absolute", "ISO date"


def _h_day_full(m: re.Match, ref) -> Value:
    d = _make_date(int(m["year"]), _MONTH_NUM[m["mon"].rstrip(".")], int(m["day"]))
    return d, d, DAY, "absolute", "day, month and year given"


def _h_day_noyear(m: re.Match, ref) -> Value:
    month, day = _MONTH_NUM[m["mon"].rstrip(".")], int(m["day"])
    if not 1 <= day <= 31:
        raise _Bad(f"impossible date: day {day}")
    if ref is None:
        _make_date(2000, month, day)  # leap year: only truly impossible days fail here
        raise _Bad("day and month without a year, and no reference date to take the year from")
    year = _closest_year(month, day, ref)
    d = _make_date(year, month, day)
    return d, d, DAY, "absolute", f"year {year} taken from the reference date {ref.isoformat()}"


def _h_month_year(m: re.Match, ref) -> Value:
    year = _check_year(int(m["year"]))
    month = _MONTH_NUM[m["mon"].rstrip(".")]
    return dt.date(year, month, 1), _month_end(year, month), MONTH, "absolute", "month and year given"


def _h_month(m: re.Match, ref) -> Value:
    month = _MONTH_NUM[m["mon"].rstrip(".")]
    rel = (m["rel"] or "").lower()
    _need_ref(ref, "a month without a year")
    if rel == "last":
        year = ref.year if month < ref.month else ref.year - 1
        why = f"the last {m['mon']} before {ref.isoformat()}"
    elif rel == "next":
        year = ref.year if month > ref.month else ref.year + 1
        why = f"the next {m['mon']} after {ref.isoformat()}"
    elif rel == "this":
        year = ref.year
        why = f"{m['mon']} of the reference year"
    else:
        year = _closest_year(month, None, ref)
        why = f"year {year} puts {m['mon']} closest to the reference date {ref.isoformat()}"
    kind = "future" if (year, month) > (ref.year, ref.month) else "absolute"
    return dt.date(year, month, 1), _month_end(year, month), MONTH, kind, why


def _h_year(m: re.Match, ref) -> Value:
    year = _check_year(int(m["year"]))
    kind = "future" if ref and year > ref.year else "absolute"
    return dt.date(year, 1, 1), dt.date(year, 12, 31), YEAR, kind, "year given"


def _h_year_range(m: re.Match, ref) -> Value:
    y1 = _check_year(int(m["y1"]))
    y2 = m["y2"]
    y2 = _check_year(int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2))
    if y2 <= y1:
        raise _Bad(f"range {y1}-{y2} ends before it starts")
    return dt.date(y1, 1, 1), dt.date(y2, 12, 31), YEAR, "range", "span of years"


def _h_decade(m: re.Match, ref) -> Value:
    start = _check_year(int(m["dec"]))
    return dt.date(start, 1, 1), dt.date(start + 9, 12, 31), YEAR, "range", f"the decade {start}s"


def _h_weekday(m: re.Match, ref) -> Value:
    _need_ref(ref, "a weekday")
    target = _WEEKDAYS.index(m["wd"])
    rel = (m["rel"] or "").lower()
    back = (ref.weekday() - target) % 7
    if rel == "this":  # "this Sunday" in a Wednesday article: the Sunday of the current week (Monday..Sunday)
        d = _week_start(ref) + dt.timedelta(days=target)
        kind = "future" if d > ref else "weekday"
        return d, d, DAY, kind, f"the {m['wd']} of the week of {ref.isoformat()}"
    if rel == "next" or rel.startswith("this coming") or rel == "coming":
        ahead = (target - ref.weekday()) % 7 or 7
        d = ref + dt.timedelta(days=ahead)
        return d, d, DAY, "future", f"the next {m['wd']} after {ref.isoformat()}"
    if rel == "last" or rel == "past":
        back = back or 7
        d = ref - dt.timedelta(days=back)
        return d, d, DAY, "weekday", f"the last {m['wd']} before {ref.isoformat()}"
    d = ref - dt.timedelta(days=back)
    return d, d, DAY, "weekday", f"the last {m['wd']} up to the reference date {ref.isoformat()}"


def _h_ago(m: re.Match, ref) -> Value:
    _need_ref(ref, "'ago'")
    n, unit = _number(m["n"]), m["unit"].lower()
    hedge = " (approximate)" if m["hedge"] else ""
    if unit == "day":
        d = ref - dt.timedelta(days=n)
        return d, d, DAY, "relative", f"{n} day(s) before {ref.isoformat()}{hedge}"
    if unit == "week":
        d = ref - dt.timedelta(weeks=n)
        return d, d, DAY, "relative", f"{n} week(s) before {ref.isoformat()}{hedge}"
    if unit == "month":
        lo, hi = _period(_add_months(ref, -n), MONTH)
        return lo, hi, MONTH, "relative", f"{n} month(s) before {ref.isoformat()}{hedge}"
    years = n * (10 if unit == "decade" else 1)
    lo, hi = _period(ref.replace(year=ref.year - years) if not (ref.month == 2 and ref.day == 29)
                     else dt.date(ref.year - years, 2, 28), YEAR)
    return lo, hi, YEAR, "relative", f"{years} year(s) before {ref.isoformat()}{hedge}"


def _h_hours_ago(m: re.Match, ref) -> Value:
    _need_ref(ref, "'hours ago'")
    return ref, ref, DAY, "relative", f"hours before the reference date {ref.isoformat()}"


_DAY_WORDS = {
    "the day before yesterday": -2, "yesterday": -1, "last night": -1, "today": 0, "tonight": 0,
    "this morning": 0, "this afternoon": 0, "this evening": 0, "earlier today": 0, "later today": 0,
    "tomorrow": 1, "the day after tomorrow": 2,
}


def _h_day_word(m: re.Match, ref) -> Value:
    word = " ".join(m.group(0).lower().split())
    _need_ref(ref, repr(word))
    offset = _DAY_WORDS[word]
    d = ref + dt.timedelta(days=offset)
    kind = "future" if offset > 0 or word == "later today" else "relative"
    return d, d, DAY, kind, f"{word!r} relative to {ref.isoformat()}"


def _h_calendar(m: re.Match, ref) -> Value:
    """this/last/next/earlier this/later this + week/weekend/month/year."""
    rel = " ".join(m["rel"].lower().split())
    unit = m["unit"].lower()
    _need_ref(ref, f"'{rel} {unit}'")
    step = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(rel.split()[-1], 0)
    if unit == "weekend":
        sat = ref + dt.timedelta(days=(5 - ref.weekday()) % 7)
        if step < 0 or (step == 0 and ref.weekday() >= 5):
            sat = ref - dt.timedelta(days=(ref.weekday() - 5) % 7 or 7) if step < 0 else ref - dt.timedelta(days=ref.weekday() - 5)
        elif step > 0:
            sat = sat + dt.timedelta(days=7) if ref.weekday() < 5 else sat
        lo, hi, prec = sat, sat + dt.timedelta(days=1), DAY
    elif unit == "week":
        lo = _week_start(ref) + dt.timedelta(weeks=step)
        hi, prec = lo + dt.timedelta(days=6), DAY
    elif unit == "month":
        lo, hi = _period(_add_months(ref.replace(day=1), step), MONTH)
        prec = MONTH
    else:
        lo, hi = dt.date(ref.year + step, 1, 1), dt.date(ref.year + step, 12, 31)
        prec = YEAR
    kind = "future" if step > 0 else "relative"
    if rel.startswith("earlier"):
        hi = min(hi, ref)
    elif rel.startswith("later"):
        lo, kind = max(lo, ref), "future"
    return lo, hi, prec, kind, f"{rel} {unit} relative to {ref.isoformat()}"


def _span_back(ref: dt.date, n: int, unit: str) -> tuple[dt.date, DatePrecision]:
    if unit == "day":
        return ref - dt.timedelta(days=n), DAY
    if unit == "week":
        return ref - dt.timedelta(weeks=n), DAY
    if unit == "month":
        return _add_months(ref, -n), MONTH
    return _add_months(ref, -12 * n * (10 if unit == "decade" else 1)), YEAR


def _h_past_n(m: re.Match, ref) -> Value:
    """'over the past three months', 'in the last two weeks', 'the past year'."""
    _need_ref(ref, "'the past ...'")
    n = _number(m["n"]) if m["n"] else 1
    unit = m["unit"].lower()
    lo, prec = _span_back(ref, n, unit)
    if unit in _LONG_UNITS or (m["lead"] or "").lower() == "for":
        return lo, ref, prec, "duration", f"a duration: the {n} {unit}(s) up to {ref.isoformat()}, not a date"
    return lo, ref, prec, "range", f"the {n} {unit}(s) up to {ref.isoformat()}"


_LONG_UNITS = frozenset({"month", "year", "decade"})  # "over the past decade" says how long, not when
_RECENT_SPAN = {"day": (7, "day"), "week": (4, "week"), "month": (3, "month"), "year": (3, "year"),
                "decade": (20, "year")}


def _h_recent(m: re.Match, ref) -> Value:
    """'in recent months', 'in the past few weeks': a vague span back from the reference date."""
    _need_ref(ref, "'recent ...'")
    unit = m["unit"].lower()
    n, base = _RECENT_SPAN[unit]
    lo, prec = _span_back(ref, n, base)
    if unit in _LONG_UNITS:
        return lo, ref, prec, "duration", f"a duration: recent {unit}s (taken as the {n} {base}s up to {ref.isoformat()})"
    return lo, ref, prec, "vague", f"vague: taken as the {n} {base}s up to {ref.isoformat()}"


_COMING_SPAN = {"day": (7, "day"), "week": (6, "week"), "month": (3, "month"), "year": (3, "year"),
                "decade": (20, "year")}


# "the first time in 50 years", "the worst fighting in two months", "the first round of talks in two months"
_SUPERLATIVE_BEFORE = re.compile(
    r"\b(?:first|last|only|ever|time|times|\w+est|most|least|highest|lowest|biggest|largest|worst|best|"
    r"round|since)\b[^.;:]{0,50}$", re.I)


def _h_within(m: re.Match, ref) -> Value:
    """'within weeks', 'within two months', 'in the coming days', 'in three weeks'."""
    _need_ref(ref, "a future span")
    unit = m["unit"].lower()
    if m["n"]:
        n = _number(m["n"])
        why = f"{n} {unit}(s) after {ref.isoformat()}"
    else:
        n, unit = _COMING_SPAN[unit]
        why = f"vague: taken as the {n} {unit}s after {ref.isoformat()}"
    if unit == "day":
        hi, prec = ref + dt.timedelta(days=n), DAY
    elif unit == "week":
        hi, prec = ref + dt.timedelta(weeks=n), DAY
    elif unit == "month":
        hi, prec = _add_months(ref, n), MONTH
    else:
        hi, prec = _add_months(ref, 12 * n), YEAR
    if (m["lead"] or "").lower() == "in" and m["n"]:
        before = m.string[max(0, m.start() - 60):m.start()]
        if _SUPERLATIVE_BEFORE.search(before):
            lo, prec = _span_back(ref, n, unit)  # "the first time in 50 years": the 50 years up to now
            return lo, ref, prec, "duration", f"a duration ('{before.split()[-1] if before.split() else ''} ... in "\
                                              f"{m['n']} {unit}s'), not a date"
        return hi, hi, prec, "future", why  # "in two weeks" is a point, "within two weeks" a span
    return ref, hi, prec, "future", why


def _h_end_of(m: re.Match, ref) -> Value:
    """'by the end of the month', 'by the end of next year', 'at the end of last week'."""
    _need_ref(ref, "'the end of ...'")
    which = (m["which"] or "the").lower()
    unit = m["unit"].lower()
    step = {"next": 1, "last": -1, "this": 0, "the": 0}[which]
    if unit == "week":
        lo = _week_start(ref) + dt.timedelta(weeks=step)
        end, prec = lo + dt.timedelta(days=6), DAY
    elif unit == "month":
        y, mo = divmod(ref.year * 12 + ref.month - 1 + step, 12)
        end, prec = _month_end(y, mo + 1), MONTH
    else:
        end, prec = dt.date(ref.year + step, 12, 31), YEAR
    if (m["lead"] or "").lower() in ("by", "before", "until") and end >= ref:
        return ref, end, prec, "future", f"deadline: the end of {which} {unit} after {ref.isoformat()}"
    # "the end of" a period: its last few days, its last month, its last week (not the whole period)
    if unit == "week":
        lo = end - dt.timedelta(days=2)
    elif unit == "month":
        lo, prec = end - dt.timedelta(days=9), DAY
    else:
        lo, prec = dt.date(end.year, 12, 1), MONTH
    kind = "future" if lo > ref else "relative"
    return lo, end, prec, kind, f"the end of {which} {unit} relative to {ref.isoformat()}"


def _h_part_of_year(m: re.Match, ref) -> Value:
    """'early 2021', 'late last year', 'mid-2020': the year, with year precision."""
    if m["year"]:
        year = _check_year(int(m["year"]))
    else:
        _need_ref(ref, "'last/this/next year'")
        year = ref.year + {"last": -1, "this": 0, "next": 1}[m["which"].lower()]
    lo, hi = dt.date(year, 1, 1), dt.date(year, 12, 31)
    part = m["part"].lower().rstrip("-")
    if part == "early":
        hi = dt.date(year, 4, 30)
    elif part == "late":
        lo = dt.date(year, 9, 1)
    else:
        lo, hi = dt.date(year, 5, 1), dt.date(year, 8, 31)
    if ref and hi > ref >= lo and part == "early":
        hi = ref
    kind = "future" if ref and lo > ref else "absolute" if m["year"] else "relative"
    return lo, hi, YEAR, kind, f"{part} {year}"


_I = re.IGNORECASE
# Order matters only for equal-length overlaps; longer matches win (see find_times).
_PATTERNS: tuple[tuple[re.Pattern, object], ...] = (
    (re.compile(r"\b(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])-(?P<day>\d{2})\b"), _h_iso),
    (re.compile(r"(?<![\d/])9/11(?![\d/])"), _h_nine_eleven),
    (re.compile(rf"\b{_WD_OPT}{_MON}\s+{_DAY},?\s+{_YR}\b"), _h_day_full),
    (re.compile(rf"\b{_WD_OPT}(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON},?\s+{_YR}\b"), _h_day_full),
    (re.compile(rf"\b{_WD_OPT}{_MON}\s+{_DAY}\b(?!,?\d|\s*\d)"), _h_day_noyear),
    (re.compile(rf"\b{_WD_OPT}(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON}\b"), _h_day_noyear),
    (re.compile(rf"\b{_MON_FULL},?\s+(?:of\s+)?{_YR}\b"), _h_month_year),
    (re.compile(rf"(?:\b(?P<rel>(?i:last|next|this))\s+)?\b{_MON_FULL}\b"), _h_month),
    (re.compile(r"\b(?P<year>\d{4})\b(?![-–,.]?\d)(?!\s*(?:%|percent))"), _h_year),
    (re.compile(r"\b(?P<y1>\d{4})\s*(?:[-–]|to|until|through)\s*(?P<y2>\d{4}|\d{2})\b"), _h_year_range),
    (re.compile(r"\b(?:the\s+)?(?:early\s+|mid-|late\s+)?(?P<dec>\d{3}0)s\b"), _h_decade),
    (re.compile(rf"\b(?:(?P<rel>(?i:last|next|this coming|this|past|coming))\s+)?{_WD}"
                r"(?:\s+(?i:morning|afternoon|evening|night))?\b"), _h_weekday),
    (re.compile(rf"\b{_HEDGE}{_NUM}\s+{_UNIT}\s+ago\b", _I), _h_ago),
    (re.compile(r"\b(?:a\s+few\s+|several\s+|\d+\s+|two\s+|three\s+)?hours?\s+ago\b", _I), _h_hours_ago),
    (re.compile(r"\b(?:the day before yesterday|the day after tomorrow|yesterday|last night|today|tonight|"
                r"this morning|this afternoon|this evening|earlier today|later today|tomorrow)\b", _I), _h_day_word),
    (re.compile(r"\b(?P<rel>earlier this|later this|last|this|next|previous|coming)\s+"
                r"(?P<unit>week|weekend|month|year)\b", _I), _h_calendar),
    (re.compile(rf"\b(?:(?P<lead>over|in|during|for)\s+)?the\s+(?:past|last|previous)\s+(?:{_NUM}\s+)?{_UNIT}\b", _I),
     _h_past_n),
    (re.compile(r"\b(?:in\s+)?(?:recent|the\s+past\s+few|the\s+last\s+few|the\s+past\s+several)\s+"
                r"(?P<unit>day|week|month|year)s\b", _I), _h_recent),
    (re.compile(rf"\b(?P<lead>within)\s+(?:the\s+(?:next|coming)\s+)?(?:{_NUM}\s+)?{_UNIT}\b", _I), _h_within),
    # "in two weeks" is future; "the worst fighting in years" is not, so "in" needs a number
    (re.compile(rf"\b(?P<lead>in)\s+{_NUM}\s+{_UNIT}(?!\s+(?:ago|earlier|before|later))\b", _I), _h_within),
    (re.compile(r"\b(?P<lead>in|within|over)\s+(?:the\s+)?(?:coming|next)\s+(?:few\s+)?(?P<n>)(?P<unit>day|week|month|year)s\b",
                _I), _h_within),
    (re.compile(r"\b(?:(?P<lead>by|before|until|at|towards?)\s+)?the\s+end\s+of\s+(?P<which>the|this|next|last)\s+"
                r"(?P<unit>week|month|year)\b", _I), _h_end_of),
    (re.compile(r"\b(?P<part>(?i:early|late|mid-|mid))\s*(?:(?P<year>\d{4})\b|(?P<which>(?i:last|this|next))\s+(?i:year)\b)"),
     _h_part_of_year),
)

# Cheap substring guards: a pattern runs only when its sentence holds one of these words.
_GUARDS = {
    _h_nine_eleven: ("9/11",),
    _h_ago: ("ago",), _h_hours_ago: ("hour",), _h_weekday: ("day",), _h_calendar: ("week", "month", "year"),
    _h_past_n: ("past", "last", "previous"), _h_recent: ("recent", "past", "last"), _h_within: ("in",),
    _h_end_of: ("end of",), _h_part_of_year: ("early", "late", "mid"), _h_decade: ("0s",),
    _h_day_word: ("day", "night", "morning", "afternoon", "evening", "tomorrow"),
}
_MONTH_HANDLERS = (_h_day_full, _h_day_noyear, _h_month_year, _h_month)
_MONTH_WORD = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
_WORD_HANDLERS = (_h_day_word, _h_calendar, _h_recent, _h_past_n, _h_within, _h_end_of)
_PREFIX_RE = re.compile(r"(?:\b(?P<w2>[A-Za-z]+)\s+)?\b(?P<w>[A-Za-z]+)[\s-]+$")
_RANGE_JOIN_RE = re.compile(r"^\s*(?:and|to|until|till|through|-|–)\s*$", _I)


def _prefix_word(text: str, start: int) -> tuple[str, int]:
    """The word before `start` (lower case) and its offset, or ('', start)."""
    m = _PREFIX_RE.search(text[max(0, start - 30):start])
    if not m:
        return "", start
    return m["w"].lower(), max(0, start - 30) + m.start("w")


def _bare(handler) -> bool:
    return handler in (_h_month, _h_year)


# Every pattern needs one of these; a sentence without any is skipped with a few substring tests.
_CUE_SUBSTRINGS = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "day", "night", "week",
    "month", "year", "decade", "morning", "afternoon", "evening", "tomorrow", "ago", "recent",
)
_FOUR_DIGITS = re.compile(r"\d\d\d\d|9/11")


def find_times(text: str, reference: dt.date | None) -> list[Temporal]:
    """Every temporal expression in `text`, normalised against `reference` (None: relative ones stay empty)."""
    lower = text.lower()
    if not any(w in lower for w in _CUE_SUBSTRINGS) and not _FOUR_DIGITS.search(text):
        return []
    found: list[tuple[int, int, object, re.Match]] = []
    has_month = _MONTH_WORD.search(text) is not None
    for pattern, handler in _PATTERNS:
        words = _GUARDS.get(handler)
        if words is not None and not any(w in lower for w in words):
            continue
        if handler in _MONTH_HANDLERS and not has_month:
            continue
        for m in pattern.finditer(text):
            body = m.group(0)
            if not body.strip() or (body.isupper() and handler in _WORD_HANDLERS):
                continue  # "USA TODAY" is a newspaper, not a date
            lead = len(body) - len(body.lstrip())
            found.append((m.start() + lead, m.end(), handler, m))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    chosen: list[tuple[int, int, object, re.Match]] = []
    last_end = -1
    for f in found:
        if f[0] >= last_end:
            chosen.append(f)
            last_end = f[1]
    out: list[Temporal] = []
    for start, end, handler, m in chosen:
        word, word_at = _prefix_word(text, start)
        if _bare(handler) and not (m.groupdict().get("rel")) and word not in _CUE_WORDS \
                and not _year_of_occasion(handler, m, word, text, end):
            continue  # a bare "May" or "2014" without a temporal cue is not taken as a date
        if handler is _h_year and text[max(0, start - 1):start] in ("$", "#", "€", "£"):
            continue
        try:
            date, enddate, precision, kind, reason = handler(m, reference)
        except _Bad as bad:
            out.append(Temporal(text[start:end], start, end, None, None, None, _kind_of(handler), str(bad)))
            continue
        except (ValueError, OverflowError, KeyError) as exc:  # arithmetic past year 9999 and the like
            out.append(Temporal(text[start:end], start, end, None, None, None, _kind_of(handler),
                                f"cannot be normalised: {exc}"))
            continue
        out.append(Temporal(text[start:end], start, end, date, enddate, precision, kind, reason))
        out[-1] = _apply_prefix(out[-1], word, word_at, text, reference)
    return _merge_ranges(out, text, reference)


_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that"})
_NOUN_AFTER = re.compile(r"\s+(?:[A-Z][A-Za-z.]*\s+)?(?P<noun>[a-z][a-z-]+)")  # "the 2016 U.S. presidential election"


def _year_of_occasion(handler, m: re.Match, word: str, text: str, end: int) -> bool:
    """ "the 2016 election", "the 2003 invasion": a year between a determiner and a noun names when it was."""
    if handler is not _h_year or word not in _DETERMINERS or not 1900 <= int(m["year"]) <= 2099:
        return False
    after = _NOUN_AFTER.match(text, end)  # "the 2016 election", "the 2015 nuclear deal"; not "the 2000 soldiers"
    return after is not None and not after["noun"].endswith(("s", "people", "men", "children"))


def _kind_of(handler) -> str:
    return {_h_weekday: "weekday", _h_ago: "relative", _h_year_range: "range", _h_decade: "range"}.get(
        handler, "absolute")


def _apply_prefix(t: Temporal, word: str, word_at: int, text: str, ref: dt.date | None) -> Temporal:
    """'since X' -> range X..reference; 'by/until X' -> deadline; other cue words are taken into the span."""
    if t.date is None or not word or t.kind in ("range", "vague", "duration") or word_at + len(word) > t.start:
        return t
    span = text[word_at:t.end]
    if word == "since":
        if ref is None:
            return Temporal(span, word_at, t.end, t.date, None, t.precision, "range", f"since {t.reason}; no reference")
        return Temporal(span, word_at, t.end, t.date, max(ref, t.date), t.precision, "range",
                        f"since {t.date.isoformat()}: {t.reason}, up to the reference date")
    if word in ("by", "until", "till") and ref is not None and t.enddate and t.enddate > ref:
        return Temporal(span, word_at, t.end, ref, t.enddate, t.precision, "future",
                        f"deadline {word} {t.enddate.isoformat()}: {t.reason}")
    if word in ("in", "on", "since", "by", "until", "during", "from", "between", "early", "late", "mid"):
        return Temporal(span, word_at, t.end, t.date, t.enddate, t.precision, t.kind, t.reason)
    return t


def _merge_ranges(items: list[Temporal], text: str, ref: dt.date | None) -> list[Temporal]:
    """'between March and May', 'from 2014 to 2016': two neighbours joined by and/to become one range."""
    out: list[Temporal] = []
    for t in items:
        prev = out[-1] if out else None
        if (prev is not None and prev.date and t.date and _RANGE_JOIN_RE.match(text[prev.end:t.start])
                and prev.text.lower().startswith(("between", "from")) and t.enddate and t.enddate >= prev.date):
            precision = max((prev.precision, t.precision), key=lambda p: (DAY, MONTH, YEAR).index(p))
            start, end = prev.date, t.enddate
            if prev.precision is MONTH and t.precision is MONTH and t.date < prev.date:
                end = _month_end(t.date.year + 1, t.date.month)  # "between November and February"
            out[-1] = Temporal(text[prev.start:t.end], prev.start, t.end, start, end, precision, "range",
                               f"range {start.isoformat()}..{end.isoformat()}")
            continue
        out.append(t)
    return out


def resolve(expression: str, reference: dt.date | None) -> Temporal | None:
    """Normalise one expression ("three months ago") against `reference`; None when it holds no date words."""
    times = find_times(expression, reference)
    if not times:
        return None
    return max(times, key=lambda t: t.end - t.start)
