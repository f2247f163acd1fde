""""Bedoelde je …?": the option closest to a misspelt word, for the pydantic diagnostics and the loader's checks."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

__all__ = ["did_you_mean"]


def _norm(text: str) -> str:
    return re.sub(r"[\s_\-]+", "", text.casefold())


def did_you_mean(word: object, options: Iterable[object], *, cutoff: float = 0.6) -> str | None:
    """The option closest to ``word`` (case, spaces, ``_`` and ``-`` ignored first), or ``None``.

    ``did_you_mean("wijkteem", ["huisarts", "wijkteam"])`` → ``"wijkteam"``; an exact match gives ``None``.
    """
    text = str(word)
    opts = list(dict.fromkeys(str(o) for o in options))
    if not text or text in opts:
        return None
    by_norm: dict[str, str] = {}
    for opt in opts:
        by_norm.setdefault(_norm(opt), opt)
    if _norm(text) in by_norm:
        return by_norm[_norm(text)]
    by_lower: dict[str, str] = {}
    for opt in opts:
        by_lower.setdefault(opt.casefold(), opt)
    close = difflib.get_close_matches(text.casefold(), list(by_lower), n=1, cutoff=cutoff)
    if close:
        return by_lower[close[0]]
    if len(text) >= 4:  # a shortened key: "kosten" for "kosten_seconden"
        starts = [o for low, o in by_lower.items() if low.startswith(text.casefold())]
        if len(starts) == 1:
            return starts[0]
    return None
