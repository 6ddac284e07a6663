"""docs/safety.md names only tests that exist."""

import re
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_every_test_named_in_the_hazard_log_exists() -> None:
    log = (ROOT / "docs" / "safety.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(test_\w+)`", log))
    defined = {
        name
        for path in (ROOT / "tests").rglob("test_*.py")
        for name in re.findall(r"^def (test_\w+)", path.read_text(encoding="utf-8"), re.M)
    }
    assert len(named) > 20
    assert named - defined == set()


def test_every_hazard_has_controls_and_tests() -> None:
    log = (ROOT / "docs" / "safety.md").read_text(encoding="utf-8")
    rows = [line for line in log.splitlines() if line.startswith("| H")]
    assert rows
    for row in rows:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        assert len(cells) == 4, row
        assert all(cells), row
        assert "`test_" in cells[3], row
