"""State licensing of nursing home administrators: the table beside the knowledge base.

`<knowledge base folder>/licensure/states.json` holds, for the 50 states and DC, the
facts a reader asks about (degree, administrator-in-training, state exam, NAB's exams,
continuing education, assisted-living licensure), each citing the state board's page
or the state's rule as it was read. It is written by `importer.py` from research files
(one YAML file a state) and checked every time it is read cold (`checks.py`).
"""
