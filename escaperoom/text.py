"""Bilingual text as used in puzzles, law files and the UI catalogue: Dutch required, English optional.

``Text.get(lang)`` falls back to Dutch. Used by the content models, the rule engine's explanations and the screens.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

LANGUAGES = ("nl", "en")


class Text(BaseModel):
    """A text in Dutch (``nl``, required) and optionally English (``en``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    nl: str
    en: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_plain_string(cls, value: Any) -> Any:
        """Authors may write ``titel = "..."`` for a Dutch-only text."""
        if isinstance(value, str):
            return {"nl": value}
        return value

    @field_validator("nl")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("de Nederlandse tekst is leeg")
        return value

    def get(self, lang: str = "nl") -> str:
        if lang == "en" and self.en:
            return self.en
        return self.nl

    @classmethod
    def of(cls, nl: str, en: str | None = None) -> Text:
        return cls(nl=nl, en=en)
