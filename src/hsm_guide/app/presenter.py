"""The one presenter: documents, format and destination (stdout, pager or file).

Every page command and `export` hand their documents here, with the run's Environment.
Terminal text for stdout is rendered for that environment, encoded once and handed to the
writer; the same bytes are stored in the page cache for the warm path. Other formats,
pager output, files and errors never are.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..render.formats import Format

if TYPE_CHECKING:
    from ..blocks import Document
    from ..environment import Environment
    from ..model import KnowledgeBase
    from .options import Output


def data_path(env: Environment) -> Path:
    """The knowledge base this run reads (location.py's one rule)."""
    from ..location import data_file

    return Path(data_file(env.data, env.environ))


def knowledge(env: Environment) -> KnowledgeBase:
    """The knowledge base --data names, else $HSM_GUIDE_DATA's, else the packaged one."""
    from ..cache.knowledge import load_cached

    return load_cached(data_path(env), env)


def present(
    docs: Sequence[Document], kb: KnowledgeBase, env: Environment, output: Output, cacheable: bool = True
) -> None:
    """Render `docs` in the chosen format and send them where they were asked to go."""
    from .. import writer
    from ..render.formats import render

    fmt = output.format()
    if output.to_file:
        from ..location import wage_paths
        from .outfile import save

        data = data_path(env)
        save(str(output.output), render(kb, docs, fmt), output.force, protected=(str(data), *wage_paths(data)))
    elif fmt is Format.terminal:
        _terminal(docs, env, output.pager, cacheable)
    elif output.pager:
        from .pager import page

        text = render(kb, docs, fmt).decode("utf-8")
        page(env, text, text)
    else:
        writer.write(env, render(kb, docs, fmt))


def _terminal(docs: Sequence[Document], env: Environment, pager: bool, cacheable: bool) -> None:
    from .. import writer
    from ..render.terminal import console_for, render_text

    shown = console_for(env)
    if pager:
        from .pager import page

        plain = render_text(console_for(env, color=False), docs)
        page(env, plain, render_text(shown, docs) if shown.is_terminal and shown.color_system else plain)
        return
    payload = writer.encode(env, render_text(shown, docs))
    if cacheable:
        from ..cache import pages

        pages.save(env, payload)  # a write also sweeps the temporary files killed runs left
    writer.write(env, payload)
