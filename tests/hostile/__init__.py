"""The hostile run: the console script driven with random argument lists, hostile questions,
hostile knowledge bases, damaged cache files, concurrent writers, signals and odd environments,
each case checked for a clean end. tests/test_hostile.py runs a few cases of each kind; run it
longer by hand:

    python -m tests.hostile.harness --cases 400 --seed 7          # every kind, 400 cases each
    python -m tests.hostile.harness --kinds signals,cache --cases 50
"""
