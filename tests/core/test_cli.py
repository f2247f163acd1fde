"""The command line: exit codes and output of check and verdict, and never a traceback for bad input."""

import json
import subprocess
import sys
from pathlib import Path

from escaperoom.cli import main

REPO = Path(__file__).resolve().parents[2]
HENK = REPO / "puzzels" / "henk.toml"


def test_check_of_the_bundled_puzzles_passes_with_exit_code_zero(capsys):
    assert main(["check"]) == 0
    assert "0 fout(en)" in capsys.readouterr().out


def test_check_reports_a_broken_file_with_file_line_and_exit_code_one(tmp_path, capsys):
    bad = tmp_path / "kapot.toml"
    bad.write_text(HENK.read_text(encoding="utf-8").replace('ontvanger = "politie"', 'ontvanger = "polite"', 1),
                   encoding="utf-8")
    assert main(["check", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "onbekende rol 'polite'" in out and "bedoelde je 'politie'?" in out
    line = next(i for i, text in enumerate(bad.read_text(encoding="utf-8").splitlines(), 1) if '"polite"' in text)
    assert f"kapot.toml:{line}:" in out


def test_check_fails_when_the_engine_disagrees_with_the_expected_verdict(tmp_path, capsys):
    bad = tmp_path / "oneens.toml"
    text = HENK.read_text(encoding="utf-8").replace(
        'verwacht = { dreiging = "mag_delen" }', 'verwacht = { dreiging = "mag_niet_delen" }')
    bad.write_text(text, encoding="utf-8")
    assert main(["check", str(bad)]) == 1
    assert "de rule engine zegt 'mag_delen' voor 'dreiging'" in capsys.readouterr().out


def test_check_of_binary_junk_empty_file_and_directory_never_prints_a_traceback(tmp_path):
    (tmp_path / "junk.toml").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "leeg.toml").write_bytes(b"")
    (tmp_path / "map.toml").mkdir()
    out = subprocess.run([sys.executable, "-m", "escaperoom", "check", str(tmp_path / "junk.toml"),
                          str(tmp_path / "leeg.toml"), str(tmp_path / "map.toml")],
                         capture_output=True, text=True, check=False)
    assert out.returncode == 1
    assert "Traceback" not in out.stdout + out.stderr
    assert "leeg" in out.stdout


def test_check_with_an_unknown_option_is_a_usage_error_with_exit_code_two():
    out = subprocess.run([sys.executable, "-m", "escaperoom", "check", "--bestaat-niet"],
                         capture_output=True, text=True, check=False)
    assert out.returncode == 2


def test_verdict_json_has_the_documented_stable_structure(capsys):
    assert main(["verdict", "--json", str(HENK)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["schema"] == 2
    case = doc["casussen"][0]["puzzels"][0]["gevallen"][0]
    assert set(case) >= {"sleutel", "gegeven", "houder", "ontvanger", "oordeel", "regel", "grondslagen",
                         "artikelen", "uitleg", "stappen", "onzeker", "berust_op_onzeker",
                         "tekst_niet_letterlijk"}
    assert set(case["grondslagen"]) == {"art6", "art6_alle", "art9", "art10", "beroepsgeheim", "sector", "verbod"}
    assert case["oordeel"] == "moet_delen"
    assert case["grondslagen"]["art6_alle"] == ["avg.6.1.c"] and case["grondslagen"]["verbod"] == []
    assert {"id": "besluit_wgs.2", "citaat": "Besluit gemeentelijke schuldhulpverlening art. 2",
            "url": "https://zoek.officielebekendmakingen.nl/stb-2020-240.html"} in case["artikelen"]


def test_verdict_text_names_the_decision_and_the_articles(capsys):
    assert main(["verdict", str(HENK)]) == 0
    out = capsys.readouterr().out
    assert "MAG NIET DELEN (regel R05)" in out and "BW art. 7:457 lid 1" in out


def test_verdict_json_puts_what_forbids_a_mag_niet_verdict_under_verbod_not_under_sector(capsys):
    """A reader of 'sector' must not take a prohibition for a basis (schema 2)."""
    assert main(["verdict", "--json", str(HENK)]) == 0
    doc = json.loads(capsys.readouterr().out)
    cases = [c for p in doc["casussen"][0]["puzzels"] for c in p["gevallen"]]
    refused = [c for c in cases if c["oordeel"] == "mag_niet_delen"]
    assert refused and all(c["grondslagen"]["verbod"] and not c["grondslagen"]["sector"] for c in refused)
    assert all(c["grondslagen"]["art6"] is None and c["grondslagen"]["art6_alle"] == [] for c in refused)
    shared = [c for c in cases if c["oordeel"] != "mag_niet_delen"]
    assert all(not c["grondslagen"]["verbod"] for c in shared)
    assert all(c["grondslagen"]["art6"] == (c["grondslagen"]["art6_alle"] or [None])[0] for c in shared)
