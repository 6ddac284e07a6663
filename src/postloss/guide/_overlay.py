"""Content overlays: translations and additions laid over a guide, never weakening it.

An overlay is TOML with the tables of a content file plus ``[overlay]`` (``locale``,
``based_on``). For an item it names by an existing id it may give only person-facing
text (:data:`TEXT_FIELDS`); anything else it restates must equal the base's, so a floor,
kind, urgency, sources list, related ids or number can never change. A new namespaced id
adds an item, checked like every other. Reason and clause templates keep the base's
placeholders. Every problem is collected and raised together, each with its path, where
an item is named by its id: ``red_flags[heavy-bleeding].floor``.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import cattrs

from postloss._convert import converter, describe, shown
from postloss._ids import is_namespaced
from postloss._templates import malformed, placeholders
from postloss._urgency import Urgency
from postloss.errors import ContentError
from postloss.guide._load import is_locale
from postloss.guide._models import (
    ITEM_LISTS,
    Cause,
    ExpectedRecovery,
    FaqEntry,
    Guide,
    Item,
    LossStage,
    RedFlag,
    Remedy,
    Section,
    Source,
    SupportMeasure,
    TimelineFactor,
    UrgencyAction,
    content_problems,
)

__all__ = ["TEXT_FIELDS", "apply_overlay"]

#: The person-facing text of each kind of item: the only fields an overlay may change.
TEXT_FIELDS: Mapping[type, tuple[str, ...]] = {
    Source: ("title", "text"),
    Section: ("title", "text"),
    Cause: ("title", "text"),
    TimelineFactor: ("title", "text"),
    LossStage: ("title", "text"),
    ExpectedRecovery: ("title", "text"),
    Remedy: ("title", "text"),
    RedFlag: ("title", "text", "action"),
    SupportMeasure: ("title", "text"),
    FaqEntry: ("question", "answer"),
    UrgencyAction: ("title", "text"),
}

#: The guide's own texts beside its items, by their path in a content file.
_GUIDE_TEXTS = ("title", "disclaimer", "overview", "timeline.typical_duration")

#: What a field that is not text is, for the message that refuses to change it.
_WHAT = {
    "floor": "a floor",
    "kind": "a kind",
    "urgency": "an urgency",
    "sources": "a sources list",
    "related": "related ids",
    "first_week": "a number",
    "last_week": "a number",
    "url": "a URL",
}

#: Top-level fields of a content file that an overlay may not give, and why.
_REFUSED = {
    "locale": "an overlay gives its locale in its [overlay] table",
    "content_version": (
        "an overlay keeps the base's content version; [overlay] based_on says which "
        "version it was made from"
    ),
    "last_reviewed": "an overlay cannot change the base's review date",
    "overlays": "set by Guide.overlay(), not by content",
    "fallbacks": "set by Guide.overlay(), not by content",
    "stale": "set by Guide.overlay(), not by content",
}

#: A content problem's leading item path, e.g. ``red_flags[34]``, to be named by id.
_POSITION = re.compile(r"(" + "|".join(re.escape(path) for path in ITEM_LISTS) + r")\[(\d+)\]")


def _item_class(list_path: str) -> type:
    """The class of the items at *list_path* (``"timeline.stages"`` → ``LossStage``)."""
    owner: Any = Guide
    for key in list_path.split("."):
        owner = attrs.fields_dict(owner)[key].type
        if getattr(owner, "__origin__", None) is tuple:
            owner = owner.__args__[0]
    assert isinstance(owner, type)
    return owner


_CLASSES = {path: _item_class(path) for path in ITEM_LISTS}


def apply_overlay(base: Guide, text: str, *, name: str) -> Guide:
    """*base* with the overlay *text* (named *name*) applied; see :meth:`Guide.overlay`.

    >>> from postloss import load_guide
    >>> apply_overlay(load_guide(), '''
    ... [overlay]
    ... locale = "en"
    ... based_on = "2026.11.26"
    ... [[red_flags]]
    ... id = "heavy-bleeding"
    ... floor = "urgent"
    ... ''', name="lower.toml")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    postloss.errors.ContentError: invalid guide content in lower.toml (1 problem(s)):
      - red_flags[heavy-bleeding].floor: an overlay cannot change a floor ('emergency' → ...
    """
    if not isinstance(name, str) or not name.strip():
        raise ContentError(shown(name), ["an overlay needs a name: a non-empty str, e.g. 'acme'"])
    if type(text) is not str:
        raise ContentError(name, [f"an overlay is TOML text (a str), not {type(text).__name__}"])
    import tomllib  # deferred: only needed to read content

    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ContentError(name, [f"not valid TOML: {error}"]) from None
    return _Overlay(base, name).apply(raw)


def _same(old: object, new: object) -> bool:
    """Whether a content file's *new* value states the model's *old* value exactly."""
    if isinstance(old, Urgency):
        return new == old.label
    if isinstance(old, enum.Enum):
        return type(new) is type(old.value) and bool(new == old.value)
    if isinstance(old, tuple):
        return (
            isinstance(new, list | tuple)
            and len(new) == len(old)
            and all(_same(a, b) for a, b in zip(old, new, strict=True))
        )
    return type(old) is type(new) and bool(old == new)


def _plain(value: object) -> object:
    """*value* as a content file spells it, for a message."""
    if isinstance(value, Urgency):
        return value.label
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return [_plain(each) for each in value]
    return value


def _braced(names: Iterable[str]) -> str:
    return ", ".join(f"{{{name}}}" for name in sorted(names))


def _kind(value: object) -> str:
    return type(value).__name__


class _Overlay:
    """The work of applying one overlay: what it gives, and every problem found."""

    def __init__(self, base: Guide, name: str) -> None:
        self.base = base
        self.name = name
        self.problems: list[str] = []
        self.locale = base.locale
        self.based_on = base.content_version
        #: (key, field) pairs of text the overlay gave; a key is an item id or a text's path.
        self.given: set[tuple[str, str]] = set()
        self.added: set[str] = set()
        self.seen: set[str] = set()
        self.texts: dict[str, Any] = {}
        self.lists: dict[str, list[Any]] = {}
        self.where: dict[str, tuple[str, int]] = {}
        for path in ITEM_LISTS:
            node: Any = base
            for key in path.split("."):
                node = getattr(node, key)
            self.lists[path] = list(node)
            for position, item in enumerate(node):
                self.where[item.id] = (path, position)
        self.templates = {"reasons": dict(base.reasons), "clauses": dict(base.clauses)}
        if name in base.overlays:
            self.problems.append(f"overlay {name!r} is already applied to this guide")

    def apply(self, raw: dict[str, Any]) -> Guide:
        self._header(raw.pop("overlay", None))
        for key, value in raw.items():
            if key in ("title", "disclaimer"):
                self._guide_text(key, value)
            elif key == "overview":
                self._overview(value)
            elif key == "timeline":
                self._timeline(value)
            elif key in ITEM_LISTS:
                self._list(key, value)
            elif key in self.templates:
                self._templates(key, value)
            elif key in _REFUSED:
                self.problems.append(f"{key}: {_REFUSED[key]}")
            else:
                self.problems.append(
                    f"{key}: unknown table or field; an overlay has [overlay] and the tables "
                    "of a content file"
                )
        content = {path: tuple(items) for path, items in self.lists.items()}
        content["timeline"] = {"stages": content.pop("timeline.stages")}  # type: ignore[assignment]
        self.problems += [_by_id(problem, self.lists) for problem in content_problems(content)]
        if self.problems:
            raise ContentError(self.name, self.problems)
        return self._guide()

    # --- reading ----------------------------------------------------------------------

    def _header(self, header: object) -> None:
        if not isinstance(header, dict):
            got = "missing" if header is None else f"expected a table, got {_kind(header)}"
            self.problems.append(
                f"overlay: {got}; an overlay begins with an [overlay] table giving its locale "
                f"and the content version it was made from (based_on = "
                f"{self.base.content_version!r})"
            )
            return
        locale, based_on = header.get("locale"), header.get("based_on")
        if is_locale(locale):
            self.locale = locale
        else:
            self.problems.append(
                f"overlay.locale: expected a locale such as 'es' or 'pt-BR', got {shown(locale)}"
            )
        if isinstance(based_on, str) and based_on.strip():
            self.based_on = based_on
        else:
            self.problems.append(
                "overlay.based_on: expected the content version the overlay was made from, "
                f"such as {self.base.content_version!r}, got {shown(based_on)}"
            )
        self.problems += [
            f"overlay.{key}: unknown field; [overlay] has locale and based_on"
            for key in header
            if key not in ("locale", "based_on")
        ]

    def _text(self, path: str, value: object, key: str, field: str = "") -> str | None:
        """Check one text the overlay gives; record it as given when it is good."""
        if type(value) is not str:
            self.problems.append(f"{path}: expected text, got {_kind(value)} {shown(value)}")
            return None
        if not value.strip():
            self.problems.append(f"{path}: empty text; leave it out to keep the base's text")
            return None
        self.given.add((key, field))
        return value

    def _guide_text(self, path: str, value: object) -> None:
        """One of the guide's own texts: ``title``, ``disclaimer``, the typical duration."""
        if (text := self._text(path, value, path)) is not None:
            self.texts[path] = text

    def _overview(self, value: object) -> None:
        if not isinstance(value, list) or not value:
            self.problems.append(f"overview: expected a list of paragraphs, got {shown(value)}")
            return
        good = [self._text(f"overview[{n}]", each, "overview") for n, each in enumerate(value)]
        if all(each is not None for each in good):
            self.texts["overview"] = tuple(good)

    def _timeline(self, value: object) -> None:
        if not isinstance(value, dict):
            self.problems.append(f"timeline: expected a table, got {_kind(value)}")
            return
        for key, each in value.items():
            if key == "typical_duration":
                self._guide_text("timeline.typical_duration", each)
            elif key == "stages":
                self._list("timeline.stages", each)
            else:
                self.problems.append(
                    f"timeline.{key}: unknown field; [timeline] has typical_duration and stages"
                )

    def _list(self, list_path: str, entries: object) -> None:
        if not isinstance(entries, list):
            self.problems.append(f"{list_path}: expected a list of tables ([[{list_path}]])")
            return
        for position, entry in enumerate(entries):
            if not isinstance(entry, dict):
                self.problems.append(f"{list_path}[{position}]: expected a table")
                continue
            id = entry.get("id")
            if not isinstance(id, str):
                self.problems.append(
                    f"{list_path}[{position}].id: expected the id of the item to translate or "
                    f"add, got {shown(id)}"
                )
                continue
            where = f"{list_path}[{id}]"
            if id in self.seen:
                self.problems.append(f"{where}.id: {id!r} is given twice in the overlay")
            elif id in self.where:
                self._translate(list_path, where, id, entry)
            elif is_namespaced(id):
                self._add(list_path, where, id, entry)
            else:
                self.problems.append(
                    f"{where}.id: no item has the id {id!r}; a new item needs a namespaced id: "
                    f"your project's slug, '/', the item's slug (e.g. 'acme/{id}')"
                )
            self.seen.add(id)

    def _translate(self, list_path: str, where: str, id: str, entry: dict[str, Any]) -> None:
        home, position = self.where[id]
        if home != list_path:
            self.problems.append(
                f"{where}: {id!r} is an item of {home}; an overlay cannot change an item's kind"
            )
            return
        item: Any = self.lists[home][position]
        texts = TEXT_FIELDS[type(item)]
        fields = attrs.fields_dict(type(item))
        changes = {}
        for field, value in entry.items():
            path = f"{where}.{field}"
            if field in texts:
                text = self._text(path, value, id, field)
                if text is not None:
                    changes[field] = text
            elif field not in fields:
                self.problems.append(
                    f"{path}: unknown field; a {type(item).__name__} has {', '.join(fields)}"
                )
            elif not _same(getattr(item, field), value):
                what = _WHAT.get(field, f"the field {field!r}")
                old = shown(_plain(getattr(item, field)))
                self.problems.append(
                    f"{path}: an overlay cannot change {what} ({old} → {shown(value)}); "
                    f"it may change only person-facing text: {', '.join(texts)}"
                )
        if changes:
            self.lists[home][position] = attrs.evolve(item, **changes)

    def _add(self, list_path: str, where: str, id: str, entry: dict[str, Any]) -> None:
        cls = _CLASSES[list_path]
        try:
            item: Item = converter().structure(entry, cls)
        except (cattrs.BaseValidationError, ValueError, TypeError) as error:
            self.problems += describe(error, at=where)
            return
        self.lists[list_path].append(item)
        self.added.add(id)
        self.given.update((id, field) for field in TEXT_FIELDS[cls])

    def _templates(self, table: str, value: object) -> None:
        if not isinstance(value, dict):
            self.problems.append(f"{table}: expected a table, got {_kind(value)}")
            return
        base = getattr(self.base, table)
        for key, template in value.items():
            path = f"{table}.{key}"
            if key not in base:
                self.problems.append(
                    f"{path}: the base guide has no such template; an overlay translates the "
                    "templates it has"
                )
                continue
            if type(template) is not str:
                self._text(path, template, path)  # reports it
                continue
            before = len(self.problems)
            if bad := malformed(template):
                self.problems.append(
                    f"{path}: {', '.join(bad)} is not a placeholder; a placeholder is a name "
                    "in braces, e.g. {temperature_c}"
                )
            wanted, got = placeholders(base[key]), placeholders(template)
            if missing := wanted - got:
                self.problems.append(
                    f"{path}: the translation drops {_braced(missing)}, which the base's "
                    "template quotes"
                )
            if extra := got - wanted:
                self.problems.append(
                    f"{path}: the translation adds {_braced(extra)}, which the base's "
                    "template does not quote"
                )
            if len(self.problems) == before and self._text(path, template, path):
                self.templates[table][key] = template

    # --- the result -------------------------------------------------------------------

    def _guide(self) -> Guide:
        base = self.base
        required = _required(self.lists, self.templates)
        lists: dict[str, Any] = {path: tuple(items) for path, items in self.lists.items()}
        timeline = attrs.evolve(
            base.timeline,
            typical_duration=self.texts.get(
                "timeline.typical_duration", base.timeline.typical_duration
            ),
            stages=lists.pop("timeline.stages"),
        )
        fallbacks, stale = self._fallbacks(required), self._stale(required)
        try:
            return attrs.evolve(
                base,
                title=self.texts.get("title", base.title),
                disclaimer=self.texts.get("disclaimer", base.disclaimer),
                overview=self.texts.get("overview", base.overview),
                locale=self.locale,
                timeline=timeline,
                reasons=self.templates["reasons"],
                clauses=self.templates["clauses"],
                overlays=(*base.overlays, self.name),
                fallbacks=fallbacks,
                stale=stale,
                **lists,
            )
        except ContentError as error:  # not expected: every check above ran already
            raise ContentError(self.name, error.problems) from None

    def _complete(self, key: str, required: dict[str, tuple[str, ...]]) -> bool:
        """Whether the overlay gave every text of *key*."""
        return all((key, field) in self.given for field in required.get(key, ()))

    def _fallbacks(self, required: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
        """What is not known to be in the overlay's locale: not given by it, nor before."""
        elsewhere = set(self.base.fallbacks) if self.locale == self.base.locale else set(required)
        return tuple(
            key for key in required if key in elsewhere and not self._complete(key, required)
        )

    def _stale(self, required: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
        """What was translated from another content version: before, or by this overlay."""
        translated = {key for key, _ in self.given} - self.added
        stale = set(self.base.stale)
        if self.based_on != self.base.content_version:
            stale |= translated
        else:
            stale -= {key for key in translated if self._complete(key, required)}
        return tuple(key for key in required if key in stale)


def _required(
    lists: Mapping[str, Iterable[Item]], templates: Mapping[str, Mapping[str, str]]
) -> dict[str, tuple[str, ...]]:
    """Every person-facing text of a guide, by key, with the fields that hold it.

    Items come first, in guide order, by id (sources, which cite publications by their
    own titles, are left out); then the guide's own texts, and the reason and clause
    templates, by path.
    """
    required: dict[str, tuple[str, ...]] = {}
    for path in ITEM_LISTS:
        for item in lists[path]:
            if not isinstance(item, Source):
                fields = TEXT_FIELDS[type(item)]
                required[item.id] = tuple(field for field in fields if getattr(item, field))
    required.update(dict.fromkeys(_GUIDE_TEXTS, ("",)))
    for table, entries in templates.items():
        required.update(dict.fromkeys((f"{table}.{key}" for key in entries), ("",)))
    return required


def _by_id(problem: str, lists: Mapping[str, list[Any]]) -> str:
    """*problem* with its leading item position named by the item's id."""

    def name(match: re.Match[str]) -> str:
        items, position = lists[match[1]], int(match[2])
        return f"{match[1]}[{items[position].id}]" if position < len(items) else match[0]

    return _POSITION.sub(name, problem, count=1) if _POSITION.match(problem) else problem
