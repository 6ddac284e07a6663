"""What to do now: the report, thresholds, rules and assess(). Pure; no I/O."""
