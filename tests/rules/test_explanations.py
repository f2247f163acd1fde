"""What the team reads and what the facilitator reads (issue 9 items 3, 5 and 6): the explanation texts live in
``rules/uitleg.toml`` and every id the reasoning uses is there in Dutch and English with the same placeholders; no
explanation of any bundled or legal case carries engine or knowledge-base jargon, in either language; English
explanations cite the English way.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from escaperoom.errors import ContentError
from escaperoom.kinds.judging import load_judged
from escaperoom.paths import puzzels_dir
from escaperoom.rules import Verdict, engine, load_lawbook
from escaperoom.rules.texts import TEXTS_FILE, is_note, load_texts, placeholders

from .test_cases import CASES

BOOK = load_lawbook()
TEXTS = load_texts()
REASONING = [Path(engine.__file__), *sorted((Path(engine.__file__).parent / "steps").glob("*.py"))]
_TEXT_CALLS = {"note": 1, "require": 2, "doubt": 0, "say": 0, "share": 3}  # method → position of the text id
ALWAYS_THERE = {"houder", "ontvanger", "Houder", "Ontvanger", "gegeven", "doel"}  # Run.say fills these itself

JARGON = re.compile(r"\[onzeker\]|\[analyse\]|kennisbank|knowledge base|§|\bengine\b|\bR\d\d\b", re.IGNORECASE)
DUTCH_CITATION = re.compile(r"\blid\b|\bonder\b|AVG art\.")


def _text_calls() -> list[tuple[str, str, set[str], bool]]:
    """(file, text id, placeholders the call fills, whether all keywords are literal) for every text the reasoning
    uses; ``Run.share`` fills {bepaling} itself."""
    found = []
    for path in REASONING:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            position = _TEXT_CALLS.get(node.func.attr)
            if position is None or len(node.args) <= position:
                continue
            arg = node.args[position]
            names = {k.arg for k in node.keywords if k.arg} | ({"bepaling"} if node.func.attr == "share" else set())
            literal = all(k.arg for k in node.keywords)
            for option in ([arg.body, arg.orelse] if isinstance(arg, ast.IfExp) else [arg]):
                if isinstance(option, ast.Constant) and isinstance(option.value, str) and "." in option.value:
                    found.append((path.name, option.value, names, literal))
    return found


CALLS = _text_calls()


def test_the_reasoning_uses_texts_and_the_scan_finds_them():
    assert len(CALLS) > 60
    assert {"r05.zwijgt", "r16.geen_inlichtingen", "r17.niet_onvermijdelijk", "r19.bsn_vermelden",
            "r20.toestemming", "algemeen.onzeker"} <= {c[1] for c in CALLS}


@pytest.mark.parametrize(("file", "text_id", "names", "literal"), CALLS, ids=[f"{c[0]}:{c[1]}" for c in CALLS])
def test_every_text_id_used_exists_in_dutch_and_english_with_the_placeholders_it_is_given(file, text_id, names,
                                                                                            literal):
    entry = TEXTS.entries.get(text_id)
    assert entry is not None, f"{file} gebruikt '{text_id}', dat niet in {TEXTS_FILE.name} staat"
    assert entry.en, text_id
    assert placeholders(entry.nl) == placeholders(entry.en), text_id
    if literal:
        missing = placeholders(entry.nl) - names - ALWAYS_THERE
        assert not missing, f"{text_id}: geen waarde voor {sorted(missing)}"


def test_every_text_in_the_file_is_used_by_the_reasoning():
    used = {c[1] for c in CALLS}
    unused = sorted(set(TEXTS.entries) - used)
    assert not unused, f"ongebruikte teksten in {TEXTS_FILE.name}: {unused}"


def test_a_team_text_with_jargon_or_a_missing_translation_is_refused_at_load(tmp_path):
    path = tmp_path / "uitleg.toml"
    path.write_text('[r05]\nzwijgt = { nl = "Zie kennisbank §2.1.", en = "See §2.1." }\n'
                    '[r06]\nkort = { nl = "Alleen Nederlands." }\n'
                    '[notitie]\nbron = { nl = "kennisbank §2.1 [onzeker]", en = "knowledge base §2.1" }\n',
                    encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_texts(path)
    messages = {p.key: p.message for p in caught.value.problems}
    assert set(messages) == {"r05.zwijgt", "r06.kort"}  # a facilitator note may name the kennisbank
    assert "kennisbank" in messages["r05.zwijgt"] and "Engelse tekst" in messages["r06.kort"]


def test_different_placeholders_in_dutch_and_english_are_refused_at_load(tmp_path):
    path = tmp_path / "uitleg.toml"
    path.write_text('[r05]\nzwijgt = { nl = "{Houder} zwijgt.", en = "The {houder} is silent." }\n', encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_texts(path)
    (problem,) = caught.value.problems
    assert problem.key == "r05.zwijgt" and "alleen in nl: Houder" in problem.message


# ------------------------------------------------------------------ every explanation of every case, both languages


def _henk_verdicts() -> list[tuple[str, Verdict]]:
    loaded = load_judged(puzzels_dir() / "henk.toml", BOOK)
    return [(f"henk:{c.puzzle_id}:{c.key}", c.verdict) for cases in loaded.cases.values() for c in cases]


VERDICTS = [*_henk_verdicts(), *((c.naam, c.verdict()) for c in CASES)]


def _team_texts(verdict: Verdict, lang: str) -> list[str]:
    return [verdict.explanation(lang), *verdict.also_text(lang)]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_explanation_a_team_can_see_carries_engine_or_knowledge_base_jargon(lang):
    offending = [(name, text) for name, v in VERDICTS for text in _team_texts(v, lang) if JARGON.search(text)]
    assert not offending, offending[:3]
    assert len(VERDICTS) >= 140


def test_no_english_explanation_cites_the_dutch_way():
    offending = [(name, m.group(0), text) for name, v in VERDICTS for text in _team_texts(v, "en")
                 if (m := DUTCH_CITATION.search(text))]
    assert not offending, offending[:3]


def test_an_uncertain_verdict_reads_as_a_plain_sentence_for_the_team_and_a_note_for_the_facilitator():
    doubtful = [v for _, v in VERDICTS if v.doubtful]
    assert doubtful
    for verdict in doubtful:
        assert "Hierover verschillen juristen van mening" in verdict.explanation("nl")
        assert "Lawyers disagree on this point" in verdict.explanation("en")
        notes = verdict.facilitator_notes("nl")
        assert notes and any("kennisbank" in n or "[analyse]" in n for n in notes)


def test_the_team_sees_the_deciding_reason_first_and_the_other_rules_one_tap_away():
    verdict = next(v for name, v in VERDICTS if name.startswith("Een volledig schuldendossier gaat niet van"))
    assert verdict.explanation("nl").startswith("'Volledig schuldendossier")
    others = verdict.also_text("nl")
    assert len(others) >= 5 and not any(o in verdict.explanation("nl") for o in others)


# ------------------------------------------------------------------ citations the English way


@pytest.mark.parametrize(("pid", "english"), [
    ("avg.6.1.e", "GDPR art. 6(1)(e)"),
    ("avg.6.1.slot", "GDPR art. 6(1), second subparagraph"),
    ("avg.4.11", "GDPR art. 4(11)"),
    ("avg.overw.43", "GDPR recital 43"),
    ("jeugdwet.7.4.0", "Youth Act (Jeugdwet) art. 7.4.0"),
    ("wmo.5.3.3.1", "Social Support Act 2015 (Wmo 2015) art. 5.3.3(1)"),
    ("wpg.16.1.b", "Police Data Act (Wpg) art. 16(1)(b)"),
    ("wvggz.5:2.1", "Compulsory Mental Healthcare Act (Wvggz) art. 5:2(1)"),
    ("wgbo.7.457.1", "Dutch Civil Code (BW) art. 7:457(1)"),
    ("politiewet.3", "Police Act 2012 (Politiewet 2012) art. 3"),
    ("wabvpz.9.1", "Act on Additional Provisions for Processing Personal Data in Healthcare (Wabvpz) art. 9(1)"),
    ("knmg.cvp", "KNMG guideline Handling Medical Data (KNMG-richtlijn): conflict of duties"),
])
def test_a_citation_in_english_is_written_the_english_way(pid, english):
    assert BOOK.cite(pid, "en") == english


def test_every_english_citation_avoids_the_dutch_forms():
    for pid in BOOK.provisions:
        text = BOOK.cite(pid, "en")
        assert not DUTCH_CITATION.search(text), (pid, text)


def test_facilitator_notes_are_the_only_place_for_the_kennisbank_reference():
    verdict = next(v for name, v in VERDICTS if name.startswith("henk:vroegsignalering:contact@gemeente_schuldhulp"))
    assert verdict.doubtful and "kennisbank" not in verdict.explanation("nl")
    assert any("kennisbank §11 punt 6" in n for n in verdict.facilitator_notes("nl"))
    assert not any(is_note(s.text_id) for s in verdict.trace)
