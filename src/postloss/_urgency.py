"""Urgency: the shared, ordered vocabulary of how soon to seek care."""

from __future__ import annotations

import enum

__all__ = ["Urgency"]


class Urgency(enum.IntEnum):
    """How urgently to seek care, ordered ``SELF_CARE < ROUTINE < URGENT < EMERGENCY``.

    JSON and the guide's content spell each level by its lower-case name
    (``"emergency"``); :attr:`action` is the person-facing sentence for it.

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

    @property
    def action(self) -> str:
        """What the person should do now, from the English guide.

        >>> Urgency.URGENT.action
        'Contact your doctor, midwife or early-pregnancy unit today.'
        """
        from postloss.guide import load_guide  # deferred: the guide imports this module

        return load_guide().action_for(self).text

    @classmethod
    def from_label(cls, label: str) -> Urgency:
        """The level whose :attr:`label` is *label*; ``ValueError`` names the choices."""
        for level in cls:
            if level.label == label:
                return level
        choices = ", ".join(repr(level.label) for level in cls)
        raise ValueError(f"unknown urgency {label!r}; expected one of {choices}")
