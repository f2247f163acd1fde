"""The group's agreements (werkafspraken) at the end of a debrief: what we will do differently, whom we call, and
which article backs us, each optionally linked to a puzzle and one of its articles; kept in the debrief's own file
``afspraken.toml`` next to the sessions, with the agreement being typed (``concept``), so a killed debrief loses
nothing.

Used by the big screen's agreements screen, the HTML report and the participant handout. Pure (no pygame). Every
write replaces the whole file atomically (``storage.saves.write_state``): after a crash it holds the old or the new
list, never a mix. Typed text goes through the personal-data guard (``play.pii``) before it is kept. A file that
cannot be read is never overwritten: it is renamed aside (``afspraken.toml.onleesbaar-<time>``) before the first
save, and the reason is kept in ``AgreementBook.problem``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from escaperoom.errors import SaveError
from escaperoom.kinds.judging import Judged
from escaperoom.play.pii import Finding, find_personal_data
from escaperoom.storage.saves import read_state, write_state

FILE_NAME = "afspraken.toml"
KIND = "afspraken"  # the file's ``soort``: not a game state
MAX_TEXT = 160  # characters of "what we will do differently"
MAX_WHO = 60  # characters of "whom we call"


@dataclass(frozen=True)
class Agreement:
    """One agreement: ``text`` (what we will do differently), ``who`` (whom we call), and optionally the puzzle and
    the provision (an id of the law book) it rests on; ``casus`` is the casus of the debrief it was made in."""

    text: str
    who: str = ""
    puzzle: str = ""
    article: str = ""
    casus: str = ""
    made: str = ""  # local time it was agreed, ISO

    @property
    def empty(self) -> bool:
        return not (self.text.strip() or self.who.strip())

    def fields(self) -> dict[str, str]:
        out = {"tekst": self.text, "wie": self.who, "puzzel": self.puzzle, "artikel": self.article,
               "casus": self.casus, "gemaakt": self.made}
        return {k: v for k, v in out.items() if v}

    @classmethod
    def parse(cls, raw: Any) -> Agreement | None:
        """An agreement as written in the file, or None when it is not one (the rest of the file still reads)."""
        if not isinstance(raw, dict):
            return None
        values = {k: raw.get(k, "") for k in ("tekst", "wie", "puzzel", "artikel", "casus", "gemaakt")}
        if not all(isinstance(v, str) for v in values.values()):
            return None
        found = cls(values["tekst"][:MAX_TEXT], values["wie"][:MAX_WHO], values["puzzel"], values["artikel"],
                    values["casus"], values["gemaakt"])
        return None if found.empty else found


class PersonalData(ValueError):
    """Typed text that looks like personal data (a phone number, a BSN ...): it is not kept."""

    def __init__(self, findings: list[Finding]):
        super().__init__(", ".join(f.label for f in findings))
        self.findings = findings


def personal_data(agreement: Agreement) -> list[Finding]:
    """What in the agreement's typed text looks like personal data (empty: fine to keep)."""
    return find_personal_data(agreement.text) + find_personal_data(agreement.who)


@dataclass
class AgreementBook:
    """The agreements of one debrief folder as read from (and written to) ``path`` (None: kept in memory only)."""

    path: Path | None
    items: list[Agreement] = field(default_factory=list)
    draft: Agreement | None = None
    problem: str = ""  # why the file could not be read (it is renamed aside before the first save)

    def of_casus(self, casus: str) -> list[Agreement]:
        """The agreements made for ``casus`` (and those that name none), in the order they were made."""
        return [a for a in self.items if not a.casus or a.casus == casus]

    def add(self, agreement: Agreement, *, now: dt.datetime | None = None) -> Agreement:
        """Keep ``agreement`` (stripped, stamped) and clear the draft; written at once. Raises
        :class:`PersonalData` (nothing kept) or ``ValueError`` for an agreement without text."""
        found = personal_data(agreement)
        if found:
            raise PersonalData(found)
        if not agreement.text.strip():
            raise ValueError("een afspraak heeft een tekst nodig")
        stamp = (now or dt.datetime.now()).replace(microsecond=0).isoformat()
        kept = replace(agreement, text=agreement.text.strip()[:MAX_TEXT], who=agreement.who.strip()[:MAX_WHO],
                       made=agreement.made or stamp)
        self.items.append(kept)
        self.draft = None
        self.save()
        return kept

    def remove(self, agreement: Agreement) -> None:
        """Drop ``agreement`` (the first equal one); written at once."""
        if agreement in self.items:
            self.items.remove(agreement)
            self.save()

    def keep_draft(self, draft: Agreement | None) -> None:
        """Keep what is being typed (None or empty: no draft); personal data in it is not written."""
        if draft is not None and (draft.empty or personal_data(draft)):
            draft = None if draft.empty else self.draft
        if draft != self.draft:
            self.draft = draft
            self.save()

    def save(self) -> None:
        """Write the whole file atomically; a file that could not be read is first renamed aside."""
        if self.path is None:
            return
        if self.problem and self.path.exists():
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            self.path.rename(self.path.with_name(f"{self.path.name}.onleesbaar-{stamp}"))
            self.problem = ""
        state: dict[str, Any] = {"soort": KIND, "afspraak": [a.fields() for a in self.items]}
        if self.draft is not None:
            state["concept"] = self.draft.fields()
        write_state(self.path, state)


def agreements_path(folder: Path | str) -> Path:
    """Where the agreements of the debrief of ``folder`` are kept."""
    return Path(folder) / FILE_NAME


def load_agreements(folder: Path | str) -> AgreementBook:
    """The agreements kept in ``folder`` (none when there is no file yet). Never raises for a damaged file: its
    reason is in ``problem`` and the readable agreements are kept."""
    path = agreements_path(folder)
    if not path.exists():
        return AgreementBook(path)
    try:
        state = read_state(path)
    except SaveError as err:
        return AgreementBook(path, problem=str(err))
    raw = state.get("afspraak", [])
    items = [a for a in (Agreement.parse(r) for r in (raw if isinstance(raw, list) else [])) if a is not None]
    return AgreementBook(path, items, Agreement.parse(state.get("concept")))


def article_choices(loaded: Judged | None, puzzle_id: str) -> list[str]:
    """The provisions a puzzle's verdicts rest on (their bases and prohibitions, the most used first), then the
    other provisions they cite: what an agreement can point to."""
    if loaded is None:
        return []
    deciding: Counter[str] = Counter()
    order: dict[str, int] = {}
    for case in loaded.cases.get(puzzle_id, []):
        v = case.verdict
        for pid in (*sorted(v.bases), *v.prohibitions):
            deciding[pid] += 1
            order.setdefault(pid, len(order))
        for pid in v.citations:
            order.setdefault(pid, len(order))
    return sorted(order, key=lambda pid: (pid not in deciding, -deciding[pid], order[pid]))
