"""Wires a :class:`Session` to disk: every event goes to the journal (fsync per record), then the state is saved
atomically. Also starts, resumes and lists sessions. Pure (no pygame); used by the game and the kill test.

Order matters for crash safety: the journal record is written and fsynced *before* the state file, and the state
remembers the seq of the last record it reflects (``journaal_seq``). ``submit`` returns — and the screen shows the
result — only after both are on disk. A crash between the two leaves a journal record that the team never saw
accepted; on resume it is marked in a ``herstel`` record (``niet_toegepast``), the team redoes that step, and
:func:`applied_records` (used by the debrief) leaves such records out. A crash after a deciding record (the lock
opened, the facilitator ended the game, the time ran out) but before ``einde`` is finished on resume
(:meth:`Session.settle`), so a resumed game can always end.

:func:`resume` checks everything before it touches a file: a state or journal that does not fit raises
:class:`SaveError` (Dutch, naming the key) and leaves both files byte-identical.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from escaperoom import __version__
from escaperoom.content.diagnostics import quote_value
from escaperoom.errors import SaveError
from escaperoom.storage.journal import Journal, JournalRead, read_journal
from escaperoom.kinds.judging import Judged
from escaperoom.rules.lawbook import LAW_DIR
from escaperoom.storage.saves import SessionFiles, clean_stale_temp_files, list_sessions, read_state, write_state
from escaperoom.play.session import Feedback, Session, Settings, StateError
from escaperoom.text import LANGUAGES

_KEPT = "Het bestand blijft bewaard; begin een nieuw spel."


def law_files(law_dir: Path = LAW_DIR) -> list[Path]:
    """The files that decide the verdicts: ``rules/*.toml`` (roles, facts) and ``rules/law/*.toml``, sorted by
    their path below ``rules/``."""
    rules = law_dir.parent
    return sorted([*rules.glob("*.toml"), *law_dir.glob("*.toml")], key=lambda p: p.relative_to(rules).as_posix())


def _normalised_text(path: Path) -> str:
    """A file's text as the hash sees it: BOM removed and line endings as ``\\n``, so a Windows checkout of the
    same law hashes the same."""
    try:
        data = path.read_bytes()
    except OSError:
        return "<onleesbaar>"
    return data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n")


def content_hash(loaded: Judged, law_dir: Path = LAW_DIR) -> str:
    """A short hash of the scenario's text and of the law files that decide its verdicts (see :func:`law_files`):
    the debrief can tell whether teams played the same content under the same law."""
    digest = hashlib.sha256()
    digest.update(b"casus\0" + loaded.doc.text.encode("utf-8"))
    rules = law_dir.parent
    for path in law_files(law_dir):
        digest.update(b"\0" + path.relative_to(rules).as_posix().encode("utf-8") + b"\0")
        digest.update(_normalised_text(path).encode("utf-8"))
    return digest.hexdigest()[:16]


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


def start(saves_dir: Path, loaded: Judged, team: str, *, duration_s: int | None = None,
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
            session = Session.from_state(state, loaded.scenario, loaded.cases)
        except StateError as err:
            raise SaveError(files.state, f"{err.message} {_KEPT}") from None
    journal = Journal.open_append(files.journal)
    rec = Recorder(files, journal, session, journal_seq=applied)
    session.on_event = rec._on_event
    lost = list(range(applied + 1, journal.next_seq))
    if lost:  # written, but the crash came before the state (and so before the screen) showed them
        rec.journal_seq = journal.append("herstel", niet_toegepast=lost)["seq"]
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
    header = journal_read.header
    settings = header.get("instellingen")

    def refuse(what: str) -> SaveError:
        return SaveError(files.journal, "dit spel werd afgebroken vlak na het starten, nog voor de eerste opslag, "
                                        f"en de startregel van het journaal past niet ({what}). Er was nog niets "
                                        "gespeeld: begin een nieuw spel. Het journaal blijft bewaard.")

    casus = header.get("casus", header.get("scenario"))
    if casus != loaded.scenario.id:
        raise refuse(f"casus {quote_value(casus)} in plaats van '{loaded.scenario.id}'")
    team = header.get("team")
    if not isinstance(team, str):
        raise refuse("geen team")
    if not isinstance(settings, dict):
        raise refuse("geen instellingen")
    duration, feedback, lang = settings.get("duur_s"), settings.get("feedback"), settings.get("taal")
    if not isinstance(duration, int) or isinstance(duration, bool) or not 0 < duration <= 10**9:
        raise refuse(f"speelduur {quote_value(duration)}")
    if feedback not in {f.value for f in Feedback}:
        raise refuse(f"feedback {quote_value(feedback)}")
    if lang not in LANGUAGES:
        raise refuse(f"taal {quote_value(lang)}")
    return Session(scenario=loaded.scenario, cases=loaded.cases,
                   settings=Settings(loaded.scenario.id, team, duration, Feedback(feedback), lang))


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
