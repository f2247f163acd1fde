"""``--peildatum`` on ``verdict`` and ``check`` (issue 9 item 4): the law as it stood on a chosen day. The WGS
applies from 2025-03-01 (kennisbank §0.4, §7.1): a casus that rests on it gets a different, explained verdict when
judged on 2020-06-01, and ``check`` on that day reports the disagreement with ``verwacht``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from escaperoom.cli import main

CASUS = '''
[scenario]
id = "zvh-test"
titel = "Casusoverleg"
verhaal = "Een casusoverleg in het Zorg- en Veiligheidshuis over een bewoner met zorgen in de wijk."
duur_minuten = 30
organisaties = ["wijkteam"]

[scenario.bewoner]
naam = "Piet"
beschrijving = "Een bewoner over wie het casusoverleg gaat."

[gegevens.begeleiding]
label = "Verloop van de begeleiding"
houder = "wijkteam"
categorieen = ["gewoon"]

[[puzzels]]
id = "tafel"
soort = "sorteren"
titel = "Wat komt op tafel?"
station = "wijkteam"
opdracht = "Sleep elk gegeven naar wie het krijgt."
beloning = "4"
kaarten = ["begeleiding"]

[[puzzels.bestemmingen]]
ontvanger = "zvh"
doel = "Casusoverleg Zorg- en Veiligheidshuis"
situatie = { zvh_casus = true }
nodig = ["begeleiding"]
verwacht = { begeleiding = "moet_delen" }

[[puzzels]]
id = "kluis"
soort = "slot"
titel = "De kluis"
station = "wijkteam"
opdracht = "Typ de code."
codes_van = ["tafel"]
'''


@pytest.fixture()
def casus(tmp_path: Path) -> Path:
    path = tmp_path / "zvh.toml"
    path.write_text(CASUS, encoding="utf-8")
    return path


def _verdict(capsys, *args: str) -> dict:
    assert main(["verdict", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)["casussen"][0]["puzzels"][0]["gevallen"][0]


def test_verdict_on_a_day_before_the_wgs_gives_a_different_explained_verdict(casus, capsys):
    today = _verdict(capsys, str(casus))
    then = _verdict(capsys, "--peildatum", "2020-06-01", str(casus))
    assert (today["oordeel"], today["regel"]) == ("moet_delen", "R02")
    assert "wgs_sv.1.5" in today["grondslagen"]["sector"]
    assert (then["peildatum"], then["oordeel"]) == ("2020-06-01", "mag_niet_delen")
    assert "WGS art. 1.5 gold op 1 juni 2020 nog niet (pas vanaf 1 maart 2025)" in then["uitleg"]


def test_verdict_text_says_which_law_it_used(casus, capsys):
    assert main(["verdict", "--peildatum", "01-06-2020", str(casus)]) == 0
    out = capsys.readouterr().out
    assert "Wet zoals die gold op 01-06-2020" in out and "MAG NIET DELEN" in out


def test_check_on_a_day_before_the_wgs_reports_that_the_engine_disagrees_with_verwacht(casus, capsys):
    assert main(["check", str(casus)]) == 0
    assert main(["check", "--peildatum", "2020-06-01", str(casus)]) == 1
    out = capsys.readouterr().out
    assert "de rule engine zegt 'mag_niet_delen' voor 'begeleiding'" in out and "naar de wet van 01-06-2020" in out


@pytest.mark.parametrize(("value", "message"), [
    ("31-02-2026", "'31-02-2026' is geen datum; schrijf bijvoorbeeld 2026-12-07 of 07-12-2026"),
    ("morgen", "'morgen' is geen datum"),
    ("2010-01-01", "01-01-2010 ligt voor 25-05-2018: het spel kent de wet van vóór de AVG niet"),
])
def test_a_wrong_peildatum_is_a_usage_error_in_dutch(casus, capsys, value, message):
    with pytest.raises(SystemExit) as stop:
        main(["verdict", "--peildatum", value, str(casus)])
    assert stop.value.code == 2 and message in capsys.readouterr().err
