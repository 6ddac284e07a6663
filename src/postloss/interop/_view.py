"""What to show of an assessment, resolved against a guide: one source for every rendering.

The CDS Hooks card, the Markdown rendering and the command line all show the same
things in the same order — the urgency and what to do, then why — so they read them
from one :class:`AssessmentView`. Nothing is dropped: every finding gives a reason,
and an id the guide does not know is shown as the id.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from postloss._urgency import Urgency
from postloss.guide import Guide, RedFlag, Section, load_guide
from postloss.triage import Assessment

__all__ = ["AssessmentView", "section_items", "short", "summary", "view"]

#: The guide's lists shown under each section id, in guide order.
_SECTION_LISTS: dict[str, tuple[str, ...]] = {
    "causes": ("causes",),
    "timeline": ("timeline.stages", "timeline_factors"),
    "expected-recovery": ("expected_recovery",),
    "remedies": ("remedies",),
    "self-care": ("remedies:self-care",),
    "medical-interventions": ("remedies:medical",),
    "red-flags": ("red_flags",),
    "emotional-support": ("emotional_support",),
    "faq": ("faq",),
}


@attrs.frozen(kw_only=True)
class AssessmentView:
    """An assessment's person-facing parts, in the guide's words.

    ``names`` says in a few words what fired, one per red flag (its title) or per
    finding without one (its reason); ``reasons`` has every finding's reason, most
    urgent first; ``notes`` the fired red flags' own actions (crisis lines);
    ``links`` the ``(title, url)`` of the sources behind the fired red flags.
    """

    urgency: Urgency
    action_title: str
    action_text: str
    names: tuple[str, ...]
    reasons: tuple[str, ...]
    notes: tuple[str, ...]
    self_care: tuple[str, ...]
    watch_for: tuple[str, ...]
    outlook: tuple[str, ...]
    links: tuple[tuple[str, str], ...]
    disclaimer: str


def _title(guide: Guide, id: str) -> str:
    item = guide.get(id)
    return id if item is None else item.title


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def view(assessment: Assessment, guide: Guide | None = None) -> AssessmentView:
    """The parts of *assessment* to show, with titles and texts from *guide* (default: en).

    >>> from postloss import Bleeding, SymptomReport, assess
    >>> shown = view(assess(SymptomReport(bleeding=Bleeding.HEAVY)))
    >>> shown.urgency.label, shown.action_title, shown.names
    ('emergency', 'Emergency', ('Heavy bleeding',))
    """
    guide = load_guide() if guide is None else guide
    action = guide.action_for(assessment.urgency)
    names, notes, links = [], [], []
    for finding in assessment.findings:
        flag = guide.get(finding.red_flag_id) if finding.red_flag_id else None
        if isinstance(flag, RedFlag):
            names.append(flag.title)
            if flag.action:
                notes.append(flag.action)
            for source_id in flag.sources:
                source = guide.get(source_id)
                url = getattr(source, "url", None)
                if url:
                    links.append((f"{source.text}: {source.title}", url))  # type: ignore[union-attr]
        else:
            names.append(finding.reason)
    return AssessmentView(
        urgency=assessment.urgency,
        action_title=action.title,
        action_text=action.text,
        names=_unique(names),
        reasons=tuple(finding.reason for finding in assessment.findings),
        notes=_unique(notes),
        self_care=tuple(_title(guide, id) for id in assessment.self_care),
        watch_for=tuple(_title(guide, id) for id in assessment.watch_for),
        outlook=tuple(_title(guide, id) for id in assessment.outlook),
        links=tuple(dict.fromkeys(links)),
        disclaimer=guide.disclaimer,
    )


def short(text: str, limit: int) -> str:
    r"""*text* on one line, cut to at most *limit* characters with an ellipsis.

    >>> short("Seek care today:\nfever", 30), short("x" * 10, 5)
    ('Seek care today: fever', 'xxxx…')
    """
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def summary(shown: AssessmentView, limit: int) -> str:
    """One line of at most *limit* characters: what to do, then what fired.

    Red flags that do not fit are counted (``+2 more``), never silently left out.

    >>> from postloss import Bleeding, SymptomReport, assess
    >>> summary(view(assess(SymptomReport(bleeding=Bleeding.HEAVY, chills=True))), 139)
    'Emergency: Heavy bleeding; Fever or chills'
    >>> summary(view(assess(SymptomReport(bleeding=Bleeding.HEAVY, chills=True))), 35)
    'Emergency: Heavy bleeding; +1 more'
    """
    if not shown.names:
        first = shown.action_text.split(". ")[0].rstrip(".")
        return short(f"{shown.action_title}: {first}.", limit)
    head = f"{shown.action_title}: "
    for kept in range(len(shown.names), 0, -1):
        rest = len(shown.names) - kept
        more = f"; +{rest} more" if rest else ""
        line = head + "; ".join(shown.names[:kept]) + more
        if len(line) <= limit:
            return line
    more = f"; +{len(shown.names) - 1} more" if len(shown.names) > 1 else ""
    return short(head + shown.names[0], limit - len(more)) + more


def section_items(guide: Guide, section: Section) -> tuple[object, ...]:
    """The items shown under *section* of *guide*, in guide order (none for an intro)."""
    items: list[object] = []
    for path in _SECTION_LISTS.get(section.id, ()):
        name, _, kind = path.partition(":")
        node: object = guide
        for key in name.split("."):
            node = getattr(node, key)
        assert isinstance(node, tuple)
        items += [each for each in node if not kind or each.kind.value == kind]
    return tuple(items)
