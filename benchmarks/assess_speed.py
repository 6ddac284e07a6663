"""Speed of assess() as ratios to a hand-written if-chain and to rule-engine, in one run.

Three ways of applying the 20 built-in rules (default thresholds) to the same seeded mix of
reports are timed in this one process:

- ``assess``: ``postloss.assess(report)``, the whole assessment (findings with reasons,
  action, self-care, watch-for and outlook);
- ``if-chain``: a plain function of the report that mirrors every condition of the built-in
  rules and returns the ids of those that fire, the floor for any Python implementation;
- ``rule-engine``: the ``rule-engine`` package (5.1.0) evaluating the same 20 rules, written
  in its expression language, over a dict of the report's fields (enums as their values),
  collecting the ids of the rules that match. The dicts are built before timing, which
  favours rule-engine.

Before timing, the script checks that all three fire the same rule ids on every report and
that every rule fires on some report; it exits 1 if not. It then times whole passes over the
mix, alternating the three so that machine noise hits all alike, and reports the fastest
pass of each (per call) and two ratios with their targets from DESIGN.md: rule-engine /
assess at least 10, and assess / if-chain at most 20. It exits 0 whether or not a target is
met; the verdicts are in the output.

    pip install -e '.[bench]'   # or: pip install rule-engine==5.1.0
    python benchmarks/assess_speed.py [--reports N] [--seed S] [--repeat R]
"""

import argparse
import enum
import importlib
import random
import statistics
import sys
import timeit
from collections.abc import Callable, Sequence
from typing import Any

import attrs

import postloss
from postloss import Bleeding, Discharge, Management, PainTrend, SymptomReport

ENGINE_TARGET = 10.0  # rule-engine / assess, at least
CHAIN_TARGET = 20.0  # assess / if-chain, at most

# The built-in rules in rule-engine's language, with the default thresholds written in.
FEVER = "(chills or (temperature_c != null and temperature_c >= 38.0))"
SEVERE = "(pain_score != null and pain_score >= 7)"
DAYS_21 = "(days_since_loss != null and days_since_loss >= 21)"
ENGINE_RULES = {
    "heavy-bleeding": "bleeding == 'heavy'",
    "fainting-or-dizziness": "fainting_or_dizziness",
    "shoulder-tip-pain": "shoulder_tip_pain",
    "breathlessness-or-chest-pain": "breathlessness_or_chest_pain",
    "sepsis-signs": f"confusion or (rapid_heartbeat and {FEVER})",
    "self-harm-thoughts": "self_harm_thoughts",
    "severe-pain-with-complications": (
        f"{SEVERE} and ({FEVER} or discharge == 'unusual' or bleeding == 'heavy')"
    ),
    "fever-or-chills": FEVER,
    "unusual-discharge": "discharge == 'unusual'",
    "severe-pain": SEVERE,
    "increasing-pain": "pain_trend == 'worsening'",
    "pain-not-eased-by-painkillers": "pain_relieved_by_medication == false",
    "bleeding-increasing": "bleeding_increasing",
    "calf-pain-or-swelling": "calf_pain_or_swelling",
    "signs-of-infection": f"{FEVER} and (discharge == 'unusual' or pain_trend == 'worsening')",
    "persistent-pain": (
        "((pain_score != null and pain_score >= 1) or pain_trend in ['stable', 'worsening']"
        " or (pain_trend == 'improving' and pain_score == null)"
        " or pain_relieved_by_medication != null"
        f" or pain_limits_daily_activities) and {DAYS_21}"
    ),
    "pain-limits-daily-activities": "pain_limits_daily_activities",
    "prolonged-bleeding": f"bleeding in ['spotting', 'light', 'moderate', 'heavy'] and {DAYS_21}",
    "positive-pregnancy-test": f"positive_pregnancy_test and {DAYS_21}",
    "persistent-low-mood": "low_mood",
}


def load_rule_engine() -> Any:
    """The rule_engine module, or exit with how to install it.

    Imported by name rather than with an import statement: rule-engine ships no type
    information, and mypy reports it as untyped where it is installed and as missing where
    it is not (``make test`` installs only the test extra), so no single ``type: ignore``
    code is right in both places. Its API is used as ``Any`` either way.
    """
    try:
        return importlib.import_module("rule_engine")
    except ModuleNotFoundError:
        sys.exit("rule-engine is not installed: pip install rule-engine==5.1.0")


def if_chain(r: SymptomReport) -> list[str]:  # noqa: PLR0912  # the if-chain is the baseline
    """The ids of the built-in rules that fire on *r*, default thresholds, as plain ifs."""
    fired = []
    fever = r.chills or (r.temperature_c is not None and r.temperature_c >= 38.0)
    severe = r.pain_score is not None and r.pain_score >= 7
    days_21 = r.days_since_loss is not None and r.days_since_loss >= 21
    if r.bleeding is Bleeding.HEAVY:
        fired.append("heavy-bleeding")
    if r.fainting_or_dizziness:
        fired.append("fainting-or-dizziness")
    if r.shoulder_tip_pain:
        fired.append("shoulder-tip-pain")
    if r.breathlessness_or_chest_pain:
        fired.append("breathlessness-or-chest-pain")
    if r.confusion or (r.rapid_heartbeat and fever):
        fired.append("sepsis-signs")
    if r.self_harm_thoughts:
        fired.append("self-harm-thoughts")
    if severe and (fever or r.discharge is Discharge.UNUSUAL or r.bleeding is Bleeding.HEAVY):
        fired.append("severe-pain-with-complications")
    if fever:
        fired.append("fever-or-chills")
    if r.discharge is Discharge.UNUSUAL:
        fired.append("unusual-discharge")
    if severe:
        fired.append("severe-pain")
    if r.pain_trend is PainTrend.WORSENING:
        fired.append("increasing-pain")
    if r.pain_relieved_by_medication is False:
        fired.append("pain-not-eased-by-painkillers")
    if r.bleeding_increasing:
        fired.append("bleeding-increasing")
    if r.calf_pain_or_swelling:
        fired.append("calf-pain-or-swelling")
    if fever and (r.discharge is Discharge.UNUSUAL or r.pain_trend is PainTrend.WORSENING):
        fired.append("signs-of-infection")
    in_pain = (
        (r.pain_score is not None and r.pain_score >= 1)
        or r.pain_trend is PainTrend.STABLE
        or r.pain_trend is PainTrend.WORSENING
        or (r.pain_trend is PainTrend.IMPROVING and r.pain_score is None)
        or r.pain_relieved_by_medication is not None
        or r.pain_limits_daily_activities
    )
    if in_pain and days_21:
        fired.append("persistent-pain")
    if r.pain_limits_daily_activities:
        fired.append("pain-limits-daily-activities")
    if r.bleeding is not None and r.bleeding is not Bleeding.NONE and days_21:
        fired.append("prolonged-bleeding")
    if r.positive_pregnancy_test and days_21:
        fired.append("positive-pregnancy-test")
    if r.low_mood:
        fired.append("persistent-low-mood")
    return fired


def as_dict(report: SymptomReport) -> dict[str, Any]:
    """The report's fields by name, enums as their string values, for rule-engine."""
    return {
        name: value.value if isinstance(value, enum.Enum) else value
        for name, value in attrs.asdict(report).items()
    }


def random_report(rng: random.Random) -> SymptomReport:
    """A report, benign one time in two; otherwise with one to four red-flag inputs."""
    report = SymptomReport(
        days_since_loss=rng.choice([None, rng.randint(0, 20)]),
        weeks_pregnant=rng.choice([None, rng.randint(4, 20)]),
        management=rng.choice([None, *Management]),
        pain_score=rng.choice([None, 0, rng.randint(1, 4)]),
        pain_trend=rng.choice([None, PainTrend.IMPROVING]),
        pain_relieved_by_medication=rng.choice([None, True]),
        temperature_c=rng.choice([None, round(rng.uniform(36.0, 37.9), 1)]),
        discharge=rng.choice([None, Discharge.NORMAL]),
        bleeding=rng.choice([None, Bleeding.NONE, Bleeding.SPOTTING, Bleeding.LIGHT]),
    )
    if rng.random() < 1 / 2:
        return report
    # Values at and either side of each threshold, so that the equivalence check bites there.
    worse: dict[str, Sequence[Any]] = {
        "days_since_loss": [20, 21, 22, 60],
        "pain_score": [6, 7, 8, 10],
        "pain_trend": [PainTrend.STABLE, PainTrend.WORSENING],
        "pain_relieved_by_medication": [False],
        "pain_limits_daily_activities": [True],
        "temperature_c": [37.9, 38.0, 38.1, 39.5],
        "discharge": [Discharge.UNUSUAL],
        "bleeding": [Bleeding.MODERATE, Bleeding.HEAVY],
        **{
            flag: [True]
            for flag in (
                "chills",
                "bleeding_increasing",
                "fainting_or_dizziness",
                "shoulder_tip_pain",
                "breathlessness_or_chest_pain",
                "calf_pain_or_swelling",
                "confusion",
                "rapid_heartbeat",
                "self_harm_thoughts",
                "positive_pregnancy_test",
                "low_mood",
            )
        },
    }
    # Weeks rather than days after the loss, half the time, for the rules that count days.
    report = attrs.evolve(report, days_since_loss=rng.choice([None, rng.randint(0, 60)]))
    fields = rng.sample(sorted(worse), rng.randint(1, 4))
    return attrs.evolve(report, **{field: rng.choice(worse[field]) for field in fields})


def check_agreement(
    reports: Sequence[SymptomReport], engine_rules: dict[str, Any], rule_ids: Sequence[str]
) -> None:
    """Exit 1 unless the three approaches fire the same ids on every report."""
    disagreements = 0
    fired_somewhere: set[str] = set()
    for report in reports:
        by_assess = {finding.rule_id for finding in postloss.assess(report).findings}
        by_chain = set(if_chain(report))
        data = as_dict(report)
        by_engine = {rule_id for rule_id, rule in engine_rules.items() if rule.matches(data)}
        fired_somewhere |= by_assess
        if not by_assess == by_chain == by_engine:
            disagreements += 1
            print(f"disagreement on {report!r}:", file=sys.stderr)
            print(f"  assess      {sorted(by_assess)}", file=sys.stderr)
            print(f"  if-chain    {sorted(by_chain)}", file=sys.stderr)
            print(f"  rule-engine {sorted(by_engine)}", file=sys.stderr)
    if disagreements:
        sys.exit(f"the approaches disagree on {disagreements} of {len(reports)} reports")
    if never := sorted(set(rule_ids) - fired_somewhere):
        sys.exit(f"these rules fire on no report of the mix, so are not compared: {never}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=200, help="reports in the mix")
    parser.add_argument("--seed", type=int, default=0, help="seed of random.Random")
    parser.add_argument("--repeat", type=int, default=7, help="timed passes of each approach")
    args = parser.parse_args()

    rule_engine = load_rule_engine()
    rule_ids = [candidate.id for candidate in postloss.default_rules().rules]
    if sorted(rule_ids) != sorted(ENGINE_RULES):
        sys.exit(f"the built-in rules changed; update this script: {rule_ids}")
    engine_rules = {rule_id: rule_engine.Rule(ENGINE_RULES[rule_id]) for rule_id in rule_ids}

    rng = random.Random(args.seed)
    reports = [random_report(rng) for _ in range(args.reports)]
    dicts = [as_dict(report) for report in reports]
    check_agreement(reports, engine_rules, rule_ids)
    quiet = sum(not postloss.assess(report).findings for report in reports)
    print(
        f"{len(reports)} reports (seed {args.seed}), {quiet} with no rule firing; "
        "assess, if-chain and rule-engine agree on every one"
    )

    assess = postloss.assess

    def run_assess() -> None:
        for report in reports:
            assess(report)

    def run_chain() -> None:
        for report in reports:
            if_chain(report)

    def run_engine() -> None:
        for data in dicts:
            [rule_id for rule_id, rule in engine_rules.items() if rule.matches(data)]

    runs: dict[str, Callable[[], None]] = {
        "if-chain": run_chain,
        "assess": run_assess,
        "rule-engine": run_engine,
    }
    # Passes per sample, as timeit's autorange chooses them (at least 0.2 s a sample).
    timers = {name: timeit.Timer(run) for name, run in runs.items()}
    numbers = {name: timer.autorange()[0] for name, timer in timers.items()}
    samples: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.repeat):
        for name, timer in timers.items():
            calls = numbers[name] * len(reports)
            samples[name].append(timer.timeit(numbers[name]) / calls)

    best = {name: min(times) for name, times in samples.items()}
    for name, times in samples.items():
        median = statistics.median(times)
        print(
            f"{name:<12} best {best[name] * 1e6:9.2f} µs/call  median {median * 1e6:9.2f} µs/call"
            f"  ({args.repeat} × {numbers[name]} passes)"
        )
    engine_ratio = best["rule-engine"] / best["assess"]
    chain_ratio = best["assess"] / best["if-chain"]
    verdict = "met" if engine_ratio >= ENGINE_TARGET else "MISSED"
    print(f"rule-engine / assess: {engine_ratio:.1f}, target ≥ {ENGINE_TARGET:g}: {verdict}")
    verdict = "met" if chain_ratio <= CHAIN_TARGET else "MISSED"
    print(f"assess / if-chain:    {chain_ratio:.1f}, target ≤ {CHAIN_TARGET:g}: {verdict}")


if __name__ == "__main__":
    main()
