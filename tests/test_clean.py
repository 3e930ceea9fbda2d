"""clean stage: datelines, boilerplate removal with reasons, publisher and wire credits."""

import datetime as dt

import pytest

from redline.stages.clean import clean_text, content_id, parse_dateline

MESSY = """Tue, 09 Mar 2021

Lithuanian officials said on Monday that border guards had detained 40 migrants near the frontier with Belarus.

READ ALSO: Minsk Denies Role In Border Crossings

The European Union pledged emergency aid to Vilnius, the interior ministry said.

(Reporting by Jane Doe; Editing by John Roe)

With reporting by AFP and Interfax

Copyright (c) 2021. Example Media, Inc. Republished with the permission of Example Radio Network, 12 Main St, Springfield

Sign up for Baltic Briefing

a weekly newsletter full of things to read on the train.
"""


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Sun, 01 Aug 2021", dt.date(2021, 8, 1)),
        ("01 Aug 2021", dt.date(2021, 8, 1)),
        ("August 1, 2021", dt.date(2021, 8, 1)),
        ("Monday, March 8, 2021 10:42 AM EST", dt.date(2021, 3, 8)),
        ("2020-02-29", dt.date(2020, 2, 29)),
        ("2021-02-30", None),  # impossible day: no dateline, never a guess
        ("30 Feb 2021", None),
        ("Russia said on June 17 2021 that", None),  # a sentence, not a dateline
        ("", None),
    ],
)
def test_parse_dateline_recognises_only_whole_date_lines(line, expected):
    assert parse_dateline(line) == expected


def test_clean_text_removes_boilerplate_with_reasons():
    art = clean_text(MESSY)
    reasons = {r.text.split()[0]: r.reason for r in art.removed}
    assert art.published == dt.date(2021, 3, 9)
    assert reasons["Tue,"] == "dateline"
    assert reasons["READ"] == "cross-link (see also)"
    assert reasons["(Reporting"] == "reporter credit"
    assert reasons["With"] == "wire credit"
    assert reasons["Copyright"] == "copyright line"
    assert reasons["Sign"] == "newsletter or sharing prompt"
    assert reasons["a"] == "newsletter or sharing prompt"
    assert art.publisher == "Example Radio Network"
    assert art.wires == ("AFP", "Interfax")
    for r in art.removed:
        assert r.text not in art.text
    assert art.text.startswith("Lithuanian officials said")
    assert art.text.endswith("the interior ministry said.")


def test_clean_text_keeps_metadata_date_over_dateline_and_notes_it():
    art = clean_text(MESSY, published=dt.date(2021, 3, 10))
    assert art.published == dt.date(2021, 3, 10)
    assert any("kept over dateline" in n for n in art.notes)


def test_clean_text_does_not_take_a_date_from_the_middle_of_the_body():
    art = clean_text("The talks opened in Vienna.\n\n12 May 2021\n\nThey closed later.")
    assert art.published is None
    assert "12 May 2021" in art.text


@pytest.mark.parametrize(
    "tagline",
    ["Twice a week, straight to your inbox.", "Delivered every Friday.", "The best of our reporting, in your inbox."],
)
def test_clean_text_removes_newsletter_taglines_ending_with_a_period(tagline):
    art = clean_text(f"Troops left the town on Monday, officials said.\n\nSign up for Morning Wire\n\n{tagline}\n")
    assert art.text == "Troops left the town on Monday, officials said."
    assert [r.reason for r in art.removed] == ["newsletter or sharing prompt"] * 2


def test_content_id_ignores_whitespace_layout():
    assert content_id("a  b\n c") == content_id("a b c")
    assert content_id("a b c") != content_id("a b d")
    assert clean_text("Body text here.").id == clean_text("Body   text here.\n").id


def test_clean_text_never_drops_news_sentences_mentioning_newsletters_in_passing():
    body = ("The ministry said the newsletter published by the opposition group had been banned by a court in "
            "Minsk last year, and its editors were detained for three weeks.")
    art = clean_text(body)
    assert art.text == body
    assert art.removed == ()


@pytest.mark.parametrize(
    "text",
    [
        # a whole article on one line, a crawler's join of its paragraphs and the notice
        "MOSCOW - Russia's foreign ministry said on Tuesday that it had summoned the ambassador of Lithuania "
        "over the transit ban on goods bound for Kaliningrad, and warned that Moscow would respond to what it "
        "called an openly hostile step. Lithuania said it was applying European Union sanctions. "
        "© 2022 Example Wire. All rights reserved.",
        # the phrase inside a sentence of the article, not a notice
        "Russia said on Monday that all rights reserved to its fleet under the 1997 treaty would be kept.",
    ],
)
def test_clean_text_keeps_a_one_line_article_that_mentions_all_rights_reserved(text):
    art = clean_text(text)
    assert art.text == text and art.removed == ()


@pytest.mark.parametrize("line", ["© 2023 Example Wire. All rights reserved.", "All Rights Reserved",
                                  "Copyright 2020 The Example Press. All rights reserved. Do not copy or republish "
                                  "this material without permission."])
def test_clean_text_still_removes_copyright_notices(line):
    art = clean_text("Ukraine said Russia shelled Kharkiv on Monday.\n\n" + line)
    assert art.text == "Ukraine said Russia shelled Kharkiv on Monday."
    assert [r.reason for r in art.removed] == ["copyright line"]


@pytest.mark.parametrize("line, kept, reason", [
    ("Enlarge this image toggle caption Jane Doe/AFP/Getty Images Jane Doe/AFP/Getty Images", "", "photo caption"),
    ("Hide caption Soldiers stand guard outside the ministry. Previous Next Jane Doe/AP", "", "photo caption"),
    ("JUST WATCHED Minister warns rebels Replay More Videos ... MUST WATCH Minister warns rebels 01:02", "",
     "video widget"),
    ("02:45", "", "video widget"),
    ("CLOSE The defence minister visited the front line on Monday. VPC", "", "video widget"),
    ("Photos: Photos: Summit in Brussels Photos: Photos: Summit in Brussels Leaders arrive", "", "gallery"),
    ("Troops at a checkpoint near the border, May 3, 2015. (Reuters photo: Jane Doe)", "", "photo caption"),
    ("FILE - In this May 2, 2019, file photo, Gen. John Smith speaks in Kabul. (AP Photo/Jane Doe)", "",
     "photo caption"),
    ("FILE - In this May 2, 2019, file photo, Sen. Mary Jones speaks in Ohio. The Senate voted on Friday.",
     "The Senate voted on Friday.", "photo caption"),
    ("In this undated handout photo, a destroyer sails. (U.S. Navy via AP) The ship entered the strait.",
     "The ship entered the strait.", "photo caption"),
    ("The envoy (Photo: Jane Doe, AP) Story Highlights The talks resume on Monday",
     "The talks resume on Monday", "photo caption"),
    ("Story highlights The minister resigned on Friday", "The minister resigned on Friday", "page label"),
    # a wire caption labelled "FILE PHOTO" goes whole, credit or not (seventh round, sample E)
    ("FILE PHOTO: The Qatari emir attends a meeting with the Turkish president in Doha, Qatar, May 4, 2018.", "",
     "photo caption"),
    ("FILE PHOTO - Soldiers march in a parade in Minsk, Belarus, July 3, 2017. REUTERS/Jane Doe/File Photo", "",
     "photo caption"),
    ("File photo: The Chilean minister signs the accord in Lima.", "", "photo caption"),
    # sixteenth round: a caption that opens with its photographer's credit
    ("Jane Doe/AP Soldiers patrol the market in Kabul, May 3, 2019.", "", "photo caption"),
    ("Mary Ann Smith/Reuters Protesters gather outside the parliament in Lima on Sept. 17.", "", "photo caption"),
])
def test_strip_furniture_removes_captions_and_widgets_with_a_reason(line, kept, reason):
    from redline.stages.clean import strip_furniture

    rest, removed = strip_furniture(line)
    assert rest == kept
    assert removed and all(why for _, why in removed)
    assert any(reason.split()[0] in why or reason.split()[-1] in why for _, why in removed)


@pytest.mark.parametrize("line", [
    "In this election, the ruling party won 40 percent of the vote.",
    "The close relationship between the two countries worries Washington.",
    "Russia recalled its ambassador, the ministry said (AP).",
    "The talks lasted until 11:30 on Tuesday night.",
    "File photos of the minister were shown at the trial: the court heard them on Monday.",
])
def test_strip_furniture_keeps_prose(line):
    from redline.stages.clean import strip_furniture

    assert strip_furniture(line) == (line, [])


def test_clean_text_records_caption_removals_and_keeps_the_prose():
    art = clean_text("FILE - In this 2019 photo, troops patrol. (AP Photo/Jane Doe)\n\n"
                     "FILE - In this May 2, 2019, file photo, a general speaks. The army withdrew from the town.\n")
    assert art.text == "The army withdrew from the town."
    assert [r.reason for r in art.removed] == ["photo caption", "photo caption"]


@pytest.mark.parametrize("line, kept, reason", [
    ("Raw video of the protests in Caracas", "", "video widget label"),
    ("Video: police clear the square", "", "video widget label"),
    ("WATCH: the minister's statement", "", "video widget label"),
    ("A minister in Lima gestures during a debate after the vote, in Lima, Peru, May 3, 2019. (Reuters TV/REUTERS)",
     "", "photo caption"),
])
def test_strip_furniture_removes_video_labels_and_tv_credits(line, kept, reason):
    from redline.stages.clean import strip_furniture

    rest, removed = strip_furniture(line)
    assert rest == kept
    assert [why for _, why in removed] == [reason]


def test_strip_furniture_cuts_a_profile_hover_card_and_keeps_the_sentence():
    from redline.stages.clean import strip_furniture

    line = ("Senator Jane Roe Jane Marie RoeRoe vows to block bill Smith: 'Roe is wrong' MORE on Monday criticised "
            "the governor John Doe John Albert DoeDoe signs budget MORE over the cuts.")
    rest, removed = strip_furniture(line)
    assert rest == ("Senator Jane Roe Jane Marie Roe on Monday criticised the governor John Doe John Albert Doe "
                    "over the cuts.")
    assert [why for _, why in removed] == ["profile hover card (headlines, MORE)"] * 2


@pytest.mark.parametrize(("line", "kept", "card"), [
    # the full name runs into another headline, not into the surname again
    ("said Sen. Jane Roe Jane Marie RoeSenate passes farm bill Five things to know about the vote MORE (R-Ky.), "
     "asked if the plan would pass.", "said Sen. Jane Roe Jane Marie Roe (R-Ky.), asked if the plan would pass.",
     "Senate passes farm bill Five things to know about the vote MORE"),
    # no headlines at all: the name runs into MORE
    ("said Sen. Jack Poe Jack Allen PoeMORE (R-La.), who backs the bill.",
     "said Sen. Jack Poe Jack Allen Poe (R-La.), who backs the bill.", "MORE"),
    # a headline that opens with a year
    ("the Ann Roe Ann Diane Rodham Roe2020 hopefuls court voters MORE affair", "the Ann Roe Ann Diane Rodham Roe affair",
     "2020 hopefuls court voters MORE"),
    # the name shown is the first name only; the surname comes after the card
    ("press secretary Ann Lee Ann Marie SmithBill Press: more briefings MORE Smith said.",
     "press secretary Ann Lee Ann Marie Smith Smith said.", "Bill Press: more briefings MORE"),
    # a surname with an inner capital: the card starts where the name is repeated, not inside "McAllister"
    ("Tom McAllister Thomas Roy McAllisterSenate panel backs bill MORE said on Monday.",
     "Tom McAllister Thomas Roy McAllister said on Monday.", "Senate panel backs bill MORE"),
])
def test_strip_furniture_cuts_hover_cards_run_into_any_headline(line, kept, card):
    from redline.stages.clean import strip_furniture

    rest, removed = strip_furniture(line)
    assert rest == kept
    assert removed == [(card, "profile hover card (headlines, MORE)")]


@pytest.mark.parametrize("line", [
    "Senate leader Tom McAllister said MORE talks were needed.",
    "The YouTube channel of the McAllister campaign posted MORE videos on Monday.",
    "Senator Jane Roe said the state needs MORE money and McAllister agreed.",
])
def test_strip_furniture_leaves_inner_capitals_and_a_shouted_more(line):
    from redline.stages.clean import strip_furniture

    assert strip_furniture(line) == (line, [])


@pytest.mark.parametrize("line", [
    "Video shows police beating protesters in the square.",
    "The senators said MORE sanctions would come.",
    "The McDonald family met the minister.",
])
def test_strip_furniture_keeps_prose_with_video_or_more(line):
    from redline.stages.clean import strip_furniture

    assert strip_furniture(line) == (line, [])


@pytest.mark.parametrize("line", [
    "The Chilean president, center, and two ministers tour the flooded town on May 4.",
    "The envoy, second from left, shakes hands with the governor at the airport.",
    "Firefighters, right, carry a stretcher near the station on Sunday.",
    "Presidents Lula (L) and Petro (R) walk to the press conference.",
])
def test_strip_furniture_removes_captions_that_place_people_in_the_picture(line):
    from redline.stages.clean import strip_furniture

    rest, removed = strip_furniture(line)
    assert rest == "" and removed[0][1].startswith("photo caption")


@pytest.mark.parametrize("line", [
    "The left, the right and the centre all voted for the budget.",  # no commas around a place in the picture
    "Senator Jane Doe (R-Ohio) said the bill would pass.",  # a party label is not a side of a photo
    "The minister, right now, is in Brussels.",
])
def test_strip_furniture_keeps_prose_with_left_or_right(line):
    from redline.stages.clean import strip_furniture

    assert strip_furniture(line) == (line, [])


def test_clean_text_removes_a_gallery_of_doubled_captions_and_a_repeated_paragraph():
    art = clean_text("The ministry said 40 people died.\n\n"
                     "A rescuer searches the rubble in the old town on May 4.\n\n"
                     "A rescuer searches the rubble in the old town on May 4.\n\n"
                     "Soldiers carry a stretcher near the port on May 4.\n\n"
                     "Soldiers carry a stretcher near the port on May 4.\n\n"
                     "The army sent troops to the town.\n\n"
                     "The ministry said 40 people died.\n")
    assert art.text == "The ministry said 40 people died.\n\nThe army sent troops to the town."
    reasons = sorted((r.line, r.reason) for r in art.removed)
    assert reasons == [(3, "photo gallery caption (the line is repeated)"),
                       (5, "photo gallery caption (the line is repeated)"),
                       (7, "photo gallery caption (the line is repeated)"),
                       (9, "photo gallery caption (the line is repeated)"),
                       (13, "repeated line (the same text earlier in the article)")]


def test_clean_text_keeps_one_copy_of_a_paragraph_doubled_alone():
    """One doubled paragraph is a crawler's repeat of real prose, not a gallery: one copy stays."""
    art = clean_text("The ministry said 40 people died.\n\n"
                     "Russia has backed the government and sent warplanes to the region.\n\n"
                     "Russia has backed the government and sent warplanes to the region.\n\n"
                     "The army sent troops to the town.\n")
    assert art.text == ("The ministry said 40 people died.\n\nRussia has backed the government and sent warplanes "
                        "to the region.\n\nThe army sent troops to the town.")
    assert [(r.line, r.reason) for r in art.removed] == [(5, "repeated line (the same text earlier in the article)")]


# Thirteenth round (issue 12): captions ending in a bare wire credit, handout notices and other articles'
# headlines run in as "Read more" links are page furniture (written for this test, no corpus text).
@pytest.mark.parametrize("line", [
    "The Kenyan president waves to supporters in Nairobi, Kenya, March 3, 2018. REUTERS/Jane Doe",
    "Soldiers patrol a street in Mosul, Iraq, June 9, 2017. REUTERS/John Roe/File Photo",
    "The Chilean minister speaks in parliament in Santiago, May 2, 2019. ©Chilean Senate/Jane Doe/Handout via REUTERS",
    "The prime minister speaks in the chamber. ATTENTION EDITORS - THIS PICTURE CAME FROM A THIRD PARTY",
])
def test_strip_furniture_removes_captions_ending_in_a_bare_credit(line):
    from redline.stages.clean import strip_furniture

    rest, removed = strip_furniture(line)
    assert rest == "" and removed[0][1] == "photo caption (ends in a bare photo credit)"


# a caption glued to the end of a news paragraph: the caption goes, the paragraph's prose stays
@pytest.mark.parametrize(("line", "kept", "caption"), [
    ("The army said on Tuesday it had driven the militants out of the old city after weeks of street fighting. "
     "Officials said a dozen soldiers died. Soldiers patrol a street in Mosul, Iraq, June 9, 2017. REUTERS/John Roe",
     "The army said on Tuesday it had driven the militants out of the old city after weeks of street fighting. "
     "Officials said a dozen soldiers died.",
     "Soldiers patrol a street in Mosul, Iraq, June 9, 2017. REUTERS/John Roe"),
    ("The ministry released footage of the talks on Monday. The two delegations met for three hours. "
     "Foreign Ministry/Handout via REUTERS",
     "The ministry released footage of the talks on Monday. The two delegations met for three hours.",
     "Foreign Ministry/Handout via REUTERS"),
])
def test_strip_furniture_cuts_a_bare_credit_caption_off_news_prose(line, kept, caption):
    from redline.stages.clean import strip_furniture

    assert strip_furniture(line) == (kept, [(caption, "photo caption (ends in a bare photo credit)")])


@pytest.mark.parametrize("line", [
    "The Reuters news agency reported that the ministry denied the claim.",
    "Reuters/Ipsos polls show the president trailing by six points.",
    "Copyright © 2019 The Example Times, LLC.",
])
def test_strip_furniture_keeps_prose_and_copyright_lines_without_a_bare_credit(line):
    from redline.stages.clean import strip_furniture

    assert strip_furniture(line) == (line, [])


@pytest.mark.parametrize("line", [
    "Chile's president sues the mining company over the spill Read more",
    "The Example view on the Brexit vote: a divided party | Editorial Read more",
])
def test_clean_text_removes_headlines_of_other_articles_before_read_more(line):
    art = clean_text("Ukraine said Russia shelled Kharkiv on Monday.\n\n" + line)
    assert art.text == "Ukraine said Russia shelled Kharkiv on Monday."
    assert [r.reason for r in art.removed] == ["cross-link (another article's headline, 'Read more')"]


@pytest.mark.parametrize("line", [
    "Teachers say pupils need to read more",
    "Why every child should read more",
    "The council's librarians have spent the whole of the past year travelling from one village school to the next "
    "with boxes of donated books, and the head of the service says that after a decade of falling scores the "
    "children of the district badly need to Read more",
])
def test_clean_text_keeps_prose_ending_in_read_more_that_is_no_link(line):
    text = "Ukraine said Russia shelled Kharkiv on Monday.\n\n" + line
    assert clean_text(text).text == text


def test_clean_text_keeps_a_sentence_that_ends_with_read_more_after_a_full_stop():
    text = "The minister said she would read the report. Critics told her to read more."
    assert clean_text(text).text == text


# Sixteenth round (fresh sample A): a link the site labels as one, or a line telling the reader to read something.
@pytest.mark.parametrize("line", [
    "More:The minister resigns over the port scandal",
    "More: Rebels seize a second town near the border",
    "PHOTOS: The prime minister visits the flooded provinces",
    "Photos: Leaders arrive for the Lisbon summit",
    "More On This... Navy sends two frigates to the gulf",
    "Read the full text of the ceasefire accord signed in Geneva",
    "Read or share this article: http://example.com/x1",
    # nineteenth round: a link labelled 'STORY:'
    "STORY: Rebels seize a second town near the border",
    "STORY:Talks on the port deal collapse in Lisbon",
])
def test_clean_text_removes_labelled_links(line):
    art = clean_text(f"The army left the town on Monday.\n\n{line}\n\nTalks resume on Friday.")
    assert art.text == "The army left the town on Monday.\n\nTalks resume on Friday."
    assert [r.reason for r in art.removed] == ["cross-link (a labelled link: 'More:', 'Photos:', 'Read ...')"]


@pytest.mark.parametrize("line", [
    "More than 40 soldiers were killed in the ambush on Monday, the army said.",
    "More recently, the ministry cut its ties with the agency.",
    "Read More",
])
def test_clean_text_keeps_prose_that_opens_like_a_link(line):
    art = clean_text(f"The army left the town on Monday.\n\n{line}")
    assert line in art.text


# Nineteenth round (fresh sample A of round 37): a whole line in capitals is a subhead or another article's headline.
@pytest.mark.parametrize("line", [
    "REBELS STORM THE PORT OF ADEN",
    "OPPOSITION PAPERS ROUND ON THE MINISTER: ‘A DAY OF SHAME’",
    "KENYA STRIKES BACK AT THE MILITANTS",
    "“A BRIDGE TOO FAR FOR LISBON”",
])
def test_clean_text_removes_headlines_in_capitals(line):
    art = clean_text(f"The army left the town on Monday.\n\n{line}\n\nTalks resume on Friday.")
    assert art.text == "The army left the town on Monday.\n\nTalks resume on Friday."
    assert [r.reason for r in art.removed] == ["headline in capitals (a subhead or another article's headline)"]


@pytest.mark.parametrize("line", [
    "JANE ROE, HOST:",
    "JOHN DOE: Thank you for having me.",
    "UNITED NATIONS",
    "The UN and NATO met in Brussels on Monday.",
])
def test_clean_text_keeps_speakers_and_short_lines_in_capitals(line):
    art = clean_text(f"The army left the town on Monday.\n\n{line}")
    assert line in art.text
