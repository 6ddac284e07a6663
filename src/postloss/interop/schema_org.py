"""The guide as schema.org JSON-LD, for the ``<script type="application/ld+json">`` of a page.

:func:`guide_jsonld` gives one ``@graph`` of three linked nodes:

- a ``MedicalWebPage``: the guide's title, description, language, ``lastReviewed``
  date, content version, a patient audience and the sources it cites;
- the ``MedicalCondition`` it is about: its ``cause`` (the causes),
  ``possibleTreatment`` (the remedies), ``signOrSymptom`` (what to expect while
  recovering) and ``possibleComplication`` (each warning sign, with what it means);
- an ``FAQPage`` with a ``Question`` and ``acceptedAnswer`` for every FAQ entry.

:func:`script_tag` puts it in a page safely, whatever the text (an overlay's too).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from postloss.guide import Guide, load_guide

__all__ = ["guide_jsonld", "script_tag"]

#: Characters that could end the ``<script>`` element or start markup, as JSON escapes.
_HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def _node(type: str, name: str, description: str) -> dict[str, Any]:
    return {"@type": type, "name": name, "description": description}


def _citation(source: Any) -> dict[str, Any]:
    cited: dict[str, Any] = {
        "@type": "CreativeWork",
        "name": source.title,
        "publisher": {"@type": "Organization", "name": source.text},
    }
    if source.url:
        cited["url"] = source.url
    return cited


def guide_jsonld(guide: Guide | None = None) -> dict[str, Any]:
    """*guide* (default: the packaged English guide) as schema.org JSON-LD.

    Every value is the guide's own text; nothing is added but the types.

    >>> document = guide_jsonld()
    >>> document["@context"], [node["@type"] for node in document["@graph"]]
    ('https://schema.org', ['MedicalWebPage', 'MedicalCondition', 'FAQPage'])
    >>> document["@graph"][0]["lastReviewed"]
    '2026-11-26'
    """
    guide = load_guide() if guide is None else guide
    condition = {
        "@id": "#condition",
        **_node("MedicalCondition", guide.title, guide.overview[0]),
        "cause": [_node("MedicalCause", each.title, each.text) for each in guide.causes],
        "possibleTreatment": [
            _node("MedicalTherapy", each.title, each.text) for each in guide.remedies
        ],
        "signOrSymptom": [
            _node("MedicalSignOrSymptom", each.title, each.text) for each in guide.expected_recovery
        ],
        "possibleComplication": [f"{each.title}: {each.text}" for each in guide.red_flags],
    }
    page = {
        "@id": "#page",
        **_node("MedicalWebPage", guide.title, " ".join(guide.overview)),
        "inLanguage": guide.locale,
        "lastReviewed": guide.last_reviewed.isoformat(),
        "version": guide.content_version,
        "audience": {"@type": "Patient", "audienceType": "patient"},
        "about": {"@id": "#condition"},
        "mainEntity": {"@id": "#condition"},
        "hasPart": {"@id": "#faq"},
        "citation": [_citation(source) for source in guide.sources],
    }
    faq = {
        "@id": "#faq",
        "@type": "FAQPage",
        "inLanguage": guide.locale,
        "mainEntity": [
            {
                "@type": "Question",
                "name": entry.question,
                "acceptedAnswer": {"@type": "Answer", "text": entry.answer},
            }
            for entry in guide.faq
        ],
    }
    return {"@context": "https://schema.org", "@graph": [page, condition, faq]}


def script_tag(document: Mapping[str, Any]) -> str:
    r"""*document* in a ``<script type="application/ld+json">`` element for an HTML page.

    ``<``, ``>`` and ``&`` are written as JSON escapes, so no text in the document can
    end the element early (``</script>``) or be read as markup.

    >>> print(script_tag({"name": "</script>"}))
    <script type="application/ld+json">{"name": "\u003c/script\u003e"}</script>
    """
    text = json.dumps(document, ensure_ascii=False).translate(_HTML_SAFE)
    return f'<script type="application/ld+json">{text}</script>'
