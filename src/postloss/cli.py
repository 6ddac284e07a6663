"""The ``postloss`` command (also ``python -m postloss``): a thin shell over the library.

::

    postloss guide [SECTION]          the guide, or one section or item of it
    postloss search TEXT              guide items that contain every word
    postloss assess --pain-score 7 --temperature-c 38.4 --bleeding heavy --chills
    postloss assess --input report.json [--json]     (or JSON Lines, or - for stdin)
    postloss rules                    the decision table
    postloss export {questionnaire,json-schema,jsonld,guide}
    postloss --version

``assess`` has one flag per report field, generated from :func:`postloss.report_fields`:
a yes/no field is ``--chills`` / ``--no-chills`` (absent: not asked), a choice takes
its value (``--bleeding heavy``), and ``--temperature-f`` gives the temperature in °F.
Exit status: 0 on success, 2 on bad input, with one line on standard error naming
the field; never a traceback for bad input. This module is the only one that prints.
"""

from __future__ import annotations

import argparse
import enum
import json
import math
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from typing import IO, Any, BinaryIO, NoReturn

from postloss._cli_input import MAX_REPORT_BYTES, Entry
from postloss.errors import InvalidReportError, Problem

__all__ = ["main"]

#: The unit of a field that also takes °F: ``--temperature-f`` for ``temperature_c``.
_CELSIUS = "°C"
#: Input at least this large (bytes) gets a progress bar, when standard error is a terminal.
LARGE_INPUT = 1_000_000
_EXPORTS = ("questionnaire", "json-schema", "jsonld", "guide")
_SCHEMAS = ("report", "assessment", "guide")
_TOO_LARGE = f"the report is over {MAX_REPORT_BYTES:,} bytes; refused before parsing"


class _UsageError(Exception):
    """Bad input: one line for standard error, and exit status 2."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, raised rather than printed."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: error: {message}")


# --- flags from the report's fields ------------------------------------------------------


def _flag(name: str) -> str:
    return "--" + name.replace("_", "-")


def _fahrenheit_name(name: str) -> str:
    return name.removesuffix("_c") + "_f"


def _number(kind: type, flag: str) -> Callable[[str], float]:
    """Parse a flag's number as JSON would: an integral ``7.0`` is an integer; no NaN."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            raise argparse.ArgumentTypeError(f"expected a number, got {text!r}")
        if kind is int:
            if not value.is_integer():
                raise argparse.ArgumentTypeError(f"expected an integer, got {text!r}")
            return int(value)
        return value

    parse.__name__ = f"{flag} value"
    return parse


def _describe(spec: Any) -> str:
    parts = [spec.question or spec.help]
    if spec.bounds is not None:
        low, high = spec.bounds
        parts.append(f"({low:g}–{high:g}{' ' + spec.unit if spec.unit else ''})")
    return " ".join(part for part in parts if part).replace("%", "%%")


def _add_field_flags(parser: argparse.ArgumentParser) -> tuple[Any, ...]:
    from postloss.triage import report_fields

    fields = report_fields()
    group = parser.add_argument_group("report fields (one flag each; absent = not asked)")
    for spec in fields:
        flag, help = _flag(spec.name), _describe(spec)
        common: dict[str, Any] = {"dest": spec.name, "default": argparse.SUPPRESS}
        if spec.type is bool:
            group.add_argument(flag, action=argparse.BooleanOptionalAction, help=help, **common)
        elif issubclass(spec.type, enum.Enum):
            choices = [member.value for member in spec.type]
            group.add_argument(flag, choices=choices, help=help, **common)
        elif spec.unit == _CELSIUS and spec.name.endswith("_c") and spec.bounds is not None:
            both = group.add_mutually_exclusive_group()
            both.add_argument(flag, type=_number(float, flag), metavar="C", help=help, **common)
            low, high = (value * 9 / 5 + 32 for value in spec.bounds)
            f_flag = _flag(_fahrenheit_name(spec.name))
            both.add_argument(
                f_flag,
                type=_number(float, f_flag),
                metavar="F",
                dest=_fahrenheit_name(spec.name),
                default=argparse.SUPPRESS,
                help=f"the same in °F ({low:g}–{high:g} °F), converted to °C",
            )
        elif spec.type in (int, float):
            group.add_argument(
                flag, type=_number(spec.type, flag), metavar="N", help=help, **common
            )
        else:
            group.add_argument(flag, help=help, **common)
    return fields


def _report_data(args: argparse.Namespace, fields: tuple[Any, ...]) -> dict[str, Any]:
    """The report fields given as flags, °F converted to °C (checked in °F first)."""
    given = vars(args)
    data = {spec.name: given[spec.name] for spec in fields if spec.name in given}
    for spec in fields:
        fahrenheit = _fahrenheit_name(spec.name)
        if spec.unit == _CELSIUS and fahrenheit in given:
            value = given[fahrenheit]
            low, high = (bound * 9 / 5 + 32 for bound in spec.bounds)
            if not low <= value <= high:
                raise _UsageError(
                    f"postloss assess: error: {_flag(fahrenheit)}: must be between "
                    f"{low:g} and {high:g} °F, got {value:g}"
                )
            # Rounded to 0.01 °C: 100.4 °F is 38.0 °C exactly, not 37.99999999999999.
            data[spec.name] = round((value - 32) * 5 / 9, 2)
    return data


# --- the commands --------------------------------------------------------------------------


def _width() -> int:
    return min(shutil.get_terminal_size((80, 24)).columns, 100)


def _write(text: str) -> None:
    sys.stdout.write(text)


def _guide(args: argparse.Namespace) -> int:
    from postloss._cli_render import guide_text, item_text
    from postloss.guide import load_guide

    guide = load_guide()
    if args.section is None:
        _write(guide_text(guide, width=_width()))
        return 0
    sections = {section.id: section for section in guide.sections}
    if args.section in sections:
        _write(guide_text(guide, sections[args.section], width=_width()))
        return 0
    item = guide.get(args.section)
    if item is None:
        choices = ", ".join(sections)
        raise _UsageError(
            f"postloss guide: error: SECTION: no section or item {args.section!r}; "
            f"sections: {choices}"
        )
    _write(item_text(guide, item, width=_width()))
    return 0


def _search(args: argparse.Namespace) -> int:
    from postloss._cli_render import search_text
    from postloss.guide import load_guide

    text = " ".join(args.text)
    found = load_guide().search(text)
    _write(search_text(found) if found else f"No guide item contains every word of {text!r}.\n")
    return 0


def _rules(args: argparse.Namespace) -> int:
    from postloss.interop.markdown import decision_table

    _write(decision_table())
    return 0


def _export(args: argparse.Namespace) -> int:
    from postloss.interop import json as interop_json

    if args.of is not None and args.kind != "json-schema":
        raise _UsageError("postloss export: error: --of: only for json-schema")
    document: Any
    if args.kind == "questionnaire":
        from postloss.interop.fhir import questionnaire

        document = questionnaire()
    elif args.kind == "json-schema":
        from postloss.guide import Guide
        from postloss.triage import Assessment, SymptomReport

        classes: dict[str, type] = {
            "report": SymptomReport,
            "assessment": Assessment,
            "guide": Guide,
        }
        document = interop_json.schema(classes[args.of or "report"])
    elif args.kind == "jsonld":
        from postloss.interop.schema_org import guide_jsonld

        document = guide_jsonld()
    else:
        from postloss.guide import load_guide

        _write(interop_json.dumps(load_guide(), indent=2) + "\n")
        return 0
    _write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return 0


def _problem_line(problem: Problem, where: str, *, flags: bool) -> str:
    """A problem with its field named as the user gave it: a flag, or a JSON key."""
    field = "" if problem.path in ("", "$") else _flag(problem.path) if flags else problem.path
    return ": ".join([*(part for part in (where, field) if part), problem.message])


def _error_line(error: InvalidReportError, where: str, *, flags: bool) -> str:
    """Every problem of *error* on one line, each naming its field."""
    return "; ".join(_problem_line(p, where, flags=flags) for p in error.problems)


def _refuse(
    args: argparse.Namespace, error: InvalidReportError, where: str, *, flags: bool
) -> NoReturn:
    """Bad input: the errors as JSON on standard output with ``--json``, and exit status 2."""
    if args.json:
        from postloss.interop.json import errors

        _write(json.dumps(errors(error), ensure_ascii=False) + "\n")
    raise _UsageError(f"postloss assess: error: {_error_line(error, where, flags=flags)}")


def _bad(code: str, message: str) -> InvalidReportError:
    return InvalidReportError([Problem("$", code, message)])


class _Progress:
    """A progress bar on standard error, redrawn at most ten times a second."""

    def __init__(self, total: int, stream: IO[str]) -> None:
        self.total, self.stream, self.drawn, self.width = total, stream, 0.0, 0

    def update(self, done: int, count: int, *, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.drawn < 0.1:
            return
        self.drawn = now
        share = min(done / self.total, 1.0) if self.total else 1.0
        bar = "#" * int(share * 30)
        line = f"assessing [{bar:<30}] {share:4.0%} {count:,} reports"
        self.width = max(self.width, len(line))
        self.stream.write(f"\r{line}")
        self.stream.flush()

    def close(self) -> None:
        """Clear the bar, leaving the terminal's line as it was."""
        self.stream.write("\r" + " " * self.width + "\r")
        self.stream.flush()


def _progress(stream: BinaryIO) -> _Progress | None:
    """A progress bar when standard error is a terminal and the input is large."""
    if not sys.stderr.isatty():
        return None
    try:
        size = os.fstat(stream.fileno()).st_size
    except (OSError, ValueError, AttributeError):  # a pipe, or no file descriptor at all
        return None
    return _Progress(size, sys.stderr) if size >= LARGE_INPUT else None


def _open_input(path: str) -> BinaryIO:
    if path == "-":
        return sys.stdin.buffer
    try:
        return open(path, "rb")  # closed by the caller
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise _UsageError(
            f"postloss assess: error: --input: cannot read {path!r}: {reason}"
        ) from None


def _assess_input(args: argparse.Namespace) -> int:
    from postloss._cli_input import entries
    from postloss.interop.json import loads
    from postloss.triage import SymptomReport

    stream = _open_input(args.input)
    try:
        progress = _progress(stream)
        reports = entries(stream)
        first = next(reports, None)
        if first is None:
            _refuse(args, _bad("empty", "no report: the input is empty"), "--input", flags=False)
        second = next(reports, None)
        if second is not None:
            return _assess_many(args, _chain(first, second, reports), progress)
        try:
            if first.text is None:
                raise _bad("too_large", _TOO_LARGE)
            report = loads(first.text, SymptomReport)
        except InvalidReportError as error:
            _refuse(args, error, "--input", flags=False)
        return _assess_one(args, report, flags=False)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _chain(first: Entry, second: Entry, rest: Iterator[Entry]) -> Iterator[Entry]:
    yield first
    yield second
    yield from rest


def _assess_one(args: argparse.Namespace, report: Any, *, flags: bool) -> int:
    from postloss._cli_render import assessment_text
    from postloss.interop._view import view
    from postloss.interop.json import dumps
    from postloss.triage import assess, unanswered

    assessment = assess(report)
    if args.json:
        _write(dumps(assessment) + "\n")
        return 0
    asked = tuple(_flag(name) if flags else name for name in unanswered(report))
    _write(assessment_text(view(assessment), ask_next=asked, width=_width()))
    return 0


def _assess_many(
    args: argparse.Namespace, reports: Iterator[Entry], progress: _Progress | None
) -> int:
    """One output line per report; a bad one gives its errors there too, and status 2."""
    from postloss._cli_render import assessment_line
    from postloss.interop._view import view
    from postloss.interop.json import dumps, errors, loads
    from postloss.triage import SymptomReport, assess

    status, count = 0, 0
    for entry in reports:
        count += 1
        where = f"--input line {entry.line}"
        try:
            if entry.text is None:
                raise _bad("too_large", _TOO_LARGE)
            assessment = assess(loads(entry.text, SymptomReport))
        except InvalidReportError as error:
            status = 2
            line = _error_line(error, where, flags=False)
            sys.stderr.write(f"postloss assess: error: {line}\n")
            if args.json:
                _write(json.dumps(errors(error), ensure_ascii=False) + "\n")
            else:
                _write(f"{entry.line}: NOT ASSESSED: {line.removeprefix(where + ': ')}\n")
        else:
            if args.json:
                _write(dumps(assessment) + "\n")
            else:
                _write(assessment_line(entry.line, view(assessment)) + "\n")
        if progress is not None:
            progress.update(entry.consumed, count)
    if progress is not None:
        progress.update(progress.total, count, force=True)
        progress.close()
    return status


def _assess(args: argparse.Namespace) -> int:
    from postloss.triage import SymptomReport, parse_report

    given = [name for name in vars(args) if name in args.field_names]
    if args.input is not None:
        if given:
            flags = ", ".join(_flag(name) for name in given)
            raise _UsageError(
                f"postloss assess: error: --input: not allowed with field flags ({flags})"
            )
        return _assess_input(args)
    try:
        report: SymptomReport = parse_report(_report_data(args, args.fields))
    except InvalidReportError as error:
        _refuse(args, error, "", flags=True)
    return _assess_one(args, report, flags=True)


# --- the parser ----------------------------------------------------------------------------


class _Version(argparse.Action):
    """``--version``: the package and content versions, read only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> NoReturn:
        from postloss import __version__
        from postloss.guide import load_guide

        guide = load_guide()
        _write(f"postloss {__version__} (guide content {guide.content_version}, {guide.locale})\n")
        parser.exit(0)


def _parser() -> _Parser:
    parser = _Parser(
        prog="postloss",
        description="Back pain after a miscarriage: the guide, and how urgently to seek care.",
    )
    parser.add_argument(
        "--version", action=_Version, help="show the package and guide content versions"
    )
    commands = parser.add_subparsers(title="commands", dest="command", required=True)

    guide = commands.add_parser("guide", help="show the guide, or one section or item of it")
    guide.add_argument("section", nargs="?", metavar="SECTION", help="a section or item id")
    guide.set_defaults(run=_guide)

    search = commands.add_parser("search", help="find guide items that contain every word")
    search.add_argument("text", nargs="+", metavar="TEXT")
    search.set_defaults(run=_search)

    assess = commands.add_parser(
        "assess",
        help="how urgently to seek care for a report",
        description="Assess one report given as flags, or reports read from --input.",
    )
    assess.add_argument(
        "--input",
        metavar="FILE",
        help="a JSON report, or JSON Lines (one report a line); - reads standard input",
    )
    assess.add_argument("--json", action="store_true", help="write JSON, one assessment a line")
    fields = _add_field_flags(assess)
    assess.set_defaults(
        run=_assess,
        fields=fields,
        field_names=frozenset(
            name for spec in fields for name in (spec.name, _fahrenheit_name(spec.name))
        ),
    )

    rules = commands.add_parser("rules", help="show the decision table (Markdown)")
    rules.set_defaults(run=_rules)

    export = commands.add_parser("export", help="write a document as JSON")
    export.add_argument("kind", choices=_EXPORTS)
    export.add_argument(
        "--of", choices=_SCHEMAS, help="json-schema only: which document (default: report)"
    )
    export.set_defaults(run=_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``postloss`` command with *argv* (default: ``sys.argv[1:]``); the exit status.

    >>> main(["search", "heat", "therapy"])
    heat-therapy  (Remedy)  Gentle heat therapy
    faq-relief  (FaqEntry)  How can I relieve back pain that occurs after a miscarriage?
    0
    """
    try:
        args = _parser().parse_args(argv)
        status: int = args.run(args)
        sys.stdout.flush()  # here, so that a closed pipe is caught below
    except _UsageError as error:
        sys.stderr.write(f"{error}\n")
        return 2
    except SystemExit as exit:  # --help and --version
        return exit.code if isinstance(exit.code, int) else 0
    except BrokenPipeError:  # e.g. piped into head: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    return status
