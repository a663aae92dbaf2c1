"""E-mail templates in French and English (NT-2): the first line of each file is the subject."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

LANGUAGES = ("fr", "en")
TEMPLATES = Path(__file__).with_name("templates")
_env = Environment(
    loader=FileSystemLoader(TEMPLATES),
    undefined=StrictUndefined,
    autoescape=False,  # plain-text mail  # noqa: S701
    keep_trailing_newline=True,
)


@dataclass(frozen=True)
class RenderedMail:
    subject: str
    body: str


def language_for(code: str | None) -> str:
    return code if code in LANGUAGES else "en"


def render(kind: str, language: str, context: dict[str, Any]) -> RenderedMail:
    text = _env.get_template(f"{kind}.{language_for(language)}.txt").render(**context)
    subject, _, body = text.partition("\n")
    return RenderedMail(subject.strip(), body.lstrip("\n"))
