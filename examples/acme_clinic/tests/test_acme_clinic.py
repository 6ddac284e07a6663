"""Acme Clinic's extension: its report, rules, threshold, content and plugins."""

import pytest

import acme_clinic
import postloss
import postloss.plugins
from acme_clinic import AcmeReport, content
from postloss import Bleeding, Management, SymptomReport, Urgency, assess
from postloss.guide import FaqEntry
from postloss.plugins import PluginKind

RULES = acme_clinic.ruleset()
#: The ids the clinic's content adds to the guide.
CLINIC_ITEMS = ("acme/opening-hours", "acme/phone")


def _fired(report: SymptomReport) -> list[str]:
    return [finding.rule_id for finding in assess(report, rules=RULES).findings]


def test_the_report_asks_one_more_question() -> None:
    fields = {field.name: field for field in postloss.report_fields(AcmeReport)}
    assert set(fields) - {field.name for field in postloss.report_fields()} == {"on_anticoagulants"}
    assert fields["on_anticoagulants"].type is bool
    assert fields["on_anticoagulants"].optional
    assert "blood thinner" in fields["on_anticoagulants"].question
    report = postloss.parse_report({"on_anticoagulants": True, "pain_score": 2}, AcmeReport)
    assert report == AcmeReport(on_anticoagulants=True, pain_score=2)


@pytest.mark.parametrize(
    ("answers", "fires"),
    [
        ({"on_anticoagulants": True, "bleeding": Bleeding.MODERATE}, True),
        (
            {"on_anticoagulants": True, "bleeding": Bleeding.LIGHT, "bleeding_increasing": True},
            True,
        ),
        ({"on_anticoagulants": True, "bleeding": Bleeding.LIGHT}, False),
        ({"on_anticoagulants": False, "bleeding": Bleeding.MODERATE}, False),
        ({"on_anticoagulants": None, "bleeding": Bleeding.MODERATE}, False),
        ({"on_anticoagulants": True}, False),
    ],
)
def test_bleeding_on_a_blood_thinner_is_urgent(answers: dict[str, object], fires: bool) -> None:
    report = AcmeReport(**answers)  # type: ignore[arg-type]
    assert ("acme/anticoagulant-bleeding" in _fired(report)) is fires
    if fires:
        assert assess(report, rules=RULES).urgency is Urgency.URGENT


def test_the_blood_thinner_reason_quotes_the_answers() -> None:
    report = AcmeReport(on_anticoagulants=True, bleeding=Bleeding.MODERATE)
    (finding,) = assess(report, rules=RULES).findings
    assert finding.reason == "on a blood thinner, bleeding moderate, increasing: not reported"


@pytest.mark.parametrize(
    ("management", "pain", "fires"),
    [
        (Management.SURGICAL, 4, True),
        (Management.SURGICAL, 6, True),
        (Management.SURGICAL, 3, False),
        (Management.MEDICAL, 6, False),
        (None, 6, False),
    ],
)
def test_pain_after_surgery_is_reviewed(
    management: Management | None, pain: int, fires: bool
) -> None:
    report = AcmeReport(management=management, pain_score=pain)
    assert ("acme/pain-after-surgery" in _fired(report)) is fires


def test_the_clinic_counts_37_8_as_a_fever() -> None:
    report = AcmeReport(temperature_c=37.9)
    assert assess(report).urgency is Urgency.SELF_CARE
    assert assess(report, rules=RULES).urgency is Urgency.URGENT
    assert RULES.thresholds.fever_c == 37.8 < postloss.Thresholds().fever_c


def test_the_clinic_rules_refuse_a_plain_report() -> None:
    with pytest.raises(postloss.ReportClassError, match="AcmeReport"):
        assess(SymptomReport(bleeding=Bleeding.HEAVY), rules=RULES)


def test_the_clinic_rules_never_weaken_a_red_flag() -> None:
    report = AcmeReport(on_anticoagulants=True, bleeding=Bleeding.HEAVY)
    assessment = assess(report, rules=RULES)
    assert assessment.urgency is Urgency.EMERGENCY
    assert assessment.findings[0].rule_id == "heavy-bleeding"
    assert "acme/anticoagulant-bleeding" in [f.rule_id for f in assessment.findings]


def test_the_rules_and_content_are_registered_as_plugins() -> None:
    assert "acme" in postloss.plugins.available(PluginKind.RULES)
    assert {"acme", "acme-es"} <= set(postloss.plugins.available(PluginKind.CONTENT))
    assert postloss.plugins.rules("acme") == acme_clinic.RULES
    assert postloss.plugins.content("acme") == content.EN
    assert postloss.plugins.content("acme-es") == content.ES


def test_the_english_content_adds_the_opening_hours_and_the_phone_number() -> None:
    base = postloss.load_guide()
    guide = base.overlay(content.EN, name="acme")
    added = {item.id for item in guide.items()} - {item.id for item in base.items()}
    assert added == set(CLINIC_ITEMS)
    assert "555-0100" in guide.lookup("acme/phone", FaqEntry).answer
    assert "Monday to Friday" in guide.lookup("acme/opening-hours", FaqEntry).answer
    assert guide.locale == "en"
    assert guide.stale == ()  # made from the current content version
    assert {item.id for item in guide.search("acme")} == set(CLINIC_ITEMS)  # found by search


def test_the_guide_from_plugins_has_the_clinic_items_in_english_and_spanish() -> None:
    english = postloss.plugins.load_guide("en")
    spanish = postloss.plugins.load_guide("es")
    assert spanish.locale == "es"
    assert "acme" in english.overlays
    assert "acme-es" in spanish.overlays
    for id in CLINIC_ITEMS:
        assert english.lookup(id).title != spanish.lookup(id).title
    assert spanish.lookup("acme/phone", FaqEntry).answer.startswith(
        "Llame a la Clínica Acme al 555-0100"
    )
    assert spanish.stale == ()
    assert not set(CLINIC_ITEMS) & set(spanish.fallbacks)


def test_the_spanish_overlay_translates_the_english_items_too() -> None:
    guide = postloss.load_guide().overlay(content.EN, name="acme")
    spanish = guide.overlay(content.ES, name="acme-es")
    assert (
        spanish.lookup("acme/opening-hours", FaqEntry).question == "¿Cuándo abre la Clínica Acme?"
    )
    assert "acme/opening-hours" not in spanish.fallbacks
    assert "heavy-bleeding" in spanish.fallbacks  # the guide's own text: still English here


def test_in_spanish_heavy_bleeding_is_an_emergency_with_the_spanish_action() -> None:
    spanish = postloss.plugins.load_guide("es")
    rules = acme_clinic.ruleset(guide=spanish)
    report = AcmeReport(on_anticoagulants=True, bleeding=Bleeding.HEAVY)
    assessment = assess(report, rules=rules)
    assert assessment.urgency is Urgency.EMERGENCY
    action = spanish.action_for(assessment.urgency)
    assert action.id == assessment.action
    assert action.text != postloss.load_guide().action_for(Urgency.EMERGENCY).text
    assert action.text == postloss.load_guide("es").action_for(Urgency.EMERGENCY).text
    heavy = next(f for f in assessment.findings if f.rule_id == "heavy-bleeding")
    english = assess(report, rules=acme_clinic.ruleset())
    assert heavy.reason != next(f for f in english.findings if f.rule_id == "heavy-bleeding").reason
