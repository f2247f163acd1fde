"""The legal case a puzzle kind hands to the rule engine: one data item in one request (``contact`` to
``woningcorporatie``), judged. Used by every kind module, the words, the judging step, the session and the what-if.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from escaperoom.content.loader import KeyPath
from escaperoom.content.models import RequestSpec, Scenario
from escaperoom.rules.engine import evaluate_item
from escaperoom.rules.facts import Consent, DataItem, Request
from escaperoom.rules.lawbook import LawBook
from escaperoom.rules.verdict import Verdict


@dataclass(frozen=True)
class Case:
    """One item of one request, with the engine's verdict. ``key`` is stable within its puzzle."""

    key: str
    puzzle_id: str
    item_id: str
    spec: RequestSpec
    request: Request
    item: DataItem
    verdict: Verdict
    key_path: KeyPath  # where the request sits in the TOML (for error messages)

    def rejudge(self, book: LawBook, *, fact: str | None = None, value: bool | None = None,
                consent: Consent | None = None) -> Verdict:
        """The verdict with one fact flipped ("maar wat als …?"), by the law on the day this case was judged."""
        req = self.request
        if fact is not None and value is not None:
            req = req.with_fact(fact, value)
        if consent is not None:
            req = req.with_consent(consent)
        return evaluate_item(book, req, self.item, self.verdict.peildatum)


def make_case(book: LawBook, sc: Scenario, puzzle_id: str, key: str, spec: RequestSpec, item_id: str,
              path: KeyPath, request_items: list[str], *, peildatum: dt.date | None = None) -> Case:
    """The case of ``item_id`` in the request ``spec`` (whose items are ``request_items``), judged by the law on
    ``peildatum`` (default: today)."""
    req = sc.request(spec, request_items)
    item = sc.item(item_id, needed=item_id in spec.nodig)
    return Case(key, puzzle_id, item_id, spec, req, item, evaluate_item(book, req, item, peildatum), path)
