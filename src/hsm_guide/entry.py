"""The console script's entry point: the environment, then the warm path, then the CLI.

The run's Environment (streams, terminal, encoding, variables) is read once here and handed
on. A repeated command is answered from the page cache before Typer and Rich are imported
(cache/warm.py); on a miss, the bytes the warm path read for its key go on to the loader in
that Environment. SIGINT, SIGTERM or SIGHUP while Python is still importing ends the run at
once with 128 + the signal's number, quietly: nothing has been written yet; the CLI installs
its own handlers once it is loaded (app/process.py). A signal the caller ignores (nohup)
stays ignored.

The cyclic garbage collector is off for the run: a command lives a fraction of a second and
makes few reference cycles, so its collections only cost (about 10 ms of walking the modules
and the knowledge base while they load). At the end everything still alive is frozen, so the
interpreter's last collection at exit skips it (about 20 ms); refcounting still frees what
is dropped, and files are closed and flushed as usual. benchmarks/startup.py measures both.
"""

import gc
import os
import signal
import sys


def _early_exit(signum: int, frame: object) -> None:
    os._exit(128 + signum)


def main() -> None:
    gc.disable()
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is not None and signal.getsignal(signum) is not signal.SIG_IGN:
            signal.signal(signum, _early_exit)
    try:
        from .cache import warm
        from .environment import Environment

        env = Environment.from_process()
        if env.stdout is not None and warm.serve(env, sys.argv[1:]):
            sys.exit(0)
        from .app.commands import app
        from .app.process import run

        run(app, env)
    finally:
        gc.freeze()
