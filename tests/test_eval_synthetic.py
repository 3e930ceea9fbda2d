"""The NGEC synthetic-stories reader: columns, labels, slot fills and the split by headline template."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest

from redline.errors import InputError
from redline.evaluate.synthetic import names, read_stories, slot_fills, template_split

TYPES = {"ASSAULT", "PROTEST", "AGREE"}


def _csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["disclaimer", "text", "title", "source", "prompt", "label", "mode"])
    writer.writeheader()
    for row in rows:
        writer.writerow({"disclaimer": "made up", "source": "AP", **row})
    return out.getvalue()


ROW = {"text": "Dock workers in Mombasa walked off the job on Friday.", "title": "{country_1} Dock Workers Walk Out",
       "prompt": "Kenya Dock Workers Walk Out\n\n(AP) --", "label": "protest", "mode": "STRIKE"}


def test_slot_fills_read_each_slot_from_the_filled_headline():
    assert slot_fills("{country_1} Troops Shell Villages Near {city}", "Chad Troops Shell Villages Near Abeche") == (
        ("country_1", "Chad"), ("city", "Abeche"))
    assert slot_fills("{country_1} and {country_2} Sign Water Pact", "Peru and Chile Sign Water Pact") == (
        ("country_1", "Peru"), ("country_2", "Chile"))
    assert slot_fills("{country_1} Bans Rallies", "A different headline") == ()


def test_split_is_by_template_so_stories_of_one_headline_stay_together():
    assert template_split("{country_1} Bans Rallies") == template_split("{country_1} Bans Rallies")
    splits = {template_split(f"Headline number {i} about {{country_1}}") for i in range(20)}
    assert splits == {"dev", "test"}


def test_reader_takes_the_csv_or_its_zip(tmp_path):
    text = _csv([ROW, {**ROW, "label": "AGREE", "mode": ""}])
    plain = tmp_path / "stories.csv"
    plain.write_text(text, encoding="utf-8")
    zipped = tmp_path / "stories.csv.zip"
    with zipfile.ZipFile(zipped, "w") as zf:
        zf.writestr("stories.csv", text)
    for path in (plain, zipped):
        first, second = read_stories(path, types=TYPES)
        assert (first.label, first.mode, first.headline, first.slots) == (
            "PROTEST", "strike", "Kenya Dock Workers Walk Out", (("country_1", "Kenya"),))
        assert (second.label, second.mode) == ("AGREE", None)


def test_reader_names_the_file_and_the_reason(tmp_path):
    bad_label = tmp_path / "labels.csv"
    bad_label.write_text(_csv([{**ROW, "label": "CELEBRATE"}]), encoding="utf-8")
    with pytest.raises(InputError, match=r"labels\.csv: row 1: unknown PLOVER label 'CELEBRATE'"):
        read_stories(bad_label, types=TYPES)
    no_cols = tmp_path / "other.csv"
    no_cols.write_text("id,text\n1,hello\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"other\.csv: not an NGEC synthetic-stories file"):
        read_stories(no_cols, types=TYPES)
    empty_zip = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty_zip, "w") as zf:
        zf.writestr("readme.txt", "nothing")
    with pytest.raises(InputError, match="expected one .csv inside the zip"):
        read_stories(empty_zip, types=TYPES)


def test_a_story_names_its_country_or_city_only_as_a_whole_word():
    assert names("Troops from Niger crossed the river.", "Niger")
    assert names("The talks in SAN JOSE ended.", "San Jose")
    assert not names("Nigeria and its Nigerian troops", "Niger")
    assert not names("The Omani envoy arrived.", "Oman")
