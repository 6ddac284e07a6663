"""postloss: a guide to back pain after a miscarriage, as typed data, with triage.

>>> import postloss
>>> postloss.load_guide().title
'Back pain after a miscarriage'

The errors are imported with the package; everything else is imported on first
use (PEP 562), so that ``import postloss`` stays as cheap as importing attrs.
"""

import importlib
from typing import TYPE_CHECKING

from postloss.errors import (
    ContentError,
    InvalidAssessmentError,
    InvalidReportError,
    InvalidRuleError,
    InvalidThresholdsError,
    PluginError,
    PostlossError,
    Problem,
    ReportClassError,
    RuleError,
    UnknownItemError,
    UnknownLocaleError,
    UnknownPluginError,
)

if TYPE_CHECKING:
    from postloss._urgency import Urgency
    from postloss.guide import Guide, load_guide
    from postloss.triage import (
        Assessment,
        Bleeding,
        Discharge,
        Finding,
        Management,
        PainTrend,
        ReportField,
        Rule,
        Ruleset,
        SymptomReport,
        Thresholds,
        assess,
        bounded,
        default_rules,
        field,
        parse_report,
        report_fields,
        rule,
        unanswered,
    )

__version__ = "0.2.0.dev0"

#: Public names imported on first use, with the module that defines each.
_LAZY = {
    "Assessment": "postloss.triage",
    "Bleeding": "postloss.triage",
    "Discharge": "postloss.triage",
    "Finding": "postloss.triage",
    "Guide": "postloss.guide",
    "Management": "postloss.triage",
    "PainTrend": "postloss.triage",
    "ReportField": "postloss.triage",
    "Rule": "postloss.triage",
    "Ruleset": "postloss.triage",
    "SymptomReport": "postloss.triage",
    "Thresholds": "postloss.triage",
    "Urgency": "postloss._urgency",
    "assess": "postloss.triage",
    "bounded": "postloss.triage",
    "default_rules": "postloss.triage",
    "field": "postloss.triage",
    "load_guide": "postloss.guide",
    "parse_report": "postloss.triage",
    "report_fields": "postloss.triage",
    "rule": "postloss.triage",
    "unanswered": "postloss.triage",
}

__all__ = [
    "Assessment",
    "Bleeding",
    "ContentError",
    "Discharge",
    "Finding",
    "Guide",
    "InvalidAssessmentError",
    "InvalidReportError",
    "InvalidRuleError",
    "InvalidThresholdsError",
    "Management",
    "PainTrend",
    "PluginError",
    "PostlossError",
    "Problem",
    "ReportClassError",
    "ReportField",
    "Rule",
    "RuleError",
    "Ruleset",
    "SymptomReport",
    "Thresholds",
    "UnknownItemError",
    "UnknownLocaleError",
    "UnknownPluginError",
    "Urgency",
    "__version__",
    "assess",
    "bounded",
    "default_rules",
    "field",
    "load_guide",
    "parse_report",
    "report_fields",
    "rule",
    "unanswered",
]


def __getattr__(name: str) -> object:
    if name not in _LAZY:
        raise AttributeError(f"module 'postloss' has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
