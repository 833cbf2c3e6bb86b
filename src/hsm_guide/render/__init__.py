"""Renderers: each turns section blocks into one output format."""
