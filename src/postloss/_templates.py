"""Text templates with ``{name}`` placeholders: the one parser, shared by the guide and triage.

A placeholder is a lower-case name in braces, ``{temperature_c}``; nothing else in braces
is one (no attribute or index access), so a template from content cannot reach into the
program. The guide checks that a translated template keeps its placeholders; triage fills
them in (:func:`postloss.triage._reasons.render`).
"""

import re

__all__ = ["PLACEHOLDER", "malformed", "placeholders"]

#: One placeholder; group 1 is its name.
PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def placeholders(template: str) -> frozenset[str]:
    """The names *template* quotes.

    >>> sorted(placeholders("pain {pain_score}/10 at or above {severe_pain}/10"))
    ['pain_score', 'severe_pain']
    """
    return frozenset(PLACEHOLDER.findall(template))


def malformed(template: str) -> list[str]:
    """The braces of *template* that are no placeholder, e.g. ``{report.x}`` or ``{0}``.

    >>> malformed("pain {pain_score}, {report.pain_score}")
    ['{report.pain_score}']
    """
    return [
        found for found in re.findall(r"\{[^{}]*\}", template) if not PLACEHOLDER.fullmatch(found)
    ]
