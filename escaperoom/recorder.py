"""Wires a :class:`Session` to disk: every event goes to the journal (fsync per record), then the state is saved
atomically. Also starts, resumes and lists sessions. Pure (no pygame); used by the game and the kill test.

Order matters for crash safety: the journal record is written and fsynced *before* the state file, and the state
remembers the seq of the last record it reflects (``journaal_seq``). ``submit`` returns — and the screen shows the
result — only after both are on disk. A crash between the two leaves a journal record that the team never saw
accepted; on resume it is marked in a ``herstel`` record (``niet_toegepast``), the team redoes that step, and
:func:`applied_records` (used by the debrief) leaves such records out.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from escaperoom import __version__
from escaperoom.content.loader import Loaded
from escaperoom.errors import SaveError
from escaperoom.journal import Journal
from escaperoom.saves import SessionFiles, clean_stale_temp_files, list_sessions, read_state, write_state
from escaperoom.session import Feedback, Session, Settings


def content_hash(loaded: Loaded) -> str:
    """A short hash of the scenario file's text: the debrief can tell whether teams played the same content."""
    return hashlib.sha256(loaded.doc.text.encode("utf-8")).hexdigest()[:16]


@dataclass
class Recorder:
    files: SessionFiles
    journal: Journal
    session: Session

    journal_seq: int = 0  # the last journal record the state reflects

    def _on_event(self, kind: str, fields: dict[str, Any]) -> None:
        self.journal_seq = self.journal.append(kind, **fields)["seq"]
        self.save()

    def save(self) -> None:
        s = self.session
        write_state(self.files.state, {"sessie": self.files.session_id, "team": s.settings.team,
                                       "scenario": s.scenario.id, "afgerond": s.phase.final,
                                       "journaal_seq": self.journal_seq, **s.to_state()})

    def close(self) -> None:
        self.journal.close()


def start(saves_dir: Path, loaded: Loaded, team: str, *, duration_s: int | None = None,
          feedback: Feedback = Feedback.DIRECT, lang: str = "nl") -> Recorder:
    """A new session on disk: journal header (scenario, team, settings, app version, content hash) and state."""
    saves_dir.mkdir(parents=True, exist_ok=True)
    clean_stale_temp_files(saves_dir)
    sc = loaded.scenario
    settings = Settings(sc.id, team, duration_s or sc.scenario.duur_minuten * 60, feedback, lang)
    files = SessionFiles.new(saves_dir, team)
    while files.folder.exists():  # same team, same second, same random suffix: draw again
        files = SessionFiles.new(saves_dir, team)
    header = {"sessie": files.session_id, "casus": sc.id, "scenario": sc.id, "casus_titel": sc.scenario.titel.nl, "team": team,
              "instellingen": {"duur_s": settings.duration_s, "feedback": feedback.value, "taal": lang},
              "app_versie": __version__, "inhoud_hash": content_hash(loaded),
              "stabiliteit_start": sc.scenario.stabiliteit.start}
    journal = Journal.create(files.journal, header)
    session = Session(scenario=sc, cases=loaded.cases, settings=settings)
    rec = Recorder(files, journal, session)
    session.on_event = rec._on_event
    rec.save()
    return rec


def resume(files: SessionFiles, loaded: Loaded) -> Recorder:
    """Continue an interrupted session. Raises :class:`SaveError` for a state that is corrupt or does not fit;
    the files are left untouched in that case."""
    clean_stale_temp_files(files.folder)
    state = read_state(files.state)
    try:
        session = Session.from_state(state, loaded.scenario, loaded.cases)
    except (KeyError, ValueError, TypeError) as err:
        raise SaveError(files.state, f"de spelstand past niet bij deze casus of is beschadigd ({err}). "
                                     "Het bestand blijft bewaard; begin een nieuw spel.") from None
    applied = state.get("journaal_seq")
    if not isinstance(applied, int) or applied < 0:
        raise SaveError(files.state, "de spelstand zegt niet tot welke regel van het journaal hij bijgewerkt is. "
                                     "Het bestand blijft bewaard; begin een nieuw spel.")
    journal = Journal.open_append(files.journal)
    rec = Recorder(files, journal, session, journal_seq=applied)
    session.on_event = rec._on_event
    lost = list(range(applied + 1, journal.next_seq))
    if lost:  # written, but the crash came before the state (and so before the screen) showed them
        rec.journal_seq = journal.append("herstel", niet_toegepast=lost)["seq"]
        rec.save()
    return rec


def applied_records(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records of a journal without those a later ``herstel`` record marks as never applied."""
    dropped = {seq for r in records if r.get("type") == "herstel"
               for seq in (r.get("niet_toegepast") or []) if isinstance(seq, int)}
    return [r for r in records if r.get("seq") not in dropped]


def resumable(saves_dir: Path) -> list[SessionFiles]:
    """Unfinished, readable sessions, newest first."""
    if not saves_dir.is_dir():
        return []
    return [info.files for info in list_sessions(saves_dir) if info.ok and not info.finished]
