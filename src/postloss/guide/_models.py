"""The guide's content model: one frozen attrs class per kind of item."""

from __future__ import annotations

import datetime
import enum
import re
from typing import TypeVar, overload

import attrs

from postloss._urgency import Urgency
from postloss.errors import UnknownItemError

__all__ = [
    "Cause",
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
    """A warning sign, with the lowest urgency (``floor``) it calls for and its sources."""

    id: str
    title: str
    text: str
    floor: Urgency
    sources: tuple[str, ...]


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
    | SupportMeasure
    | FaqEntry
    | UrgencyAction
)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


@attrs.frozen(kw_only=True)
class Guide:
    """The whole guide for one locale: its provenance, sections and items.

    >>> from postloss import load_guide
    >>> guide = load_guide()
    >>> guide.lookup("heavy-bleeding").floor.label
    'emergency'
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
    _index: dict[str, Item] = attrs.field(init=False, repr=False, eq=False)
    _actions: dict[Urgency, UrgencyAction] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_index", {item.id: item for item in self.items()})
        object.__setattr__(self, "_actions", {action.urgency: action for action in self.actions})

    def items(self) -> tuple[Item, ...]:
        """Every item in guide order: sections, content, then sources and actions."""
        return (
            *self.sections,
            *self.causes,
            *self.timeline.stages,
            *self.timeline_factors,
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

    def lookup(self, id: str) -> Item:
        """The item with *id*; raises :class:`~postloss.UnknownItemError` when there is none.

        >>> from postloss import load_guide
        >>> load_guide().lookup("heat-therapy").title
        'Gentle heat therapy'
        """
        try:
            return self._index[id]
        except KeyError:
            raise UnknownItemError(f"no guide item has the id {id!r}") from None

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
