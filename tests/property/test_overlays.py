"""Properties of content overlays: no overlay weakens a red flag or changes an answer.

Guarantee 1 of DESIGN.md ("for every downstream extension") and the "Content overlays"
contract: an overlay may change only person-facing text, so a translated or extended guide
keeps every red flag's floor, and ``assess`` gives it the same urgency and findings as the
base. The overlays come from ``tests/strategies.py``: random items and templates
translated, namespaced additions, and attempted floor changes, which must be refused.
"""

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import postloss
from postloss import ContentError, Guide, Ruleset, SymptomReport, assess, default_rules
from postloss.guide import RedFlag
from tests import strategies as s

BASE = postloss.load_guide()


def never(report: SymptomReport) -> bool:
    """Never fires: links a red flag an overlay added to a rule, as the ruleset requires."""
    return False


def rules_for(guide: Guide) -> Ruleset:
    """The built-in rules with *guide*, and a silent rule for each red flag an overlay added."""
    added = [flag for flag in guide.red_flags if BASE.get(flag.id) is None]
    linked = [
        postloss.rule(flag.id, urgency=flag.floor, reason="never", red_flag=flag.id)(never)
        for flag in added
    ]
    return Ruleset(guide=guide, extra=linked) if linked else default_rules(guide=guide)


def applied(guide: Guide, plan: s.OverlayPlan, name: str) -> Guide | None:
    """*guide* with *plan* applied, or ``None`` when it is refused for what it tried."""
    if plan.valid:
        return guide.overlay(plan.text, name=name)
    with pytest.raises(ContentError) as caught:
        guide.overlay(plan.text, name=name)
    problems = caught.value.problems
    for id in plan.floor_changes:
        assert any(p.startswith(f"red_flags[{id}].floor: ") for p in problems), problems
    for path in plan.dropped:
        assert any(p.startswith(f"{path}: ") and "drops" in p for p in problems), problems
    return None


def expected_fallbacks(plan: s.OverlayPlan) -> list[str]:
    """What a single overlay of the base leaves in the base's locale, restated from DESIGN.md."""
    if plan.locale == BASE.locale:
        return []
    untranslated = [
        item.id
        for item in BASE.items()
        if not isinstance(item, postloss.guide.Source)
        and any(
            getattr(item, field) and field not in plan.translated.get(item.id, ())
            for field in s.text_fields(_list_of(item))
        )
    ]
    others = [*s.GUIDE_TEXTS, *(f"reasons.{k}" for k in BASE.reasons)]
    others += [f"clauses.{k}" for k in BASE.clauses]
    return untranslated + [path for path in others if path not in plan.paths]


def _list_of(item: Any) -> str:
    return next(path for path, items in s.guide_lists(BASE).items() if item in items)


@given(plan=s.overlay_plans(BASE), report=s.reports())
def test_an_overlay_is_refused_or_keeps_every_floor_and_every_answer(
    plan: s.OverlayPlan, report: SymptomReport
) -> None:
    """Guarantee 1 for overlays: refused, or the same floors, urgency and findings as the base."""
    guide = applied(BASE, plan, "random")
    if guide is None:
        return
    for flag in BASE.red_flags:
        assert guide.lookup(flag.id, RedFlag).floor is flag.floor
    assert (guide.locale, guide.content_version) == (plan.locale, BASE.content_version)
    assert guide.overlays == ("random",)
    english, overlaid = assess(report), assess(report, rules=rules_for(guide))
    assert overlaid.urgency is english.urgency
    assert [f.rule_id for f in overlaid.findings] == [f.rule_id for f in english.findings]
    assert overlaid.action == english.action


@given(plan=s.overlay_plans(BASE, changes=False))
def test_fallbacks_and_stale_list_exactly_what_the_overlay_left_or_took_from_old_content(
    plan: s.OverlayPlan,
) -> None:
    """The contract's ``fallbacks`` (untranslated ids) and ``stale`` (older ``based_on``)."""
    guide = BASE.overlay(plan.text, name="random")
    assert list(guide.fallbacks) == expected_fallbacks(plan)
    translated = [
        item.id
        for item in BASE.items()
        if item.id in plan.translated and not isinstance(item, postloss.guide.Source)
    ]
    expected_stale = sorted([*translated, *plan.paths])
    assert sorted(guide.stale) == (expected_stale if plan.based_on != BASE.content_version else [])
    for id in plan.added:
        assert guide.get(id) is not None
        assert id not in guide.fallbacks
        assert id not in guide.stale


@given(data=st.data(), count=st.integers(2, 3))
def test_composed_overlays_keep_every_floor_and_every_answer(
    data: st.DataObject, count: int
) -> None:
    """Guarantee 1 for overlays applied one over another (``base.overlay(a).overlay(b)``)."""
    guide: Guide | None = BASE
    names = []
    for number in range(count):
        assert guide is not None
        plan = data.draw(s.overlay_plans(guide))
        names.append(f"overlay-{number}")
        guide = applied(guide, plan, names[-1])
        if guide is None:
            return
    assert guide is not None
    assert guide.overlays == tuple(names)
    for flag in BASE.red_flags:
        assert guide.lookup(flag.id, RedFlag).floor is flag.floor
    report = data.draw(s.reports())
    overlaid = assess(report, rules=rules_for(guide))
    assert overlaid.urgency is assess(report).urgency
