"""The scenario loader: one broken variant of the real scenario per cross-reference error, message and line asserted.

The loader judges nothing; the kind-specific checks are handed in by ``escaperoom.kinds`` (as the game does). What
the rule engine says about a file is tested in ``tests/kinds/test_judging.py``."""

from pathlib import Path

import pytest

from escaperoom.content.loader import load_each, load_scenario
from escaperoom.errors import ContentError
from escaperoom.kinds import check_puzzle

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


def _load(path: Path):
    return load_scenario(path, puzzle_checks=check_puzzle)


def _problems(path: Path):
    with pytest.raises(ContentError) as info:
        _load(path)
    return info.value.problems


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


_LOCK = TEXT[TEXT.index("[[puzzels]]\nid = \"kluis\""):]  # the lock is the last block of henk.toml


def test_a_scenario_without_a_lock_is_an_error_and_nothing_else_is_wrong(tmp_path):
    """Only the lock count is wrong (the old test turned the lock into a dilemma, which failed on the schema
    before the lock check ever ran)."""
    path = _variant(tmp_path, _LOCK, "")
    problems = _problems(path)
    assert [p.message for p in problems] == ['een casus heeft precies één slot (soort = "slot"), deze heeft er 0']
    assert 'soort = \"slot\"' in problems[0].hint


def test_two_locks_are_an_error_that_points_at_the_second_lock(tmp_path):
    path = _variant(tmp_path, _LOCK, _LOCK + "\n" + _LOCK.replace('id = "kluis"', 'id = "kluis2"'))
    problems = [p for p in _problems(path) if "precies één slot" in p.message]
    assert [p.message for p in problems] == ['een casus heeft precies één slot (soort = "slot"), deze heeft er 2']
    assert problems[0].line == _line(path, 'soort = "slot"') and problems[0].key == "puzzels[6].soort"


def test_an_unknown_key_gets_a_dutch_did_you_mean_with_its_line(tmp_path):
    path = _variant(tmp_path, "kosten_seconden = 90", "kosten_seconde = 90")
    problem = _problems(path)[0]
    assert "onbekende sleutel 'kosten_seconde'" in problem.message
    assert "kosten_seconden" in problem.hint
    assert problem.line == _line(path, "kosten_seconde = 90")


def test_an_invalid_scenario_id_is_explained_in_dutch(tmp_path):
    path = _variant(tmp_path, 'id = "henk"', 'id = "Henk de Vries"')
    assert "mag alleen kleine letters" in _problems(path)[0].message


def test_the_same_scenario_id_twice_is_reported_and_only_loaded_once(tmp_path):
    for name in ("a.toml", "b.toml"):
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    loaded, problems = load_each([tmp_path], _load)
    assert len(loaded) == 1
    assert any("bestaat al" in p.message for p in problems)


def test_a_windows_file_with_bom_and_crlf_loads(tmp_path):
    path = tmp_path / "windows.toml"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode("utf-8"))
    assert _load(path).scenario.id == "henk"


# ------------------------------------------------------------------ one broken variant per loader error kind
# (content/loader.py and the kinds' check_authoring: every add(...) and every Problem they make; the schema kinds
# via content/models.py; the engine's agreement in tests/kinds/test_judging.py)

_FRAGMENT_ITEMS = ('gegeven = "begeleiding"\n\n[[puzzels.fragmenten]]', 'gegeven = "diagnose_wijkteam"\n',
                   'gegeven = "bsn"\n', 'gegeven = "schulden"\n')
_DILEMMA_REQUEST = TEXT[TEXT.index('[puzzels.verzoek]\nontvanger = "politie"'):TEXT.index("[[puzzels.opties]]")]


def _without_fragment_items(text: str) -> str:
    text = text.replace(_FRAGMENT_ITEMS[0], "\n[[puzzels.fragmenten]]", 1)
    for line in _FRAGMENT_ITEMS[1:]:
        text = text.replace(line, "", 1)
    return text


BROKEN = [  # (id, old, new, count, expected message, needle of the reported line or None)
    ("asset missing", "duur_minuten = 45", 'duur_minuten = 45\nafbeelding = "plaatjes/weg.png"', 1,
     "bestand 'plaatjes/weg.png' bestaat niet in assets/", 'afbeelding = "plaatjes/weg.png"'),
    ("item not in its request", 'nodig = ["contact", "achterstand"]', 'nodig = ["contact", "achterstand", "begeleiding"]',
     1, "'begeleiding' hoort niet bij dit verzoek", 'nodig = ["contact", "achterstand", "begeleiding"]'),
    ("mixed holders", 'kaarten = ["contact", "achterstand", "waarnemingen", "zwart_werk", "buurvrouw"]',
     'kaarten = ["contact", "achterstand", "waarnemingen", "zwart_werk", "buurvrouw", "begeleiding"]', 1,
     "de gegevens van één verzoek komen van verschillende houders: wijkteam, woningcorporatie", None),
    ("two destinations for one recipient", 'ontvanger = "gemeente_meldpunt"\ndoel', 'ontvanger = "gemeente_schuldhulp"\ndoel',
     1, "twee bestemmingen hebben dezelfde ontvanger", None),
    ("unknown recipient role", 'ontvanger = "gemeente_meldpunt"', 'ontvanger = "meldpunt"', 1,
     "onbekende rol 'meldpunt'", 'ontvanger = "meldpunt"'),
    ("duplicate codes_van", '"stappenplan", "wijkagent-belt"]', '"stappenplan", "wijkagent-belt", "stappenplan"]', 1,
     "een puzzel staat twee keer in codes_van", "codes_van ="),
    ("lock feeds itself", '"stappenplan", "wijkagent-belt"]', '"stappenplan", "wijkagent-belt", "kluis"]', 1,
     "het slot kan zijn eigen code niet leveren", "codes_van ="),
    ("dilemma option says nothing", "deelt = []\n", "", 1, "deze optie zegt niet of ze aanvaardbaar is", None),
    ("dilemma shares an item it does not have", 'deelt = ["in_behandeling"]', 'deelt = ["bsn"]', 1,
     "'bsn' staat niet in de gegevens van dit dilemma", 'deelt = ["bsn"]'),
    ("dilemma request without items", 'gegevens = ["in_behandeling", "diagnose_ggz"]\n', "", 1,
     "een dilemma met 'verzoek' noemt ook 'gegevens' (en omgekeerd)", None),
    ("deelt without a request", _DILEMMA_REQUEST, "", 1,
     "'deelt' werkt alleen als de puzzel een verzoek heeft", None),
    ("reward is not one character", 'beloning = "7"', 'beloning = "#"', 1,
     "de beloning is één cijfer of letter van de eindcode", 'beloning = "#"'),
    ("unknown puzzle kind", 'soort = "volgorde"', 'soort = "rangschikken"', 1,
     "onbekende puzzelsoort 'rangschikken'", 'soort = "rangschikken"'),
    ("schema too new", "schema = 1", "schema = 2", 1,
     "schema 2 is nieuwer dan deze versie van het spel kent (1)", "schema = 2"),
    ("internal field name instead of the key", "schema = 1", "schema_ = 1", 1, "onbekende sleutel 'schema_'", "schema_ = 1"),
    ("internal source field", "schema = 1", 'schema = 1\nsource = "/etc"', 1, "onbekende sleutel 'source'", 'source = "/etc"'),
    ("number in quotes", "duur_minuten = 45", 'duur_minuten = "45"', 1,
     'hier hoort een geheel getal, maar er staat de tekst "45"', 'duur_minuten = "45"'),
    ("true in quotes", "acuut_gevaar = true", 'acuut_gevaar = "true"', 1,
     'hier hoort true of false, maar er staat de tekst "true"', 'acuut_gevaar = "true"'),
]


@pytest.mark.parametrize(("old", "new", "count", "message", "needle"),
                         [pytest.param(*case[1:], id=case[0]) for case in BROKEN])
def test_every_loader_error_kind_has_a_broken_variant_with_its_dutch_message(tmp_path, old, new, count, message,
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


def test_a_redact_puzzle_whose_fragments_name_no_item_is_an_error(tmp_path):
    path = tmp_path / "casus.toml"
    path.write_text(_without_fragment_items(TEXT), encoding="utf-8")
    assert any(p.message == "geen enkel fragment noemt een gegeven" for p in _problems(path))


def test_the_internal_names_are_neither_accepted_nor_suggested(tmp_path):
    """Only the documented Dutch keys: a typo 'sourc' must not be told "bedoelde je 'source'?"."""
    path = _variant(tmp_path, "schema = 1", 'schema = 1\nsourc = "/etc"')
    (problem,) = _problems(path)
    assert problem.message == "onbekende sleutel 'sourc'" and "source" not in problem.hint
    assert "schema_" not in problem.hint
    schema = _problems(_variant(tmp_path, "schema = 1", "schema_ = 1"))[0]
    assert schema.hint == "bedoelde je 'schema'?"


def test_strict_numbers_tell_the_author_to_drop_the_quotes(tmp_path):
    problem = _problems(_variant(tmp_path, "duur_minuten = 45", 'duur_minuten = "45"'))[0]
    assert problem.hint == "schrijf een getal zonder aanhalingstekens: duur_minuten = 45"
    decimals = _problems(_variant(tmp_path, "kosten_seconden = 90", "kosten_seconden = 90.0"))[0]
    assert "zonder decimalen" in decimals.hint and "kosten_seconden = 90" in decimals.hint


@pytest.mark.parametrize(("old", "new", "message"), [
    pytest.param('niveau = "voorbeeld"\ntekst = { nl = "De eerste twee stappen',
                 'niveau = "artikel"\ntekst = { nl = "De eerste twee stappen', "hint-niveau ontbreekt: voorbeeld",
                 id="missing hint level"),
    pytest.param('intervisie = [\n  { nl = "Welke stap', 'intervisie_x = [\n  { nl = "Welke stap', None,
                 id="(control: unknown key is an error)"),
    pytest.param('"stappenplan", "wijkagent-belt"]', '"wijkagent-belt"]',
                 "de beloning van 'stappenplan' gaat niet naar het slot", id="reward not used by the lock"),
    pytest.param('opties = ["avg.6.1.e", "avg.6.1.f", "avg.6.1.c", "geen"]', 'opties = ["avg.6.1.e", "avg.6.1.f", "avg.6.1.c"]',
                 "de optie 'geen' (geen grondslag: niet delen) ontbreekt", id="no 'geen' option"),
])
def test_every_loader_warning_kind_has_a_variant_and_the_file_still_loads(tmp_path, old, new, message):
    path = _variant(tmp_path, old, new)
    if message is None:
        assert _problems(path)
        return
    loaded = _load(path)
    found = [w for w in loaded.warnings if w.message.startswith(message)]
    assert found and found[0].severity == "waarschuwing" and found[0].line, [w.format() for w in loaded.warnings]


def test_a_puzzle_without_intervisie_questions_gets_a_warning(tmp_path):
    block = TEXT[TEXT.index('intervisie = [\n  { nl = "Welke stap'):]
    block = block[:block.index("]\n") + 2]
    loaded = _load(_variant(tmp_path, block, ""))
    assert any(w.message == "geen intervisievragen voor de nabespreking" for w in loaded.warnings)


# ------------------------------------------------------------------ line numbers after a multi-line string


_MULTILINE = 'opdracht = { nl = "De wijkagent wil weten'


@pytest.mark.parametrize(("old", "new", "needle"), [
    pytest.param('station = "politie"', 'station = "polite"', 'station = "polite"', id="station"),
    pytest.param('kosten_seconden = 120', 'kosten_seconde = 120', "kosten_seconde = 120", id="unknown key"),
    pytest.param('ontvanger = "politie"\ndoel = { nl = "Inschatting', 'ontvanger = "polite"\ndoel = { nl = "Inschatting',
                 'ontvanger = "polite"', id="recipient"),
    pytest.param('"stappenplan", "wijkagent-belt"]', '"stappenplan", "wijkagent-bel"]', "codes_van =", id="lock"),
])
def test_check_reports_the_right_line_after_multi_line_strings(tmp_path, capsys, old, new, needle):
    """Regression for commit 6a00767 (possessive quantifiers lost every line number after the first multi-line
    string on early Python 3.11). henk.toml opens with a multi-line ``verhaal``; this variant adds a second
    multi-line string (with a quote and a backslash continuation) before the broken key, and reads the line from
    ``check``'s own output."""
    from escaperoom.cli import main
    text = TEXT.replace('[[puzzels]]\nid = "stappenplan"', '[[puzzels]]\nid = "stappenplan"\n# """ geen string\n', 1)
    text = text.replace(_MULTILINE, 'opdracht = { nl = """\nDe wijkagent wil "weten" \\\n  hoe het zit.\n""", en = "x" }\n'
                        '# oud: { nl = "De wijkagent wil weten', 1)
    assert '"""\nDe wijkagent' in text
    assert old in text
    path = tmp_path / "casus.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    reported = [int(line.split(":")[1]) for line in out.splitlines() if line.startswith(f"{path}:")]
    assert reported, out
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[reported[0] - 1].strip().startswith(needle.split("\n")[0]), (reported, out)
    assert reported[0] == _line(path, needle.split("\n")[0])
