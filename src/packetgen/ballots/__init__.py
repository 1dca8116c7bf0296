"""The committee's ballots before a meeting: the files (`ballot`) and their count and seal (`tally`),
read by the committee's commands, by records that embed them, and by the tally's report."""
