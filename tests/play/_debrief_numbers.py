"""What the debrief makes of a journal, as plain JSON data: the per-team numbers, the tracks, every attempt's items,
the timeline in words and the spread per puzzle. ``test_journal_v1`` compares it with what the code before the
journal vocabulary moved to ``play/records.py`` made of the same fixture journals (``fixtures/*.expected.json``).

Run ``python -m play._debrief_numbers`` from ``tests/`` only to regenerate the expectations on purpose."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from escaperoom.debrief.model import Debrief, TeamSession, build_debrief, load_sessions

FIXTURES = Path(__file__).parent / "fixtures"
JOURNALS = ("journal_v1.jsonl", "journal_v1_facilitator.jsonl")


def _session(s: TeamSession) -> dict[str, Any]:
    return {
        "team": s.team, "casus": s.casus, "casus_title": s.casus_title, "content_hash": s.content_hash,
        "app_version": s.app_version, "phase": s.phase, "elapsed_s": s.elapsed_s, "stability": s.stability,
        "stability_start": s.stability_start, "compass": list(s.compass), "right": s.right,
        "decisions": s.decisions, "hints": s.hints, "solved": s.solved, "skipped": s.skipped,
        "errors": dict(sorted(s.errors().items())), "errors_first": dict(sorted(s.errors(first_only=True).items())),
        "reasons": [list(r) for r in s.reasons], "warnings": list(s.warnings), "records": len(s.records),
        "end": s.end,
        "tracks": {pid: {"kind": t.kind, "hints": t.hints, "seconds": t.seconds, "skipped": t.skipped,
                         "answer_shown": t.answer_shown, "solved": t.solved,
                         "errors": dict(sorted(t.errors().items())),
                         "attempts": [{"seq": a.seq, "number": a.number, "kind": a.kind, "score": a.score,
                                       "solved": a.solved, "hints": a.hints, "elapsed_s": a.elapsed_s,
                                       "stability": a.stability, "reason": a.reason, "answer": a.answer,
                                       "right": a.right,
                                       "items": [{"key": i.key, "label": i.label, "answer": i.answer,
                                                  "expected": list(i.expected), "error": i.error,
                                                  "points": i.points, "verdict": i.verdict, "rule": i.rule,
                                                  "bases": list(i.bases), "citations": list(i.citations),
                                                  "explanation": i.explanation} for i in a.items]}
                                      for a in t.attempts]}
                   for pid, t in s.tracks.items()},
        "steps": [{"index": st.index, "seq": st.seq, "kind": st.kind, "puzzle": st.puzzle,
                   "elapsed_s": st.elapsed_s, "attempt": st.attempt is not None} for st in s.steps],
    }


def _debrief(d: Debrief) -> dict[str, Any]:
    out: dict[str, Any] = {"title": d.title, "warnings": list(d.warnings), "compass": [list(c) for c in d.compass],
                           "puzzles": []}
    for p in d.puzzles:
        out["puzzles"].append({
            "id": p.id, "kind": p.kind, "division": p.division, "reasons": [list(r) for r in p.reasons],
            "items": [{"key": i.key, "label": i.label, "expected": i.expected, "sentence": i.sentence,
                       "right": i.right, "groups": [[g.answer, g.text, list(g.teams), g.error, g.sentence]
                                                    for g in i.groups]} for i in p.items]})
    timeline = []
    for s in d.sessions:
        for st in s.steps:
            text = d.describe(st)
            timeline.append([text.clock, text.headline, text.reason, text.status,
                             [[ln.status, ln.word, ln.text] for ln in text.lines]])
    out["timeline"] = timeline
    return out


def numbers(journal: Path) -> dict[str, Any]:
    """Everything the debrief reads from one journal: its session and its one-team debrief in both languages,
    built from the journal alone (no casus on this computer), so that a later change to the bundled casus or the
    law does not change what this compares."""
    found = load_sessions([journal])
    assert not found.broken, found.broken
    (session,) = found.sessions
    return {"session": _session(session),
            "debrief": {lang: _debrief(build_debrief(found.sessions, scenarios=[], lang=lang))
                        for lang in ("nl", "en")}}


if __name__ == "__main__":
    import json

    for name in JOURNALS:
        data = numbers(FIXTURES / name)
        (FIXTURES / name.replace(".jsonl", ".expected.json")).write_text(
            json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
