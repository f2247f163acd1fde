"""Spotting personal data in a team's typed reason before it is stored: a privacy training practises what it teaches.

The reason-entry scene calls :func:`find_personal_data` and shows :func:`summary`; the session stores
:func:`redact` ed text. Detects BSN (elfproef), Dutch phone numbers, e-mail addresses and Dutch IBANs (mod 97),
tuned for few false positives: years, article numbers (``art. 7:457``), dates and amounts do not trigger.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KINDS = ("email", "iban", "telefoon", "bsn")  # also the priority when matches overlap

# What each kind is called, in Dutch (the session's messages and the journal). The screens show the label in the
# game's language from the UI string catalogue (``LABEL_IDS``: assets/strings/ui.toml, [pii]); a test keeps the
# catalogue's Dutch equal to these.
LABELS = {
    "bsn": "een BSN-nummer",
    "telefoon": "een telefoonnummer",
    "email": "een e-mailadres",
    "iban": "een IBAN-rekeningnummer",
}
LABEL_IDS = {kind: f"pii.{kind}" for kind in KINDS}

PLACEHOLDERS = {
    "bsn": "[BSN]",
    "telefoon": "[telefoonnummer]",
    "email": "[e-mailadres]",
    "iban": "[IBAN]",
}


@dataclass(frozen=True)
class Finding:
    """One piece of text that looks like personal data: ``text[start:end] == matched``."""

    kind: str
    start: int
    end: int
    matched: str

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    @property
    def label(self) -> str:
        """Dutch, e.g. "een telefoonnummer" (for stored text; screens use ``label_id``)."""
        return LABELS[self.kind]

    @property
    def label_id(self) -> str:
        """The UI catalogue id of the label, for the screen's language (``catalogue.t(finding.label_id, lang)``)."""
        return LABEL_IDS[self.kind]


def kinds_for_labels(labels: list[str]) -> list[str]:
    """The kinds whose Dutch label is in ``labels`` (e.g. from ``PersonalDataInReason.labels``), in ``KINDS`` order."""
    return [kind for kind in KINDS if LABELS[kind] in labels]


# ------------------------------------------------------------------------------------------------ checks


def elfproef(digits: str) -> bool:
    """The BSN eleven test: 9 digits, weights 9..2 and -1 for the last, sum divisible by 11, not all zeros.
    Eight digits count as nine with a leading zero (old numbers)."""
    if not digits.isascii() or not digits.isdigit() or len(digits) not in (8, 9):
        return False
    digits = digits.zfill(9)
    if int(digits) == 0:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=False)) - int(digits[8])
    return total % 11 == 0


def iban_ok(iban: str) -> bool:
    """ISO 13616 check: move the first four characters to the end, letters → 10..35, remainder mod 97 is 1."""
    compact = re.sub(r"\s+", "", iban).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", compact):
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


# ------------------------------------------------------------------------------------------------ patterns

_EMAIL = re.compile(
    r"(?<![\w.%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_%+-])?"
    r"@(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,}(?![\w-])"
)

# NL + 2 check digits + 4 letters bank code + 10 digits, spaces allowed (usually in groups of four).
_IBAN = re.compile(r"(?<![\w])NL ?\d\d(?: ?[A-Z]){4}(?: ?\d){10}(?![\w])", re.IGNORECASE)

_SEP = r"[ .\-]"
_PHONE = re.compile(
    r"(?:"
    r"(?P<intl>(?:(?<!\+)\+|(?<![\w+@/])(?<!\d[.,])00)31[ .\-]?(?:\(0\)[ .\-]?)?[1-9](?:" + _SEP + r"?\d){8})"
    r"|(?<![\w+@/])(?<!\d[.,])(?P<paren>\(0\d{1,3}\)[ \-]?\d(?:" + _SEP + r"?\d){4,8})"
    r"|(?<![\w+@/])(?<!\d[.,])(?P<national>0[1-9](?:" + _SEP + r"?\d){8})"
    r")"
    r"(?![\w])(?![.,\-]\d)"
)

# 9 digits, bare or in the usual groups 4-2-3 (1234.56.782 / 1234 56 782) or 3-3-3 with spaces; 8 digits
# (a leading zero left off) only right after a word like "BSN" because 8-digit numbers are common otherwise.
_BSN = re.compile(
    r"(?<![\w+€$])(?<!\d[.,:/\-])"
    r"(?P<num>\d{9}|\d{4}([ .])\d{2}\2\d{3}|\d{3} \d{3} \d{3}|\d{8}|\d{3}([ .])\d{2}\3\d{3})"
    r"(?![\w])(?![.,:/\-]\d)"
)
_BSN_KEYWORD = re.compile(r"(?:bsn|burgerservice\s*nummer|sofi\s*-?\s*nummer)\W{0,12}$", re.IGNORECASE)


def _phone_ok(match: re.Match[str]) -> bool:
    text = match.group(0)
    separators = set(re.sub(r"[\d()+]", "", text))
    # Dates and times ("01-01-2024 12", "01.02.2024 10") use several hyphens or mix dots with spaces.
    if text.count("-") > 1 or ("." in separators and len(separators) > 1):
        return False
    digits = re.sub(r"\D", "", text)
    if match.group("intl"):
        national = digits[4:] if digits.startswith("0031") else digits[2:]
        if "(0)" in text:
            national = national[1:]
        return len(national) == 9
    return len(digits) == 10 and digits[1] != "0"


def _bsn_ok(text: str, match: re.Match[str]) -> bool:
    digits = re.sub(r"\D", "", match.group("num"))
    if len(digits) == 8 and not _BSN_KEYWORD.search(text[max(0, match.start() - 40) : match.start()]):
        return False
    return elfproef(digits)


# ------------------------------------------------------------------------------------------------ public API


def find_personal_data(text: str) -> list[Finding]:
    """Everything in ``text`` that looks like personal data, in reading order, without overlaps."""
    candidates: list[Finding] = []
    for match in _EMAIL.finditer(text):
        candidates.append(Finding("email", match.start(), match.end(), match.group(0)))
    for match in _IBAN.finditer(text):
        if iban_ok(match.group(0)):
            candidates.append(Finding("iban", match.start(), match.end(), match.group(0)))
    for match in _PHONE.finditer(text):
        if _phone_ok(match):
            candidates.append(Finding("telefoon", match.start(), match.end(), match.group(0)))
    for match in _BSN.finditer(text):
        if _bsn_ok(text, match):
            candidates.append(Finding("bsn", match.start(), match.end(), match.group(0)))

    chosen: list[Finding] = []
    for finding in sorted(candidates, key=lambda f: (KINDS.index(f.kind), f.start)):
        if all(finding.end <= other.start or finding.start >= other.end for other in chosen):
            chosen.append(finding)
    return sorted(chosen, key=lambda f: f.start)


def contains_personal_data(text: str) -> bool:
    return bool(find_personal_data(text))


def redact(text: str) -> str:
    """``text`` with every finding replaced by a placeholder such as ``[BSN]`` or ``[e-mailadres]``.

    Repeats until nothing is found: removing one number can expose another that was glued to it
    (``NL91ABNA0417164300.111222333``). Ends because every pass removes digits or an ``@``.
    """
    findings = find_personal_data(text)
    while findings:
        parts: list[str] = []
        position = 0
        for finding in findings:
            parts.append(text[position : finding.start])
            parts.append(PLACEHOLDERS[finding.kind])
            position = finding.end
        parts.append(text[position:])
        text = "".join(parts)
        findings = find_personal_data(text)
    return text


def summary(findings: list[Finding]) -> str:
    """A Dutch sentence for the screen, e.g. ``Je tekst lijkt een BSN-nummer en een e-mailadres te bevatten.``"""
    labels = list(dict.fromkeys(f.label for f in findings))
    if not labels:
        return ""
    listed = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " en " + labels[-1]
    return f"Je tekst lijkt {listed} te bevatten. Laat persoonsgegevens weg: de reden wordt bewaard."
