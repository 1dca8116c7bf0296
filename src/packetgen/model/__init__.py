"""The plain data model in the middle of the pipeline: the framework, the evidence as loaded, and
the result of matching. Frozen dataclasses, no I/O; every later stage reads them, none changes them."""
