"""The command line: ``escaperoom`` (play), ``check``, ``verdict``, ``debrief``, ``wis``, ``nieuw`` (a template
casus) and ``schema`` (the JSON Schema of a casus file, or with ``--markdown`` the authoring reference).

Exit codes: 0 fine, 1 content errors (or a command that failed on bad input), 2 usage error. Never a traceback for
bad input: every :class:`EscapeRoomError` is printed as Dutch text. Output never crashes on a console that cannot
show a character (a Windows redirect in cp1252): such characters are replaced, and ``verdict --json`` then escapes
them (``\u2192``) so the JSON stays exact. What came from a file is printed with control characters and
terminal escape sequences as visible escapes (``\x1b``), never raw (:mod:`escaperoom.printable`).
"""

from __future__ import annotations

import argparse
import codecs
import datetime as dt
import json
import os
import sys
from pathlib import Path

from escaperoom import __version__
from escaperoom.errors import EscapeRoomError
from escaperoom.printable import json_printable, printable

COMMANDS = ("check", "verdict", "debrief", "wis", "speel", "nieuw", "schema")


class _DutchParser(argparse.ArgumentParser):
    """argparse with its usage errors in Dutch (exit code 2, as argparse does)."""

    _PHRASES = (
        ("the following arguments are required", "deze argumenten ontbreken"),
        ("unrecognized arguments", "onbekende argumenten"),
        ("invalid choice", "ongeldige keuze"),
        ("choose from", "kies uit"),
        ("expected one argument", "hier hoort één waarde achter"),
        ("invalid int value", "geen geheel getal"),
        ("not allowed with argument", "gaat niet samen met"),
    )

    def error(self, message: str):  # type: ignore[override]
        for english, dutch in self._PHRASES:
            message = message.replace(english, dutch)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {message}\n")

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "gebruik:", 1)

    def format_help(self) -> str:
        return (super().format_help().replace("usage:", "gebruik:", 1)
                .replace("positional arguments:", "argumenten:").replace("options:", "opties:")
                .replace("show this help message and exit", "toon deze hulp en stop")
                .replace("show program's version number and exit", "toon het versienummer en stop"))


def _parser() -> argparse.ArgumentParser:
    p = _DutchParser(prog="escaperoom", description="Privacy Escape Room — een escape room over gegevens "
                                "delen in het sociaal domein. Zonder opdracht start het spel.")
    p.add_argument("--version", action="version", version=f"escaperoom {__version__}")
    sub = p.add_subparsers(dest="command", metavar="OPDRACHT", parser_class=_DutchParser)

    play = sub.add_parser("speel", help="start het spel (standaard)")
    _game_options(play)

    check = sub.add_parser("check", help="controleer puzzelbestanden")
    check.add_argument("paths", nargs="*", type=Path, metavar="PAD", help="bestanden of mappen (standaard: puzzels/)")
    check.add_argument("--verouderd-na", type=_months, default=12, metavar="MAANDEN", dest="stale_months",
                       help="waarschuw voor wetsartikelen die langer dan zoveel maanden niet zijn gecontroleerd")
    check.add_argument("--peildatum", type=_day, metavar="DATUM",
                       help="beoordeel naar de wet zoals die gold op die dag (JJJJ-MM-DD of DD-MM-JJJJ; standaard: "
                            "vandaag)")

    verdict = sub.add_parser("verdict", help="toon het oordeel van de rule engine per gegeven")
    verdict.add_argument("paths", nargs="*", type=Path, metavar="PAD", help="bestanden of mappen (standaard: puzzels/)")
    verdict.add_argument("--json", action="store_true", help="stabiele JSON-uitvoer (zie README)")
    verdict.add_argument("--lang", choices=("nl", "en"), default="nl")
    verdict.add_argument("--peildatum", type=_day, metavar="DATUM",
                         help="het oordeel naar de wet zoals die gold op die dag (JJJJ-MM-DD of DD-MM-JJJJ; "
                              "standaard: vandaag)")

    debrief = sub.add_parser("debrief", help="nabespreking: toon sessies op het scherm of maak een rapport")
    debrief.add_argument("paths", nargs="*", type=Path, metavar="PAD", help="sessiemappen of journaalbestanden")
    debrief.add_argument("--html", type=Path, help="schrijf een HTML-rapport")
    debrief.add_argument("--csv", type=Path, help="schrijf een CSV-bestand (Excel, puntkomma's)")
    debrief.add_argument("--handout", type=Path, help="schrijf een handout voor de deelnemers (de juridische punten "
                         "en de afspraken, zonder teamgegevens)")
    debrief.add_argument("--verdeeld-eerst", action="store_true", dest="verdeeld_eerst",
                         help="in het rapport de puzzels waarover de teams het meest verschilden eerst")
    debrief.add_argument("--saves", type=Path, help="map met sessies (standaard: saves/)")
    debrief.add_argument("--window", action="store_true", help="in een venster in plaats van schermvullend")
    debrief.add_argument("--lang", choices=("nl", "en"), default="nl")
    debrief.add_argument("--headless", action="store_true", help=argparse.SUPPRESS)
    debrief.add_argument("--frames", type=int, default=0, help=argparse.SUPPRESS)
    debrief.add_argument("--screenshot", type=Path, help=argparse.SUPPRESS)

    nieuw = sub.add_parser("nieuw", help="schrijf een nieuwe casus uit een sjabloon (met uitleg in commentaar)")
    nieuw.add_argument("casus_id", metavar="CASUS-ID", help="het id van de casus, bijvoorbeeld gezin-de-vries")
    nieuw.add_argument("--map", type=Path, default=Path("."), metavar="MAP", dest="folder",
                       help="de map waarin het bestand komt (standaard: de huidige map)")

    schema = sub.add_parser("schema", help="het JSON Schema van een casusbestand (voor editors), of de naslag")
    schema.add_argument("--markdown", action="store_true",
                        help="de naslag voor auteurs (rollen, feiten, categorieën, puzzelsoorten) in Markdown")
    schema.add_argument("--uit", type=Path, metavar="BESTAND", dest="out", help="schrijf naar dit bestand")

    wis = sub.add_parser("wis", help="verwijder de gegevens van een sessie of van alle sessies")
    wis.add_argument("session", nargs="?", help="sessie-id (de mapnaam in saves/)")
    wis.add_argument("--alle", action="store_true", help="verwijder alle sessies")
    wis.add_argument("--ja", action="store_true", help="niet om bevestiging vragen")
    wis.add_argument("--saves", type=Path, help="map met sessies (standaard: saves/)")
    return p


def _months(text: str) -> int:
    """``--verouderd-na``: a whole number of months, at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen geheel getal (aantal maanden, bijvoorbeeld 12)") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} maanden kan niet: geef minstens 1 (bijvoorbeeld 12)")
    return value


def _day(text: str) -> dt.date:
    """``--peildatum``: a day as 2026-12-07 or 07-12-2026, not before the law book knows the law (the AVG)."""
    from escaperoom.rules.lawbook import load_lawbook
    day = None
    for pattern in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            day = dt.datetime.strptime(text.strip(), pattern).date()
            break
        except ValueError:
            continue
    if day is None:
        raise argparse.ArgumentTypeError(f"'{text}' is geen datum; schrijf bijvoorbeeld 2026-12-07 of 07-12-2026")
    earliest = load_lawbook().earliest_peildatum
    if day < earliest:
        raise argparse.ArgumentTypeError(f"{day:%d-%m-%Y} ligt voor {earliest:%d-%m-%Y}: het spel kent de wet van "
                                         "vóór de AVG niet; kies een latere datum")
    return day


_PLAIN = {"→": "->", "←": "<-", "↔": "<->", "≥": ">=", "≤": "<=", "ĳ": "ij", "Ĳ": "IJ", "✓": "v", "✗": "x"}


def _plain(err: UnicodeError) -> tuple[str, int]:
    """Codec error handler: a readable ASCII stand-in for what the console cannot show ("→" as "->"), else "?"."""
    if not isinstance(err, UnicodeEncodeError):
        raise err
    chunk = err.object[err.start:err.end]
    return "".join(_PLAIN.get(ch, "?") for ch in chunk), err.end


def _safe_output() -> None:
    """Never crash on a console that cannot encode a character (UnicodeEncodeError on a cp1252 redirect)."""
    codecs.register_error("escaperoom-plain", _plain)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and not _utf(stream):
            try:
                reconfigure(errors="escaperoom-plain")
            except (ValueError, OSError):  # a closed or detached stream: nothing to protect
                pass


def _utf(stream) -> bool:
    return (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "") in ("utf8", "utf8sig")


def _game_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--window", action="store_true", help="in een venster in plaats van schermvullend")
    p.add_argument("--scenario", metavar="ID", help="casus-id (standaard: de eerste)")
    p.add_argument("--team", metavar="NAAM", help="teamnaam (alleen een teamnaam, geen namen van personen)")
    p.add_argument("--saves", type=Path, metavar="MAP", help="map voor sessies (standaard: saves/)")
    p.add_argument("--lang", choices=("nl", "en"), default="nl")
    p.add_argument("--resume", action="store_true", help="ga verder met de laatst onderbroken sessie")
    p.add_argument("--headless", action="store_true", help="zonder scherm renderen (tests, schermafbeeldingen)")
    p.add_argument("--frames", type=int, default=0, metavar="N", help="stop na N frames")
    p.add_argument("--screenshot", type=Path, metavar="BESTAND", help="bewaar het laatste frame als PNG")
    p.add_argument("--autoplay", action="store_true", help="speel de casus automatisch uit (demo, test, benchmark)")
    p.add_argument("--duur", type=int, metavar="MINUTEN", help="speelduur in minuten (standaard: uit de casus)")
    p.add_argument("--niveau", choices=("basis", "verdieping"),
                   help="speelniveau: basis (minder gegevens, meer hulp) of verdieping (de hele casus, standaard)")
    p.add_argument("--casus", type=Path, metavar="PAD",
                   help="speel deze casus (een .toml-bestand, waar dan ook); gecontroleerd zoals 'check' doet")
    p.add_argument("--watch", action="store_true",
                   help="met --casus: laad de casus opnieuw zodra het bestand is opgeslagen (voor auteurs)")


def main(argv: list[str] | None = None) -> int:
    _safe_output()
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in (*COMMANDS, "-h", "--help", "--version"):
        argv.insert(0, "speel")
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except EscapeRoomError as err:
        print(f"escaperoom: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _run(args: argparse.Namespace) -> int:
    if args.command == "check":
        return cmd_check(args.paths, args.stale_months, peildatum=args.peildatum)
    if args.command == "verdict":
        return cmd_verdict(args.paths, as_json=args.json, lang=args.lang, peildatum=args.peildatum)
    if args.command == "nieuw":
        from escaperoom.content.template import cmd_new
        return cmd_new(args.casus_id, args.folder)
    if args.command == "schema":
        from escaperoom.content.schema import cmd_schema
        return cmd_schema(markdown=args.markdown, out=args.out)
    if args.command == "wis":
        from escaperoom.play.lifecycle import cmd_wis
        return cmd_wis(args)
    if args.command == "debrief":
        from escaperoom.debrief.command import cmd_debrief
        outcome = cmd_debrief(args)
        if isinstance(outcome, int):
            return outcome
        from escaperoom.ui.debrief.run import run_debrief  # the big screen: the only route into pygame here
        return run_debrief(outcome.found, selected=outcome.selected, window=outcome.window, headless=outcome.headless,
                           frames=outcome.frames, screenshot=outcome.screenshot, lang=outcome.lang,
                           folder=outcome.folder)
    from escaperoom.ui.main import run_game
    return run_game(args)


def cmd_check(paths: list[Path], stale_months: int = 12, *, peildatum: dt.date | None = None) -> int:
    from escaperoom.content.loader import discover
    from escaperoom.kinds.judging import load_many_judged
    files = discover(paths or None)
    if not files:
        print("escaperoom check: geen .toml-bestanden gevonden", file=sys.stderr)
        return 2
    missing = [p for p in paths if not os.path.exists(p)]  # never raises, also on a name too long
    loaded, problems = load_many_judged(paths or None, stale_months=stale_months, peildatum=peildatum)
    for problem in problems:
        print(problem.format())
    errors = sum(1 for p in problems if p.severity == "fout")
    warnings = len(problems) - errors
    cases = sum(len(cs) for item in loaded for cs in item.cases.values())
    law = f" naar de wet van {peildatum:%d-%m-%Y}" if peildatum else ""
    print(f"\n{len(files)} bestand(en) gecontroleerd: {len(loaded)} in orde, {errors} fout(en), "
          f"{warnings} waarschuwing(en); {cases} oordelen van de rule engine vergeleken{law}.")
    if missing and not loaded:
        return 1
    return 1 if errors else 0


def cmd_verdict(paths: list[Path], *, as_json: bool, lang: str, peildatum: dt.date | None = None) -> int:
    """The engine's verdict per item, by today's law or (``peildatum``) the law as it stood on that day: the casus
    is checked against today's law (its ``verwacht``), then every case is judged again on the peildatum."""
    from escaperoom.content.loader import discover
    from escaperoom.kinds.judging import load_many_judged
    from escaperoom.rules.lawbook import load_lawbook
    from escaperoom.verdicts import JSON_SCHEMA, render_text, scenario_json
    if not discover(paths or None):
        print("escaperoom verdict: geen .toml-bestanden gevonden", file=sys.stderr)
        return 2
    book = load_lawbook()
    loaded, problems = load_many_judged(paths or None, book)
    errors = [p for p in problems if p.severity == "fout"]
    if as_json:
        doc = {"schema": JSON_SCHEMA, "casussen": [scenario_json(book, item, lang, peildatum) for item in loaded],
               "problemen": [{"bestand": str(p.file), "regel": p.line, "sleutel": p.key, "ernst": p.severity,
                              "melding": p.message, "tip": p.hint} for p in problems]}
        print(json_printable(json.dumps(doc, ensure_ascii=not _utf(sys.stdout), indent=2)))
    else:
        for item in loaded:
            print(printable(render_text(book, item, lang, peildatum), keep_newlines=True))
        for p in problems:
            print(p.format(), file=sys.stderr)
    return 1 if errors else 0
