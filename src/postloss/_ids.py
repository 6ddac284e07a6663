"""The one spelling of an id: a slug of lower-case words joined by '-'."""

import re

__all__ = ["SLUG", "is_slug"]

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def is_slug(value: object) -> bool:
    """Whether *value* is a string spelled as a slug, e.g. ``"heavy-bleeding"``."""
    return isinstance(value, str) and SLUG.fullmatch(value) is not None
