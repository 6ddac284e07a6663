"""The triage API: reports, rules and rulesets, assessments, and downstream extension."""

import pickle

import attrs
import pytest

import postloss
from postloss import (
    Bleeding,
    InvalidReportError,
    InvalidRuleError,
    Management,
    Problem,
    RuleError,
    SymptomReport,
    Urgency,
    assess,
    bounded,
    default_rules,
    parse_report,
    rule,
)

GUIDE = postloss.load_guide()


@attrs.frozen(kw_only=True)
class ClinicReport(SymptomReport):
    """A downstream report with fields of its own."""

    night_sweats: bool = False
    steps_today: int | None = bounded(None, 0, 100_000)


@rule("acme/night-sweats", urgency=Urgency.ROUTINE, reason="night sweats reported")
def night_sweats(report: ClinicReport) -> bool:
    """Night sweats reported."""
    return report.night_sweats


def test_constructor_and_parser_raise_the_same_error_listing_every_field() -> None:
    with pytest.raises(InvalidReportError) as constructed:
        SymptomReport(pain_score=True, chills=1, bleeding="heavy")  # type: ignore[arg-type]
    problems = constructed.value.problems
    assert [problem.path for problem in problems] == ["pain_score", "chills", "bleeding"]
    assert "'none', 'spotting', 'light', 'moderate', 'heavy'" in str(problems[2])
    with pytest.raises(InvalidReportError) as parsed:
        parse_report({"pain_score": True, "chills": 1, "bleeding": "lots"})
    assert [problem.path for problem in parsed.value.problems] == [
        "pain_score",
        "chills",
        "bleeding",
    ]
    assert isinstance(parsed.value, ValueError)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "$: expected an object of report fields, got list"),
        (None, "$: expected an object of report fields, got null"),
        ({"pain_score": "7"}, "pain_score: expected an integer, got str '7'"),
        ({"pain_score": 7.5}, "pain_score: expected an integer, got float 7.5"),
        ({"temperature_c": float("nan")}, "temperature_c: expected a finite number, got nan"),
        ({"temperature_c": True}, "temperature_c: expected a number, got bool True"),
        ({"temperature_c": 29.9}, "temperature_c: must be between 30.0 and 45.0, got 29.9"),
        ({"weeks_pregnant": 24}, "outside this guide's scope"),
        ({"chills": "yes"}, "chills: expected true or false, got str 'yes'"),
        ({"mood": "low"}, "mood: unknown field"),
    ],
)
def test_bad_input_names_the_field_and_the_problem(data: object, message: str) -> None:
    with pytest.raises(InvalidReportError) as caught:
        parse_report(data)
    assert message in str(caught.value.problems[0])


def test_ints_are_accepted_for_floats_and_stored_as_floats() -> None:
    assert SymptomReport(temperature_c=38).temperature_c == 38.0
    assert type(SymptomReport(temperature_c=38).temperature_c) is float
    assert type(parse_report({"temperature_c": 38}).temperature_c) is float


def test_reports_and_assessments_pickle() -> None:
    report = SymptomReport(pain_score=8, bleeding=Bleeding.HEAVY, management=Management.MEDICAL)
    assessment = assess(report)
    assert pickle.loads(pickle.dumps(report)) == report
    assert pickle.loads(pickle.dumps(assessment)) == assessment


def test_findings_read_back_from_a_pickle_give_the_same_reasons_in_the_same_words() -> None:
    """A finding's clause words are not part of its equality; the reason shows them."""
    es = postloss.load_guide("es")
    rules = postloss.default_rules(guide=es)
    report = SymptomReport(temperature_c=38.4, rapid_heartbeat=True, bleeding=Bleeding.HEAVY)
    for finding in assess(report, rules=rules).findings:
        copy = pickle.loads(pickle.dumps(finding))
        assert (copy.reason, copy.clauses) == (finding.reason, finding.clauses)


def test_findings_come_most_urgent_first_with_reasons_quoting_values() -> None:
    assessment = assess(SymptomReport(pain_score=8, temperature_c=38.4, days_since_loss=30))
    assert [f.urgency for f in assessment.findings] == sorted(
        (f.urgency for f in assessment.findings), reverse=True
    )
    assert assessment.urgency is Urgency.EMERGENCY
    reasons = {f.rule_id: f.reason for f in assessment.findings}
    assert reasons["fever-or-chills"] == (
        "fever or chills: temperature 38.4 °C / 101.1 °F, at or above 38.0 °C / 100.4 °F"
    )
    assert reasons["severe-pain"] == "severe pain: pain 8/10, at or above 7/10"
    assert "30 days after the loss, at or beyond 21 days" in reasons["persistent-pain"]


def test_advice_for_an_urgent_report() -> None:
    assessment = assess(SymptomReport(discharge=postloss.Discharge.UNUSUAL))
    assert assessment.escalated
    assert assessment.action == "action-urgent"
    assert GUIDE.lookup(assessment.action) == GUIDE.action_for(Urgency.URGENT)
    assert assessment.self_care == ()
    assert "unusual-discharge" not in assessment.watch_for
    assert "heavy-bleeding" in assessment.watch_for


def test_advice_for_a_routine_report_keeps_self_care() -> None:
    assessment = assess(SymptomReport(low_mood=True))
    assert assessment.urgency is Urgency.ROUTINE
    assert "heat-therapy" in assessment.self_care
    kinds = {getattr(GUIDE.lookup(id), "kind", None) for id in assessment.self_care}
    assert kinds == {postloss.guide.RemedyKind.SELF_CARE}


@pytest.mark.parametrize(
    ("weeks", "management", "outlook"),
    [
        (None, None, ()),
        (8, None, ("early-loss", "stage-of-pregnancy")),
        (12, Management.SPONTANEOUS, ("early-loss", "stage-of-pregnancy", "type-of-miscarriage")),
        (13, None, ("late-loss", "stage-of-pregnancy")),
        (None, Management.SURGICAL, ("type-of-miscarriage",)),
    ],
)
def test_outlook_follows_the_stage_and_the_management(
    weeks: int | None, management: Management | None, outlook: tuple[str, ...]
) -> None:
    assessment = assess(SymptomReport(weeks_pregnant=weeks, management=management))
    assert assessment.outlook == outlook
    assert assessment.urgency is Urgency.SELF_CARE


def test_a_rule_that_raises_makes_assess_raise_rule_error_naming_it() -> None:
    @rule("acme/broken-rule", urgency=Urgency.ROUTINE, reason="never")
    def broken(report: SymptomReport) -> bool:
        raise ZeroDivisionError

    with pytest.raises(RuleError, match="'acme/broken-rule'") as caught:
        assess(SymptomReport(), rules=default_rules().extended(broken))
    assert caught.value.rule_id == "acme/broken-rule"
    assert isinstance(caught.value.__cause__, ZeroDivisionError)


def test_a_rule_that_returns_a_non_bool_is_a_rule_error() -> None:
    @rule("acme/sloppy-rule", urgency=Urgency.ROUTINE, reason="never")
    def sloppy(report: SymptomReport) -> bool:
        return report.pain_score  # type: ignore[return-value]

    with pytest.raises(RuleError, match="'acme/sloppy-rule'"):
        assess(SymptomReport(pain_score=3), rules=default_rules().extended(sloppy))


def test_a_template_that_reaches_into_the_report_is_refused_when_the_rule_is_made() -> None:
    with pytest.raises(InvalidRuleError, match="acme/bad-reason"):

        @rule("acme/bad-reason", urgency=Urgency.ROUTINE, reason="{report.no_such_field}")
        def fires(report: SymptomReport) -> bool:
            return True


def test_a_reason_function_that_raises_is_a_rule_error() -> None:
    def reason(report: SymptomReport) -> str:
        raise KeyError("oops")

    @rule("acme/bad-reason", urgency=Urgency.ROUTINE, reason=reason)
    def fires(report: SymptomReport) -> bool:
        return True

    with pytest.raises(RuleError, match="'acme/bad-reason'"):
        assess(SymptomReport(), rules=default_rules().extended(fires))


def fires(report: SymptomReport) -> bool:
    """Always."""
    return True


def unresolvable(report: "NoSuchReport") -> bool:  # type: ignore[name-defined]  # noqa: F821
    return True


@pytest.mark.parametrize(
    ("kwargs", "predicate", "message"),
    [
        (
            {"id": "Bad Id", "urgency": Urgency.ROUTINE, "reason": "x"},
            fires,
            "rule 'Bad Id': the id must be namespaced: your project's slug, '/', the rule's "
            "slug, e.g. 'acme/high-bp'",
        ),
        (
            {"id": "no-urgency", "urgency": 2, "reason": "x"},
            fires,
            "rule 'no-urgency': urgency must be an Urgency, got 2",
        ),
        (
            {"id": "no-reason", "urgency": Urgency.ROUTINE, "reason": ""},
            fires,
            "rule 'no-reason': reason must be a non-empty template string or a function",
        ),
        (
            {"id": "acme/not-callable", "urgency": Urgency.ROUTINE, "reason": "x"},
            3,
            "rule 'acme/not-callable': the predicate must be a function of the report",
        ),
        (
            {"id": "acme/no-parameter", "urgency": Urgency.ROUTINE, "reason": "x"},
            lambda: True,
            "rule 'acme/no-parameter': the predicate must take the report as its first parameter",
        ),
        (
            {"id": "acme/unresolvable", "urgency": Urgency.ROUTINE, "reason": "x"},
            unresolvable,
            "rule 'acme/unresolvable': cannot read the annotation of 'report': name "
            "'NoSuchReport' is not defined",
        ),
    ],
    ids=["id", "urgency", "reason", "predicate", "no-parameter", "annotation"],
)
def test_malformed_rules_raise_invalid_rule_error_naming_them(
    kwargs: dict[str, object], predicate: object, message: str
) -> None:
    with pytest.raises(InvalidRuleError) as caught:
        rule(**kwargs)(predicate)  # type: ignore[arg-type]
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("fields", "urgency"),
    [
        ({}, Urgency.SELF_CARE),
        ({"days_since_loss": 21, "pain_score": 2}, Urgency.ROUTINE),
        ({"temperature_c": 38.4}, Urgency.URGENT),
        ({"bleeding": Bleeding.HEAVY}, Urgency.EMERGENCY),
    ],
    ids=["self-care", "routine", "urgent", "emergency"],
)
def test_downstream_rules_that_do_not_fire_change_nothing_at_any_urgency(
    fields: dict[str, object], urgency: Urgency
) -> None:
    """With downstream rules assess takes its general path: it must say what the fast one says.

    Self-care is shown only below URGENT on both paths.
    """

    @rule("acme/never", urgency=Urgency.EMERGENCY, reason="never")
    def never(report: SymptomReport) -> bool:
        return False

    report = SymptomReport(**fields)  # type: ignore[arg-type]
    fast = assess(report)
    assert fast.urgency is urgency
    assert assess(report, rules=default_rules().extended(never)) == fast
    assert bool(fast.self_care) is (urgency < Urgency.URGENT)


def test_a_duplicate_rule_id_raises_naming_it() -> None:
    @rule("heavy-bleeding", urgency=Urgency.EMERGENCY, reason="again")
    def again(report: SymptomReport) -> bool:
        return False

    with pytest.raises(InvalidRuleError, match="duplicate rule id 'heavy-bleeding'"):
        default_rules().extended(again)
    with pytest.raises(InvalidRuleError, match="duplicate rule id 'acme/night-sweats'"):
        default_rules().extended(night_sweats, night_sweats)


def test_a_rule_cannot_weaken_a_red_flag() -> None:
    @rule("weak", urgency=Urgency.ROUTINE, reason="weak", red_flag="heavy-bleeding")
    def weak(report: SymptomReport) -> bool:
        return True

    with pytest.raises(InvalidRuleError, match="below the floor emergency"):
        default_rules().extended(weak)


def test_a_rule_must_name_a_red_flag_of_the_guide() -> None:
    @rule("stray", urgency=Urgency.URGENT, reason="stray", red_flag="heavy-bleding")
    def stray(report: SymptomReport) -> bool:
        return True

    with pytest.raises(InvalidRuleError, match="'heavy-bleding' is not a red flag"):
        default_rules().extended(stray)


def test_extended_returns_a_new_ruleset_and_keeps_the_built_ins() -> None:
    base = default_rules()
    extended = base.extended(night_sweats)
    assert extended is not base
    assert len(base) == len(postloss.triage._builtin.TABLE)
    assert [r.id for r in extended.rules] == [*(r.id for r in base.rules), "acme/night-sweats"]


def test_non_rules_and_non_rulesets_are_rejected() -> None:
    with pytest.raises(InvalidRuleError, match="is not a Rule"):
        default_rules().extended("heavy-bleeding")  # type: ignore[arg-type]
    with pytest.raises(InvalidRuleError, match="must be a Ruleset"):
        assess(SymptomReport(), rules=[night_sweats])  # type: ignore[arg-type]
    with pytest.raises(InvalidReportError) as raised:
        assess({"pain_score": 3})  # type: ignore[arg-type]
    assert raised.value.problems == (Problem("$", "type", "expected a SymptomReport, got dict"),)


def test_downstream_reports_parse_validate_and_drive_their_rules() -> None:
    report = parse_report({"night_sweats": True, "steps_today": 300, "pain_score": 2}, ClinicReport)
    assert isinstance(report, ClinicReport)
    assessment = assess(report, rules=default_rules().extended(night_sweats))
    assert assessment.urgency is Urgency.ROUTINE
    assert [f.rule_id for f in assessment.findings] == ["acme/night-sweats"]
    with pytest.raises(InvalidReportError, match="steps_today: must be between 0 and 100000"):
        ClinicReport(steps_today=-1)
    with pytest.raises(InvalidReportError, match="night_sweats: unknown field"):
        parse_report({"night_sweats": True})


def test_downstream_rules_never_lower_a_built_in_urgency() -> None:
    @rule("acme/reassure", urgency=Urgency.SELF_CARE, reason="reassurance")
    def reassure(report: SymptomReport) -> bool:
        return True

    report = SymptomReport(bleeding=Bleeding.HEAVY)
    assert assess(report, rules=default_rules().extended(reassure)).urgency is Urgency.EMERGENCY


def test_unsupported_downstream_field_types_are_refused() -> None:
    with pytest.raises(postloss.PostlossError, match="tags"):

        @attrs.frozen(kw_only=True)
        class ListReport(SymptomReport):
            tags: tuple[str, ...] = ()
