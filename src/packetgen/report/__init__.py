"""What the terminal commands print, needing no rendering library: the JSON and table of `gaps`,
the verdict line of `check`, the listing of `framework`, the reports of `diff`."""
