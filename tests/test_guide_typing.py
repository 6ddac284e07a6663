"""Typed look-ups and public class names; mypy checks this file too (``assert_type``)."""

import importlib
import pickle
from enum import Enum
from typing import assert_type

import pytest

import postloss
import postloss.guide
from postloss import Urgency, load_guide
from postloss.guide import Cause, FaqEntry, Item, RedFlag

GUIDE = load_guide()
CLASSES = [
    value
    for name in postloss.guide.__all__
    if isinstance(value := getattr(postloss.guide, name), type)
]


def test_typed_lookup_returns_the_kind_asked_for_to_mypy_and_at_run_time() -> None:
    assert_type(load_guide().lookup("heavy-bleeding", RedFlag).floor, Urgency)
    flag = GUIDE.lookup("heavy-bleeding", RedFlag)
    assert_type(flag, RedFlag)
    assert type(flag) is RedFlag
    assert flag.floor is Urgency.EMERGENCY
    assert flag is GUIDE.lookup("heavy-bleeding")


def test_untyped_lookup_returns_any_item() -> None:
    item = GUIDE.lookup("faq-relief")
    assert_type(item, Item)
    assert isinstance(item, FaqEntry)


def test_typed_lookup_of_another_kind_raises_naming_both_kinds() -> None:
    with pytest.raises(
        postloss.UnknownItemError, match="'heavy-bleeding' is a RedFlag, not a Cause"
    ):
        GUIDE.lookup("heavy-bleeding", Cause)


def test_typed_lookup_of_a_missing_id_raises_unknown_item_error() -> None:
    with pytest.raises(postloss.UnknownItemError, match="'heavy-bleding'") as caught:
        GUIDE.lookup("heavy-bleding", RedFlag)
    assert isinstance(caught.value, LookupError)


def test_lookup_of_an_unhashable_id_raises_unknown_item_error() -> None:
    with pytest.raises(postloss.UnknownItemError):
        GUIDE.lookup(["heavy-bleeding"])  # type: ignore[call-overload]  # wrong type on purpose


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_model_classes_are_published_in_postloss_guide(cls: type) -> None:
    assert cls.__module__ == "postloss.guide"
    assert repr(cls).endswith(f" 'postloss.guide.{cls.__qualname__}'>") or issubclass(cls, Enum)
    assert getattr(importlib.import_module(cls.__module__), cls.__qualname__) is cls


def test_the_guide_and_every_item_pickle_by_their_public_names() -> None:
    for value in (GUIDE, *GUIDE.items(), GUIDE.remedies[0].kind):
        data = pickle.dumps(value)
        assert b"_models" not in data
        assert pickle.loads(data) == value
