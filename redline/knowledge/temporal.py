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

import datetime as dt
import re
from dataclasses import dataclass

from ..records import DatePrecision
from .temporal_values import (
    DAY,
    MONTH,
    YEAR,
    BadDate,
    month_end,
    h_ago,
    h_ago_half,
    h_ago_this_month,
    h_anaphoric,
    h_same_period,
    h_calendar,
    h_the_weekend,
    h_day_full,
    h_day_noyear,
    h_day_word,
    h_decade,
    h_end_of,
    h_holiday,
    h_hours_ago,
    h_iso,
    h_month,
    h_month_of_year,
    h_month_year,
    h_nine_eleven,
    h_part_of_year,
    h_past_n,
    h_recent,
    h_season,
    h_weekday,
    h_within,
    h_year,
    h_year_range,
)

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


_I = re.IGNORECASE
# Order matters only for equal-length overlaps; longer matches win (see find_times).
_PATTERNS: tuple[tuple[re.Pattern, object], ...] = (
    (re.compile(r"\b(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])-(?P<day>\d{2})\b"), h_iso),
    (re.compile(r"(?<![\d/])9/11(?![\d/])"), h_nine_eleven),
    (re.compile(rf"\b{_WD_OPT}{_MON}\s+{_DAY},?\s+{_YR}\b"), h_day_full),
    (re.compile(rf"\b{_WD_OPT}(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON},?\s+{_YR}\b"), h_day_full),
    (re.compile(rf"\b{_WD_OPT}{_MON}\s+{_DAY}\b(?!,?\d|\s*\d)"), h_day_noyear),
    (re.compile(rf"\b{_WD_OPT}(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON}\b"), h_day_noyear),
    (re.compile(rf"\b{_MON_FULL},?\s+(?:of\s+)?{_YR}\b"), h_month_year),
    # "pleaded guilty in Dec. 2017", "a Nov 2017 voicemail": an abbreviated month is a date before a year
    (re.compile(rf"\b(?P<mon>(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)\s+{_YR}\b"), h_month_year),
    # "in August of last year", "in June last year": that month of the year named (before the bare month)
    (re.compile(rf"\b{_MON_FULL}\s+(?:of\s+)?(?P<which>(?i:last|this|next))\s+(?i:year)\b"), h_month_of_year),
    # "this past April": the last such month before the reference date (not "past May": "walked past May")
    (re.compile(rf"(?:\b(?P<rel>(?i:last|next|this\s+past|this))\s+)?\b{_MON_FULL}\b"), h_month),
    (re.compile(r"\b(?P<year>\d{4})\b(?![-–,.]?\d)(?!\s*(?:%|percent))"), h_year),
    (re.compile(r"\b(?P<y1>\d{4})\s*(?:[-–]|to|until|through)\s*(?P<y2>\d{4}|\d{2})\b"), h_year_range),
    (re.compile(r"\b(?:the\s+)?(?:early\s+|mid-|late\s+)?(?P<dec>\d{3}0)s\b"), h_decade),
    (re.compile(rf"\b(?:(?P<rel>(?i:last|next|this coming|this|past|coming))\s+)?{_WD}"
                r"(?:\s+(?i:morning|afternoon|evening|night))?\b"), h_weekday),
    # "three and a half years ago", "a year and a half ago" (before the plain count, which would read "years ago")
    (re.compile(rf"\b{_HEDGE}{_NUM}\s+and\s+a\s+half\s+(?P<unit>month|year)s?\s+ago\b", _I), h_ago_half),
    (re.compile(rf"\b{_HEDGE}{_NUM}\s+(?P<unit>month|year)s?\s+and\s+a\s+half\s+ago\b", _I), h_ago_half),
    (re.compile(rf"\b{_HEDGE}{_NUM}\s+(?P<unit>day|night|week|month|year|decade)s?\s+ago\b", _I), h_ago),
    # "15 years ago this month": that month, so many years back (the anniversary of an act)
    (re.compile(rf"\b{_HEDGE}{_NUM}\s+(?P<unit>year|decade)s?\s+ago\s+this\s+month\b", _I), h_ago_this_month),
    (re.compile(r"\b(?:a\s+few\s+|several\s+|\d+\s+|two\s+|three\s+)?hours?\s+ago\b", _I), h_hours_ago),
    # "days ago", "weeks ago" with no number: a vague span back, like "in recent days"
    (re.compile(r"\b(?P<unit>day|week|month|year)s\s+ago\b", _I), h_recent),
    # offsets from the day the text is telling: "two days earlier", "hours later", "the previous night"
    (re.compile(rf"\b(?:{_NUM}\s+(?P<unit>day|week)s?|(?P<hours>(?:a\s+few\s+|several\s+|\d+\s+|two\s+|three\s+)?"
                r"hours?))\s+(?P<dir>earlier|later)\b", _I), h_anaphoric),
    (re.compile(r"\bthe\s+(?P<word>previous|next|following)\s+(?:day|night|morning|afternoon|evening)\b", _I),
     h_anaphoric),
    (re.compile(r"\bthe\s+(?:day|night)\s+(?P<word>before|after)(?=\s*[,.;:)]|\s*$)", _I), h_anaphoric),
    (re.compile(r"\b(?P<word>earlier|later)\s+(?:in\s+the|that)\s+(?:day|morning|afternoon|evening|night)\b", _I),
     h_anaphoric),
    # named days; a bare "Christmas" or "Thanksgiving" only when no noun follows ("the Christmas holidays" is no day)
    (re.compile(r"\b(?:(?i:the\s+day\s+)(?P<rel>(?i:before|after))\s+)?(?P<name>New\s+Year['\u2019]s\s+(?:Eve|Day)|Christmas\s+(?:Eve|Day|night|morning)|Boxing\s+Day|"
                r"Valentine['\u2019]s\s+Day|Thanksgiving\s+Day|the\s+Fourth\s+of\s+July|July\s+Fourth|"
                r"Easter\s+(?:Sunday|Day|Monday|weekend)|Good\s+Friday|"
                r"(?:Christmas|Thanksgiving|Halloween|Easter)(?![\s-]+[a-z]))"), h_holiday),
    # "In the same month, Flynn contacted ...", "later that same day": the period the text was telling (a relative
    # clause after it, "the same day he issued the pass", names another act's day and is not read)
    (re.compile(r"\b(?:(?P<word>earlier|later)\s+)?(?:the|that)\s+(?:very\s+)?same\s+(?P<unit>day|week|month|year)"
                r"(?=\s*[,.;:)]|\s*$)", _I), h_same_period),
    # issue 13, seventeenth round: "The following year, another spy was arrested", "Eight years later, the agency
    # said": a year or a month counted from the one the text was telling (an opening phrase, before a comma)
    (re.compile(rf"\b(?:the\s+(?:following|next|previous|preceding)\s+(?P<unit>month|year)|{_NUM}\s+"
                r"(?P<unit2>month|year)s?\s+(?:later|earlier))(?=\s*,)", _I), h_same_period),
    (re.compile(r"\b(?:the day before yesterday|the day after tomorrow|yesterday|last night|today|tonight|"
                r"this morning|this afternoon|this evening|earlier today|later today|tomorrow)\b", _I), h_day_word),
    (re.compile(r"\b(?P<rel>earlier this|later this|last|this|next|previous|coming)\s+"
                r"(?P<unit>week|weekend|month|year)\b", _I), h_calendar),
    # "this past weekend" is the weekend just gone, "this past week" the week up to the reference date
    (re.compile(r"\b(?:(?:over|during|at)\s+the|this\s+past)\s+weekend\b", _I), h_the_weekend),
    (re.compile(rf"\b(?:(?P<lead>over|in|during|for)\s+)?(?:the|this)\s+(?:past|last|previous)\s+(?:{_NUM}\s+)?{_UNIT}\b", _I),
     h_past_n),
    (re.compile(r"\b(?:in\s+)?(?:recent|the\s+past\s+few|the\s+last\s+few|the\s+past\s+several)\s+"
                r"(?P<unit>day|week|month|year)s\b", _I), h_recent),
    (re.compile(rf"\b(?P<lead>within)\s+(?:the\s+(?:next|coming)\s+)?(?:{_NUM}\s+)?{_UNIT}\b", _I), h_within),
    # "in two weeks" is future; "the worst fighting in years" is not, so "in" needs a number
    (re.compile(rf"\b(?P<lead>in)\s+{_NUM}\s+{_UNIT}(?!\s+(?:ago|earlier|before|later))\b", _I), h_within),
    (re.compile(r"\b(?P<lead>in|within|over)\s+(?:the\s+)?(?:coming|next)\s+(?:few\s+)?(?P<n>)(?P<unit>day|week|month|year)s\b",
                _I), h_within),
    (re.compile(r"\b(?:(?P<lead>by|before|until|at|towards?)\s+)?the\s+end\s+of\s+(?P<which>the|this|next|last)\s+"
                r"(?P<unit>week|month|year)\b", _I), h_end_of),
    (re.compile(r"\b(?P<rel>last|this|next|past)\s+(?P<season>spring|summer|fall|autumn)\b", _I), h_season),
    # "saw them over the summer", "during the spring": the latest such season begun by the reference date
    (re.compile(r"\b(?P<rel>over|during)\s+the\s+(?P<season>spring|summer|fall|autumn)\b(?!\s+(?:of\s+)?\d)", _I),
     h_season),
    (re.compile(r"\b(?:(?:in|during|since|by|until|through)\s+(?:the\s+)?|the\s+)(?P<season>spring|summer|fall|autumn)"
                r"\s+(?:of\s+)?(?P<year>\d{4})\b", _I), h_season),
    (re.compile(r"\b(?P<part>(?i:early|late|mid-|mid))\s*(?:(?P<year>\d{4})\b|(?P<which>(?i:last|this|next))\s+(?i:year)\b)"),
     h_part_of_year),
)

# Cheap substring guards: a pattern runs only when its sentence holds one of these words.
_GUARDS = {
    h_nine_eleven: ("9/11",),
    h_ago: ("ago",), h_ago_half: ("half",), h_ago_this_month: ("ago",), h_hours_ago: ("hour",), h_anaphoric: ("earlier", "later", "previous", "next", "following",
                                                          "before", "after"), h_weekday: ("day",), h_calendar: ("week", "month", "year"),
    h_the_weekend: ("weekend",),
    h_past_n: ("past", "last", "previous"), h_recent: ("recent", "past", "last", "ago"), h_within: ("in",),
    h_end_of: ("end of",), h_season: ("spring", "summer", "fall", "autumn"), h_part_of_year: ("early", "late", "mid"), h_decade: ("0s",),
    h_day_word: ("day", "night", "morning", "afternoon", "evening", "tomorrow"),
    h_holiday: ("year", "christmas", "boxing", "valentine", "thanksgiving", "halloween", "fourth", "easter", "friday"),
    h_same_period: ("same", "following", "next", "previous", "preceding", "later", "earlier"),
}
_MONTH_HANDLERS = (h_day_full, h_day_noyear, h_month_year, h_month_of_year, h_month)
_MONTH_WORD = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
_WORD_HANDLERS = (h_day_word, h_calendar, h_recent, h_past_n, h_within, h_end_of, h_the_weekend)
_PREFIX_RE = re.compile(r"(?:\b(?P<w2>[A-Za-z]+)\s+)?\b(?P<w>[A-Za-z]+)[\s-]+$")
_RANGE_JOIN_RE = re.compile(r"^\s*(?:and|to|until|till|through|-|–)\s*$", _I)


def _prefix_word(text: str, start: int) -> tuple[str, int]:
    """The word before `start` (lower case) and its offset, or ('', start)."""
    m = _PREFIX_RE.search(text[max(0, start - 30):start])
    if not m:
        return "", start
    return m["w"].lower(), max(0, start - 30) + m.start("w")


def _bare(handler) -> bool:
    return handler in (h_month, h_year)


# Every pattern needs one of these; a sentence without any is skipped with a few substring tests.
_CUE_SUBSTRINGS = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "day", "night", "week",
    "month", "year", "decade", "morning", "afternoon", "evening", "tomorrow", "ago", "recent", "hour", "spring",
    "summer", "fall", "autumn", "christmas", "thanksgiving", "halloween", "fourth", "easter",
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
        occasion = _bare(handler) and not m.groupdict().get("rel") and word not in _CUE_WORDS \
            and _month_of_occasion(handler, m, word, text, end, word_at)
        if _bare(handler) and not (m.groupdict().get("rel")) and word not in _CUE_WORDS \
                and not _year_of_occasion(handler, m, word, text, end, word_at) and not occasion:
            continue  # a bare "May" or "2014" without a temporal cue is not taken as a date
        if handler is h_holiday and " " not in m["name"] and not m["rel"] and word not in _CUE_WORDS | {"over", "at"}:
            continue  # "Merry Christmas" is a greeting; "on Christmas", "over Thanksgiving" are days
        if handler is h_year and text[max(0, start - 1):start] in ("$", "#", "€", "£"):
            continue
        if handler is h_year and _LAW_BEFORE.search(text, max(0, start - 60), start):
            continue  # "the Insurrection Act of 1807", "the War Powers Resolution of 1973": the law's name
        if handler is h_day_word and _media_name(text, start, m.group(0)):
            continue  # "told USA Today", "Russia Today", "CBS This Morning": a medium's name, not a day
        if handler is h_weekday and (_PAPER_AFTER.match(text, end) or _PAPER_BEFORE.search(text, 0, start)):
            continue  # "told the Sunday Telegraph", "the Mail on Sunday": a newspaper's name, not a day
        try:
            date, enddate, precision, kind, reason = handler(m, reference)
        except BadDate as bad:
            out.append(Temporal(text[start:end], start, end, None, None, None, _kind_of(handler), str(bad)))
            continue
        except (ValueError, OverflowError, KeyError) as exc:  # arithmetic past year 9999 and the like
            out.append(Temporal(text[start:end], start, end, None, None, None, _kind_of(handler),
                                f"cannot be normalised: {exc}"))
            continue
        if occasion and word not in ("a", "an") and reference is not None and date is not None and date > reference:
            # "the April call" in a November article: an occasion named again is the last such month, not the
            # coming one ("a September vote" in an August article is still the coming September)
            date, enddate = date.replace(year=date.year - 1), month_end(date.year - 1, date.month)
            kind, reason = "absolute", f"an occasion of the last {m['mon']} up to {reference.isoformat()}"
        out.append(Temporal(text[start:end], start, end, date, enddate, precision, kind, reason))
        out[-1] = _apply_prefix(out[-1], word, word_at, text, reference)
    return _merge_ranges(out, text, reference)


# newspapers named after the day they appear: "told the Sunday Telegraph", "the Sunday Times", "the Mail on Sunday"
_PAPER_AFTER = re.compile(r"\s+(?:Telegraph|Times|Express|Mirror|Herald|Post|People|Star|Independent|Tribune|Mail|"
                          r"Observer|Sport|World)\b")
# a capitalised word just before a title-case "Today" or "This Morning" makes it a medium's name ("USA Today",
# "Russia Today", "CBS This Morning"; nineteenth round); a sentence's opening "Today," has no word before it
_MEDIA_NAME_BEFORE = re.compile(r"\b[A-Z][A-Za-z]*\s+$")


def _media_name(text: str, start: int, body: str) -> bool:
    """True for a title-case day word after a capitalised word in a sentence of prose: "told USA Today". A
    headline in title case ("Obama Signs The Order Today") keeps its day."""
    if not body.strip().istitle() or not _MEDIA_NAME_BEFORE.search(text, 0, start):
        return False
    words = re.findall(r"[A-Za-z]+", text)
    return sum(w[0].isupper() for w in words) * 2 < len(words)


_PAPER_BEFORE = re.compile(r"\b(?:Mail|Independent|Observer|Scotland|Star|Business Post|Herald) on\s+$")


# a law named with the year it was passed: "invoke the Insurrection Act of 1807" (the year names the law, it does
# not date the invoking)
_LAW_BEFORE = re.compile(r"\b[A-Z][\w-]*\s+(?:Act|Law|Resolution|Amendment|Statute|Code)\s+of\s+$")


_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that"})
# "the 2016 U.S. presidential election", "the 2015 Vienna Nuclear Agreement" (an occasion named in capitals)
_NOUN_AFTER = re.compile(r"\s+(?:[A-Z][A-Za-z.]*\s+){0,3}(?P<noun>[a-z][a-z-]+|(?:Agreement|Accord|Deal|Treaty|Summit|"
                         r"Conference|Election|War|Invasion|Revolution|Uprising|Referendum|Attack|Coup)\b)")


# plural nouns of one occasion: "meddled in the 2016 elections", "the 2011 protests" (not a count: "the 2000 soldiers")
_PLURAL_OCCASIONS = frozenset({
    "elections", "midterms", "primaries", "talks", "negotiations", "protests", "demonstrations", "riots", "clashes",
    "attacks", "bombings", "airstrikes", "shootings", "killings", "hearings", "olympics", "games", "uprisings",
})


def _year_of_occasion(handler, m: re.Match, word: str, text: str, end: int, word_at: int = 0) -> bool:
    """ "the 2016 election", "the 2003 invasion", "Bush's 2003 invasion": a year between a determiner or a
    possessive and a noun names when it was."""
    possessive = word == "s" and text[max(0, word_at - 1):word_at] in ("'", "\u2019")
    if handler is not h_year or not (word in _DETERMINERS or possessive) or not 1900 <= int(m["year"]) <= 2099:
        return False
    after = _NOUN_AFTER.match(text, end)  # "the 2016 election", "the 2015 nuclear deal"; not "the 2000 soldiers"
    return after is not None and (after["noun"] in _PLURAL_OCCASIONS
                                  or not after["noun"].endswith(("s", "people", "men", "children")))


# occasions a bare month before them dates: "the March attack", "a June letter", "Moscow's May offensive"
_MONTH_OCCASIONS = frozenset({
    "attack", "attacks", "assault", "bombing", "bombings", "raid", "raids", "strike", "strikes", "airstrike", "airstrikes",
    "ambush", "massacre", "shooting", "killing", "killings", "invasion", "incursion", "offensive", "coup", "crackdown",
    "uprising", "revolution", "protest", "protests", "election", "elections", "vote", "referendum", "primary", "summit",
    "meeting", "meetings", "talks", "visit", "trip", "call", "letter", "memo", "report", "speech", "statement",
    "announcement", "decision", "interview", "hearing", "hearings", "testimony", "indictment", "ruling", "agreement",
    "deal", "accord", "ceasefire", "cease-fire", "truce", "test", "launch", "arrest", "debate", "conference",
})
_WORD_AFTER = re.compile(r"\s+(?P<noun>[a-z][a-z-]+)\b")


def _month_of_occasion(handler, m: re.Match, word: str, text: str, end: int, word_at: int = 0) -> bool:
    """ "the March attack", "a June letter", "Moscow's May offensive": a bare month between a determiner or a
    possessive and an occasion noun names when the occasion was ("Theresa May's speech" has no determiner)."""
    possessive = word == "s" and text[max(0, word_at - 1):word_at] in ("'", "\u2019")
    if handler is not h_month or m["rel"] or not (word in _DETERMINERS or possessive):
        return False
    after = _WORD_AFTER.match(text, end)
    return after is not None and after["noun"] in _MONTH_OCCASIONS


def _kind_of(handler) -> str:
    return {h_weekday: "weekday", h_ago: "relative", h_ago_half: "relative", h_year_range: "range", h_decade: "range"}.get(
        handler, "absolute")


def _apply_prefix(t: Temporal, word: str, word_at: int, text: str, ref: dt.date | None) -> Temporal:
    """'since X' -> range X..reference; 'by/until X' -> deadline; other cue words are taken into the span."""
    if t.date is None or not word or t.kind in ("range", "vague", "duration") or word_at + len(word) > t.start:
        return t
    if text[t.end:t.end + 2] in ("'s", "\u2019s"):  # "in last week's attack": "in" belongs to the attack
        return t
    span = text[word_at:t.end]
    if word == "since":
        if ref is None:
            return Temporal(span, word_at, t.end, t.date, None, t.precision, "range", f"since {t.reason}; no reference")
        start, why = t.date, t.reason
        if start > ref and t.kind in ("absolute", "future") and not re.search(r"\d{4}", t.text):
            try:  # "since May" in a January article: the May before it ("since" always looks back)
                start, why = start.replace(year=start.year - 1), f"{t.text}: the last one before the reference date"
            except ValueError:  # February 29
                start, why = start.replace(year=start.year - 1, day=28), f"{t.text}: the last one before the reference date"
        return Temporal(span, word_at, t.end, start, max(ref, start), t.precision, "range",
                        f"since {start.isoformat()}: {why}, up to the reference date")
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
        if (prev is not None and prev.date and t.date and prev.precision is MONTH and t.precision is MONTH
                and prev.date.year != t.date.year and prev.date.month <= t.date.month
                and not re.search(r"\d{4}|last|next|this", prev.text) and _RANGE_JOIN_RE.match(text[prev.end:t.start])):
            # "from September to November of last year": the first month takes the year the second one names
            moved = prev.date.replace(year=t.date.year)
            out[-1] = prev = Temporal(prev.text, prev.start, prev.end, moved, month_end(moved.year, moved.month),
                                      prev.precision, "absolute", f"{prev.reason}; the year of {t.text!r}")
        if (prev is not None and prev.date and t.date and _RANGE_JOIN_RE.match(text[prev.end:t.start])
                and prev.text.lower().startswith(("between", "from")) and t.enddate and t.enddate >= prev.date):
            precision = max((prev.precision, t.precision), key=lambda p: (DAY, MONTH, YEAR).index(p))
            start, end = prev.date, t.enddate
            if prev.precision is MONTH and t.precision is MONTH and t.date < prev.date:
                end = month_end(t.date.year + 1, t.date.month)  # "between November and February"
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
