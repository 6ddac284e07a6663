"""No public API removes or weakens a built-in rule, and bad input never slips past."""

import dataclasses
import pickle
from typing import Any

import attrs
import pytest

import postloss
from postloss import (
    Bleeding,
    InvalidReportError,
    InvalidRuleError,
    InvalidThresholdsError,
    PostlossError,
    Rule,
    Ruleset,
    SymptomReport,
    Thresholds,
    Urgency,
    assess,
    default_rules,
    parse_report,
)

HEAVY = SymptomReport(bleeding=Bleeding.HEAVY)
FEVERISH = SymptomReport(temperature_c=38.5)


def test_thresholds_must_be_the_validated_class() -> None:
    @dataclasses.dataclass(frozen=True)
    class Loose:
        fever_c: float = 45.0
        severe_pain: int = 10
        persistent_pain_days: int = 365
        prolonged_bleeding_days: int = 365
        pregnancy_test_days: int = 365

    with pytest.raises(InvalidRuleError, match="thresholds must be a Thresholds"):
        default_rules(thresholds=Loose())  # type: ignore[arg-type]


def test_thresholds_smuggled_past_validation_are_caught_by_the_ruleset() -> None:
    loose = pickle.loads(pickle.dumps(Thresholds()))
    object.__setattr__(loose, "fever_c", 45.0)
    with pytest.raises(InvalidThresholdsError, match="fever_c"):
        default_rules(thresholds=loose)


def test_rulesets_cannot_be_subclassed_to_drop_the_built_ins() -> None:
    with pytest.raises(InvalidRuleError) as caught:

        class Empty(Ruleset):  # pragma: no cover - the class statement itself raises
            pass

    assert str(caught.value) == "Ruleset cannot be subclassed: use Ruleset.extended() to add rules"


def test_a_rule_built_directly_is_validated_like_one_from_rule() -> None:
    def never(report: SymptomReport) -> bool:
        return False

    with pytest.raises(InvalidRuleError, match="urgency must be an Urgency"):
        Rule(id="x-rule", urgency=3, predicate=never, reason="x")  # type: ignore[arg-type]
    with pytest.raises(InvalidRuleError, match="'Not A Slug!'"):
        Rule(id="Not A Slug!", urgency=Urgency.ROUTINE, predicate=never, reason="x")
    with pytest.raises(InvalidRuleError, match="predicate must be a function"):
        Rule(id="x-rule", urgency=Urgency.ROUTINE, predicate=3, reason="x")  # type: ignore[arg-type]


def test_ruleset_arguments_are_checked() -> None:
    with pytest.raises(InvalidRuleError, match="guide must be a Guide"):
        Ruleset(guide=None)  # type: ignore[arg-type]
    assert Ruleset(extra=[]).extended().extra == ()


def test_report_subclasses_keep_validation_with_their_own_post_init() -> None:
    @attrs.frozen(kw_only=True)
    class Clinic(SymptomReport):
        seen_by: str = ""

        def __attrs_post_init__(self) -> None:
            pass  # forgets super().__attrs_post_init__()

    with pytest.raises(InvalidReportError, match="bleeding: unknown value 'heavy'"):
        Clinic(bleeding="heavy")  # type: ignore[arg-type]
    assert assess(Clinic(bleeding=Bleeding.HEAVY)).urgency is Urgency.EMERGENCY


def test_report_subclasses_cannot_redefine_a_built_in_field() -> None:
    with pytest.raises(PostlossError, match=r"may not redefine the field SymptomReport\.bleeding"):

        @attrs.frozen(kw_only=True)
        class Redefined(SymptomReport):
            bleeding: str | None = None  # type: ignore[assignment]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: SymptomReport(colour="red"), "colour: unknown field"),  # type: ignore[call-arg]
        (lambda: SymptomReport(7), r"\$: give fields by keyword"),  # type: ignore[call-arg]
        (lambda: Thresholds(fever=38.0), "fever: unknown field"),  # type: ignore[call-arg]
    ],
)
def test_constructors_raise_the_library_error_not_type_error(call: Any, message: str) -> None:
    with pytest.raises(PostlossError, match=message) as caught:
        call()
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"temperature_c": 10**400}, "temperature_c"),
        ({"pain_score": 10**5000}, "pain_score"),
        ({"chills": 10**5000}, "chills"),
        ({"bleeding": 10**5000}, "bleeding"),
    ],
)
def test_huge_numbers_are_invalid_reports(data: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidReportError) as caught:
        parse_report(data)
    assert str(caught.value.problems[0]).startswith(f"{field}: ")


def test_extensions_only_ever_raise_the_urgency() -> None:
    def always(report: SymptomReport) -> bool:
        return True

    quiet = Rule(id="acme/all-clear", urgency=Urgency.SELF_CARE, predicate=always, reason="fine")
    rules = default_rules().extended(quiet)
    assert assess(HEAVY, rules=rules).urgency is Urgency.EMERGENCY
    assert assess(FEVERISH, rules=rules).urgency is Urgency.URGENT
    assert postloss.load_guide().lookup("heavy-bleeding").floor is Urgency.EMERGENCY  # type: ignore[union-attr]
