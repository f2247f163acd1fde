"""The command line: exit codes and output of check and verdict, and never a traceback for bad input."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

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
    assert doc["schema"] == 3
    case = doc["casussen"][0]["puzzels"][0]["gevallen"][0]
    assert set(case) >= {"sleutel", "gegeven", "houder", "ontvanger", "oordeel", "regel", "grondslagen",
                         "artikelen", "uitleg", "stappen", "onzeker", "berust_op_onzeker",
                         "tekst_niet_letterlijk", "peildatum", "ook", "uitleg_ook", "notities"}
    assert {"regel": "R15", "effect": "vereist"}.items() <= case["ook"][0].items()
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


# ------------------------------------------------------------------ a console that cannot show every character


def _run(*args: str, encoding: str = "cp1252", cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    return subprocess.run([sys.executable, "-m", "escaperoom", *args], capture_output=True, check=False, env=env,
                          cwd=cwd)


def test_check_on_a_cp1252_console_prints_a_hint_order_problem_without_a_unicode_error(tmp_path):
    """A Windows redirect (cp1252) cannot encode "→": the report must still come out, readable."""
    bad = tmp_path / "hints.toml"
    bad.write_text(HENK.read_text(encoding="utf-8").replace('niveau = "principe"', 'niveau = "voorbeeld"', 1),
                   encoding="utf-8")
    out = _run("check", str(bad))
    text = out.stdout.decode("cp1252") + out.stderr.decode("cp1252")
    assert out.returncode == 1 and "Traceback" not in text and "UnicodeEncodeError" not in text
    assert "principe -> artikel -> voorbeeld" in text


def test_verdict_text_on_a_cp1252_console_completes(tmp_path):
    out = _run("verdict", str(HENK))
    assert out.returncode == 0 and b"Traceback" not in out.stderr
    assert "MAG NIET DELEN" in out.stdout.decode("cp1252")


def test_verdict_json_on_an_ascii_console_is_exactly_the_same_json():
    utf8 = json.loads(_run("verdict", "--json", str(HENK), encoding="utf-8").stdout.decode("utf-8"))
    ascii_ = _run("verdict", "--json", str(HENK), encoding="ascii")
    assert ascii_.returncode == 0
    assert json.loads(ascii_.stdout.decode("ascii")) == utf8


# ------------------------------------------------------------------ usage errors and folders


def test_verdict_on_an_empty_folder_is_a_usage_error_with_a_dutch_message(tmp_path, capsys):
    assert main(["verdict", str(tmp_path)]) == 2
    assert "geen .toml-bestanden gevonden" in capsys.readouterr().err


def test_verdict_without_a_path_judges_the_bundled_puzzles_like_check_does(capsys):
    assert main(["verdict"]) == 0
    assert "Casus henk" in capsys.readouterr().out


@pytest.mark.parametrize("months", ["-5", "0", "twaalf"])
def test_check_refuses_a_stale_period_that_is_no_positive_number_of_months(months, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["check", "--verouderd-na", months])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "--verouderd-na" in err and ("maanden" in err or "geheel getal" in err)


def test_an_empty_folder_next_to_a_valid_file_is_warned_about_not_skipped(tmp_path, capsys):
    empty = tmp_path / "leeg"
    empty.mkdir()
    assert main(["check", str(HENK), str(empty)]) == 0
    out = capsys.readouterr().out
    assert f"{empty}: waarschuwing: in deze map staan geen .toml-bestanden" in out
    assert "1 waarschuwing(en)" in out


def test_a_scenario_schema_newer_than_the_game_points_at_the_schema_line(tmp_path, capsys):
    bad = tmp_path / "schema99.toml"
    bad.write_text(HENK.read_text(encoding="utf-8").replace("schema = 1", "schema = 99", 1), encoding="utf-8")
    assert main(["check", str(bad)]) == 1
    line = next(i for i, text in enumerate(bad.read_text(encoding="utf-8").splitlines(), 1) if text == "schema = 99")
    out = capsys.readouterr().out
    assert f"schema99.toml:{line}: fout: schema 99 is nieuwer" in out and "(sleutel 'schema')" in out
