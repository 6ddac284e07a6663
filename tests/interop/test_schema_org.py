"""schema.org JSON-LD: put in a page, read back by ``extruct``, checked against the guide."""

from typing import Any

import attrs
import extruct  # type: ignore[import-untyped]  # no type hints published

from postloss import load_guide
from postloss.guide import Guide
from postloss.interop.schema_org import guide_jsonld, script_tag


def page(document: dict[str, Any]) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Guide</title>'
        f"{script_tag(document)}</head><body><p>The guide.</p></body></html>"
    )


def extracted(guide: Guide | None = None) -> dict[str, Any]:
    """The one JSON-LD document extruct finds in a page made from *guide*'s JSON-LD."""
    found = extruct.extract(page(guide_jsonld(guide)), syntaxes=["json-ld"])["json-ld"]
    assert len(found) == 1
    document: dict[str, Any] = found[0]
    return document


def nodes(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    by_type = {node["@type"]: node for node in document["@graph"]}
    assert len(by_type) == len(document["@graph"])
    return by_type


def test_extruct_reads_the_page_the_condition_and_the_faq() -> None:
    document = extracted()
    assert document["@context"] == "https://schema.org"
    assert set(nodes(document)) == {"MedicalWebPage", "MedicalCondition", "FAQPage"}


def test_the_web_page_is_reviewed_for_patients_and_is_about_the_condition() -> None:
    guide = load_guide()
    found = nodes(extracted())
    web_page, condition = found["MedicalWebPage"], found["MedicalCondition"]
    assert web_page["lastReviewed"] == guide.last_reviewed.isoformat()
    assert web_page["audience"]["@type"] == "Patient"  # schema.org: Patient is a MedicalAudience
    assert web_page["name"] == guide.title
    assert web_page["inLanguage"] == guide.locale
    assert web_page["version"] == guide.content_version
    assert web_page["about"] == {"@id": condition["@id"]}
    assert web_page["hasPart"] == {"@id": found["FAQPage"]["@id"]}
    ids = [node["@id"] for node in found.values()]
    assert len(set(ids)) == len(ids)


def test_the_condition_lists_causes_treatments_signs_and_complications_from_the_guide() -> None:
    guide = load_guide()
    condition = nodes(extracted())["MedicalCondition"]
    expected: dict[str, tuple[str, tuple[Any, ...]]] = {
        "cause": ("MedicalCause", guide.causes),
        "possibleTreatment": ("MedicalTherapy", guide.remedies),
        "signOrSymptom": ("MedicalSignOrSymptom", guide.expected_recovery),
    }
    for prop, (kind, items) in expected.items():
        assert [node["@type"] for node in condition[prop]] == [kind] * len(items), prop
        assert [(node["name"], node["description"]) for node in condition[prop]] == [
            (item.title, item.text) for item in items
        ]
    complications = condition["possibleComplication"]
    assert len(complications) == len(guide.red_flags)
    for text, flag in zip(complications, guide.red_flags, strict=True):
        assert flag.title in text
        assert flag.text in text


def test_every_faq_entry_is_a_question_with_its_accepted_answer() -> None:
    guide = load_guide()
    questions = nodes(extracted())["FAQPage"]["mainEntity"]
    assert len(questions) == len(guide.faq)
    for question, entry in zip(questions, guide.faq, strict=True):
        assert question["@type"] == "Question"
        assert question["name"] == entry.question
        assert question["acceptedAnswer"] == {"@type": "Answer", "text": entry.answer}


def test_the_sources_are_cited_with_their_urls() -> None:
    guide = load_guide()
    citations = nodes(extracted())["MedicalWebPage"]["citation"]
    assert [(c["name"], c.get("url")) for c in citations] == [
        (source.title, source.url) for source in guide.sources
    ]


def test_text_that_looks_like_html_cannot_break_out_of_the_script_element() -> None:
    guide = load_guide()
    hostile = "</script><script>alert(1)</script> & <!--"
    entry = attrs.evolve(guide.faq[0], answer=hostile)
    changed = attrs.evolve(guide, faq=(entry, *guide.faq[1:]))
    html = page(guide_jsonld(changed))
    assert html.count("</script>") == 1
    answers = [
        q["acceptedAnswer"]["text"] for q in nodes(extracted(changed))["FAQPage"]["mainEntity"]
    ]
    assert answers[0] == hostile
