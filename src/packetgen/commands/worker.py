"""Imported by a batch's worker server (commands/batch.py) before it forks any worker: the renderers,
once for all the workers, and Ctrl-C ignored, which the workers inherit from the very start (the batch's
own process decides what Ctrl-C stops; a worker interrupted while starting would print a traceback)."""
import signal

signal.signal(signal.SIGINT, signal.SIG_IGN)

import packetgen.rendering.docx.packet  # noqa: E402
import packetgen.rendering.pdf  # noqa: E402, F401
