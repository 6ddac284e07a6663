"""A guide checks itself on construction: hand-built and evolved guides too."""

import datetime
from typing import Any

import attrs
import pytest

import postloss
from postloss import Urgency
from postloss.guide import (
    Cause,
    FaqEntry,
    Guide,
    LossStage,
    RedFlag,
    Source,
    Timeline,
    UrgencyAction,
)

GUIDE = postloss.load_guide()


def problems_of(**changes: Any) -> list[str]:
    """The problems reported for the packaged guide with *changes* evolved in."""
    with pytest.raises(postloss.ContentError) as caught:
        attrs.evolve(GUIDE, **changes)
    return list(caught.value.problems)


def position(items: tuple[object, ...], id: str) -> int:
    return [getattr(item, "id", None) for item in items].index(id)


def test_evolving_a_guide_keeps_it_when_nothing_breaks() -> None:
    changed = attrs.evolve(GUIDE, title="Another title")
    assert changed.title == "Another title"
    assert changed.lookup("heavy-bleeding") == GUIDE.lookup("heavy-bleeding")


def test_evolve_with_a_duplicate_id_hiding_a_red_flag_is_rejected() -> None:
    impostor = FaqEntry(id="heavy-bleeding", question="Is bleeding normal?", answer="Yes.")
    flag = position(GUIDE.red_flags, "heavy-bleeding")
    assert problems_of(faq=(*GUIDE.faq, impostor)) == [
        f"faq[{len(GUIDE.faq)}].id: duplicate id 'heavy-bleeding', first used at red_flags[{flag}]"
    ]


def test_a_hand_built_guide_without_actions_is_rejected_for_every_urgency() -> None:
    assert problems_of(actions=()) == [
        f"actions: need exactly one action for urgency {level.label!r}, found 0"
        for level in Urgency
    ]


def test_two_actions_for_one_urgency_are_rejected() -> None:
    extra = UrgencyAction(id="also-urgent", urgency=Urgency.URGENT, title="Again", text="Again.")
    assert problems_of(actions=(*GUIDE.actions, extra)) == [
        "actions: need exactly one action for urgency 'urgent', found 2"
    ]


def test_a_red_flag_without_sources_is_rejected_when_evolved() -> None:
    flag = position(GUIDE.red_flags, "heavy-bleeding")
    unsourced = attrs.evolve(GUIDE.red_flags[flag], sources=())
    red_flags = (*GUIDE.red_flags[:flag], unsourced, *GUIDE.red_flags[flag + 1 :])
    assert problems_of(red_flags=red_flags) == [
        f"red_flags[{flag}].sources: a red flag must cite at least one source"
    ]


def test_a_dangling_related_id_is_reported_with_its_path() -> None:
    entry = FaqEntry(id="faq-extra", question="Q?", answer="A.", related=("heat-thrapy",))
    assert problems_of(faq=(*GUIDE.faq, entry)) == [
        f"faq[{len(GUIDE.faq)}].related[0]: unknown id 'heat-thrapy'"
    ]


def test_sources_must_name_source_items_not_other_items() -> None:
    cause = Cause(id="extra-cause", title="T", text="T.", sources=("heat-therapy", "nice-ng126"))
    assert problems_of(causes=(*GUIDE.causes, cause)) == [
        f"causes[{len(GUIDE.causes)}].sources[0]: unknown source 'heat-therapy'"
    ]


def test_ids_must_be_slugs() -> None:
    cause = Cause(id="Extra cause", title="T", text="T.")
    assert problems_of(causes=(*GUIDE.causes, cause)) == [
        f"causes[{len(GUIDE.causes)}].id: 'Extra cause' is not a slug "
        "(lower-case words joined by '-')"
    ]


@pytest.mark.parametrize(
    "url",
    ["http://www.nhs.uk/", "javascript:alert(1)", "https://", "ftp://example.org/", "nhs.uk"],
)
def test_source_urls_must_be_https(url: str) -> None:
    source = Source(id="extra-source", title="T", text="T.", url=url)
    assert problems_of(sources=(*GUIDE.sources, source)) == [
        f"sources[{len(GUIDE.sources)}].url: {url!r} is not an https:// URL"
    ]


def stage(id: str, first: int, last: int) -> LossStage:
    return LossStage(id=id, title=id, text=id, first_week=first, last_week=last)


def test_a_stage_must_not_end_before_it_starts() -> None:
    stages = (stage("early-loss", 1, 12), stage("late-loss", 23, 13))
    assert problems_of(timeline=Timeline(typical_duration="Days.", stages=stages)) == [
        "timeline.stages[1]: first_week 23 is after last_week 13"
    ]


@pytest.mark.parametrize(("first", "last"), [(12, 23), (1, 23), (5, 10)])
def test_stages_must_ascend_without_overlapping(first: int, last: int) -> None:
    stages = (stage("early-loss", 1, 12), stage("late-loss", first, last))
    assert problems_of(timeline=Timeline(typical_duration="Days.", stages=stages)) == [
        f"timeline.stages[1].first_week: {first} is not after week 12, "
        "the last week of timeline.stages[0]"
    ]


def test_a_guide_built_by_hand_reports_every_problem_with_its_path() -> None:
    with pytest.raises(postloss.ContentError) as caught:
        Guide(
            title="Mine",
            locale="en",
            content_version="1",
            last_reviewed=datetime.date(2026, 1, 1),
            disclaimer="Not advice.",
            overview=(),
            sections=(),
            sources=(Source(id="mine", title="Mine", text="Me", url="http://example.org"),),
            causes=(),
            timeline=Timeline(typical_duration="Days.", stages=()),
            timeline_factors=(),
            remedies=(),
            red_flags=(
                RedFlag(id="flag", title="F", text="F.", floor=Urgency.URGENT, sources=()),
                RedFlag(id="flag", title="G", text="G.", floor=Urgency.URGENT, sources=("x",)),
            ),
            emotional_support=(),
            faq=(),
            actions=(),
        )
    assert caught.value.problems == (
        "red_flags[1].id: duplicate id 'flag', first used at red_flags[0]",
        "red_flags[0].sources: a red flag must cite at least one source",
        "red_flags[1].sources[0]: unknown source 'x'",
        "sources[0].url: 'http://example.org' is not an https:// URL",
        *(f"actions: need exactly one action for urgency {u.label!r}, found 0" for u in Urgency),
    )
    assert caught.value.name == "Guide(locale='en')"
