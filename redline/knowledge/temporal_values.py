"""What each kind of temporal expression means: calendar arithmetic and one handler per pattern.

Each handler takes a regular-expression match (the patterns are in knowledge/temporal.py) and the reference date
(None when the document has none) and returns (date, enddate, precision, kind, reason), or raises BadDate for an
impossible or unresolvable date. Pure functions over dates, no spaCy; conventions in docs/dates-and-places.md.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..records import DatePrecision

DAY, MONTH, YEAR = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR
MIN_YEAR, MAX_YEAR = 1000, 2200

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
# The month names in lower case, for stages that look for a month word in a parse ("in March", "the March attack").
MONTH_WORDS = frozenset(name.lower() for name in _MONTH_NAMES)
_MONTH_NUM = {name: i for i, name in enumerate(_MONTH_NAMES, start=1)}
_MONTH_NUM.update({name[:3]: i for i, name in enumerate(_MONTH_NAMES, start=1)})
_MONTH_NUM["Sept"] = 9
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "a couple of": 2,
    "a few": 3, "few": 3, "several": 3, "some": 3,
}


def month_end(year: int, month: int) -> dt.date:
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
        return value.replace(day=1), month_end(value.year, value.month)
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
            hi = dt.date(year, month, day) if day else month_end(year, month)
        except ValueError:
            continue
        gap = 0 if lo <= ref <= hi else min(abs((lo - ref).days), abs((hi - ref).days))
        if best is None or gap < best[0]:
            best = (gap, year)
    return best[1] if best else ref.year


class BadDate(ValueError):
    """An expression that names an impossible or out-of-range date."""


def _check_year(year: int) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise BadDate(f"year {year:04d} is out of range ({MIN_YEAR}-{MAX_YEAR})")
    return year


def _make_date(year: int, month: int, day: int) -> dt.date:
    _check_year(year)
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise BadDate(f"impossible date: {_MONTH_NAMES[month - 1]} has no day {day} in {year}") from None


def _week_start(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


# Each handler: (match, ref) -> (date, enddate, precision, kind, reason). ref may be None.
Value = tuple[dt.date | None, dt.date | None, DatePrecision | None, str, str]


def _need_ref(ref: dt.date | None, what: str) -> None:
    if ref is None:
        raise BadDate(f"{what} needs a reference date and the document has none")


def h_nine_eleven(m: re.Match, ref) -> Value:
    return dt.date(2001, 9, 11), dt.date(2001, 9, 11), DAY, "absolute", "9/11: the attacks of 11 September 2001"


def h_iso(m: re.Match, ref) -> Value:
    d = _make_date(int(m["year"]), int(m["month"]), int(m["day"]))
    return d, d, DAY, "absolute", "ISO date"


def h_day_full(m: re.Match, ref) -> Value:
    d = _make_date(int(m["year"]), _MONTH_NUM[m["mon"].rstrip(".")], int(m["day"]))
    return d, d, DAY, "absolute", "day, month and year given"


def h_day_noyear(m: re.Match, ref) -> Value:
    month, day = _MONTH_NUM[m["mon"].rstrip(".")], int(m["day"])
    if not 1 <= day <= 31:
        raise BadDate(f"impossible date: day {day}")
    if ref is None:
        _make_date(2000, month, day)  # leap year: only truly impossible days fail here
        raise BadDate("day and month without a year, and no reference date to take the year from")
    year = _closest_year(month, day, ref)
    d = _make_date(year, month, day)
    return d, d, DAY, "absolute", f"year {year} taken from the reference date {ref.isoformat()}"


def h_month_year(m: re.Match, ref) -> Value:
    year = _check_year(int(m["year"]))
    month = _MONTH_NUM[m["mon"].rstrip(".")]
    return dt.date(year, month, 1), month_end(year, month), MONTH, "absolute", "month and year given"


def h_month(m: re.Match, ref) -> Value:
    month = _MONTH_NUM[m["mon"].rstrip(".")]
    rel = " ".join((m["rel"] or "").lower().split())
    _need_ref(ref, "a month without a year")
    if rel in ("last", "this past"):
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
    return dt.date(year, month, 1), month_end(year, month), MONTH, kind, why


def h_month_of_year(m: re.Match, ref) -> Value:
    """ "in August of last year", "in June last year", "January of this year": that month of the year named."""
    month = _MONTH_NUM[m["mon"].rstrip(".")]
    which = m["which"].lower()
    _need_ref(ref, f"'{m['mon']} of {which} year'")
    year = ref.year + {"last": -1, "next": 1}.get(which, 0)
    kind = "future" if (year, month) > (ref.year, ref.month) else "absolute"
    return dt.date(year, month, 1), month_end(year, month), MONTH, kind, f"{m['mon']} of {which} year relative to {ref.isoformat()}"


def h_year(m: re.Match, ref) -> Value:
    year = _check_year(int(m["year"]))
    kind = "future" if ref and year > ref.year else "absolute"
    return dt.date(year, 1, 1), dt.date(year, 12, 31), YEAR, kind, "year given"


def h_year_range(m: re.Match, ref) -> Value:
    y1 = _check_year(int(m["y1"]))
    y2 = m["y2"]
    y2 = _check_year(int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2))
    if y2 <= y1:
        raise BadDate(f"range {y1}-{y2} ends before it starts")
    return dt.date(y1, 1, 1), dt.date(y2, 12, 31), YEAR, "range", "span of years"


def h_decade(m: re.Match, ref) -> Value:
    start = _check_year(int(m["dec"]))
    return dt.date(start, 1, 1), dt.date(start + 9, 12, 31), YEAR, "range", f"the decade {start}s"


def h_weekday(m: re.Match, ref) -> Value:
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


def h_ago(m: re.Match, ref) -> Value:
    _need_ref(ref, "'ago'")
    n, unit = _number(m["n"]), m["unit"].lower()
    hedge = " (approximate)" if m["hedge"] else ""
    if unit in ("day", "night"):  # "a couple of nights ago"
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


def h_ago_half(m: re.Match, ref) -> Value:
    """ "three and a half years ago", "a year and a half ago", "two and a half months ago": so many units and a half
    back; the year (the month) that point falls in."""
    _need_ref(ref, "'and a half ... ago'")
    n, unit = _number(m["n"]), m["unit"].lower()
    hedge = " (approximate)" if m["hedge"] else ""
    if unit == "month":
        lo, hi = _period(_add_months(ref, -n) - dt.timedelta(days=15), MONTH)
        return lo, hi, MONTH, "relative", f"{n} and a half month(s) before {ref.isoformat()}{hedge}"
    lo, hi = _period(_add_months(ref, -(12 * n + 6)), YEAR)
    return lo, hi, YEAR, "relative", f"{n} and a half year(s) before {ref.isoformat()}{hedge}"


def h_ago_this_month(m: re.Match, ref) -> Value:
    """ "15 years ago this month": the reference date's month, so many years (decades) back, precision month."""
    _need_ref(ref, "'ago this month'")
    years = _number(m["n"]) * (10 if m["unit"].lower() == "decade" else 1)
    hedge = " (approximate)" if m["hedge"] else ""
    lo, hi = _period(dt.date(ref.year - years, ref.month, 1), MONTH)
    return lo, hi, MONTH, "relative", f"this month {years} year(s) before {ref.isoformat()}{hedge}"


_ANAPHORIC_WORDS = {"previous": -1, "before": -1, "next": 1, "following": 1, "after": 1,
                    "earlier": 0, "later": 0}  # "earlier in the day", "later that day": the day told


def h_anaphoric(m: re.Match, ref) -> Value:
    """'two days earlier', 'a week later', 'hours later', 'the previous night', 'the next day', 'the day before':
    an offset from the day the text was telling, not from the reference date. It is read here from the reference
    date (kind 'anaphoric'); the dates stage moves it onto the day the sentence or the one before gives
    (narration.anchor_offsets)."""
    _need_ref(ref, repr(m.group(0)))
    groups = m.groupdict()
    if groups.get("hours"):
        offset = 0
    elif groups.get("n"):
        offset = _number(m["n"]) * (7 if m["unit"].lower() == "week" else 1)
        offset = -offset if m["dir"].lower() == "earlier" else offset
    else:
        offset = _ANAPHORIC_WORDS[m["word"].lower()]
    d = ref + dt.timedelta(days=offset)
    return d, d, DAY, "anaphoric", f"{offset:+d} day(s) from the day the text is telling"


def h_same_period(m: re.Match, ref) -> Value:
    """ "In the same month", "later that same day": the day, week, month or year the text was telling. It is read
    here as the reference date's period (kind 'same_period'); the dates stage moves it onto the period of the last
    expression before it (narration.anchor_offsets), or drops it when there is none."""
    _need_ref(ref, repr(m.group(0)))
    unit = (m["unit"] or m["unit2"]).lower()
    precision = {"day": DAY, "week": DAY, "month": MONTH, "year": YEAR}[unit]
    if unit == "week":
        lo = _week_start(ref)
        return lo, lo + dt.timedelta(days=6), DAY, "same_period", "the week the text is telling"
    lo, hi = _period(ref, precision)
    return lo, hi, precision, "same_period", f"the {unit} the text is telling"


_SHIFT_RE = re.compile(r"(?P<word>following|next|previous|preceding)\s+(?P<unit>month|year)|"
                       r"(?P<n>\d+|[a-z]+(?: couple of| few)?)\s+(?P<unit2>month|year)s?\s+(?P<dir>later|earlier)", re.I)


def period_shift(text: str) -> tuple[str, int]:
    """The unit and the count of a period told from the one the text was telling: "the same month" (month, 0), "the
    following year" (year, +1), "two months earlier" (month, -2)."""
    m = _SHIFT_RE.search(text)
    if m is None:
        return text.lower().split()[-1], 0
    if m["word"]:
        return m["unit"].lower(), 1 if m["word"].lower() in ("following", "next") else -1
    n = _number(m["n"])
    return m["unit2"].lower(), n if m["dir"].lower() == "later" else -n


def shifted_period(value: dt.date, precision: DatePrecision, shift: int) -> tuple[dt.date, dt.date]:
    """The [first, last] day of the month or year `shift` periods from the one holding `value`."""
    if precision is MONTH:
        return _period(_add_months(value.replace(day=1), shift), MONTH)
    return _period(dt.date(value.year + shift, 1, 1), YEAR)


def h_hours_ago(m: re.Match, ref) -> Value:
    _need_ref(ref, "'hours ago'")
    return ref, ref, DAY, "relative", f"hours before the reference date {ref.isoformat()}"


_DAY_WORDS = {
    "the day before yesterday": -2, "yesterday": -1, "last night": -1, "today": 0, "tonight": 0,
    "this morning": 0, "this afternoon": 0, "this evening": 0, "earlier today": 0, "later today": 0,
    "tomorrow": 1, "the day after tomorrow": 2,
}


def h_day_word(m: re.Match, ref) -> Value:
    word = " ".join(m.group(0).lower().split())
    _need_ref(ref, repr(word))
    offset = _DAY_WORDS[word]
    d = ref + dt.timedelta(days=offset)
    kind = "future" if offset > 0 or word == "later today" else "relative"
    return d, d, DAY, kind, f"{word!r} relative to {ref.isoformat()}"


def h_calendar(m: re.Match, ref) -> Value:
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
    elif unit == "week" and step < 0 and ref.weekday() == 6:
        # issue 13, seventeenth round: on a Sunday, "last week" is the week just ending (Monday to Saturday), not
        # the one before it ("admitted Sunday that it shot down the airliner last week", a Wednesday)
        lo, hi, prec = _week_start(ref), ref - dt.timedelta(days=1), DAY
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


def h_the_weekend(m: re.Match, ref) -> Value:
    """ "over the weekend", "at the weekend": the latest Saturday and Sunday up to the reference date (a verb in
    the future looks a week ahead, as for a weekday)."""
    _need_ref(ref, "'the weekend'")
    sat = ref - dt.timedelta(days=(ref.weekday() - 5) % 7)
    return sat, sat + dt.timedelta(days=1), DAY, "weekday", f"the weekend up to {ref.isoformat()}"


def _span_back(ref: dt.date, n: int, unit: str) -> tuple[dt.date, DatePrecision]:
    if unit == "day":
        return ref - dt.timedelta(days=n), DAY
    if unit == "week":
        return ref - dt.timedelta(weeks=n), DAY
    if unit == "month":
        return _add_months(ref, -n), MONTH
    return _add_months(ref, -12 * n * (10 if unit == "decade" else 1)), YEAR


def h_past_n(m: re.Match, ref) -> Value:
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


def h_recent(m: re.Match, ref) -> Value:
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


def h_within(m: re.Match, ref) -> Value:
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


def h_end_of(m: re.Match, ref) -> Value:
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
        end, prec = month_end(y, mo + 1), MONTH
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


def h_part_of_year(m: re.Match, ref) -> Value:
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


# Seasons (northern hemisphere, as the news uses them): first and last month. Winter spans two years and is left
# out: "last winter" in a March article is ambiguous between the two.
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11)}


def h_season(m: re.Match, ref) -> Value:
    """'last summer', 'this spring', 'next fall', 'the summer of 2016': the season's months with year precision
    (like 'early 2021'). 'last' is the latest such season ended before the reference date; 'this' the one of the
    reference date's year; 'next' the first one starting after it."""
    first, last = _SEASONS[m["season"].lower()]
    given = m.groupdict().get("year")
    if given:
        year = _check_year(int(given))
    else:
        rel = m["rel"].lower()
        _need_ref(ref, f"'{rel} {m['season'].lower()}'")
        year = ref.year
        if rel in ("last", "past"):
            year = ref.year if month_end(ref.year, last) < ref else ref.year - 1
        elif rel == "next":
            year = ref.year if dt.date(ref.year, first, 1) > ref else ref.year + 1
        elif rel in ("over", "during"):  # "over the summer": the latest one begun by the reference date
            year = ref.year if dt.date(ref.year, first, 1) <= ref else ref.year - 1
    lo, hi = dt.date(year, first, 1), month_end(year, last)
    kind = "future" if ref and lo > ref else "absolute" if given else "relative"
    return lo, hi, YEAR, kind, f"{m['season'].lower()} {year} ({lo.isoformat()}..{hi.isoformat()})"


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


# Named days: (month, day), or None for a day computed per year (Thanksgiving, the fourth Thursday of November).
_HOLIDAYS: dict[str, tuple[int, int] | None] = {
    "new year's eve": (12, 31), "new year's day": (1, 1), "christmas eve": (12, 24), "christmas day": (12, 25),
    "christmas night": (12, 25), "christmas morning": (12, 25), "christmas": (12, 25), "boxing day": (12, 26),
    "halloween": (10, 31), "valentine's day": (2, 14), "the fourth of july": (7, 4), "july fourth": (7, 4),
    "thanksgiving day": None, "thanksgiving": None,
}


# Days counted from Easter Sunday (a movable feast: easter_sunday).
_EASTER_DAYS = {"easter": 0, "easter sunday": 0, "easter day": 0, "easter monday": 1, "good friday": -2,
                "easter weekend": -2}


def easter_sunday(year: int) -> dt.date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday) // 451
    month, day = divmod(h + weekday - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _holiday(name: str, year: int) -> dt.date:
    if name in _EASTER_DAYS:
        return easter_sunday(year) + dt.timedelta(days=_EASTER_DAYS[name])
    fixed = _HOLIDAYS[name]
    return _nth_weekday(year, 11, 3, 4) if fixed is None else dt.date(year, *fixed)


def h_holiday(m: re.Match, ref) -> Value:
    """ "on New Year's Eve", "late on Christmas night", "on Thanksgiving": that day, in the year that puts it
    closest to the reference date (ties: the past), like a day written without its year."""
    name = " ".join(m["name"].lower().replace("\u2019", "'").split())
    _need_ref(ref, repr(m["name"]))
    d = min((_holiday(name, y) for y in (ref.year - 1, ref.year, ref.year + 1)),
            key=lambda d: (abs((d - ref).days), d > ref))
    why = f"{m['name']!r} of {d.year}: the year closest to the reference date {ref.isoformat()}"
    if name == "easter weekend":  # Good Friday to Easter Monday: a span of days
        return d, d + dt.timedelta(days=3), DAY, "absolute", f"{why} ({d.isoformat()}..{d + dt.timedelta(days=3)})"
    if m["rel"]:  # "the day before Thanksgiving"
        d = d + dt.timedelta(days=-1 if m["rel"].lower() == "before" else 1)
        why = f"the day {m['rel'].lower()} {why}"
    return d, d, DAY, "absolute", why
