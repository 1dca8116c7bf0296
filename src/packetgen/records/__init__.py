"""Archival records (PDF/A-3b that embed their sources): made, read back, verified by
re-rendering, decided, signed; and opening a record or an evidence file for `diff`."""
