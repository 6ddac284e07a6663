"""The guide's content model: one frozen attrs class per kind of item."""

# No `from __future__ import annotations`: the classes are published as `postloss.guide`
# members, and type hints kept as strings would be resolved in that module, not this one.

import datetime
import enum
import re
import urllib.parse
from collections.abc import Iterator, Mapping
from typing import Any, TypeVar, overload

import attrs

from postloss._ids import is_namespaced, is_slug
from postloss._urgency import Urgency
from postloss.errors import ContentError, UnknownItemError

__all__ = [
    "Cause",
    "ExpectedRecovery",
    "FaqEntry",
    "Guide",
    "Item",
    "LossStage",
    "RedFlag",
    "Remedy",
    "RemedyKind",
    "Section",
    "Source",
    "SupportMeasure",
    "Timeline",
    "TimelineFactor",
    "UrgencyAction",
]

_T = TypeVar("_T")
_WORD = re.compile(r"\w+")


@attrs.frozen(kw_only=True)
class Source:
    """A publication that content cites; ``text`` names its publisher."""

    id: str
    title: str
    text: str
    url: str | None = None


@attrs.frozen(kw_only=True)
class Section:
    """A heading of the guide with its introductory sentence(s)."""

    id: str
    title: str
    text: str = ""


@attrs.frozen(kw_only=True)
class Cause:
    """Something that contributes to back pain after a miscarriage."""

    id: str
    title: str
    text: str
    sources: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class TimelineFactor:
    """A factor that changes how long recovery takes."""

    id: str
    title: str
    text: str
    sources: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class LossStage:
    """Early or late loss: the weeks of pregnancy it spans and what recovery is like."""

    id: str
    title: str
    text: str
    first_week: int
    last_week: int
    sources: tuple[str, ...] = ()

    def covers(self, weeks_pregnant: int) -> bool:
        """Whether a loss at *weeks_pregnant* weeks falls in this stage."""
        return self.first_week <= weeks_pregnant <= self.last_week


@attrs.frozen(kw_only=True)
class Timeline:
    """How long acute symptoms typically last, and the early and late stages of loss."""

    typical_duration: str
    stages: tuple[LossStage, ...]


class RemedyKind(enum.Enum):
    """Whether a remedy is something to do oneself or something a clinician offers."""

    SELF_CARE = "self-care"
    MEDICAL = "medical"


@attrs.frozen(kw_only=True)
class Remedy:
    """A self-care measure or a medical intervention for back pain."""

    id: str
    kind: RemedyKind
    title: str
    text: str
    sources: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class RedFlag:
    """A warning sign, with the lowest urgency (``floor``) it calls for and its sources.

    ``action``, when given, is what to do for this sign in particular (the crisis
    lines for thoughts of self-harm), shown beside the urgency's action.
    """

    id: str
    title: str
    text: str
    floor: Urgency
    sources: tuple[str, ...]
    action: str | None = None


@attrs.frozen(kw_only=True)
class ExpectedRecovery:
    """Something that is expected during recovery, with the numbers that bound it."""

    id: str
    title: str
    text: str
    sources: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class SupportMeasure:
    """A measure that supports emotional and physical recovery."""

    id: str
    title: str
    text: str
    sources: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class FaqEntry:
    """A question and its answer; ``related`` holds the ids of items it mentions."""

    id: str
    question: str
    answer: str
    related: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        """The question, so that every item has a ``title``."""
        return self.question

    @property
    def text(self) -> str:
        """The answer, so that every item has a ``text``."""
        return self.answer


@attrs.frozen(kw_only=True)
class UrgencyAction:
    """The person-facing action for one urgency level."""

    id: str
    urgency: Urgency
    title: str
    text: str


Item = (
    Source
    | Section
    | Cause
    | TimelineFactor
    | LossStage
    | Remedy
    | RedFlag
    | ExpectedRecovery
    | SupportMeasure
    | FaqEntry
    | UrgencyAction
)


#: An item class, for the typed :meth:`Guide.lookup`.
_K = TypeVar("_K", bound=Item)

#: The lists of items in a guide, by their path in a content file and on a :class:`Guide`.
ITEM_LISTS = (
    "sections",
    "causes",
    "timeline.stages",
    "timeline_factors",
    "expected_recovery",
    "remedies",
    "red_flags",
    "emotional_support",
    "faq",
    "actions",
    "sources",
)


def _field(node: object, name: str) -> Any:
    """*name* of a raw table (a mapping) or of a model object; ``None`` when absent."""
    if isinstance(node, Mapping):
        return node.get(name)
    return getattr(node, name, None)


def _items(content: object) -> Iterator[tuple[str, object]]:
    """Each item of *content* (raw tables or a :class:`Guide`), with its path."""
    for list_path in ITEM_LISTS:
        node: object = content
        for key in list_path.split("."):
            node = _field(node, key)
        if isinstance(node, list | tuple):
            for position, item in enumerate(node):
                if item is not None:
                    yield f"{list_path}[{position}]", item


def content_problems(content: object) -> list[str]:
    """Every problem the types cannot see, each as ``"path: message"``.

    *content* is a :class:`Guide` or the raw tables of a content file, so that
    the same checks guard hand-built and evolved guides and report, beside the
    type errors, the problems of a content file that does not structure. Checks:
    ids unique across all items, each a slug or a namespaced id (``"acme/x"``); every
    ``related`` id and every ``sources`` id (a :class:`Source`) resolves; every red
    flag cites a source; exactly one action per :class:`~postloss.Urgency`; loss
    stages in ascending, non-overlapping weeks; source URLs are ``https://``.
    """
    problems = []
    first_use: dict[str, str] = {}
    source_ids = set()
    items = list(_items(content))
    for path, item in items:
        id = _field(item, "id")
        if not isinstance(id, str):
            continue
        if not (is_slug(id) or is_namespaced(id)):
            problems.append(f"{path}.id: {id!r} is not a slug (lower-case words joined by '-')")
        if id in first_use:
            problems.append(f"{path}.id: duplicate id {id!r}, first used at {first_use[id]}")
        first_use.setdefault(id, path)
        if path.startswith("sources["):
            source_ids.add(id)
    for path, item in items:
        for field, known, kind in (("related", first_use, "id"), ("sources", source_ids, "source")):
            references = _field(item, field)
            if isinstance(references, list | tuple):
                for position, reference in enumerate(references):
                    if isinstance(reference, str) and reference not in known:
                        problems.append(f"{path}.{field}[{position}]: unknown {kind} {reference!r}")
        if path.startswith("red_flags[") and _field(item, "sources") in ([], ()):
            problems.append(f"{path}.sources: a red flag must cite at least one source")
        url = _field(item, "url")
        if path.startswith("sources[") and isinstance(url, str) and not _is_https(url):
            problems.append(f"{path}.url: {url!r} is not an https:// URL")
    return problems + _stage_problems(items) + _action_problems(items)


def _is_https(url: str) -> bool:
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return False
    return parts.scheme == "https" and bool(parts.hostname) and url.startswith("https://")


def _stage_problems(items: list[tuple[str, object]]) -> list[str]:
    """Each loss stage spans first_week ≤ last_week, after the stage before it."""
    problems = []
    previous: tuple[str, int] | None = None
    for path, stage in items:
        first, last = _field(stage, "first_week"), _field(stage, "last_week")
        if not path.startswith("timeline.stages[") or type(first) is not int:
            continue
        if type(last) is int and first > last:
            problems.append(f"{path}: first_week {first} is after last_week {last}")
        if previous is not None and first <= previous[1]:
            problems.append(
                f"{path}.first_week: {first} is not after week {previous[1]}, "
                f"the last week of {previous[0]}"
            )
        if type(last) is int:
            previous = (path, max(first, last))
    return problems


def _action_problems(items: list[tuple[str, object]]) -> list[str]:
    stated = [
        urgency.label if isinstance(urgency, Urgency) else urgency
        for path, item in items
        if path.startswith("actions[")
        for urgency in [_field(item, "urgency")]
    ]
    return [
        f"actions: need exactly one action for urgency {level.label!r}, found {count}"
        for level in Urgency
        if (count := stated.count(level.label)) != 1
    ]


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


@attrs.frozen(kw_only=True)
class Guide:
    """The whole guide for one locale: its provenance, sections and items.

    A guide checks itself however it is made (loaded, built by hand or changed
    with ``attrs.evolve``): ids, references, sources, actions, stages and URLs;
    see :func:`content_problems`. A broken one raises
    :class:`~postloss.ContentError` listing every problem with its path.

    >>> import attrs
    >>> from postloss import load_guide
    >>> guide = load_guide()
    >>> guide.lookup("heavy-bleeding").floor.label
    'emergency'
    >>> attrs.evolve(guide, actions=guide.actions[1:])
    Traceback (most recent call last):
    ...
    postloss.errors.ContentError: invalid guide content in Guide(locale='en') (1 problem(s)):
      - actions: need exactly one action for urgency 'self_care', found 0
    """

    title: str
    locale: str
    content_version: str
    last_reviewed: datetime.date
    disclaimer: str
    overview: tuple[str, ...]
    sections: tuple[Section, ...]
    sources: tuple[Source, ...]
    causes: tuple[Cause, ...]
    timeline: Timeline
    timeline_factors: tuple[TimelineFactor, ...]
    remedies: tuple[Remedy, ...]
    red_flags: tuple[RedFlag, ...]
    emotional_support: tuple[SupportMeasure, ...]
    faq: tuple[FaqEntry, ...]
    actions: tuple[UrgencyAction, ...]
    expected_recovery: tuple[ExpectedRecovery, ...] = ()
    #: The words of each built-in rule's reason, by rule id (``{name}`` quotes a fact).
    reasons: dict[str, str] = attrs.field(factory=dict, hash=False)
    #: The words of each clause a reason lists, by clause id.
    clauses: dict[str, str] = attrs.field(factory=dict, hash=False)
    #: The names of the overlays applied to make this guide, in order (see :meth:`overlay`).
    overlays: tuple[str, ...] = ()
    #: What may still be in another locale than ``locale``: the ids of items whose text an
    #: overlay in this locale did not give, then the paths of other texts (``"disclaimer"``,
    #: ``"reasons.heavy-bleeding"``, ``"clauses.chills"``).
    fallbacks: tuple[str, ...] = ()
    #: What an overlay translated from another content version than ``content_version``
    #: (its ``based_on``): ids and paths as in ``fallbacks``. Such text may be out of date.
    stale: tuple[str, ...] = ()
    _index: dict[str, Item] = attrs.field(init=False, repr=False, eq=False)
    _actions: dict[Urgency, UrgencyAction] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        problems = content_problems(self)
        if problems:
            raise ContentError(f"Guide(locale={self.locale!r})", problems)
        object.__setattr__(self, "_index", {item.id: item for item in self.items()})
        object.__setattr__(self, "_actions", {action.urgency: action for action in self.actions})

    def overlay(self, text: str, *, name: str) -> "Guide":
        """This guide with the overlay *text* applied: translated or added content.

        *text* is TOML with the tables of a content file plus an ``[overlay]`` table
        (``locale``, ``based_on``: the content version it was made from). An item
        with an existing id gets the person-facing text it gives; a new namespaced
        id (``"acme/opening-hours"``) adds an item. A floor, kind, urgency, sources
        list, related ids or number cannot change. The result has the overlay's
        locale and this guide's content version, and records *name* in
        ``overlays``; ``fallbacks`` and ``stale`` say what is untranslated or out of
        date. Every problem raises :class:`~postloss.ContentError` at once, each
        with its path.

        >>> from postloss import load_guide
        >>> spanish = load_guide().overlay('''
        ... [overlay]
        ... locale = "es"
        ... based_on = "2026.11.26"
        ... [[red_flags]]
        ... id = "heavy-bleeding"
        ... title = "Sangrado abundante"
        ... ''', name="example.toml")
        >>> spanish.lookup("heavy-bleeding").title, spanish.locale, spanish.overlays
        ('Sangrado abundante', 'es', ('example.toml',))
        >>> "heavy-bleeding" in spanish.fallbacks  # its text is still in English
        True
        """
        from postloss.guide._overlay import apply_overlay  # deferred: only for overlays

        return apply_overlay(self, text, name=name)

    def items(self) -> tuple[Item, ...]:
        """Every item in guide order: sections, content, then sources and actions."""
        return (
            *self.sections,
            *self.causes,
            *self.timeline.stages,
            *self.timeline_factors,
            *self.expected_recovery,
            *self.remedies,
            *self.red_flags,
            *self.emotional_support,
            *self.faq,
            *self.actions,
            *self.sources,
        )

    @overload
    def get(self, id: str) -> Item | None: ...
    @overload
    def get(self, id: str, default: _T) -> Item | _T: ...
    def get(self, id: str, default: object = None) -> object:
        """The item with *id*, or *default* when there is none; never raises.

        >>> from postloss import load_guide
        >>> load_guide().get("no-such-item", "missing")
        'missing'
        """
        return self._index.get(id, default)

    @overload
    def lookup(self, id: str) -> Item: ...
    @overload
    def lookup(self, id: str, kind: type[_K]) -> _K: ...
    def lookup(self, id: str, kind: type[object] | None = None) -> object:
        """The item with *id*; raises :class:`~postloss.UnknownItemError` when there is none.

        Given *kind* (an item class such as :class:`RedFlag`), the item must be
        of that kind, and type checkers know the result is; an item of another
        kind raises :class:`~postloss.UnknownItemError` naming both kinds.

        >>> from postloss import load_guide
        >>> from postloss.guide import Cause, RedFlag
        >>> load_guide().lookup("heat-therapy").title
        'Gentle heat therapy'
        >>> load_guide().lookup("heavy-bleeding", RedFlag).floor.label
        'emergency'
        >>> load_guide().lookup("heavy-bleeding", Cause)
        Traceback (most recent call last):
        ...
        postloss.errors.UnknownItemError: the guide item 'heavy-bleeding' is a RedFlag, not a Cause
        """
        try:
            item = self._index[id]
        except (KeyError, TypeError):  # TypeError: an unhashable id
            raise UnknownItemError(f"no guide item has the id {id!r}") from None
        if kind is not None and not isinstance(item, kind):
            raise UnknownItemError(
                f"the guide item {id!r} is a {type(item).__name__}, not a {kind.__name__}"
            )
        return item

    def related(self, entry: FaqEntry) -> tuple[Item, ...]:
        """The items an FAQ entry refers to, in the entry's order."""
        return tuple(self.lookup(id) for id in entry.related)

    def action_for(self, urgency: Urgency) -> UrgencyAction:
        """The person-facing action for *urgency*."""
        return self._actions[urgency]

    def search(self, text: str) -> list[Item]:
        """Items whose title or text contain every word of *text*, best first.

        Matching ignores case. Each query word scores 3 when it occurs in an
        item's title and 1 when only in its text; ties keep guide order, so the
        same query always gives the same list. An empty query finds nothing.

        >>> from postloss import load_guide
        >>> [item.id for item in load_guide().search("heat")][:1]
        ['heat-therapy']
        """
        words = _words(text)
        if not words:
            return []
        scored = []
        for position, item in enumerate(self._index.values()):
            title, body = item.title.casefold(), item.text.casefold()
            if all(word in title or word in body for word in words):
                score = sum(3 if word in title else 1 for word in words)
                scored.append((-score, position, item))
        return [item for _, _, item in sorted(scored, key=lambda hit: hit[:2])]


#: ``postloss.guide`` gives these classes its name as ``__module__``, which hides their
#: methods from doctest's search of this module (and of that one); this keeps them run.
__test__ = {"Guide": Guide, "LossStage": LossStage}
