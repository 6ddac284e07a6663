"""The spellings of an id: a slug, or a project's namespaced slug.

A slug is lower-case words joined by '-' (``"heavy-bleeding"``): built-in rules and the
packaged content use them. A namespaced id is a project's slug, '/', a slug
(``"acme/opening-hours"``): downstream rules and content added by an overlay use them, so a
future built-in id can never clash with one.
"""

import re

__all__ = ["NAMESPACED", "SLUG", "is_namespaced", "is_slug"]

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
#: A namespaced id: a project's slug, a slash, the item's or rule's slug (``"acme/high-bp"``).
NAMESPACED = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*")


def is_slug(value: object) -> bool:
    """Whether *value* is a string spelled as a slug, e.g. ``"heavy-bleeding"``."""
    return isinstance(value, str) and SLUG.fullmatch(value) is not None


def is_namespaced(value: object) -> bool:
    """Whether *value* is a namespaced id, e.g. ``"acme/opening-hours"``.

    >>> is_namespaced("acme/opening-hours"), is_namespaced("opening-hours")
    (True, False)
    """
    return isinstance(value, str) and NAMESPACED.fullmatch(value) is not None
