"""The group's agreements (werkafspraken) in the debrief's own file: kept, read back, linked to a puzzle and its
article, refused when they hold personal data, the text being typed kept as a draft, a damaged file set aside
instead of overwritten, and nothing lost when the debrief is killed in the middle of a write."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from escaperoom.debrief.agreements import (
    FILE_NAME,
    MAX_TEXT,
    Agreement,
    AgreementBook,
    PersonalData,
    agreements_path,
    article_choices,
    load_agreements,
)


def test_an_agreement_is_kept_in_the_debriefs_folder_and_read_back_in_order(tmp_path):
    book = load_agreements(tmp_path)
    assert book.items == [] and book.path == tmp_path / FILE_NAME and not book.path.exists()
    first = book.add(Agreement("  We vragen de bewoner eerst zelf  ", "de FG", "grondslagen", "avg.6.1.a", "henk"))
    book.add(Agreement("We leggen vast wat we deelden en waarom", casus="henk"))
    again = load_agreements(tmp_path)
    assert [a.text for a in again.items] == ["We vragen de bewoner eerst zelf",
                                             "We leggen vast wat we deelden en waarom"]
    assert again.items[0] == first and first.who == "de FG" and first.article == "avg.6.1.a" and first.made
    assert again.of_casus("henk") == again.items and again.of_casus("andere") == []
    again.remove(first)
    assert [a.text for a in load_agreements(tmp_path).items] == ["We leggen vast wat we deelden en waarom"]


def test_an_agreement_with_personal_data_or_without_text_is_not_kept(tmp_path):
    book = load_agreements(tmp_path)
    with pytest.raises(PersonalData) as found:
        book.add(Agreement("Bel mevrouw op 06-12345678", "de FG", casus="henk"))
    assert [f.kind for f in found.value.findings] == ["telefoon"]
    with pytest.raises(PersonalData):
        book.add(Agreement("We bellen eerst", "jan@example.nl"))
    with pytest.raises(ValueError):
        book.add(Agreement("   ", "de FG"))
    assert book.items == [] and not book.path.exists()
    long = book.add(Agreement("x" * (MAX_TEXT + 50)))
    assert len(long.text) == MAX_TEXT


def test_the_text_being_typed_is_kept_as_a_draft_but_never_with_personal_data(tmp_path):
    book = load_agreements(tmp_path)
    book.keep_draft(Agreement("We vragen eerst", casus="henk"))
    assert load_agreements(tmp_path).draft == Agreement("We vragen eerst", casus="henk")
    book.keep_draft(Agreement("We vragen eerst 0612345678", casus="henk"))  # not written: the old draft stays
    assert load_agreements(tmp_path).draft == Agreement("We vragen eerst", casus="henk")
    book.add(Agreement("We vragen eerst zelf", casus="henk"))
    assert load_agreements(tmp_path).draft is None


def test_a_damaged_file_is_read_as_far_as_it_goes_and_set_aside_before_the_first_write(tmp_path):
    path = agreements_path(tmp_path)
    path.write_text('app = "escaperoom"\nschema = 1\n[[afspraak]]\ntekst = "kapot', encoding="utf-8")
    book = load_agreements(tmp_path)
    assert book.items == [] and "TOML" in book.problem
    book.add(Agreement("Nieuw"))
    kept = [p for p in tmp_path.iterdir() if p.name.startswith(f"{FILE_NAME}.onleesbaar-")]
    assert len(kept) == 1 and "kapot" in kept[0].read_text(encoding="utf-8")
    assert [a.text for a in load_agreements(tmp_path).items] == ["Nieuw"]
    path.write_text('app = "escaperoom"\nschema = 1\n[[afspraak]]\ntekst = 5\n[[afspraak]]\ntekst = "Goed"\n',
                    encoding="utf-8")
    assert [a.text for a in load_agreements(tmp_path).items] == ["Goed"]  # a wrong entry is skipped


def test_an_agreement_can_point_to_the_articles_the_puzzles_verdicts_rest_on(henk_loaded):
    articles = article_choices(henk_loaded, "grondslagen")
    assert {"avg.6.1.a", "avg.6.1.d", "besluit_wgs.2"} <= set(articles[:6])
    assert article_choices(henk_loaded, "stappenplan") == [] and article_choices(None, "grondslagen") == []


def test_a_book_without_a_folder_keeps_its_agreements_in_memory_only(tmp_path):
    book = AgreementBook(None)
    book.add(Agreement("Alleen voor nu"))
    assert [a.text for a in book.items] == ["Alleen voor nu"] and list(tmp_path.iterdir()) == []


_WRITER = textwrap.dedent("""
    import sys
    from escaperoom.debrief.agreements import Agreement, load_agreements
    book = load_agreements(sys.argv[1])
    for i in range(len(book.items), 100000):
        book.add(Agreement(f"Afspraak {i} " + "we bellen eerst de FG en leggen alles vast " * 3, "de FG"))
        print(i + 1, flush=True)
""")


def test_a_debrief_killed_while_it_writes_its_agreements_loses_none_that_were_kept(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    confirmed = 0
    for round_ in range(4):  # kill at a different moment each round: before, during or after a write
        with subprocess.Popen([sys.executable, "-c", _WRITER, str(tmp_path)], stdout=subprocess.PIPE, text=True,
                              env=env) as child:
            assert child.stdout is not None
            wanted = confirmed + 5 + 3 * round_
            while confirmed < wanted:
                line = child.stdout.readline()
                assert line, "the writer stopped"
                confirmed = int(line)
            time.sleep(0.003 * round_)
            child.send_signal(signal.SIGKILL)
            child.wait()
        book = load_agreements(tmp_path)
        assert book.problem == ""  # the file is whole: the old list or the new one, never a mix
        assert len(book.items) >= confirmed  # every agreement the debrief had confirmed is there
        assert [a.text.split()[1] for a in book.items] == [str(i) for i in range(len(book.items))]
        confirmed = len(book.items)


def test_the_big_screen_of_escaperoom_debrief_dir_keeps_its_agreements_in_dir(five_teams):
    from argparse import Namespace

    from escaperoom.debrief.command import Screen, cmd_debrief, debrief_folder

    screen = cmd_debrief(Namespace(paths=[five_teams], html=None, csv=None, handout=None))
    assert isinstance(screen, Screen) and screen.folder == five_teams
    journal = next(five_teams.glob("*/journal.jsonl"))
    assert debrief_folder([journal]) == journal.parent
