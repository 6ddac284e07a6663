"""The exceptions postloss raises; every one is a :class:`PostlossError`.

Every error pickles and keeps its attributes, so it crosses process boundaries
(``ProcessPoolExecutor``, Dask, Spark) intact.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from postloss.triage import Assessment

__all__ = [
    "ContentError",
    "InvalidAssessmentError",
    "InvalidReportError",
    "InvalidRuleError",
    "InvalidThresholdsError",
    "PluginError",
    "PostlossError",
    "Problem",
    "ReportClassError",
    "RuleError",
    "UnknownItemError",
    "UnknownLocaleError",
    "UnknownPluginError",
]


class Problem(NamedTuple):
    """One problem with an input: where (``path``), what kind (``code``) and why.

    ``bounds`` holds the inclusive ``(low, high)`` a number must lie in, where
    there are some. ``str(problem)`` is the ``"path: message"`` line of the error.

    >>> str(Problem("pain_score", "range", "must be between 0 and 10, got 11", (0, 10)))
    'pain_score: must be between 0 and 10, got 11'
    """

    path: str
    code: str
    message: str
    bounds: tuple[float, float] | None = None

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class PostlossError(Exception):
    """The root of every error postloss raises on purpose."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), self.args)


class _ProblemListError(PostlossError):
    """An error that carries every problem found, each a :class:`Problem` with its path."""

    def __init__(self, headline: str, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        lines = "\n".join(f"  - {problem}" for problem in self.problems)
        super().__init__(f"{headline} ({len(self.problems)} problem(s)):\n{lines}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.problems,))


class ContentError(PostlossError):
    """A guide content file is broken; ``problems`` lists every problem with its path."""

    def __init__(self, name: str, problems: Iterable[str]) -> None:
        self.name = name
        self.problems: tuple[str, ...] = tuple(problems)
        lines = "\n".join(f"  - {problem}" for problem in self.problems)
        super().__init__(
            f"invalid guide content in {name} ({len(self.problems)} problem(s)):\n{lines}"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.name, self.problems))


class InvalidReportError(_ProblemListError, ValueError):
    """A symptom report is invalid; ``problems`` lists every problem with its field."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        super().__init__("invalid symptom report", problems)


class InvalidAssessmentError(_ProblemListError, ValueError):
    """A stored assessment (e.g. JSON) is malformed; ``problems`` lists every problem."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        super().__init__("invalid assessment", problems)


class InvalidThresholdsError(_ProblemListError, ValueError):
    """Thresholds were set outside their documented clinical bounds."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        super().__init__("invalid thresholds", problems)


class InvalidRuleError(PostlossError, ValueError):
    """A rule is malformed, or its id clashes with another rule's."""


class PluginError(PostlossError):
    """A plugin failed to load, or gave something that is not what its group needs.

    ``name`` is the entry point's name, ``kind`` its kind (``"rules"`` or
    ``"content"``, the group ``postloss.<kind>``) and ``reason`` what went wrong; the
    original error, if any, is the ``__cause__``.

    >>> str(PluginError("acme", "rules", "cannot import 'acme_clinic'"))
    "rules plugin 'acme': cannot import 'acme_clinic'"
    """

    def __init__(self, name: str, kind: str, reason: str) -> None:
        self.name = name
        self.kind = kind
        self.reason = reason
        super().__init__(f"{kind} plugin {name!r}: {reason}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.name, self.kind, self.reason))


class ReportClassError(PostlossError, TypeError):
    """A class given where a report class is expected is not one, or a ruleset needs another."""


class RuleError(PostlossError):
    """A rule raised while assessing a report; ``rule_id`` names it.

    ``partial`` is the :class:`~postloss.Assessment` made from every rule that did
    run (the built-in rules always run), so an app can still show its urgency and
    action, e.g. "seek emergency care now", while reporting the broken rule.
    """

    def __init__(self, rule_id: str, partial: Assessment | None = None) -> None:
        self.rule_id = rule_id
        self.partial = partial
        detail = (
            "no assessment was made"
            if partial is None
            else f"the other rules give {partial.urgency.label} (see .partial)"
        )
        super().__init__(f"rule {rule_id!r} failed; {detail}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.rule_id, self.partial))


class UnknownItemError(PostlossError, LookupError):
    """No guide item has the id that was looked up."""


class UnknownLocaleError(PostlossError, LookupError):
    """No guide content is packaged for the requested locale."""


class UnknownPluginError(PluginError, LookupError):
    """No plugin of the requested kind has that name."""
