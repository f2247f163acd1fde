"""Data lifecycle: ``escaperoom wis [SESSIE] [--alle] [--ja]`` deletes one session's data or all sessions.

Called by ``escaperoom.cli``. Lists what will go (team, casus, date), asks "Weet je het zeker? [j/N]" unless
``--ja``; no answer (no terminal, end of input) means no. Pure (no pygame). Exit codes: 0 deleted or nothing to
do / not confirmed, 1 unknown session or a deletion that failed, 2 neither a session nor ``--alle`` named.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from escaperoom.errors import SaveError
from escaperoom.paths import default_saves_dir
from escaperoom.storage.saves import SessionFiles, SessionInfo, delete_session, list_sessions

YES = frozenset({"j", "ja", "y", "yes"})
QUESTION = "Weet je het zeker? [j/N] "


def _describe(info: SessionInfo) -> str:
    started = info.files.started
    state = "afgerond" if info.finished else "niet afgerond"
    broken = " — beschadigd" if info.broken else ""
    return (f"  {info.files.session_id}  team: {info.team or 'onbekend'}, casus: {info.scenario or 'onbekend'}, "
            f"{started:%d-%m-%Y %H:%M} ({state}){broken}")


def confirm(ask: Callable[[str], str] = input) -> bool:
    """Ask the question; only an explicit j/ja counts as yes. No input available is a no."""
    if sys.stdin is None or sys.stdin.closed:
        return False
    try:
        answer = ask(QUESTION)
    except (EOFError, OSError, KeyboardInterrupt):
        print()
        return False
    return answer.strip().lower() in YES


def cmd_wis(args: argparse.Namespace, ask: Callable[[str], str] = input) -> int:
    saves: Path = getattr(args, "saves", None) or default_saves_dir()
    session_id: str | None = getattr(args, "session", None)
    everything = bool(getattr(args, "alle", False))
    if not session_id and not everything:
        print("escaperoom wis: noem een sessie-id, of gebruik --alle om alle sessies te verwijderen.", file=sys.stderr)
        return 2
    sessions = list_sessions(saves)
    if everything:
        chosen = sessions
        if not chosen:
            print(f"Er staan geen sessies in {saves}; er is niets verwijderd.")
            return 0
    else:
        chosen = [s for s in sessions if s.files.session_id == session_id]
        if not chosen:
            known = "\n".join(f"  {s.files.session_id}  ({s.team or 'onbekend team'})" for s in sessions)
            listing = f"Bestaande sessies:\n{known}" if known else "Er staan geen sessies in deze map."
            print(f"escaperoom wis: sessie '{session_id}' bestaat niet in {saves}.\n{listing}", file=sys.stderr)
            return 1
    print(f"Dit wordt verwijderd uit {saves} ({len(chosen)} sessie{'s' if len(chosen) != 1 else ''}, met journaal "
          "en spelstand):")
    for info in chosen:
        print(_describe(info))
    if not getattr(args, "ja", False) and not confirm(ask):
        print("Niets verwijderd.")
        return 0
    failed = 0
    for info in chosen:
        try:
            delete_session(SessionFiles(saves, info.files.session_id))
        except SaveError as err:
            failed += 1
            print(f"escaperoom wis: {err}", file=sys.stderr)
    done = len(chosen) - failed
    print(f"Verwijderd: {done} sessie{'s' if done != 1 else ''}.")
    return 1 if failed else 0
