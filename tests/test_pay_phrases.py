"""How the pay views say a comparison in words."""

from __future__ import annotations


def test_an_offer_at_the_median_reads_as_a_sentence(run) -> None:
    """The national median of May 2025 is $123,860: an offer of exactly that is 'the same as' it."""
    result = run("pay", "--salary", "123860")
    assert result.exit_code == 0, result.output
    assert "Against the median nationally  the same as it" in result.stdout
    assert "Median                 $123,860" in result.stdout


def test_an_offer_off_the_median_says_by_how_much(run) -> None:
    result = run("pay", "--salary", "95000", "--area", "OH")
    assert result.exit_code == 0, result.output
    assert "Against the median nationally  $28,860 (23%) below it" in result.stdout
