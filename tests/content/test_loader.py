"""The scenario loader: one broken variant of the real scenario per cross-reference error, message and line asserted."""

from pathlib import Path

import pytest

from escaperoom.content.loader import load_many, load_scenario
from escaperoom.errors import ContentError

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
        load_scenario(path)
    return info.value.problems


def test_the_bundled_scenario_loads_with_every_puzzle_judged():
    loaded = load_scenario(HENK)
    assert loaded.scenario.id == "henk"
    assert sum(len(c) for c in loaded.cases.values()) == 20
    assert not [w for w in loaded.warnings if w.severity == "fout"]


@pytest.mark.parametrize(("old", "new", "needle", "message", "hint"), [
    ('organisaties = ["woningcorporatie", "wijkteam"', 'organisaties = ["woningcorporatie", "wijkteem"',
     "organisaties =", "onbekende rol 'wijkteem'", "bedoelde je 'wijkteam'?"),
    ('houder = "ggz_behandelaar"\ncategorieen = ["gezondheid"]', 'houder = "ggz"\ncategorieen = ["gezondheid"]',
     'houder = "ggz"', "onbekende rol 'ggz'", ""),
    ('kaarten = ["contact", "achterstand"', 'kaarten = ["kontakt", "achterstand"',
     "kaarten =", "onbekend gegeven 'kontakt'", "bedoelde je 'contact'?"),
    ("situatie = { vroegsignalering_stappen = true, huurder_bezwaar = false }",
     "situatie = { vroegsignalering_stap = true, huurder_bezwaar = false }",
     "vroegsignalering_stap =", "onbekend situatiefeit 'vroegsignalering_stap'", "bedoelde je 'vroegsignalering_stappen'?"),
    ('opties = ["avg.6.1.a", "besluit_wgs.2"', 'opties = ["avg.6.1.a", "besluit_wgs.3"',
     'opties = ["avg.6.1.a", "besluit_wgs.3"', "onbekende bepaling 'besluit_wgs.3'", "bedoelde je"),
    ('station = "politie"', 'station = "polite"', 'station = "polite"',
     "station 'polite' staat niet in scenario.organisaties", "bedoelde je 'politie'?"),
    ('"stappenplan", "wijkagent-belt"]', '"stappenplan", "wijkagent-bel"]', "codes_van =",
     "onbekende puzzel 'wijkagent-bel'", "bedoelde je 'wijkagent-belt'?"),
    ('verwacht = { dreiging = "mag_delen" }', 'verwacht = { dreiging = "moet_delen" }', "verwacht = { dreiging",
     "de rule engine zegt 'mag_delen' voor 'dreiging'", "escaperoom verdict"),
    ('id = "stappenplan"', 'id = "grondslagen"', 'id = "grondslagen"', "puzzel-id 'grondslagen' komt twee keer voor", ""),
])
def test_a_broken_cross_reference_names_the_line_and_how_to_fix_it(tmp_path, old, new, needle, message, hint):
    path = _variant(tmp_path, old, new)
    problems = _problems(path)
    found = [p for p in problems if message in p.message]
    assert found, [p.format() for p in problems]
    assert found[0].line == _line(path, needle)
    assert hint in found[0].hint


def test_an_image_outside_the_assets_folder_is_refused(tmp_path):
    path = _variant(tmp_path, "duur_minuten = 45", 'duur_minuten = 45\nafbeelding = "../../etc/passwd"')
    assert any("buiten de map assets/" in p.message for p in _problems(path))


def test_hints_in_the_wrong_order_are_an_error(tmp_path):
    path = _variant(tmp_path, 'niveau = "principe"', 'niveau = "voorbeeld"')
    assert any("principe → artikel → voorbeeld" in p.message for p in _problems(path))


def test_a_grondslag_decision_without_a_valid_option_is_unsolvable(tmp_path):
    path = _variant(tmp_path, 'opties = ["avg.6.1.a", "avg.6.1.d", "wvggz.8:29.1", "geen"]',
                    'opties = ["avg.6.1.a", "wvggz.8:29.1", "geen"]')
    assert any("geen enkele optie is een geldige grondslag" in p.message for p in _problems(path))


def test_a_scenario_without_a_lock_is_an_error(tmp_path):
    path = _variant(tmp_path, 'soort = "slot"', 'soort = "dilemma"')
    assert _problems(path)


def test_an_unknown_key_gets_a_dutch_did_you_mean_with_its_line(tmp_path):
    path = _variant(tmp_path, "kosten_seconden = 90", "kosten_seconde = 90")
    problem = _problems(path)[0]
    assert "onbekende sleutel 'kosten_seconde'" in problem.message
    assert "kosten_seconden" in problem.hint
    assert problem.line == _line(path, "kosten_seconde = 90")


def test_an_invalid_scenario_id_is_explained_in_dutch(tmp_path):
    path = _variant(tmp_path, 'id = "henk"', 'id = "Henk de Vries"')
    assert "mag alleen kleine letters" in _problems(path)[0].message


def test_stale_law_gives_a_warning_but_the_file_still_loads():
    import datetime as dt
    loaded = load_scenario(HENK, today=dt.date(2030, 1, 1))
    assert loaded.warnings and all(w.severity == "waarschuwing" for w in loaded.warnings)
    assert any("langer dan 12 maanden" in w.message for w in loaded.warnings)


def test_the_same_scenario_id_twice_is_reported_and_only_loaded_once(tmp_path):
    for name in ("a.toml", "b.toml"):
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    loaded, problems = load_many([tmp_path])
    assert len(loaded) == 1
    assert any("bestaat al" in p.message for p in problems)


def test_a_windows_file_with_bom_and_crlf_loads(tmp_path):
    path = tmp_path / "windows.toml"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode("utf-8"))
    assert load_scenario(path).scenario.id == "henk"
