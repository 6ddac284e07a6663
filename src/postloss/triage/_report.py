"""The intake: what a person reports, validated on construction and when parsed."""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping
from typing import Self, TypeVar

import attrs

from postloss._convert import converter, describe
from postloss.errors import InvalidReportError
from postloss.triage._fields import bounded, check_fields, field_problems, refuse_unknown, specs

__all__ = [
    "Bleeding",
    "Discharge",
    "Management",
    "PainTrend",
    "SymptomReport",
    "parse_report",
]

_R = TypeVar("_R", bound="SymptomReport")


class Management(enum.Enum):
    """How the miscarriage happened or was managed."""

    SPONTANEOUS = "spontaneous"
    MEDICAL = "medical"
    SURGICAL = "surgical"


class PainTrend(enum.Enum):
    """Whether the pain is easing, unchanged or getting worse."""

    IMPROVING = "improving"
    STABLE = "stable"
    WORSENING = "worsening"


class Discharge(enum.Enum):
    """Vaginal discharge: as expected, or foul-smelling or changed in colour."""

    NORMAL = "normal"
    UNUSUAL = "unusual"


class Bleeding(enum.Enum):
    """How much bleeding; ``HEAVY`` is soaking a pad an hour or faster, or large clots."""

    NONE = "none"
    SPOTTING = "spotting"
    LIGHT = "light"
    MODERATE = "moderate"
    HEAVY = "heavy"


@attrs.frozen(kw_only=True)
class SymptomReport:
    """What a person reports; every field is optional and defaults to "not reported".

    Construction validates every field and raises
    :class:`~postloss.InvalidReportError` listing all problems. Subclass it with
    attrs to add fields of your own (``bool``, ``int``, ``float``, ``str`` or an
    enum, optionally ``| None``; bound numbers with :func:`bounded`).

    >>> SymptomReport(pain_score=4, bleeding=Bleeding.LIGHT).pain_score
    4
    >>> SymptomReport(pain_score=11)
    Traceback (most recent call last):
    ...
    postloss.errors.InvalidReportError: invalid symptom report (1 problem(s)):
      - pain_score: must be between 0 and 10, got 11
    """

    days_since_loss: int | None = bounded(None, 0, 365)
    weeks_pregnant: int | None = bounded(
        None, 1, 23, note="a loss at 24 weeks or later is a stillbirth, outside this guide's scope"
    )
    management: Management | None = None
    pain_score: int | None = bounded(None, 0, 10)
    pain_trend: PainTrend | None = None
    pain_relieved_by_medication: bool | None = None
    pain_limits_daily_activities: bool = False
    temperature_c: float | None = bounded(None, 30.0, 45.0)
    chills: bool = False
    discharge: Discharge | None = None
    bleeding: Bleeding | None = None
    bleeding_increasing: bool = False
    fainting_or_dizziness: bool = False
    shoulder_tip_pain: bool = False
    breathlessness_or_chest_pain: bool = False
    calf_pain_or_swelling: bool = False
    confusion: bool = False
    rapid_heartbeat: bool = False
    self_harm_thoughts: bool = False
    positive_pregnancy_test: bool = False
    low_mood: bool = False

    def __new__(cls, *args: object, **kwargs: object) -> Self:
        refuse_unknown(cls, args, kwargs, InvalidReportError)
        return super().__new__(cls)

    def __init_subclass__(cls, **kwargs: object) -> None:
        """Keep validation in subclasses that define their own ``__attrs_post_init__``."""
        super().__init_subclass__(**kwargs)
        own = cls.__dict__.get("__attrs_post_init__")
        if own is not None and not getattr(own, "_checks_fields", False):

            @functools.wraps(own)
            def post_init(self: SymptomReport) -> None:
                check_fields(self, InvalidReportError)
                own(self)

            post_init._checks_fields = True  # type: ignore[attr-defined]
            cls.__attrs_post_init__ = post_init  # type: ignore[method-assign]

    def __attrs_post_init__(self) -> None:
        check_fields(self, InvalidReportError)


def parse_report(data: object, cls: type[_R] = SymptomReport) -> _R:  # type: ignore[assignment]
    """Build a report (or a subclass, *cls*) from JSON-like data, strictly.

    Enums are given by value (``"heavy"``); nothing is coerced (``"7"`` is not 7,
    ``true`` is not 1). Every problem is reported at once in an
    :class:`~postloss.InvalidReportError`.

    >>> parse_report({"pain_score": 7, "bleeding": "heavy"}).bleeding
    <Bleeding.HEAVY: 'heavy'>
    >>> parse_report({"pain_score": "7", "management": "lots", "colour": "red"})
    Traceback (most recent call last):
    ...
    postloss.errors.InvalidReportError: invalid symptom report (3 problem(s)):
      - pain_score: expected an integer, got str '7'
      - management: unknown value 'lots'; expected one of 'spontaneous', 'medical', 'surgical'
      - colour: unknown field
    """
    if not isinstance(data, Mapping):
        kind = "null" if data is None else type(data).__name__
        raise InvalidReportError([f"$: expected an object of report fields, got {kind}"])
    fields = specs(cls)
    problems, values = [], {}
    for key, value in data.items():
        if key not in fields:
            problems.append(f"{key}: unknown field")
            continue
        try:
            values[key] = converter().structure(value, fields[key].type)
        except (ValueError, TypeError) as error:
            problems.extend(f"{key}: {line}" for line in describe(error))
    problems += field_problems(cls, values)
    if problems:
        raise InvalidReportError(problems)
    return cls(**values)
