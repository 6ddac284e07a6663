"""Urgency: the shared, ordered vocabulary of how soon to seek care."""

from __future__ import annotations

import enum

__all__ = ["Urgency"]


class Urgency(enum.IntEnum):
    """How urgently to seek care, ordered ``SELF_CARE < ROUTINE < URGENT < EMERGENCY``.

    JSON and the guide's content spell each level by its lower-case name
    (``"emergency"``); the person-facing sentence for a level comes from the guide
    in use, in its locale: ``guide.action_for(urgency).text``. This module imports
    nothing of the guide.

    >>> max(Urgency.ROUTINE, Urgency.EMERGENCY).name.lower()
    'emergency'
    """

    SELF_CARE = 0
    ROUTINE = 1
    URGENT = 2
    EMERGENCY = 3

    @property
    def label(self) -> str:
        """The lower-case name used in JSON and content files, e.g. ``"self_care"``."""
        return self.name.lower()

    @classmethod
    def from_label(cls, label: str) -> Urgency:
        """The level whose :attr:`label` is *label*; ``ValueError`` names the choices."""
        for level in cls:
            if level.label == label:
                return level
        choices = ", ".join(repr(level.label) for level in cls)
        raise ValueError(f"unknown urgency {label!r}; expected one of {choices}")
