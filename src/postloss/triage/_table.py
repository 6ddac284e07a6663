"""The decision table: the rules rendered for clinical review, from the rules themselves."""

from __future__ import annotations

import attrs

from postloss.guide import Guide, RedFlag
from postloss.triage._ruleset import Ruleset, default_rules
from postloss.triage._thresholds import Thresholds

__all__ = ["decision_table"]

_HEADER = """\
# Decision table

Generated from `postloss.default_rules()` by `postloss.triage.decision_table()`; do not edit
by hand (`make docs` rewrites it, and a test fails when it is out of date). Laid out as a WHO
SMART guidelines decision table: the inputs a rule reads, its condition, the output urgency,
an annotation (the red flag it enforces) and the references (the guide's sources).

Every rule runs on every report; the urgency is the highest output among the rules that
fire, or `self_care` when none does. A field that is not reported never makes a rule fire.
"""


def _reference(guide: Guide, source_id: str) -> str:
    source = guide.lookup(source_id)
    return f"{source.text}, “{source.title}”"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def decision_table(rules: Ruleset | None = None) -> str:
    """The rules and thresholds of *rules* (default: the built-ins) as a Markdown table.

    >>> print(decision_table().splitlines()[0])
    # Decision table
    """
    ruleset = default_rules() if rules is None else rules
    guide = ruleset.guide
    lines = [
        _HEADER,
        "## Rules\n",
        "| # | Rule | Inputs | Condition | Output | Annotation | References |",
        "|---|---|---|---|---|---|---|",
    ]
    for number, each in enumerate(ruleset.rules, start=1):
        flag = guide.get(each.red_flag or "")
        annotation = f"{flag.title}: {flag.text}" if isinstance(flag, RedFlag) else ""
        sources = flag.sources if isinstance(flag, RedFlag) else ()
        references = "; ".join(_reference(guide, id) for id in sources)
        inputs = ", ".join(f"`{name}`" for name in each.inputs)
        lines.append(
            f"| {number} | `{each.id}` | {inputs} | {_cell(each.condition)} "
            f"| **{each.urgency.label}** | {_cell(annotation)} | {_cell(references)} |"
        )
    lines += [
        "\n## Thresholds\n",
        "Apps may change these within the bounds: `default_rules(thresholds=Thresholds(...))`.\n",
        "| Threshold | In use | Bounds | Meaning | References |",
        "|---|---|---|---|---|",
    ]
    for field in attrs.fields(Thresholds):
        meta = field.metadata
        low, high = meta["postloss.bounds"]
        unit = meta["unit"]
        references = "; ".join(_reference(guide, id) for id in meta["sources"])
        lines.append(
            f"| `{field.name}` | {getattr(ruleset.thresholds, field.name)} {unit} "
            f"| {low}–{high} {unit} | {_cell(meta['doc'])} | {_cell(references)} |"
        )
    return "\n".join(lines) + "\n"
