"""What the guide says: its typed content, loading and queries. Knows nothing of triage.

The model classes live in a private module but belong to this one: their
``__module__`` is ``postloss.guide``, so reprs, docs and pickles name them here.

>>> from postloss.guide import RedFlag
>>> RedFlag
<class 'postloss.guide.RedFlag'>
"""

from postloss.guide._load import guide_from_toml, load_guide, locales
from postloss.guide._models import (
    Cause,
    ExpectedRecovery,
    FaqEntry,
    Guide,
    Item,
    LossStage,
    RedFlag,
    Remedy,
    RemedyKind,
    Section,
    Source,
    SupportMeasure,
    Timeline,
    TimelineFactor,
    UrgencyAction,
)

__all__ = [
    "Cause",
    "ExpectedRecovery",
    "FaqEntry",
    "Guide",
    "Item",
    "LossStage",
    "RedFlag",
    "Remedy",
    "RemedyKind",
    "Section",
    "Source",
    "SupportMeasure",
    "Timeline",
    "TimelineFactor",
    "UrgencyAction",
    "guide_from_toml",
    "load_guide",
    "locales",
]

for _public in (
    Cause,
    ExpectedRecovery,
    FaqEntry,
    Guide,
    LossStage,
    RedFlag,
    Remedy,
    RemedyKind,
    Section,
    Source,
    SupportMeasure,
    Timeline,
    TimelineFactor,
    UrgencyAction,
):
    _public.__module__ = __name__
del _public
