"""The plain terminal table the table format prints (redline/cli/table.py)."""

from redline.cli.table import cell_len, fold, render


def _body(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if ln.startswith("│")]


def test_every_line_fits_the_width_and_cells_fold_whole_words():
    sentence = "Officials in the capital said the talks would resume next week after a pause of several months."
    out = render(["id", "event", "text"], [["a1b2c3d4e5f6~12", "CONSULT", sentence]], width=60)
    lines = out.splitlines()
    assert all(cell_len(ln) == 60 for ln in lines)  # every line exactly the table's width
    cells = [[c.strip() for c in ln.split("│")[1:-1]] for ln in _body(out)]
    assert cells[0][0] == "a1b2c3d4e5f6~12"  # an id is kept whole while the sentence can give way
    assert " ".join(c[2] for c in cells if c[2]) == sentence  # folded, nothing lost
    assert len(cells) > 1


def test_header_rules_and_title_are_drawn():
    out = render(["a", "b"], [["1", "2"]], title="Alerts", width=40)
    lines = out.splitlines()
    assert lines[0].strip() == "Alerts"
    assert lines[1].startswith("┏") and lines[1].endswith("┓")
    assert [c.strip() for c in lines[2].split("┃")[1:-1]] == ["a", "b"]
    assert lines[3].startswith("┡") and lines[-1].startswith("└")
    assert _body(out) == [lines[4]]


def test_no_rows_gives_an_empty_table_with_its_header():
    out = render(["event", "count"], [])
    assert "event" in out and not _body(out)


def test_wide_characters_count_two_columns():
    assert cell_len("北京") == 4 and cell_len("Kyiv") == 4 and cell_len("e\u0301") == 1
    out = render(["place", "n"], [["北京市政府", "3"]], width=30)
    assert len({cell_len(ln) for ln in out.splitlines()}) == 1  # the box stays aligned


def test_fold_cuts_words_longer_than_a_line_and_keeps_line_breaks():
    assert fold("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    assert fold("one two\nthree", 20) == ["one two", "three"]
    assert fold("", 5) == [""]


def test_too_many_columns_still_give_a_table_no_wider_than_asked_where_possible():
    header = [f"column{i}" for i in range(8)]
    out = render(header, [[f"value{i} with words" for i in range(8)]], width=120)
    assert max(cell_len(ln) for ln in out.splitlines()) <= 120
