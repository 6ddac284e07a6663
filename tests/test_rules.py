"""Rules, rulesets and assess(): how downstream rules are made, checked and run."""

import functools
import re
from collections.abc import Callable
from typing import Any

import attrs
import pytest

import postloss
from postloss import (
    InvalidReportError,
    InvalidRuleError,
    ReportClassError,
    Rule,
    RuleError,
    Ruleset,
    SymptomReport,
    Thresholds,
    Urgency,
    assess,
    default_rules,
    rule,
)
from postloss.interop.markdown import decision_table

# -- rules -------------------------------------------------------------------------------------


def test_a_template_reason_quotes_the_report() -> None:
    @rule("acme/pain-noted", urgency=Urgency.ROUTINE, reason="pain noted at {pain_score}/10")
    def pain_noted(report: SymptomReport) -> bool:
        return report.pain_score is not None

    assessment = assess(SymptomReport(pain_score=3), rules=default_rules().extended(pain_noted))
    assert [f.reason for f in assessment.findings] == ["pain noted at 3/10"]


def test_the_condition_is_the_one_given_else_the_docstring_else_the_id() -> None:
    def documented(report: SymptomReport) -> bool:
        return False

    documented.__doc__ = "\n    Night sweats reported.\n    "

    def undocumented(report: SymptomReport) -> bool:
        return False

    given = rule("a-rule", urgency=Urgency.ROUTINE, reason="x", condition="Given.")(documented)
    assert given.condition == "Given."
    from_doc = rule("a-rule", urgency=Urgency.ROUTINE, reason="x")(documented)
    assert from_doc.condition == "Night sweats reported."
    assert rule("a-rule", urgency=Urgency.ROUTINE, reason="x")(undocumented).condition == "a-rule"


def test_a_rule_keeps_the_inputs_it_declares_as_a_tuple() -> None:
    made = rule("a-rule", urgency=Urgency.ROUTINE, reason="x", inputs=["chills", "low_mood"])(
        lambda report: False
    )
    assert made.inputs == ("chills", "low_mood")
    assert rule("b-rule", urgency=Urgency.ROUTINE, reason="x")(lambda report: False).inputs == ()


def test_decorating_something_that_is_not_a_function_names_the_rule() -> None:
    with pytest.raises(InvalidRuleError, match="'not-callable'"):
        rule("not-callable", urgency=Urgency.ROUTINE, reason="x")(3)  # type: ignore[arg-type]


def test_a_red_flag_that_is_not_an_id_is_a_malformed_rule() -> None:
    with pytest.raises(InvalidRuleError, match="red_flag") as caught:
        rule("bad-flag", urgency=Urgency.URGENT, reason="x", red_flag=3)(  # type: ignore[arg-type]
            lambda report: True
        )
    assert "'bad-flag'" in str(caught.value)


def _rule_error(**changes: Any) -> str:
    arguments: dict[str, Any] = {
        "id": "a-rule",
        "urgency": Urgency.ROUTINE,
        "predicate": lambda report: False,
        "reason": "x",
        **changes,
    }
    with pytest.raises(InvalidRuleError) as caught:
        postloss.Rule(**arguments)
    return str(caught.value)


def test_a_malformed_rule_lists_each_problem_as_it_would_alone() -> None:
    alone = [
        _rule_error(urgency=2).removeprefix("rule 'a-rule': "),
        _rule_error(reason="").removeprefix("rule 'a-rule': "),
    ]
    together = _rule_error(urgency=2, reason="")
    assert together.removeprefix("rule 'a-rule': ").split("; ") == alone


def test_a_predicate_returning_a_non_bool_is_named_in_the_cause() -> None:
    @rule("acme/count-rule", urgency=Urgency.ROUTINE, reason="never")
    def count(report: SymptomReport) -> bool:
        return 1  # type: ignore[return-value]

    with pytest.raises(RuleError, match="'acme/count-rule'") as caught:
        assess(SymptomReport(), rules=default_rules().extended(count))
    assert isinstance(caught.value.__cause__, TypeError)
    assert "returned int" in str(caught.value.__cause__)


# -- rulesets and assess() ---------------------------------------------------------------------


def test_a_ruleset_lists_each_problem_as_it_would_alone() -> None:
    @rule("weak", urgency=Urgency.ROUTINE, reason="weak", red_flag="heavy-bleeding")
    def weak(report: SymptomReport) -> bool:
        return True

    def message(*extra: Any) -> str:
        with pytest.raises(InvalidRuleError) as caught:
            default_rules().extended(*extra)
        return str(caught.value)

    assert message("no-rule", weak) == f"{message('no-rule')}; {message(weak)}"


def test_default_rules_keeps_the_guide_it_is_given() -> None:
    guide = attrs.evolve(postloss.load_guide(), disclaimer="A clinic's own disclaimer.")
    assert default_rules(guide=guide).guide is guide
    assert default_rules(guide=guide, thresholds=Thresholds()).guide is guide
    assert default_rules().guide is postloss.load_guide()


def test_self_care_advice_is_every_self_care_measure_of_the_guide_and_nothing_else() -> None:
    guide = postloss.load_guide()
    measures = tuple(
        remedy.id for remedy in guide.remedies if remedy.kind is postloss.guide.RemedyKind.SELF_CARE
    )
    rules = default_rules(thresholds=Thresholds())  # a ruleset built here, not the cached one
    assert measures
    assert assess(SymptomReport(), rules=rules).self_care == measures
    assert assess(SymptomReport(low_mood=True), rules=rules).self_care == measures


def test_wrong_arguments_to_assess_and_ruleset_name_the_type_given() -> None:
    with pytest.raises(InvalidRuleError, match="got list"):
        assess(SymptomReport(), rules=[])  # type: ignore[arg-type]
    with pytest.raises(InvalidReportError, match="got dict"):
        assess({"pain_score": 3})  # type: ignore[arg-type]
    with pytest.raises(InvalidRuleError, match="got str"):
        Ruleset(guide="en")  # type: ignore[arg-type]


# -- the decision table ------------------------------------------------------------------------


def test_the_table_gives_a_downstream_rule_one_well_formed_row() -> None:
    @rule(
        "acme/night-sweats",
        urgency=Urgency.ROUTINE,
        reason="night sweats reported",
        condition="Sweats | chills\nat night.",
        inputs=["night_sweats"],
    )
    def night_sweats(report: SymptomReport) -> bool:
        return False

    table = decision_table(default_rules().extended(night_sweats))
    (row,) = [line for line in table.splitlines() if "`acme/night-sweats`" in line]
    cells = [cell.strip() for cell in row.replace("\\|", "¦").strip("|").split("|")]
    assert cells == [
        str(len(default_rules()) + 1),
        "`acme/night-sweats`",
        "`night_sweats`",
        "Sweats ¦ chills at night.",  # the pipe escaped as \| in Markdown, the line break a space
        "**routine**",
        "",  # no red flag, so no annotation
        "",  # and no references
    ]
    assert "Sweats \\| chills at night." in row


def test_every_condition_names_only_thresholds_that_exist() -> None:
    """The table's conditions name thresholds by field (`fever_c`); each one is a real one."""
    names = set(attrs.fields_dict(Thresholds))
    for each in default_rules().rules:
        for quoted in re.findall(r"`([a-z_]+)`", each.condition):
            assert quoted in names, (each.id, quoted)


def test_a_ruleset_describes_itself_by_its_rules_thresholds_and_content() -> None:
    @rule("acme/first", urgency=Urgency.ROUTINE, reason="first")
    def first(report: SymptomReport) -> bool:
        return False

    @rule("acme/second", urgency=Urgency.ROUTINE, reason="second")
    def second(report: SymptomReport) -> bool:
        return False

    described = default_rules(thresholds=Thresholds(fever_c=37.8)).extended(first, second)
    text = described.describe()
    assert "acme/first, acme/second" in text
    assert "custom thresholds" in text
    assert postloss.load_guide().content_version in text


@attrs.frozen(kw_only=True)
class WoundReport(SymptomReport):
    """A downstream report a clinic's rules read."""

    wound_red: bool | None = None


def _wound_over(report: WoundReport, days: int) -> bool:
    return report.wound_red is True and (report.days_since_loss or 0) > days


class WoundCheck:
    """A predicate as an object with a setting, as a clinic might write one."""

    def __call__(self, report: WoundReport) -> bool:
        """Whether the wound looks red."""
        return report.wound_red is True


@pytest.mark.parametrize(
    "predicate", [functools.partial(_wound_over, days=3), WoundCheck()], ids=["partial", "object"]
)
def test_a_predicate_that_is_no_plain_function_names_its_report_class(predicate: Any) -> None:
    made = postloss.Rule(id="acme/wound", urgency=Urgency.URGENT, predicate=predicate, reason="x")
    assert made.report_class is WoundReport
    with pytest.raises(ReportClassError):
        assess(SymptomReport(), rules=default_rules().extended(made))


def test_a_finding_made_without_facts_has_none_to_quote() -> None:
    finding = postloss.Finding("acme/plain", Urgency.ROUTINE, None, "seen by the clinic")
    assert finding.facts == {}
    assert finding.reason == "seen by the clinic"


@attrs.frozen(kw_only=True)
class StepsReport(SymptomReport):
    """A downstream report with a number only a clinic's rule reads."""

    steps_today: int | None = postloss.field(low=0, high=50_000, question="Steps today?")


@rule("acme/too-few-steps", urgency=Urgency.URGENT, reason=lambda r: f"{r.steps_today} steps")
def too_few_steps(report: StepsReport) -> bool:
    return report.steps_today is not None and report.steps_today < 100


def test_a_reason_function_gives_the_finding_its_words() -> None:
    rules = default_rules().extended(too_few_steps)
    finding = next(
        f for f in assess(StepsReport(steps_today=40), rules=rules).findings if "/" in f.rule_id
    )
    expected = postloss.Finding("acme/too-few-steps", Urgency.URGENT, None, "40 steps")
    assert finding == expected
    assert finding.reason == "40 steps"


@pytest.mark.parametrize(
    "reason",
    ["pads {pads_soaked_per_hour}", lambda report: f"pads {report.pads_soaked_per_hour:g}"],
    ids=["template", "function"],
)
def test_a_rule_linked_to_a_red_flag_names_it_in_its_finding_whatever_its_reason(
    reason: str | Callable[[Any], str],
) -> None:
    @rule("acme/heavy", urgency=Urgency.EMERGENCY, reason=reason, red_flag="heavy-bleeding")
    def heavy(report: SymptomReport) -> bool:
        return report.pads_soaked_per_hour is not None

    assessment = assess(
        SymptomReport(pads_soaked_per_hour=0.5), rules=default_rules().extended(heavy)
    )
    finding = next(f for f in assessment.findings if f.rule_id == "acme/heavy")
    assert (finding.red_flag_id, finding.reason) == ("heavy-bleeding", "pads 0.5")


def test_a_reason_function_giving_empty_text_is_a_rule_error() -> None:
    @rule("acme/silent", urgency=Urgency.ROUTINE, reason=lambda r: "")
    def silent(report: SymptomReport) -> bool:
        return True

    with pytest.raises(postloss.RuleError, match="acme/silent") as caught:
        assess(SymptomReport(), rules=default_rules().extended(silent))
    assert "reason returned str, not text" in str(caught.value.__cause__)


def test_unanswered_asks_what_the_ruleset_in_use_reads() -> None:
    rules = default_rules().extended(too_few_steps)
    report = StepsReport(days_since_loss=3)
    assert "steps_today" in postloss.unanswered(report, rules=rules)
    assert "steps_today" not in postloss.unanswered(report)  # no built-in rule reads it
    fever_first = default_rules(thresholds=Thresholds(fever_c=37.5))
    assert "temperature_c" in postloss.unanswered(report, rules=fever_first)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (
            {"reasons": "drop fever-or-chills"},
            "reasons: no reason template for rule 'fever-or-chills'",
        ),
        (
            {"reasons": "bad fever-or-chills"},
            "reasons.fever-or-chills: unknown placeholders ['colour']",
        ),
        ({"clauses": "drop chills"}, "clauses: no template for clause 'chills'"),
    ],
)
def test_a_guide_that_cannot_word_the_built_in_rules_is_refused_naming_what_is_missing(
    change: dict[str, str], problem: str
) -> None:
    guide = postloss.load_guide()
    ((table, instruction),) = change.items()
    action, key = instruction.split()
    words = dict(getattr(guide, table))
    if action == "drop":
        del words[key]
    else:
        words[key] = "fever: {colour}"
    changed: dict[str, Any] = {table: words}
    with pytest.raises(postloss.ContentError) as caught:
        default_rules(guide=attrs.evolve(guide, **changed))
    assert problem in caught.value.problems
    assert caught.value.name == "the guide for triage (en)"


def test_a_guide_whose_red_flags_disagree_with_the_table_is_refused_naming_them() -> None:
    guide = postloss.load_guide()
    flags = list(guide.red_flags)
    at = next(i for i, flag in enumerate(flags) if flag.id == "fever-or-chills")
    raised = [*flags]
    raised[at] = attrs.evolve(flags[at], floor=Urgency.EMERGENCY)
    with pytest.raises(postloss.ContentError) as caught:
        default_rules(guide=attrs.evolve(guide, red_flags=tuple(raised)))
    assert caught.value.problems == (
        "red flag 'fever-or-chills': floor emergency differs from its built-in rule's "
        "urgency urgent",
    )
    unruled = attrs.evolve(flags[at], id="acme/night-sweats", floor=Urgency.URGENT)
    with pytest.raises(postloss.ContentError) as caught:
        default_rules(guide=attrs.evolve(guide, red_flags=(*flags, unruled)))
    assert caught.value.problems == ("red flag 'acme/night-sweats' has no rule",)


def test_unanswered_measures_from_the_urgency_under_the_ruleset_in_use() -> None:
    sensitive = default_rules(thresholds=Thresholds(fever_c=37.5))
    report = SymptomReport(temperature_c=37.6, days_since_loss=30)
    assert assess(report, rules=sensitive).urgency is Urgency.URGENT
    asked = postloss.unanswered(report, rules=sensitive)
    assert "low_mood" not in asked  # at most ROUTINE: cannot raise an URGENT answer
    assert "low_mood" in postloss.unanswered(report)  # SELF_CARE under the defaults


@attrs.frozen(kw_only=True)
class WindowReport(SymptomReport):
    """A downstream report with a whole and a decimal number, read only by window rules."""

    score: int | None = postloss.field(low=3, high=200)
    level: float | None = postloss.field(low=3.0, high=200.0)


def _window(name: str, value: float) -> Rule:
    """A rule that fires only when field *name* is *value* (to a hundredth)."""

    def exactly(report: WindowReport) -> bool:
        given = getattr(report, name)
        return given is not None and abs(given - value) < 0.001

    return rule(f"acme/{name}-window", urgency=Urgency.URGENT, reason="in the window")(exactly)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("score", 3),  # the low bound
        ("score", 200),  # the high bound
        ("score", 99),  # the fast heart rate's line (100/min), a step below
        ("score", 100),
        ("score", 101),
        ("level", 37.99),  # the fever line (38.0 °C), a step below
        ("level", 38.0),
        ("level", 38.01),
        ("level", 3.0),
        ("level", 200.0),
    ],
    ids=str,
)
def test_unanswered_tries_each_bound_and_each_line_and_a_step_either_side(
    name: str, value: float
) -> None:
    """The answers unanswered() tries, as documented: a window rule there is found.

    Whole numbers step by 1 and decimals by 0.01; the lines are the thresholds in use.
    """
    rules = default_rules().extended(_window(name, value))
    assert name in postloss.unanswered(WindowReport(), rules=rules)
    assert name not in postloss.unanswered(WindowReport())


@attrs.frozen(kw_only=True)
class RankReport(SymptomReport):
    """A downstream report whose questions the ranking below tells apart."""

    often: bool | None = postloss.field(question="Read by four rules?")
    rarely: bool | None = postloss.field(question="Read by one rule?")
    also_rarely: bool | None = postloss.field(question="Read by one rule, later?")
    severe: bool | None = postloss.field(question="Read by one emergency rule?")
    ratio: float | None = postloss.field()  # a number without bounds: no answer is tried
    note: str | None = postloss.field()  # text: no answer is tried


def _reads(name: str, urgency: Urgency, number: int = 0) -> Rule:
    def fires(report: RankReport) -> bool:
        value = getattr(report, name)
        return value is True or (type(value) is float and value > 1)

    slug = name.replace("_", "-")
    return rule(f"acme/{slug}-{number}", urgency=urgency, reason="x", inputs=(name,))(fires)


def test_unanswered_ranks_by_urgency_then_by_how_many_rules_read_then_by_order() -> None:
    rules = default_rules().extended(
        *(_reads("often", Urgency.URGENT, n) for n in range(4)),
        _reads("rarely", Urgency.URGENT),
        _reads("also_rarely", Urgency.URGENT),
        _reads("severe", Urgency.EMERGENCY),
        _reads("ratio", Urgency.EMERGENCY),
    )
    asked = postloss.unanswered(RankReport(), rules=rules)
    mine = [name for name in asked if name in attrs.fields_dict(RankReport)]
    built_in = {field.name for field in postloss.report_fields()}
    assert [name for name in mine if name not in built_in] == [
        "severe",
        "often",
        "rarely",
        "also_rarely",
    ]
