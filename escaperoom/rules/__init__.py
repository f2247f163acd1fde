"""The rule engine: legal provisions as data (``law/*.toml``, dated), the reasoning as one module per rule group
(``steps/``), its words as data (``uitleg.toml``).

Public API: :func:`load_lawbook`, :func:`evaluate_item` (with a ``peildatum``), :func:`evaluate`, :class:`Request`,
:class:`DataItem`, :class:`Verdict` (with ``also`` and ``facilitator_notes``), :class:`LawBook` (``edition``,
``in_force``, ``cite(id, lang)``, ``provisions_replaced_since``).
"""

from escaperoom.rules.engine import evaluate, evaluate_item
from escaperoom.rules.facts import Category, Consent, DataItem, Decision, Request
from escaperoom.rules.lawbook import LawBook, LawChange, Provision, load_lawbook
from escaperoom.rules.verdict import Also, Effect, Note, NoteKind, TraceStep, Verdict

__all__ = [
    "Also", "Category", "Consent", "DataItem", "Decision", "Effect", "LawBook", "LawChange", "Note", "NoteKind",
    "Provision", "Request", "TraceStep", "Verdict", "evaluate", "evaluate_item", "load_lawbook",
]
