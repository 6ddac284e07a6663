"""The clinic's two rules, its fever line, and the ruleset it assesses with."""

import postloss
from acme_clinic.report import AcmeReport
from postloss import Bleeding, Management, SymptomReport, Thresholds, Urgency

__all__ = ["RULES", "THRESHOLDS", "anticoagulant_bleeding", "pain_after_surgery", "ruleset"]

#: The clinic counts 37.8 °C as a fever: more sensitive than the default 38.0 °C, and
#: within the bounds postloss allows (37.5–38.0 °C).
THRESHOLDS = Thresholds(fever_c=37.8)


@postloss.rule(
    "acme/anticoagulant-bleeding",
    urgency=Urgency.URGENT,
    reason="on a blood thinner, bleeding {bleeding}, increasing: {bleeding_increasing}",
    inputs=("on_anticoagulants", "bleeding", "bleeding_increasing"),
)
def anticoagulant_bleeding(report: AcmeReport) -> bool:
    """On a blood thinner, with moderate or heavy bleeding, or bleeding that is increasing."""
    return report.on_anticoagulants is True and (
        report.bleeding in (Bleeding.MODERATE, Bleeding.HEAVY) or report.bleeding_increasing is True
    )


@postloss.rule(
    "acme/pain-after-surgery",
    urgency=Urgency.ROUTINE,
    reason="pain {pain_score}/10 after surgical management",
    inputs=("management", "pain_score"),
)
def pain_after_surgery(report: SymptomReport) -> bool:
    """Pain of 4/10 or more after surgical management: the clinic reviews it."""
    return (
        report.management is Management.SURGICAL
        and report.pain_score is not None
        and report.pain_score >= 4
    )


#: The clinic's rules, as its ``postloss.rules`` plugin ``acme`` gives them.
RULES = (anticoagulant_bleeding, pain_after_surgery)


def ruleset(guide: postloss.Guide | None = None) -> postloss.Ruleset:
    """The built-in rules at the clinic's threshold, with the clinic's rules added.

    *guide* gives the words (e.g. a Spanish guide); default: the packaged English one.

    >>> [rule.id for rule in ruleset().extra]
    ['acme/anticoagulant-bleeding', 'acme/pain-after-surgery']
    >>> ruleset().report_class.__name__
    'AcmeReport'
    """
    return postloss.default_rules(thresholds=THRESHOLDS, guide=guide).extended(*RULES)
