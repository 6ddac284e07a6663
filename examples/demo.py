"""The main job of `make demo`: assess an example report and show what an app would."""

import postloss
from postloss import Bleeding, Management, PainTrend, SymptomReport

#: Ten days after a medically managed loss at 9 weeks: back pain 6/10 and getting worse,
#: a temperature of 38.4 °C, light bleeding.
EXAMPLE = SymptomReport(
    days_since_loss=10,
    weeks_pregnant=9,
    management=Management.MEDICAL,
    pain_score=6,
    pain_trend=PainTrend.WORSENING,
    pain_relieved_by_medication=True,
    temperature_c=38.4,
    bleeding=Bleeding.LIGHT,
)


def main() -> None:
    guide = postloss.load_guide()
    assessment = postloss.assess(EXAMPLE)
    print(f"{guide.title} — postloss {postloss.__version__}, content {guide.content_version}\n")
    print(f"Urgency: {assessment.urgency.label.upper()}")
    print(f"What to do: {guide.lookup(assessment.action).text}\n")
    print("Why:")
    for finding in assessment.findings:
        print(f"  - [{finding.urgency.label}] {finding.reason}")
    sections = [("Meanwhile", assessment.self_care), ("Recovery outlook", assessment.outlook)]
    for heading, ids in sections:
        if ids:
            print(f"\n{heading}:")
            for id in ids:
                print(f"  - {guide.lookup(id).text}")
    watch = ", ".join(guide.lookup(id).title.lower() for id in assessment.watch_for[:6])
    print(f"\nAlso watch for: {watch}, and more (see the guide's red flags).")
    print(f"\n{guide.disclaimer}")


if __name__ == "__main__":
    main()
