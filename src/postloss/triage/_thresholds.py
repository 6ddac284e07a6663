"""Thresholds: the numbers behind the red flags, with sourced defaults and clinical bounds."""

from __future__ import annotations

from typing import Self

import attrs

from postloss.errors import InvalidThresholdsError
from postloss.triage._fields import bounded, check_fields, refuse_unknown

__all__ = ["Thresholds"]


@attrs.frozen(kw_only=True)
class Thresholds:
    """The numbers the built-in rules compare with; change them only within their bounds.

    Each field's metadata holds its ``sources`` (guide source ids), its ``unit``
    and a ``doc`` line; the decision table in ``docs/rules.md`` shows them all.
    Where the sources draw a line, the default is that line and the bounds only let
    an app make the rule more sensitive; where they give a range ("several weeks"),
    the bounds are that range.

    >>> Thresholds(fever_c=37.8).fever_c
    37.8
    >>> Thresholds(fever_c=39.0)
    Traceback (most recent call last):
    ...
    postloss.errors.InvalidThresholdsError: invalid thresholds (1 problem(s)):
      - fever_c: must be between 37.5 and 38.0, got 39.0
    """

    fever_c: float = bounded(
        38.0,
        37.5,
        38.0,
        unit="°C",
        sources=("nice-ng126", "peterborough-aftercare", "nichd-loss-symptoms"),
        doc="A temperature at or above this is a fever (38.0 °C = 100.4 °F).",
    )
    severe_pain: int = bounded(
        7,
        6,
        7,
        unit="/10",
        sources=("serlin-1995",),
        doc="Pain at or above this on the 0–10 scale is severe (7–10 is severe pain).",
    )
    persistent_pain_days: int = bounded(
        21,
        14,
        28,
        unit="days",
        sources=("nhs-ggc-early-pregnancy", "verywell-recovery"),
        doc="Pain still present this many days after the loss has lasted 'several weeks' "
        "(no source gives a number; 3 weeks is the earlier of the 3–4 weeks in use).",
    )
    prolonged_bleeding_days: int = bounded(
        21,
        14,
        21,
        unit="days",
        sources=("nhs-ggc-early-pregnancy", "hse-miscarriage"),
        doc="Bleeding still present this many days after the loss should be checked.",
    )
    pregnancy_test_days: int = bounded(
        21,
        14,
        21,
        unit="days",
        sources=("nice-ng126",),
        doc="A pregnancy test still positive this many days after the loss should be reported.",
    )

    def __new__(cls, *args: object, **kwargs: object) -> Self:
        refuse_unknown(cls, args, kwargs, InvalidThresholdsError)
        return super().__new__(cls)

    def __attrs_post_init__(self) -> None:
        check_fields(self, InvalidThresholdsError)
