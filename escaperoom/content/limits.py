"""The limits ``escaperoom check`` enforces on a content file, each a named constant with its reason.

Used by the file reader (``content/source``: size, nesting, number of entries) and by the content models
(``content/models.py``: text lengths, list sizes, the characters of ids, rewards and image paths). A limit that
is exceeded is a :class:`HintedError` with a Dutch message and a hint how to fix it; the diagnostics add the
file, key and line. Lengths count characters, per language (``nl`` and ``en`` each).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from pydantic import AfterValidator

from escaperoom.printable import printable
from escaperoom.text import Text

__all__ = [
    "MAX_DEPTH", "MAX_ENTRIES", "MAX_EXPLANATION", "MAX_FILE_BYTES", "MAX_HINT", "MAX_ID", "MAX_ITEMS", "MAX_LABEL",
    "MAX_LIST", "MAX_NAME", "MAX_OPTION", "MAX_PATH", "MAX_PATH_PART", "MAX_PROBLEMS", "MAX_PUZZLES", "MAX_STATIONS",
    "MAX_STORY", "MAX_TITLE", "EXPLANATION", "HINT", "LABEL", "NAME", "OPTION", "STORY", "TITLE", "HintedError",
    "TextRoom", "check_asset_path", "check_id", "check_provision_id", "check_reward", "name_limit", "text_limit",
]

# ---------------------------------------------------------------------------------------------------- the file

MAX_FILE_BYTES = 5_000_000
"""A scenario is a few tens of kB (henk.toml: 30 kB); 5 MB is refused before it is read, so a wrong file (a video,
a database dump) never fills the memory of a training laptop."""

MAX_DEPTH = 64
"""Content needs a handful of levels (``puzzels[2].verzoeken[0].toestemming`` is five); 64 is plenty."""

MAX_ENTRIES = 10_000
"""Keys and list items together. henk.toml has 570; a scenario of 20 puzzles about 2,000. Checked right after
parsing, so 100,000 stray headers are one clear message in milliseconds, not 100,000 problems."""

MAX_PROBLEMS = 50
"""Problems reported for one file: the first ones to fix; the rest is counted in one line ("… en nog 4.950
meldingen"), so a badly broken file gives a readable report, and quickly."""

# ---------------------------------------------------------------------------------------------------- texts
# The game draws on a 1920x1080 canvas read from 4 m: body text at 44 px and never below 36 px, titles at 64-72 px.
# At 44 px a line holds about 30 characters in the 560 px sidebar and 75 across the puzzle side. Each limit is
# what still fits the box the game gives that text at its smallest size, rounded up; the text-fit tests of the
# screens check the real content more precisely. henk.toml's longest text of each kind is in brackets.

MAX_TITLE = 60
"""A title: bold at 64-72 px in the sidebar's 240 px title box, at most three lines of about 17 characters (43)."""
MAX_LABEL = 120
"""A data item's label on a sorting card, a request's purpose, a fragment of a document to black out: one card or
row of two or three lines at 36-44 px (98)."""
MAX_OPTION = 160
"""A dilemma option, a step to put in order, a reason to pick: one button or row across the puzzle side, at most
two lines at 44 px (100)."""
MAX_HINT = 300
"""A hint, the task in the sidebar, a dilemma question, an intervisie question, the resident's description:
a short paragraph of about ten lines at 36-44 px (216)."""
MAX_EXPLANATION = 400
"""The explanation beside a verdict on the feedback screen (``uitleg``, ``toelichting``): about eight lines of 55
characters at 44 px (192)."""
MAX_STORY = 1500
"""The story on the intro screen, which has the whole width: about 14 lines of 75 characters at 44 px, and it may
shrink towards 36 px (628)."""
MAX_NAME = 40
"""The resident's name, in the story and beside the stability meter (4)."""



@dataclass(frozen=True)
class TextRoom:
    """The room a kind of text gets on the screen: at most ``chars`` characters, and why (Dutch, for the hint)."""

    chars: int
    why: str


TITLE = TextRoom(MAX_TITLE, "een titel staat groot (leesbaar op 4 m) op hoogstens drie regels in de zijbalk")
LABEL = TextRoom(MAX_LABEL, "dit staat op een kaart of regel van twee à drie regels op het scherm")
OPTION = TextRoom(MAX_OPTION, "een keuze of stap staat op één knop of regel van hoogstens twee regels")
HINT = TextRoom(MAX_HINT, "dit staat als korte alinea van zo'n tien regels op het scherm")
EXPLANATION = TextRoom(MAX_EXPLANATION, "de uitleg staat naast het oordeel op het scherm, zo'n acht regels")
STORY = TextRoom(MAX_STORY, "het verhaal staat op één scherm; vertel de rest in de puzzels")
NAME = TextRoom(MAX_NAME, "de naam staat naast de meter en in het verhaal")

# ---------------------------------------------------------------------------------------------------- lists

MAX_PUZZLES = 20
"""Puzzles in one scenario, the lock included: a game of 45-90 minutes plays 5-10; the lock shows one box per
puzzle feeding it and the room one tile per station (6)."""
MAX_ITEMS = 60
"""Data items (``[gegevens.*]``) in one scenario, and the keys of a request's ``situatie`` and ``verwacht`` (13)."""
MAX_STATIONS = 8
"""Organisations (stations) in the room: one tile each on one screen (5)."""
MAX_LIST = 12
"""Cards, destinations, decisions, fragments, steps, options, reasons, hints and questions of one puzzle: a
puzzle screen shows them at once as touch targets of at least 120 px, which is 12 in two columns (8)."""

# ---------------------------------------------------------------------------------------------------- ids and paths

MAX_ID = 40
"""An id is written in journals, reports and file names, and read aloud in the debrief (17)."""
MAX_PATH = 200
"""An image path inside assets/: long enough for a few folders, short enough for every file system and zip."""
MAX_PATH_PART = 100
"""One folder or file name in an image path (file systems allow 255 bytes; a UTF-8 character takes up to four)."""

_ID_CHAR, _ID_START = re.compile(r"[a-z0-9_-]"), re.compile(r"[a-z0-9]")
_PROVISION_CHAR = re.compile(r"[a-z0-9_.:-]")  # law ids: avg.6.1.a, wvggz.8:29.1
_ID_HINT = 'schrijf het id met kleine letters a-z, cijfers, - en _, bijvoorbeeld "stappenplan" of "wijkagent-belt"'
_INVISIBLE_HINT = ("typ het opnieuw: onzichtbare tekens komen mee bij kopiëren uit Word, een pdf, een e-mail of "
                   "een chat")
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")  # every C0/C1 control but the newline
_INVISIBLE = ("Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me", "Co", "Cn")  # controls, formats, odd spaces, marks alone
_PATH_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_PATH_EXAMPLE = 'bijvoorbeeld afbeelding = "kamers/flat.png"'


class HintedError(ValueError):
    """A validation error with a Dutch hint; the diagnostics show ``hint`` as the 'tip'."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.hint = hint


def _codepoint(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f", {name.lower()}" if name else "")


def _text_problem(text: str, room: TextRoom, what: str, multiline: bool) -> HintedError | None:
    if not multiline and "\n" in text:
        return HintedError(f"{what} moet op één regel staan, maar bevat een regelovergang",
                           "haal de regelovergang weg (ook een \\n)")
    control = _CONTROL.search(text)
    if control:
        char = control.group()
        return HintedError(f"{what} bevat een onzichtbaar stuurteken ({_codepoint(char)}) op positie "
                           f"{control.start() + 1}", "haal het teken weg" + ("; gebruik spaties in plaats van een tab"
                                                                             if char == "\t" else ""))
    if len(text) > room.chars:
        return HintedError(f"{what} is te lang: {len(text)} tekens, hoogstens {room.chars}",
                           f"maak {what} korter: {room.why}")
    return None


def text_limit(room: TextRoom, what: str, *, multiline: bool = False) -> AfterValidator:
    """A validator for a :class:`Text` field: each language at most ``room.chars`` characters, no control
    characters, and no line break unless ``multiline``. ``what`` names the text in the message ("de titel")."""

    def check(value: Text) -> Text:
        for words, text in ((what, value.nl), (f"{what} (Engels)", value.en)):
            problem = None if text is None else _text_problem(text, room, words, multiline)
            if problem is not None:
                raise problem
        return value

    return AfterValidator(check)


def name_limit(room: TextRoom, what: str) -> AfterValidator:
    """The same rules for a plain one-line string (the resident's name)."""

    def check(value: str) -> str:
        problem = _text_problem(value, room, what, False)
        if problem is not None:
            raise problem
        return value

    return AfterValidator(check)


def _check_id(value: str, charset: re.Pattern[str], what: str, allowed: str, hint: str) -> str:
    if not value:
        raise HintedError(f"{what} is leeg", hint)
    bad = next((c for c in value if not charset.fullmatch(c)), None)
    if bad is not None and bad != " " and (not bad.isprintable() or unicodedata.category(bad) in _INVISIBLE):
        raise HintedError(f"{what} '{printable(value, invisible=True)}' bevat een onzichtbaar teken "
                          f"({_codepoint(bad)})", _INVISIBLE_HINT)
    if bad is not None:
        shown = "geen spatie" if bad == " " else f"niet '{bad}'"
        raise HintedError(f"{what} '{value}' mag alleen {allowed} bevatten ({shown})", hint)
    if not _ID_START.fullmatch(value[0]):
        raise HintedError(f"{what} '{value}' moet beginnen met een letter of cijfer", hint)
    if len(value) > MAX_ID:
        raise HintedError(f"{what} is te lang: {len(value)} tekens, hoogstens {MAX_ID}",
                          "maak het id korter: het staat in journalen, rapporten en bestandsnamen")
    return value


def check_id(value: str, what: str = "het id", hint: str = _ID_HINT) -> str:
    """An id written by the author or a reference to one: ``[a-z0-9][a-z0-9_-]*``, at most :data:`MAX_ID`."""
    return _check_id(value, _ID_CHAR, what, "kleine letters a-z, cijfers, '-' en '_'", hint)


def check_provision_id(value: str) -> str:
    """A reference to a law provision (``avg.6.1.a``, ``wvggz.8:29.1``) or ``geen``."""
    return _check_id(value, _PROVISION_CHAR, "de bepaling", "kleine letters a-z, cijfers, '.', ':', '-' en '_'",
                     "gebruik een id uit escaperoom/rules/law/*.toml, zoals avg.6.1.e, of 'geen'")


def check_reward(value: str) -> str:
    """A puzzle's reward: one sign of the lock's code that a team can type on its keypad, ``0-9`` or ``A-Z``
    (a lower-case letter counts as its capital). ``ß`` would become ``SS`` and ``٣`` cannot be typed."""
    if len(value) == 1 and value.isascii() and value.isalnum():
        return value.upper()
    hint = "kies één cijfer 0-9 of één letter A-Z (zonder accent): die staan op het toetsenbord van het slot"
    if len(value) == 1 and value.isalnum():
        raise HintedError(f"de beloning '{printable(value, invisible=True)}' kan een team niet intoetsen op het "
                          "slot", hint)
    raise HintedError("de beloning is één cijfer of letter van de eindcode", hint)


def check_asset_path(value: str) -> str:
    """An image path inside ``assets/``: relative, with ``/``, no ``..``, no control characters, not too long.
    Whether the file exists is the loader's check."""
    control = _PATH_CONTROL.search(value)
    if control:
        raise HintedError(f"het pad bevat een onzichtbaar stuurteken ({_codepoint(control.group())})",
                          f"schrijf het pad opnieuw, {_PATH_EXAMPLE}")
    if "\\" in value:
        raise HintedError(f"gebruik / in het pad, geen \\: '{value}'", f"{_PATH_EXAMPLE} (ook op Windows)")
    parts = value.split("/")
    if value.startswith(("/", "~")) or re.match(r"[A-Za-z]:", value) or ".." in parts:
        raise HintedError(f"'{value}' ligt buiten de map assets/", f"verwijs alleen naar bestanden in assets/, "
                                                                  f"{_PATH_EXAMPLE}")
    if not value.strip() or "" in parts:
        raise HintedError(f"het pad '{value}' is leeg of heeft een lege mapnaam (//)", _PATH_EXAMPLE)
    if len(value) > MAX_PATH or any(len(p) > MAX_PATH_PART for p in parts):
        raise HintedError(f"het pad is te lang: {len(value)} tekens (hoogstens {MAX_PATH}, en {MAX_PATH_PART} per "
                          "map- of bestandsnaam)", "kies kortere namen voor de map en het bestand")
    return value

