"""Import cost of postloss as a ratio to its own dependencies, measured in one run.

Each sample starts a fresh interpreter and times only the import statement inside it;
the imports alternate so that machine noise hits all alike. The script prints the
medians and the ratios. The target, a ratio of at most 1.25, is for ``import postloss``;
the full import (every submodule, as the first use of the API pays) is shown beside it.

    python benchmarks/import_time.py [--runs N]
"""

import argparse
import statistics
import subprocess
import sys

TIMER = "import time; t = time.perf_counter(); {stmt}; print(time.perf_counter() - t)"
BASELINE = "import attrs, cattrs"
SUBJECT = "import postloss"
FULL = "import postloss.guide, postloss.triage"
TARGET = 1.25


def sample(statement: str) -> float:
    output = subprocess.run(
        [sys.executable, "-c", TIMER.format(stmt=statement)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return float(output)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=31)
    runs = parser.parse_args().runs
    sample(SUBJECT)  # warm the file-system cache and write the bytecode
    samples: dict[str, list[float]] = {BASELINE: [], SUBJECT: [], FULL: []}
    for _ in range(runs):
        for statement, times in samples.items():
            times.append(sample(statement))
    medians = {statement: statistics.median(times) for statement, times in samples.items()}
    for statement, median in medians.items():
        ratio = median / medians[BASELINE]
        print(f"{statement:<40} median {median * 1000:6.2f} ms  ratio {ratio:.2f}")
    ratio = medians[SUBJECT] / medians[BASELINE]
    verdict = "met" if ratio <= TARGET else "MISSED"
    print(f"import postloss: ratio {ratio:.2f}, target ≤ {TARGET}: {verdict}")


if __name__ == "__main__":
    main()
