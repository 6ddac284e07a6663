"""The curated public surface: every exported name imports and is documented."""

import importlib
import subprocess
import sys

import pytest

import postloss
import postloss.triage

MODULES = [
    "postloss",
    "postloss.cli",
    "postloss.errors",
    "postloss.guide",
    "postloss.interop.cds_hooks",
    "postloss.interop.markdown",
    "postloss.interop.schema_org",
    "postloss.plugins",
    "postloss.triage",
]


@pytest.mark.parametrize("module_name", MODULES)
def test_all_is_sorted_and_every_name_is_documented(module_name: str) -> None:
    module = importlib.import_module(module_name)
    assert module.__doc__
    assert list(module.__all__) == sorted(module.__all__)
    for name in module.__all__:
        value = getattr(module, name)
        if name != "__version__" and callable(value):
            assert value.__doc__, f"{module_name}.{name} has no docstring"


def test_error_hierarchy() -> None:
    for name in ("InvalidReportError", "InvalidThresholdsError", "InvalidRuleError"):
        assert issubclass(getattr(postloss, name), postloss.PostlossError)
        assert issubclass(getattr(postloss, name), ValueError)
    for name in ("UnknownItemError", "UnknownLocaleError", "UnknownPluginError"):
        assert issubclass(getattr(postloss, name), LookupError)
        assert issubclass(getattr(postloss, name), postloss.PostlossError)


def test_every_lazily_imported_name_is_public_and_resolves() -> None:
    eager = {name for name in postloss.__all__ if name not in postloss._LAZY}
    assert all(name[0] == "_" or name.endswith("Error") or name == "Problem" for name in eager)
    for name in postloss._LAZY:
        assert name in postloss.__all__
        assert name in dir(postloss)
        assert getattr(postloss, name).__module__.startswith("postloss")


@pytest.mark.parametrize("module", [postloss, postloss.triage])
def test_unknown_attribute_is_an_attribute_error(module: object) -> None:
    name = getattr(module, "__name__", "")
    with pytest.raises(AttributeError, match=f"module '{name}' has no attribute 'no_such_name'"):
        module.no_such_name  # type: ignore[attr-defined]  # noqa: B018


def test_a_lazily_imported_triage_name_is_the_one_its_module_defines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import postloss.triage._unanswered as defining

    monkeypatch.delitem(vars(postloss.triage), "unanswered", raising=False)  # as if not yet read
    assert postloss.triage.unanswered is defining.unanswered
    assert vars(postloss.triage)["unanswered"] is defining.unanswered  # kept for the next look-up


def test_importing_assess_leaves_the_guide_and_cattrs_for_first_use() -> None:
    """What ``from postloss import assess`` pays: not the guide's models, not cattrs."""
    probe = (
        "import sys; from postloss import assess; "
        "print(sorted(m for m in sys.modules if m.startswith(('postloss.guide', 'cattrs'))))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    ).stdout
    assert loaded.strip() == "[]"
