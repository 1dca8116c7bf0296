"""Files in, model out: YAML read with every line and column kept, every problem of a file
reported at once and located (`path:LINE:COL: error: ...`)."""
