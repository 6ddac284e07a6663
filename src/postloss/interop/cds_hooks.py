"""CDS Hooks 2.0: a discovery document, cards and service responses for an assessment.

postloss gives the JSON; serving it (``GET {base}/cds-services``, ``POST
{base}/cds-services/postloss-triage``) is the app's job, with the web framework it has.

**The hook.** The CDS Hooks catalogue has no hook for a completed questionnaire
(``questionnaire-inprogress`` is not among the published hooks), and the
specification says a hook specific to an organisation SHALL be named in reverse
domain notation; so the service answers the custom hook :data:`HOOK`,
``org.example.postloss.symptom-report-submit`` (the reverse of the host of
postloss's canonical URLs, then noun and verb): a person has submitted the intake,
a FHIR QuestionnaireResponse to :func:`postloss.interop.fhir.questionnaire`. Its
context holds ``patientId`` and that ``questionnaireResponse``; nothing needs
prefetching, so the discovery document has no ``prefetch``.

**Cards.** One card per assessment: the indicator is ``critical`` for an emergency,
``warning`` for urgent, ``info`` otherwise; the summary (under 140 characters) says
what to do and what fired; the Markdown ``detail`` lists every reason; the
``source.label`` names the package and content versions; ``links`` point to the
published sources behind the red flags that fired.
"""

from __future__ import annotations

import urllib.parse
import uuid
from typing import Any

from postloss._urgency import Urgency
from postloss.guide import Guide, load_guide
from postloss.interop._canonical import BASE
from postloss.interop._view import summary, view
from postloss.interop.markdown import assessment_markdown
from postloss.triage import Assessment

__all__ = ["HOOK", "INDICATORS", "SERVICE_ID", "card", "discovery", "service_response"]

#: The custom hook the service answers: reverse domain notation, as the spec requires.
HOOK = ".".join(
    [*reversed((urllib.parse.urlsplit(BASE).hostname or "").split(".")), "symptom-report-submit"]
)
#: The service's id: it is served at ``{baseUrl}/cds-services/postloss-triage``.
SERVICE_ID = "postloss-triage"
#: The card indicator for each urgency (CDS Hooks allows info, warning and critical).
INDICATORS: dict[Urgency, str] = {
    Urgency.SELF_CARE: "info",
    Urgency.ROUTINE: "info",
    Urgency.URGENT: "warning",
    Urgency.EMERGENCY: "critical",
}
#: A card's summary is shorter than 140 characters (CDS Hooks 2.0).
SUMMARY_LIMIT = 139


def discovery() -> dict[str, Any]:
    """The discovery document (``GET {baseUrl}/cds-services``): the one triage service.

    >>> [(service["hook"], service["id"]) for service in discovery()["services"]]
    [('org.example.postloss.symptom-report-submit', 'postloss-triage')]
    """
    return {
        "services": [
            {
                "hook": HOOK,
                "id": SERVICE_ID,
                "title": "Back pain after a miscarriage: how urgently to seek care",
                "description": (
                    "Assesses a submitted symptom report (back pain after a miscarriage) "
                    "and returns one card: how urgently to seek care, what to do and why."
                ),
                "usageRequirements": (
                    "The context must hold patientId and questionnaireResponse, a completed "
                    "QuestionnaireResponse to the postloss intake Questionnaire."
                ),
            }
        ]
    }


def _source_label(guide: Guide) -> str:
    from postloss import __version__

    return f"postloss {__version__}, guide content {guide.content_version} ({guide.locale})"


def card(assessment: Assessment, *, guide: Guide | None = None) -> dict[str, Any]:
    """A CDS Hooks 2.0 card for *assessment*, in the words of *guide* (default: en).

    Pass the guide the assessment's rules were made with. Each card has a fresh
    ``uuid`` (for the feedback endpoint), so two cards for one assessment differ in it.

    >>> from postloss import Bleeding, SymptomReport, assess
    >>> made = card(assess(SymptomReport(bleeding=Bleeding.HEAVY)))
    >>> made["indicator"], made["summary"]
    ('critical', 'Emergency: Heavy bleeding')
    >>> made["source"]["label"].startswith("postloss ")
    True
    """
    guide = load_guide() if guide is None else guide
    shown = view(assessment, guide)
    made: dict[str, Any] = {
        "uuid": str(uuid.uuid4()),
        "summary": summary(shown, SUMMARY_LIMIT),
        "indicator": INDICATORS[assessment.urgency],
        "detail": assessment_markdown(assessment, guide=guide),
        "source": {"label": _source_label(guide)},
    }
    if shown.links:
        made["links"] = [
            {"label": label, "url": url, "type": "absolute"} for label, url in shown.links
        ]
    return made


def service_response(assessment: Assessment, *, guide: Guide | None = None) -> dict[str, Any]:
    """The service's answer (``POST {baseUrl}/cds-services/postloss-triage``): one card.

    Every assessment gets a card, a self-care one included: it says that the answer
    rests on what was reported, and what to watch for.

    >>> from postloss import SymptomReport, assess
    >>> [made["indicator"] for made in service_response(assess(SymptomReport()))["cards"]]
    ['info']
    """
    return {"cards": [card(assessment, guide=guide)]}
