"""Hypothesis profiles, chosen by HYPOTHESIS_PROFILE; ``dev`` is the default.

``ci`` and ``thorough`` draw more examples; ``mutation`` (``make mutation``) fewer a mutant,
since the deterministic tests kill most mutants.
"""

import os

from hypothesis import HealthCheck, Phase, settings

settings.register_profile("dev", max_examples=100)
settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("thorough", max_examples=5000, deadline=None)
settings.register_profile(
    "mutation",
    max_examples=25,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],  # a failure is enough: no shrinking
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
