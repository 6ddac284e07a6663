"""The intake: what a person reports, validated once on construction, and parse_report()."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any, TypeVar

import attrs

from postloss.errors import InvalidReportError, Problem, ReportClassError
from postloss.triage._fields import field, fields_by_name, install_init, shown

__all__ = [
    "Bleeding",
    "Discharge",
    "Management",
    "PainTrend",
    "SymptomReport",
    "parse_report",
]

_R = TypeVar("_R", bound="SymptomReport")


class Management(enum.Enum):
    """How the miscarriage happened or was managed."""

    SPONTANEOUS = "spontaneous"
    MEDICAL = "medical"
    SURGICAL = "surgical"


class PainTrend(enum.Enum):
    """Whether the pain is easing, unchanged or getting worse since the loss."""

    IMPROVING = "improving"
    STABLE = "stable"
    WORSENING = "worsening"


class Discharge(enum.Enum):
    """Vaginal discharge: as expected, or foul-smelling or changed in colour."""

    NORMAL = "normal"
    UNUSUAL = "unusual"


class Bleeding(enum.Enum):
    """How much bleeding: ``HEAVY`` is soaking a pad an hour or faster, or large clots.

    Bleeding like a heavy period is ``MODERATE``, and expected for a day or two.
    """

    NONE = "none"
    SPOTTING = "spotting"
    LIGHT = "light"
    MODERATE = "moderate"
    HEAVY = "heavy"


def _yes_no(question: str, help: str = "") -> Any:
    return field(question=question, help=help)


@attrs.frozen(kw_only=True)
class SymptomReport:
    """What a person reports; every field is optional and ``None`` means "not asked".

    Yes/no fields are ``True``, ``False`` ("asked, and no") or ``None``. Construction
    validates every field in one pass and raises :class:`~postloss.InvalidReportError`
    listing all problems. Subclass it with attrs to add fields of your own (``bool``,
    ``int``, ``float``, ``str`` or an enum, optionally ``| None``; describe and bound
    them with :func:`~postloss.field`); a subclass may not change a built-in field,
    not even in its own ``__attrs_post_init__``.

    >>> SymptomReport(pain_score=4, bleeding=Bleeding.LIGHT).pain_score
    4
    >>> SymptomReport(pain_score=11, temperature_c=101.3)
    Traceback (most recent call last):
    ...
    postloss.errors.InvalidReportError: invalid symptom report (2 problem(s)):
      - pain_score: must be between 0 and 10, got 11
      - temperature_c: 101.3 looks like Fahrenheit: 38.5 °C; give the temperature in °C
    """

    days_since_loss: int | None = field(
        low=0,
        high=365,
        unit="days",
        question="How many days ago did the pregnancy pass, or did you have the procedure?",
        help="After tablets, count from the day the pregnancy passed (or the day of the "
        "tablets if you do not know); the day itself is 0.",
    )
    weeks_pregnant: int | None = field(
        low=1,
        high=23,
        unit="weeks",
        question="How many weeks pregnant were you when the pregnancy ended?",
        help="This guide covers losses before 24 weeks.",
        note="a loss at 24 weeks or later is a stillbirth, outside this guide's scope",
    )
    management: Management | None = field(
        question="How did the miscarriage happen?",
        help="On its own (spontaneous), with tablets (medical), or with a procedure (surgical).",
    )
    pain_score: int | None = field(
        low=0,
        high=10,
        unit="/10",
        question="How bad is your worst pain now, in your back or tummy, after any painkillers, "
        "from 0 (none) to 10 (the worst imaginable)?",
        help="7 or more is severe pain.",
    )
    pain_trend: PainTrend | None = field(
        question="Since the pregnancy passed or the procedure, is your pain easing, about the "
        "same, or getting worse?",
    )
    pain_relieved_by_medication: bool | None = _yes_no(
        "Have painkillers such as paracetamol or ibuprofen eased your pain?",
        "Leave it unanswered if you have not taken any.",
    )
    pain_limits_daily_activities: bool | None = _yes_no(
        "Does the pain stop you from doing your usual daily activities?"
    )
    temperature_c: float | None = field(
        low=30.0,
        high=45.0,
        unit="°C",
        question="What is your temperature, in °C?",
        help="38.0 °C (100.4 °F) or more is a fever; below 36.0 °C is low.",
    )
    chills: bool | None = _yes_no("Do you have chills or shivering?")
    discharge: Discharge | None = field(
        question="Is your vaginal discharge normal, or unusual (smells bad, or green, yellow "
        "or like pus)?",
        help="Brown or pink discharge that is tailing off is normal.",
    )
    bleeding: Bleeding | None = field(
        question="How much are you bleeding now?",
        help="Heavy means soaking a pad in an hour or faster, or passing large clots; "
        "bleeding like a heavy period is moderate.",
    )
    bleeding_increasing: bool | None = _yes_no(
        "Is your bleeding getting heavier again after it had started to settle?"
    )
    fainting_or_dizziness: bool | None = _yes_no("Have you fainted, or do you feel faint or dizzy?")
    shoulder_tip_pain: bool | None = _yes_no(
        "Do you have pain at the tip of your shoulder, where the shoulder ends and the arm begins?"
    )
    breathlessness_or_chest_pain: bool | None = _yes_no(
        "Are you newly short of breath, or do you have chest pain that is worse when you "
        "breathe in?"
    )
    calf_pain_or_swelling: bool | None = _yes_no("Do you have pain or swelling in one calf?")
    confusion: bool | None = _yes_no("Are you confused, or is your speech slurred?")
    rapid_heartbeat: bool | None = _yes_no("Does your heart feel as if it is racing?")
    self_harm_thoughts: bool | None = _yes_no(
        "Are you having thoughts of ending your life or of harming yourself?"
    )
    positive_pregnancy_test: bool | None = _yes_no(
        "Is a home pregnancy test still positive?", "A test is meaningful from 3 weeks after."
    )
    low_mood: bool | None = _yes_no(
        "Do you have low mood, anxiety or flashbacks that are not easing?"
    )
    heart_rate_bpm: int | None = field(
        low=20,
        high=250,
        unit="/min",
        question="If you can measure it, what is your heart rate, in beats a minute?",
        help="From a watch, a blood-pressure monitor or by counting your pulse for a minute.",
    )
    respiratory_rate: int | None = field(
        low=4,
        high=60,
        unit="/min",
        question="If you can count them, how many breaths do you take in a minute?",
    )
    systolic_bp: int | None = field(
        low=50,
        high=250,
        unit="mm[Hg]",
        question="If you have a blood-pressure monitor, what is the upper (systolic) number?",
    )
    hours_since_urine: int | None = field(
        low=0,
        high=72,
        unit="h",
        question="How many hours is it since you last passed urine?",
    )
    skin_mottled_ashen_or_blue: bool | None = _yes_no(
        "Is your skin, lips or tongue very pale, mottled, ashen or blue?"
    )
    non_blanching_rash: bool | None = _yes_no(
        "Do you have a rash that does not fade when you press a glass against it?"
    )
    sudden_severe_abdominal_pain: bool | None = _yes_no(
        "Do you have sharp, sudden and intense pain in your tummy?"
    )
    one_sided_lower_abdominal_pain: bool | None = _yes_no(
        "Do you have pain low down on one side of your tummy?"
    )
    pain_when_peeing_or_pooing: bool | None = _yes_no(
        "Do you have pain or discomfort when you pee or poo?"
    )
    vomiting_or_diarrhoea: bool | None = _yes_no(
        "Are you being sick, or do you have diarrhoea?",
        "Tablets for a miscarriage often cause these on the day; we still ask you to call, "
        "because they can also be a sign of infection.",
    )
    pads_soaked_per_hour: float | None = field(
        low=0,
        high=20,
        unit="/h",
        question="How many pads are you soaking through in an hour?",
        help="Soaking one pad an hour or more is heavy bleeding.",
    )
    large_clots: bool | None = _yes_no("Are you passing clots larger than a large coin?")
    swelling_of_lips_tongue_or_throat: bool | None = _yes_no(
        "Have your lips, tongue or throat swollen, or is it hard to swallow or breathe, "
        "after a medicine?"
    )
    feels_like_going_to_die: bool | None = _yes_no("Do you feel as if you are going to die?")
    period_returned: bool | None = _yes_no(
        "Had your bleeding stopped, and has it now come back like a normal period?",
        "Your next period usually comes 4–6 weeks after the loss.",
    )

    @classmethod
    def __attrs_init_subclass__(cls) -> None:
        """Give every attrs subclass the one validating ``__init__`` for its fields."""
        install_init(cls, InvalidReportError, protected=SymptomReport)


install_init(SymptomReport, InvalidReportError, protected=SymptomReport)


#: Per report class, what parse_report() converts: each enum field's members by value,
#: and ``None`` for each integer field (an integral float becomes an int).
_CONVERSIONS: dict[type, dict[str, Mapping[object, enum.Enum] | None]] = {}


def _conversions(cls: type) -> dict[str, Mapping[object, enum.Enum] | None]:
    found = _CONVERSIONS.get(cls)
    if found is None:
        found = {}
        for spec in fields_by_name(cls).values():
            if issubclass(spec.type, enum.Enum):
                found[spec.name] = {member.value: member for member in spec.type}
            elif spec.type is int:
                found[spec.name] = None
        _CONVERSIONS[cls] = found
    return found


def parse_report(data: object, cls: type[_R] = SymptomReport) -> _R:  # type: ignore[assignment]
    """Build a report (or one of a subclass, *cls*) from JSON-like data, strictly.

    Enums are given by value (``"heavy"``) and an integral number (``7.0``) is an
    integer, as in JSON; nothing else is coerced (``"7"`` is not 7, ``true`` is
    not 1). Every problem is reported at once in an :class:`~postloss.InvalidReportError`,
    the same error the constructor raises.

    >>> parse_report({"pain_score": 7, "bleeding": "heavy"}).bleeding
    <Bleeding.HEAVY: 'heavy'>
    >>> parse_report({"pain_score": "7", "management": "lots", "colour": "red"})
    Traceback (most recent call last):
    ...
    postloss.errors.InvalidReportError: invalid symptom report (3 problem(s)):
      - colour: unknown field
      - management: unknown value 'lots'; expected one of 'spontaneous', 'medical', 'surgical'
      - pain_score: expected an integer, got str '7'
    """
    if not (isinstance(cls, type) and issubclass(cls, SymptomReport)):
        raise ReportClassError(f"cls must be SymptomReport or a subclass, got {shown(cls)}")
    if not isinstance(data, Mapping):
        kind = "null" if data is None else type(data).__name__
        raise InvalidReportError(
            [Problem("$", "not_object", f"expected an object of report fields, got {kind}")]
        )
    conversions = _conversions(cls)
    values = {}
    for name, given in data.items():  # one pass over what was given
        if type(name) is not str:  # a keyword must be a string: reported as unknown
            values[shown(name)] = given
        elif name not in conversions:
            values[name] = given
        elif (members := conversions[name]) is None:  # JSON's integral number is an int
            integral = type(given) is float and given.is_integer()
            values[name] = int(given) if integral else given
        else:
            try:
                values[name] = members.get(given, given)
            except TypeError:  # unhashable: the constructor names it
                values[name] = given
    return cls(**values)
