"""Plain-text renderings for the ``postloss`` command: the guide and an assessment.

Each function returns text; only :mod:`postloss.cli` prints. An assessment reads
urgency first, then what to do, then why — the same parts, in the same order, as
the CDS Hooks card and the Markdown rendering, from one view of it.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from postloss.guide import FaqEntry, Guide, RedFlag, Remedy, Section
from postloss.interop._view import AssessmentView, section_items, summary

__all__ = ["assessment_line", "assessment_text", "guide_text", "item_text", "search_text"]

#: How many unanswered questions to name before counting the rest.
_ASK_NEXT = 5


def _fill(text: str, width: int, first: str = "", rest: str = "") -> str:
    """*text* wrapped at spaces only: words, hyphenated words and URLs stay whole."""
    return textwrap.fill(
        " ".join(text.split()),
        width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _wrap(text: str, width: int) -> str:
    return _fill(text, width)


def _bullets(lines: Iterable[str], width: int) -> list[str]:
    return [_fill(line, width, "  - ", "    ") for line in lines]


def assessment_text(
    shown: AssessmentView, *, ask_next: tuple[str, ...] = (), width: int = 80
) -> str:
    """*shown* as text: the urgency and what to do first, then why, then the rest.

    *ask_next* names the unanswered questions whose answer could raise the urgency
    (as flags or field names), most urgent first; the first few are shown, the rest
    counted.
    """
    blocks = [_wrap(f"{shown.urgency.label.upper()}: {shown.action_text}", width)]
    if shown.reasons:
        blocks.append("\n".join(["Why:", *_bullets(shown.reasons, width)]))
    blocks += [_wrap(note, width) for note in shown.notes]
    if shown.self_care:
        blocks.append(_wrap("Meanwhile: " + "; ".join(shown.self_care) + ".", width))
    if shown.outlook:
        blocks.append(_wrap("Recovery: see " + "; ".join(shown.outlook) + ".", width))
    if ask_next:
        more = len(ask_next) - _ASK_NEXT
        names = ", ".join(ask_next[:_ASK_NEXT]) + (f" (+{more} more)" if more > 0 else "")
        blocks.append(_wrap(f"Not asked, and could raise the urgency: {names}.", width))
    if shown.watch_for:
        blocks.append(
            _wrap(
                f"Watch for the {len(shown.watch_for)} other warning signs: "
                "postloss guide red-flags",
                width,
            )
        )
    blocks.append(_wrap(shown.disclaimer, width))
    return "\n\n".join(blocks) + "\n"


def assessment_line(number: int, shown: AssessmentView) -> str:
    """One report of many, on one line: its number, its urgency, what to do and what fired."""
    return f"{number}: {shown.urgency.label.upper()}: {summary(shown, 200)}"


def _item_line(item: object) -> str:
    if isinstance(item, RedFlag):
        return f"{item.title} ({item.floor.label}): {item.text}"
    return f"{getattr(item, 'title', '')}: {getattr(item, 'text', '')}"


def _section_text(guide: Guide, section: Section, width: int) -> str:
    lines = [f"{section.title} [{section.id}]"]
    if section.text:
        lines.append(_wrap(section.text, width))
    items = section_items(guide, section)
    if section.id == "timeline":
        lines.append(_wrap(guide.timeline.typical_duration, width))
    for item in items:
        if isinstance(item, FaqEntry):
            lines += ["", _wrap(f"Q: {item.question}", width), _wrap(f"A: {item.answer}", width)]
        else:
            lines += _bullets([_item_line(item)], width)
    return "\n".join(lines)


def guide_text(guide: Guide, section: Section | None = None, *, width: int = 80) -> str:
    """The whole guide, or one *section* of it, as text."""
    if section is not None:
        return _section_text(guide, section, width) + "\n"
    head = (
        f"{guide.title} (content {guide.content_version}, reviewed "
        f"{guide.last_reviewed.isoformat()}, {guide.locale})"
    )
    blocks = [head, *(_wrap(paragraph, width) for paragraph in guide.overview)]
    blocks += [_section_text(guide, each, width) for each in guide.sections]
    sources = [
        f"{source.text}: {source.title}" + (f" <{source.url}>" if source.url else "")
        for source in guide.sources
    ]
    blocks.append("\n".join(["Sources", *_bullets(sources, width)]))
    blocks.append(_wrap(guide.disclaimer, width))
    return "\n\n".join(blocks) + "\n"


def item_text(guide: Guide, item: object, *, width: int = 80) -> str:
    """One guide item: its title, kind and id, its text, and the sources it cites."""
    kind = type(item).__name__
    if isinstance(item, Remedy):
        kind = f"{kind}, {item.kind.value}"
    if isinstance(item, RedFlag):
        kind = f"{kind}, at least {item.floor.label}"
    title = getattr(item, "title", "")
    lines = [
        f"{title} [{getattr(item, 'id', '')}] ({kind})",
        _wrap(getattr(item, "text", ""), width),
    ]
    if isinstance(item, RedFlag) and item.action:
        lines.append(_wrap(item.action, width))
    related = getattr(item, "related", ()) or getattr(item, "sources", ())
    if related:
        lines.append("See: " + ", ".join(related))
    return "\n".join(line for line in lines if line) + "\n"


def search_text(items: Iterable[object]) -> str:
    """One line per item found: its id, kind and title."""
    return "".join(
        f"{getattr(item, 'id', '')}  ({type(item).__name__})  {getattr(item, 'title', '')}\n"
        for item in items
    )
