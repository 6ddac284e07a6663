"""The clinic's guide content: overlays for :meth:`postloss.Guide.overlay`.

:data:`EN` adds the clinic's opening hours and phone number to the English guide;
:data:`ES` is the same in Spanish. They are the ``postloss.content`` plugins ``acme``
and ``acme-es``, so :func:`postloss.plugins.load_guide` applies them by locale.

>>> import postloss
>>> guide = postloss.load_guide().overlay(EN, name="acme")
>>> guide.lookup("acme/phone").answer
'Call Acme Clinic on 555-0100 (at any hour; out of hours, the nurse on call answers).'
"""

import importlib.resources

__all__ = ["EN", "ES"]


def _read(name: str) -> str:
    return (importlib.resources.files(__package__) / "data" / name).read_text(encoding="utf-8")


#: The clinic's content in English: the ``acme`` content plugin.
EN = _read("acme.en.toml")
#: The clinic's content in Spanish: the ``acme-es`` content plugin.
ES = _read("acme.es.toml")
