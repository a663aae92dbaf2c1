"""E-mail templates in French and English (NT-2): the first line of each file is the subject.

A kind that gathers (HM-2) has a second pair, `<kind>.list.<fr|en>.txt`, for a message listing
several items: one item reads exactly as its own e-mail, several read as a list with a total.
Every message ends with the seller's signature and contact (`footer.txt`), and gets an HTML part
made from its text in one layout (`layout.html`, HM-4, see `html`).
"""

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
_html_env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined,
                        autoescape=True, trim_blocks=True)


@dataclass(frozen=True)
class RenderedMail:
    subject: str
    body: str
    html: str | None = None


def language_for(code: str | None) -> str:
    return code if code in LANGUAGES else "en"


def render(kind: str, language: str, context: dict[str, Any]) -> RenderedMail:
    """One message's words, as its text template says them."""
    text = _env.get_template(f"{kind}.{language_for(language)}.txt").render(**context)
    subject, _, body = text.partition("\n")
    return RenderedMail(subject.strip(), body.lstrip("\n"))


def render_list(kind: str, language: str, context: dict[str, Any]) -> RenderedMail:
    """HM-2: several items in one message (`context["items"]`, each with its own links)."""
    return render(f"{kind}.list", language, context)


def footer(face: object) -> str:
    return _env.get_template("footer.txt").render(face=face)


def layout(context: dict[str, Any]) -> str:
    return _html_env.get_template("layout.html").render(**context)
