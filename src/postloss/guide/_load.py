"""Loading the packaged guide: TOML → one strict converter → a checked :class:`Guide`."""

from __future__ import annotations

import functools
import re
import threading
from typing import TYPE_CHECKING

import cattrs

from postloss._convert import converter, describe, shown
from postloss.errors import ContentError, UnknownLocaleError
from postloss.guide._models import Guide, content_problems

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["guide_from_tables", "guide_from_toml", "load_guide", "locales"]

_LOADING = threading.Lock()
#: The shape of a locale: a language, then subtags, e.g. ``en``, ``pt-BR``, ``zh-Hant-TW``.
_LOCALE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
#: The longest locale accepted; longer strings are never looked for.
_LOCALE_MAX = 35


def _data() -> Traversable:
    import importlib.resources  # deferred: costly, and only needed to read content

    return importlib.resources.files(__package__) / "data"


def locales() -> tuple[str, ...]:
    """The locales whose guide content is packaged, e.g. ``("en",)``."""
    names = (entry.name for entry in _data().iterdir())
    return tuple(sorted(name[6:-5] for name in names if re.fullmatch(r"guide\..+\.toml", name)))


def load_guide(locale: str = "en") -> Guide:
    """The packaged guide for *locale*, loaded and checked on first use, then cached.

    Raises :class:`~postloss.UnknownLocaleError` when no content exists for
    *locale*, including anything that is not a short, locale-shaped string (checked
    before any resource is read), and :class:`~postloss.ContentError` when the
    packaged file is broken.

    >>> load_guide().locale
    'en'
    >>> load_guide("../guide")
    Traceback (most recent call last):
    ...
    postloss.errors.UnknownLocaleError: '../guide' is not a locale such as 'en' or 'pt-BR'
    >>> load_guide(["en"])
    Traceback (most recent call last):
    ...
    postloss.errors.UnknownLocaleError: a locale is a str such as 'en', not list
    """
    if type(locale) is not str:
        raise UnknownLocaleError(f"a locale is a str such as 'en', not {type(locale).__name__}")
    if len(locale) > _LOCALE_MAX or not _LOCALE.fullmatch(locale):
        raise UnknownLocaleError(f"{shown(locale)} is not a locale such as 'en' or 'pt-BR'")
    with _LOADING:  # so that concurrent first calls share one Guide
        return _load_guide(locale)


@functools.cache
def _load_guide(locale: str) -> Guide:
    name = f"guide.{locale}.toml"
    resource = _data() / name
    if not resource.is_file():
        raise UnknownLocaleError(f"no guide content for locale {locale!r}; have {locales()}")
    return guide_from_toml(resource.read_text(encoding="utf-8"), name=name)


def guide_from_toml(text: str, *, name: str = "<string>") -> Guide:
    """Build a :class:`Guide` from TOML *text*, reporting every problem at once.

    Downstream projects use this to ship their own content in the same format.

    >>> guide_from_toml("title = 1", name="broken.toml")
    Traceback (most recent call last):
    ...
    postloss.errors.ContentError: invalid guide content in broken.toml (20 problem(s)):
    ...
    """
    import tomllib  # deferred: only needed to read content

    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ContentError(name, [f"not valid TOML: {error}"]) from None
    return guide_from_tables(raw, name=name)


def guide_from_tables(raw: object, *, name: str) -> Guide:
    """Build a :class:`Guide` from parsed tables (TOML or JSON), reporting every problem."""
    try:
        return converter().structure(raw, Guide)
    except (cattrs.BaseValidationError, ValueError, TypeError) as error:
        # The guide checks itself once every field has structured; cattrs wraps its error.
        checked = [each for each in getattr(error, "exceptions", ()) if type(each) is ContentError]
        if checked:
            raise ContentError(name, checked[0].problems) from None
        # The guide's checks never ran, so run them on the raw tables to report
        # every problem at once.
        raise ContentError(name, describe(error) + content_problems(raw)) from None
