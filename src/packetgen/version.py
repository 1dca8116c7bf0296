"""The release: what records name, and what verify compares with."""

__version__ = "0.2.0"
