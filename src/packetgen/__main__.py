"""`python -m packetgen`: the same as the `packetgen` command."""
from .cli import main

main()
