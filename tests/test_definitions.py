"""The definitions made when postloss is imported, checked by one test that mutmut can use.

The report's fields, the thresholds and the built-in table are built while the package is
imported. mutmut (``make mutation``) gives the code that runs then to the first test of the
run only, so this file comes first in ``[tool.mutmut]`` and its one test runs, inline, every
plain test of the modules that check those definitions: the fields' descriptions, the
thresholds and their bounds, the table against CLINICAL.md and as compiled, the vignettes
and the boundaries. In an ordinary run it repeats them, in about a second.
"""

import importlib
import inspect
from collections.abc import Callable, Iterator
from typing import Any

from _pytest.mark.structures import ParameterSet

#: The test modules whose plain tests check what is defined at import.
MODULES = (
    "tests.test_report_fields",
    "tests.test_triage_api",
    "tests.test_rules",
    "tests.test_intake_errors",
    "tests.test_rules_table",
    "tests.test_compile",
    "tests.test_clinical_content",
    "tests.test_vignettes",
    "tests.test_boundaries",
)


def plain_tests(module_name: str) -> Iterator[tuple[str, Callable[..., Any], dict[str, Any]]]:
    """Each test of a module with each of its parameter sets; no fixtures, no hypothesis."""
    module = importlib.import_module(module_name)
    for name, test in vars(module).items():
        if not (name.startswith("test_") and inspect.isfunction(test)):
            continue
        if getattr(test, "is_hypothesis_test", False):
            continue
        marks = getattr(test, "pytestmark", [])
        if any(mark.name == "skipif" and mark.args[0] for mark in marks):
            continue
        calls: list[dict[str, Any]] = [{}]
        for mark in marks:
            if mark.name != "parametrize":
                continue
            names = mark.args[0]
            names = [n.strip() for n in names.split(",")] if isinstance(names, str) else names
            rows = [dict(zip(names, _values(v, len(names)), strict=True)) for v in mark.args[1]]
            calls = [{**call, **row} for call in calls for row in rows]
        if set(inspect.signature(test).parameters) - set(calls[0]):
            continue  # needs a fixture
        for arguments in calls:
            yield name, test, arguments


def _values(value: Any, count: int) -> tuple[Any, ...]:
    if isinstance(value, ParameterSet):
        return tuple(value.values)
    return (value,) if count == 1 else tuple(value)


def test_what_is_defined_at_import_holds() -> None:
    ran = 0
    for module_name in MODULES:
        for name, test, arguments in plain_tests(module_name):
            try:
                test(**arguments)
            except Exception as error:
                raise AssertionError(f"{module_name}.{name}({arguments!r})") from error
            ran += 1
    assert ran > 300  # the vignettes and boundaries alone are hundreds
