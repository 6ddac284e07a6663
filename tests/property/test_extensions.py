"""Arbitrary extensions never lower a built-in urgency (DESIGN.md, "Safety floor").

Random downstream rules (always firing, at SELF_CARE too; never firing; firing on a field;
raising; returning no bool; with a raising reason), random valid thresholds and rules
loaded from plugins: the built-in findings always stay, the urgency is never lower than the
built-in rules' alone, and a broken rule makes ``assess`` raise ``RuleError`` naming it,
whose ``.partial`` is never quieter. Guarantee 1 (a red flag's condition gets its floor
under any extension) is checked in ``test_guarantees.py``; these check the extension side.
"""

import functools
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import acme_clinic
import postloss.plugins
from postloss import Assessment, Rule, RuleError, Ruleset, SymptomReport, Urgency, assess
from postloss import default_rules as built_in_rules
from tests import strategies as s

FIXTURES = Path(__file__).parent.parent / "fixtures" / "plugins"
#: The outcome of a rule that raises, returns no bool or gives no text for its reason.
FAILS = "fails"


def outcome(each: Rule, report: SymptomReport) -> Urgency | str | None:
    """What the contract says *each* does on *report*: its urgency, None, or FAILS."""
    try:
        fired = each.predicate(report)
        if fired is False:
            return None
        if fired is not True:
            return FAILS
        if callable(each.reason):
            text = each.reason(report)
            if not isinstance(text, str) or not text:
                return FAILS
    except Exception:
        return FAILS
    return each.urgency


def assess_extended(report: SymptomReport, rules: Ruleset) -> Assessment:
    """The assessment of *report*, or the partial one of the RuleError naming the broken rule.

    Checks what a RuleError must say: the first broken rule, in the order added.
    """
    broken = [each.id for each in rules.extra if outcome(each, report) == FAILS]
    if not broken:
        return assess(report, rules=rules)
    with pytest.raises(RuleError) as caught:
        assess(report, rules=rules)
    assert caught.value.rule_id == broken[0]
    assert caught.value.partial is not None
    return caught.value.partial


def check_only_adds(report: SymptomReport, rules: Ruleset) -> Assessment:
    """*rules* give at least the built-in answer for their thresholds, and exactly the rest."""
    built_in = assess(report, rules=built_in_rules(thresholds=rules.thresholds))
    result = assess_extended(report, rules)
    fired = [u for each in rules.extra if isinstance(u := outcome(each, report), Urgency)]
    assert result.urgency >= built_in.urgency
    assert result.urgency == max([built_in.urgency, *fired])
    extra_ids = {each.id for each in rules.extra}
    assert {f for f in result.findings if f.rule_id not in extra_ids} == set(built_in.findings)
    assert set(built_in.red_flags) <= set(result.red_flags)
    assert {f.rule_id for f in result.findings} - {f.rule_id for f in built_in.findings} == {
        each.id for each in rules.extra if isinstance(outcome(each, report), Urgency)
    }
    return result


@given(st.data(), s.thresholds(), st.sampled_from([SymptomReport, s.ClinicReport]))
def test_any_extension_never_lowers_a_built_in_urgency(
    data: st.DataObject, thresholds: postloss.Thresholds, cls: type[SymptomReport]
) -> None:
    """Safety floor: no thresholds and no downstream rules lower a built-in urgency.

    Any valid thresholds and any mix of downstream rules, working or broken, keep every
    built-in finding. Rules firing always (at SELF_CARE too), never, on a field, raising,
    returning no bool or giving a raising reason; base and downstream reports, drawn with
    values at and either side of the drawn lines. The thresholds alone are at least as
    cautious as the defaults; the rules then only add.
    """
    report = data.draw(s.reports(cls, thresholds))
    extra = data.draw(s.downstream_rules(cls))
    rules = built_in_rules(thresholds=thresholds).extended(*extra)
    result = check_only_adds(report, rules)
    default = assess(report)
    assert assess(report, rules=built_in_rules(thresholds=thresholds)).urgency >= default.urgency
    assert result.urgency >= default.urgency


@postloss.rule("acme/never", urgency=Urgency.EMERGENCY, reason="never")
def never(report: SymptomReport) -> bool:
    """Never fires."""
    return False


@given(st.data(), s.thresholds())
def test_a_rule_that_never_fires_leaves_the_whole_assessment_as_it_was(
    data: st.DataObject, thresholds: postloss.Thresholds
) -> None:
    """With downstream rules, assess takes its general path; it says what the fast one says.

    Urgency, findings, action, self-care (only below URGENT), watch-for and outlook alike.
    """
    report = data.draw(s.reports(SymptomReport, thresholds))
    rules = built_in_rules(thresholds=thresholds)
    assert assess(report, rules=rules.extended(never)) == assess(report, rules=rules)


@given(st.data(), s.thresholds(), s.reports(SymptomReport) | s.reports(s.ClinicReport))
def test_a_broken_rule_never_yields_a_quieter_answer(
    data: st.DataObject, thresholds: postloss.Thresholds, report: SymptomReport
) -> None:
    """Safety floor: a rule that raises makes assess raise RuleError, never answer quieter.

    A broken rule is drawn among working ones, at any position; its RuleError names it and
    its ``.partial`` has every built-in finding and at least the built-in urgency.
    """
    cls = type(report)
    broken = data.draw(
        s.downstream_rules(
            cls,
            behaviours=(s.Behaviour.RAISES, s.Behaviour.NOT_BOOL, s.Behaviour.BAD_REASON),
            min_size=1,
            max_size=1,
        )
    )
    working = data.draw(s.downstream_rules(cls, behaviours=s.WORKING, max_size=3))
    position = data.draw(st.integers(0, len(working)))
    extra = [*working[:position], *broken, *working[position:]]
    # The drawn rules' ids count from 0 in each draw: renumber them so that they stay unique.
    extra = [postloss_rule(each, f"acme/rule-{n}") for n, each in enumerate(extra)]
    rules = built_in_rules(thresholds=thresholds).extended(*extra)
    assert outcome(extra[position], report) == FAILS
    with pytest.raises(RuleError):
        assess(report, rules=rules)
    check_only_adds(report, rules)


def postloss_rule(each: Rule, id: str) -> Rule:
    """*each* under another id."""
    return Rule(
        id=id,
        urgency=each.urgency,
        predicate=each.predicate,
        reason=each.reason,
        red_flag=each.red_flag,
    )


@functools.cache
def fixture_rules(name: str) -> tuple[Rule, ...]:
    """The rules of plugin *name* of the fake distribution tests/fixtures/plugins/good."""
    path = str(FIXTURES / "good")
    sys.path.insert(0, path)
    try:
        return postloss.plugins.rules(name)
    finally:
        sys.path.remove(path)


@given(st.data(), s.reports(acme_clinic.AcmeReport), s.thresholds(), st.booleans())
def test_plugin_loaded_rules_never_lower_a_built_in_urgency(
    data: st.DataObject,
    report: acme_clinic.AcmeReport,
    thresholds: postloss.Thresholds,
    raising: bool,
) -> None:
    """Safety floor, through entry points: plugin rules never lower a built-in urgency.

    The installed ``acme`` plugin's rules (the example package) and a fake plugin's (one
    always firing at SELF_CARE, one never firing at EMERGENCY), with or without a plugin
    whose rule raises, at any thresholds; and the example's own ruleset (its threshold
    and rules) against the defaults.
    """
    loaded = [*postloss.plugins.rules("acme"), *fixture_rules("fake-good")]
    if raising:
        loaded.insert(data.draw(st.integers(0, len(loaded))), *fixture_rules("fake-raising"))
    rules = built_in_rules(thresholds=thresholds).extended(*loaded)
    check_only_adds(report, rules)
    # The example's own ruleset: its tightened threshold and its rules only add caution.
    assert assess(report, rules=acme_clinic.ruleset()).urgency >= assess(report).urgency
