"""The ``verdict`` command's output: every case of every puzzle with the engine's verdict, as text or JSON.

The JSON structure is stable and documented in README.md ("escaperoom verdict --json"); bump ``JSON_SCHEMA`` when
it changes incompatibly. Schema 2: ``grondslagen.art6_alle`` lists every valid art. 6 basis (``art6`` stays the
primary one); ``grondslagen.sector`` only carries a sharing verdict and what forbids a ``mag_niet_delen`` verdict
moved to ``grondslagen.verbod``; ``berust_op_onzeker`` says the verdict rests on an [onzeker] point;
``tekst_niet_letterlijk`` lists cited provisions whose text the kennisbank did not check word for word.
"""

from __future__ import annotations

from typing import Any

from escaperoom.kinds import Case
from escaperoom.kinds.judging import Judged
from escaperoom.rules.lawbook import LawBook

JSON_SCHEMA = 2


def case_json(book: LawBook, case: Case, lang: str = "nl") -> dict[str, Any]:
    v, req = case.verdict, case.request
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
        "oordeel": v.decision.value,
        "regel": v.rule,
        "grondslagen": {"art6": v.art6, "art6_alle": list(v.art6_options), "art9": v.art9, "art10": v.art10,
                        "beroepsgeheim": v.secrecy, "sector": list(v.sector), "verbod": list(v.prohibitions)},
        "artikelen": [{"id": c, "citaat": book.cite(c), "url": book[c].url} for c in v.citations],
        "uitleg": v.explanation(lang),
        "stappen": [{"regel": s.rule, "tekst": s.text.get(lang), "artikelen": list(s.citations),
                     "beslissend": s.decisive} for s in v.trace],
        "onzeker": list(v.uncertain),
        "berust_op_onzeker": v.doubtful,
        "tekst_niet_letterlijk": list(v.unverified),
    }


def scenario_json(book: LawBook, loaded: Judged, lang: str = "nl") -> dict[str, Any]:
    sc = loaded.scenario
    return {
        "bestand": str(loaded.path),
        "casus": sc.id,
        "puzzels": [{"id": p.id, "soort": p.soort, "titel": p.titel.get(lang),
                     "gevallen": [case_json(book, c, lang) for c in loaded.cases[p.id]]} for p in sc.puzzels],
    }


def render_text(book: LawBook, loaded: Judged, lang: str = "nl") -> str:
    words = {"moet_delen": "MOET DELEN", "mag_delen": "MAG DELEN", "mag_niet_delen": "MAG NIET DELEN"}
    lines = [f"Casus {loaded.scenario.id} — {loaded.scenario.scenario.titel.get(lang)} ({loaded.path})"]
    for p in loaded.scenario.puzzels:
        cases = loaded.cases[p.id]
        if not cases:
            continue
        lines.append(f"\n== {p.id} ({p.soort}): {p.titel.get(lang)}")
        for c in cases:
            v = c.verdict
            lines.append(f"\n  [{c.key}] {c.item.label.get(lang)}")
            lines.append(f"    {c.request.houder} → {c.request.ontvanger}; toestemming: {c.request.toestemming.value}"
                         + ("; acuut gevaar" if c.request.acuut_gevaar else "")
                         + (f"; situatie: {', '.join(sorted(c.request.situatie))}" if c.request.situatie else ""))
            lines.append(f"    oordeel: {words[v.decision.value]} (regel {v.rule})")
            if v.decision.shares:
                bases = [*v.art6_options, *(b for b in (v.art9, v.art10, v.secrecy) if b), *v.sector]
                lines.append("    grondslag: " + "; ".join(dict.fromkeys(book.cite(b) for b in bases)))
            elif v.prohibitions:
                lines.append("    verbod: " + "; ".join(dict.fromkeys(book.cite(b) for b in v.prohibitions)))
            for step in v.trace:
                mark = "•" if step.decisive else "-"
                cites = f" [{'; '.join(book.cite(c) for c in step.citations)}]" if step.citations else ""
                lines.append(f"      {mark} {step.rule}: {step.text.get(lang)}{cites}")
            if v.doubtful:
                lines.append("    let op: dit oordeel rust deels op een punt dat de kennisbank onzeker noemt")
            for note in v.uncertain:
                lines.append(f"      ? onzeker: {note}")
            for note in v.unverified:
                lines.append(f"      ~ tekst niet letterlijk gecontroleerd: {note}")
    return "\n".join(lines)
