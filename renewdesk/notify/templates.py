"""E-mail templates in French and English (NT-2): the first line of each file is the subject.

A kind that gathers (HM-2) has a second pair, `<kind>.list.<fr|en>.txt`, for a message listing
several items: one item reads exactly as its own e-mail, several read as a list with a total.
Every message ends with the seller's signature and contact (`footer.txt`), and gets an HTML part
made from its text in one layout (HM-4, see `html`): the frame with the seller's face
(`layout.html`) and, set in it, the message's own title and blocks (`html.content`). A busy
night writes thousands of messages with one seller: the footer and the frame are made once per
face and language, each message's own part alone for each (the templates are read once, too).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template
from markupsafe import Markup, escape

LANGUAGES = ("fr", "en")
TEMPLATES = Path(__file__).with_name("templates")
_env = Environment(
    loader=FileSystemLoader(TEMPLATES),
    undefined=StrictUndefined,
    autoescape=False,  # plain-text mail  # noqa: S701
    keep_trailing_newline=True,
    auto_reload=False,  # templates ship with the app: no file's date asked at each message
)
_html_env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined,
                        autoescape=True, trim_blocks=True, auto_reload=False)


@dataclass(frozen=True)
class RenderedMail:
    subject: str
    body: str
    html: str | None = None


def language_for(code: str | None) -> str:
    return code if code in LANGUAGES else "en"


@lru_cache(maxsize=256)
def _text_template(name: str) -> Template:
    template = _env.get_template(name)
    # Its globals as one plain dict: Jinja keeps a ChainMap over the environment's, copied key
    # by key into each render's context (half of a short message's render, thousands a busy
    # night). The same names and values: the environment's globals are never changed.
    template.globals = dict(template.globals)
    return template


def render(kind: str, language: str, context: dict[str, Any]) -> RenderedMail:
    """One message's words, as its text template says them."""
    text = _text_template(f"{kind}.{language_for(language)}.txt").render(**context)
    subject, _, body = text.partition("\n")
    return RenderedMail(subject.strip(), body.lstrip("\n"))


def render_list(kind: str, language: str, context: dict[str, Any]) -> RenderedMail:
    """HM-2: several items in one message (`context["items"]`, each with its own links)."""
    return render(f"{kind}.list", language, context)


@lru_cache(maxsize=16)
def footer(face: object) -> str:
    """The signature and contact under every message's text (`face`: a frozen SellerFace)."""
    return _env.get_template("footer.txt").render(face=face)


_TITLE = Markup("\x00title\x00")  # where the frame puts the message's title and its part
_CONTENT = Markup("\x00content\x00")


@lru_cache(maxsize=16)
def _frame(lang: str, face: object, logo_src: str | None) -> tuple[str, str, str] | None:
    """The frame as it reads before, between and after the message's title and its own part;
    None if the seller's words themselves hold a mark (then the whole is made each time)."""
    whole = _html_env.get_template("layout.html").render(
        lang=lang, subject=_TITLE, content=_CONTENT, face=face, logo_src=logo_src)
    if whole.count(_TITLE) != 1 or whole.count(_CONTENT) != 1:
        return None
    head, _, rest = whole.partition(_TITLE)
    middle, _, tail = rest.partition(_CONTENT)
    return head, middle, tail


def layout(context: dict[str, Any]) -> str:
    """The HTML part: `context` as `html.layout_context` makes it, its `content` (the
    message's own part) set in the frame."""
    frame = _frame(context["lang"], context["face"], context["logo_src"])
    if frame is None:
        return _html_env.get_template("layout.html").render(**context)
    head, middle, tail = frame
    return "".join((head, str(escape(context["subject"])), middle, str(context["content"]), tail))
