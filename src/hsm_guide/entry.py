"""The console script's entry point: the warm path first, then the CLI.

A repeated command is answered from the output cache before Typer and Rich are
imported (see warm.py). Ctrl-C while Python is still importing exits 130
quietly: the CLI installs its own handler once it is loaded; until then an
interrupt just ends the process, since nothing needs cleaning up.

The cyclic garbage collector is off for the run: a command lives a fraction of a
second and makes few reference cycles, so its collections only cost (about 10 ms
of walking the modules and the knowledge base while they load). At the end
everything still alive is frozen, so the interpreter's last collection at exit
skips it (about 20 ms); refcounting still frees what is dropped, and files are
closed and flushed as usual. benchmarks/startup.py measures both.
"""

import gc
import os
import signal
import sys


def main() -> None:
    gc.disable()
    signal.signal(signal.SIGINT, lambda signum, frame: os._exit(130))
    try:
        from . import warm

        if warm.serve(sys.argv[1:]):
            sys.exit(0)
        from .cli import main as run

        run()
    finally:
        gc.freeze()
