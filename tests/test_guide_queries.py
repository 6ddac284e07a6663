"""Queries: get, lookup, related items and search."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import postloss
from postloss.guide import FaqEntry, RedFlag, RemedyKind

GUIDE = postloss.load_guide()
WORDS = sorted(
    {word for item in GUIDE.items() for word in re.findall(r"\w+", item.title.casefold())}
)


def test_get_returns_the_item_or_the_default() -> None:
    flag = GUIDE.get("heavy-bleeding")
    assert isinstance(flag, RedFlag)
    assert flag.floor is postloss.Urgency.EMERGENCY
    assert GUIDE.get("heat-thrapy") is None
    assert GUIDE.get("heat-thrapy", "fallback") == "fallback"


def test_lookup_raises_unknown_item_error_naming_the_id() -> None:
    assert GUIDE.lookup("heat-therapy").title == "Gentle heat therapy"
    with pytest.raises(postloss.UnknownItemError, match="'heat-thrapy'") as caught:
        GUIDE.lookup("heat-thrapy")
    assert isinstance(caught.value, LookupError)
    assert isinstance(caught.value, postloss.PostlossError)


def test_sections_hold_their_kinds() -> None:
    assert {remedy.kind for remedy in GUIDE.remedies} == set(RemedyKind)
    assert all(isinstance(entry, FaqEntry) for entry in GUIDE.faq)
    assert [stage.id for stage in GUIDE.timeline.stages] == ["early-loss", "late-loss"]


def test_related_items_of_an_faq_entry_resolve_in_order() -> None:
    entry = GUIDE.lookup("faq-relief")
    assert isinstance(entry, FaqEntry)
    assert [item.id for item in GUIDE.related(entry)] == list(entry.related)
    assert "gentle-massage" in entry.related


def test_search_ranks_title_matches_first() -> None:
    hits = [item.id for item in GUIDE.search("Heat")]
    assert hits == ["heat-therapy", "faq-relief"]


def test_search_needs_every_word() -> None:
    assert [item.id for item in GUIDE.search("calf swelling")] == ["calf-pain-or-swelling"]
    assert GUIDE.search("heat calf") == []


def test_empty_search_finds_nothing() -> None:
    assert GUIDE.search("") == []
    assert GUIDE.search("  ?! ") == []


@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3), st.booleans())
def test_every_hit_contains_every_query_word(words: list[str], upper: bool) -> None:
    query = " ".join(words).upper() if upper else " ".join(words)
    for item in GUIDE.search(query):
        haystack = f"{item.title} {item.text}".casefold()
        assert all(word.casefold() in haystack for word in words)


POSITION = {item.id: position for position, item in enumerate(GUIDE.items())}


@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=2))
def test_search_ranks_by_title_matches_then_keeps_guide_order(words: list[str]) -> None:
    hits = GUIDE.search(" ".join(words))
    in_title = [sum(word in item.title.casefold() for word in words) for item in hits]
    ranked = [(-count, POSITION[item.id]) for count, item in zip(in_title, hits, strict=True)]
    assert ranked == sorted(ranked)


@given(st.sampled_from(WORDS))
def test_search_misses_no_item_containing_the_word(word: str) -> None:
    expected = {item.id for item in GUIDE.items() if word in f"{item.title} {item.text}".casefold()}
    assert {item.id for item in GUIDE.search(word)} == expected
