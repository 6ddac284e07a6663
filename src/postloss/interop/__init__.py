"""postloss for the rest of health IT: each format in its own submodule.

- :mod:`postloss.interop.json`: JSON for reports, assessments and errors; JSON Schemas.
- :mod:`postloss.interop.fhir`: a FHIR R4 Questionnaire, QuestionnaireResponse → report,
  and RiskAssessment.
- :mod:`postloss.interop.cds_hooks`: CDS Hooks 2.0 discovery, cards and responses.
- :mod:`postloss.interop.schema_org`: the guide as schema.org JSON-LD.
- :mod:`postloss.interop.markdown`: the decision table and an assessment in Markdown.

Each is imported on request (``import postloss.interop.fhir``); none at ``import postloss``.
"""
