"""What each command does, as library functions that the command line (cli/) wraps in a few
lines and tests call directly: option checks that need the files, the order of the stages, and
which outputs replace which files together. Wording and exit codes stay in cli/."""
