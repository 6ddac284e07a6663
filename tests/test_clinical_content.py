"""The packaged guide's red flags and the built-in rules agree with CLINICAL.md's table.

The expected floors and ids come from ``tests/oracle.py``, which restates CLINICAL.md's
round-2 table without reading the package; a floor, a red flag or a rule that drifts from the
table fails here, whichever side it drifted on.
"""

import re

import postloss
from postloss import Urgency
from postloss.guide import RedFlag
from tests import oracle


def guide_floors() -> dict[str, Urgency]:
    """The packaged guide's red flags, by id, with their floors."""
    return {flag.id: flag.floor for flag in postloss.load_guide().red_flags}


def built_in_rule_ids() -> list[str]:
    """The ids of the built-in rules, in the ruleset's order (downstream ids hold a "/")."""
    return [each.id for each in postloss.default_rules().rules if "/" not in each.id]


def test_every_red_flag_of_the_guide_is_in_the_clinical_table() -> None:
    assert set(guide_floors()) <= set(oracle.FLOORS), set(guide_floors()) - set(oracle.FLOORS)


def test_every_red_flag_of_the_clinical_table_is_in_the_guide() -> None:
    assert set(oracle.FLOORS) <= set(guide_floors()), set(oracle.FLOORS) - set(guide_floors())


def test_the_guide_has_no_duplicate_red_flag() -> None:
    ids = [flag.id for flag in postloss.load_guide().red_flags]
    assert len(ids) == len(set(ids))


def test_every_floor_in_the_guide_is_the_clinical_one() -> None:
    floors = guide_floors()
    wrong = {
        flag_id: (floors[flag_id], floor)
        for flag_id, floor in oracle.FLOORS.items()
        if flag_id in floors and floors[flag_id] != floor
    }
    assert not wrong, "guide floor != CLINICAL.md floor: " + repr(wrong)


def test_every_red_flag_in_the_guide_cites_a_source() -> None:
    for flag in postloss.load_guide().red_flags:
        assert flag.sources, flag.id


def test_the_built_in_rule_ids_are_the_clinical_table_rows() -> None:
    ids = built_in_rule_ids()
    assert len(ids) == len(set(ids)), "duplicate built-in rule id"
    assert set(ids) == set(oracle.RED_FLAGS), (
        set(ids) ^ set(oracle.RED_FLAGS),
        "symmetric difference between the built-in rules and CLINICAL.md",
    )


def test_the_built_in_rules_come_first() -> None:
    ids = [each.id for each in postloss.default_rules().rules]
    count = len(oracle.RED_FLAGS)
    assert all("/" not in rule_id for rule_id in ids[:count])
    assert all("/" in rule_id for rule_id in ids[count:])


def test_each_built_in_rule_names_its_red_flag_and_starts_with_its_id() -> None:
    for each in postloss.default_rules().rules:
        flag_id = oracle.FLAG_OF[each.id]
        assert each.red_flag == flag_id, each.id
        assert each.id.startswith(flag_id), each.id


def test_each_built_in_rule_has_the_clinical_urgency() -> None:
    for each in postloss.default_rules().rules:
        assert each.urgency == oracle.RED_FLAGS[each.id][0], each.id


def test_the_two_level_flags_have_both_levels() -> None:
    """A flag "URGENT (EMERGENCY as stated)" has an URGENT rule and an EMERGENCY one."""
    two_level = {
        oracle.FLAG_OF[rule_id]
        for rule_id in oracle.RED_FLAGS
        if rule_id.endswith(oracle.EMERGENCY_SUFFIX)
    }
    assert two_level, "CLINICAL.md round 2 has flags with two levels"
    ids = set(built_in_rule_ids())
    for flag_id in two_level:
        assert oracle.FLOORS[flag_id] is Urgency.URGENT, flag_id
        assert flag_id in ids, flag_id
        assert flag_id + oracle.EMERGENCY_SUFFIX in ids, flag_id


def test_the_oracle_is_consistent_with_itself() -> None:
    """Every flag's floor is the lowest urgency of its rules; every rule has a flag."""
    assert set(oracle.FLAG_OF) == set(oracle.RED_FLAGS)
    assert set(oracle.FLAG_OF.values()) == set(oracle.FLOORS)
    for flag_id, floor in oracle.FLOORS.items():
        levels = [
            urgency
            for rule_id, (urgency, _) in oracle.RED_FLAGS.items()
            if oracle.FLAG_OF[rule_id] == flag_id
        ]
        assert floor == min(levels), flag_id


def test_thoughts_of_self_harm_point_to_crisis_lines_with_their_sources() -> None:
    """H18: the red flag's own action gives the crisis lines, each from a cited source."""
    guide = postloss.load_guide()
    flag = guide.lookup("self-harm-thoughts", RedFlag)
    assessment = postloss.assess(postloss.SymptomReport(self_harm_thoughts=True))
    assert assessment.urgency is Urgency.EMERGENCY
    assert flag.id in assessment.red_flags
    assert flag.action is not None
    # UK and Ireland: NHS 111 (mental health option) and Samaritans; US: 988.
    for number in ("111", "116 123", "988"):
        assert number in flag.action
    assert {"samaritans", "988-lifeline", "nhs-mental-health-crisis"} <= set(flag.sources)


_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_FAHRENHEIT_BESIDE = re.compile(r"(\d+(?:\.\d+)?) °C(?: \(| / )(\d+(?:\.\d+)?) °F")


def test_every_red_flags_text_states_its_definition_and_no_other_number() -> None:
    """H17: the words a person reads say what CLINICAL.md's definition says.

    Each term the oracle lists is in the red flag's text; every number in the text is one
    the oracle's terms hold, so a threshold moved in the text alone fails here; and a °F
    beside a °C is its conversion, to one decimal.
    """
    texts = {flag.id: flag.text for flag in postloss.load_guide().red_flags}
    assert set(texts) == set(oracle.STATED)
    for flag_id, terms in oracle.STATED.items():
        text = texts[flag_id]
        missing = [term for term in terms if term.lower() not in text.lower()]
        assert not missing, (flag_id, missing)
        for celsius, fahrenheit in _FAHRENHEIT_BESIDE.findall(text):
            assert f"{float(celsius) * 9 / 5 + 32:.1f}" == fahrenheit, (flag_id, celsius)
        numbers = _NUMBER.findall(_FAHRENHEIT_BESIDE.sub(r"\1 °C", text))
        allowed = {number for term in terms for number in _NUMBER.findall(term)}
        assert set(numbers) <= allowed, (flag_id, set(numbers) - allowed)
