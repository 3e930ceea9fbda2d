"""clean: raw article text -> Article with a clean body, its dateline, publisher and wire credits.

Boilerplate lines (cross-links, newsletter sign-ups, copyright, credits, share widgets) are removed from
the body, each kept as a Removal with its reason, so nothing in them can ever yield an event.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from ..hashing import content_id  # noqa: F401 - clean names articles by it (re-exported)
from ..records import Article, Removal

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
            ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
            ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?"
_MONTH = r"(?P<mon>[A-Za-z]{3,9})\.?"
# A dateline is a short line that is only a date, optionally with a weekday, time and zone.
_DATELINE_PATTERNS = (
    re.compile(rf"^(?:{_WEEKDAY}\s+)?(?P<day>\d{{1,2}})\s+{_MONTH},?\s+(?P<year>\d{{4}})\b[\d:\s]*(?:[A-Z]{{2,5}}|[+-]\d{{4}})?$", re.I),
    re.compile(rf"^(?:{_WEEKDAY}\s+)?{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})\b[\d:\s]*(?:[AP]M)?\s*(?:[A-Z]{{2,5}})?$", re.I),
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:[T ][\d:.]+(?:Z|[+-][\d:]+)?)?$"),
)

_WIRE_RE = re.compile(
    r"^\(?\s*(?:with\s+)?(?:additional\s+)?(?:reporting|compiled|written)\s+(?:by|from)\s+(?P<who>.+?)\)?\.?$", re.I
)
_REPORTER_CREDIT_RE = re.compile(r"^\(\s*reporting by .+?(?:;\s*(?:additional reporting|editing|writing) by .+?)*\)$", re.I)
_COPYRIGHT_RE = re.compile(r"^(?:copyright|\(c\)|©)|\ball rights reserved\s*(?:[.!]|$)|\breprinted with permission\b|\brepublished with the permission\b", re.I)
_PUBLISHER_RE = re.compile(r"republished with the permission of (?P<pub>[^,.;]+(?:/[^,.;]+)?)", re.I)
_PUBLISHER_FALLBACK_RE = re.compile(r"copyright\s*(?:\(c\)|©)?\s*(?:\d{4}\.?\s*)?(?P<pub>[^,.;\d][^,;]*?)(?:,?\s*inc\.?)?(?:[.;,]|$)", re.I)
_SEE_ALSO_RE = re.compile(r"^(?:see also|read also|read more|related|also read|more on this|watch|listen)\s*:", re.I)
_PROMPT_RE = re.compile(
    r"^(?:sign up|subscribe|follow us|click here|download (?:our|the) app|share this|get (?:our|the) .{0,40}"
    r"(?:newsletter|briefing)|join our|register now|listen to our|watch our)\b",
    re.I,
)
_NEWSLETTER_RE = re.compile(
    r"\b(?:newsletters?|unsubscribe|(?:in|to|into) your inbox|it's on the house|delivered (?:every|each|daily|weekly)|"
    r"(?:once|twice|three times) a (?:day|week|month))\b",
    re.I,
)
_WIDGET_RE = re.compile(
    r"^(?:advertisement|share|tweet|email|print|comments?|image caption|photo:|getty images|"
    r"skip to (?:content|main)|loading\.{0,3}|(?:facebook|twitter|whatsapp|linkedin)(?:\s+\w+)?)\.?$",
    re.I,
)
# Photo captions, galleries and video widgets that crawlers leave in the body (facts of the page layouts of
# news sites): a whole line of them is removed; a caption glued in front of body text is cut off.
_CAPTION_LINE_RE = re.compile(
    r"^(?:enlarge this image\b|toggle caption\b|hide caption\b|(?:photos?:\s*){2}|just watched\b|"
    r"close\b.{0,600}\bvpc$|image (?:caption|copyright)\b|(?:\d{1,2}:)?\d{1,2}:\d{2}$)",
    re.I,
)
# Sixteenth round: a caption that opens with its photographer's credit ("Jane Doe/AP Soldiers patrol the market in
# Kabul, May 3, 2019."), as some sites print their photo captions in the body.
_LEADING_CREDIT_RE = re.compile(
    r"^(?:[A-Z][\w.'\u2019-]+ ){1,3}[A-Z][\w.'\u2019-]+/(?:AP|AFP|Reuters|Getty Images|EPA|Bloomberg|Pool|Sputnik|TASS|"
    r"Xinhua|UPI|Anadolu)\s+\S")
_CAPTION_WORDS_RE = re.compile(r"\b(?:toggle caption|hide caption \d+ of \d+|replay more videos|must watch)\b", re.I)
_PHOTO_CREDIT_END_RE = re.compile(
    r"\((?:AP|AFP|Reuters|Getty|EPA|UPI|Xinhua|Sputnik|TASS|Anadolu|Pool)(?:\s+(?:TV|Pictures|Video))?(?:/[^()]*)?"
    r"\s*(?:photos?|images?)?"
    r"(?:[:/][^()]*)?\)\s*$|\((?:photo|image|file photo)s?(?: by|:)[^()]*\)\s*$",
    re.I,
)
# "FILE - In this May 2, 2018, file photo, ..." and "In this undated handout photo ...": one caption sentence.
_FILE_PHOTO_RE = re.compile(
    r"^(?:\(?file\s*[-–—]+\s*\)?\s*)?in this\b[^.]{0,120}?\b(?:photo|image|picture|frame grab|handout)s?\b", re.I)
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st sen rep gov gen lt col maj capt sgt adm jr sr prof rev u.s u.n u.k no vs jan feb mar apr aug sept "
    "sep oct nov dec ft mt".split())
_CREDIT_RE = re.compile(
    r"\s*\((?:[^()]{0,80}\b(?:photos?|images?|AP|AFP|Reuters|Getty|EPA|via)\b[^()]{0,40}|[^()]{0,80}/[^()]{0,80})\)")


def _sentence_end(s: str, start: int) -> int:
    """Offset just past the first sentence end at or after `start` (a period, ?, ! before a capital or the
    end), skipping abbreviations ("Sen.", "St.", "U.S.") and initials."""
    for m in re.finditer(r"[.?!](?=\s+[\"'“(A-Z]|\s*$)", s[start:]):
        end = start + m.end()
        word = re.search(r"([\w.]+)[.?!]$", s[:end])
        if m.group() == "." and word and (word.group(1).lower().rstrip(".") in _ABBREVIATIONS or len(word.group(1)) == 1):
            continue
        return end
    return len(s)


# A video widget's label left as a line of its own: "Raw video of Hong Kong protests", "Video: ...", "WATCH: ...".
_VIDEO_LABEL_RE = re.compile(r"^(?:raw (?:video|footage)\b|videos?:|watch:)", re.I)
# A profile hover card of a politician's name pasted into the sentence (The Hill): the name as shown, the full name
# run into the person's latest headlines with no space, then "MORE" ("Nikki Haley Nimrata (Nikki) HaleyHaley
# seeks to quell talk ... MORE on Monday ripped ...", "Sen. Jane Roe Jane Marie RoeSenate passes ... MORE (R-Ky.)",
# "Jane Marie RoeMORE", "Jane Roe Jane Marie Roe2020 hopefuls ... MORE"). A word of the full name must stand twice
# (shown, then in the full name), so "McConnell" or "YouTube" never starts a card. From the run-in headline to "MORE" goes; the full
# name stays.
_RUN_IN_RE = re.compile(r"(?<=[a-z'’])(?=[A-Z0-9])")
_CARD_END_RE = re.compile(r"(?:\s|(?<=[a-z'’]))MORE\b")
_FULL_NAME_RE = re.compile(r"(?:(?:[A-Z][A-Za-z.'’-]*|\([A-Z][a-z]+\))\s+){0,3}[A-Z][A-Za-z'’-]{1,30}$")
# Where a person stands in a photo ("Ismail, center, and other officials visit ...", "X, second from left, ...",
# "Putin (R) and Xi (L) ..."): a convention of captions, never of news prose.
_PHOTO_POSITION_RE = re.compile(
    r",\s*(?:(?:second|third|fourth|fifth|2nd|3rd|4th|5th)\s+(?:from\s+)?)?(?:left|right|center|centre)\s*,", re.I)
_PHOTO_SIDE_RE = re.compile(r"\((?:(?:2nd|3rd|4th|second|third)\s+)?(?:L|R|C|left|right|center|centre)\)")
_FILE_DASH_RE = re.compile(r"^\(?file\s*[-–—]+\s*\)?\s*(?=\S)", re.I)
# "FILE PHOTO: The prince attends a meeting ... 2019. REUTERS/Name/File Photo": a wire caption labelled as such.
_FILE_PHOTO_LABEL_RE = re.compile(r"^\(?file (?:photo|picture|image)\)?\s*[:\-–—]\s*(?=\S)", re.I)
# "... (Photo: AP) Story Highlights ...": a caption ending in a credit, then the story's summary bullets.
_PHOTO_LABEL_RE = re.compile(r"^.{0,400}?\((?:photo|image)s?:[^()]{1,80}\)\s*", re.I)
_HIGHLIGHTS_RE = re.compile(r"^story highlights\s*:?\s*", re.I)
# A caption line ending in a bare photo credit, with no parentheses: "... in Washington, U.S., May 11, 2017.
# REUTERS/Name", "... ©Parliament/Name/Handout via REUTERS", a handout notice to editors
# ("ATTENTION EDITORS - ..."). Only a whole line goes: after the credit no prose follows.
_BARE_CREDIT_END_RE = re.compile(
    r"(?:\bREUTERS/[A-Z][^.]{0,80}|\bREUTERS/|©\s*\S[^.]{0,160}|\bvia REUTERS\b[^.]{0,160}|\bATTENTION EDITORS\b[^.]{0,160})$")
# Another article's headline run into the body as a link ("Trump's pick faces a hearing Read more"): the headline
# states the other article's news in the present tense and is no sentence of this article. The link is written
# "Read more", capitalised: "pupils need to read more" is prose.
_READ_MORE_RE = re.compile(r"[^.!?\s]\s+Read more\s*$")
# Sixteenth round: a link the site labels as one ("More:The minister resigns over the port scandal", "PHOTOS: The
# president in Asia", "Video: the minister's remarks", "More On This..."), or a line that tells the reader to read
# something ("Read the full text of the ceasefire accord signed in Geneva", "Read or share this article: ...").
# Headline-length lines only; a line with quotation marks stays prose.
_LINK_LABEL_RE = re.compile(r"^(?:more|photos?|videos?|read|watch|story)\s*:\s*\S|^more on this\b|^read\s+(?!more\s*$)\S",
                            re.I)
_HEADLINE_MAX_WORDS = 25  # a headline is short: a longer line ending "Read more" is prose
# Nineteenth round: a transcript's speaker in capitals ("JANE ROE, HOST:", "JANE ROE: Thank you.") is no headline.
_CAPS_SPEAKER_RE = re.compile(r"^\S+(?:\s+\S+)?\s*:|:$")


def _capital_headline(s: str) -> bool:
    """Nineteenth round (fresh sample A of round 37): a whole line in capitals is a subhead or another article's
    headline ("REBELS STORM THE PORT OF ADEN", "OPPOSITION PAPERS ROUND ON THE MINISTER: 'A DAY OF SHAME'"), never a
    sentence of the story; a short name-like line or a speaker's label is left."""
    letters = [c for c in s if c.isalpha()]
    return 3 <= len(s.split()) <= _HEADLINE_MAX_WORDS and len(letters) >= 12 and not any(
        c.islower() for c in letters) and not _CAPS_SPEAKER_RE.search(s)


_AGENCIES = (
    "Reuters", "AP", "AFP", "dpa", "TASS", "Interfax", "RIA Novosti", "Xinhua", "Bloomberg", "UNIAN", "Ukrinform",
    "Associated Press", "Agence France-Presse", "ANSA", "EFE", "Kyodo", "Yonhap", "IRNA", "Anadolu", "BBC", "CNN",
    "RFE/RL", "Current Time", "Tass", "Kommersant", "Vedomosti", "Al Jazeera",
)


def parse_dateline(line: str) -> dt.date | None:
    """Return the date when `line` is only a date (a dateline), else None."""
    s = line.strip()
    if not s or len(s) > 48:
        return None
    for pat in _DATELINE_PATTERNS:
        m = pat.match(s)
        if not m:
            continue
        groups = m.groupdict()
        month = int(groups["month"]) if groups.get("month") else _MONTHS.get(groups["mon"].lower().rstrip("."))
        if not month:
            continue
        try:
            return dt.date(int(groups["year"]), month, int(groups["day"]))
        except ValueError:
            return None
    return None


def _split_wires(who: str) -> tuple[str, ...]:
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+|;\s*", who.strip().rstrip("."))
    return tuple(p.strip() for p in parts if p.strip())


def _classify(line: str) -> tuple[str | None, dict]:
    """Return (reason, facts) when the line is boilerplate, else (None, {})."""
    s = line.strip()
    low = s.lower()
    if _SEE_ALSO_RE.match(s):
        return "cross-link (see also)", {}
    if _READ_MORE_RE.search(s) and len(s.split()) <= _HEADLINE_MAX_WORDS:
        return "cross-link (another article's headline, 'Read more')", {}
    if _LINK_LABEL_RE.match(s) and len(s.split()) <= _HEADLINE_MAX_WORDS and not re.search("[\"\u201c\u201d]", s):
        return "cross-link (a labelled link: 'More:', 'Photos:', 'Read ...')", {}
    if _capital_headline(s):
        return "headline in capitals (a subhead or another article's headline)", {}
    if _REPORTER_CREDIT_RE.match(s):
        return "reporter credit", {}
    m = _WIRE_RE.match(s)
    if m and len(s) < 200:
        return "wire credit", {"wires": _split_wires(m.group("who"))}
    if _COPYRIGHT_RE.search(s) and len(s.split()) <= 40:  # a longer line is article text with a notice in it
        pub = _PUBLISHER_RE.search(s) or _PUBLISHER_FALLBACK_RE.search(s)
        return "copyright line", {"publisher": pub.group("pub").strip() if pub else None}
    if _PROMPT_RE.match(s) and len(s) < 240:
        return "newsletter or sharing prompt", {}
    if _NEWSLETTER_RE.search(s) and len(s) < 120:
        return "newsletter or sharing prompt", {}
    if _WIDGET_RE.match(s):
        return "page widget", {}
    if low.startswith(("a daily newsletter", "a weekly newsletter")):
        return "newsletter or sharing prompt", {}
    return None, {}


def _hover_card(s: str) -> tuple[int, int] | None:
    """(start, end) of the first hover card in a line: a name shown and repeated in full, run into headlines, to MORE."""
    if "MORE" not in s:
        return None  # most lines: no card can end there
    for run_in in _RUN_IN_RE.finditer(s):
        at = run_in.start()
        full = _FULL_NAME_RE.search(s, max(0, at - 60), at)
        end = _CARD_END_RE.search(s, at, at + 500)
        if full is None or end is None or "\n" in s[at:end.end()]:
            continue
        window = s[max(0, at - 160):at]
        words = {w for w in re.findall(r"[A-Z][A-Za-z'’-]+", full.group()) if len(w) > 2}
        if any(len(re.findall(rf"\b{re.escape(w)}\b", window)) > 1 for w in words):
            return at, end.end()
    return None


# A wire caption's scene sentence ends in the day the picture was taken ("... Mosul, Iraq, June 9, 2017.").
_CAPTION_DATE_END_RE = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}"
    r"|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{4})\.\s*$")


def _caption_start(s: str, credit: int) -> int:
    """Where the caption ending in a bare credit at `credit` begins: the line's start when at most one sentence
    stands before the credit (a caption line); else, after the news prose the caption was glued to, the dated scene
    sentence before the credit with it, or the credit alone."""
    ends, at = [], 0
    while at < credit and (end := _sentence_end(s[:credit], at)) < credit:
        ends.append(end)
        at = end
    if len(ends) <= 1:
        return 0  # one sentence and its credit: all caption
    if _CAPTION_DATE_END_RE.search(s, ends[-2], ends[-1]):
        return ends[-2]  # prose, then the picture's dated scene and its credit
    return ends[-1]


def strip_furniture(line: str) -> tuple[str, list[tuple[str, str]]]:
    """A body line -> (what stays, [(removed text, reason)]): captions, galleries and video widgets go.

    A line that is all caption goes whole; a caption glued in front of body prose ("FILE - In this 2019 photo,
    ... . The ministry said ...", "... (Photo: AP) Story Highlights ...") is cut off and the prose kept.
    """
    s = line.strip()
    removed: list[tuple[str, str]] = []
    if _VIDEO_LABEL_RE.match(s) and len(s) < 160 and not s.endswith((".", '"', "\u201d")):
        return "", [(s, "video widget label")]
    while (card := _hover_card(s)) is not None:
        start, end = card
        removed.append((s[start:end].strip(), "profile hover card (headlines, MORE)"))
        s = f"{s[:start]}{s[end:]}".strip()
    if _LEADING_CREDIT_RE.match(s) and len(s) < 600:
        return "", [(s, "photo caption (opens with a photo credit)")]
    if _CAPTION_LINE_RE.match(s) or (_CAPTION_WORDS_RE.search(s) and len(_CAPTION_WORDS_RE.findall(s)) >= 1
                                     and not s.endswith((".", '"', "\u201d"))):
        return "", [(s, "photo caption, gallery or video widget")]
    m = _FILE_PHOTO_RE.match(s)
    if m:
        end = _sentence_end(s, m.end())
        credit = _CREDIT_RE.match(s, end)
        end = credit.end() if credit else end
        removed.append((s[:end].strip(), "photo caption"))
        s = s[end:].strip()
    elif _FILE_DASH_RE.match(s) and _PHOTO_CREDIT_END_RE.search(s):
        return "", [(s, "photo caption")]
    elif _FILE_PHOTO_LABEL_RE.match(s):
        if len(s) < 600:  # the label, the picture's scene and its credit: one caption line
            return "", [(s, "photo caption (labelled 'FILE PHOTO')")]
        end = _sentence_end(s, _FILE_PHOTO_LABEL_RE.match(s).end())
        removed.append((s[:end].strip(), "photo caption (labelled 'FILE PHOTO')"))
        s = s[end:].strip()
    m = _PHOTO_LABEL_RE.match(s)
    if m:
        removed.append((s[:m.end()].strip(), "photo caption"))
        s = s[m.end():].strip()
    m = _HIGHLIGHTS_RE.match(s)
    if m and s[m.end():].strip():
        removed.append((s[:m.end()].strip(), "page label"))
        s = s[m.end():].strip()
    credit = _BARE_CREDIT_END_RE.search(s) if s and len(s) < 600 else None
    if credit and s[credit.start()] == "©" and (credit.start() == 0 or "copyright" in s[:credit.start()].lower()):
        credit = None  # "© 2018 Tribune Content Agency", "Copyright © 2017 ...": a copyright notice (_classify)
    if credit:
        cut = _caption_start(s, credit.start())
        removed.append((s[cut:].strip(), "photo caption (ends in a bare photo credit)"))
        s = s[:cut].strip()
    if s and _PHOTO_CREDIT_END_RE.search(s) and len(s) < 400:
        removed.append((s, "photo caption"))
        s = ""
    if s and len(s) < 400 and (_PHOTO_POSITION_RE.search(s) or len(_PHOTO_SIDE_RE.findall(s)) >= 2):
        removed.append((s, "photo caption (where a person stands in the picture)"))
        s = ""
    return s, removed


def _gallery(lines: list[str]) -> bool:
    """A photo gallery: two or more lines each doubled right after itself (blank lines between), as galleries
    print every caption twice. One doubled paragraph alone is a crawler's repeat of real prose: it keeps a copy."""
    body = [x.strip() for x in lines if x.strip()]
    return sum(1 for a, b in zip(body, body[1:], strict=False) if a == b and len(a.split()) >= 4) >= 2


def clean_text(
    raw: str,
    *,
    source: str | None = None,
    title: str | None = None,
    published: dt.date | None = None,
    url: str | None = None,
    publisher: str | None = None,
    article_id: str | None = None,
) -> Article:
    """Raw text -> Article. Requires: raw text. Provides: body, published, publisher, wires, removed.

    published: a date known from metadata; it wins over a dateline found in the text (which is then noted).
    """
    raw = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    raw = raw.replace("\u00a0", " ").replace("\ufeff", "")
    lines = raw.split("\n")
    kept: list[str] = []
    removed: list[Removal] = []
    wires: list[str] = []
    notes: list[str] = []
    dateline: dt.date | None = None
    seen_text = False
    after_newsletter = False
    seen_lines: set[str] = set()
    gallery = _gallery(lines)
    last, last_line = "", None  # the last body line kept (its number while it is the last thing kept)
    for n, line in enumerate(lines, start=1):
        s = line.strip()
        if not s:
            kept.append("")
            continue
        if not seen_text and dateline is None:
            d = parse_dateline(s)
            if d is not None:
                dateline = d
                removed.append(Removal(n, s, "dateline"))
                notes.append(f"dateline line {n}: {s!r} -> {d.isoformat()}")
                continue
        s, parts = strip_furniture(s)
        removed.extend(Removal(n, text, why) for text, why in parts)
        if not s:
            continue
        reason, facts = _classify(s)
        if reason is None and after_newsletter and len(s) < 200 and not s.endswith((".", "'", '"', "\u201d")):
            reason = "newsletter or sharing prompt"
        if reason:
            removed.append(Removal(n, s, reason))
            wires.extend(w for w in facts.get("wires", ()) if w not in wires)
            if facts.get("publisher") and not publisher:
                publisher = facts["publisher"]
            if reason.startswith("newsletter"):
                after_newsletter = True
            continue
        if s in seen_lines:  # a gallery repeats each caption; a crawler may repeat a paragraph: one copy codes
            if last == s and last_line is not None and gallery:  # doubled in a gallery: both copies go
                del kept[len(kept) - 1 - kept[::-1].index(s)]
                removed.append(Removal(last_line, s, "photo gallery caption (the line is repeated)"))
                removed.append(Removal(n, s, "photo gallery caption (the line is repeated)"))
                last, last_line = s, None
            else:
                removed.append(Removal(n, s, "repeated line (the same text earlier in the article)"))
            continue
        seen_lines.add(s)
        last, last_line = s, n
        seen_text = True
        kept.append(s)
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    if published is None:
        published = dateline
    elif dateline is not None and dateline != published:
        notes.append(f"metadata date {published.isoformat()} kept over dateline {dateline.isoformat()}")
    return Article(
        id=article_id or content_id(body),
        text=body,
        title=title,
        published=published,
        source=source,
        url=url,
        publisher=publisher,
        wires=tuple(wires),
        removed=tuple(removed),
        notes=tuple(notes),
    )


def known_agency(name: str) -> bool:
    """True when `name` is a wire agency or outlet redline knows (used to label credits)."""
    return any(name.lower() == a.lower() for a in _AGENCIES)
