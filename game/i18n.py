"""Bilingual text: every player-facing string exists in Chinese (the default) and English."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Lang = Literal["zh", "en"]
LANGUAGES: tuple[Lang, ...] = ("zh", "en")
DEFAULT_LANG: Lang = "zh"


@dataclass(frozen=True, slots=True)
class Text:
    """A string in both languages; ``text[lang]`` picks one."""

    zh: str
    en: str

    def __getitem__(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en

    def format(self, **values: object) -> Text:
        """Fill ``{name}`` fields in both languages; a ``Text`` value fills each language
        with its own half."""
        return Text(
            self.zh.format(**{k: v.zh if isinstance(v, Text) else v for k, v in values.items()}),
            self.en.format(**{k: v.en if isinstance(v, Text) else v for k, v in values.items()}),
        )

    def __add__(self, other: Text) -> Text:
        return Text(self.zh + other.zh, self.en + other.en)
