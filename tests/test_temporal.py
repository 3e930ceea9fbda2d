"""The temporal expression grammar: a table of expressions, reference dates and expected values."""

from __future__ import annotations

import datetime as dt

import pytest

from redline.knowledge.temporal import find_times, resolve

D = dt.date
REF = D(2021, 6, 17)  # a Thursday

# (expression, reference, expected date, expected enddate, precision, kind)
TABLE = [
    ("on June 17", REF, D(2021, 6, 17), D(2021, 6, 17), "day", "absolute"),
    ("17 June 2021", REF, D(2021, 6, 17), D(2021, 6, 17), "day", "absolute"),
    ("June 17, 2021", REF, D(2021, 6, 17), D(2021, 6, 17), "day", "absolute"),
    ("Thursday, June 17, 2021", REF, D(2021, 6, 17), D(2021, 6, 17), "day", "absolute"),
    ("2021-06-17", REF, D(2021, 6, 17), D(2021, 6, 17), "day", "absolute"),
    ("Sept. 11, 2001", REF, D(2001, 9, 11), D(2001, 9, 11), "day", "absolute"),
    ("the 24th of February 2022", REF, D(2022, 2, 24), D(2022, 2, 24), "day", "absolute"),
    ("on May 5", REF, D(2021, 5, 5), D(2021, 5, 5), "day", "absolute"),
    ("on 5 May", REF, D(2021, 5, 5), D(2021, 5, 5), "day", "absolute"),
    ("Feb 24", REF, D(2021, 2, 24), D(2021, 2, 24), "day", "absolute"),
    ("on December 30", D(2022, 1, 2), D(2021, 12, 30), D(2021, 12, 30), "day", "absolute"),
    ("on January 3", D(2021, 12, 30), D(2022, 1, 3), D(2022, 1, 3), "day", "absolute"),
    ("February 29, 2020", REF, D(2020, 2, 29), D(2020, 2, 29), "day", "absolute"),
    ("in 2014", REF, D(2014, 1, 1), D(2014, 12, 31), "year", "absolute"),
    ("in 2030", REF, D(2030, 1, 1), D(2030, 12, 31), "year", "future"),
    ("March 2021", REF, D(2021, 3, 1), D(2021, 3, 31), "month", "absolute"),
    ("in March of 2020", REF, D(2020, 3, 1), D(2020, 3, 31), "month", "absolute"),
    # issue 13, twelfth round: an abbreviated month before a year
    ("in Dec. 2017", REF, D(2017, 12, 1), D(2017, 12, 31), "month", "absolute"),
    ("Sept. 2016", REF, D(2016, 9, 1), D(2016, 9, 30), "month", "absolute"),
    ("in Nov 2019", REF, D(2019, 11, 1), D(2019, 11, 30), "month", "absolute"),
    ("Feb. 2020", REF, D(2020, 2, 1), D(2020, 2, 29), "month", "absolute"),
    # twelfth round: "over the summer", "during the spring": the latest such season begun by the reference date
    ("over the summer", D(2013, 10, 17), D(2013, 6, 1), D(2013, 8, 31), "year", "relative"),
    ("over the summer", D(2013, 3, 1), D(2012, 6, 1), D(2012, 8, 31), "year", "relative"),
    ("during the spring", REF, D(2021, 3, 1), D(2021, 5, 31), "year", "relative"),
    ("during the fall", REF, D(2020, 9, 1), D(2020, 11, 30), "year", "relative"),
    ("during the summer of 2012", REF, D(2012, 6, 1), D(2012, 8, 31), "year", "absolute"),
    ("in May", REF, D(2021, 5, 1), D(2021, 5, 31), "month", "absolute"),
    ("in January", REF, D(2021, 1, 1), D(2021, 1, 31), "month", "absolute"),
    ("in December", REF, D(2021, 12, 1), D(2021, 12, 31), "month", "future"),
    ("last March", REF, D(2021, 3, 1), D(2021, 3, 31), "month", "absolute"),
    ("next March", REF, D(2022, 3, 1), D(2022, 3, 31), "month", "future"),
    # issue 13, ninth round: "and a half" counts half a unit more (it was read as the vague "years ago")
    ("three and a half years ago", REF, D(2017, 1, 1), D(2017, 12, 31), "year", "relative"),
    ("more than four and a half years ago", REF, D(2016, 1, 1), D(2016, 12, 31), "year", "relative"),
    ("a year and a half ago", REF, D(2019, 1, 1), D(2019, 12, 31), "year", "relative"),
    ("two years and a half ago", REF, D(2018, 1, 1), D(2018, 12, 31), "year", "relative"),
    ("two and a half months ago", REF, D(2021, 4, 1), D(2021, 4, 30), "month", "relative"),
    ("on Wednesday", REF, D(2021, 6, 16), D(2021, 6, 16), "day", "weekday"),
    ("on Thursday", REF, D(2021, 6, 17), D(2021, 6, 17), "day", "weekday"),
    ("on Friday", REF, D(2021, 6, 11), D(2021, 6, 11), "day", "weekday"),
    ("Monday morning", REF, D(2021, 6, 14), D(2021, 6, 14), "day", "weekday"),
    ("last Thursday", REF, D(2021, 6, 10), D(2021, 6, 10), "day", "weekday"),
    ("next Tuesday", REF, D(2021, 6, 22), D(2021, 6, 22), "day", "future"),
    ("on Sunday", D(2021, 8, 1), D(2021, 8, 1), D(2021, 8, 1), "day", "weekday"),
    ("about three months ago", REF, D(2021, 3, 1), D(2021, 3, 31), "month", "relative"),
    ("almost two months ago", REF, D(2021, 4, 1), D(2021, 4, 30), "month", "relative"),
    ("two days ago", REF, D(2021, 6, 15), D(2021, 6, 15), "day", "relative"),
    ("a week ago", REF, D(2021, 6, 10), D(2021, 6, 10), "day", "relative"),
    ("nearly two years ago", REF, D(2019, 1, 1), D(2019, 12, 31), "year", "relative"),
    ("a decade ago", REF, D(2011, 1, 1), D(2011, 12, 31), "year", "relative"),
    ("hours ago", REF, D(2021, 6, 17), D(2021, 6, 17), "day", "relative"),
    ("yesterday", REF, D(2021, 6, 16), D(2021, 6, 16), "day", "relative"),
    ("today", REF, D(2021, 6, 17), D(2021, 6, 17), "day", "relative"),
    ("last night", REF, D(2021, 6, 16), D(2021, 6, 16), "day", "relative"),
    ("the day before yesterday", REF, D(2021, 6, 15), D(2021, 6, 15), "day", "relative"),
    ("tomorrow", REF, D(2021, 6, 18), D(2021, 6, 18), "day", "future"),
    ("last week", REF, D(2021, 6, 7), D(2021, 6, 13), "day", "relative"),
    # issue 13, seventeenth round: on a Sunday "last week" is the week just ending
    ("last week", D(2021, 6, 20), D(2021, 6, 14), D(2021, 6, 19), "day", "relative"),
    ("last week", D(2021, 6, 19), D(2021, 6, 7), D(2021, 6, 13), "day", "relative"),
    ("this week", REF, D(2021, 6, 14), D(2021, 6, 20), "day", "relative"),
    ("next week", REF, D(2021, 6, 21), D(2021, 6, 27), "day", "future"),
    ("last weekend", REF, D(2021, 6, 12), D(2021, 6, 13), "day", "relative"),
    ("this weekend", REF, D(2021, 6, 19), D(2021, 6, 20), "day", "relative"),
    ("last month", REF, D(2021, 5, 1), D(2021, 5, 31), "month", "relative"),
    ("next month", REF, D(2021, 7, 1), D(2021, 7, 31), "month", "future"),
    ("last month", D(2021, 1, 10), D(2020, 12, 1), D(2020, 12, 31), "month", "relative"),
    ("last year", REF, D(2020, 1, 1), D(2020, 12, 31), "year", "relative"),
    ("this year", REF, D(2021, 1, 1), D(2021, 12, 31), "year", "relative"),
    ("next year", REF, D(2022, 1, 1), D(2022, 12, 31), "year", "future"),
    ("earlier this year", REF, D(2021, 1, 1), D(2021, 6, 17), "year", "relative"),
    ("later this year", REF, D(2021, 6, 17), D(2021, 12, 31), "year", "future"),
    ("earlier this month", REF, D(2021, 6, 1), D(2021, 6, 17), "month", "relative"),
    ("early 2021", REF, D(2021, 1, 1), D(2021, 4, 30), "year", "absolute"),
    ("late last year", REF, D(2020, 9, 1), D(2020, 12, 31), "year", "relative"),
    ("mid-2020", REF, D(2020, 5, 1), D(2020, 8, 31), "year", "absolute"),
    ("since 2014", REF, D(2014, 1, 1), D(2021, 6, 17), "year", "range"),
    ("since March", REF, D(2021, 3, 1), D(2021, 6, 17), "month", "range"),
    ("between March and May", REF, D(2021, 3, 1), D(2021, 5, 31), "month", "range"),
    ("between 2014 and 2016", REF, D(2014, 1, 1), D(2016, 12, 31), "year", "range"),
    ("from March to May 2021", REF, D(2021, 3, 1), D(2021, 5, 31), "month", "range"),
    ("2014-2016", REF, D(2014, 1, 1), D(2016, 12, 31), "year", "range"),
    ("in the 1990s", REF, D(1990, 1, 1), D(1999, 12, 31), "year", "range"),
    ("over the past three months", REF, D(2021, 3, 17), D(2021, 6, 17), "month", "duration"),
    ("in the past year", REF, D(2020, 6, 17), D(2021, 6, 17), "year", "duration"),
    ("in recent months", REF, D(2021, 3, 17), D(2021, 6, 17), "month", "duration"),
    ("in recent weeks", REF, D(2021, 5, 20), D(2021, 6, 17), "day", "vague"),
    ("in recent years", REF, D(2018, 6, 17), D(2021, 6, 17), "year", "duration"),
    ("within weeks", REF, D(2021, 6, 17), D(2021, 7, 29), "day", "future"),
    ("within two months", REF, D(2021, 6, 17), D(2021, 8, 17), "month", "future"),
    ("in the coming days", REF, D(2021, 6, 17), D(2021, 6, 24), "day", "future"),
    ("in two weeks", REF, D(2021, 7, 1), D(2021, 7, 1), "day", "future"),
    ("by the end of the month", REF, D(2021, 6, 17), D(2021, 6, 30), "month", "future"),
    ("by the end of the year", REF, D(2021, 6, 17), D(2021, 12, 31), "year", "future"),
    ("at the end of last year", REF, D(2020, 12, 1), D(2020, 12, 31), "month", "relative"),
    ("by June 30", REF, D(2021, 6, 17), D(2021, 6, 30), "day", "future"),
    # issue 13: durations are no dates, "this <weekday>" is in the current week, 9/11, years of occasions
    ("over the past two weeks", REF, D(2021, 6, 3), D(2021, 6, 17), "day", "range"),
    ("for the past two years", REF, D(2019, 6, 17), D(2021, 6, 17), "year", "duration"),
    ("over the past decade", REF, D(2011, 6, 17), D(2021, 6, 17), "year", "duration"),
    ("the first time in 50 years", REF, D(1971, 6, 17), REF, "year", "duration"),
    ("the first round of talks in two months", REF, D(2021, 4, 17), REF, "month", "duration"),
    ("the worst violence in three weeks", REF, D(2021, 5, 27), REF, "day", "duration"),
    ("talks will resume in two weeks", REF, D(2021, 7, 1), D(2021, 7, 1), "day", "future"),
    ("in recent days", REF, D(2021, 6, 10), REF, "day", "vague"),
    ("in coming days", REF, REF, D(2021, 6, 24), "day", "future"),
    ("this Sunday", REF, D(2021, 6, 20), D(2021, 6, 20), "day", "future"),
    ("this Monday", REF, D(2021, 6, 14), D(2021, 6, 14), "day", "weekday"),
    ("the al-Qaeda that attacked on 9/11", REF, D(2001, 9, 11), D(2001, 9, 11), "day", "absolute"),
    ("hacked before the 2016 election", REF, D(2016, 1, 1), D(2016, 12, 31), "year", "absolute"),
    ("the 2003 invasion of Iraq", REF, D(2003, 1, 1), D(2003, 12, 31), "year", "absolute"),
    # issue 13, ninth round: a plural noun of one occasion is no count
    ("meddled in the 2016 elections", REF, D(2016, 1, 1), D(2016, 12, 31), "year", "absolute"),
    ("the 2011 protests in the capital", REF, D(2011, 1, 1), D(2011, 12, 31), "year", "absolute"),
    # issue 13, third round: a year after a possessive names the occasion's year too; "over the weekend"
    ("reached over the weekend", REF, D(2021, 6, 12), D(2021, 6, 13), "day", "weekday"),
    ("met at the weekend", D(2021, 6, 14), D(2021, 6, 12), D(2021, 6, 13), "day", "weekday"),
    ("blamed it on Bush's 2003 invasion", REF, D(2003, 1, 1), D(2003, 12, 31), "year", "absolute"),
    ("Moscow\u2019s 2014 annexation of Crimea", REF, D(2014, 1, 1), D(2014, 12, 31), "year", "absolute"),
    # issue 13, fourth round: "days ago" with no number is a vague span; offsets from the day told are read from
    # the reference date here (kind "anaphoric") and moved onto that day by the dates stage
    ("Days ago, the director warned", REF, D(2021, 6, 10), REF, "day", "vague"),
    ("weeks ago", REF, D(2021, 5, 20), REF, "day", "vague"),
    ("two days earlier", REF, D(2021, 6, 15), D(2021, 6, 15), "day", "anaphoric"),
    ("a week later", REF, D(2021, 6, 24), D(2021, 6, 24), "day", "anaphoric"),
    ("hours later", REF, REF, REF, "day", "anaphoric"),
    ("the previous night", REF, D(2021, 6, 16), D(2021, 6, 16), "day", "anaphoric"),
    ("the following day", REF, D(2021, 6, 18), D(2021, 6, 18), "day", "anaphoric"),
    ("he had left the day before.", REF, D(2021, 6, 16), D(2021, 6, 16), "day", "anaphoric"),
    # issue 13, fifth round (fresh allsides-intl sample): nights ago; an anniversary "N years ago this month"
    ("A couple of nights ago we were filming", REF, D(2021, 6, 15), D(2021, 6, 15), "day", "relative"),
    ("three nights ago", REF, D(2021, 6, 14), D(2021, 6, 14), "day", "relative"),
    ("that is how it started 15 years ago this month", REF, D(2006, 6, 1), D(2006, 6, 30), "month", "relative"),
    ("two decades ago this month", REF, D(2001, 6, 1), D(2001, 6, 30), "month", "relative"),
    # seasons: the months, with year precision (like "early 2021"); "last" is the latest one ended
    ("a law passed last summer", REF, D(2020, 6, 1), D(2020, 8, 31), "year", "relative"),
    ("last summer", D(2021, 10, 5), D(2021, 6, 1), D(2021, 8, 31), "year", "relative"),
    ("talks planned for next spring", REF, D(2022, 3, 1), D(2022, 5, 31), "year", "future"),
    ("in the fall of 2016", REF, D(2016, 9, 1), D(2016, 11, 30), "year", "absolute"),
    # a possessive keeps the preposition before it out: "in last week's attack" dates the attack, not "in"
    ("condemned the use of gas in last week's attack", REF, D(2021, 6, 7), D(2021, 6, 13), "day", "relative"),
    # issue 13, sixth round (fresh allsides-intl sample P): named days, the year closest to the reference date
    ("the minister spoke on New Year's Eve", D(2022, 1, 2), D(2021, 12, 31), D(2021, 12, 31), "day", "absolute"),
    ("troops landed late on Christmas night", D(2020, 12, 27), D(2020, 12, 25), D(2020, 12, 25), "day", "absolute"),
    ("a truce agreed on Christmas Eve", D(2021, 1, 10), D(2020, 12, 24), D(2020, 12, 24), "day", "absolute"),
    ("the rally held on Thanksgiving", D(2019, 12, 1), D(2019, 11, 28), D(2019, 11, 28), "day", "absolute"),
    ("over Thanksgiving", D(2018, 12, 26), D(2018, 11, 22), D(2018, 11, 22), "day", "absolute"),
    ("on New Year’s Day", REF, D(2021, 1, 1), D(2021, 1, 1), "day", "absolute"),
    ("the attack on Halloween", D(2017, 11, 2), D(2017, 10, 31), D(2017, 10, 31), "day", "absolute"),
    ("The day before Thanksgiving, the general warned", D(2018, 12, 26), D(2018, 11, 21), D(2018, 11, 21), "day",
     "absolute"),
    # "earlier in the day", "later that day": the day the text is telling (read here from the reference date)
    ("a tweet earlier in the day", REF, REF, REF, "day", "anaphoric"),
    ("later that day the army withdrew", REF, REF, REF, "day", "anaphoric"),
    # "since" looks back: "since May" in a January article is the May before it
    ("has sent troops since May", D(2020, 1, 1), D(2019, 5, 1), D(2020, 1, 1), "month", "range"),
    ("detained since December 28", D(2020, 1, 10), D(2019, 12, 28), D(2020, 1, 10), "day", "range"),
    # issue 13, eighth round (fresh allsides-intl sample P2): Easter, a movable feast (the Gregorian computus)
    ("the envoy flew in over Easter weekend", D(2018, 4, 17), D(2018, 3, 30), D(2018, 4, 2), "day", "absolute"),
    ("a march on Easter Sunday", D(2019, 5, 2), D(2019, 4, 21), D(2019, 4, 21), "day", "absolute"),
    ("the truce broke on Good Friday", D(2016, 4, 1), D(2016, 3, 25), D(2016, 3, 25), "day", "absolute"),
    ("clashes on Easter Monday", D(2024, 4, 10), D(2024, 4, 1), D(2024, 4, 1), "day", "absolute"),
    ("at Easter, the pope spoke", D(2025, 5, 1), D(2025, 4, 20), D(2025, 4, 20), "day", "absolute"),
    # "in the same month", "later that same day": the period the text is telling (read here from the reference
    # date; the dates stage moves it onto the expression before it)
    ("In the same month, the envoy resigned", REF, D(2021, 6, 1), D(2021, 6, 30), "month", "same_period"),
    ("later that same day", REF, REF, REF, "day", "same_period"),
    ("in the same year.", REF, D(2021, 1, 1), D(2021, 12, 31), "year", "same_period"),
    # issue 13, fifteenth round (fresh300 articles 101-160): a month of a year named relative to the reference date
    ("In August of last year, a drone killed the commander", REF, D(2020, 8, 1), D(2020, 8, 31), "month", "absolute"),
    ("the envoy resigned in October last year", REF, D(2020, 10, 1), D(2020, 10, 31), "month", "absolute"),
    ("held since September of last year", REF, D(2020, 9, 1), REF, "month", "range"),
    ("the minister visited in February of this year", REF, D(2021, 2, 1), D(2021, 2, 28), "month", "absolute"),
    ("a summit in March of next year", REF, D(2022, 3, 1), D(2022, 3, 31), "month", "future"),
    # "this past week" is the week up to the reference date, "this past weekend" the weekend just gone
    ("the two sides traded accusations this past week", REF, D(2021, 6, 10), REF, "day", "range"),
    ("the leaders gathered this past weekend", REF, D(2021, 6, 12), D(2021, 6, 13), "day", "weekday"),
    # issue 13, sixteenth round: "this past April" is the last April before the reference date, like "last April"
    ("the parties signed treaties this past April", REF, D(2021, 4, 1), D(2021, 4, 30), "month", "absolute"),
    ("the council reported this past September", REF, D(2020, 9, 1), D(2020, 9, 30), "month", "absolute"),
    # a bare month between a determiner or a possessive and an occasion noun names the occasion's month
    ("the rebels claimed the March attack", REF, D(2021, 3, 1), D(2021, 3, 31), "month", "absolute"),
    ("the senator wrote in a February letter", REF, D(2021, 2, 1), D(2021, 2, 28), "month", "absolute"),
    ("the army's April offensive", REF, D(2021, 4, 1), D(2021, 4, 30), "month", "absolute"),
    ("the rebels claimed the September attack", REF, D(2020, 9, 1), D(2020, 9, 30), "month", "absolute"),
    ("the bill faces a September vote", REF, D(2021, 9, 1), D(2021, 9, 30), "month", "future"),
]


def test_table_is_large_enough():
    assert len(TABLE) >= 60


@pytest.mark.parametrize(("expression", "reference", "date", "enddate", "precision", "kind"), TABLE)
def test_resolve_expression_gives_expected_value(expression, reference, date, enddate, precision, kind):
    t = resolve(expression, reference)
    assert t is not None, expression
    assert (t.date, t.enddate, str(t.precision), t.kind) == (date, enddate, precision, kind), t.reason
    assert t.reason


@pytest.mark.parametrize(
    "text",
    [
        "Theresa May said the vote would go ahead.",
        "He spoke the night before the election.",
        "The fall of Saigon ended the war.",
        "More than 2,014 people signed the letter.",
        "Troops marched through the capital.",
        "The May government fell.",
        "The fund holds $2014 in cash.",
        "March on Washington organisers met the mayor.",
        "He may resign.",
        "The 2000 soldiers crossed the river.",
        "The company's 2000 employees went on strike.",
        "The 2000 rebels crossed the river.",
        "Route 9/110 was closed.",
        "Merry Christmas to all our readers.",
        "He spent the Christmas holidays at his resort.",
        "Thanksgiving dinner was cancelled.",
        # issue 13, eighth round: a greeting, a holiday season, a day named by the clause after it
        "Happy Easter to all our readers.",
        "The Easter holidays were quiet.",
        "The envoy flew to Moscow the same day he issued the pass.",
        "At the same time, the army withdrew.",
        # tenth round: a newspaper named after the day it appears
        "The minister told the Sunday Telegraph that the plan was dead.",
        "The Mail on Sunday published the letter.",
        "An editorial in the Sunday Times called for calm.",
        # eleventh round: a law named with the year it was passed
        "The mayor threatened to invoke the Emergency Powers Act of 1920.",
        "Lawyers cited the War Powers Resolution of 1973 and the Espionage Act of 1917.",
        "He was charged under the Computer Fraud Law of 1986.",
        # fifteenth round: a bare month before a noun that names no occasion, or after no determiner
        "The May government fell after the vote.",
        "Theresa May attack ads ran on television.",
        "The June bride wore white.",
        # sixteenth round: "past" alone before a month is no date ("this past April" is)
        "The minister walked past May and the envoy.",
        # nineteenth round: a medium named with a day word ("Today", "This Morning")
        "The general told USA Today that the plan was dead.",
        "Her mother told state-run Russia Today that the charges were invented.",
        "The senator said on CBS This Morning that he would vote no.",
    ],
)
def test_find_times_ignores_non_dates(text):
    assert find_times(text, REF) == []


@pytest.mark.parametrize(
    ("expression", "reason_part"),
    [
        ("February 30", "impossible date"),
        ("on 31 April 2021", "impossible date"),
        ("February 29, 2021", "impossible date"),
        ("in the year 0200", "out of range"),
        ("since 0200", "out of range"),
    ],
)
def test_resolve_bad_date_stays_empty_with_reason(expression, reason_part):
    t = resolve(expression, REF)
    assert t is not None
    assert t.date is None and t.enddate is None and t.precision is None
    assert reason_part in t.reason


@pytest.mark.parametrize("expression", ["on Wednesday", "three months ago", "last week", "on June 17", "in May"])
def test_resolve_without_reference_stays_empty(expression):
    t = resolve(expression, None)
    assert t is not None and t.date is None
    assert "reference" in t.reason


@pytest.mark.parametrize(
    ("expression", "date"),
    [("in 2014", D(2014, 1, 1)), ("17 June 2021", D(2021, 6, 17)), ("March 2021", D(2021, 3, 1))],
)
def test_resolve_absolute_needs_no_reference(expression, date):
    assert resolve(expression, None).date == date


def test_find_times_gives_character_offsets():
    text = "Peskov said on June 17 that talks would start within weeks."
    times = find_times(text, REF)
    assert [text[t.start:t.end] for t in times] == ["on June 17", "within weeks"]
    assert [t.kind for t in times] == ["absolute", "future"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the worst fighting in decades", []),
        ("for the first time in years", []),
        ("he told USA TODAY on Monday", ["on Monday"]),
        # a sentence's opening "Today" and a title-case headline keep their day (nineteenth round)
        ("Today the minister resigned, the aide said.", ["Today"]),
        ("Mayor Signs The Budget Today", ["Today"]),
        ("she had spent the last two weeks abroad", ["the last two weeks"]),
        ("within decades", ["within decades"]),
        ("some 9000 years ago", ["some 9000 years ago"]),
        ("Canada condemns the use of gas in last week's attack", ["last week"]),
        ("the army struck on Monday and two days later withdrew", ["on Monday", "two days later"]),
        # tenth round: the name of a Sunday newspaper is no date; a Sunday before it still is
        ("the Sunday Times reported on Monday that talks failed", ["on Monday"]),
        ("he told the Sunday paper on Sunday", ["Sunday", "on Sunday"]),
        # eleventh round: a law's year is its name; the year of a revolution still dates it
        ("they invoked the Insurrection Act of 1807 in 1992", ["in 1992"]),
        ("after the revolution of 1979", ["1979"]),
    ],
)
def test_find_times_spans(text, expected):
    assert [t.text for t in find_times(text, REF)] == expected


def test_find_times_out_of_range_arithmetic_stays_empty():
    t = find_times("some 9000 years ago", REF)[0]
    assert t.date is None and t.reason
