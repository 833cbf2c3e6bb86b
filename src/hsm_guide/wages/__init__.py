"""Wage data: the BLS OEWS extract, its import, and area lookups."""
