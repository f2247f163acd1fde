"""The limits check enforces (content/limits.py): each broken variant of henk.toml gives a Dutch message naming
the key and its line and how to fix it. Before these limits a 300,000-character title loaded (and crashed the
game), a reward ß became the two-letter code SS, and an image path with a NUL byte gave a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from escaperoom.cli import main
from escaperoom.content.limits import MAX_ENTRIES, MAX_LIST, MAX_PUZZLES, MAX_TITLE
from escaperoom.errors import ContentError, Problem
from escaperoom.kinds.judging import load_judged

HENK = Path(__file__).resolve().parents[2] / "puzzels" / "henk.toml"
TEXT = HENK.read_text(encoding="utf-8")
_SORT_TITLE = 'titel = { nl = "Het dossier van de corporatie", en = "The corporation\'s file" }'


def _variant(tmp_path: Path, old: str, new: str, count: int = 1) -> Path:
    assert old in TEXT, old
    path = tmp_path / "casus.toml"
    path.write_text(TEXT.replace(old, new, count), encoding="utf-8")
    return path


def _line(path: Path, needle: str) -> int:
    return next(i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in text)


def _problem(path: Path, start: str) -> Problem:
    with pytest.raises(ContentError) as caught:
        load_judged(path)
    found = [p for p in caught.value.problems if p.message.startswith(start)]
    assert len(found) == 1, [p.format() for p in caught.value.problems]
    assert found[0].severity == "fout" and found[0].file == path
    return found[0]


def test_the_bundled_scenario_stays_clean_under_every_limit():
    assert load_judged(HENK, stale_months=10_000).warnings == []


# ------------------------------------------------------------------------------------------ text lengths


def test_a_three_hundred_thousand_character_title_is_refused_with_its_length_key_and_line(tmp_path):
    path = _variant(tmp_path, _SORT_TITLE, 'titel = "' + "Lang " * 60_000 + '"')
    problem = _problem(path, "de titel is te lang")
    assert problem.message == f"de titel is te lang: 300000 tekens, hoogstens {MAX_TITLE}"
    assert problem.key == "puzzels[0].titel" and problem.line == _line(path, 'titel = "Lang Lang')
    assert problem.hint.startswith("maak de titel korter: een titel staat groot (leesbaar op 4 m)")


def test_a_600_kb_hint_is_refused(tmp_path):
    old = "tekst = { nl = \"Vraag per kaart: welk doel dient het"
    path = _variant(tmp_path, old, 'tekst = { nl = "' + "x" * 600_000 + '" }\n_weg = { nl = "Vraag per kaart')
    problem = _problem(path, "de hint is te lang")
    assert problem.message == "de hint is te lang: 600000 tekens, hoogstens 300"
    assert problem.key == "puzzels[0].hints[0].tekst"


def test_the_english_text_has_its_own_limit_and_says_so(tmp_path):
    path = _variant(tmp_path, "en = \"The corporation's file\"", 'en = "' + "E" * 61 + '"')
    assert _problem(path, "de titel (Engels)").message == "de titel (Engels) is te lang: 61 tekens, hoogstens 60"


@pytest.mark.parametrize(("old", "new", "message"), [
    ('label = { nl = "BSN van Henk"', 'label = { nl = "' + "b" * 121 + '"',
     "het label is te lang: 121 tekens, hoogstens 120"),
    (TEXT[TEXT.index('uitleg = { nl = "Het stappenplan'):TEXT.index("\n", TEXT.index('uitleg = { nl = "Het stap'))],
     'uitleg = "' + "u" * 401 + '"', "de uitleg is te lang: 401 tekens, hoogstens 400"),
    ('verhaal = { nl = """', 'verhaal = { nl = """' + "v" * 1500, "het verhaal is te lang"),
    ('naam = "Henk"', 'naam = "' + "H" * 41 + '"', "de naam is te lang: 41 tekens, hoogstens 40"),
], ids=["label", "explanation", "story", "name"])
def test_labels_explanations_stories_and_names_have_limits(tmp_path, old, new, message):
    assert _problem(_variant(tmp_path, old, new), message).message.startswith(message)


def test_an_option_text_has_a_limit(tmp_path):
    start = TEXT.index("[[puzzels.opties]]")
    old = TEXT[start:TEXT.index("\n", TEXT.index("tekst = ", start))]
    new = old[:old.index("tekst = ")] + 'tekst = "' + "o" * 161 + '"'
    problem = _problem(_variant(tmp_path, old, new), "de optie")
    assert problem.message == "de optie is te lang: 161 tekens, hoogstens 160"


# ------------------------------------------------------------------------------------------ characters in texts


def test_an_escape_character_in_a_text_is_refused_with_its_code_and_position(tmp_path):
    path = _variant(tmp_path, _SORT_TITLE, 'titel = "Het \\u001b[31mdossier"')
    problem = _problem(path, "de titel bevat een onzichtbaar stuurteken")
    assert problem.message == "de titel bevat een onzichtbaar stuurteken (U+001B) op positie 5"
    assert problem.line == _line(path, 'titel = "Het \\u001b')


def test_a_tab_asks_for_spaces_and_a_newline_in_a_one_line_text_is_named(tmp_path):
    tab = _problem(_variant(tmp_path, _SORT_TITLE, 'titel = "Het\\tdossier"'), "de titel bevat")
    assert "gebruik spaties in plaats van een tab" in tab.hint
    newline = _problem(_variant(tmp_path, _SORT_TITLE, 'titel = "Het\\ndossier"'), "de titel moet op één regel")
    assert newline.key == "puzzels[0].titel"


def test_newlines_stay_allowed_in_multi_line_texts_and_rtl_letters_in_any_text(tmp_path):
    path = _variant(tmp_path, _SORT_TITLE, 'titel = { nl = "Het dossier van مريم", en = "Miriam\'s file" }')
    text = path.read_text(encoding="utf-8").replace('opdracht = { nl = "De consulent',
                                                    'opdracht = { nl = "Twee\\nregels. De consulent')
    path.write_text(text, encoding="utf-8")
    loaded = load_judged(path)
    assert loaded.scenario.puzzels[0].titel.nl.endswith("مريم") and "\n" in loaded.scenario.puzzels[0].opdracht.nl


# ------------------------------------------------------------------------------------------ ids


@pytest.mark.parametrize(("new", "message"), [
    ('id = "vroeg\\u200bsignalering"', "het id 'vroeg\\u200bsignalering' bevat een onzichtbaar teken (U+200B, zero "
                                       "width space)"),
    ('id = "vroeg\\u202esignalering"', "het id 'vroeg\\u202esignalering' bevat een onzichtbaar teken (U+202E, "
                                       "right-to-left override)"),
    ('id = "🔒"', "het id '🔒' mag alleen kleine letters a-z, cijfers, '-' en '_' bevatten (niet '🔒')"),
    ('id = "Vroegsignalering"', "het id 'Vroegsignalering' mag alleen kleine letters a-z, cijfers, '-' en '_' "
                                "bevatten (niet 'V')"),
    ('id = "vroeg signalering"', "het id 'vroeg signalering' mag alleen kleine letters a-z, cijfers, '-' en '_' "
                                 "bevatten (geen spatie)"),
    ('id = "-vroeg"', "het id '-vroeg' moet beginnen met een letter of cijfer"),
    ('id = "' + "v" * 41 + '"', "het id is te lang: 41 tekens, hoogstens 40"),
], ids=["zero width", "bidi override", "emoji", "capital", "space", "dash first", "too long"])
def test_a_puzzle_id_is_ascii_and_an_invisible_character_in_it_is_named(tmp_path, new, message):
    path = _variant(tmp_path, 'id = "vroegsignalering"', new)
    problem = _problem(path, message)
    assert problem.key == "puzzels[0].id" and problem.line == _line(path, new)


def test_an_invisible_character_in_an_item_id_or_a_reference_is_named_where_it_is_written(tmp_path):
    item = _problem(_variant(tmp_path, "[gegevens.bsn]", '[gegevens."b\\u200dsn"]'), "het id 'b\\u200dsn'")
    assert item.key == 'gegevens."b\u200dsn"' and item.line == _line(tmp_path / "casus.toml", '[gegevens."b')
    card = _problem(_variant(tmp_path, 'kaarten = ["contact"', 'kaarten = ["con\\u00adtact"'), "het id 'con\\xadtact'")
    assert card.key == "puzzels[0].kaarten[0]"


def test_the_scenario_id_keeps_its_own_name_and_example(tmp_path):
    path = _variant(tmp_path, 'id = "henk"', 'id = "Henk"')
    problem = _problem(path, "het casus-id 'Henk' mag alleen kleine letters")
    assert problem.hint == 'bijvoorbeeld "henk" of "gezin-de-vries"'


# ------------------------------------------------------------------------------------------ rewards


@pytest.mark.parametrize("reward", ["ß", "٣", "é", "Ω"])
def test_a_reward_a_team_cannot_type_on_the_lock_keypad_is_refused(tmp_path, reward):
    problem = _problem(_variant(tmp_path, 'beloning = "7"', f'beloning = "{reward}"'),
                       f"de beloning '{reward}' kan een team niet intoetsen op het slot")
    assert "0-9" in problem.hint and "A-Z" in problem.hint and problem.key == "puzzels[0].beloning"


def test_a_lower_case_letter_reward_still_counts_as_its_capital(tmp_path):
    loaded = load_judged(_variant(tmp_path, 'beloning = "7"', 'beloning = "k"'))
    assert loaded.scenario.puzzels[0].beloning == "K"


# ------------------------------------------------------------------------------------------ image paths


@pytest.mark.parametrize(("path_text", "message"), [
    ("kamers/fl\\u0000at.png", "het pad bevat een onzichtbaar stuurteken (U+0000)"),
    ("x" * 300 + ".png", "het pad is te lang: 304 tekens"),
    ("kamers/" + "y" * 120 + ".png", "het pad is te lang"),
    ("/etc/passwd", "'/etc/passwd' ligt buiten de map assets/"),
    ("../../etc/passwd", "'../../etc/passwd' ligt buiten de map assets/"),
    ("C:/Windows/win.ini", "'C:/Windows/win.ini' ligt buiten de map assets/"),
    ("kamers\\\\flat.png", "gebruik / in het pad, geen \\"),
    ("kamers//flat.png", "het pad 'kamers//flat.png' is leeg of heeft een lege mapnaam"),
], ids=["nul", "long name", "long part", "absolute", "dot dot", "drive letter", "backslash", "empty part"])
def test_an_image_path_that_could_not_be_inside_assets_is_refused_cleanly(tmp_path, path_text, message):
    path = _variant(tmp_path, "duur_minuten = 45", f'duur_minuten = 45\nafbeelding = "{path_text}"')
    problem = _problem(path, message)
    assert problem.key == "scenario.afbeelding" and problem.line == _line(path, "afbeelding =")


# ------------------------------------------------------------------------------------------ counts


def test_more_puzzles_than_a_game_can_show_is_refused(tmp_path):
    block = TEXT[TEXT.index("[[puzzels]]\nid = \"wijkagent-belt\""):TEXT.index("[[puzzels]]\nid = \"kluis\"")]
    path = _variant(tmp_path, block, block * (MAX_PUZZLES - 4))
    assert _problem(path, "te veel items").message == f"te veel items: hoogstens {MAX_PUZZLES}, er staan er 21"


def test_more_cards_than_one_screen_holds_is_refused(tmp_path):
    cards = 'kaarten = ["contact", "achterstand", "waarnemingen", "zwart_werk", "buurvrouw"]'
    path = _variant(tmp_path, cards, "kaarten = [" + ", ".join(['"contact"'] * (MAX_LIST + 1)) + "]")
    problem = _problem(path, "te veel items")
    assert problem.key == "puzzels[0].kaarten" and problem.line == _line(path, "kaarten = [")


def test_a_file_with_more_entries_than_any_scenario_needs_is_one_problem(tmp_path, capsys):
    path = tmp_path / "veel.toml"
    path.write_text(TEXT + "".join(f"[extra{i}]\n" for i in range(MAX_ENTRIES)), encoding="utf-8")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:" in out and "het bestand heeft te veel sleutels en lijst-items: meer dan 10.000" in out
    assert out.count(": fout: ") == 1
