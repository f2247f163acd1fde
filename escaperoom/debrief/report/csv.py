"""The debrief as a CSV for Excel, produced as a stream of chunks: one row per item decision of every attempt (the
final lock's code included), in journal order per team.

Used by ``escaperoom.debrief.report.files`` (``escaperoom debrief PAD --csv beslissingen.csv``). Pure (no pygame).

Format (opens correctly in Dutch Excel): UTF-8 with BOM, ``;`` between fields, decimal comma, CRLF line ends.
The header row is in the report's language (``--lang en``: English), the columns keep their order and meaning.

Safe to open: a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (Excel would
read it as a formula) gets a leading ``'``, as OWASP's CSV-injection advice says; Excel then shows the text as
written. Only text cells: the numeric columns ``poging`` and ``punten`` stay numbers. The lock's code is written
as ``code 00000``: a bare ``00000`` would become the number 0 in Excel, and the word keeps it text for Excel while
a program that reads the CSV still gets the digits unchanged after "code " (no invisible characters, no ``="…"``).

The columns, in order (:data:`CSV_COLUMNS`, the Dutch ids; the English header in brackets):

    sessie (session)        session id (the folder name in saves/)
    team (team)             team name as shown in the debrief (made unique when two teams share a name)
    casus (scenario)        scenario id
    puzzel (puzzle)         puzzle id
    soort (kind)            puzzle kind: sorteren, grondslag, zwartlakken, volgorde, dilemma, slot
    poging (attempt)        attempt number at this puzzle (1, 2, ...); a number
    sleutel (key)           item key within the puzzle (card id, beslissing:0, fragment:2, positie:3, keuze, code)
    gegeven (item)          what was decided: the item (card, fragment, decision) as the team saw it; for volgorde
                            the place ("plaats 3"); for a dilemma the question; for the lock its title
    antwoord (answer)       what the team did, in words: recipient or "niet delen", basis, zwartgelakt/laten staan,
                            the step put at that place, the chosen option's text, or "code 00000"
    verwacht (expected)     what the law (or for volgorde/dilemma the author) expects, in words ("… of …" when
                            several answers are right); for the lock "code …"
    oordeel (verdict)       the rule engine's verdict for the team's choice: moet delen, mag delen, mag niet delen
                            (legal items; in English must share, may share, may not share)
    fout (error)            goed, or the kind of error: te ruim, te voorzichtig, verkeerde grondslag, verkeerde
                            volgorde, ... (in English right, too broad, too cautious, wrong basis, ...)
    punten (points)         credit for this item: 1, 0,5 or 0; a number
    regel (rule)            the decisive rule of the engine (R01-R15 or a named step)
    grondslagen (bases)     the legal bases that carry the verdict, as citations separated by " | "
    artikelen (articles)    every provision cited in the engine's reasoning, separated by " | "
    reden (reason)          the reason the team typed with this attempt (may be empty)
    tijdstip (time)         when the attempt was recorded, local time (YYYY-MM-DD HH:MM:SS)
    uitleg (explanation)    the explanation the game showed the team for this item, from the journal (empty in old
                            journals)
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence

from escaperoom.debrief.model import Attempt, Debrief, ItemDecision, TeamSession, error_word, parse_time, puzzle_words
from escaperoom.debrief.report.texts import column, verdict_word
from escaperoom.kinds import Words

CSV_COLUMNS = ("sessie", "team", "casus", "puzzel", "soort", "poging", "sleutel", "gegeven", "antwoord", "verwacht",
               "oordeel", "fout", "punten", "regel", "grondslagen", "artikelen", "reden", "tijdstip", "uitleg")
NUMERIC_COLUMNS = frozenset({"poging", "punten"})  # numbers: never prefixed
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_CHARS = frozenset(FORMULA_START)
_TEXT_INDEXES = tuple(i for i, name in enumerate(CSV_COLUMNS) if name not in NUMERIC_COLUMNS)
_CHUNK = 1 << 16  # characters gathered before a chunk is handed on


def neutralise(value: str) -> str:
    """A text cell Excel shows as text: a leading ``'`` when it starts like a formula (OWASP CSV injection)."""
    return "'" + value if value[:1] in _FORMULA_CHARS else value


def header(lang: str = "nl") -> list[str]:
    """The header row in ``lang`` (Dutch: the column ids of :data:`CSV_COLUMNS`)."""
    return [column(name, lang) for name in CSV_COLUMNS]


def _decimal(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


class _Cells:
    """The cells of one debrief's rows. What repeats from row to row (the words of a puzzle, an answer in words,
    a list of citations, a verdict, error or points word) is worked out once: at 10⁵ rows that was most of the
    work."""

    def __init__(self, d: Debrief) -> None:
        self.d = d
        self._words: dict[tuple[bool, str, str], Words] = {}
        self._said: dict[tuple[int, str, str, str, tuple[str, ...]], tuple[str, str, str]] = {}
        self._cites: dict[tuple[str, ...], str] = {}
        self._verdicts: dict[str | None, str] = {}
        self._errors: dict[str | None, str] = {}
        self._points: dict[float, str] = {}

    def words(self, own: bool, a: Attempt) -> Words:
        """The words of the attempt's puzzle; ``own``: from this computer's casus (else from the journal)."""
        key = (own, a.puzzle, a.kind)
        found = self._words.get(key)
        if found is None:
            d = self.d
            found = self._words[key] = puzzle_words(d.book, d.loaded if own else None, a.puzzle, a.kind, d.lang)
        return found

    def said(self, words: Words, item: ItemDecision) -> tuple[str, str, str]:
        """(gegeven, antwoord, verwacht) in words: a dilemma's question and chosen option, "code 00000" ..."""
        key = (id(words), item.key, item.label, item.answer, item.expected)
        found = self._said.get(key)
        if found is None:
            found = self._said[key] = words.csv(item.key, item.label, item.answer, item.expected)
        return found

    def cite(self, provisions: tuple[str, ...]) -> str:
        found = self._cites.get(provisions)
        if found is None:
            book, loaded = self.d.book, self.d.loaded
            day = loaded.peildatum if loaded is not None else None  # as worded on the day whose law judged
            found = " | ".join(book.cite(c, self.d.lang, day) if c in book.provisions else c for c in provisions)
            self._cites[provisions] = found
        return found

    def verdict(self, decision: str | None) -> str:
        found = self._verdicts.get(decision)
        if found is None:
            found = self._verdicts[decision] = verdict_word(decision, self.d.lang) if decision else ""
        return found

    def error(self, error: str | None) -> str:
        found = self._errors.get(error)
        if found is None:
            found = self._errors[error] = error_word(error, self.d.lang)
        return found

    def points(self, points: float) -> str:
        found = self._points.get(points)
        if found is None:
            found = self._points[points] = _decimal(points)
        return found

    def row(self, team: TeamSession, a: Attempt, words: Words, item: ItemDecision, stamp: str) -> list[str]:
        """One item decision as the cells of :data:`CSV_COLUMNS`, text cells neutralised."""
        given, answer, expected = self.said(words, item)
        cells = [team.session_id, team.label, team.casus, a.puzzle, a.kind, str(a.number), item.key, given, answer,
                 expected, self.verdict(item.verdict), self.error(item.error), self.points(item.points),
                 item.rule or "", self.cite(item.bases), self.cite(item.citations), a.reason, stamp, item.explanation]
        for i in _TEXT_INDEXES:
            if cells[i][:1] in _FORMULA_CHARS:
                cells[i] = "'" + cells[i]
        return cells


def csv_rows(debriefs: Sequence[Debrief]) -> Iterator[list[str]]:
    """The CSV rows (without header), one per item decision, text cells neutralised. A team that played other
    content than this computer's gets the option and step texts from its own journal."""
    for d in debriefs:
        cells = _Cells(d)
        for team in d.sessions:
            own = d.loaded is not None and team.label not in d.other_version
            for step in team.steps:
                a = step.attempt
                if a is None:
                    continue
                words = cells.words(own, a)
                local = parse_time(a.t)
                stamp = local.strftime("%Y-%m-%d %H:%M:%S") if local else a.t
                for item in a.items:
                    yield cells.row(team, a, words, item, stamp)


def csv_chunks(debriefs: Sequence[Debrief], lang: str | None = None) -> Iterator[str]:
    """The CSV text (without BOM) in chunks of about 64k characters. ``lang`` (the header's language) defaults to
    the debriefs' language."""
    lang = lang or (debriefs[0].lang if debriefs else "nl")
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([neutralise(v) for v in header(lang)])
    for row in csv_rows(debriefs):
        writer.writerow(row)
        if buffer.tell() >= _CHUNK:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
