"""The ``postloss`` command, run from the installed package, and in-process for detail.

Run as ``python -m postloss`` and as the ``postloss`` script beside the interpreter.
"""

import contextlib
import doctest
import io
import json
import os
import pty
import re
import select
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import postloss
from postloss import Assessment, Bleeding, SymptomReport, assess, load_guide, report_fields
from postloss.cli import main
from postloss.guide import Guide, RedFlag
from postloss.interop import json as interop_json
from postloss.interop.markdown import decision_table
from postloss.interop.schema_org import guide_jsonld
from tests.strategies import reports

SCRIPT = Path(sys.executable).with_name("postloss")
ENV = {**os.environ, "COLUMNS": "100", "PYTHONIOENCODING": "utf-8"}
ENV.pop("PYTHONPATH", None)


def run(
    *args: str, stdin: bytes | str = b"", script: bool = False, stderr: int = subprocess.PIPE
) -> subprocess.CompletedProcess[str]:
    """Run the installed command, as a module or as the script, outside the source tree."""
    command = [str(SCRIPT)] if script else [sys.executable, "-m", "postloss"]
    data = stdin.encode() if isinstance(stdin, str) else stdin
    done = subprocess.run(
        [*command, *args],
        input=data,
        stdout=subprocess.PIPE,
        stderr=stderr,
        cwd=Path(__file__).parent.parent / "docs",  # not a directory with a postloss package
        env=ENV,
        check=False,
        timeout=60,
    )
    return subprocess.CompletedProcess(
        done.args,
        done.returncode,
        done.stdout.decode("utf-8"),
        done.stderr.decode("utf-8") if done.stderr is not None else "",
    )


def call(*args: str, stdin: str = "") -> tuple[int, str, str]:
    """Run ``main(args)`` in this process: its status, standard output and error."""
    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode()), encoding="utf-8")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(list(args))
    finally:
        sys.stdin = old_stdin
    return status, out.getvalue(), err.getvalue()


def flat(text: str) -> str:
    return " ".join(text.split())


def refused(status: int, err: str, *names: str) -> None:
    """Bad input: status 2 and one line on standard error naming each of *names*."""
    assert status == 2, err
    assert err.endswith("\n"), err
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    for name in names:
        assert name in err, (name, err)


# --- every command from the installed package --------------------------------------------


@pytest.mark.parametrize("script", [False, True], ids=["python -m postloss", "postloss script"])
def test_version_names_the_package_and_content_versions(script: bool) -> None:
    assert SCRIPT.exists()
    done = run("--version", script=script)
    assert done.returncode == 0, done.stderr
    assert postloss.__version__ in done.stdout
    assert load_guide().content_version in done.stdout


def test_guide_shows_every_section_and_item() -> None:
    done = run("guide")
    assert done.returncode == 0, done.stderr
    text, guide = flat(done.stdout), load_guide()
    for section in guide.sections:
        assert section.title in text
    items: list[Any] = [*guide.causes, *guide.remedies, *guide.red_flags]
    for item in [*items, *guide.expected_recovery, *guide.emotional_support]:
        assert flat(item.title) in text
        assert flat(item.text) in text
    assert flat(guide.disclaimer) in text


def test_guide_section_shows_its_items_only() -> None:
    guide = load_guide()
    done = run("guide", "faq", script=True)
    assert done.returncode == 0, done.stderr
    text = flat(done.stdout)
    for entry in guide.faq:
        assert entry.question in text
        assert entry.answer in text
    assert guide.red_flags[0].text not in text


def test_guide_item_shows_it() -> None:
    flag = load_guide().lookup("heavy-bleeding", RedFlag)
    status, out, _ = call("guide", flag.id)
    assert status == 0
    assert flag.title in out
    assert flat(flag.text) in flat(out)
    assert flag.floor.label in out


def test_guide_unknown_section_is_refused() -> None:
    done = run("guide", "no-such-section")
    refused(done.returncode, done.stderr, "SECTION", "no-such-section", "red-flags")
    assert done.stdout == ""


def test_search_lists_the_guides_hits_in_its_order() -> None:
    done = run("search", "back", "pain")
    assert done.returncode == 0, done.stderr
    ids = [line.split()[0] for line in done.stdout.splitlines()]
    assert ids == [item.id for item in load_guide().search("back pain")]
    assert ids


def test_search_without_a_hit_says_so() -> None:
    status, out, _ = call("search", "zzzzzz")
    assert status == 0
    assert "zzzzzz" in out


def test_assess_with_the_design_example_reads_urgency_then_action_then_why() -> None:
    done = run("assess", "--pain-score", "7", "--temperature-c", "38.4", "--bleeding", "heavy")
    assert done.returncode == 0, done.stderr
    expected = assess(SymptomReport(pain_score=7, temperature_c=38.4, bleeding=Bleeding.HEAVY))
    guide = load_guide()
    text = flat(done.stdout)
    assert done.stdout.startswith("EMERGENCY: ")
    action = flat(guide.action_for(expected.urgency).text)
    assert text.index(action) < text.index("Why:")
    for finding in expected.findings:
        assert text.index("Why:") < text.index(flat(finding.reason))


def test_assess_json_is_the_interop_json_of_the_assessment() -> None:
    done = run("assess", "--temperature-c", "38.4", "--chills", "--json", script=True)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["urgency"] == "urgent"
    expected = assess(SymptomReport(temperature_c=38.4, chills=True))
    assert interop_json.loads(done.stdout, Assessment) == expected


def test_assess_reads_a_json_report_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "report.json"
    path.write_text(json.dumps({"bleeding": "heavy", "days_since_loss": 3}, indent=2))
    done = run("assess", "--input", str(path), "--json")
    assert done.returncode == 0, done.stderr
    expected = assess(SymptomReport(bleeding=Bleeding.HEAVY, days_since_loss=3))
    assert interop_json.loads(done.stdout, Assessment) == expected


def test_assess_reads_json_lines_from_stdin_one_assessment_a_line() -> None:
    lines = [{"pain_score": 2}, {"chills": True}, {"bleeding": "heavy"}]
    done = run("assess", "--input", "-", "--json", stdin="\n".join(map(json.dumps, lines)))
    assert done.returncode == 0, done.stderr
    out = done.stdout.splitlines()
    assert [interop_json.loads(line, Assessment) for line in out] == [
        assess(postloss.parse_report(data)) for data in lines
    ]


def test_rules_prints_the_decision_table() -> None:
    done = run("rules")
    assert done.returncode == 0, done.stderr
    assert done.stdout == decision_table()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["json-schema"], lambda: interop_json.schema(SymptomReport)),
        (["json-schema", "--of", "assessment"], lambda: interop_json.schema(Assessment)),
        (["jsonld"], guide_jsonld),
    ],
)
def test_export_writes_the_document(args: list[str], expected: Any) -> None:
    done = run("export", *args)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == expected()


def test_export_questionnaire_writes_the_fhir_questionnaire() -> None:
    from fhir.resources.R4B.questionnaire import Questionnaire

    from postloss.interop.fhir import questionnaire

    done = run("export", "questionnaire", script=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == questionnaire()
    Questionnaire.model_validate(json.loads(done.stdout))  # valid FHIR


def test_export_guide_writes_the_guide_as_json() -> None:
    done = run("export", "guide")
    assert done.returncode == 0, done.stderr
    assert interop_json.loads(done.stdout, Guide) == load_guide()


def test_export_of_is_only_for_json_schema() -> None:
    refused(*call("export", "jsonld", "--of", "assessment")[::2], "--of")


def test_no_command_is_refused_in_one_line() -> None:
    done = run()
    refused(done.returncode, done.stderr, "command")


def test_import_postloss_imports_neither_the_command_nor_interop() -> None:
    code = (
        "import sys, postloss; postloss.assess; "
        "print([m for m in sys.modules if m.startswith("
        "('postloss.cli', 'postloss._cli', 'postloss.interop', 'argparse'))])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=ENV
    )
    assert done.stdout.strip() == "[]"


# --- one flag per report field ---------------------------------------------------------


def argv(report: SymptomReport) -> list[str]:
    """The flags that give *report*: absent for None, --x / --no-x for yes/no fields."""
    args = []
    for spec in report_fields():
        value = getattr(report, spec.name)
        flag = "--" + spec.name.replace("_", "-")
        if value is None:
            continue
        if value is True or value is False:
            args.append(flag if value else "--no-" + flag[2:])
        else:
            args += [flag, str(getattr(value, "value", value))]
    return args


def test_help_lists_a_flag_for_every_report_field() -> None:
    done = run("assess", "--help")
    assert done.returncode == 0
    for spec in report_fields():
        flag = "--" + spec.name.replace("_", "-")
        assert re.search(rf"{flag}\b", done.stdout), flag
        if spec.type is bool:
            assert f"--no-{flag[2:]}" in done.stdout
    assert "--temperature-f" in done.stdout


@given(report=reports())
def test_flags_give_the_same_assessment_as_the_report(report: SymptomReport) -> None:
    status, out, err = call("assess", *argv(report), "--json")
    assert status == 0, err
    assert interop_json.loads(out, Assessment) == assess(report)


def test_a_yes_no_flag_absent_is_not_asked_and_no_is_false() -> None:
    for args, expected in [([], None), (["--chills"], True), (["--no-chills"], False)]:
        status, out, _ = call("assess", "--pain-score", "3", *args, "--json")
        assert status == 0
        report = SymptomReport(pain_score=3, chills=expected)
        assert interop_json.loads(out, Assessment) == assess(report)


def test_not_asked_questions_are_named_as_flags() -> None:
    status, out, _ = call("assess", "--pain-score", "3")
    assert status == 0
    first = postloss.unanswered(SymptomReport(pain_score=3))[0]
    assert "--" + first.replace("_", "-") in out


@given(fahrenheit=st.floats(86, 113))
def test_fahrenheit_is_converted_to_celsius_within_a_hundredth(fahrenheit: float) -> None:
    status, out, err = call("assess", "--temperature-f", repr(fahrenheit), "--json")
    assert status == 0, err
    data = json.loads(out)
    exact = (fahrenheit - 32) * 5 / 9
    celsius = [f for f in data["findings"] if "temperature_c" in f["facts"]]
    for finding in celsius:
        assert abs(finding["facts"]["temperature_c"] - exact) <= 0.005


def test_fahrenheit_on_the_fever_line_is_a_fever() -> None:
    status, out, _ = call("assess", "--temperature-f", "100.4", "--json")
    assert status == 0
    assert json.loads(out)["urgency"] == "urgent"
    assert interop_json.loads(out, Assessment) == assess(SymptomReport(temperature_c=38.0))


# --- bad input: exit 2, one line naming the field, never a traceback ----------------------


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["--pain-score", "11"], ["--pain-score", "10"]),
        (["--pain-score", "7.5"], ["--pain-score"]),
        (["--pain-score", "seven"], ["--pain-score"]),
        (["--temperature-c", "nan"], ["--temperature-c"]),
        (["--temperature-c", "inf"], ["--temperature-c"]),
        (["--temperature-c", "101"], ["--temperature-c", "Fahrenheit"]),
        (["--temperature-f", "200"], ["--temperature-f", "°F"]),
        (["--temperature-f", "100", "--temperature-c", "38"], ["--temperature-c"]),
        (["--bleeding", "lots"], ["--bleeding", "heavy"]),
        (["--chills", "yes"], ["yes"]),
        (["--pain-score", "11", "--heart-rate-bpm", "300"], ["--pain-score", "--heart-rate-bpm"]),
        (["--input", "-", "--pain-score", "3"], ["--input", "--pain-score"]),
        (["--input", "/no/such/file.json"], ["--input", "/no/such/file.json"]),
        (["--no-such-flag"], ["--no-such-flag"]),
    ],
)
def test_bad_flags_are_refused_in_one_line(args: list[str], names: list[str]) -> None:
    status, out, err = call("assess", *args)
    refused(status, err, *names)
    assert out == ""


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ('{"pain_score": 11}', ["pain_score", "10"]),
        ('{"pain_score": true}', ["pain_score"]),
        ('{"pain_score": "7"}', ["pain_score"]),
        ('{"temperature_c": NaN}', ["--input", "NaN"]),
        ('{"colour": "red"}', ["colour"]),
        ('{"bleeding": "lots"}', ["bleeding"]),
        ('{"pain_score": 3, "pain_score": 4}', ["pain_score"]),
        ("[1, 2]", ["--input", "object"]),
        ('{"pain_score": ', ["--input", "JSON"]),
        ("{\n  'pain_score': 3\n}", ["--input", "JSON"]),
        ("", ["--input", "empty"]),
        ("\n\n", ["--input", "empty"]),
    ],
)
def test_bad_json_input_is_refused_in_one_line(text: str, names: list[str]) -> None:
    status, out, err = call("assess", "--input", "-", stdin=text)
    refused(status, err, *names)
    assert out == ""


def test_bad_input_as_a_subprocess_shows_no_traceback() -> None:
    for args, stdin in [(["--pain-score", "11"], b""), (["--input", "-"], b"\xff\xfe{")]:
        done = run("assess", *args, stdin=stdin)
        refused(done.returncode, done.stderr, "--")
        assert done.stdout == ""


def test_bad_input_with_json_writes_the_errors_as_json() -> None:
    status, out, err = call("assess", "--pain-score", "11", "--bleeding", "heavy", "--json")
    refused(status, err, "--pain-score")
    assert json.loads(out) == {
        "errors": [
            {"field": "pain_score", "code": "range", "message": "must be between 0 and 10, got 11"}
        ]
    }


def test_a_report_over_1_mb_is_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def parse(*args: object) -> None:
        raise AssertionError("parsed")

    monkeypatch.setattr(interop_json, "loads", parse)
    big = json.dumps({"pain_score": 3, "x": "a" * 1_000_000})
    for text in (big, big.replace(", ", ",\n")):  # one line, or a pretty document
        status, _out, err = call("assess", "--input", "-", stdin=text)
        refused(status, err, "--input", "1,000,000 bytes")
    padded = json.dumps({"pain_score": 3}) + " " * 1_000_000
    refused(*call("assess", "--input", "-", stdin=padded)[::2], "1,000,000 bytes")


def test_a_report_of_exactly_1_mb_is_read() -> None:
    text = '{"pain_score": 3' + " " * (1_000_000 - 17) + "}"
    assert len(text.encode()) == 1_000_000
    status, out, err = call("assess", "--input", "-", "--json", stdin=text)
    assert status == 0, err
    assert json.loads(out)["urgency"] == "self_care"


def test_json_lines_keep_one_output_line_per_report_and_flag_the_bad_ones() -> None:
    lines = ['{"pain_score": 2}', '{"pain_score": 11}', "", '{"bleeding": "heavy"}', "oops"]
    big = '{"x": "' + "a" * 1_000_001 + '"}'
    stdin = "\n".join([*lines, big]) + "\n"
    status, out, err = call("assess", "--input", "-", stdin=stdin)
    assert status == 2
    rows = out.splitlines()
    assert [row.split(":")[0] for row in rows] == ["1", "2", "4", "5", "6"]
    assert rows[0].startswith("1: SELF_CARE")
    assert rows[2].startswith("4: EMERGENCY")
    assert "pain_score" in rows[1]
    assert "JSON" in rows[3]
    assert "1,000,000" in rows[4]
    problems = err.splitlines()
    assert len(problems) == 3
    assert "--input line 2: pain_score" in problems[0]
    assert "--input line 5" in problems[1]
    status, out, err = call("assess", "--input", "-", "--json", stdin=stdin)
    assert status == 2
    rows = out.splitlines()
    assert len(rows) == 5
    assert json.loads(rows[1])["errors"][0]["field"] == "pain_score"
    assert interop_json.loads(rows[2], Assessment).urgency.label == "emergency"
    assert "Traceback" not in err


# --- the progress bar: on a terminal, for a large input, on standard error only ------------


def run_with_terminal_stderr(path: Path) -> tuple[subprocess.CompletedProcess[str], str]:
    controller, terminal = pty.openpty()
    try:
        done = run("assess", "--input", str(path), "--json", stderr=terminal)
    finally:
        os.close(terminal)
    shown = b""
    while select.select([controller], [], [], 0.5)[0]:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal is closed: everything was read
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    return done, shown.decode("utf-8", "replace")


def write_reports(path: Path, count: int, padding: int) -> None:
    line = '{"pain_score": 3,' + " " * padding + '"chills": false}\n'
    path.write_text(line * count)


def test_a_large_input_shows_progress_on_a_terminal(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    write_reports(path, 250, 4_000)  # 1 MB in 250 reports
    done, shown = run_with_terminal_stderr(path)
    assert done.returncode == 0
    assert "assessing [" in shown
    assert "100%" in shown
    assert "250 reports" in shown
    assert len(done.stdout.splitlines()) == 250  # standard output carries only the results
    assert "assessing" not in done.stdout


def test_no_progress_when_stderr_is_not_a_terminal_or_the_input_is_small(tmp_path: Path) -> None:
    large, small = tmp_path / "large.jsonl", tmp_path / "small.jsonl"
    write_reports(large, 250, 4_000)
    write_reports(small, 20, 0)
    done = run("assess", "--input", str(large), "--json")
    assert done.returncode == 0
    assert done.stderr == ""
    done, shown = run_with_terminal_stderr(small)
    assert done.returncode == 0
    assert shown == ""


# --- the documented commands print what the docs show --------------------------------------

ROOT = Path(__file__).parent.parent


def documented(path: Path, heading: str) -> list[tuple[str, str]]:
    """Each ``$ command`` of the console blocks under *heading*, with the output shown."""
    text = path.read_text(encoding="utf-8")
    section = text[text.index(heading) :]
    section = section[: section.find("\n## ", 1) if "\n## " in section[1:] else None]
    found = []
    for block in re.findall(r"```console\n(.*?)```", section, re.DOTALL):
        for chunk in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            command, _, shown = chunk.partition("\n")
            found.append((command, shown))
    return found


def run_documented(command: str) -> tuple[int, str]:
    """Run a documented command line (``printf '…' | postloss …`` too) in this process.

    The status, and standard output followed by standard error. (Each command is also
    run from the installed package by the tests above.)
    """
    stdin = ""
    if " | " in command:
        feed, command = command.split(" | ")
        program, text = shlex.split(feed)
        assert program == "printf"
        stdin = text.encode().decode("unicode_escape")
    program, *args = shlex.split(command)
    assert program == "postloss"
    status, out, err = call(*args, stdin=stdin)
    return status, out + err


DOCUMENTED = [
    *documented(ROOT / "docs" / "interop.md", "## The command line"),
    *documented(ROOT / "README.md", "## Command line"),
]


@pytest.mark.parametrize(("command", "shown"), DOCUMENTED, ids=[c for c, _ in DOCUMENTED])
def test_the_documented_commands_print_what_the_docs_show(command: str, shown: str) -> None:
    status, output = run_documented(command)
    assert status == (2 if "error:" in shown else 0), output
    checker = doctest.OutputChecker()
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    assert checker.check_output(shown, output, flags), (
        f"{command}\n--- shown:\n{shown}\n--- got:\n{output}"
    )


def test_the_docs_show_every_command() -> None:
    commands = {shlex.split(c.split(" | ")[-1])[1] for c, _ in DOCUMENTED}
    assert {"guide", "search", "assess", "rules", "export", "--version"} <= commands


def test_help_exits_zero() -> None:
    assert call("--help")[0] == 0
    assert call("assess", "--help")[0] == 0
