"""Wires a :class:`Session` to disk: every event goes to the journal (fsync per record), then the state is saved
atomically. Also starts, resumes and lists sessions. Pure (no pygame); used by the game and the kill test.

Order matters for crash safety: the journal record is written and fsynced *before* the state file, and the state
remembers the seq of the last record it reflects (``journaal_seq``). ``submit`` returns — and the screen shows the
result — only after both are on disk. A crash between the two leaves a journal record that the team never saw
accepted; on resume it is marked in a ``herstel`` record (``niet_toegepast``), the team redoes that step, and
:func:`~escaperoom.play.records.applied_records` (used by the debrief) leaves such records out. A crash after a
deciding record (the lock opened, the facilitator ended the game, the time ran out) but before ``einde`` is
finished on resume (:meth:`Session.settle`), so a resumed game can always end. The records themselves (the start
header, ``herstel``) are built from :mod:`escaperoom.play.records`; the state from :mod:`escaperoom.play.state`.

:func:`resume` checks everything before it touches a file: a state or journal that does not fit raises
:class:`SaveError` (Dutch, naming the key) and leaves both files byte-identical.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from escaperoom import __version__
from escaperoom.content.diagnostics import quote_value
from escaperoom.errors import SaveError
from escaperoom.kinds.judging import Judged
from escaperoom.play.fingerprint import content_hash
from escaperoom.play.records import BadRecord, RepairRecord, StartRecord, StartSettings
from escaperoom.play.session import Feedback, Session, Settings
from escaperoom.play.state import StateError, from_state, to_state
from escaperoom.storage.journal import Journal, JournalRead, read_journal
from escaperoom.storage.saves import SessionFiles, clean_stale_temp_files, list_sessions, read_state, write_state

_KEPT = "Het bestand blijft bewaard; begin een nieuw spel."


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
                                       "journaal_seq": self.journal_seq, **to_state(s)})

    def close(self) -> None:
        self.journal.close()


def start(saves_dir: Path, loaded: Judged, team: str, *, duration_s: int | None = None,
          feedback: Feedback = Feedback.DIRECT, lang: str = "nl") -> Recorder:
    """A new session on disk: journal header (scenario, team, settings, app version, content hash, the peildatum
    whose law judged the casus) and state."""
    saves_dir.mkdir(parents=True, exist_ok=True)
    clean_stale_temp_files(saves_dir)
    sc = loaded.scenario
    settings = Settings(sc.id, team, duration_s or sc.scenario.duur_minuten * 60, feedback, lang)
    files = SessionFiles.new(saves_dir, team)
    while files.folder.exists():  # same team, same second, same random suffix: draw again
        files = SessionFiles.new(saves_dir, team)
    header = StartRecord(files.session_id, sc.id, sc.id, sc.scenario.titel.nl, team,
                         StartSettings(settings.duration_s, feedback.value, lang), __version__, content_hash(loaded),
                         sc.scenario.stabiliteit.start, loaded.peildatum.isoformat(), loaded.level)
    journal = Journal.create(files.journal, header.fields())
    session = Session(scenario=sc, cases=loaded.cases, settings=settings)
    rec = Recorder(files, journal, session)
    session.on_event = rec._on_event
    rec.save()
    return rec


def resume(files: SessionFiles, loaded: Judged) -> Recorder:
    """Continue an interrupted session. Raises :class:`SaveError` for a state or journal that is corrupt or does
    not fit; the files are left byte-identical in that case (everything is checked before anything is written).

    A session killed between creating its journal and its first state save (the journal holds only the start
    record) is rebuilt from that start record: nothing had happened yet, so it starts at the full time. Once
    resumed, a game whose end was decided but not recorded is finished (:meth:`Session.settle`)."""
    clean_stale_temp_files(files.folder)
    journal_read = read_journal(files.journal)  # read-only: a damaged tail is repaired only after every check
    rebuilt = not files.state.exists() and not files.state.is_symlink()
    if rebuilt:
        session, applied = _from_journal_start(files, journal_read, loaded), journal_read.header["seq"]
    else:
        state = read_state(files.state)
        applied = _check_recorder_keys(files, state, journal_read)
        try:
            session = from_state(state, loaded.scenario, loaded.cases)
        except StateError as err:
            raise SaveError(files.state, f"{err.message} {_KEPT}") from None
    journal = Journal.open_append(files.journal)
    rec = Recorder(files, journal, session, journal_seq=applied)
    session.on_event = rec._on_event
    lost = list(range(applied + 1, journal.next_seq))
    if lost:  # written, but the crash came before the state (and so before the screen) showed them
        repair = RepairRecord(tuple(lost))
        rec.journal_seq = journal.append(repair.type, **repair.fields())["seq"]
    if lost or rebuilt:
        rec.save()
    session.settle()  # writes the einde record (and the state) when the end was decided before the crash
    return rec


def _check_recorder_keys(files: SessionFiles, state: dict[str, Any], journal_read: JournalRead) -> int:
    """The keys the recorder adds to the state; returns ``journaal_seq``."""
    applied = state.get("journaal_seq")
    if "journaal_seq" not in state:
        raise SaveError(files.state, "'journaal_seq' ontbreekt: de spelstand zegt niet tot welke regel van het "
                                     f"journaal hij bijgewerkt is. {_KEPT}")
    if not isinstance(applied, int) or isinstance(applied, bool) or applied < 0:
        raise SaveError(files.state, f"'journaal_seq' is geen volgnummer ({quote_value(applied)}). {_KEPT}")
    if applied > journal_read.last_seq:
        raise SaveError(files.state, f"'journaal_seq' is {applied}, maar het journaal gaat maar tot "
                                     f"{journal_read.last_seq}: stand en journaal horen niet bij elkaar. {_KEPT}")
    for key, kind, word in (("sessie", str, "geen tekst"), ("team", str, "geen tekst"),
                            ("scenario", str, "geen tekst"), ("afgerond", bool, "geen ja/nee-waarde (true of false)")):
        if key in state and not isinstance(state[key], kind):
            raise SaveError(files.state, f"'{key}' is {word} ({quote_value(state[key])}). {_KEPT}")
    return applied


def _from_journal_start(files: SessionFiles, journal_read: JournalRead, loaded: Judged) -> Session:
    """A session that was created but never saved: rebuilt from its start record, when that is all there is."""
    decisions = len(journal_read.records) - 1
    if decisions > 0:
        raise SaveError(files.state, f"de spelstand (stand.toml) ontbreekt, terwijl het journaal al {decisions} "
                                     f"record{'s' if decisions != 1 else ''} na de start bevat; zonder spelstand kan "
                                     "dit spel niet verder. Het journaal blijft bewaard voor de nabespreking; begin "
                                     "een nieuw spel.")
    try:
        start = StartRecord.check(journal_read.header, loaded.scenario.id, [f.value for f in Feedback])
    except BadRecord as err:
        raise SaveError(files.journal, "dit spel werd afgebroken vlak na het starten, nog voor de eerste opslag, "
                                       f"en de startregel van het journaal past niet ({err}). Er was nog niets "
                                       "gespeeld: begin een nieuw spel. Het journaal blijft bewaard.") from None
    ins = start.settings
    if start.team is None or ins.duration_s is None or ins.feedback is None or ins.lang is None:
        raise AssertionError("StartRecord.check lets no start record without team or settings through")
    return Session(scenario=loaded.scenario, cases=loaded.cases,
                   settings=Settings(loaded.scenario.id, start.team, ins.duration_s, Feedback(ins.feedback), ins.lang))


def resumable(saves_dir: Path) -> list[SessionFiles]:
    """Unfinished, readable sessions, newest first."""
    if not saves_dir.is_dir():
        return []
    return [info.files for info in list_sessions(saves_dir) if info.ok and not info.finished]
