"""`redline explain`: why a sentence was (or was not) coded. Formats what redline.explain returns."""

from __future__ import annotations

import json

import click

from ..explain import explain_text
from .output import lexicon_option, veto_option, veto_settings


def _actors(ents) -> str:
    return ", ".join(f"{e['code'] or '?'}({e['entity_text']})" for e in ents) or "-"


def _print_sentence(s: dict, show_parse: bool) -> None:
    echo = click.echo
    echo(f"sentence {s['index']}: {s['text']}")
    if show_parse:
        echo("  parse:")
        for t in s["tokens"]:
            ent = f" [{t['ent']}]" if t["ent"] else ""
            echo(f"    {t['i']:>3} {t['text']:<16} {t['lemma']:<14} {t['pos']:<6} {t['dep']:<10} -> {t['head']}{ent}")
    echo("  actor mentions:")
    for m in s["mentions"] or []:
        echo(f"    {m['text']!r} (tokens {m['start']}-{m['end']}, head {m['head']}, {m['kind']}): "
             f"{m['code'] or '?'} {m['sector'] or ''} {('- ' + m['reason']) if m['reason'] else ''}".rstrip())
    if not s["mentions"]:
        echo("    (none)")
    echo("  rules:")
    for line in s["trace"] or ["(no lexicon verb or event noun in this sentence)"]:
        echo(f"    {line}")
    for reason in s["skipped"]:
        echo(f"  skipped: {reason}")
    echo("  events:")
    for e in s["events"]:
        echo(f"    {e['event'][0]}{'/' + e['mode'][0] if e['mode'] else ''} CAMEO {e['cameo']} "
             f"(Goldstein {e['goldstein']}, quad {e['quad_code']}, PLOVER score {e['event_scale']})")
        echo(f"      actor: {_actors(e['actor'])}   recipient: {_actors(e['recipient'])}")
        if e["claim_source"]:
            echo(f"      claimed by: {_actors(e['claim_source'])}")
        echo(f"      date: {e['date'] or 'none'}{_date_detail(e)}")
        if e.get("event_loc"):
            echo(f"      place: {e['event_loc'].get('name')} ({e['event_loc'].get('country_code') or '?'})"
                 f"{' - ' + e['loc_reason'] if e.get('loc_reason') else ''}")
        echo(f"      trigger: {e['event_text']!r}   rule: {e['rule']}   confidence: {e['confidence']}")
        echo(f"      factuality: {e['factuality']} - {e['factuality_reason']}")
    if not s["events"]:
        echo("    (none)")
    for e in s.get("vetoed", []):
        against = ", ".join(f"{k} {w:+.2f}" for k, w in e["veto_against"]) or "bias"
        echo(f"  vetoed: {e['event'][0]} {e['event_text']!r} (rule {e['rule']}): p(right) {e['veto_score']} < "
             f"{e['veto_threshold']}; strongest against: {against}")
        echo(f"      actor: {_actors(e['actor'])}   recipient: {_actors(e['recipient'])}   (--no-veto keeps it)")


def _date_detail(e: dict) -> str:
    parts = [p for p in (e.get("date_precision"), e.get("date_source")) if p]
    detail = f" ({', '.join(parts)})" if parts else ""
    return detail + (f" - {e['date_reason']}" if e.get("date_reason") else "")


@click.command("explain")
@click.argument("sentence")
@click.option("--published", help="Publication date (YYYY-MM-DD) used as the reference for relative dates.")
@click.option("--json", "as_json", is_flag=True, help="Print the explanation as one JSON object.")
@click.option("--no-parse", is_flag=True, help="Leave out the token-by-token parse.")
@click.option("--actors", "actors_file", type=click.Path(exists=True, dir_okay=False),
              help="A user actor file layered over the built-in knowledge base (user entries win).")
@lexicon_option
@veto_option
def explain_cmd(sentence, published, as_json, no_parse, actors_file, lexicon_file, no_veto):
    """Show how SENTENCE is coded: parse, rules fired or failed, actors and why, factuality, date and place.

    \b
    Examples:
      redline explain "Russia did not attack Ukraine on Monday." --published 2021-06-17
      redline explain "Peskov said Kyiv crossed a red line." --actors my_actors.csv --no-parse
      redline explain "Arnor abandoned its outpost in Gondor." --lexicon my_lexicon.txt --actors my_actors.csv
    """
    from ..pipeline import Context

    ctx = (Context(settings=veto_settings(no_veto), actors_file=actors_file, lexicon_file=lexicon_file)
           if actors_file or lexicon_file or no_veto else None)
    result = explain_text(sentence, published=published, ctx=ctx)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2, default=str))
        return
    click.echo(f"reference date: {result['reference_date'] or 'none (give --published for relative dates)'}")
    for s in result["sentences"]:
        _print_sentence(s, not no_parse)


def register(group) -> None:
    """Add this module's commands to the top-level group."""
    group.add_command(explain_cmd)
