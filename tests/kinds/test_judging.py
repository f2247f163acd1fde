"""Judging a loaded scenario (``escaperoom.kinds.judging``): every case gets the engine's verdict, the engine must
agree with what the author expects (``verwacht``, ``aanvaardbaar``, a solvable puzzle), a rule engine that cannot
judge is reported, and stale law is a warning. One broken variant of the real scenario each, message and line
asserted."""

import datetime as dt
from pathlib import Path

import pytest

from escaperoom.errors import ContentError
from escaperoom.kinds.judging import load_judged

HENK = Path(__file__).resolve().parents[2] / "puzzels" / "henk.toml"
TEXT = HENK.read_text(encoding="utf-8")


def _variant(tmp_path: Path, old: str, new: str, count: int = 1) -> Path:
    assert old in TEXT, old
    path = tmp_path / "casus.toml"
    path.write_text(TEXT.replace(old, new, count), encoding="utf-8")
    return path


def _line(path: Path, needle: str) -> int:
    """The line of the last occurrence (a duplicate is reported where it is written the second time)."""
    return [i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in text][-1]


def _problems(path: Path):
    with pytest.raises(ContentError) as info:
        load_judged(path)
    return info.value.problems


def test_the_bundled_scenario_loads_with_every_puzzle_judged():
    loaded = load_judged(HENK)
    assert loaded.scenario.id == "henk"
    assert sum(len(c) for c in loaded.cases.values()) == 20
    assert not [w for w in loaded.warnings if w.severity == "fout"]


@pytest.mark.parametrize(("old", "new", "needle", "message", "hint"), [
    ('verwacht = { dreiging = "mag_delen" }', 'verwacht = { dreiging = "moet_delen" }', "verwacht = { dreiging",
     "de rule engine zegt 'mag_delen' voor 'dreiging'", "escaperoom verdict"),
])
def test_an_engine_disagreeing_with_the_author_names_the_line_and_how_to_fix_it(tmp_path, old, new, needle, message,
                                                                                 hint):
    path = _variant(tmp_path, old, new)
    problems = _problems(path)
    found = [p for p in problems if message in p.message]
    assert found, [p.format() for p in problems]
    assert found[0].line == _line(path, needle)
    assert hint in found[0].hint


def test_a_grondslag_decision_without_a_valid_option_is_unsolvable(tmp_path):
    path = _variant(tmp_path, 'opties = ["avg.6.1.a", "avg.6.1.d", "wvggz.8:29.1", "geen"]',
                    'opties = ["avg.6.1.a", "wvggz.8:29.1", "geen"]')
    assert any("geen enkele optie is een geldige grondslag" in p.message for p in _problems(path))


def test_stale_law_gives_a_warning_but_the_file_still_loads():
    loaded = load_judged(HENK, today=dt.date(2030, 1, 1))
    assert loaded.warnings and all(w.severity == "waarschuwing" for w in loaded.warnings)
    assert any("langer dan 12 maanden" in w.message for w in loaded.warnings)


BROKEN = [  # (id, old, new, count, expected message, needle of the reported line or None)
    ("dilemma without an acceptable option", "deelt = []", 'deelt = ["in_behandeling"]', 2,
     "geen enkele optie is aanvaardbaar", None),
    ("aanvaardbaar disagrees with the engine", 'deelt = ["in_behandeling", "diagnose_ggz"]',
     'deelt = ["in_behandeling", "diagnose_ggz"]\naanvaardbaar = true', 1,
     "de engine vindt deze optie niet aanvaardbaar", "aanvaardbaar = true"),
]


@pytest.mark.parametrize(("old", "new", "count", "message", "needle"),
                         [pytest.param(*case[1:], id=case[0]) for case in BROKEN])
def test_every_agreement_error_kind_has_a_broken_variant_with_its_dutch_message(tmp_path, old, new, count, message,
                                                                                needle):
    path = _variant(tmp_path, old, new, count)
    problems = _problems(path)
    found = [p for p in problems if p.message.startswith(message)]
    assert found, [p.format() for p in problems]
    assert all(p.severity == "fout" for p in found)
    if needle is not None:
        assert found[0].line == _line(path, needle), found[0].format()
    else:
        assert found[0].line is not None and found[0].key


def test_the_rule_engine_failing_on_incomplete_law_files_is_reported_not_raised(tmp_path):
    import shutil

    from escaperoom.rules.lawbook import FACTS_FILE, LAW_DIR, ROLES_FILE, load_lawbook
    law = tmp_path / "law"
    shutil.copytree(LAW_DIR, law)
    avg = law / "avg.toml"
    avg.write_text(avg.read_text(encoding="utf-8").replace('stap = ["minimalisatie"]\n', ""), encoding="utf-8")
    book = load_lawbook(law, ROLES_FILE, FACTS_FILE, complete=False)
    with pytest.raises(ContentError) as info:
        load_judged(HENK, book)
    (problem,) = info.value.problems
    assert problem.message.startswith("de rule engine kan deze casus niet beoordelen: de wetbestanden zijn onvolledig")


def test_a_provision_reworded_after_it_was_last_checked_is_a_warning_for_the_casus_that_rests_on_it(tmp_path):
    """Issue 9 item 4: ``check`` warns when a casus relies on a provision with a newer text than the one it was
    checked against. UAVG 46 lost its leden on 2026-09-01; in a copy of the law checked only on 2026-08-01 the
    bundled casus (whose BSN verdicts cite it) gets a warning naming the article, the day and what to do."""
    import shutil

    from escaperoom.paths import puzzels_dir
    from escaperoom.rules.lawbook import FACTS_FILE, LAW_DIR, ROLES_FILE, load_lawbook

    law = tmp_path / "law"
    shutil.copytree(LAW_DIR, law)
    uavg = law / "uavg.toml"
    text = uavg.read_text(encoding="utf-8")
    old = 'id = "uavg.46"\nartikel = "46"\nsoort = "verbod"\nstap = ["bsn_doel"]\ngecontroleerd = 2026-12-03\n'
    assert old in text
    uavg.write_text(text.replace(old, old.replace("2026-12-03", "2026-08-01")), encoding="utf-8")
    book = load_lawbook(law, ROLES_FILE, FACTS_FILE)
    today = load_judged(puzzels_dir() / "henk.toml", book, today=dt.date(2026, 12, 7))
    changed = [w for w in today.warnings if "UAVG art. 46" in w.message]
    assert len(changed) == 1, [w.format() for w in today.warnings]
    assert ("heeft sinds 01-09-2026 een nieuwe tekst, na de laatste controle op 01-08-2026" in changed[0].message
            and changed[0].severity == "waarschuwing" and "werk 'gecontroleerd' bij in uavg.toml" in changed[0].hint)
    before = load_judged(puzzels_dir() / "henk.toml", book, today=dt.date(2026, 12, 7), peildatum=dt.date(2026, 8, 15))
    assert not [w for w in before.warnings if "UAVG art. 46" in w.message]  # judged by the law before the change


def test_the_bundled_casus_rests_on_no_provision_changed_since_it_was_checked():
    from escaperoom.paths import puzzels_dir

    assert load_judged(puzzels_dir() / "henk.toml").warnings == []
