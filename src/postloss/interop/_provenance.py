"""What made an assessment: the package, the content and the ruleset, for every format."""

from __future__ import annotations

import postloss
from postloss.errors import PostlossError
from postloss.triage import Assessment, Ruleset, default_rules

__all__ = ["produced_by"]


def produced_by(assessment: Assessment, rules: Ruleset | None = None) -> dict[str, str]:
    """The provenance of *assessment*, made by *rules* (default: the built-in rules).

    An assessment that *rules* cannot have made (a finding of a rule not in it, or
    another action) raises :class:`~postloss.PostlossError` rather than record a
    wrong provenance.

    >>> from postloss import SymptomReport, assess
    >>> produced_by(assess(SymptomReport()))["ruleset"]
    'built-in rules, default thresholds, content 2026.11.26 (en)'
    """
    rules = default_rules() if rules is None else rules
    known = {each.id for each in rules.rules}
    guide = rules.guide
    strangers = [f.rule_id for f in assessment.findings if f.rule_id not in known]
    if strangers or assessment.action != guide.action_for(assessment.urgency).id:
        why = f"rule {strangers[0]!r} is not in them" if strangers else "its action differs"
        raise PostlossError(
            f"this assessment was not made by these rules ({why}); pass the ruleset that "
            "made it: rules=..."
        )
    return {
        "package": "postloss",
        "version": postloss.__version__,
        "content_version": guide.content_version,
        "locale": guide.locale,
        "ruleset": rules.describe(),
    }
