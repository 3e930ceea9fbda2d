"""Bench: memory sampling, rate arithmetic, and one real run with the keys the issue asks for."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from redline.bench import RssMonitor, _rates, bench, load_articles, words_of
from redline.errors import UsageError

ARTICLE = (
    "Russian forces shelled the city of Kharkiv on Monday, Ukrainian officials said. The governor of the "
    "region said that two people were wounded and that several houses were damaged in the attack."
)


def test_rss_monitor_sees_this_process():
    with RssMonitor(interval=0.01) as mon:
        block = bytearray(50 * 2**20)  # 50 MB that must show up in the peak
        mon.sample()
        del block
    assert mon.peak_total >= 50 * 2**20
    assert mon.peak_process <= mon.peak_total and mon.processes >= 1


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({"articles": 10, "words": 1000, "events": 5, "seconds": 2.0, "spacy_seconds": 1.0,
          "peak_rss_per_process_mb": 100.0},
         {"articles_per_s": 5.0, "words_per_s": 500.0, "events_per_s": 2.5, "spacy_words_per_s": 1000.0,
          "ratio": 0.5}),
        ({"articles": 4, "words": 400, "events": 0, "seconds": 4.0, "peak_rss_per_process_mb": 1.0,
          "cpu_seconds": 2.0, "spacy_cpu_seconds": 1.6, "spacy_seconds": 2.0},
         {"articles_per_s": 1.0, "words_per_s": 100.0, "events_per_s": 0.0, "ratio": 0.5, "cpu_ratio": 0.8}),
    ],
)
def test_rates_arithmetic(raw, expected):
    out = _rates(dict(raw))
    assert {k: out[k] for k in expected} == expected


def test_rates_stage_shares_sum_to_one():
    out = _rates({"articles": 1, "words": 10, "events": 1, "seconds": 4.0, "peak_rss_per_process_mb": 1.0,
                  "stage_seconds": {"parse": 3.0, "coding": 1.0}, "spacy_in_pipeline_s": 2.0})
    assert out["stage_share"] == {"parse": 0.75, "coding": 0.25}
    assert out["outside_spacy_share"] == 0.5


def test_load_articles_limit_and_failures(tmp_path):
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps({"text": f"{ARTICLE} Item {i}."}) for i in range(5)))
    (tmp_path / "b.txt").write_text("")
    arts, failures = load_articles([str(tmp_path / "b.txt"), str(tmp_path / "a.jsonl")], 3)
    assert (len(arts), failures) == (3, 1)
    assert words_of(arts) == 3 * (len(ARTICLE.split()) + 2)


def test_bench_without_articles_is_usage_error(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(UsageError, match="no readable articles"):
        bench(str(tmp_path / "empty.txt"))


@pytest.mark.slow
def test_bench_cli_json_has_issue_keys(tmp_path):
    from redline.cli import cli

    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(json.dumps({"text": f"{ARTICLE} Report {i}."}) for i in range(3)))
    result = CliRunner().invoke(cli, ["bench", str(path), "--limit", "2", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    for key in ("articles_per_s", "words_per_s", "events_per_s", "peak_rss_mb", "spacy_words_per_s", "ratio",
                "stage_share", "outside_spacy_share"):
        assert key in data
    assert data["articles"] == 2 and data["events"] > 0
    assert data["ratio"] > 0 and data["peak_rss_mb"] > 50


@pytest.mark.slow
def test_bench_dask_steady_state_against_local_pool(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(json.dumps({"text": f"{ARTICLE} Report {i}."}) for i in range(3)))
    data = bench(str(path), limit=3, workers=1, engine="dask", baseline=False)
    assert data["startup_included"] is False and data["startup_s"] > 0
    # both engines ran the same articles and coded the same events
    assert data["events"] == data["local_pool_events"] > 0 and data["failed"] == 0
    assert data["seconds"] > 0 and data["local_pool_seconds"] > 0
    assert data["dask_vs_local"] == pytest.approx(data["seconds"] / data["local_pool_seconds"], rel=1e-2)
