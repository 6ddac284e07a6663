"""What the guide says: its typed content, loading and queries. Knows nothing of triage."""

from postloss.guide._load import guide_from_toml, load_guide, locales
from postloss.guide._models import (
    Cause,
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
