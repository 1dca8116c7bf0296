"""`python -m packetgen`: the same as the `packetgen` command."""
from packetgen.cli import main

main()
