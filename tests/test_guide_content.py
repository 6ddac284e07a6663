"""Invariants over the shipped guide, and its completeness against the source text."""

import re
from pathlib import Path

import pytest

import postloss
from postloss.guide import Guide, RemedyKind

SOURCE = Path(__file__).parent / "fixtures" / "guide-source.txt"

#: The source's headings whose list items land in each section of the guide.
SECTION_OF_HEADING = {
    "Common Causes of Post-Miscarriage Back Pain": "causes",
    "Duration and Recovery Timeline": "timeline_factors",
    "Self-Care Measures": "self_care",
    "Medical Interventions": "medical",
    "Warning Signs and When to Seek Help": "red_flags",
    "Emotional and Physical Recovery": "emotional_support",
}


def source_lists() -> list[tuple[str, str]]:
    """(heading, item) for every '- ' list item of the source text."""
    heading, found = "", []
    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        if line.startswith("- "):
            found.append((heading, line[2:].strip()))
        elif not line.endswith(":") and len(line) < 60:
            heading = line.strip()
    return found


def source_faq() -> list[tuple[str, str]]:
    """(question, answer) pairs after the FAQ heading of the source text."""
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    faq = lines[lines.index("Frequently Asked Questions") + 1 :]
    return list(zip(faq[::2], faq[1::2], strict=True))


def section_text(guide: Guide, section: str) -> str:
    if section in ("self_care", "medical"):
        kind = RemedyKind.SELF_CARE if section == "self_care" else RemedyKind.MEDICAL
        items = [remedy for remedy in guide.remedies if remedy.kind is kind]
    else:
        items = list(getattr(guide, section))
    return " ".join(f"{item.title}. {item.text}" for item in items).casefold()


@pytest.fixture(scope="module")
def guide() -> Guide:
    return postloss.load_guide()


def test_source_fixture_is_the_shared_seed() -> None:
    assert len(source_lists()) == 30
    assert len(source_faq()) == 5


@pytest.mark.parametrize(("heading", "item"), source_lists())
def test_every_list_item_of_the_source_is_in_its_section(
    guide: Guide, heading: str, item: str
) -> None:
    assert item.casefold() in section_text(guide, SECTION_OF_HEADING[heading])


@pytest.mark.parametrize(("question", "answer"), source_faq())
def test_every_faq_entry_of_the_source_is_in_the_guide_verbatim(
    guide: Guide, question: str, answer: str
) -> None:
    assert (question, answer) in [(entry.question, entry.answer) for entry in guide.faq]


def test_every_prose_sentence_of_the_source_is_in_the_guide(guide: Guide) -> None:
    prose = [
        line
        for line in SOURCE.read_text(encoding="utf-8").splitlines()
        if not line.startswith("- ") and len(line) >= 60 and not line.endswith("?")
    ]
    shipped = " ".join(
        [*guide.overview, guide.timeline.typical_duration]
        + [f"{section.title} {section.text}" for section in guide.sections]
        + [entry.answer for entry in guide.faq]
    )
    sentences = [s for line in prose for s in re.split(r"(?<=[.:])\s+", line) if s]
    missing = [sentence for sentence in sentences if sentence not in shipped]
    assert missing == []


def test_faq_only_remedies_are_self_care_measures(guide: Guide) -> None:
    self_care = section_text(guide, "self_care")
    for remedy in ("massage", "warm baths", "good posture"):
        assert remedy in self_care


def test_every_id_is_unique_across_the_guide(guide: Guide) -> None:
    ids = [item.id for item in guide.items()]
    assert len(ids) == len(set(ids))


def test_every_reference_resolves(guide: Guide) -> None:
    source_ids = {source.id for source in guide.sources}
    for item in guide.items():
        for source in getattr(item, "sources", ()):
            assert source in source_ids, (item.id, source)
    for entry in guide.faq:
        assert len(guide.related(entry)) == len(entry.related) > 0


def test_every_red_flag_has_a_floor_and_a_source(guide: Guide) -> None:
    assert guide.red_flags
    for flag in guide.red_flags:
        assert flag.sources, flag.id
        assert isinstance(flag.floor, postloss.Urgency)


def test_every_red_flag_cites_a_source_beyond_the_guide_itself(guide: Guide) -> None:
    for flag in guide.red_flags:
        assert set(flag.sources) - {"original-guide"}, flag.id


def test_loss_stages_cover_every_week_in_scope_exactly_once(guide: Guide) -> None:
    for week in range(1, 24):
        assert sum(stage.covers(week) for stage in guide.timeline.stages) == 1, week


def test_each_urgency_has_one_action(guide: Guide) -> None:
    for urgency in postloss.Urgency:
        assert guide.action_for(urgency).urgency is urgency
        assert guide.action_for(urgency).text


def test_provenance_is_separate_from_the_package_version(guide: Guide) -> None:
    assert guide.content_version != postloss.__version__
    assert re.fullmatch(r"\d{4}\.\d{2}\.\d{2}", guide.content_version)
    assert "not a diagnosis" in guide.disclaimer
    assert guide.locale == "en"


def test_the_sources_without_an_address_are_the_ones_docs_clinical_names(guide: Guide) -> None:
    """docs/clinical.md lists every source that has no URL, and no source that has one."""
    docs = (Path(__file__).parents[1] / "docs" / "clinical.md").read_text(encoding="utf-8")
    section = docs.split("## Sources without an address", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"`([a-z0-9-]+)`", section))
    assert named == {source.id for source in guide.sources if source.url is None}
