"""The shipped rules, thresholds and decision table agree with the guide and each other."""

from pathlib import Path

import attrs

import postloss
from postloss import Thresholds, Urgency, default_rules
from postloss.interop.markdown import decision_table
from tests.oracle import FLOORS
from tests.strategies import specs

DOCS = Path(__file__).parent.parent / "docs"
GUIDE = postloss.load_guide()


def test_docs_rules_md_is_generated_from_the_rules() -> None:
    assert (DOCS / "rules.md").read_text(encoding="utf-8") == decision_table(), (
        "docs/rules.md is out of date: run `make docs`"
    )


def test_every_red_flag_has_a_rule_at_its_floor_and_every_rule_a_red_flag() -> None:
    rules = default_rules().rules
    assert {r.red_flag for r in rules} == {flag.id for flag in GUIDE.red_flags}
    lowest: dict[str, Urgency] = {}
    for each in rules:
        flag = GUIDE.lookup(each.red_flag or "", postloss.guide.RedFlag)
        assert each.id.startswith(flag.id), each.id
        assert each.urgency >= flag.floor, each.id
        lowest[flag.id] = min(lowest.get(flag.id, each.urgency), each.urgency)
    assert lowest == {flag.id: flag.floor for flag in GUIDE.red_flags}


def test_guide_floors_match_the_clinical_table() -> None:
    assert {flag.id: flag.floor for flag in GUIDE.red_flags} == FLOORS


def test_every_threshold_is_sourced_documented_and_within_its_bounds() -> None:
    defaults = Thresholds()
    source_ids = {source.id for source in GUIDE.sources}
    for field in attrs.fields(Thresholds):
        assert field.metadata["sources"], field.name
        assert set(field.metadata["sources"]) <= source_ids, field.name
        assert field.metadata["doc"], field.name
        assert specs(Thresholds)[field.name].unit, field.name
        bounds = specs(Thresholds)[field.name].bounds
        assert bounds is not None, field.name
        assert bounds[0] <= getattr(defaults, field.name) <= bounds[1], field.name


def test_the_table_shows_the_thresholds_in_use() -> None:
    table = decision_table(default_rules(thresholds=Thresholds(fever_c=37.8)))
    assert "| `fever_c` | 37.8 °C | 37.5–38.0 °C |" in table


def test_every_rule_has_inputs_and_a_condition_in_the_table() -> None:
    table = decision_table()
    for each in default_rules().rules:
        assert each.inputs, each.id
        assert each.condition, each.id
        assert f"| `{each.id}` |" in table
        for field in each.inputs:
            assert field in specs(postloss.SymptomReport), (each.id, field)


def test_urgency_order_and_labels() -> None:
    assert sorted(Urgency) == [
        Urgency.SELF_CARE,
        Urgency.ROUTINE,
        Urgency.URGENT,
        Urgency.EMERGENCY,
    ]
    assert [u.label for u in Urgency] == ["self_care", "routine", "urgent", "emergency"]
    assert Urgency.from_label("urgent") is Urgency.URGENT
