"""The decision journal: an append-only JSON Lines file with one record per team decision.

The session writes it (one ``fsync`` per decision, so it survives crashes and power cuts); the debrief and the
resume screen read it back with :func:`read_journal`, which never shows a traceback for a damaged file.

Record format (one JSON object per line, UTF-8, ``\\n`` terminated)::

    {"type": "sessie_start", "schema": 1, "seq": 0, "t": "2025-03-01T09:30:00.123Z", ...header}
    {"type": "<type>", "schema": 1, "seq": 1, "t": "...", ...fields}

``seq`` grows by one per record, also across a resume (:meth:`Journal.open_append`).
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from escaperoom.errors import SaveError

JOURNAL_SCHEMA = 1
START_TYPE = "sessie_start"

_RESERVED = frozenset({"type", "schema", "seq", "t"})
_BOM = b"\xef\xbb\xbf"
_START_PREFIX = b'{"type":"sessie_start"'  # how Journal.create begins every file; a cut-off start line matches it
_HEADER_LIMIT = 1 << 20  # the start record is small; never read more than 1 MiB to find it
_OPEN_FLAGS = getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    """UTC ISO-8601 with milliseconds and a ``Z``: ``2025-03-01T09:30:00.123Z``."""
    if moment.tzinfo is None:
        raise ValueError("de klok moet een tijd met tijdzone geven")
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def fsync_dir(folder: Path) -> None:
    """Make a create/rename/delete inside ``folder`` durable. Also used by :mod:`escaperoom.storage.saves`.

    Windows cannot open a directory this way and does not need it (NTFS journals metadata): skipped there.
    """
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (and Windows) refuse fsync on a directory; the file itself is synced
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    """One ``os.write`` for the whole line; loop only if the kernel accepted part of it (disk nearly full)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _encode(record: Mapping[str, Any]) -> bytes:
    """The record as one complete line, or ``TypeError`` (nothing written yet) if it is not plain JSON."""
    try:
        text = json.dumps(record, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except ValueError as err:  # NaN/Infinity or a circular reference
        raise TypeError(f"journal record is not JSON-serialisable: {err}") from None
    except RecursionError:
        raise TypeError("journal record is nested too deeply to store") from None
    try:
        return (text + "\n").encode("utf-8")
    except UnicodeEncodeError as err:  # a lone surrogate in a string
        raise TypeError(f"journal record holds text that is not valid Unicode: {err}") from None


# --------------------------------------------------------------------------------------------------- reading


@dataclass
class JournalRead:
    """What :func:`read_journal` found: the usable records (header first) and Dutch warnings for the rest."""

    path: Path
    records: list[dict[str, Any]]
    warnings: list[str] = field(default_factory=list)

    @property
    def header(self) -> dict[str, Any]:
        return self.records[0]

    @property
    def last_seq(self) -> int:
        return max(int(r["seq"]) for r in self.records)


@dataclass
class _Parsed:
    read: JournalRead
    keep: int  # byte offset just after the last usable record (incl. its newline when it has one)
    last_unterminated: bool  # the last usable record has no newline yet
    tail_is_junk: bool  # after ``keep`` there is more than whitespace


def _decode_line(raw: bytes) -> dict[str, Any] | str:
    """The record on one line, or a short Dutch reason why it is unusable."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return "geen geldige UTF-8-tekst"
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return "geen geldige JSON"
    if not isinstance(value, dict):
        return "geen JSON-object"
    kind, seq = value.get("type"), value.get("seq")
    if not isinstance(kind, str) or not kind:
        return "het veld 'type' ontbreekt"
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0:
        return "het veld 'seq' ontbreekt of is geen volgnummer"
    return value


def _check_header(path: Path, first: dict[str, Any] | str | None, line_no: int) -> dict[str, Any]:
    if first is None:
        raise SaveError(path, "het journaal is leeg. Dit bestand is niet aangeraakt.")
    if isinstance(first, str):
        raise SaveError(
            path,
            f"dit is geen beslissingsjournaal van de Privacy Escape Room: regel {line_no} is {first}. "
            "Dit bestand is niet aangeraakt.",
        )
    if first.get("type") != START_TYPE:
        raise SaveError(
            path,
            "dit is geen beslissingsjournaal van de Privacy Escape Room: het eerste record is geen "
            f"'{START_TYPE}' maar '{first.get('type')}'. Dit bestand is niet aangeraakt.",
        )
    schema = first.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise SaveError(path, "het journaal heeft geen geldig versienummer ('schema'). Dit bestand is niet aangeraakt.")
    if schema > JOURNAL_SCHEMA:
        raise SaveError(
            path,
            f"dit journaal is gemaakt door een nieuwere versie van het spel (schema {schema}, deze versie "
            f"kent tot en met {JOURNAL_SCHEMA}). Werk het spel bij om het te openen. Dit bestand is niet aangeraakt.",
        )
    return first


def _read_bytes(path: Path, limit: int | None = None) -> bytes:
    path = Path(path)
    if path.is_dir():
        raise SaveError(path, "dit is een map, geen journaalbestand.")
    try:
        with open(path, "rb") as handle:
            return handle.read() if limit is None else handle.read(limit)
    except FileNotFoundError:
        raise SaveError(path, "het journaal bestaat niet (meer).") from None
    except PermissionError:
        raise SaveError(path, "het journaal kan niet gelezen worden: geen toegang.") from None
    except OSError as err:
        raise SaveError(path, f"het journaal kan niet gelezen worden ({err.strerror or err}).") from None


def _parse(path: Path, data: bytes) -> _Parsed:
    start = len(_BOM) if data.startswith(_BOM) else 0
    records: list[dict[str, Any]] = []
    warnings: list[str] = []
    keep = start
    last_unterminated = False
    highest = -1
    header_seen = False

    # Split on b"\n" ourselves: str.splitlines would also split on \x0b, \x1c, U+2028 … inside garbage.
    lines: list[tuple[int, int, bool]] = []  # (begin, end without newline, terminated)
    pos = start
    while pos < len(data):
        nl = data.find(b"\n", pos)
        if nl < 0:
            lines.append((pos, len(data), False))
            break
        lines.append((pos, nl, True))
        pos = nl + 1

    last_index = max((i for i, (b, e, _) in enumerate(lines) if data[b:e].strip()), default=-1)
    seen: set[int] = set()
    for index, (begin, end, terminated) in enumerate(lines):
        line_no = index + 1
        raw = data[begin:end]
        if raw.endswith(b"\r"):
            raw = raw[:-1]  # CRLF: edited on Windows
        if not raw.strip():
            continue
        decoded = _decode_line(raw)
        is_last = index == last_index
        if not header_seen:
            if isinstance(decoded, str) and not raw.strip(b"\0"):
                raise SaveError(
                    path,
                    "het journaal bevat alleen nul-bytes (waarschijnlijk een stroomstoring vlak na het starten van "
                    "de sessie). Dit bestand is niet aangeraakt.",
                )
            torn_start = _START_PREFIX.startswith(raw.lstrip()[: len(_START_PREFIX)])
            if isinstance(decoded, str) and not terminated and torn_start:
                raise SaveError(
                    path,
                    "het journaal bevat geen volledige startregel (het schrijven is afgebroken voordat de sessie "
                    "begon). Dit bestand is niet aangeraakt.",
                )
            header = _check_header(path, decoded, line_no)
            records.append(header)
            header_seen = True
            highest = header["seq"]
            seen.add(highest)
            keep, last_unterminated = (end + 1, False) if terminated else (end, True)
            if not terminated:
                warnings.append(f"de startregel (regel {line_no}) had geen regeleinde; het record is wel meegenomen.")
            continue
        if isinstance(decoded, str):
            if is_last and not terminated:
                warnings.append(
                    f"de laatste regel (regel {line_no}) is onvolledig, waarschijnlijk door een crash of "
                    "stroomstoring tijdens het schrijven; die regel is overgeslagen."
                )
            elif is_last:
                warnings.append(f"de laatste regel (regel {line_no}) is onleesbaar ({decoded}) en is overgeslagen.")
            else:
                warnings.append(f"regel {line_no} is onleesbaar ({decoded}) en is overgeslagen.")
            continue
        seq = decoded["seq"]
        if seq <= highest:
            kind = "dubbel" if seq in seen else "lager dan een eerder record"
            warnings.append(f"regel {line_no}: volgnummer {seq} is {kind}; het record is wel meegenomen.")
        highest = max(highest, seq)
        seen.add(seq)
        records.append(decoded)
        if not terminated:
            warnings.append(f"de laatste regel (regel {line_no}) had geen regeleinde; het record is wel meegenomen.")
        keep, last_unterminated = (end + 1, False) if terminated else (end, True)

    if not header_seen:
        raise SaveError(path, "het journaal is leeg. Dit bestand is niet aangeraakt.")
    tail_is_junk = bool(data[keep:].strip())
    return _Parsed(JournalRead(Path(path), records, warnings), keep, last_unterminated, tail_is_junk)


def read_journal(path: Path | str) -> JournalRead:
    """Read a journal: the usable records plus Dutch warnings for skipped lines.

    Raises :class:`SaveError` when the file is not a journal at all (missing, a directory, unreadable, empty,
    binary, first record not ``sessie_start``, schema newer than :data:`JOURNAL_SCHEMA`). Never modifies the file.
    """
    path = Path(path)
    return _parse(path, _read_bytes(path)).read


def read_journal_header(path: Path | str) -> dict[str, Any]:
    """Only the ``sessie_start`` record, read cheaply (for the list of sessions); same errors as read_journal."""
    path = Path(path)
    data = _read_bytes(path, _HEADER_LIMIT)
    start = len(_BOM) if data.startswith(_BOM) else 0
    while True:  # skip leading blank lines
        nl = data.find(b"\n", start)
        if nl < 0 or data[start:nl].strip():
            break
        start = nl + 1
    nl = data.find(b"\n", start)
    first = data[start:] if nl < 0 else data[start : nl + 1]
    return _parse(path, first).read.header


# --------------------------------------------------------------------------------------------------- writing


class Journal:
    """An open journal for appending. Use :meth:`create` for a new session, :meth:`open_append` to resume.

    One writer per file. Every :meth:`append` is one ``os.write`` of a complete line on an ``O_APPEND``
    descriptor followed by ``os.fsync``: after it returns, the record survives a crash or power cut.
    """

    def __init__(self, path: Path, fd: int, next_seq: int, size: int, clock: Clock | None = None):
        self._path = path
        self._fd: int | None = fd
        self._next_seq = next_seq
        self._size = size
        self._clock = clock or _utc_now
        self._lock = threading.Lock()

    # -- opening

    @classmethod
    def create(cls, path: Path | str, header: Mapping[str, Any], *, clock: Clock | None = None) -> Journal:
        """Start a new journal with the ``sessie_start`` record; refuses to overwrite an existing file."""
        path = Path(path)
        bad = _RESERVED & set(header)
        if bad:
            raise ValueError(f"header may not set reserved journal keys: {sorted(bad)}")
        clock = clock or _utc_now
        record = {"type": START_TYPE, "schema": JOURNAL_SCHEMA, "seq": 0, "t": _iso(clock()), **header}
        line = _encode(record)
        new_folder = not path.parent.exists()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_EXCL | _OPEN_FLAGS, 0o644)
        except FileExistsError:
            raise SaveError(path, "er bestaat al een journaal met deze naam; het wordt niet overschreven.") from None
        except OSError as err:
            raise SaveError(path, f"het journaal kan niet aangemaakt worden ({err.strerror or err}).") from None
        journal = cls(path, fd, 0, 0, clock)
        try:
            journal._write_line(line)
        except BaseException:
            journal.close()
            path.unlink(missing_ok=True)  # an empty file would block the next attempt and is no journal
            raise
        journal._next_seq = 1
        fsync_dir(path.parent)
        if new_folder:
            fsync_dir(path.parent.parent)
        return journal

    @classmethod
    def open_append(cls, path: Path | str, *, clock: Clock | None = None) -> Journal:
        """Reopen an existing journal to continue a session; ``seq`` continues after the highest one found.

        A torn tail (an unfinished last line, or unreadable lines after the last good record) is cut off first,
        so new records are not glued onto it; the original bytes are kept next to it in
        ``<name>.beschadigd-<YYYYmmdd-HHMMSS>``. Raises :class:`SaveError` if the file is not a journal.
        """
        path = Path(path)
        data = _read_bytes(path)
        parsed = _parse(path, data)
        keep = len(data)
        try:
            if parsed.tail_is_junk:
                _backup(path, data, clock or _utc_now)
                keep = parsed.keep
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | _OPEN_FLAGS)
        except OSError as err:
            reason = err.strerror or err
            raise SaveError(path, f"het journaal kan niet geopend worden om verder te schrijven ({reason}).") from None
        journal = cls(path, fd, parsed.read.last_seq + 1, keep, clock)
        try:
            if keep != len(data):
                os.ftruncate(fd, keep)
                os.fsync(fd)
            if parsed.last_unterminated:
                journal._write_line(b"\n")  # finish the complete record that only missed its newline
        except SaveError:
            journal.close()
            raise
        except OSError as err:
            journal.close()
            reason = err.strerror or err
            message = f"het beschadigde einde van het journaal kan niet hersteld worden ({reason})."
            raise SaveError(path, message) from None
        return journal

    # -- writing

    @property
    def path(self) -> Path:
        return self._path

    @property
    def next_seq(self) -> int:
        return self._next_seq

    @property
    def closed(self) -> bool:
        return self._fd is None

    def append(self, type: str, **fields: Any) -> dict[str, Any]:  # noqa: A002 - the record field is "type"
        """Write one record durably and return it. ``TypeError`` (nothing written) if a value is not JSON."""
        if not isinstance(type, str) or not type:
            raise ValueError("a journal record needs a non-empty string type")
        bad = _RESERVED & set(fields)
        if bad:
            raise ValueError(f"fields may not set reserved journal keys: {sorted(bad)}")
        with self._lock:
            if self._fd is None:
                raise ValueError("journal is closed")
            record = {"type": type, "schema": JOURNAL_SCHEMA, "seq": self._next_seq, "t": _iso(self._clock()), **fields}
            line = _encode(record)
            self._write_line(line)
            self._next_seq += 1
            return record

    def _write_line(self, line: bytes) -> None:
        assert self._fd is not None
        try:
            _write_all(self._fd, line)
            os.fsync(self._fd)
        except OSError as err:
            # Undo a half-written line so the next append does not glue onto it.
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, self._size)
            reason = err.strerror or err
            message = f"de beslissing kon niet in het journaal geschreven worden ({reason})."
            raise SaveError(self._path, message) from None
        self._size += len(line)

    def close(self) -> None:
        with self._lock:
            if self._fd is not None:
                fd, self._fd = self._fd, None
                os.close(fd)

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self.closed else f"next_seq={self._next_seq}"
        return f"Journal({str(self._path)!r}, {state})"


def _backup(path: Path, data: bytes, clock: Clock) -> Path:
    """Keep the damaged original next to the journal before repairing it; never overwrites an older copy."""
    stamp = clock().astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    base = path.with_name(f"{path.name}.beschadigd-{stamp}")
    candidate, n = base, 1
    while True:
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _OPEN_FLAGS, 0o644)
            break
        except FileExistsError:
            n += 1
            candidate = base.with_name(f"{base.name}-{n}")
    try:
        _write_all(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    fsync_dir(path.parent)
    return candidate
