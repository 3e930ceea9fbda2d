"""redline from Python. Runs as written: python examples/quickstart.py (it codes the bundled samples)."""
import redline
from redline.ingest import ingest
from redline.samples import sample_paths


def main(db="quickstart.duckdb"):
    path = sample_paths()[1]  # 02-turkey-ratifies-sweden-nato.txt: use your own article file
    text = path.read_text(encoding="utf-8")
    events = redline.extract(text)  # asserted events as PLOVER dicts, the records Store.events returns
    for e in events:
        actors = ",".join(a["code"] or "?" for a in e["actor"])
        recipients = ",".join(r["code"] or "?" for r in e["recipient"])
        print(e["date"], e["event"][0], actors, "->", recipients, "|", e["text"][:70])
    doc = redline.extract_document(text)  # everything: sentences, mentions, events of every factuality, quotes
    print(f"{len(doc.sentences)} sentences, {len(doc.quotes)} quotes, {len(doc.events)} events")

    report = ingest([str(path.parent)], db=db, workers=2)  # idempotent: a second run adds nothing
    print(f"ingest: coded {report.coded}, already stored {report.already_stored}, failed {report.failed}")
    with redline.Store(db, read_only=True) as store:
        for r in store.events(actor="TUR", since="2023-01-01", limit=50):
            print(r["date"], r["event"][0], r["num_mentions"], "mention(s) |", r["text"][:70])


if __name__ == "__main__":  # worker processes import this file again: start them only from under this guard
    main()
