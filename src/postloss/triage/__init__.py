"""What to do now: the report, thresholds, rules and assess(). Pure; no I/O."""

from typing import TYPE_CHECKING

from postloss.triage._assess import Assessment, Finding, assess
from postloss.triage._fields import ReportField, bounded, field, report_fields
from postloss.triage._report import (
    Bleeding,
    Discharge,
    Management,
    PainTrend,
    SymptomReport,
    parse_report,
)
from postloss.triage._rules import Rule, rule
from postloss.triage._ruleset import Ruleset, default_rules
from postloss.triage._thresholds import Thresholds

if TYPE_CHECKING:
    from postloss.triage._unanswered import unanswered

__all__ = [
    "Assessment",
    "Bleeding",
    "Discharge",
    "Finding",
    "Management",
    "PainTrend",
    "ReportField",
    "Rule",
    "Ruleset",
    "SymptomReport",
    "Thresholds",
    "assess",
    "bounded",
    "default_rules",
    "field",
    "parse_report",
    "report_fields",
    "rule",
    "unanswered",
]

#: Imported on first use, to keep ``from postloss import assess`` cheap.
_LAZY = {"unanswered": "postloss.triage._unanswered"}


def __getattr__(name: str) -> object:
    if name not in _LAZY:
        raise AttributeError(f"module 'postloss.triage' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value
