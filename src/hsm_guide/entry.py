"""The console script's entry point: the warm path first, then the CLI.

A repeated command is answered from the output cache before Typer and Rich are
imported (see warm.py). Ctrl-C while Python is still importing exits 130
quietly: the CLI installs its own handler once it is loaded; until then an
interrupt just ends the process, since nothing needs cleaning up.
"""

import os
import signal
import sys


def main() -> None:
    signal.signal(signal.SIGINT, lambda signum, frame: os._exit(130))
    from . import warm

    if warm.serve(sys.argv[1:]):
        sys.exit(0)
    from .cli import main as run

    run()
