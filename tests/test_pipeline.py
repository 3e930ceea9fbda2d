"""The runner: contracts checked at build time, one failing document never sinks the others."""

import dataclasses

import pytest

from redline.errors import RedlineError
from redline.pipeline import Pipeline, check_contracts, stage
from redline.records import Article, Document, Failure


@stage("fake-parse", requires=("article",), provides=("sentences",), batch=True)
def fake_parse(docs, ctx):
    return [dataclasses.replace(d, skipped=d.skipped + ("parsed",)) for d in docs]


@stage("explode", requires=("sentences",), provides=("events",))
def explode_on_bad(doc, ctx):
    if "bad" in doc.article.text:
        raise ValueError("cannot code this")
    return doc


@stage("needs-places", requires=("places",), provides=("tone",))
def needs_places(doc, ctx):
    return doc


class _Ctx:
    settings = {"batch_size": 2}


def _articles(*texts):
    return [Article(id=f"a{i}", text=t, source=f"in{i}.txt") for i, t in enumerate(texts)]


def test_check_contracts_rejects_a_stage_whose_inputs_nobody_provides():
    with pytest.raises(RedlineError, match="needs-places"):
        check_contracts([fake_parse.stage, needs_places.stage])


def test_check_contracts_accepts_the_default_order():
    from redline.pipeline import default_stages

    check_contracts(default_stages())


def test_run_isolates_a_failing_document_and_keeps_order():
    pipe = Pipeline(_Ctx(), [fake_parse.stage, explode_on_bad.stage])
    out = list(pipe.run(_articles("good one", "bad one", "good two"), batch_size=2))
    assert [type(o) for o in out] == [Document, Failure, Document]
    assert out[1] == Failure("in1.txt", "explode", "ValueError: cannot code this")
    assert out[0].stages == ("fake-parse", "explode")
    assert out[2].article.id == "a2"


def test_run_one_raises_with_the_input_name():
    pipe = Pipeline(_Ctx(), [fake_parse.stage, explode_on_bad.stage])
    with pytest.raises(RedlineError, match="in0.txt: explode"):
        pipe.run_one(_articles("bad")[0])
