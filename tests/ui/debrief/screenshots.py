"""The debrief's screenshots in ``docs/screenshots/`` (``debrief-*.png``): every big-screen debrief screen at
1920x1080 with six scripted teams, the facilitator's panel, the agreements screen, and the report and handout
printed by headless Chromium (when ``chromium`` and ``pdftoppm`` are there).

Run from the repository: ``python tests/ui/debrief/screenshots.py [OUT_DIR]`` (default ``docs/screenshots``).
Not a test; the tests build the same screens (``tests/ui/debrief``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parents[1]), str(HERE)]
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402
from debrief_teams import SIX_TEAMS, henk, play_team  # noqa: E402

from escaperoom.debrief.agreements import Agreement, load_agreements  # noqa: E402
from escaperoom.debrief.model import load_sessions  # noqa: E402
from escaperoom.ui.app import App  # noqa: E402
from escaperoom.ui.debrief.data import DebriefData  # noqa: E402
from escaperoom.ui.debrief.flow import first_scene  # noqa: E402
from escaperoom.ui.scripted.events import key, type_text  # noqa: E402

AGREEMENTS = [
    Agreement("We vragen de bewoner eerst of hij het zelf wil vertellen, en leggen vast wat hij zegt", "de FG",
              "grondslagen", "avg.6.1.a", "henk"),
    Agreement("Bij acuut gevaar delen we alleen de feiten van de dreiging, geen diagnose", "de wijkagent",
              "wijkagent-belt", "wgbo.7.457.1", "henk"),
    Agreement("Een convenant is geen grondslag: we kijken steeds welke wet het delen draagt", "", "grondslagen",
              "avg.6.3", "henk"),
]

# name -> (start screen, its state, keys pressed after it opened, language)
SCREENS = {
    "sessies": ("sessies", {}, [], "nl"),
    "overzicht": ("overzicht", {}, [], "nl"),
    "overzicht-en": ("overzicht", {}, [], "en"),
    "puzzel": ("puzzel", {"item": 3}, [], "nl"),
    "uitleg": ("puzzel", {"mode": "uitleg", "item": 3}, [], "nl"),
    "redenen": ("puzzel", {"mode": "redenen", "index": 4}, [], "nl"),
    "tijdlijn": ("tijdlijn", {"team": 2, "step": 3}, [], "nl"),
    "watals": ("watals", {"puzzle": "vroegsignalering", "apply": "feit:huurder_bezwaar=ja"}, [], "nl"),
    "begeleider": ("puzzel", {"mode": "uitleg", "item": 0}, [key(pygame.K_F9)], "nl"),
    "afspraken": ("afspraken", {}, [], "nl"),
    "afspraken-nieuw": ("afspraken", {}, [key(pygame.K_n)]
                        + type_text("Zwart werk melden we niet aan de gemeente zonder een wettelijke plicht")
                        + [key(pygame.K_TAB)] + type_text("de privacyjurist") + [key(pygame.K_TAB)]
                        + [key(pygame.K_RIGHT), key(pygame.K_TAB), key(pygame.K_RIGHT)], "nl"),
}


def make_saves(root: Path) -> Path:
    saves = root / "training"
    loaded = henk()
    for i, name in enumerate(SIX_TEAMS):
        play_team(saves, loaded, name, i % 5, demo=True)
    book = load_agreements(saves)
    for agreement in AGREEMENTS:
        book.add(agreement)
    return saves


def shoot(saves: Path, out: Path) -> list[Path]:
    loaded = henk()
    written = []
    for name, (start, state, events, lang) in SCREENS.items():
        data = DebriefData(load_sessions([saves]), lang=lang, scenarios=[loaded], folder=saves)
        app = App(lambda ctx, d=data, s=start, st=dict(state): first_scene(ctx, d, s, **st), lang=lang)
        app.open()
        app.step()
        for event in events:
            app.step([event])
        target = out / f"debrief-{name}.png"
        pygame.image.save(app.surface, target)
        app.close()
        written.append(target)
    return written


def _chromium(html: Path, pdf: Path) -> bool:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None or shutil.which("pdftoppm") is None:
        return False
    profile = tempfile.mkdtemp()
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--no-pdf-header-footer",
                    f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", html.as_uri()],
                   check=True, capture_output=True)
    return True


def paper(saves: Path, out: Path, work: Path) -> list[Path]:
    """The handout's page, the report's first page and its facilitator section as PNGs (via PDF, as a printer
    would)."""
    written = []
    handout, report = work / "handout.html", work / "rapport.html"
    cli = [sys.executable, "-m", "escaperoom", "debrief", str(saves)]
    subprocess.run([*cli, "--handout", str(handout)], check=True, capture_output=True)
    subprocess.run([*cli, "--html", str(report)], check=True, capture_output=True)
    for html, name, page in ((handout, "handout", 1), (report, "report", 1), (report, "report-begeleider", None)):
        pdf = work / f"{html.stem}.pdf"
        if not pdf.exists() and not _chromium(html, pdf):
            return written
        if page is None:  # the page where "Voor de begeleider" starts
            text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
            page = text[:text.index("Voor de begeleider")].count("\f") + 1
        subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
                        str(out / f"debrief-{name}")], check=True)
        written.append(out / f"debrief-{name}.png")
    return written


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else HERE.parents[2] / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        saves = make_saves(Path(tmp))
        written = shoot(saves, out) + paper(saves, out, Path(tmp))
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
