"""hsm-guide: a command-line career guide to Medical and Health Services Managers."""

__version__ = "0.1.0"
