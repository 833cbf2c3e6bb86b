"""BLS OEWS wage areas: states and metro and nonmetropolitan areas, and finding one by what a user types."""
