"""Acme Clinic's extension of postloss: its report, its rules and its threshold.

The clinic asks one more question (:class:`AcmeReport`), adds two rules of its own
(:data:`RULES`), makes the fever line more sensitive (:data:`THRESHOLDS`) and ships its
opening hours and phone number as guide content (:mod:`acme_clinic.content`). The rules
and the content are postloss plugins too, registered in this package's
``pyproject.toml``. The rules illustrate the mechanism; they are not clinical advice.

>>> import acme_clinic, postloss
>>> rules = acme_clinic.ruleset()
>>> report = AcmeReport(on_anticoagulants=True, bleeding=postloss.Bleeding.MODERATE)
>>> postloss.assess(report, rules=rules).urgency.label
'urgent'
"""

from acme_clinic.report import AcmeReport
from acme_clinic.rules import RULES, THRESHOLDS, anticoagulant_bleeding, pain_after_surgery, ruleset

__all__ = [
    "RULES",
    "THRESHOLDS",
    "AcmeReport",
    "anticoagulant_bleeding",
    "pain_after_surgery",
    "ruleset",
]
