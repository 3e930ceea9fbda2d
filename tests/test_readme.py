"""Every command of the README's "What it does" block, run as written (in a folder holding the files it names)
against a small store built by its own `redline ingest` line, and checked for what its comment promises."""

from __future__ import annotations

import json
import os
import re
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent

# Two short articles written for this test: an assault on Ukraine, a Kremlin red-line warning with a quote, a
# negated attack (not asserted), and a publisher line the clean stage reads.
ARTICLES = {
    "kremlin.txt": (
        "Thu, 17 Jun 2021\n\n"
        "Russian forces shelled the Ukrainian town of Avdiivka on Thursday, Ukraine's military said.\n\n"
        "'Any NATO base in Ukraine is a red line for us,' Kremlin spokesman Dmitry Peskov told journalists on Thursday.\n\n"
        "Russia did not attack Kharkiv, officials said.\n\n"
        "Republished with the permission of Example Wire, 1 Main Street\n"
    ),
    "donetsk.txt": (
        "Wed, 16 Jun 2021\n\n"
        "Russia attacked Ukrainian positions near Donetsk on Wednesday, killing two soldiers.\n\n"
        "The United States condemned the attack on Wednesday.\n"
    ),
}
# A PETRARCH verb dictionary (TABARI patterns) naming a verb redline's own lexicon lacks ("reprove";
# "upbraid" served until the seventh recall round added it to the built-in lexicon).
VERBPATTERNS = "--- DISAPPROVE [110] ---\nREPROVE\n- * [111]\n\n--- ACCUSE [112] ---\nHARANGUE\n- * [112]\n"
REPROVE = "Ukraine reproved Russia on Thursday."
# Three attacks by the same group, which the built-in actors code as Ukrainian rebels (from "fighters" and the
# place): the analyst corrects all three to RUS/MIL, so `redline reviews suggest` has a repeated correction.
WAGNER = (
    "Mon, 14 Jun 2021\n\n"
    "Wagner fighters shelled Ukrainian positions near Luhansk on Monday.\n\n"
    "On Monday, Wagner fighters attacked a Ukrainian checkpoint near Horlivka.\n\n"
    "Wagner fighters also fired on Ukrainian troops near Mariupol on Monday, the army said.\n"
)
PETRARCH = "FREEDONIA_ [FRD]\n+FREEDONIAN_\nRUFUS_T._FIREFLY_\n\t[FRDGOV 330101-350101]\n"
GOLD = [{"id": "g1", "text": "Russia attacked Ukraine on Monday.", "event": "ASSAULT", "date": "2021-06-14",
         "source": [{"actorText": "Russia", "code": "RUS"}], "target": [{"actorText": "Ukraine", "code": "UKR"}]},
        {"id": "g2", "text": "France praised Germany.", "event": "SUPPORT", "date": "2021-06-14",
         "source": [{"actorText": "France", "code": "FRA"}], "target": [{"actorText": "Germany", "code": "DEU"}]}]


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## What it does", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    return [line.split("  #")[0].strip() for line in block.splitlines() if line.startswith("redline ")]


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    """A folder holding every file the README lines name (../shared/... is a small gold file beside it)."""
    base = tmp_path_factory.mktemp("readme")
    work = base / "work"
    (work / "corpus").mkdir(parents=True)
    (work / "inbox").mkdir()
    for name, text in ARTICLES.items():
        (work / "corpus" / name).write_text(text, encoding="utf-8")
    (work / "article.txt").write_text(ARTICLES["kremlin.txt"] + f"\n{REPROVE}\n", encoding="utf-8")
    (work / "wagner.txt").write_text(WAGNER, encoding="utf-8")
    (work / "CAMEO.verbpatterns.150430.txt").write_text(VERBPATTERNS, encoding="utf-8")
    (work / "corpus.jsonl").write_text("".join(json.dumps({"id": n, "text": t}) + "\n" for n, t in ARTICLES.items()),
                                       encoding="utf-8")
    (work / "Phoenix.Countries.actors.txt").write_text(PETRARCH, encoding="utf-8")
    gold = base / "shared" / "anchors" / "plover" / "PLOVER_GSR_CAMEO.json"
    gold.parent.mkdir(parents=True)
    gold.write_text(json.dumps(GOLD), encoding="utf-8")
    return work


class Run:
    """Runs README lines in `work` with a clean settings environment (the default store ./redline.duckdb)."""

    def __init__(self, work: Path, monkeypatch):
        self.work = work
        monkeypatch.chdir(work)
        for name in ("REDLINE_CONFIG", "REDLINE_DB", "REDLINE_WORKERS"):
            monkeypatch.delenv(name, raising=False)

    def __call__(self, line: str, **subs: str):
        from redline.cli import cli

        args = shlex.split(line)[1:]
        args = [subs.get(a, a) for a in args]
        result = CliRunner().invoke(cli, args, env={"COLUMNS": "400"}, catch_exceptions=False)
        return result


def _table_rows(output: str) -> list[list[str]]:
    return [[c.strip() for c in line.split("│")[1:-1]] for line in output.splitlines() if line.startswith("│")]


def _header(output: str) -> list[str]:
    line = next(ln for ln in output.splitlines() if ln.startswith("┃"))
    return [c.strip() for c in line.split("┃")[1:-1]]


# ---- each README line and what its comment promises ----------------------------------------------------------

def check_extract_table(run):
    out = run("redline extract article.txt --format table").output
    assert _header(out) == ["article", "date", "event", "mode", "actor", "recipient", "cameo", "factuality",
                            "event_text", "text"]
    rows = _table_rows(out)
    assert rows and {r[7] for r in rows if r[7]} == {"asserted"}  # asserted events only
    assert any(r[2] == "ASSAULT" and r[4].startswith("RUS") for r in rows)


def check_extract_all(run):
    result = run("redline extract article.txt --all")
    events = [json.loads(line) for line in result.output.splitlines()]
    assert all(e["factuality"] for e in events)
    assert {"asserted", "negated"} <= {e["factuality"] for e in events}  # "did not attack" is there, negated
    assert all(e["text"] and e["factuality_reason"] for e in events)


def check_explain(run):
    out = run('redline explain "Russia amassed troops on the border."').output
    for part in ("parse:", "actor mentions:", "'Russia'", "rules:", "events:", "MOBILIZE", "factuality: asserted"):
        assert part in out, part
    nothing = run('redline explain "Russia painted the fence."').output
    assert "(none)" in nothing.split("events:")[1]  # and why nothing was coded: the rules say


def check_ingest(run):
    first = run("redline ingest corpus/ --workers 2")
    assert first.exit_code == 0, first.output
    assert "into redline.duckdb: read 2, coded 2, duplicate 0, already stored 0, failed 0" in first.output
    again = run("redline ingest corpus/ --workers 2")
    assert "read 2, coded 0, duplicate 0, already stored 2, failed 0, events 0" in again.output  # idempotent


def check_events(run):
    out = run("redline events --actor RUS --recipient UKR --event ASSAULT --since 2014-01-01 --format table").output
    header = _header(out)
    assert header == ["id", "date", "event", "mode", "actor", "recipient", "cameo", "factuality", "num_mentions",
                      "num_articles", "text"]
    rows = _table_rows(out)
    assert rows and all(r[2] == "ASSAULT" and "RUS" in r[4] and "UKR" in r[5] and r[1] >= "2014" for r in rows)


def _event_id() -> str:
    from redline.store import Store

    with Store("redline.duckdb", read_only=True) as s:
        return s.events(actor="RUS", event="ASSAULT", limit=1)[0]["id"]


def check_event(run):
    eid = _event_id()
    out = run("redline event EVENT_ID", EVENT_ID=eid).output
    assert out.startswith(eid) and "ASSAULT" in out.splitlines()[0] and "mentions" in out.splitlines()[0]
    assert _header(out) == ["published", "article", "url", "rule", "evidence"]
    assert any("shelled" in r[4] or "attacked" in r[4] for r in _table_rows(out))


def check_export(run):
    jsonschema = pytest.importorskip("jsonschema")
    from redline.plover import event_schema

    result = run("redline export -o events.jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in Path("events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows
    for r in rows:
        jsonschema.validate(r, event_schema())
    assert Path("events.jsonl.quotes.jsonl").exists()


def check_quotes(run):
    out = run("redline quotes --speaker Peskov").output
    header = _header(out)
    assert {"date", "speaker", "text", "outlet"} <= set(header)
    rows = [dict(zip(header, r, strict=True)) for r in _table_rows(out)]
    assert rows and all(r["speaker"] == "Dmitry Peskov" and r["date"] == "2021-06-17" and r["outlet"] == "Example Wire"
                        for r in rows if r["speaker"])
    assert any("red line for us" in r["text"] for r in rows)


def check_dyads(run):
    out = run("redline dyads").output
    assert _header(out)[:3] == ["actor", "recipient", "events"]
    assert ["RUS", "UKR"] in [r[:2] for r in _table_rows(out)]


def check_timeline(run):
    out = run("redline timeline --actor RUS --recipient UKR --by month").output
    rows = _table_rows(out)
    assert _header(out)[:2] == ["period", "events"] and [r[0] for r in rows] == ["2021-06"] and int(rows[0][1]) >= 2


def check_alerts(run):
    out = run("redline alerts").output
    assert _header(out) == ["kind", "period", "actor", "recipient", "score", "summary", "evidence"]
    rows = _table_rows(out)
    red = [r for r in rows if r[0] == "red line"]
    assert red and red[0][2] == "RUS" and "red line drawn by RUS (Dmitry Peskov)" in red[0][5]
    assert "a red line for us" in out  # the evidence sentence (Peskov's quote), quoted


def check_digest(run):
    out = run("redline digest --date 2021-06-17 --format md").output
    assert out.startswith("# redline digest: 2021-06-17")
    for section in ("## Top dyads", "## New alerts", "## Key quotes"):
        assert section in out
    assert "RUS -> UKR" in out and "](http://127.0.0.1:8000/#event=" in out


def _served(run, monkeypatch, line: str) -> dict:
    """Run a `redline serve` line with the server itself replaced by a recorder of what it was asked to serve."""
    import redline.web.serve as web_serve

    served = {}
    monkeypatch.setattr(web_serve, "serve", lambda db, **kw: served.update(db=db, **kw))
    result = run(line)
    assert result.exit_code == 0, result.output
    return served


def check_serve(run, monkeypatch):
    from fastapi.testclient import TestClient

    from redline.web.app import create_app

    served = _served(run, monkeypatch, "redline serve")
    assert (served["db"], served["host"], served["port"]) == ("redline.duckdb", "127.0.0.1", 8000)
    assert served["watch_dir"] is None and not served["read_only"]
    with TestClient(create_app(served["db"], read_only=True), base_url="http://127.0.0.1") as client:
        assert "<html" in client.get("/").text.lower()
        body = client.get("/events", params={"actor": "RUS"}).json()
        assert body["ok"] and body["data"]


def check_serve_watch(run, monkeypatch):
    from redline.watch import parse_interval

    served = _served(run, monkeypatch, "redline serve --watch inbox/ --every 15m")
    assert served["watch_dir"] == "inbox/" and parse_interval(served["every"]) == 15 * 60
    assert not served["read_only"]  # the server owns the store it watches into


def check_actor(run):
    out = run('redline actor "Kremlin spokesman Dmitry Peskov" --date 2021-06-17').output
    (row,) = _table_rows(out)
    values = dict(zip(_header(out), row, strict=True))
    assert (values["code"], values["identifier_text"]) == ("RUS", "Dmitry Peskov") and values["office"]
    assert values["reason"]


def check_import_petrarch(run):
    result = run("redline actors import-petrarch Phoenix.Countries.actors.txt -o my_actors.csv")
    assert result.exit_code == 0, result.output
    lines = Path("my_actors.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("kind,names,code,sector,office")
    assert "country,Freedonia;Freedonian,FRD" in lines[1] and "Rufus T. Firefly" in lines[2]
    used = run('redline actor "Rufus T. Firefly" --date 1934-01-01 --actors my_actors.csv --format json')
    assert json.loads(used.output)[0]["code"] == "FRD"


def check_import_verbs(run):
    result = run("redline lexicon import-petrarch CAMEO.verbpatterns.150430.txt -o my_lexicon.txt")
    assert result.exit_code == 0, result.output
    text = Path("my_lexicon.txt").read_text(encoding="utf-8")
    assert "reprove | ACCUSE/disapprove | 111" in text and "harangue | ACCUSE/allege | 112" in text


def _reprove_events(output: str) -> list[dict]:
    events = [json.loads(line) for line in output.splitlines() if line.startswith("{")]  # not the lexicon's note
    return [e for e in events if e["text"] == REPROVE]


def check_extract_lexicon(run):
    assert _reprove_events(run("redline extract article.txt --format jsonl").output) == []  # not without it
    result = run("redline extract article.txt --lexicon my_lexicon.txt")
    assert result.exit_code == 0, result.output
    (e,) = _reprove_events(result.output)
    assert (e["event"], e["cameo"], e["actor"][0]["code"], e["recipient"][0]["code"]) == (["ACCUSE"], "111", "UKR",
                                                                                          "RUS")


def check_eval(run):
    result = run("redline eval ../shared/anchors/plover/PLOVER_GSR_CAMEO.json --json")
    report = json.loads(result.output)
    assert report["sentences"] == 2
    assert {"precision", "recall", "f1"} <= set(report["event_type"]) and 0 <= report["event_type"]["f1"] <= 1
    assert "triple" in report and "actor_country_accuracy" in report


def check_watch(run):
    """Runs for real (a subprocess), ingests what lands in inbox/, and stops cleanly on Ctrl-C."""
    (run.work / "inbox" / "new.txt").write_text(ARTICLES["donetsk.txt"].replace("two", "three"), encoding="utf-8")
    old = time.time() - 60
    os.utime(run.work / "inbox" / "new.txt", (old, old))
    # Ctrl-C reaches a command run in the foreground; one started from a background job (`pytest ... &`) inherits
    # SIGINT ignored, across exec, and would sleep through it: give the child the foreground's disposition
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        proc = subprocess.Popen([sys.executable, "-m", "redline", *shlex.split("watch inbox/ --every 15m")],
                                cwd=run.work, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env={k: v for k, v in os.environ.items() if not k.startswith("REDLINE_")})
    finally:
        signal.signal(signal.SIGINT, previous)
    try:
        line = proc.stdout.readline()
        assert re.search(r"cycle 1: 1 new or changed file\(s\): read 1, coded 1", line), line
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0 and "watch stopped" in err
    again = subprocess.run([sys.executable, "-m", "redline", "watch", "inbox/", "--once"], cwd=run.work,
                           capture_output=True, text=True, timeout=600)
    # restarted: the file ingested before is known unchanged and not read again, nothing is stored twice
    assert "read 0, coded 0" in again.stdout and "unchanged 1 (ingested before)" in again.stdout, again.stdout


def check_bench(run):
    result = run("redline bench corpus.jsonl --limit 500 --json")
    report = json.loads(result.output)
    assert report["articles"] == 2
    for key in ("articles_per_s", "words_per_s", "ratio", "peak_rss_mb"):
        assert isinstance(report[key], (int, float)) and report[key] > 0, key


def check_runs(run):
    out = run("redline runs").output
    header = _header(out)
    assert header == ["id", "status", "started", "finished", "read", "coded", "duplicate", "already_stored", "failed",
                      "events", "inputs"]
    rows = [dict(zip(header, r, strict=True)) for r in _table_rows(out)]
    assert any(r["coded"] == "2" and r["failed"] == "0" and r["status"] == "ok" for r in rows)


def _reviewed_id() -> str:
    """The event the README's review line corrects: a Russian assault without a mode (ACCUSE takes none of
    ASSAULT's modes)."""
    from redline.store import Store

    with Store("redline.duckdb", read_only=True) as s:
        return next(e["id"] for e in s.events(actor="RUS", event="ASSAULT", limit=None) if not e.get("mode"))


def _corrected_id() -> str:
    """The event the README's review line corrected (found by its review)."""
    from redline.store import Store

    with Store("redline.duckdb", read_only=True) as s:
        (review,) = [r for r in s.reviews(limit=None) if r["event"] == "ACCUSE"]
        return review["event_id"]


def check_review(run):
    from redline.store import Store

    eid = _reviewed_id()
    result = run("redline review EVENT_ID --set event=ACCUSE --set actor=RUS", EVENT_ID=eid)
    assert result.exit_code == 0, result.output
    assert "corrected" in result.output and "ACCUSE" in result.output
    with Store("redline.duckdb", read_only=True) as s:
        (review,) = s.reviews(event_id=eid, limit=None)
    assert (review["verdict"], review["event"], review["changed"]) == ("corrected", "ACCUSE", ["event"])
    assert [p["code"] for p in review["actor"]] == ["RUS"]  # the actor stays as the machine coded it
    shown = run("redline event EVENT_ID", EVENT_ID=eid).output
    assert "ACCUSE" in shown.splitlines()[0] and "corrected by" in shown and "machine: ASSAULT" in shown
    listed = json.loads(run("redline events --event ACCUSE --format json").output)
    assert eid in [e["id"] for e in listed]  # analysis counts the reviewed values


def check_review_queue(run):
    out = run("redline reviews queue").output
    assert _header(out) == ["id", "date", "event", "actor", "recipient", "confidence", "why", "text"]
    rows = [dict(zip(_header(out), r, strict=True)) for r in _table_rows(out) if r[0]]
    assert rows and _corrected_id() not in [r["id"] for r in rows]  # a reviewed event leaves the queue
    assert rows[0]["event"] == "THREATEN" and rows[0]["why"].startswith("red line drawn by")  # alert evidence first
    assert any(r["why"].startswith("confidence") for r in rows)  # then the least confident


def check_reviews_export(run):
    result = run("redline reviews export -o gold.jsonl")
    assert result.exit_code == 0, result.output
    gold = [json.loads(line) for line in Path("gold.jsonl").read_text(encoding="utf-8").splitlines()]
    assert gold and Path("gold.jsonl.articles.jsonl").exists()
    command = next(line for line in result.output.splitlines() if line.startswith("redline eval "))
    assert command.startswith("redline eval gold.jsonl")
    report = json.loads(run(command + " --json").output)  # the printed command reads it back
    # the gold holds the correction (ACCUSE), which the machine (ASSAULT) misses: eval counts it against the coder
    assert report["sentences"] == len(gold) and report["event_type"]["fn"] >= 1


def _wagner_ids() -> list[str]:
    from redline.store import Store

    with Store("redline.duckdb", read_only=True) as s:
        return [e["id"] for e in s.events(event="ASSAULT", limit=None)
                if e["actor"] and e["actor"][0]["entity_text"] == "Wagner fighters"]


def check_reviews_suggest(run):
    assert run("redline ingest wagner.txt").exit_code == 0
    ids = _wagner_ids()
    assert len(ids) == 3
    for eid in ids:  # the same correction in three events: what suggest needs (--min 3)
        assert run("redline review EVENT_ID --set actor=RUS:MIL", EVENT_ID=eid).exit_code == 0
    result = run("redline reviews suggest -o suggested")
    assert result.exit_code == 0, result.output
    assert "wagner fighters" in result.output and "corrected to RUS/MIL in 3 events" in result.output
    rows = Path("suggested.actors.csv").read_text(encoding="utf-8").splitlines()
    assert "group,Wagner fighters,RUS,MIL,,,,,," in rows  # written for the user to read, not applied
    assert not Path("suggested.lexicon.txt").exists()


def check_recode(run):
    from redline.store import Store

    reviewed = _corrected_id()
    result = run("redline recode --actors suggested.actors.csv")
    assert result.exit_code == 0, result.output
    assert "failed 0" in result.output and "0 orphaned" in result.output
    with Store("redline.duckdb", read_only=True) as s:
        wagner = [e for e in s.events(event="ASSAULT", limit=None)
                  if e["actor"] and e["actor"][0]["entity_text"] == "Wagner fighters"]
        assert len(wagner) == 3 and all(e["reviewed"] for e in wagner)  # reviews stay on their events
        assert {(e["machine"]["actor"][0]["code"], e["machine"]["actor"][0]["sector"]) for e in wagner} == {
            ("RUS", "MIL")}  # the machine now codes what the analyst corrected
        accused = s.event(reviewed)
        assert accused is not None and accused["event"] == ["ACCUSE"] and accused["machine"]["event"] == ["ASSAULT"]
        assert s.reviews(orphaned=True, limit=None) == []


CHECKS = {
    "redline extract article.txt --format table": check_extract_table,
    "redline extract article.txt --all": check_extract_all,
    'redline explain "Russia amassed troops on the border."': check_explain,
    "redline ingest corpus/ --workers 2": check_ingest,
    "redline events --actor RUS --recipient UKR --event ASSAULT --since 2014-01-01 --format table": check_events,
    "redline event EVENT_ID": check_event,
    "redline export -o events.jsonl": check_export,
    "redline quotes --speaker Peskov": check_quotes,
    "redline dyads": check_dyads,
    "redline timeline --actor RUS --recipient UKR --by month": check_timeline,
    "redline alerts": check_alerts,
    "redline digest --date 2021-06-17 --format md": check_digest,
    "redline serve": check_serve,
    "redline serve --watch inbox/ --every 15m": check_serve_watch,
    'redline actor "Kremlin spokesman Dmitry Peskov" --date 2021-06-17': check_actor,
    "redline actors import-petrarch Phoenix.Countries.actors.txt -o my_actors.csv": check_import_petrarch,
    "redline lexicon import-petrarch CAMEO.verbpatterns.150430.txt -o my_lexicon.txt": check_import_verbs,
    "redline extract article.txt --lexicon my_lexicon.txt": check_extract_lexicon,
    "redline eval ../shared/anchors/plover/PLOVER_GSR_CAMEO.json --json": check_eval,
    "redline watch inbox/ --every 15m": check_watch,
    "redline bench corpus.jsonl --limit 500 --json": check_bench,
    "redline runs": check_runs,
    "redline review EVENT_ID --set event=ACCUSE --set actor=RUS": check_review,
    "redline reviews queue": check_review_queue,
    "redline reviews export -o gold.jsonl": check_reviews_export,
    "redline reviews suggest -o suggested": check_reviews_suggest,
    "redline recode --actors suggested.actors.csv": check_recode,
}


def test_every_readme_command_has_a_check():
    assert readme_commands() == list(CHECKS)


def test_readme_commands_do_what_they_say(work, monkeypatch):
    """One test in README order: later lines use the store the ingest line builds."""
    run = Run(work, monkeypatch)
    for line, check in CHECKS.items():
        try:
            check(run, monkeypatch) if check in (check_serve, check_serve_watch) else check(run)
        except Exception as exc:
            raise AssertionError(f"README line failed its check: {line}") from exc
