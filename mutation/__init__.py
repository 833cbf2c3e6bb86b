"""Mutation testing: a scripted list of small changes to the code, each run against the tests that cover it.

`python mutation/run.py` prints killed and survived per module; docs/maintainers.md says how it works.
"""
