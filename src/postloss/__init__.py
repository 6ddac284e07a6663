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
    InvalidReportError,
    InvalidRuleError,
    InvalidThresholdsError,
    PostlossError,
    RuleError,
    UnknownItemError,
    UnknownLocaleError,
)

if TYPE_CHECKING:
    from postloss._urgency import Urgency
    from postloss.guide import Guide, load_guide

__version__ = "0.1.0"

#: Public names imported on first use, with the module that defines each.
_LAZY = {
    "Guide": "postloss.guide",
    "Urgency": "postloss._urgency",
    "load_guide": "postloss.guide",
}

__all__ = [
    "ContentError",
    "Guide",
    "InvalidReportError",
    "InvalidRuleError",
    "InvalidThresholdsError",
    "PostlossError",
    "RuleError",
    "UnknownItemError",
    "UnknownLocaleError",
    "Urgency",
    "__version__",
    "load_guide",
]


def __getattr__(name: str) -> object:
    if name not in _LAZY:
        raise AttributeError(f"module 'postloss' has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
