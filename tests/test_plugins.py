"""postloss.plugins: entry-point plugins, listed without importing and loaded on request."""

import os
import pickle
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import postloss
import postloss.plugins
from postloss import (
    Bleeding,
    PluginError,
    Rule,
    SymptomReport,
    UnknownPluginError,
    Urgency,
    assess,
    default_rules,
)
from postloss.guide import FaqEntry, RedFlag
from postloss.plugins import PluginKind, available

FIXTURES = Path(__file__).parent / "fixtures" / "plugins"
RULES, CONTENT = PluginKind.RULES, PluginKind.CONTENT

Install = Callable[..., None]


@pytest.fixture
def install(monkeypatch: pytest.MonkeyPatch) -> Iterator[Install]:
    """Install fake distributions from tests/fixtures/plugins by putting them on sys.path."""

    def installing(*names: str) -> None:
        for name in names:
            monkeypatch.syspath_prepend(str(FIXTURES / name))
        postloss.plugins._load_guide.cache_clear()

    yield installing
    postloss.plugins._load_guide.cache_clear()


def _run(code: str, *paths: Path) -> str:
    """Run *code* in a fresh interpreter with *paths* first on sys.path; its stdout."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(map(str, paths))}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout.strip()


def test_kinds_are_the_two_entry_point_groups() -> None:
    assert [kind.group for kind in PluginKind] == ["postloss.rules", "postloss.content"]


def test_available_lists_installed_plugins_by_kind(install: Install) -> None:
    install("good")
    assert {"fake-good", "fake-raising"} <= set(available(RULES))
    assert "fake-good" not in available(CONTENT)
    assert list(available(RULES)) == sorted(available(RULES))
    assert available("rules") == available(RULES)  # type: ignore[arg-type]


def test_a_name_declared_twice_is_listed_once_and_refused_when_loaded(install: Install) -> None:
    install("good", "twin")
    assert available(RULES).count("fake-good") == 1
    with pytest.raises(PluginError, match=r"'fake-good'.*several distributions") as caught:
        postloss.plugins.rules("fake-good")
    assert "fake-good-plugins 1.0" in str(caught.value)
    assert "fake-twin-plugins 1.0" in str(caught.value)


def test_nothing_is_imported_until_a_plugin_is_asked_for() -> None:
    code = (
        "import sys, postloss\n"
        "assert 'postloss.plugins' not in sys.modules, 'import postloss imported plugins'\n"
        "import postloss.plugins as p\n"
        "assert 'fake_good_plugins' not in sys.modules, 'imported on import'\n"
        "names = p.available(p.PluginKind.RULES)\n"
        "assert 'fake-good' in names, names\n"
        "assert 'fake_good_plugins' not in sys.modules, 'imported by available()'\n"
        "p.rules('fake-good')\n"
        "print('fake_good_plugins' in sys.modules)\n"
    )
    assert _run(code, FIXTURES / "good") == "True"


def test_rules_loads_the_tuple_of_rules_an_entry_point_names(install: Install) -> None:
    install("good")
    loaded = postloss.plugins.rules("fake-good")
    assert type(loaded) is tuple
    assert all(isinstance(each, Rule) for each in loaded)
    assert [each.id for each in loaded] == [
        "fake/always-self-care",
        "fake/never",
        "fake/pain-urgent",
    ]
    rules = default_rules().extended(*loaded)
    assessment = assess(SymptomReport(pain_score=4, bleeding=Bleeding.HEAVY), rules=rules)
    assert assessment.urgency is Urgency.EMERGENCY
    assert {"fake/always-self-care", "fake/pain-urgent", "heavy-bleeding"} <= {
        f.rule_id for f in assessment.findings
    }


def test_an_unknown_plugin_is_an_unknown_plugin_error_listing_the_installed(
    install: Install,
) -> None:
    install("good")
    with pytest.raises(
        UnknownPluginError, match="rules plugin 'fake-bad': not installed"
    ) as caught:
        postloss.plugins.rules("fake-bad")
    assert isinstance(caught.value, LookupError)
    assert "fake-good, fake-linked, fake-raising" in str(caught.value)
    with pytest.raises(UnknownPluginError, match="content plugin 'fake-good'"):
        postloss.plugins.content("fake-good")  # a rules plugin is no content plugin


@pytest.mark.parametrize(
    ("name", "message", "cause"),
    [
        ("broken-list", "must name a tuple of Rules, got list", None),
        ("broken-empty", "names an empty tuple", None),
        ("broken-strays", "must name a tuple of Rules, it holds str", None),
        ("broken-bare-id", "must be namespaced, e.g. 'acme/bare-id'", postloss.InvalidRuleError),
        ("broken-weak", "below the floor emergency", postloss.InvalidRuleError),
        ("broken-flag-typo", "'heavy-bleding' is not a red flag", postloss.InvalidRuleError),
        ("broken-missing-module", "cannot load 'fake_nowhere_plugins:RULES'", ImportError),
        ("broken-missing-name", "cannot load.*AttributeError", AttributeError),
        ("broken-exploding", "RuntimeError: the plugin exploded", RuntimeError),
    ],
)
def test_a_failing_rules_plugin_raises_plugin_error_naming_it(
    install: Install, name: str, message: str, cause: type[BaseException] | None
) -> None:
    install("broken")
    with pytest.raises(PluginError, match=message) as caught:
        postloss.plugins.rules(name)
    assert type(caught.value) is PluginError
    assert caught.value.name == name
    assert caught.value.kind == "rules"
    assert str(caught.value).startswith(f"rules plugin {name!r}: ")
    if cause is None:
        assert caught.value.__cause__ is None
    else:
        assert isinstance(caught.value.__cause__, cause)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("broken-bytes", "must name TOML text, a str, got bytes"),
        ("broken-not-toml", "not valid TOML"),
        ("broken-no-overlay", r"has no \[overlay\] table giving its locale"),
    ],
)
def test_a_failing_content_plugin_raises_plugin_error_naming_it(
    install: Install, name: str, message: str
) -> None:
    install("broken")
    with pytest.raises(PluginError, match=message) as caught:
        postloss.plugins.content(name)
    assert str(caught.value).startswith(f"content plugin {name!r}: ")


def test_a_broken_content_plugin_fails_the_guide_loudly_whatever_the_locale(
    install: Install,
) -> None:
    install("broken")
    with pytest.raises(PluginError, match="content plugin 'broken-"):
        postloss.plugins.load_guide("en")


def test_plugin_errors_pickle_with_their_attributes() -> None:
    for error in (
        PluginError("acme", "rules", "cannot load"),
        UnknownPluginError("acme", "content", "not installed"),
    ):
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error)
        assert vars(copy) == vars(error)
        assert str(copy) == str(error)


def test_a_raising_plugin_rule_loads_and_fails_loudly_when_run(install: Install) -> None:
    install("good")
    rules = default_rules().extended(*postloss.plugins.rules("fake-raising"))
    report = SymptomReport(bleeding=Bleeding.HEAVY)
    with pytest.raises(postloss.RuleError, match="'fake/raises'") as caught:
        assess(report, rules=rules)
    assert caught.value.partial is not None
    assert caught.value.partial.urgency is Urgency.EMERGENCY
    assert caught.value.partial == assess(report)


def test_a_locale_neither_packaged_nor_in_a_plugin_is_an_unknown_locale_error(
    install: Install,
) -> None:
    install("good")
    with pytest.raises(postloss.UnknownLocaleError, match="no guide content for locale 'xx'"):
        postloss.plugins.load_guide("xx")
    with pytest.raises(postloss.UnknownLocaleError, match="not list"):
        postloss.plugins.load_guide(["en"])  # type: ignore[arg-type]


def test_content_gives_the_overlay_text_a_plugin_names(install: Install) -> None:
    install("good")
    assert {"fake-esperanto", "fake-notes"} <= set(available(CONTENT))
    text = postloss.plugins.content("fake-notes")
    assert type(text) is str
    guide = postloss.load_guide().overlay(text, name="fake-notes")
    assert guide.lookup("fake/note", FaqEntry).answer == "The fake-notes content plugin."


def test_plugins_load_guide_applies_every_content_plugin_of_the_locale_in_name_order(
    install: Install,
) -> None:
    install("good")
    guide = postloss.plugins.load_guide("en")
    in_english = [
        name
        for name in available(CONTENT)
        if 'locale = "en"' in postloss.plugins.content(name)  # the example's acme too
    ]
    assert "fake-notes" in in_english
    assert guide.overlays == tuple(sorted(in_english))
    assert guide.locale == "en"
    assert guide.lookup("fake/note", FaqEntry).question == "Who added this note?"
    assert guide.lookup("heavy-bleeding") == postloss.load_guide().lookup("heavy-bleeding")
    assert postloss.plugins.load_guide("en") is guide  # cached


def test_a_plugin_translation_is_found_by_load_guide_only_once_plugins_is_imported() -> None:
    code = (
        "import postloss\n"
        "try:\n"
        "    postloss.load_guide('eo')\n"
        "except postloss.UnknownLocaleError:\n"
        "    print('not without plugins')\n"
        "import postloss.plugins\n"
        "print(postloss.load_guide('eo').overlays)\n"
    )
    assert _run(code, FIXTURES / "good").splitlines() == [
        "not without plugins",
        "('fake-esperanto',)",
    ]


def test_a_plugin_translation_assesses_heavy_bleeding_as_an_emergency_in_its_words(
    install: Install,
) -> None:
    install("good")
    for guide in (postloss.load_guide("eo"), postloss.plugins.load_guide("eo")):
        assert guide.locale == "eo"
        assert guide.content_version == postloss.load_guide().content_version
        assert guide.lookup("heavy-bleeding").title == "Forta sangado"
        assert guide.lookup("heavy-bleeding", RedFlag).floor is Urgency.EMERGENCY
        rules = default_rules(guide=guide)
        assessment = assess(SymptomReport(bleeding=Bleeding.HEAVY), rules=rules)
        assert assessment.urgency is Urgency.EMERGENCY
        assert "heavy-bleeding" in assessment.red_flags
        action = guide.lookup(assessment.action, postloss.guide.UrgencyAction)
        assert action.text == "Serĉu urĝan helpon nun: voku la lokan urĝan numeron."
        assert "heavy-bleeding" in guide.fallbacks  # its text is still English


def test_several_plugins_in_one_unpackaged_locale_are_no_single_translation(
    install: Install,
) -> None:
    install("good", "twin")
    with pytest.raises(PluginError, match=r"fake-ia-one, fake-ia-two.*load_guide"):
        postloss.load_guide("ia")
    guide = postloss.plugins.load_guide("ia")  # applies them all, in order
    assert guide.overlays == ("fake-ia-one", "fake-ia-two")
    assert guide.lookup("heavy-bleeding").title == "Sanguination forte"
    assert guide.lookup("fake/nota", FaqEntry).answer == "Le plugin fake-ia-two."


def test_a_content_plugin_that_lowers_a_floor_is_refused_naming_it(install: Install) -> None:
    install("floor")
    text = postloss.plugins.content("floor-lowering")  # it loads: the overlay is refused
    with pytest.raises(postloss.ContentError, match=r"red_flags\[heavy-bleeding\]\.floor"):
        postloss.load_guide().overlay(text, name="floor-lowering")
    with pytest.raises(PluginError, match="content plugin 'floor-lowering'") as caught:
        postloss.plugins.load_guide("en")
    assert isinstance(caught.value.__cause__, postloss.ContentError)
    assert "heavy-bleeding" in str(caught.value)
    assert postloss.load_guide().lookup("heavy-bleeding", RedFlag).floor is Urgency.EMERGENCY


def test_a_rule_linked_to_a_red_flag_of_a_content_plugin_is_checked_with_that_guide(
    install: Install,
) -> None:
    install("good")
    linked = postloss.plugins.rules("fake-linked")  # the packaged guide lacks its flag
    with pytest.raises(postloss.InvalidRuleError, match="'fake/wound-redness' is not a red flag"):
        default_rules().extended(*linked)
    guide = postloss.plugins.load_guide("en")
    assert guide.lookup("fake/wound-redness", RedFlag).floor is Urgency.URGENT
    with pytest.raises(postloss.ContentError, match="red flag 'fake/wound-redness' has no rule"):
        default_rules(guide=guide)
    rules = postloss.Ruleset(guide=guide, extra=linked)
    report = SymptomReport(discharge=postloss.Discharge.UNUSUAL)
    assert "fake/wound-redness" in assess(report, rules=rules).red_flags
