"""Tools for the person writing a case: a starter file (`init`), appending an item (`add`), the
JSON Schema an editor completes with (`schema`), and the live preview (`preview`)."""
