"""CDS Hooks 2.0: discovery, cards and responses checked against the specification's fields.

``SPEC`` restates, as a JSON Schema, the tables of the CDS Hooks 2.0 specification
(https://cds-hooks.hl7.org/2.0/: Discovery "Response", "HTTP Response", "Card
Attributes", "Source", "Suggestion", "Action", "Link", "Coding"): every REQUIRED field,
its type and its allowed values; JSON elements SHALL NOT be null or empty, unless the
spec says so (an empty ``cards`` or ``services`` array). It is written from the
specification, not from the code, and ``jsonschema`` checks the documents against it.
"""

import html
import re
import urllib.parse
import uuid
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import postloss
from postloss import SymptomReport, Urgency, assess, default_rules, load_guide, rule
from postloss.guide import RedFlag, Source
from postloss.interop import cds_hooks
from postloss.interop._canonical import BASE
from postloss.interop.markdown import escape
from tests.strategies import reports

TEXT: dict[str, Any] = {"type": "string", "minLength": 1}
URL: dict[str, Any] = {"type": "string", "pattern": "^https?://[^\\s/]+"}
CODING = {
    "type": "object",
    "required": ["code", "system"],
    "properties": {"code": TEXT, "system": TEXT, "display": TEXT},
}
ACTION = {
    "type": "object",
    "required": ["type", "description"],
    "properties": {
        "type": {"enum": ["create", "update", "delete"]},
        "description": TEXT,
        "resource": {"type": "object", "minProperties": 1},
        "resourceId": TEXT,
    },
}
SPEC: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$defs": {
        "discovery": {
            "type": "object",
            "required": ["services"],
            "properties": {"services": {"type": "array", "items": {"$ref": "#/$defs/service"}}},
        },
        "service": {
            "type": "object",
            "required": ["hook", "description", "id"],
            "properties": {
                "hook": TEXT,
                "title": TEXT,
                "description": TEXT,
                "id": TEXT,
                "prefetch": {
                    "type": "object",
                    "minProperties": 1,
                    "additionalProperties": TEXT,
                },
                "usageRequirements": TEXT,
            },
        },
        "response": {
            "type": "object",
            "required": ["cards"],
            "properties": {
                "cards": {"type": "array", "items": {"$ref": "#/$defs/card"}},
                "systemActions": {"type": "array", "minItems": 1, "items": ACTION},
            },
        },
        "card": {
            "type": "object",
            "required": ["summary", "indicator", "source"],
            "properties": {
                "uuid": {"type": "string", "format": "uuid"},
                "summary": {"type": "string", "minLength": 1, "maxLength": 139},
                "detail": TEXT,
                "indicator": {"enum": ["info", "warning", "critical"]},
                "source": {
                    "type": "object",
                    "required": ["label"],
                    "properties": {"label": TEXT, "url": URL, "icon": URL, "topic": CODING},
                },
                "suggestions": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                        "type": "object",
                        "required": ["label"],
                        "properties": {
                            "label": TEXT,
                            "uuid": TEXT,
                            "isRecommended": {"type": "boolean"},
                            "actions": {"type": "array", "minItems": 1, "items": ACTION},
                        },
                    },
                },
                "selectionBehavior": {"enum": ["at-most-one", "any"]},
                "overrideReasons": {
                    "type": "array",
                    "minItems": 1,
                    "items": {**CODING, "required": ["code", "system", "display"]},
                },
                "links": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                        "type": "object",
                        "required": ["label", "url", "type"],
                        "properties": {
                            "label": TEXT,
                            "url": URL,
                            "type": {"enum": ["absolute", "smart"]},
                            "appContext": TEXT,
                            "autolaunchable": {"type": "boolean"},
                        },
                    },
                },
            },
            # "If suggestions are present, selectionBehavior MUST also be provided."
            "dependentRequired": {"suggestions": ["selectionBehavior"]},
        },
    },
}

#: DESIGN.md, "Interop — contract": the indicator for each urgency.
INDICATOR = {"emergency": "critical", "urgent": "warning", "routine": "info", "self_care": "info"}


def check(document: Any, kind: str) -> None:
    """Validate *document* as a CDS Hooks *kind*, and check that nothing in it is null."""
    schema = {**SPEC, "$ref": f"#/$defs/{kind}"}
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    validator.validate(document)
    assert "null" not in repr(document)  # no None anywhere
    for link in document.get("links", ()) if kind == "card" else ():
        parts = urllib.parse.urlsplit(link["url"])
        assert parts.scheme == "https", link
        assert parts.netloc, link  # absolute


def plain(markdown: str) -> str:
    """The text a Markdown renderer shows for *markdown* (tags dropped, entities read)."""
    rendered = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", rendered)).split())


# --- the schema of the specification can fail ------------------------------------------------


GOOD_CARD = {"summary": "s", "indicator": "info", "source": {"label": "x"}}


@pytest.mark.parametrize(
    "card",
    [
        {**GOOD_CARD, "summary": "x" * 140},
        {**GOOD_CARD, "summary": ""},
        {**GOOD_CARD, "indicator": "high"},
        {**GOOD_CARD, "source": {}},
        {**GOOD_CARD, "uuid": "not-a-uuid"},
        {**GOOD_CARD, "links": []},
        {**GOOD_CARD, "links": [{"label": "l", "url": "https://example.org"}]},
        {**GOOD_CARD, "suggestions": [{"label": "l"}]},
        {key: value for key, value in GOOD_CARD.items() if key != "summary"},
    ],
)
def test_the_spec_schema_refuses_a_card_the_spec_forbids(card: dict[str, Any]) -> None:
    check(GOOD_CARD, "card")
    with pytest.raises(jsonschema.ValidationError):
        check(card, "card")


def test_the_spec_schema_refuses_a_service_without_a_required_field() -> None:
    service = cds_hooks.discovery()["services"][0]
    for required in ("hook", "id", "description"):
        broken = {key: value for key, value in service.items() if key != required}
        with pytest.raises(jsonschema.ValidationError):
            check({"services": [broken]}, "discovery")


# --- discovery -----------------------------------------------------------------------------


def test_discovery_meets_the_spec() -> None:
    document = cds_hooks.discovery()
    check(document, "discovery")
    [service] = document["services"]
    assert service["hook"] == cds_hooks.HOOK
    assert service["id"] == cds_hooks.SERVICE_ID
    # {baseUrl}/cds-services/{id}: the id is one URL path segment.
    assert urllib.parse.quote(service["id"], safe="") == service["id"]
    # An optional field with no value is omitted, never null or empty (no prefetch here).
    assert "prefetch" not in service


def test_the_custom_hook_is_in_reverse_domain_notation_and_names_a_noun_then_a_verb() -> None:
    *domain, name = cds_hooks.HOOK.split(".")
    host = urllib.parse.urlsplit(BASE).hostname
    assert host
    assert domain == host.split(".")[::-1]  # the host of postloss's canonical URLs, reversed
    assert len(domain) >= 2
    assert all(re.fullmatch(r"[a-z0-9-]+", part) for part in domain)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)+", name)
    assert name.endswith("-submit")


# --- cards and responses -------------------------------------------------------------------


@given(report=reports())
def test_every_response_meets_the_spec_and_shows_every_finding(report: SymptomReport) -> None:
    """A card for any valid report: the 2.0 fields, the indicator, every reason in the detail."""
    assessment = assess(report)
    response = cds_hooks.service_response(assessment)
    check(response, "response")
    [card] = response["cards"]
    check(card, "card")
    assert card["indicator"] == INDICATOR[assessment.urgency.label]
    shown = plain(card["detail"])
    for finding in assessment.findings:
        assert " ".join(finding.reason.split()) in shown
    assert len(card["summary"]) < 140


@given(report=reports())
def test_the_summary_says_what_to_do_and_names_or_counts_every_red_flag(
    report: SymptomReport,
) -> None:
    assessment = assess(report)
    guide = load_guide()
    summary = cds_hooks.card(assessment)["summary"]
    action = guide.action_for(assessment.urgency)
    assert summary.startswith(action.title + ":")
    titles = list(dict.fromkeys(guide.lookup(id).title for id in assessment.red_flags))
    if not titles:
        return
    rest = summary.removeprefix(action.title + ": ")
    counted = re.search(r"; \+(\d+) more$", rest)
    if counted:
        rest = rest[: counted.start()]
    named = rest.split("; ")
    assert named == titles[: len(named)]  # most urgent first, none skipped
    assert len(named) + (int(counted.group(1)) if counted else 0) == len(titles)


def test_each_urgency_has_its_indicator() -> None:
    examples = {
        "self_care": SymptomReport(pain_score=2),
        "routine": SymptomReport(low_mood=True),
        "urgent": SymptomReport(temperature_c=38.4),
        "emergency": SymptomReport(bleeding=postloss.Bleeding.HEAVY),
    }
    for label, report in examples.items():
        assessment = assess(report)
        assert assessment.urgency.label == label
        assert cds_hooks.card(assessment)["indicator"] == INDICATOR[label]
    assert {level.label for level in Urgency} == set(examples)


def test_the_source_label_names_the_package_and_content_versions() -> None:
    label = cds_hooks.card(assess(SymptomReport()))["source"]["label"]
    assert postloss.__version__ in label
    assert load_guide().content_version in label


def test_each_card_has_its_own_uuid() -> None:
    assessment = assess(SymptomReport(chills=True))
    first, second = (cds_hooks.card(assessment)["uuid"] for _ in range(2))
    assert uuid.UUID(first) != uuid.UUID(second)


def test_links_lead_to_the_published_sources_of_the_red_flags_that_fired() -> None:
    guide = load_guide()
    assessment = assess(SymptomReport(heart_rate_bpm=135, temperature_c=38.5))
    links = cds_hooks.card(assessment)["links"]
    cited = {
        guide.lookup(source, Source).url
        for flag in assessment.red_flags
        for source in guide.lookup(flag, RedFlag).sources
    }
    assert {link["url"] for link in links} == cited - {None}
    assert all(link["type"] == "absolute" for link in links)


def test_a_card_without_published_sources_has_no_links_key() -> None:
    card = cds_hooks.card(assess(SymptomReport(pain_score=1)))
    assert "links" not in card  # OPTIONAL and empty: omitted, as the spec requires


def test_the_detail_says_what_to_do_first_then_why() -> None:
    guide = load_guide()
    assessment = assess(SymptomReport(temperature_c=38.4))
    shown = plain(cds_hooks.card(assessment)["detail"])
    action = " ".join(guide.action_for(assessment.urgency).text.split())
    assert (
        shown.index(action) < shown.index("Why") < shown.index("fever or chills: temperature 38.4")
    )
    assert shown.endswith(" ".join(guide.disclaimer.split()))


def test_the_detail_shows_a_red_flags_own_action() -> None:
    guide = load_guide()
    flag = guide.lookup("self-harm-thoughts", RedFlag)
    assert flag.action
    detail = cds_hooks.card(assess(SymptomReport(self_harm_thoughts=True)))["detail"]
    assert " ".join(flag.action.split()) in plain(detail)


@rule("acme/wound-check", urgency=Urgency.URGENT, reason="x" * 300 + " *not emphasis* <b>|</b>")
def _long(report: SymptomReport) -> bool:
    return report.pain_score == 3


def test_a_downstream_finding_with_a_long_reason_fits_and_shows_literally() -> None:
    rules = default_rules().extended(_long)
    assessment = assess(SymptomReport(pain_score=3), rules=rules)
    card = cds_hooks.card(assessment, guide=rules.guide)
    check(card, "card")
    assert card["indicator"] == "warning"
    assert card["summary"].startswith("Seek care today: xxx")
    assert card["summary"].endswith("…")
    assert assessment.findings[0].reason in plain(card["detail"])


def test_a_guide_that_lacks_an_item_still_shows_every_finding() -> None:
    assessment = assess(SymptomReport(chills=True))
    renamed = attrs.evolve(assessment, watch_for=("acme/unknown-item",))
    card = cds_hooks.card(renamed)
    assert "acme/unknown-item" in plain(card["detail"])


@given(text=st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1))
@example("*a* _b_ `c` [l](https://x.org) <b>x</b> &amp; a|b ~~s~~ \\ ![i](j)")
@example("# heading")
@example("1. list")
@example("12) list")
@example("- item")
@example("+ item")
@example("> quote")
@example("---")
@example("===")
@example("<!-- comment -->")
@example("[ref]: https://x.org")
def test_escaped_text_renders_as_itself(text: str) -> None:
    """What a card's Markdown quotes (reasons, titles) is shown literally, never as markup."""
    expected = " ".join(text.split())
    rendered = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(escape(text))
    if not expected:
        assert rendered == ""
        return
    assert rendered.startswith("<p>")
    assert rendered.endswith("</p>\n")
    inner = rendered[3:-5]
    assert "<" not in inner  # no tag: no emphasis, code, link or HTML
    assert html.unescape(inner) == expected
