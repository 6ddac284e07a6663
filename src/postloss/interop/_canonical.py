"""Where postloss's published documents live: the base of every canonical URL it writes.

JSON Schema ``$id``s, the FHIR Questionnaire's ``url`` and the postloss code
system are all under :data:`BASE`. postloss has no registered domain yet, so the
base is under ``example.org`` (reserved for examples, so it can never name someone
else's resource); change it here, once, when the project has one. Canonical URLs
identify a document and need not resolve.
"""

from __future__ import annotations

__all__ = ["BASE", "slug"]

#: The base of every canonical URL postloss writes.
BASE = "https://postloss.example.org"


def slug(name: str) -> str:
    """A class name as a URL slug.

    >>> slug("SymptomReport")
    'symptom-report'
    """
    return "".join(f"-{c.lower()}" if c.isupper() and i else c.lower() for i, c in enumerate(name))
