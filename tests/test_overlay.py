"""Content overlays and translations: ``Guide.overlay``, ``load_guide("es")``, fallbacks, stale.

The "Content overlays" contract of DESIGN.md: an overlay gives person-facing text for
existing ids and adds namespaced items; it can never change a floor, kind, urgency, sources
list, related ids or number; every problem is reported with its path.
"""

import functools
import importlib.resources
import pickle
import re
import tomllib
from typing import Any

import attrs
import pytest

import postloss
import postloss.guide._load as load_module
from postloss import (
    Bleeding,
    ContentError,
    Guide,
    SymptomReport,
    Urgency,
    assess,
    default_rules,
    load_guide,
)
from postloss.guide import FaqEntry, RedFlag, Section, Source, guide_from_toml
from tests.strategies import guide_lists, text_fields, toml_text

EN = load_guide()
VERSION = EN.content_version
#: The packaged Spanish translation as written, read without postloss.
SPANISH = tomllib.loads(
    (importlib.resources.files("postloss.guide") / "data" / "guide.es.overlay.toml").read_text(
        encoding="utf-8"
    )
)
PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def overlay(*, locale: str = "es", based_on: str = VERSION, **tables: Any) -> str:
    """Overlay text with an ``[overlay]`` table and *tables*."""
    texts = {k: v for k, v in tables.items() if isinstance(v, str)}
    rest = {k: v for k, v in tables.items() if not isinstance(v, str)}
    return toml_text({**texts, "overlay": {"locale": locale, "based_on": based_on}, **rest})


def problems(text: str, base: Guide = EN) -> tuple[str, ...]:
    with pytest.raises(ContentError) as caught:
        base.overlay(text, name="test.toml")
    assert caught.value.name == "test.toml"
    return caught.value.problems


def spanish_entries(list_name: str) -> dict[str, dict[str, Any]]:
    """The entries of a top-level list of the packaged Spanish overlay, by id."""
    return {entry["id"]: entry for entry in SPANISH[list_name]}


# --- The packaged Spanish translation --------------------------------------------------


def test_a_translated_guide_assesses_heavy_bleeding_as_emergency_with_the_translated_action() -> (
    None
):
    spanish = load_guide("es")
    result = assess(SymptomReport(bleeding=Bleeding.HEAVY), rules=default_rules(guide=spanish))
    assert result.urgency is Urgency.EMERGENCY
    assert "heavy-bleeding" in result.red_flags
    action = spanish.action_for(result.urgency).text
    assert action == spanish_entries("actions")["action-emergency"]["text"]
    assert action != EN.action_for(Urgency.EMERGENCY).text
    reason = next(f.reason for f in result.findings if f.rule_id == "heavy-bleeding")
    assert reason.startswith(SPANISH["reasons"]["heavy-bleeding"].split("{")[0])
    assert SPANISH["clauses"]["bleeding-heavy"] in reason


@pytest.mark.parametrize(
    "fields",
    [
        {"bleeding": Bleeding.HEAVY},
        {"temperature_c": 38.4, "pain_score": 8, "heart_rate_bpm": 135},
        {"temperature_c": 35.5, "chills": True},
        {"days_since_loss": 30, "pain_score": 3, "positive_pregnancy_test": True},
        {"self_harm_thoughts": True},
        {"pain_score": 2},
        {},
    ],
)
def test_the_spanish_guide_gives_the_english_urgency_and_findings(fields: dict[str, Any]) -> None:
    report = SymptomReport(**fields)
    english = assess(report)
    spanish = assess(report, rules=default_rules(guide=load_guide("es")))
    assert spanish.urgency is english.urgency
    assert [f.rule_id for f in spanish.findings] == [f.rule_id for f in english.findings]
    assert [f.facts for f in spanish.findings] == [f.facts for f in english.findings]
    assert (spanish.action, spanish.watch_for, spanish.self_care) == (
        english.action,
        english.watch_for,
        english.self_care,
    )
    for finding, original in zip(spanish.findings, english.findings, strict=True):
        if original.template != "{signs}":  # the one template that has no words of its own
            assert finding.reason != original.reason


def test_load_guide_es_is_the_english_guide_with_the_packaged_translation() -> None:
    spanish = load_guide("es")
    assert spanish is load_guide("es")  # cached
    assert (spanish.locale, spanish.content_version) == ("es", VERSION)
    assert spanish.overlays == ("guide.es.overlay.toml",)
    assert spanish.title == SPANISH["title"]
    assert [(f.id, f.floor, f.sources) for f in spanish.red_flags] == [
        (f.id, f.floor, f.sources) for f in EN.red_flags
    ]
    assert "es" in postloss.guide.locales()


def test_every_red_flag_action_and_template_of_the_spanish_guide_is_translated() -> None:
    flags = spanish_entries("red_flags")
    assert set(flags) == {flag.id for flag in EN.red_flags}
    for flag in EN.red_flags:
        assert {"title", "text"} <= set(flags[flag.id]), flag.id
        assert ("action" in flags[flag.id]) == (flag.action is not None), flag.id
    actions = spanish_entries("actions")
    assert set(actions) == {action.id for action in EN.actions}
    assert all({"title", "text"} <= set(entry) for entry in actions.values())
    assert set(SPANISH["reasons"]) == set(EN.reasons)
    assert set(SPANISH["clauses"]) == set(EN.clauses)
    spanish = load_guide("es")
    safety = [flag.id for flag in EN.red_flags] + [action.id for action in EN.actions]
    safety += [f"reasons.{key}" for key in EN.reasons] + [f"clauses.{key}" for key in EN.clauses]
    assert not set(safety) & set(spanish.fallbacks)


def test_the_spanish_translation_is_complete_and_current() -> None:
    """A new content version makes every translated item stale: this fails until reviewed."""
    spanish = load_guide("es")
    assert SPANISH["overlay"]["based_on"] == VERSION
    assert spanish.stale == ()
    assert spanish.fallbacks == ()


@pytest.mark.parametrize("table", ["reasons", "clauses"])
def test_the_spanish_templates_keep_every_placeholder(table: str) -> None:
    for key, template in SPANISH[table].items():
        english = getattr(EN, table)[key]
        assert set(PLACEHOLDER.findall(template)) == set(PLACEHOLDER.findall(english)), key


def test_the_spanish_crisis_lines_keep_every_number() -> None:
    english = EN.lookup("self-harm-thoughts", RedFlag).action
    spanish = load_guide("es").lookup("self-harm-thoughts", RedFlag).action
    assert english is not None
    assert spanish is not None
    assert re.findall(r"\d+(?: \d+)*", spanish) == re.findall(r"\d+(?: \d+)*", english)


# --- What an overlay may not change ------------------------------------------------------


@pytest.mark.parametrize(
    ("list_path", "id", "field", "value"),
    [
        ("red_flags", "heavy-bleeding", "floor", "urgent"),  # lowered
        ("red_flags", "persistent-low-mood", "floor", "emergency"),  # raised
        ("red_flags", "heavy-bleeding", "sources", ["nice-ng51"]),
        ("remedies", "heat-therapy", "kind", "medical"),
        ("actions", "action-emergency", "urgency", "urgent"),
        ("faq", "faq-relief", "related", []),
        ("timeline.stages", "early-loss", "first_week", 2),
        ("timeline.stages", "late-loss", "last_week", 24),
        ("sources", "nhs-sepsis", "url", "https://example.org/"),
        ("causes", "hormonal-changes", "sources", ["nice-ng51"]),
    ],
)
def test_an_overlay_cannot_change_what_is_not_text(
    list_path: str, id: str, field: str, value: Any
) -> None:
    entry = {"id": id, field: value}
    head, _, tail = list_path.rpartition(".")
    tables = {head: {tail: [entry]}} if head else {tail: [entry]}
    found = problems(overlay(**tables))
    assert len(found) == 1
    assert found[0].startswith(f"{list_path}[{id}].{field}: an overlay cannot change ")


def test_restating_a_floor_or_sources_unchanged_is_allowed() -> None:
    flag = EN.lookup("heavy-bleeding", RedFlag)
    entry = {"id": flag.id, "title": "Sangrado", "floor": "emergency", "sources": flag.sources}
    guide = EN.overlay(overlay(red_flags=[entry]), name="same.toml")
    assert guide.lookup(flag.id, RedFlag).floor is Urgency.EMERGENCY
    assert guide.lookup(flag.id).title == "Sangrado"


def test_an_item_cannot_move_to_another_list() -> None:
    found = problems(overlay(red_flags=[{"id": "heat-therapy", "title": "Calor"}]))
    assert len(found) == 1
    assert found[0].startswith("red_flags[heat-therapy]: ")
    assert "remedies" in found[0]


def test_a_new_bare_id_is_refused_with_the_fix() -> None:
    found = problems(overlay(red_flags=[{"id": "heavy-bleding", "title": "Typo"}]))
    assert len(found) == 1
    assert found[0].startswith("red_flags[heavy-bleding].id: ")
    assert "namespaced" in found[0]
    assert "'acme/heavy-bleding'" in found[0]


def test_empty_text_is_refused_so_that_no_warning_is_hidden() -> None:
    found = problems(overlay(red_flags=[{"id": "heavy-bleeding", "text": "   "}]))
    assert [p.partition(":")[0] for p in found] == ["red_flags[heavy-bleeding].text"]


@pytest.mark.parametrize(
    ("text", "path"),
    [
        (toml_text({"red_flags": [{"id": "heavy-bleeding"}]}), "overlay"),
        (toml_text({"overlay": {"based_on": VERSION}}), "overlay.locale"),
        (toml_text({"overlay": {"locale": "../en", "based_on": VERSION}}), "overlay.locale"),
        (toml_text({"overlay": {"locale": "es"}}), "overlay.based_on"),
        (toml_text({"overlay": {"locale": "es", "based_on": VERSION, "x": 1}}), "overlay.x"),
        (overlay(content_version="2030.01.01"), "content_version"),
        (toml_text({"locale": "fr", "overlay": {"locale": "es", "based_on": VERSION}}), "locale"),
        (overlay(last_reviewed="2030-01-01"), "last_reviewed"),
        (overlay(stale=[]), "stale"),
        (overlay(glossary={"a": "b"}), "glossary"),
        (
            overlay(red_flags=[{"id": "heavy-bleeding", "colour": "red"}]),
            "red_flags[heavy-bleeding].colour",
        ),
        (overlay(faq=[{"id": "faq-relief", "title": "x"}]), "faq[faq-relief].title"),
        (overlay(red_flags=[{"title": "no id"}]), "red_flags[0].id"),
        (overlay(timeline={"stages": [{"id": "early-loss"}], "x": "y"}), "timeline.x"),
    ],
)
def test_a_malformed_overlay_names_the_path_of_its_problem(text: str, path: str) -> None:
    found = problems(text)
    assert [p.partition(": ")[0] for p in found] == [path]


def test_every_problem_is_reported_together_with_its_path() -> None:
    text = overlay(
        red_flags=[
            {"id": "heavy-bleeding", "title": "Sangrado", "floor": "routine"},
            {"id": "fever-or-chills", "sources": []},
            {"id": "feverr", "title": "typo"},
        ],
        remedies=[{"id": "heat-therapy", "kind": "medical"}],
        clauses={"temperature-high": "temperatura, igual o superior a {fever_c}"},
    )
    found = problems(text)
    assert [p.partition(": ")[0] for p in found] == [
        "red_flags[heavy-bleeding].floor",
        "red_flags[fever-or-chills].sources",
        "red_flags[feverr].id",
        "remedies[heat-therapy].kind",
        "clauses.temperature-high",
    ]


def test_the_same_id_twice_in_an_overlay_is_a_problem() -> None:
    entry = {"id": "heavy-bleeding", "title": "Sangrado"}
    found = problems(overlay(red_flags=[entry, entry]))
    assert [p.partition(": ")[0] for p in found] == ["red_flags[heavy-bleeding].id"]


def test_not_toml_or_not_text_is_a_content_error() -> None:
    assert problems("[overlay")[0].startswith("not valid TOML")
    with pytest.raises(ContentError, match="not bytes"):
        EN.overlay(b"[overlay]", name="bytes.toml")  # type: ignore[arg-type]
    with pytest.raises(ContentError, match="needs a name"):
        EN.overlay(overlay(), name="")


# --- Templates ---------------------------------------------------------------------------


def test_a_translated_template_must_keep_its_placeholders() -> None:
    text = overlay(
        clauses={
            "temperature-high": "temperatura, igual o superior a {fever_c}",  # drops one
            "chills": "escalofríos {pain_score}",  # adds one
            "skin": "piel {report.skin}",  # not a placeholder
        },
        reasons={"acme-rule": "x"},  # no such template
    )
    found = problems(text)
    assert len(found) == 4
    dropped, added, bad, unknown = found
    assert dropped.startswith("clauses.temperature-high: ")
    assert "{temperature_c}" in dropped
    assert added.startswith("clauses.chills: ")
    assert "{pain_score}" in added
    assert bad.startswith("clauses.skin: ")
    assert "{report.skin}" in bad
    assert unknown.startswith("reasons.acme-rule: ")


def test_translated_templates_are_the_reasons_of_triage() -> None:
    text = overlay(
        reasons={"fever-or-chills": "fiebre: {signs}"},
        clauses={"temperature-high": "temperatura {temperature_c} (límite {fever_c})"},
    )
    guide = EN.overlay(text, name="fever.toml")
    result = assess(SymptomReport(temperature_c=38.4), rules=default_rules(guide=guide))
    assert result.urgency is Urgency.URGENT
    assert [f.reason for f in result.findings] == [
        "fiebre: temperatura 38.4 °C / 101.1 °F (límite 38.0 °C / 100.4 °F)"
    ]


# --- Additions ---------------------------------------------------------------------------

HOURS = {"id": "acme/opening-hours", "title": "Opening hours", "text": "Mon–Fri 8:00–18:00."}


def test_a_namespaced_addition_adds_an_item_at_the_end_of_its_list() -> None:
    guide = EN.overlay(overlay(locale="en", sections=[HOURS]), name="acme.toml")
    item = guide.lookup("acme/opening-hours", Section)
    assert (item.title, item.text) == (HOURS["title"], HOURS["text"])
    assert guide.sections == (*EN.sections, item)
    assert [hit.id for hit in guide.search("opening hours")][:1] == ["acme/opening-hours"]
    assert guide.fallbacks == ()


@pytest.mark.parametrize(
    ("list_path", "entry", "path"),
    [
        ("causes", {"id": "acme/x", "title": "No text"}, "causes[acme/x].text"),
        (
            "faq",
            {"id": "acme/q", "question": "Q?", "answer": "A.", "related": ["nope"]},
            "faq[acme/q].related[0]",
        ),
        (
            "red_flags",
            {"id": "acme/f", "title": "F", "text": "T", "floor": "urgent", "sources": []},
            "red_flags[acme/f].sources",
        ),
        (
            "red_flags",
            {"id": "acme/f", "title": "F", "text": "T", "floor": "soon", "sources": ["nice-ng51"]},
            "red_flags[acme/f].floor",
        ),
        (
            "red_flags",
            {
                "id": "acme/f",
                "title": "F",
                "text": "T",
                "floor": "urgent",
                "sources": ["acme/missing"],
            },
            "red_flags[acme/f].sources[0]",
        ),
        (
            "actions",
            {"id": "acme/call", "urgency": "emergency", "title": "Call", "text": "T"},
            "actions",
        ),
        (
            "sources",
            {"id": "acme/src", "title": "S", "text": "T", "url": "http://acme.example"},
            "sources[acme/src].url",
        ),
    ],
)
def test_an_addition_is_validated_like_any_item(
    list_path: str, entry: dict[str, Any], path: str
) -> None:
    tables: dict[str, Any] = {list_path: [entry]}
    found = problems(overlay(locale="en", **tables))
    assert [p.partition(": ")[0] for p in found] == [path]


def test_an_added_red_flag_can_cite_an_added_source_and_needs_a_rule() -> None:
    text = overlay(
        locale="en",
        sources=[{"id": "acme/protocol", "title": "Acme protocol", "text": "Acme Clinic"}],
        red_flags=[
            {
                "id": "acme/wound-redness",
                "title": "Wound redness",
                "text": "Redness around a wound.",
                "floor": "urgent",
                "sources": ["acme/protocol"],
            }
        ],
    )
    guide = EN.overlay(text, name="acme.toml")
    assert guide.lookup("acme/wound-redness", RedFlag).sources == ("acme/protocol",)
    with pytest.raises(ContentError, match="'acme/wound-redness' has no rule"):
        default_rules(guide=guide)

    @postloss.rule(
        "acme/wound-redness",
        urgency=Urgency.URGENT,
        reason="redness",
        red_flag="acme/wound-redness",
    )
    def redness(report: SymptomReport) -> bool:
        return False

    ruleset = postloss.Ruleset(guide=guide, extra=(redness,))
    assert assess(SymptomReport(), rules=ruleset).urgency is Urgency.SELF_CARE


# --- Partial translations, fallbacks and stale text ---------------------------------------


def test_translating_one_faq_entry_needs_only_that_entry() -> None:
    entry = {"id": "faq-relief", "question": "¿Cómo alivio el dolor?", "answer": "Con calor."}
    guide = EN.overlay(overlay(faq=[entry]), name="one-faq.toml")
    translated = guide.lookup("faq-relief", FaqEntry)
    assert (translated.question, translated.answer) == (entry["question"], entry["answer"])
    assert translated.related == EN.lookup("faq-relief", FaqEntry).related
    others = [item for item in guide.items() if item.id != "faq-relief"]
    assert others == [item for item in EN.items() if item.id != "faq-relief"]


def test_fallbacks_list_every_item_an_overlay_in_another_locale_left_untranslated() -> None:
    entry = {"id": "faq-relief", "question": "¿Cómo alivio el dolor?", "answer": "Con calor."}
    guide = EN.overlay(overlay(faq=[entry], title="Dolor de espalda"), name="one-faq.toml")
    untranslated = [
        item.id for item in EN.items() if item.id != "faq-relief" and not isinstance(item, Source)
    ]
    assert list(guide.fallbacks[: len(untranslated)]) == untranslated
    rest = guide.fallbacks[len(untranslated) :]
    assert "title" not in rest
    assert {"disclaimer", "overview", "timeline.typical_duration"} <= set(rest)
    assert {f"reasons.{key}" for key in EN.reasons} <= set(rest)


def test_an_item_partly_translated_is_still_a_fallback() -> None:
    entry = {"id": "faq-relief", "question": "¿Cómo alivio el dolor?"}
    guide = EN.overlay(overlay(faq=[entry]), name="half.toml")
    assert "faq-relief" in guide.fallbacks


def test_an_overlay_in_the_base_locale_has_no_fallbacks() -> None:
    entry = {"id": "heavy-bleeding", "title": "Very heavy bleeding"}
    guide = EN.overlay(overlay(locale="en", red_flags=[entry]), name="en.toml")
    assert (guide.locale, guide.fallbacks, guide.stale) == ("en", (), ())


def test_text_translated_from_an_older_content_version_is_stale() -> None:
    flag = {"id": "heavy-bleeding", "title": "Sangrado abundante", "text": "Empapar..."}
    old = overlay(based_on="2025.01.01", red_flags=[flag], reasons={"heavy-bleeding": "x: {signs}"})
    guide = EN.overlay(old, name="old.toml")
    assert guide.stale == ("heavy-bleeding", "reasons.heavy-bleeding")
    assert guide.content_version == VERSION
    current = EN.overlay(overlay(red_flags=[flag]), name="current.toml")
    assert current.stale == ()


def test_a_current_translation_clears_stale_text_only_where_it_gives_all_of_it() -> None:
    flag = {"id": "heavy-bleeding", "title": "Sangrado abundante", "text": "Empapar..."}
    stale = EN.overlay(overlay(based_on="2025.01.01", red_flags=[flag]), name="old.toml")
    partly = stale.overlay(
        overlay(red_flags=[{"id": "heavy-bleeding", "title": "Sangrado"}]), name="title.toml"
    )
    assert partly.stale == ("heavy-bleeding",)
    fully = stale.overlay(overlay(red_flags=[flag]), name="full.toml")
    assert fully.stale == ()


def test_additions_are_neither_stale_nor_fallbacks() -> None:
    guide = EN.overlay(overlay(based_on="2025.01.01", sections=[HOURS]), name="acme.toml")
    assert "acme/opening-hours" not in guide.stale
    assert "acme/opening-hours" not in guide.fallbacks


# --- Composition -------------------------------------------------------------------------


def test_overlays_compose_and_are_recorded_in_order() -> None:
    acme = EN.overlay(overlay(locale="en", sections=[HOURS]), name="acme")
    hours = {"id": "acme/opening-hours", "title": "Horario", "text": "De lunes a viernes."}
    spanish = acme.overlay(overlay(sections=[hours]), name="acme-es")
    assert spanish.overlays == ("acme", "acme-es")
    assert (spanish.locale, spanish.content_version) == ("es", VERSION)
    assert spanish.lookup("acme/opening-hours").title == "Horario"
    assert "acme/opening-hours" not in spanish.fallbacks
    assert "heavy-bleeding" in spanish.fallbacks
    on_spanish = load_guide("es").overlay(overlay(sections=[HOURS]), name="acme-on-es")
    assert on_spanish.overlays == ("guide.es.overlay.toml", "acme-on-es")
    assert on_spanish.fallbacks == ()  # the addition is in the overlay's locale, es
    same_locale = spanish.overlay(overlay(faq=[{"id": "faq-relief", "question": "¿Y?"}]), name="b")
    assert "acme/opening-hours" not in same_locale.fallbacks


def test_the_same_overlay_cannot_be_applied_twice() -> None:
    once = EN.overlay(overlay(locale="en", sections=[HOURS]), name="test.toml")
    found = problems(overlay(locale="en"), base=once)
    assert found == ("overlay 'test.toml' is already applied to this guide",)


def test_an_overlaid_guide_pickles_and_compares_equal() -> None:
    guide = load_guide("es").overlay(overlay(sections=[HOURS]), name="acme")
    copy = pickle.loads(pickle.dumps(guide))
    assert copy == guide
    assert (copy.overlays, copy.fallbacks, copy.stale) == (guide.overlays, (), ())


def test_a_content_file_cannot_claim_to_be_overlaid() -> None:
    text = importlib.resources.files("postloss.guide").joinpath("data/guide.en.toml")
    source = text.read_text(encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        guide_from_toml('overlays = ["reviewed"]\n' + source, name="claims.toml")
    assert caught.value.problems == ("overlays: set by Guide.overlay(), not by a content file",)


# --- Translation sources (the hook plugins use) -----------------------------------------


@pytest.fixture
def fresh_loading(monkeypatch: pytest.MonkeyPatch) -> list[load_module.TranslationSource]:
    """An empty list of translation sources and an empty cache, for this test only."""
    sources: list[load_module.TranslationSource] = []
    monkeypatch.setattr(load_module, "_SOURCES", sources)
    uncached = functools.cache(load_module._load_guide.__wrapped__)
    monkeypatch.setattr(load_module, "_load_guide", uncached)
    return sources


def test_a_translation_source_provides_a_locale_that_is_not_packaged(
    fresh_loading: list[load_module.TranslationSource],
) -> None:
    asked: list[str] = []

    def source(locale: str) -> tuple[str, str] | None:
        asked.append(locale)
        text = overlay(locale="fr", red_flags=[{"id": "heavy-bleeding", "title": "Saignement"}])
        return ("plugin acme-fr", text) if locale == "fr" else None

    with pytest.raises(postloss.UnknownLocaleError):
        load_guide("fr")
    load_module.add_translation_source(source)
    load_module.add_translation_source(source)  # added once
    french = load_guide("fr")
    assert (french.locale, french.overlays) == ("fr", ("plugin acme-fr",))
    assert french.lookup("heavy-bleeding").title == "Saignement"
    assert load_guide("es").overlays == ("guide.es.overlay.toml",)  # packaged first
    assert asked == ["fr"]


def test_a_translation_found_for_one_locale_must_be_in_it(
    fresh_loading: list[load_module.TranslationSource],
) -> None:
    fresh_loading.append(lambda locale: ("wrong.toml", overlay(locale="de")))
    with pytest.raises(ContentError, match=r"overlay\.locale: 'de', but it was found for 'fr'"):
        load_guide("fr")


@pytest.mark.parametrize("locale", postloss.guide.locales())
def test_every_packaged_locale_differs_from_english_only_in_text(locale: str) -> None:
    guide = load_guide(locale)
    assert guide.locale == locale
    lists, english = guide_lists(guide), guide_lists(EN)
    for path, items in english.items():
        assert [item.id for item in lists[path]] == [item.id for item in items], path
        for item, original in zip(lists[path], items, strict=True):
            texts = attrs.fields_dict(type(item)).keys() & set(text_fields(path))
            back = attrs.evolve(item, **{field: getattr(original, field) for field in texts})
            assert back == original, item.id


def test_the_guides_own_texts_translate() -> None:
    text = overlay(
        title="Dolor de espalda",
        disclaimer="Esta guía no es un diagnóstico.",
        overview=["Un párrafo."],
        timeline={"typical_duration": "De unos días a varias semanas."},
    )
    guide = EN.overlay(text, name="texts.toml")
    assert (guide.title, guide.disclaimer, guide.overview) == (
        "Dolor de espalda",
        "Esta guía no es un diagnóstico.",
        ("Un párrafo.",),
    )
    assert guide.timeline.typical_duration == "De unos días a varias semanas."
    assert guide.timeline.stages == EN.timeline.stages
    assert {"title", "disclaimer", "overview", "timeline.typical_duration"}.isdisjoint(
        guide.fallbacks
    )
