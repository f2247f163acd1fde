"""``escaperoom debrief [PAD ...] [--html RAPPORT] [--csv BESTAND] [--handout BESTAND]``: write the reports and the
participants' handout, or say what the big screen should show.

Called by ``escaperoom.cli``. Without paths the saves folder is read (``--saves`` or the default). With
``--html``/``--csv``/``--handout`` the files are written and every journal that could not be read is named on a
warning line; without them ``cmd_debrief`` returns a :class:`Screen` and the CLI opens the debrief screens with it
(this module never reaches the screen, nor pygame). The debrief's folder (the first path) keeps the group's
agreements (``afspraken.toml``): the big screen writes them, the report and the handout read them.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from escaperoom.debrief.agreements import load_agreements
from escaperoom.debrief.handout import write_handout
from escaperoom.debrief.model import SessionSet, build_debriefs, load_sessions
from escaperoom.debrief.report import write_csv, write_html
from escaperoom.kinds.words import default_catalogue
from escaperoom.paths import default_saves_dir


def _paths(args: argparse.Namespace) -> list[Path]:
    given = list(getattr(args, "paths", None) or [])
    if given:
        return given
    return [getattr(args, "saves", None) or default_saves_dir()]


def debrief_folder(paths: list[Path]) -> Path:
    """The debrief's own folder, where its agreements are kept: the first path (a journal's folder for a file)."""
    first = paths[0]
    return first.parent if first.is_file() else first


def _say(key: str, lang: str, **values: Any) -> str:
    """A line of this command in ``lang`` (``nabespreking.opdracht.*`` in assets/strings/nabespreking.toml)."""
    return default_catalogue().t(f"nabespreking.opdracht.{key}", lang, **values)


def _warn(found: SessionSet, lang: str) -> None:
    for broken in found.broken:
        print(_say("warning", lang, x=_say("not_read", lang, x=broken.line())), file=sys.stderr)
    for dup in found.duplicates:
        print(_say("warning", lang, x=dup.line()), file=sys.stderr)
    for note in found.notes:
        print(_say("warning", lang, x=note), file=sys.stderr)


@dataclass(frozen=True)
class Screen:
    """What the big screen should show, and how: the sessions found, which to choose (None: the default choice)
    and the window options from the command line."""

    found: SessionSet
    selected: list[str] | None
    window: bool = False
    headless: bool = False
    frames: int = 0
    screenshot: Path | None = None
    lang: str = "nl"
    folder: Path | None = None  # where the agreements are kept


def cmd_debrief(args: argparse.Namespace) -> int | Screen:
    """Write the reports asked for (the exit code), or, without ``--html``/``--csv``, what the screen shows."""
    paths = _paths(args)
    found = load_sessions(paths)
    html_path, csv_path = getattr(args, "html", None), getattr(args, "csv", None)
    handout_path = getattr(args, "handout", None)
    if html_path is None and csv_path is None and handout_path is None:
        selected = None
        if getattr(args, "paths", None) and found.sessions:  # named explicitly: every session of the newest casus
            selected = [s.session_id for s in found.sessions if s.casus == found.sessions[0].casus]
        return Screen(found, selected, window=bool(getattr(args, "window", False)),
                      headless=bool(getattr(args, "headless", False)), frames=int(getattr(args, "frames", 0) or 0),
                      screenshot=getattr(args, "screenshot", None), lang=getattr(args, "lang", "nl") or "nl",
                      folder=debrief_folder(paths))
    lang = getattr(args, "lang", "nl") or "nl"
    _warn(found, lang)
    if not found.sessions:
        where = ", ".join(str(p) for p in paths)
        print(_say("none_found", lang, where=where), file=sys.stderr)
        return 1
    debriefs = build_debriefs(found, lang=lang)
    for d in debriefs:
        for line in d.warnings:  # content versions, missing casus, skipped records per team
            print(_say("warning", lang, x=line), file=sys.stderr)
    teams = sum(len(d.sessions) for d in debriefs)
    if html_path is not None:
        written = write_html(debriefs, html_path, found, lang=lang, agreements=load_agreements(debrief_folder(paths)),
                             most_divided_first=bool(getattr(args, "verdeeld_eerst", False)))
        count = _say("team_one" if teams == 1 else "team_many", lang, n=teams)
        print(_say("html_written", lang, path=written, teams=count))
    if csv_path is not None:
        written = write_csv(debriefs, csv_path, lang=lang)
        print(_say("csv_written", lang, path=written))
    if handout_path is not None:
        book = load_agreements(debrief_folder(paths))
        written = write_handout(debriefs, book, handout_path, lang=lang)
        print(_say("handout_written", lang, path=written, agreements=book.path))
    return 0
