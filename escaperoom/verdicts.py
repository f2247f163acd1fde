"""The ``verdict`` command's output: every case of every puzzle with the engine's verdict, as text or JSON.

The JSON structure is stable and documented in README.md ("escaperoom verdict --json"); bump ``JSON_SCHEMA`` when
it changes incompatibly. Schema 2: ``grondslagen.art6_alle`` lists every valid art. 6 basis (``art6`` stays the
primary one); ``grondslagen.sector`` only carries a sharing verdict and what forbids a ``mag_niet_delen`` verdict
moved to ``grondslagen.verbod``; ``berust_op_onzeker`` says the verdict rests on an [onzeker] point;
``tekst_niet_letterlijk`` lists cited provisions whose text the kennisbank did not check word for word.
Schema 3: ``peildatum`` (the law of which day judged it), ``ook`` (every other rule that forbids, obliges or asks
something, after the deciding one), ``uitleg_ook`` (those as the team reads them), ``notities`` (the facilitator's
technical notes; ``uitleg`` no longer carries them) and ``stappen[].tekst_id``; citations follow ``--lang`` and the
wording of the peildatum.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from escaperoom.kinds import Case
from escaperoom.kinds.judging import Judged
from escaperoom.rules.engine import evaluate_item
from escaperoom.rules.lawbook import LawBook
from escaperoom.rules.verdict import Verdict

JSON_SCHEMA = 3


def verdict_of(book: LawBook, case: Case, peildatum: dt.date | None = None) -> Verdict:
    """The case's verdict, judged again when a peildatum other than the loader's is asked for."""
    if peildatum is None or peildatum == case.verdict.peildatum:
        return case.verdict
    return evaluate_item(book, case.request, case.item, peildatum=peildatum)


def verdict_json(book: LawBook, v: Verdict, lang: str = "nl") -> dict[str, Any]:
    """The verdict part of a case: decision, bases, what else applies, citations, explanation, trace and notes."""
    on = v.peildatum
    return {
        "peildatum": on.isoformat(),
        "oordeel": v.decision.value,
        "regel": v.rule,
        "grondslagen": {"art6": v.art6, "art6_alle": list(v.art6_options), "art9": v.art9, "art10": v.art10,
                        "beroepsgeheim": v.secrecy, "sector": list(v.sector), "verbod": list(v.prohibitions)},
        "ook": [{"regel": a.rule, "effect": a.effect.value, "artikelen": list(a.provisions), "tekst": a.text.get(lang)}
                for a in v.also],
        "artikelen": [{"id": c, "citaat": book.cite(c, lang, on), "url": book.version(c, on).url} for c in v.citations],
        "uitleg": v.explanation(lang),
        "uitleg_ook": list(v.also_text(lang)),
        "stappen": [{"regel": s.rule, "tekst": s.text.get(lang), "tekst_id": s.text_id, "artikelen": list(s.citations),
                     "beslissend": s.decisive} for s in v.trace],
        "onzeker": list(v.uncertain),
        "berust_op_onzeker": v.doubtful,
        "tekst_niet_letterlijk": list(v.unverified),
        "notities": list(v.facilitator_notes(lang)),
    }


def case_json(book: LawBook, case: Case, lang: str = "nl", peildatum: dt.date | None = None) -> dict[str, Any]:
    req = case.request
    return {
        "sleutel": case.key,
        "gegeven": case.item_id,
        "label": case.item.label.get(lang),
        "categorieen": [c.value for c in case.item.categorieen],
        "houder": req.houder,
        "ontvanger": req.ontvanger,
        "doel": req.doel.get(lang),
        "toestemming": req.toestemming.value,
        "acuut_gevaar": req.acuut_gevaar,
        "situatie": sorted(req.situatie),
        "nodig": case.item.nodig,
        **verdict_json(book, verdict_of(book, case, peildatum), lang),
    }


def scenario_json(book: LawBook, loaded: Judged, lang: str = "nl", peildatum: dt.date | None = None) -> dict[str, Any]:
    sc = loaded.scenario
    return {
        "bestand": str(loaded.path),
        "casus": sc.id,
        "puzzels": [{"id": p.id, "soort": p.soort, "titel": p.titel.get(lang),
                     "gevallen": [case_json(book, c, lang, peildatum) for c in loaded.cases[p.id]]}
                    for p in sc.puzzels],
    }


_WORDS = {"moet_delen": "MOET DELEN", "mag_delen": "MAG DELEN", "mag_niet_delen": "MAG NIET DELEN"}


def render_text(book: LawBook, loaded: Judged, lang: str = "nl", peildatum: dt.date | None = None) -> str:
    """The verdicts as text for a facilitator: decision, bases or prohibitions, what else applies, the trace and
    the technical notes."""
    on = peildatum or dt.date.today()
    lines = [f"Casus {loaded.scenario.id} — {loaded.scenario.scenario.titel.get(lang)} ({loaded.path})",
             f"Wet zoals die gold op {on:%d-%m-%Y}"]
    for p in loaded.scenario.puzzels:
        cases = loaded.cases[p.id]
        if not cases:
            continue
        lines.append(f"\n== {p.id} ({p.soort}): {p.titel.get(lang)}")
        for c in cases:
            lines += _case_lines(book, c, verdict_of(book, c, peildatum), lang)
    return "\n".join(lines)


def _case_lines(book: LawBook, c: Case, v: Verdict, lang: str) -> list[str]:
    def cite(pid: str) -> str:
        return book.cite(pid, lang, v.peildatum)

    req = c.request
    lines = [f"\n  [{c.key}] {c.item.label.get(lang)}",
             f"    {req.houder} → {req.ontvanger}; toestemming: {req.toestemming.value}"
             + ("; acuut gevaar" if req.acuut_gevaar else "")
             + (f"; situatie: {', '.join(sorted(req.situatie))}" if req.situatie else ""),
             f"    oordeel: {_WORDS[v.decision.value]} (regel {v.rule})"]
    if v.decision.shares:
        bases = [*v.art6_options, *(b for b in (v.art9, v.art10, v.secrecy) if b), *v.sector]
        lines.append("    grondslag: " + "; ".join(dict.fromkeys(cite(b) for b in bases)))
    elif v.prohibitions:
        lines.append("    verbod: " + "; ".join(dict.fromkeys(cite(b) for b in v.prohibitions)))
    for also in v.also:
        arts = f" [{'; '.join(cite(b) for b in also.provisions)}]" if also.provisions else ""
        lines.append(f"    ook {also.effect.value} ({also.rule}): {also.text.get(lang)}{arts}")
    for step in v.trace:
        if step.text_id == "ook":
            continue
        mark = "•" if step.decisive else "-"
        cites = f" [{'; '.join(cite(x) for x in step.citations)}]" if step.citations else ""
        lines.append(f"      {mark} {step.rule}: {step.text.get(lang)}{cites}")
    if v.doubtful:
        lines.append("    let op: dit oordeel rust deels op een punt dat de kennisbank onzeker noemt" if lang == "nl"
                     else "    note: this verdict rests partly on a point the knowledge base calls uncertain")
    lines += [f"      ? {_NOTE[lang != 'nl'][n.kind.value]}: {n.text.get(lang)}" for n in v.notes]
    return lines


_NOTE = ({"onzeker": "onzeker", "analyse": "eigen analyse", "niet_letterlijk": "tekst niet letterlijk gecontroleerd",
          "geldigheid": "datum onzeker"},
         {"onzeker": "uncertain", "analyse": "own analysis", "niet_letterlijk": "text not checked word for word",
          "geldigheid": "date uncertain"})
