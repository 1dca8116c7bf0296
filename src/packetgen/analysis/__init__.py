"""Model in, judgement out: matching (status), strength (signals and flags), the time view, the
writing review and the comparison of two cycles. Pure functions: no I/O, no clock (the writing
review reads its word lists, and only them)."""
