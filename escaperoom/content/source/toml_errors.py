"""tomllib's English parse errors → one Dutch :class:`Problem` with the line an editor shows and a hint.

Used by :func:`~escaperoom.content.source.document.parse_toml`. Each tomllib message has an explanation below
(found by exact text, then by prefix); the line scanner tells what was still open where tomllib stopped, so an
unclosed list points at the line where it starts. An unknown message falls back to Dutch with the original.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from escaperoom.content.source.keypath import format_key_path
from escaperoom.content.source.scanner import LineScanner
from escaperoom.errors import Problem

__all__ = ["TOML_HINT", "translate_decode_error"]

TOML_HINT = "elke regel is 'sleutel = waarde', een kop [naam] of [[naam]], of commentaar dat begint met #"

_POSITION = re.compile(r"^(?P<msg>.*) \((?:at line (?P<line>\d+), column (?P<col>\d+)|at end of document)\)$", re.S)
_KEY_VALUE_LINE = re.compile(
    r"""^\s*(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*'))*\s*=""")
_HEADER_LINE = re.compile(r"^\s*\[\[?\s*[A-Za-z0-9_\-.\"' ]+\]\]?\s*(?:#.*)?$")
_DATE_LIKE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")
_SMART_QUOTES = "“”„‟‘’‚‛«»"

_KEY_CHARS_HINT = ("een sleutel bestaat uit letters a-z, cijfers, _ en -; andere tekens (spaties, é) mogen "
                   "alleen als je de sleutel tussen aanhalingstekens zet")
_SMART_HINT = ('gebruik gewone aanhalingstekens " in plaats van “ ” (tekstverwerkers zoals Word maken daar '
               "krullende van); schrijf puzzels in een teksteditor")
_HEADER_HINT = "schrijf een kop op één regel: [naam] of [[naam]]; namen met spaties zet je tussen aanhalingstekens"
_INVISIBLE_HINT = "haal het teken weg; het komt vaak mee bij kopiëren uit Word of een pdf"
_BOOL_WORDS = {"ja", "nee", "waar", "onwaar", "yes", "no", "on", "off", "y", "n", "j"}

Explanation = tuple[str, str, int | None, str]  # message, hint, line, key


@dataclass
class _Where:
    """Where tomllib stopped: the text, the position, its line (1-based) and column (0-based)."""

    text: str
    pos: int
    line: int
    line_text: str
    col: int

    @property
    def rest(self) -> str:
        return self.line_text[self.col :]

    @property
    def before(self) -> str:
        return self.line_text[: self.col]

    def scan(self) -> LineScanner:
        return LineScanner(self.text, stop=self.pos).run()


def translate_decode_error(path: Path | None, text: str, message: str) -> Problem:
    """One Dutch problem for tomllib's ``message`` about ``text``; never raises."""
    base, where = _locate(text, message)
    try:
        found = _explain(base, where)
    except Exception:  # noqa: BLE001 — the explanation is a nicety; the plain translation must always come out
        found = None
    if found is None:
        found = (f"dit is geen geldige TOML ({base})", TOML_HINT, where.line, "")
    msg, hint, line, key = found
    return Problem(path, msg, key=key, line=line, hint=hint)


def _locate(text: str, message: str) -> tuple[str, _Where]:
    match = _POSITION.match(message)
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    if match and match.group("line"):
        line = int(match.group("line"))
        col = int(match.group("col")) - 1
        pos = starts[min(line, len(starts)) - 1] + col
    else:
        pos = len(text)
        stripped = text.rstrip()
        line = stripped.count("\n") + 1
        col = len(stripped) - (stripped.rfind("\n") + 1)
    line_text = text.split("\n")[line - 1] if line - 1 < len(starts) else ""
    base = match.group("msg") if match else message
    return base, _Where(text, min(pos, len(text)), line, line_text, max(0, min(col, len(line_text))))


def _explain(base: str, w: _Where) -> Explanation | None:
    """Dutch message, hint, line and key for one tomllib message, or ``None`` for the generic fallback."""
    exact = _EXACT.get(base)
    if exact is not None:
        return exact(base, w)
    for prefixes, explain in _PREFIXED:
        if base.startswith(prefixes):
            return explain(base, w)
    return None


# --------------------------------------------------------------------------------------------- explanations


def _overwrite(base: str, w: _Where) -> Explanation:
    return _duplicate(w, header=w.line_text.lstrip().startswith("["))


def _declared(base: str, w: _Where) -> Explanation:
    return _duplicate(w, header=True, name=_tuple_key(base))


def _immutable(base: str, w: _Where) -> Explanation:
    name = _tuple_key(base)
    return (f"'{name}' is al eerder helemaal gegeven (als {{ ... }} of als lijst) en kan hier niet worden aangevuld",
            f"zet alles van '{name}' op één plek: óf als {{ ... }}, óf onder een kop [{name}]", w.line, name)


def _unclosed_array(base: str, w: _Where) -> Explanation:
    scan = w.scan()
    start = _open_array_line(scan, w.line + (w.pos < len(w.text)))
    if w.pos >= len(w.text) or _KEY_VALUE_LINE.match(w.rest) or _HEADER_LINE.match(w.line_text):
        return ("de lijst wordt niet afgesloten met ']'",
                "zet een ']' na het laatste item van de lijst"
                + (f" (de lijst begint op regel {start})" if start else ""), start or w.line, _key_of(scan))
    return ("tussen twee items van de lijst ontbreekt een komma",
            "zet een komma achter het item vóór dit item: [\"a\", \"b\"]", w.line, _key_of(scan))


def _unclosed_inline_table(base: str, w: _Where) -> Explanation:
    scan = w.scan()
    start = next((f.line for f in reversed(scan.stack) if f.kind == "inline"), None)
    return ("de tabel { ... } wordt niet afgesloten met '}'",
            "een tabel tussen { } moet op één regel staan en eindigen met '}'; "
            "voor een langere tabel gebruik je een kop [naam]", start or w.line, _key_of(scan))


def _bad_key_start(base: str, w: _Where) -> Explanation:
    scan = w.scan()
    if scan.stack and scan.stack[-1].kind == "inline" or w.rest[:1] in (",", "}"):
        return ("een tabel tussen { } moet op één regel staan, zonder komma na het laatste item",
                "zet de hele { ... } op één regel, of gebruik een kop [naam] met een sleutel per regel",
                w.line, _key_of(scan))
    return ("hier hoort een sleutel te beginnen", _KEY_CHARS_HINT, w.line, "")


def _invalid_statement(base: str, w: _Where) -> Explanation:
    first = w.rest[:1]
    if first in _SMART_QUOTES:
        return ("krullende aanhalingstekens (“ ”) kan TOML niet lezen", _SMART_HINT, w.line, "")
    if first == "=":
        return ("vóór de '=' ontbreekt de sleutel", "schrijf sleutel = waarde, bijvoorbeeld: titel = \"...\"",
                w.line, "")
    if first and not first.isprintable():
        return (f"onzichtbaar stuurteken {_codepoint(first)} aan het begin van de regel", _INVISIBLE_HINT, w.line, "")
    return ("deze regel is geen geldige TOML",
            TOML_HINT + "; hoort deze tekst bij de regel erboven? zet lange tekst tussen \"\"\" en \"\"\"", w.line, "")


def _unterminated(base: str, w: _Where) -> Explanation:
    if base == "Unterminated string":
        whole = LineScanner(w.text).run()
        if whole.open_string_triple:
            start = whole.open_string_line or w.line
            return ('tekst met drie aanhalingstekens (""" of \'\'\') wordt nergens afgesloten',
                    f'zet aan het eind van de tekst die op regel {start} begint weer """ (of \'\'\')', start, "")
    scan = LineScanner(w.text, stop=w.pos + 1).run()
    start = scan.unclosed_string_line or scan.open_string_line or w.line
    return ("de tekst wordt op dezelfde regel niet afgesloten met een aanhalingsteken",
            'zet aan het eind van de tekst een " ; tekst over meerdere regels zet je tussen drie '
            'aanhalingstekens: """ ... """', start, "")


def _illegal_character(base: str, w: _Where) -> Explanation:
    char = w.text[w.pos] if w.pos < len(w.text) else ""
    return (f"ongeldig (onzichtbaar) teken {_codepoint(char)} in de tekst", _INVISIBLE_HINT, w.line, "")


def _lone_backslash(base: str, w: _Where) -> Explanation:
    return ("een backslash (\\) in tekst tussen \" \" moet je dubbel schrijven",
            "schrijf \\\\, of zet de tekst tussen enkele aanhalingstekens: pad = 'C:\\map'", w.line, "")


def _bad_escape(base: str, w: _Where) -> Explanation:
    return ("ongeldige tekencode na \\u of \\U in de tekst",
            "schrijf het teken zelf, of een geldige code zoals \\u00E9 (é); een losse \\ schrijf je als \\\\",
            w.line, "")


def _bad_date(base: str, w: _Where) -> Explanation:
    return (f"'{_value_text(w)}' is geen geldige datum",
            "schrijf een bestaande datum als jaar-maand-dag, bijvoorbeeld 2024-03-01 (zonder aanhalingstekens)",
            w.line, "")


def _unclosed_table_header(base: str, w: _Where) -> Explanation:
    return ("de kop wordt niet afgesloten met ']'", _HEADER_HINT, w.line, "")


def _unclosed_array_header(base: str, w: _Where) -> Explanation:
    return ("de kop wordt niet afgesloten met ']]'", _HEADER_HINT, w.line, "")


def _invalid_value(base: str, w: _Where) -> Explanation:
    line = w.line
    scan = w.scan()
    key = _key_of(scan)
    in_array = bool(scan.stack) and scan.stack[-1].kind == "array"
    if in_array and (_KEY_VALUE_LINE.match(w.rest) or _HEADER_LINE.match(w.line_text)):
        start = _open_array_line(scan, w.line)
        return ("de lijst wordt niet afgesloten met ']'",
                f"zet een ']' na het laatste item van de lijst (de lijst begint op regel {start})", start, key)
    value = _value_text(w)
    first = value[:1]
    if not value or first == "#" or (w.pos >= len(w.text)):
        return ("na '=' ontbreekt de waarde",
                'schrijf een waarde achter de =, bijvoorbeeld: titel = "..." of aantal = 3', line, key)
    if first == ",":
        return ("er staat een komma zonder item ervoor in de lijst",
                "haal de dubbele komma weg: [\"a\", \"b\"]", line, key)
    if first == "=":
        return ("er staan twee '=' achter elkaar", "gebruik één '=': sleutel = waarde", line, key)
    if first in _SMART_QUOTES:
        return ("krullende aanhalingstekens (“ ”) kan TOML niet lezen", _SMART_HINT, line, key)
    return _word_value(w, value, in_array, key)


def _word_value(w: _Where, value: str, in_array: bool, key: str) -> Explanation:
    """A value that starts like a word: a boolean in the wrong case, ja/nee, or text without quotes."""
    line, first = w.line, value[:1]
    word = _first_word(value)
    if word.lower() in ("true", "false"):
        return (f"'{word}' moet in kleine letters: {word.lower()}",
                "schrijf true of false in kleine letters, zonder aanhalingstekens", line, key)
    if word.lower() in _BOOL_WORDS:
        return (f"'{word}' is geen geldige waarde",
                "bedoel je ja/nee? schrijf dan true of false (zonder aanhalingstekens); "
                "bedoel je tekst? zet tekst tussen aanhalingstekens: \"" + word + "\"", line, key)
    if first.isalpha() or first in "€$@&*!?(<-":
        example_key = _line_key(w) or "titel"
        example_value = value.replace('"', '\\"') if not in_array else word
        example = f'"{example_value}"' if in_array else f'{example_key} = "{example_value}"'
        return ("tekst zonder aanhalingstekens: TOML leest dit niet als tekst",
                f"zet tekst tussen aanhalingstekens, bijvoorbeeld: {example}", line, key)
    return (f"'{value}' is geen geldige waarde",
            'tekst zet je tussen aanhalingstekens ("..."), getallen zonder (3 of 1.5), '
            "ja/nee als true of false, een datum als 2024-03-01", line, key)


def _trailing_text(base: str, w: _Where) -> Explanation:
    line = w.line
    before, rest = w.before.rstrip(), w.rest
    if rest[:1] and not rest[:1].isprintable() and not rest[:1].isspace():
        return (f"onzichtbaar stuurteken {_codepoint(rest[:1])} na de waarde", _INVISIBLE_HINT, line, "")
    value_before = before.split("=", 1)[1].strip() if "=" in before else before.strip()
    if rest.startswith(",") and before[-1:].isdigit() and rest[1:2].isdigit():
        whole = re.search(r"[\d_]+$", before)
        decimals = re.match(r",(\d+)", rest)
        number = (whole.group() if whole else "") + "," + (decimals.group(1) if decimals else "")
        return (f"'{number}' is geen geldig getal: gebruik een punt voor decimalen",
                f"schrijf {number.replace(',', '.')} in plaats van {number}", line, "")
    value = value_before + _leading_token(rest)
    if _DATE_LIKE.fullmatch(value):
        return (f"'{value}' is geen geldige datum",
                "schrijf een datum als jaar-maand-dag, bijvoorbeeld 2024-03-01 (zonder aanhalingstekens)", line, "")
    if before[-1:] in ("\"", "'"):
        return ("na de tekst tussen aanhalingstekens staat nog meer op de regel",
                "staat er een \" in de tekst zelf? schrijf dan \\\" of zet de hele tekst tussen enkele "
                "aanhalingstekens: titel = 'De \"grote\" puzzel'", line, "")
    if before[-1:].isdigit() and w.before[-1:].isspace() and rest[:1].isdigit():
        return ("spaties in een getal kan TOML niet lezen", "schrijf 1000 of 1_000 in plaats van 1 000", line, "")
    return ("na de waarde staat nog iets op dezelfde regel",
            "zet elke 'sleutel = waarde' op een eigen regel; tekst met spaties hoort tussen aanhalingstekens; "
            "commentaar begint met #", line, "")


def _missing_equals(base: str, w: _Where) -> Explanation:
    line = w.line
    rest = w.rest
    if rest[:1] == ":":
        return ("gebruik '=' in plaats van ':'", "schrijf sleutel = waarde, bijvoorbeeld: titel = \"...\"", line, "")
    if rest[:1] and not rest[:1].isspace() and not rest[:1].isascii():
        return (f"het teken '{rest[:1]}' mag niet in een sleutel zonder aanhalingstekens", _KEY_CHARS_HINT, line, "")
    if "=" in rest:
        return ("een sleutel mag geen spaties of rare tekens bevatten",
                'gebruik een liggend streepje (mijn_sleutel) of zet de sleutel tussen aanhalingstekens '
                '("mijn sleutel")', line, "")
    return ("op deze regel ontbreekt '='",
            "schrijf sleutel = waarde; hoort deze tekst bij de regel erboven? zet lange tekst dan tussen "
            '""" en """', line, "")


def _duplicate(w: _Where, *, header: bool, name: str = "") -> Explanation:
    scan = w.scan()
    path, here = scan.last_key if scan.last_key else ((), w.line)
    key = name or format_key_path(path)
    first = scan.lines.get(path)
    earlier = f" (eerder op regel {first})" if first and first != here else ""
    name = key or "deze sleutel"
    if header and not earlier:
        top = name.split(".")[0]
        return (f"de tabel [{name}] kan hier niet worden gegeven: die bestaat al",
                f"staat [{name}] er al eerder, of is '{top}' al gegeven als {{ ... }} of als gewone sleutel? "
                f"zet alles van '{top}' op één plek", here, key)
    if header:
        return (f"de tabel [{name}] staat er twee keer in",
                f"deze sleutel staat er twee keer in{earlier}; voeg de twee blokken samen, "
                f"of schrijf [[{name}]] als het een lijst van items is", here, key)
    return (f"de sleutel '{name}' staat er twee keer in",
            f"deze sleutel staat er twee keer in{earlier}; haal er één weg of geef hem een andere naam", here, key)


_Explain = Callable[[str, _Where], Explanation]

_EXACT: dict[str, _Explain] = {
    "Invalid value": _invalid_value,
    "Expected newline or end of document after a statement": _trailing_text,
    "Expected '=' after a key in a key/value pair": _missing_equals,
    "Cannot overwrite a value": _overwrite,
    "Unclosed array": _unclosed_array,
    "Unclosed inline table": _unclosed_inline_table,
    "Invalid initial character for a key part": _bad_key_start,
    "Invalid statement": _invalid_statement,
    "Unterminated string": _unterminated,
    "Illegal character '\\n'": _unterminated,
    "Found invalid character '\\n'": _unterminated,
    'Expected "\'"': _unterminated,
    "Expected '\"'": _unterminated,
    "Unescaped '\\' in a string": _lone_backslash,
    "Invalid hex value": _bad_escape,
    "Escaped character is not a Unicode scalar value": _bad_escape,
    "Invalid date or datetime": _bad_date,
    "Expected ']' at the end of a table declaration": _unclosed_table_header,
    "Expected ']]' at the end of an array declaration": _unclosed_array_header,
}
_PREFIXED: list[tuple[tuple[str, ...], _Explain]] = [
    (("Duplicate inline table key",), _overwrite),
    (("Cannot declare",), _declared),
    (("Cannot mutate immutable namespace", "Cannot redefine namespace"), _immutable),
    (("Illegal character",), _illegal_character),
]


# --------------------------------------------------------------------------------------------- small helpers


def _codepoint(char: str) -> str:
    return f"U+{ord(char):04X}" if char else ""


def _open_array_line(scan: LineScanner, before_line: int) -> int | None:
    """The start of the innermost array still open that began before ``before_line``."""
    arrays = [f.line for f in scan.stack if f.kind == "array"]
    earlier = [line for line in arrays if line < before_line]
    return earlier[-1] if earlier else (arrays[-1] if arrays else None)


def _key_of(scan: LineScanner) -> str:
    return format_key_path(scan.last_key[0]) if scan.last_key else ""


def _tuple_key(base: str) -> str:
    match = re.search(r"(\(.*\))", base)
    if match:
        try:
            parts = ast.literal_eval(match.group(1))
            if isinstance(parts, tuple):
                return format_key_path(str(p) for p in parts)
        except (ValueError, SyntaxError):
            pass
    return ""


def _line_key(w: _Where) -> str:
    """The key written at the start of the error line, if it is a ``key = value`` line."""
    match = _KEY_VALUE_LINE.match(w.line_text)
    return match.group().rstrip("= \t").strip() if match else ""


def _value_text(w: _Where) -> str:
    value = w.rest
    hash_at = value.find(" #")
    if hash_at >= 0:
        value = value[:hash_at]
    value = value.strip()
    return value if len(value) <= 40 else value[:37] + "..."


def _first_word(value: str) -> str:
    match = re.match(r"[^\s,\]}#]*", value)
    return match.group() if match else ""


def _leading_token(rest: str) -> str:
    match = re.match(r"[^\s#]*", rest)
    return match.group() if match else ""
