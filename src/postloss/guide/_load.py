"""Loading the packaged guide: TOML → one strict converter → a checked :class:`Guide`."""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

import cattrs

from postloss._convert import converter, describe
from postloss._ids import is_slug
from postloss._urgency import Urgency
from postloss.errors import ContentError, UnknownLocaleError
from postloss.guide._models import Guide

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["guide_from_toml", "load_guide", "locales"]

_LOADING = threading.Lock()
#: The lists of items in a content file, by their path.
_ITEM_LISTS = (
    "sections",
    "causes",
    "timeline.stages",
    "timeline_factors",
    "remedies",
    "red_flags",
    "emotional_support",
    "faq",
    "actions",
    "sources",
)


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
    *locale* and :class:`~postloss.ContentError` when the packaged file is broken.

    >>> load_guide().locale
    'en'
    """
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
    problems = _reference_problems(raw)
    guide = None
    try:
        guide = converter().structure(raw, Guide)
    except (cattrs.BaseValidationError, ValueError, TypeError) as error:
        problems = describe(error) + problems
    if problems or guide is None:
        raise ContentError(name, problems)
    return guide


def _items(raw: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Each item of the raw content that is a table, with its path."""
    for list_path in _ITEM_LISTS:
        node: Any = raw
        for key in list_path.split("."):
            node = node.get(key) if isinstance(node, Mapping) else None
        if isinstance(node, list):
            for position, item in enumerate(node):
                if isinstance(item, Mapping):
                    yield f"{list_path}[{position}]", item


def _reference_problems(raw: Mapping[str, Any]) -> list[str]:
    """Problems the types cannot see: ids, references, sources and actions."""
    problems = []
    first_use: dict[str, str] = {}
    source_ids = set()
    for path, item in _items(raw):
        id = item.get("id")
        if not isinstance(id, str):
            continue
        if not is_slug(id):
            problems.append(f"{path}.id: {id!r} is not a slug (lower-case words joined by '-')")
        if id in first_use:
            problems.append(f"{path}.id: duplicate id {id!r}, first used at {first_use[id]}")
        first_use.setdefault(id, path)
        if path.startswith("sources["):
            source_ids.add(id)
    for path, item in _items(raw):
        for field, known, kind in (("related", first_use, "id"), ("sources", source_ids, "source")):
            references = item.get(field)
            if isinstance(references, list):
                for position, reference in enumerate(references):
                    if isinstance(reference, str) and reference not in known:
                        problems.append(f"{path}.{field}[{position}]: unknown {kind} {reference!r}")
        if path.startswith("red_flags[") and item.get("sources") == []:
            problems.append(f"{path}.sources: a red flag must cite at least one source")
    problems += _action_problems(raw)
    return problems


def _action_problems(raw: Mapping[str, Any]) -> list[str]:
    stated = [item.get("urgency") for path, item in _items(raw) if path.startswith("actions[")]
    return [
        f"actions: need exactly one action for urgency {level.label!r}, found {count}"
        for level in Urgency
        if (count := stated.count(level.label)) != 1
    ]
