"""Import cost of postloss as a ratio to its own dependencies, measured in one run.

Each sample starts a fresh interpreter and times only the import statement inside it;
the imports alternate so that machine noise hits all alike. The script prints the
medians and the ratios. The target, a ratio of at most 1.25 to ``import attrs, cattrs``, is
for ``from postloss import assess``: what a program that triages pays before its first call
(the package, the triage and the modules they import; the guide's TOML is read later, on
first use). ``import postloss`` alone (the errors; the rest is imported on first use) and
the full import of every submodule are shown beside it.

    python benchmarks/import_time.py [--runs N]
"""

import argparse
import compileall
import os
import statistics
import subprocess
import sys

import postloss

TIMER = "import time; t = time.perf_counter(); {stmt}; print(time.perf_counter() - t)"
BASELINE = "import attrs, cattrs"
SUBJECT = "from postloss import assess"
PACKAGE = "import postloss"
FULL = "import postloss.guide, postloss.triage"
TARGET = 1.25


#: The samples' environment: bytecode may be written and read, as in any installed package.
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def sample(statement: str) -> float:
    output = subprocess.run(
        [sys.executable, "-c", TIMER.format(stmt=statement)],
        check=True,
        env=ENV,
        capture_output=True,
        text=True,
    ).stdout
    return float(output)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=31)
    runs = parser.parse_args().runs
    samples: dict[str, list[float]] = {BASELINE: [], PACKAGE: [], SUBJECT: [], FULL: []}
    # pip compiles an installed package's bytecode, attrs' and cattrs' included; an editable
    # install (or PYTHONDONTWRITEBYTECODE) may not have it, and compiling would be timed.
    for path in postloss.__path__:
        compileall.compile_dir(path, quiet=1)
    for statement in samples:  # warm the file-system cache and write the bytecode
        sample(statement)
    for _ in range(runs):
        for statement, times in samples.items():
            times.append(sample(statement))
    medians = {statement: statistics.median(times) for statement, times in samples.items()}
    for statement, median in medians.items():
        ratio = median / medians[BASELINE]
        print(f"{statement:<40} median {median * 1000:6.2f} ms  ratio {ratio:.2f}")
    ratio = medians[SUBJECT] / medians[BASELINE]
    verdict = "PASS" if ratio <= TARGET else "MISS"
    print(f"{SUBJECT}: ratio {ratio:.2f}, target ≤ {TARGET}: {verdict}")


if __name__ == "__main__":
    main()
