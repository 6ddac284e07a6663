"""The exceptions postloss raises; every one is a :class:`PostlossError`."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "ContentError",
    "InvalidReportError",
    "InvalidRuleError",
    "InvalidThresholdsError",
    "PostlossError",
    "RuleError",
    "UnknownItemError",
    "UnknownLocaleError",
]


class PostlossError(Exception):
    """The root of every error postloss raises on purpose."""


class _ProblemListError(PostlossError):
    """An error that carries every problem found, each as ``"path: message"``."""

    def __init__(self, headline: str, problems: Iterable[str]) -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        lines = "\n".join(f"  - {problem}" for problem in self.problems)
        super().__init__(f"{headline} ({len(self.problems)} problem(s)):\n{lines}")


class ContentError(_ProblemListError):
    """A guide content file is broken; ``problems`` lists every problem with its path."""

    def __init__(self, name: str, problems: Iterable[str]) -> None:
        self.name = name
        super().__init__(f"invalid guide content in {name}", problems)


class InvalidReportError(_ProblemListError, ValueError):
    """A symptom report is invalid; ``problems`` lists every problem with its field."""

    def __init__(self, problems: Iterable[str]) -> None:
        super().__init__("invalid symptom report", problems)


class InvalidThresholdsError(_ProblemListError, ValueError):
    """Thresholds were set outside their documented clinical bounds."""

    def __init__(self, problems: Iterable[str]) -> None:
        super().__init__("invalid thresholds", problems)


class InvalidRuleError(PostlossError, ValueError):
    """A rule is malformed, or its id clashes with another rule's."""


class RuleError(PostlossError):
    """A rule raised while assessing a report; ``rule_id`` names it."""

    def __init__(self, rule_id: str) -> None:
        self.rule_id = rule_id
        super().__init__(f"rule {rule_id!r} failed; no assessment was made")


class UnknownItemError(PostlossError, LookupError):
    """No guide item has the id that was looked up."""


class UnknownLocaleError(PostlossError, LookupError):
    """No guide content is packaged for the requested locale."""
