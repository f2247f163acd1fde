"""Game-state saves (atomic TOML) and the per-session folders in the saves directory.

The session writes its state with :func:`write_state` after every change; the start screen lists sessions with
:func:`list_sessions` to resume or delete them, and calls :func:`clean_stale_temp_files` at start-up.

Layout: ``<saves>/<session_id>/journal.jsonl`` (see :mod:`escaperoom.storage.journal`) and
``<saves>/<session_id>/stand.toml``.
Team names only: no participant names are stored anywhere.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import tomli_w

from escaperoom.errors import SaveError
from escaperoom.storage.journal import fsync_dir, read_journal_header

SAVE_SCHEMA = 1
APP_NAME = "escaperoom"

JOURNAL_NAME = "journal.jsonl"
STATE_NAME = "stand.toml"

# Keys other modules agree on: the journal header carries "team" and "scenario"; the state file may carry them
# too, and "afgerond = true" once the session is finished.
TEAM_KEY = "team"
SCENARIO_KEY = "scenario"
FINISHED_KEY = "afgerond"

_RESERVED = ("app", "schema")
_BOM = b"\xef\xbb\xbf"
_OPEN_FLAGS = getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
_WRITE_BUFFER = 1 << 16  # bytes gathered before a write(2)
_TEMP_RE = re.compile(r"^\..+\.\d+\.tmp$")
_SESSION_RE = re.compile(r"^(\d{8}-\d{6})-([a-z0-9]+(?:-[a-z0-9]+)*)-([0-9a-f]{4})$")
_KEPT = "Het bestand is niet aangeraakt."


# --------------------------------------------------------------------------------------------------- state file


def _drop_none(value: Any, where: str) -> Any:
    """Copy of ``value`` without ``None`` table values (TOML has no null). ``None`` inside a list is refused:
    dropping it would shift the positions of the other items."""
    if isinstance(value, Mapping):
        out = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"save keys must be strings, got {key!r} at {where or 'top level'}")
            if item is not None:
                out[key] = _drop_none(item, f"{where}.{key}" if where else key)
        return out
    if isinstance(value, (list, tuple)):
        if any(item is None for item in value):
            raise TypeError(f"a list in a save may not contain None (at {where}); TOML has no null")
        return [_drop_none(item, f"{where}[{i}]") for i, item in enumerate(value)]
    return value


def _encode_state(state: Mapping[str, Any]) -> bytes:
    if not isinstance(state, Mapping):
        raise TypeError(f"state must be a mapping, got {type(state).__name__}")
    clash = [key for key in _RESERVED if key in state]
    if clash:
        raise ValueError(f"state may not use the reserved keys {clash}; write_state adds them")
    document = {"app": APP_NAME, "schema": SAVE_SCHEMA, **_drop_none(state, "")}
    try:
        return tomli_w.dumps(document).encode("utf-8")
    except UnicodeEncodeError as err:
        raise TypeError(f"state holds text that is not valid Unicode: {err}") from None


def _temp_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def atomic_write(path: Path | str, data: bytes | Iterable[bytes]) -> None:
    """Replace ``path`` with ``data`` atomically: temp file in the same folder, flush, fsync, ``os.replace``, fsync
    the folder. ``data`` is bytes, or chunks of bytes written as they are produced (a report is never held whole
    in memory). After a crash the file holds the old or the new bytes, never a mix. Raises ``OSError``, or what
    producing a chunk raised (the temp file is removed); callers turn an ``OSError`` into a Dutch
    :class:`SaveError`. The one atomic writer: also used for the debrief reports."""
    path = Path(path)
    temp = _temp_path(path)
    chunks = (data,) if isinstance(data, bytes | bytearray | memoryview) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _OPEN_FLAGS, 0o644)
        with open(fd, "wb", buffering=_WRITE_BUFFER) as out:  # closes fd, also when a chunk fails
            for chunk in chunks:
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    fsync_dir(path.parent)


def write_state(path: Path | str, state: Mapping[str, Any]) -> None:
    """Atomically replace ``path`` with ``state`` as TOML (plus ``app``/``schema``): after a crash the file holds
    either the old or the new state, never a mix. ``TypeError`` (nothing written) if a value cannot be TOML.

    One writer per file: the temp name ``.<name>.<pid>.tmp`` is shared by threads of one process.
    """
    path = Path(path)
    data = _encode_state(state)
    try:
        atomic_write(path, data)
    except OSError as err:
        reason = err.strerror or err
        message = f"de spelstand kan niet opgeslagen worden ({reason}). De vorige stand is bewaard."
        raise SaveError(path, message) from None


def read_state(path: Path | str) -> dict[str, Any]:
    """The state dict as written (without ``app``/``schema``). ``SaveError`` with a Dutch reason when the file is
    missing, empty, binary, broken TOML, not ours or from a newer version; the file is never changed."""
    path = Path(path)
    if path.is_dir():
        raise SaveError(path, f"dit is een map, geen opslagbestand. {_KEPT}")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SaveError(path, "het opslagbestand bestaat niet (meer).") from None
    except PermissionError:
        raise SaveError(path, f"het opslagbestand kan niet gelezen worden: geen toegang. {_KEPT}") from None
    except OSError as err:
        raise SaveError(path, f"het opslagbestand kan niet gelezen worden ({err.strerror or err}). {_KEPT}") from None
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    if not data.strip():
        raise SaveError(path, f"het opslagbestand is leeg (waarschijnlijk afgebroken bij het opslaan). {_KEPT}")
    if b"\x00" in data:
        raise SaveError(path, f"het opslagbestand bevat binaire gegevens en is geen spelstand. {_KEPT}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise SaveError(path, f"het opslagbestand is geen UTF-8-tekst en dus geen spelstand. {_KEPT}") from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise SaveError(path, f"het opslagbestand is beschadigd (geen geldige TOML: {err}). {_KEPT}") from None
    except (ValueError, RecursionError):
        raise SaveError(path, f"het opslagbestand is beschadigd (geen geldige TOML). {_KEPT}") from None
    if document.get("app") != APP_NAME:
        raise SaveError(
            path, f'dit is geen spelstand van de Privacy Escape Room (de regel app = "{APP_NAME}" ontbreekt). {_KEPT}'
        )
    schema = document.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise SaveError(path, f"de spelstand heeft geen geldig versienummer ('schema'). {_KEPT}")
    if schema > SAVE_SCHEMA:
        raise SaveError(
            path,
            f"deze spelstand is gemaakt door een nieuwere versie van het spel (schema {schema}, deze versie kent "
            f"tot en met {SAVE_SCHEMA}). Werk het spel bij om hem te openen. {_KEPT}",
        )
    return {key: value for key, value in document.items() if key not in _RESERVED}


def clean_stale_temp_files(folder: Path | str) -> list[Path]:
    """Remove ``.<name>.<pid>.tmp`` leftovers of interrupted :func:`write_state` calls in ``folder`` and its
    direct subfolders (the session folders). Call once at start-up, before anything writes. Returns what went."""
    folder = Path(folder)
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for candidate in sorted([*folder.glob(".*.tmp"), *folder.glob("*/.*.tmp")]):
        if not _TEMP_RE.match(candidate.name) or not candidate.is_file() or candidate.is_symlink():
            continue
        try:
            candidate.unlink()
        except OSError:
            continue
        removed.append(candidate)
    return removed


# --------------------------------------------------------------------------------------------------- sessions


def team_slug(team: str) -> str:
    """``"De Uilen van Zuid!"`` → ``"de-uilen-van-zuid"``: ASCII, lower case, at most 30 characters."""
    plain = unicodedata.normalize("NFKD", team.replace("ĳ", "ij").replace("Ĳ", "IJ"))
    plain = plain.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:30].strip("-")
    return slug or "team"


@dataclass(frozen=True)
class SessionFiles:
    """The files of one session: ``<saves_dir>/<session_id>/journal.jsonl`` and ``.../stand.toml``.

    ``session_id`` is ``YYYYmmdd-HHMMSS-<team-slug>-<4 hex>`` (local time); any other id is refused, so a
    session can never point outside the saves folder.
    """

    saves_dir: Path
    session_id: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "saves_dir", Path(self.saves_dir))
        if not isinstance(self.session_id, str) or not _SESSION_RE.match(self.session_id):
            raise ValueError(f"not a session id: {self.session_id!r}")

    @classmethod
    def new(cls, saves_dir: Path | str, team: str, *, now: datetime | None = None) -> SessionFiles:
        """A fresh id for ``team`` (no folder is created yet; Journal.create and write_state create it)."""
        moment = now or datetime.now()
        return cls(Path(saves_dir), f"{moment:%Y%m%d-%H%M%S}-{team_slug(team)}-{secrets.token_hex(2)}")

    @property
    def folder(self) -> Path:
        return self.saves_dir / self.session_id

    @property
    def journal(self) -> Path:
        return self.folder / JOURNAL_NAME

    @property
    def state(self) -> Path:
        return self.folder / STATE_NAME

    @property
    def started(self) -> datetime:
        """Local start time encoded in the id."""
        return datetime.strptime(self.session_id[:15], "%Y%m%d-%H%M%S")


@dataclass(frozen=True)
class SessionInfo:
    """One row of :func:`list_sessions`. ``broken`` is a Dutch reason when the session cannot be resumed."""

    files: SessionFiles
    team: str | None
    scenario: str | None
    finished: bool
    broken: str | None = None

    @property
    def ok(self) -> bool:
        return self.broken is None


def _session_info(files: SessionFiles) -> SessionInfo:
    header: dict[str, Any] = {}
    state: dict[str, Any] = {}
    problems: list[str] = []
    if files.journal.exists() or files.journal.is_symlink():
        try:
            header = read_journal_header(files.journal)
        except SaveError as err:
            problems.append(f"journaal: {err.message}")
    else:
        problems.append("journaal: het journaal ontbreekt.")
    if files.state.exists() or files.state.is_symlink():  # a session without state yet is fine (crash before save)
        try:
            state = read_state(files.state)
        except SaveError as err:
            problems.append(f"stand: {err.message}")

    def text(key: str) -> str | None:
        for source in (header, state):
            value = source.get(key)
            if isinstance(value, str) and value:
                return value
        return None

    return SessionInfo(
        files=files,
        team=text(TEAM_KEY),
        scenario=text(SCENARIO_KEY),
        finished=state.get(FINISHED_KEY) is True,
        broken=" ".join(problems) or None,
    )


def _session_folders(saves_dir: Path) -> list[SessionFiles]:
    if not saves_dir.is_dir():
        return []
    found = []
    for entry in saves_dir.iterdir():
        if _SESSION_RE.match(entry.name) and entry.is_dir() and not entry.is_symlink():
            found.append(SessionFiles(saves_dir, entry.name))
    return found


def list_sessions(saves_dir: Path | str) -> list[SessionInfo]:
    """All sessions in ``saves_dir``, newest first; broken ones are included with ``broken`` set, never raised.
    Other files and folders in ``saves_dir`` (README, backups) are ignored."""
    sessions = _session_folders(Path(saves_dir))
    sessions.sort(key=lambda files: files.session_id, reverse=True)
    return [_session_info(files) for files in sessions]


def delete_session(files: SessionFiles) -> None:
    """Remove one session's folder with everything in it (journal, state, damaged copies). Missing is fine."""
    folder = files.folder
    if folder.is_symlink():
        raise SaveError(folder, "dit is een koppeling, geen sessiemap; er is niets verwijderd.")
    if not folder.exists():
        return
    try:
        shutil.rmtree(folder)
    except OSError as err:
        raise SaveError(folder, f"de sessie kan niet (helemaal) verwijderd worden ({err.strerror or err}).") from None
    fsync_dir(files.saves_dir)


def delete_all(saves_dir: Path | str) -> list[SessionFiles]:
    """Remove every session folder in ``saves_dir`` (nothing else there); returns the removed sessions."""
    removed = []
    for files in _session_folders(Path(saves_dir)):
        delete_session(files)
        removed.append(files)
    return sorted(removed, key=lambda files: files.session_id, reverse=True)
