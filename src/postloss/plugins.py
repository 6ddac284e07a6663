"""Plugins: rules and guide content that other packages install, loaded only on request.

A package offers them through two entry-point groups in its ``pyproject.toml``:

- ``postloss.rules``: the entry point names a tuple of :class:`~postloss.Rule`
  (``acme = "acme_clinic.rules:RULES"``);
- ``postloss.content``: it names overlay TOML text, a ``str``, for
  :meth:`~postloss.Guide.overlay` (``acme-es = "acme_clinic.content:ES"``).

``import postloss`` never imports this module, and importing it loads no plugin:
:func:`available` lists names without importing anything, :func:`rules` and
:func:`content` import the one named, and :func:`load_guide` the content plugins.

Importing this module is also the one step that lets :func:`postloss.load_guide` find
translations installed as plugins: it registers a translation source with the guide
(``postloss.guide._load.add_translation_source``, so that the guide never imports this
module), consulted only for a locale that has no packaged content, and reading the
content plugins only then. Without it, and so after a
plain ``import postloss``, only packaged content is ever loaded. :func:`load_guide` here
goes further: it also applies the content plugins that add to a locale, such as a
clinic's phone number.

A plugin that is not installed raises :class:`~postloss.UnknownPluginError`; one
that fails to import, names the wrong type or gives rules or content that postloss
refuses raises :class:`~postloss.PluginError` naming it, with the original error as
its cause. Nothing is skipped in silence.

>>> import postloss.plugins
>>> postloss.plugins.rules("no-such-plugin")
Traceback (most recent call last):
...
postloss.errors.UnknownPluginError: rules plugin 'no-such-plugin': not installed; ...
"""

from __future__ import annotations

import enum
import functools
import threading
from typing import TYPE_CHECKING

from postloss.errors import (
    ContentError,
    PluginError,
    PostlossError,
    UnknownLocaleError,
    UnknownPluginError,
)
from postloss.guide._load import add_translation_source

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

    from postloss.guide import Guide
    from postloss.triage import Rule

__all__ = ["PluginKind", "available", "content", "load_guide", "rules"]


class PluginKind(enum.Enum):
    """The kinds of plugin, each an entry-point group: ``postloss.<value>``.

    >>> PluginKind.RULES.group
    'postloss.rules'
    """

    RULES = "rules"
    CONTENT = "content"

    @property
    def group(self) -> str:
        """The entry-point group of this kind."""
        return f"postloss.{self.value}"


def _entry_points(kind: PluginKind) -> tuple[EntryPoint, ...]:
    """The installed entry points of *kind*; reads metadata only, imports nothing."""
    from importlib.metadata import entry_points  # deferred: only plugin users pay for it

    return tuple(entry_points(group=PluginKind(kind).group))


def available(kind: PluginKind) -> tuple[str, ...]:
    """The names of the installed plugins of *kind*, sorted; imports none of them.

    >>> from postloss.plugins import PluginKind, available
    >>> isinstance(available(PluginKind.CONTENT), tuple)
    True
    """
    return tuple(sorted({point.name for point in _entry_points(kind)}))


def _load(kind: PluginKind, name: str) -> object:
    """Import the plugin *name* of *kind* and return what its entry point names."""
    kind = PluginKind(kind)
    points = _entry_points(kind)
    found = [point for point in points if point.name == name]
    if not found:
        installed = ", ".join(sorted({point.name for point in points})) or "none"
        raise UnknownPluginError(
            str(name), kind.value, f"not installed; installed {kind.value} plugins: {installed}"
        )
    if len(found) > 1:
        owners = ", ".join(sorted(_owner(point) for point in found))
        raise PluginError(
            name, kind.value, f"installed by several distributions ({owners}); keep one"
        )
    (point,) = found
    try:
        return point.load()
    except Exception as error:  # any failure to import is the plugin's, and reported as such
        raise PluginError(
            name,
            kind.value,
            f"cannot load {point.value!r} (from {_owner(point)}): {type(error).__name__}: {error}",
        ) from error


def _owner(point: EntryPoint) -> str:
    dist = getattr(point, "dist", None)
    return f"{dist.name} {dist.version}" if dist is not None else "an unknown distribution"


def rules(name: str) -> tuple[Rule, ...]:
    """The rules of the ``postloss.rules`` plugin *name*, checked as a ruleset would.

    The entry point must name a non-empty tuple of :class:`~postloss.Rule`, which
    :meth:`~postloss.Ruleset.extended` accepts: namespaced, unique ids, red-flag
    links that meet the flag's floor, report classes that agree. The packaged guide
    is the one checked against, except for a link to a namespaced red flag it does
    not have (one that a content overlay adds): that link is checked when you make a
    ruleset with the guide that has the flag, ``Ruleset(guide=guide, extra=rules)``.

    >>> rules("no-such-plugin")
    Traceback (most recent call last):
    ...
    postloss.errors.UnknownPluginError: rules plugin 'no-such-plugin': not installed; ...
    """
    import attrs

    from postloss._ids import is_namespaced
    from postloss.triage import Rule, default_rules

    loaded = _load(PluginKind.RULES, name)
    kind = PluginKind.RULES.value
    if type(loaded) is not tuple:
        raise PluginError(name, kind, f"must name a tuple of Rules, got {type(loaded).__name__}")
    if not loaded:
        raise PluginError(name, kind, "names an empty tuple: a rules plugin must give rules")
    if strays := [type(each).__name__ for each in loaded if not isinstance(each, Rule)]:
        raise PluginError(name, kind, f"must name a tuple of Rules, it holds {', '.join(strays)}")
    base = default_rules()
    # A link to a red flag that only the app's guide has is checked with that guide.
    checkable = [
        attrs.evolve(each, red_flag=None)
        if is_namespaced(each.red_flag) and base.guide.get(str(each.red_flag)) is None
        else each
        for each in loaded
    ]
    try:
        base.extended(*checkable)
    except PostlossError as error:
        raise PluginError(name, kind, f"its rules are refused: {error}") from error
    return loaded


def content(name: str) -> str:
    """The overlay TOML text of the ``postloss.content`` plugin *name*.

    The entry point must name a ``str`` of TOML with an ``[overlay]`` table that
    gives its ``locale``; :meth:`~postloss.Guide.overlay` checks the rest when it
    is applied (:func:`load_guide` does that for you).

    >>> content("no-such-plugin")
    Traceback (most recent call last):
    ...
    postloss.errors.UnknownPluginError: content plugin 'no-such-plugin': not installed; ...
    """
    text = _load(PluginKind.CONTENT, name)
    if type(text) is not str:
        raise PluginError(
            name, PluginKind.CONTENT.value, f"must name TOML text, a str, got {type(text).__name__}"
        )
    _locale_of(name, text)
    return text


def _locale_of(name: str, text: str) -> str:
    """The ``[overlay] locale`` of a content plugin's *text*; a PluginError if it has none."""
    import tomllib  # deferred: only needed to read content

    kind = PluginKind.CONTENT.value
    try:
        table = tomllib.loads(text).get("overlay")
    except tomllib.TOMLDecodeError as error:
        raise PluginError(name, kind, f"not valid TOML: {error}") from error
    locale = table.get("locale") if isinstance(table, dict) else None
    if type(locale) is not str:
        raise PluginError(name, kind, "has no [overlay] table giving its locale (a str)")
    return locale


def _contents() -> dict[str, str]:
    """The text of every installed content plugin, by name (each checked by :func:`content`)."""
    return {name: content(name) for name in available(PluginKind.CONTENT)}


def _in_locale(locale: str, texts: dict[str, str]) -> list[tuple[str, str]]:
    return [(name, text) for name, text in texts.items() if _locale_of(name, text) == locale]


def _translation(locale: str) -> tuple[str, str] | None:
    """The translation source added to the guide: the one content plugin in *locale*."""
    found = _in_locale(locale, _contents())
    if len(found) > 1:
        names = ", ".join(name for name, _ in found)
        raise PluginError(
            names,
            PluginKind.CONTENT.value,
            f"several content plugins are in locale {locale!r}, so none is its translation; "
            f"postloss.plugins.load_guide({locale!r}) applies them all, in order",
        )
    return found[0] if found else None


_LOADING = threading.Lock()


def load_guide(locale: str = "en") -> Guide:
    """The guide for *locale* with every installed content plugin in that locale applied.

    The base is the packaged guide for *locale* or, when none is packaged, the
    packaged English guide, which a plugin then translates. Each content plugin whose
    ``[overlay] locale`` is *locale* is applied with :meth:`~postloss.Guide.overlay`,
    in the order of their names; the result records them. Every installed content
    plugin is read to learn its locale, so a broken one raises :class:`PluginError`
    whatever the locale asked for. Raises :class:`~postloss.UnknownLocaleError` when
    neither a packaged guide nor a plugin has *locale*. Cached, like
    :func:`postloss.load_guide`, which applies no content plugin but a translation.

    >>> load_guide("xx")
    Traceback (most recent call last):
    ...
    postloss.errors.UnknownLocaleError: no guide content for locale 'xx': ...
    """
    if type(locale) is not str:  # unhashable ones too, before the cache sees them
        raise UnknownLocaleError(f"a locale is a str such as 'en', not {type(locale).__name__}")
    with _LOADING:
        return _load_guide(locale)


@functools.cache
def _load_guide(locale: str) -> Guide:
    from postloss.guide import load_guide as packaged
    from postloss.guide import locales

    texts = _contents()
    chosen = _in_locale(locale, texts)
    if locale in locales() or not chosen:
        try:
            guide = packaged(locale)
        except UnknownLocaleError as error:
            offered = sorted({_locale_of(name, text) for name, text in texts.items()})
            raise UnknownLocaleError(
                f"no guide content for locale {locale!r}: packaged {list(locales())}, "
                f"from plugins {offered}"
            ) from error
    else:
        guide = packaged()
    for name, text in chosen:
        try:
            guide = guide.overlay(text, name=name)
        except ContentError as error:
            raise PluginError(name, PluginKind.CONTENT.value, str(error)) from error
    return guide


add_translation_source(_translation)
