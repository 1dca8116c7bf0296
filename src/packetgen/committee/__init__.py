"""A committee's cycle: many cases loaded, pseudonymised when asked, matched and ordered, and the
handout that joins their packets."""
