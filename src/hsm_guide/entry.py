"""The console script's entry point: Ctrl-C while Python is still importing exits 130 quietly.

The CLI installs its own handler once it is loaded; until then an interrupt just
ends the process, since nothing has been written and nothing needs cleaning up.
"""

import os
import signal


def main() -> None:
    signal.signal(signal.SIGINT, lambda signum, frame: os._exit(130))
    from .cli import main as run

    run()
