"""The Typer app: thin commands that load the knowledge base, build blocks, render.

Exit statuses: 0 success, 1 a data or file problem, 2 a usage problem
(unknown command, year or certification), 130 interrupted.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer
from typer.core import TyperGroup

from . import __version__
from .errors import DataError, GuideError, UsageError
from .export import Format
from .sections import BY_NAME, SECTIONS, Section

if TYPE_CHECKING:
    from rich.console import Console

    from .blocks import Document
    from .model import KnowledgeBase

# Commands are registered here, and built into Click commands one at a time by
# _LazyGroup when they run: Typer would otherwise inspect every command's
# signature on each start (about 15 ms of a command's 150).
commands = typer.Typer()


class _LazyGroup(TyperGroup):
    def list_commands(self, ctx: Any) -> list[str]:
        return list(_registered())

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands:
            info = _registered().get(cmd_name)
            if info is None:
                return None
            self.commands[cmd_name] = typer.main.get_command_from_info(
                info, pretty_exceptions_short=True, rich_markup_mode=None
            )
        return self.commands[cmd_name]

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        # Click never wraps help below 50 columns; use the real width (at most 80).
        import shutil

        extra.setdefault("terminal_width", min(shutil.get_terminal_size().columns, 80))
        return super().make_context(info_name, args, parent=parent, **extra)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # Global options work after the command too (`hsm-guide duties --data FILE`): move them first.
        return super().parse_args(ctx, hoist_global_options(args))

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        try:
            return super().resolve_command(ctx, args)
        except typer._click.exceptions.UsageError as error:
            # Typer suggests from the commands built so far; here that is none of them.
            from difflib import get_close_matches

            matches = get_close_matches(args[0], list(_registered())) if args else []
            if matches and "Did you mean" not in error.message:
                error.message = f"{error.message.rstrip('.')}. Did you mean {', '.join(map(repr, matches))}?"
            raise


GLOBAL_VALUE_OPTIONS = ("--data",)  # the group's options that take a value


def hoist_global_options(args: list[str]) -> list[str]:
    """`duties --data F` reads as `--data F duties`; nothing after `--` moves."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest += args[i:]
            break
        if arg in GLOBAL_VALUE_OPTIONS and i + 1 < len(args):
            front += args[i : i + 2]
            i += 2
            continue
        if arg.startswith(tuple(f"{o}=" for o in GLOBAL_VALUE_OPTIONS)):
            front.append(arg)
        else:
            rest.append(arg)
        i += 1
    return front + rest


def _registered() -> dict[str, Any]:
    return {
        info.name or typer.main.get_command_name(info.callback.__name__): info
        for info in commands.registered_commands
        if info.callback is not None
    }


app = typer.Typer(
    cls=_LazyGroup,
    name="hsm-guide",
    help="A career guide to Medical and Health Services Managers (SOC 11-9111), offline and cited.",
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    add_completion=True,
    pretty_exceptions_enable=False,
)

JsonOption = Annotated[bool, typer.Option("--json", help="Print the section as JSON instead.")]
PagerOption = Annotated[bool, typer.Option("--pager", help="Show the output in a pager ($PAGER).")]
BriefOption = Annotated[bool, typer.Option("--brief", help="Only the section's key points.")]


def _version(value: bool) -> None:
    if value:
        print(f"hsm-guide {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def main_callback(
    ctx: typer.Context,
    data: Annotated[
        Optional[Path],  # noqa: UP045 - Typer reads the annotation at run time
        # readable=False: the loader says why a file cannot be read, in one line, with exit 1
        typer.Option(
            "--data", metavar="PATH", envvar="HSM_GUIDE_DATA", readable=False, help="Read this knowledge base file."
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """A career guide to Medical and Health Services Managers (SOC 11-9111): run with no command for a snapshot."""
    ctx.obj = data
    if ctx.invoked_subcommand is None:
        from .sections import snapshot

        _show(ctx, snapshot, as_json=False, pager=False)


# -- shared plumbing -------------------------------------------------------------


def _err(message: str) -> None:
    from .render.terminal import clean

    # One line whatever the data held: control characters and line breaks shown escaped.
    one_line = clean(message).replace("\n", "\\n").replace("\t", " ")
    sys.stderr.write(f"hsm-guide: {one_line}\n")


@contextmanager
def _guard() -> Iterator[None]:
    """Turn the project's errors and Ctrl-C into one line and an exit status."""
    try:
        yield
    except typer.Exit:
        raise
    except GuideError as exc:
        _err(str(exc))
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
    except BrokenPipeError:
        # The reader (head, less) has gone: stop quietly, and keep Python's own
        # flush at exit from complaining about the closed pipe.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(0) from None
    except OSError as exc:  # reading and exporting report their own; what is left is the output itself
        _err(f"cannot write to standard output: {exc.strerror or exc}")
        raise typer.Exit(1) from None
    except Exception as exc:  # a bug in hsm-guide: still one line, never a traceback
        if os.environ.get("HSM_GUIDE_DEBUG"):
            raise
        _err(f"internal error: {type(exc).__name__}: {exc} (set HSM_GUIDE_DEBUG=1 to see the traceback)")
        raise typer.Exit(1) from None


def _load(ctx: typer.Context) -> KnowledgeBase:
    return _knowledge(ctx.obj)


def _knowledge(data: Path | None) -> KnowledgeBase:
    """The knowledge base --data names, else $HSM_GUIDE_DATA's, else the packaged one."""
    from .knowledge import load_cached, resolve_data_path

    return load_cached(resolve_data_path(data))


def _console() -> Console:
    """The console for section text: ASCII-only when the locale is C or POSIX.

    Python reads a C locale as UTF-8 (PEP 538/540), but a terminal set to C may show
    nothing but ASCII; UTF-8 mode switched on by the locale, rather than by the user
    (PYTHONUTF8 or -X utf8), is how that shows.
    """
    from rich.console import Console

    by_locale = sys.flags.utf8_mode and os.environ.get("PYTHONUTF8") != "1" and "utf8" not in sys._xoptions
    if by_locale and sys.stdout is not None and hasattr(sys.stdout, "buffer"):
        import io

        ascii_out = io.TextIOWrapper(sys.stdout.buffer, encoding="ascii", errors="replace", write_through=True)
        return Console(file=ascii_out, highlight=False, markup=False, emoji=False)
    return Console(highlight=False, markup=False, emoji=False)


def _emit(docs: Sequence[Document], as_json: bool, pager: bool) -> None:
    if as_json:
        from .render.json import render

        sys.stdout.buffer.write(render(docs).encode("utf-8"))
        sys.stdout.flush()
        return

    from .render.terminal import print_documents, write_documents

    console = _console()
    if pager:
        with console.pager(styles=True):
            print_documents(console, docs)
    else:
        write_documents(console, docs)


def _show(ctx: typer.Context, build: Callable[[KnowledgeBase], Document], as_json: bool, pager: bool) -> None:
    """Print one section; plain text output comes from the output cache when it can."""
    with _guard():
        if as_json or pager:
            _emit([build(_load(ctx))], as_json, pager)
            return

        from .cache import pages
        from .location import resolve_data_path
        from .render.terminal import render_text

        console = _console()
        text = render_text(console, [build(_load(ctx))])
        pages.save(resolve_data_path(ctx.obj), text, getattr(console.file, "encoding", None))
        console.file.write(text)
        console.file.flush()


# -- shell completion from the knowledge base ------------------------------------


def _completion_kb(ctx: typer.Context) -> KnowledgeBase | None:
    """The knowledge base in use (--data counts) for completing a word; never fails loudly."""
    try:  # the callback that stores --data does not run while completing: read the parsed value
        return _knowledge(ctx.find_root().params.get("data"))
    except Exception:  # a broken file just means no suggestions
        return None


def _complete(values: Callable[[KnowledgeBase], list[str]]) -> Callable[[typer.Context, str], list[str]]:
    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        kb = _completion_kb(ctx)
        if kb is None:
            return []
        return [v for v in values(kb) if v.lower().startswith(incomplete.lower())]

    return complete


def _pay_years(kb: KnowledgeBase) -> list[str]:
    from .sections.pay.editions import pay_years

    return [str(y) for y in pay_years(kb)]


def _area_words(kb: KnowledgeBase) -> list[str]:
    """Postal codes, state names and metro names, for completing --area."""
    if kb.wages is None:
        return []
    from .wages.areas import area_words
    from .wages.lookup import wage_data

    return area_words(wage_data(kb).area_list)


complete_sections = _complete(lambda kb: [s.name for s in SECTIONS])
complete_export = _complete(lambda kb: ["all"] + [s.name for s in SECTIONS])
complete_codes = _complete(lambda kb: [c.code for c in kb.certifications.credentials])
complete_backgrounds = _complete(lambda kb: [b.key for b in kb.paths.backgrounds])
complete_settings = _complete(lambda kb: [s.key for s in kb.paths.settings])
complete_years = _complete(_pay_years)
complete_areas = _complete(_area_words)


# -- section commands, registered from the one registry ---------------------------


AreaOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--area",
        metavar="AREA",
        autocompletion=complete_areas,
        help="A state (OH, Ohio), a metro area by any part of its name (boston), or a nonmetro area.",
    ),
]


def pay(
    ctx: typer.Context,
    year: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--year", metavar="YEAR", autocompletion=complete_years, help="One data year (May 2021 figures are 2021)."
        ),
    ] = None,
    hourly: Annotated[bool, typer.Option("--hourly", help="Hourly figures instead of yearly.")] = False,
    area: AreaOption = None,
    states: Annotated[bool, typer.Option("--states", help="Every state on a map, then ranked by median.")] = False,
    metros: Annotated[
        bool, typer.Option("--metros", help="The best- and worst-paying metro areas; with --area STATE, its areas.")
    ] = False,
    industry: Annotated[bool, typer.Option("--industry", help="Jobs and pay by industry, nationally.")] = False,
    history: Annotated[bool, typer.Option("--history", help="The median for every edition, as a chart.")] = False,
    salary: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--salary", metavar="AMOUNT", help="Where a salary stands: 95000, $95,000 or 95k (see --hourly)."),
    ] = None,
    as_json: JsonOption = False,
    pager: PagerOption = False,
    brief: BriefOption = False,
) -> None:
    with _guard():
        views = [
            name
            for name, on in (
                ("--states", states),
                ("--metros", metros),
                ("--industry", industry),
                ("--history", history),
                ("--salary", salary is not None),
            )
            if on
        ]
        if brief and (views or area is not None or year is not None or hourly):
            raise UsageError("--brief shows the section's key points; use it without other options")
        if len(views) > 1:
            raise UsageError(f"{' and '.join(views)} show different things; use one at a time")
        if area is not None and (states or industry or history):
            raise UsageError(f"--area does not apply to {views[0]}; use pay --area {area[:40]} on its own")
        if (year is not None or hourly) and history:
            raise UsageError("--history charts every year's yearly median; --year and --hourly do not apply to it")
        if year is not None and (area is not None or states or metros or industry):
            raise UsageError("--area, --states, --metros and --industry show the current release; leave out --year")

    def build(kb: KnowledgeBase) -> Document:
        from .sections.pay import area as by_area  # here, not above: a cached run never needs them
        from .sections.pay import history as edition_history
        from .sections.pay import industry as by_industry
        from .sections.pay import national
        from .sections.pay import salary as offer
        from .sections.pay import states as by_state

        if brief:
            return BY_NAME["pay"].brief(kb)
        if (
            not (history or hourly or salary is not None or year is not None or states or metros or industry)
            and area is None
        ):
            return BY_NAME["pay"].build(kb)  # the section itself, opening with its key points
        if history:
            return edition_history.pay_history(kb)
        if salary is not None:
            return offer.offer(kb, offer.parse_salary(salary, hourly), year, area)
        if states:
            return by_state.states_pay(kb, hourly)
        if metros:
            return by_state.metros_pay(kb, area, hourly)
        if industry:
            return by_industry.industry_pay(kb, hourly)
        if area is not None:
            return by_area.area_pay(kb, area, hourly)
        return national.pay(kb, year, hourly)

    _show(ctx, build, as_json, pager)


def related(
    ctx: typer.Context,
    area: AreaOption = None,
    as_json: JsonOption = False,
    pager: PagerOption = False,
    brief: BriefOption = False,
) -> None:
    def build(kb: KnowledgeBase) -> Document:
        from .sections import brief as only_key_points
        from .sections import with_key_points
        from .sections.reference import related as related_careers

        document = with_key_points(kb, related_careers(kb, area))
        return only_key_points(document) if brief else document

    _show(ctx, build, as_json, pager)


def certifications(
    ctx: typer.Context,
    code: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(metavar="[CODE]", autocompletion=complete_codes, help="A credential's code or name, e.g. CPHQ."),
    ] = None,
    as_json: JsonOption = False,
    pager: PagerOption = False,
    brief: BriefOption = False,
) -> None:
    def build(kb: KnowledgeBase) -> Document:
        from .sections import qualifications

        if code is None:
            section = BY_NAME["certifications"]
            return section.brief(kb) if brief else section.build(kb)
        return qualifications.certification(kb, code)

    _show(ctx, build, as_json, pager)


_CUSTOM: dict[str, tuple[Callable[..., None], str]] = {
    "pay": (pay, "hsm-guide pay --area OH"),
    "certifications": (certifications, "hsm-guide certifications CPHQ"),
    "related": (related, "hsm-guide related --area TX"),
}


def _section_command(section: Section) -> Callable[..., None]:
    def command(
        ctx: typer.Context, as_json: JsonOption = False, pager: PagerOption = False, brief: BriefOption = False
    ) -> None:
        _show(ctx, section.brief if brief else section.build, as_json, pager)

    command.__name__ = section.name
    return command


for _section in SECTIONS:
    _func, _example = _CUSTOM.get(_section.name, (_section_command(_section), f"hsm-guide {_section.name}"))
    commands.command(_section.name, help=_section.help, epilog=f"Example: {_example}")(_func)


@commands.command(
    "sections", help="List every section with a one-line description.", epilog="Example: hsm-guide sections"
)
def sections_command(ctx: typer.Context, as_json: JsonOption = False) -> None:
    from .sections import section_list

    _show(ctx, section_list, as_json, pager=False)


@commands.command(
    help="Routes into the occupation, or a route for you.",
    epilog="Example: hsm-guide path --from nurse --setting hospital",
)
def path(
    ctx: typer.Context,
    background: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--from",
            metavar="BACKGROUND",
            autocompletion=complete_backgrounds,
            help="student, nurse, clinician, records-tech, business or career-changer.",
        ),
    ] = None,
    setting: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--setting",
            metavar="SETTING",
            autocompletion=complete_settings,
            help="hospital, nursing-home, practice, health-information or public-health.",
        ),
    ] = None,
    as_json: JsonOption = False,
    pager: PagerOption = False,
) -> None:
    def build(kb: KnowledgeBase) -> Document:
        from .sections.paths import route

        return route(kb, background, setting)

    _show(ctx, build, as_json, pager)


@commands.command(help="A short questionnaire: is this career for you?", epilog="Example: hsm-guide fit")
def fit(
    ctx: typer.Context,
    answers: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--answers", metavar="5,4,3,...", help="All answers at once, 1-5, in statement order."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    from . import fit as questionnaire

    with _guard():
        kb = _load(ctx)
        count = len(kb.fit.statements)
        if answers is not None:
            values = questionnaire.answers_from_option(answers, count)
        elif _interactive():
            values = questionnaire.ask(kb)
        else:
            values = questionnaire.answers_from_lines(sys.stdin, count)
        _emit([questionnaire.result(kb, values)], as_json, pager=False)


def _interactive() -> bool:
    """Ask at the terminal only when a person is there; piped answers are read as lines."""
    return sys.stdin.isatty()


@commands.command(help="Search every section; forgives small typos.", epilog="Example: hsm-guide search HIPAA")
def search(
    ctx: typer.Context,
    query: Annotated[list[str], typer.Argument(metavar="WORDS...", help="What to look for.")],
    section: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--section", metavar="NAME", autocompletion=complete_sections, help="Search one section only."),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Show at most this many hits.")] = 20,
    as_json: JsonOption = False,
) -> None:
    from . import search as finder

    with _guard():
        kb = _load(ctx)
        result = finder.search(kb, " ".join(query), section)
        if as_json:
            import json

            sys.stdout.buffer.write(
                (json.dumps(finder.as_json(result, limit), ensure_ascii=False, indent=2) + "\n").encode()
            )
            sys.stdout.flush()
        elif result.hits:
            _emit([finder.document(kb, result, limit)], as_json=False, pager=False)
        if not result.hits:
            closest = f"; closest terms: {', '.join(result.closest)}" if result.closest else ""
            _err(f"no matches for '{result.query}'{closest}")
            raise typer.Exit(1)


@commands.command(
    help="Write sections to Markdown, JSON, HTML or SVG.",
    epilog="Example: hsm-guide export all -o guide.md",
)
def export(
    ctx: typer.Context,
    sections: Annotated[
        list[str], typer.Argument(metavar="SECTION...", autocompletion=complete_export, help="Section names, or all.")
    ],
    fmt: Annotated[
        Optional[Format],  # noqa: UP045
        typer.Option(
            "--format", "-f", case_sensitive=False, help="Output format (default: from -o's extension, else markdown)."
        ),
    ] = None,
    output: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--output", "-o", metavar="FILE", help="Write to FILE (default, or -: standard output)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
) -> None:
    from .export import choose_format, render, resolve_sections, write

    with _guard():
        resolve_sections(sections)  # a misspelled section is reported before any work
        write(render(_load(ctx), sections, choose_format(fmt, output)), output, force)


@commands.command(
    help="Check a knowledge base file and summarize it.",
    epilog="Example: hsm-guide validate data/occupation.yaml",
)
def validate(
    ctx: typer.Context,
    file: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Argument(metavar="[FILE]", readable=False, help="The file to check (default: the one in use)."),
    ] = None,
) -> None:
    from .knowledge import resolve_data_path
    from .knowledge import validate as check

    path = file or resolve_data_path(ctx.obj)
    with _guard():
        try:
            s = check(path)
        except DataError as exc:
            for problem in exc.problems:
                _err(str(problem))
            count = len(exc.problems)
            _err(f"{path}: {count} problem{'s' if count != 1 else ''} found")
            raise typer.Exit(1) from None
    extract = f"; wage extract: {s.estimates:,} estimates ({s.release})" if s.release else "; no wage extract"
    print(
        f"{path}: valid: {s.sections} sections, {s.items} items, {s.figures} figures, "
        f"{s.sources} sources, {s.citations} citations{extract}"
    )


class _Interrupted(BaseException):
    """Ctrl-C, raised past Click, which would otherwise print "Aborted!" and exit 1."""


def _interrupted(signum: int, frame: object) -> None:
    raise _Interrupted


def main() -> None:
    """Console-script entry point: exit 130 on Ctrl-C anywhere, quietly when stdout goes away."""
    import signal

    if sys.stdout is None:  # started with stdout closed (>&-): nothing can be shown
        _err("standard output is closed; nothing to write to")
        sys.exit(1)
    signal.signal(signal.SIGINT, _interrupted)
    code: int | str | None = 0
    try:
        app(prog_name="hsm-guide")
    except _Interrupted:
        code = 130
    except SystemExit as exc:
        code = exc.code
        if code == 1 and isinstance(sys.stdout, typer._click.utils.PacifyFlushWrapper):
            code = 0  # Click's mark that the reader closed the pipe (help, version): not a failure
    except OSError as exc:  # writing help or the version failed (a full disk, say)
        _err(f"cannot write to standard output: {exc.strerror or exc}")
        code = 1
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # the reader left before the last bytes went out
        pass
    except OSError as exc:
        _err(f"cannot write to standard output: {exc.strerror or exc}")
        code = 1
    except ValueError:  # stdout already closed
        pass
    with contextlib.suppress(OSError, ValueError):  # keep Python's own final flush quiet
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(code)


def command_names() -> list[str]:
    """Every subcommand, in the order `--help` lists them (for the README's reference)."""
    return list(_registered())


__all__ = ["BY_NAME", "app", "command_names", "main"]
