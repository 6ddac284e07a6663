"""Reason templates: content that names its finding's facts, and nothing else.

A template is text with ``{name}`` placeholders, each the name of one of its
finding's facts. Unlike ``str.format`` there is no attribute or index access, so
a template from an overlay or a plugin cannot reach into the program. A fact is a
number (temperatures, named ``…_c``, read in °C with °F beside), a tuple of clause
ids (each rendered from the guide's clause templates, joined by ", "), or text.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping

from postloss._templates import PLACEHOLDER, malformed, placeholders

# The parser lives below the guide, which checks translated templates with it too.
__all__ = ["malformed", "placeholders", "render"]


def render(template: str, facts: Mapping[str, object], clauses: Mapping[str, str]) -> str:
    """*template* with each placeholder replaced by its fact, read as a person reads it.

    >>> render("temperature {temperature_c}, at or above {fever_c}",
    ...        {"temperature_c": 38.4, "fever_c": 38.0}, {})
    'temperature 38.4 °C / 101.1 °F, at or above 38.0 °C / 100.4 °F'
    >>> render("low: {temperature_c} below {low_temperature_c}",
    ...        {"temperature_c": 35.96, "low_temperature_c": 36.0}, {})
    'low: 35.96 °C / 96.73 °F below 36.0 °C / 96.8 °F'
    """
    temperatures = {v for k, v in facts.items() if k.endswith("_c") and isinstance(v, float | int)}

    def fill(text: str) -> str:
        return PLACEHOLDER.sub(replace, text)

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in facts:
            return match.group(0)
        value = facts[name]
        if isinstance(value, tuple):  # clause ids, each written in its own words
            return ", ".join(fill(clauses.get(str(c), str(c))) for c in value)
        return _show(name, value, temperatures)

    return fill(template)


def _decimals(value: float, temperatures: set[float]) -> int:
    """One decimal, or two where one would make *value* read as another temperature."""
    if round(value, 1) == value:
        return 1
    one = f"{value:.1f}"
    return 2 if any(f"{other:.1f}" == one for other in temperatures if other != value) else 1


def _show(name: str, value: object, temperatures: set[float]) -> str:
    if value is None:
        return "not reported"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if name.endswith("_c") and isinstance(value, float | int):
        decimals = _decimals(value, temperatures)
        fahrenheit = value * 9 / 5 + 32
        return f"{value:.{decimals}f} °C / {fahrenheit:.{decimals}f} °F"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
