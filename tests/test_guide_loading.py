"""Loading: packaged data, caching, and every problem of a broken content file at once."""

import functools
import pickle
import threading
from importlib.resources import files

import pytest
from hypothesis import given
from hypothesis import strategies as st

import postloss
from postloss.guide import guide_from_toml, load_guide, locales

GOOD = (files("postloss.guide") / "data" / "guide.en.toml").read_text(encoding="utf-8")


def broken(*replacements: tuple[str, str]) -> list[str]:
    """The problems reported for the packaged content with *replacements* applied."""
    text = GOOD
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    with pytest.raises(postloss.ContentError) as caught:
        guide_from_toml(text, name="broken.toml")
    assert caught.value.name == "broken.toml"
    return list(caught.value.problems)


def test_packaged_content_loads_cleanly() -> None:
    assert guide_from_toml(GOOD) == load_guide()


def test_load_guide_is_cached() -> None:
    assert load_guide() is load_guide("en")


def test_load_guide_is_thread_safe_and_loads_once(monkeypatch: pytest.MonkeyPatch) -> None:
    uncached = functools.cache(postloss.guide._load._load_guide.__wrapped__)
    monkeypatch.setattr(postloss.guide._load, "_load_guide", uncached)  # a first use again
    barrier = threading.Barrier(8)
    results: list[postloss.Guide] = []

    def first_use() -> None:
        barrier.wait()
        results.append(load_guide())

    threads = [threading.Thread(target=first_use) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 8
    assert all(result is results[0] for result in results)


def test_unknown_locale_is_a_lookup_error() -> None:
    assert "xx" not in locales()
    with pytest.raises(postloss.UnknownLocaleError, match="'xx'") as caught:
        load_guide("xx")
    assert isinstance(caught.value, LookupError)


def test_missing_field_is_reported_with_its_path() -> None:
    assert broken(('question = "How can', 'questio = "How can')) == [
        "faq[1].question: required field missing",
        "faq[1]: extra fields found (questio)",
    ]


def test_wrong_type_is_reported_with_its_path() -> None:
    assert broken(('title = "Light stretching exercises"', "title = 5")) == [
        "remedies[1].title: expected a string, got int 5"
    ]


def test_duplicate_id_is_reported_with_both_places() -> None:
    assert broken(('id = "hormonal-changes"', 'id = "uterine-contractions"')) == [
        "causes[1].id: duplicate id 'uterine-contractions', first used at causes[0]",
        "faq[0].related[1]: unknown id 'hormonal-changes'",
    ]


def test_dangling_reference_is_reported_with_its_path() -> None:
    assert broken(('related = ["heat-therapy"', 'related = ["heat-thrapy"')) == [
        "faq[1].related[0]: unknown id 'heat-thrapy'"
    ]


def flag_position(flag_id: str) -> int:
    """Where the packaged guide lists red flag *flag_id* (positions are derived, not written)."""
    return [flag.id for flag in postloss.load_guide().red_flags].index(flag_id)


def first_routine_flag() -> int:
    """The position of the first red flag whose floor is routine."""
    floors = [flag.floor for flag in postloss.load_guide().red_flags]
    return floors.index(postloss.Urgency.ROUTINE)


def test_unknown_source_is_reported_with_its_path() -> None:
    assert broken(('sources = ["nice-ng126"]', 'sources = ["nice-ng62"]')) == [
        f"red_flags[{flag_position('positive-pregnancy-test')}].sources[0]: "
        "unknown source 'nice-ng62'"
    ]


def test_unknown_red_flag_floor_lists_the_allowed_values() -> None:
    assert broken(('floor = "routine"', 'floor = "sometime"')) == [
        f"red_flags[{first_routine_flag()}].floor: unknown urgency 'sometime'; expected one of "
        "'self_care', 'routine', 'urgent', 'emergency'"
    ]


def test_red_flag_without_sources_is_rejected() -> None:
    assert broken(('sources = ["nice-ng126"]', "sources = []")) == [
        f"red_flags[{flag_position('positive-pregnancy-test')}].sources: "
        "a red flag must cite at least one source"
    ]


def test_all_problems_are_reported_together() -> None:
    problems = broken(
        ('title = "Light stretching exercises"', "title = 5"),
        ('related = ["heat-therapy"', 'related = ["heat-thrapy"'),
        ('floor = "routine"', 'floor = "sometime"'),
        ('id = "uterine-contractions"', 'id = "Uterine contractions"'),
    )
    assert len(problems) == 5
    assert any(
        problem.startswith("causes[0].id: 'Uterine contractions' is not a slug")
        for problem in problems
    )


def test_a_missing_urgency_action_is_reported() -> None:
    assert broken(('urgency = "routine"', 'urgency = "urgent"')) == [
        "actions: need exactly one action for urgency 'routine', found 0",
        "actions: need exactly one action for urgency 'urgent', found 2",
    ]


def test_invalid_toml_is_a_content_error() -> None:
    with pytest.raises(postloss.ContentError, match="not valid TOML"):
        guide_from_toml("title = ", name="bad.toml")


def test_the_guide_pickles() -> None:
    guide = load_guide()
    copy = pickle.loads(pickle.dumps(guide))
    assert copy == guide
    assert copy.lookup("heavy-bleeding") == guide.lookup("heavy-bleeding")


@pytest.mark.parametrize("locale", [["en"], None, 5, b"en", ("en",), {"en": 1}])
def test_a_locale_of_the_wrong_type_is_an_unknown_locale_error_naming_the_type(
    locale: object,
) -> None:
    with pytest.raises(postloss.UnknownLocaleError, match=type(locale).__name__):
        load_guide(locale)  # type: ignore[arg-type]  # the wrong type on purpose


@pytest.mark.parametrize(
    "locale",
    ["x" * 5000, "", "EN", "../guide", "en/../en", "en\n", "en.toml", "e", "en-", "en_GB", "\0"],
)
def test_a_locale_that_is_not_locale_shaped_is_refused_before_reading_resources(
    locale: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def untouchable() -> None:
        raise AssertionError("resources were read")

    monkeypatch.setattr(postloss.guide._load, "_data", untouchable)
    with pytest.raises(postloss.UnknownLocaleError, match="is not a locale"):
        load_guide(locale)


@pytest.mark.parametrize("locale", ["fr", "pt-BR", "zh-Hant-TW", "ast"])
def test_a_locale_shaped_locale_that_is_not_packaged_is_an_unknown_locale_error(
    locale: str,
) -> None:
    with pytest.raises(
        postloss.UnknownLocaleError, match=f"no guide content for locale '{locale}'"
    ):
        load_guide(locale)


@given(st.one_of(st.text(), st.binary(), st.integers(), st.none(), st.lists(st.text())))
def test_load_guide_raises_only_unknown_locale_error_for_any_locale(locale: object) -> None:
    try:
        guide = load_guide(locale)  # type: ignore[arg-type]  # any value on purpose
    except postloss.UnknownLocaleError:
        return
    assert guide.locale == locale


def test_an_http_source_url_in_a_content_file_is_reported_with_its_path() -> None:
    url = 'url = "https://www.nhs.uk/conditions/sepsis/"'
    assert broken((url, url.replace("https", "http"))) == [
        "sources[11].url: 'http://www.nhs.uk/conditions/sepsis/' is not an https:// URL"
    ]


def test_overlapping_stages_in_a_content_file_are_reported_with_their_path() -> None:
    assert broken(("first_week = 13", "first_week = 12")) == [
        "timeline.stages[1].first_week: 12 is not after week 12, "
        "the last week of timeline.stages[0]"
    ]


def test_checks_of_the_guide_still_run_beside_type_errors() -> None:
    url = 'url = "https://www.nhs.uk/conditions/sepsis/"'
    assert broken(
        ('title = "Light stretching exercises"', "title = 5"),
        (url, url.replace("https", "http")),
        ("first_week = 13", "first_week = 12"),
    ) == [
        "remedies[1].title: expected a string, got int 5",
        "sources[11].url: 'http://www.nhs.uk/conditions/sepsis/' is not an https:// URL",
        "timeline.stages[1].first_week: 12 is not after week 12, "
        "the last week of timeline.stages[0]",
    ]
