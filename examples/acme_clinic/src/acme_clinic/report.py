"""The clinic's report: postloss's report and one more question."""

import attrs

import postloss

__all__ = ["AcmeReport"]


@attrs.frozen(kw_only=True)
class AcmeReport(postloss.SymptomReport):
    """A :class:`postloss.SymptomReport` that also asks about blood thinners.

    >>> AcmeReport(on_anticoagulants=True).on_anticoagulants
    True
    >>> postloss.parse_report({"on_anticoagulants": "yes"}, AcmeReport)
    Traceback (most recent call last):
    ...
    postloss.errors.InvalidReportError: invalid symptom report (1 problem(s)):
      - on_anticoagulants: expected true or false, got str 'yes'
    """

    on_anticoagulants: bool | None = postloss.field(
        question="Are you taking a blood thinner (an anticoagulant such as heparin or warfarin)?",
        help="Blood thinners make bleeding heavier and longer; the clinic wants to know.",
    )
