"""Loading the packaged guide: TOML → one strict converter → a checked :class:`Guide`."""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeGuard

import cattrs

from postloss._convert import converter, describe, shown
from postloss.errors import ContentError, UnknownLocaleError
from postloss.guide._models import Guide, content_problems

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = [
    "TranslationSource",
    "add_translation_source",
    "guide_from_tables",
    "guide_from_toml",
    "load_guide",
    "locales",
    "translation",
]

#: Where packaged translations come from: the packaged guide in this locale.
SOURCE_LOCALE = "en"
#: A source of translations beyond the packaged ones: given a locale, the name and the
#: overlay text of a translation into it, or ``None`` when it has none.
TranslationSource = Callable[[str], "tuple[str, str] | None"]
_SOURCES: list[TranslationSource] = []

_LOADING = threading.Lock()
#: The shape of a locale: a language, then subtags, e.g. ``en``, ``pt-BR``, ``zh-Hant-TW``.
_LOCALE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
#: The longest locale accepted; longer strings are never looked for.
_LOCALE_MAX = 35


def is_locale(value: object) -> TypeGuard[str]:
    """Whether *value* is a short, locale-shaped str, e.g. ``"en"`` or ``"pt-BR"``."""
    return type(value) is str and len(value) <= _LOCALE_MAX and bool(_LOCALE.fullmatch(value))


def _data() -> Traversable:
    import importlib.resources  # deferred: costly, and only needed to read content

    return importlib.resources.files(__package__) / "data"


def locales() -> tuple[str, ...]:
    """The locales whose guide content is packaged, in full or as a translation.

    ``guide.<locale>.toml`` is a full content file; ``guide.<locale>.overlay.toml`` a
    translation of the ``en`` guide (an overlay, see :meth:`Guide.overlay`).

    >>> locales()
    ('en', 'es')
    """
    found = (
        re.fullmatch(r"guide\.(.+?)(?:\.overlay)?\.toml", entry.name) for entry in _data().iterdir()
    )
    return tuple(sorted({match[1] for match in found if match and is_locale(match[1])}))


def add_translation_source(source: TranslationSource) -> None:
    """Consult *source* for a locale that has no packaged content (``postloss.plugins`` does).

    *source* takes a locale and returns the name and overlay text of a translation into
    it, or ``None``. Sources are consulted in the order added, after the packaged
    content, which they cannot replace; a locale once loaded stays cached.
    """
    if source not in _SOURCES:
        _SOURCES.append(source)


def translation(locale: str) -> tuple[str, str] | None:
    """The name and overlay text of a translation into *locale*, or ``None``.

    The packaged ``guide.<locale>.overlay.toml`` first, then each source added with
    :func:`add_translation_source`.

    >>> name, text = translation("es")
    >>> name, "[overlay]" in text
    ('guide.es.overlay.toml', True)
    >>> translation("xx") is None
    True
    """
    name = f"guide.{locale}.overlay.toml"
    resource = _data() / name
    if resource.is_file():
        return name, resource.read_text(encoding="utf-8")
    for source in _SOURCES:
        found = source(locale)
        if found is not None:
            return found
    return None


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
    if not is_locale(locale):
        raise UnknownLocaleError(f"{shown(locale)} is not a locale such as 'en' or 'pt-BR'")
    with _LOADING:  # so that concurrent first calls share one Guide
        return _load_guide(locale)


@functools.cache
def _load_guide(locale: str) -> Guide:
    name = f"guide.{locale}.toml"
    resource = _data() / name
    if resource.is_file():
        return guide_from_toml(resource.read_text(encoding="utf-8"), name=name)
    found = translation(locale)
    if found is None:
        raise UnknownLocaleError(f"no guide content for locale {locale!r}; have {locales()}")
    name, text = found
    guide = _load_guide(SOURCE_LOCALE).overlay(text, name=name)
    if guide.locale != locale:
        raise ContentError(
            name, [f"overlay.locale: {guide.locale!r}, but it was found for {locale!r}"]
        )
    return guide


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
    if recorded := [key for key in ("overlays", "fallbacks", "stale") if key in raw]:
        problems = [f"{key}: set by Guide.overlay(), not by a content file" for key in recorded]
        raise ContentError(name, problems)
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
