"""The registry of views: every page a user can ask for, registered once.

A view has a name, a one-line help, an example, its options and the builder
that turns the knowledge base and those options into a Document. The guide's
sections are views too, in reading order, each naming its section builder in
sections/: `export all` walks them, search reads them and validation checks that
key points name one. The CLI makes a command of each view (app/viewcommand.py),
`export` renders several into one document, `hsm-guide sections` lists them and
completion reads their options. Nothing here imports the framework or the model:
--help and the warm path never pay for a builder they do not run.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..blocks import Document
    from ..environment import Environment
    from ..model import KnowledgeBase


class Option:
    """One option or argument of a view, as the command line spells it.

    kind: "flag" (on or off), "text", "int", "argument" (an optional word) or "words" (one or more).
    complete: the name of a completer in app/completion.py.
    """

    __slots__ = ("complete", "default", "flags", "help", "kind", "metavar", "minimum", "name")

    def __init__(
        self,
        name: str,
        flags: tuple[str, ...],
        help: str,
        kind: str = "text",
        metavar: str | None = None,
        complete: str | None = None,
        default: Any = None,
        minimum: int | None = None,
    ) -> None:
        self.name = name  # the builder's keyword
        self.flags = flags
        self.help = help
        self.kind = kind
        self.metavar = metavar
        self.complete = complete
        self.default = False if kind == "flag" else default
        self.minimum = minimum


class View:
    """A page: its command name, help, example, options and builder ("module:function" in views/).

    `section` ("module:function" in sections/) makes the view one of the guide's sections:
    the builder of the whole section, which its page shows when given no options.
    """

    __slots__ = (
        "cacheable",
        "command",
        "example",
        "format",
        "help",
        "name",
        "options",
        "reads_input",
        "section",
        "target",
    )

    def __init__(
        self,
        name: str,
        help: str,
        target: str,
        options: tuple[Option, ...] = (),
        example: str | None = None,
        command: bool = True,
        cacheable: bool = True,
        format: str = "terminal",
        section: str | None = None,
        reads_input: bool = False,
    ) -> None:
        self.name = name
        self.help = help
        self.target = target
        self.options = options
        self.example = example or f"hsm-guide {name}"
        self.command = command  # False: a page with no command of its own (the snapshot card)
        self.cacheable = cacheable  # False: the page depends on more than its command line (fit asks, a date)
        self.format = format  # the format without --format or an -o extension (a handout is a page: HTML)
        self.section = section
        self.reads_input = reads_input  # True: the builder is given the environment, to read standard input

    def build(self, kb: KnowledgeBase, env: Environment | None = None, **values: Any) -> Document:
        """The page for these option values (missing ones take their defaults)."""
        module, function = self.target.split(":")
        options = {o.name: o.default for o in self.options} | values
        if self.reads_input:
            options["env"] = env
        document: Document = getattr(import_module(f"{__name__}.{module}"), function)(kb, self.name, **options)
        return document

    def whole_section(self, kb: KnowledgeBase, brief: bool = False) -> Document:
        """The section this view is, opening with its key points; with `brief`, only those."""
        from ..sections import brief as only_key_points
        from ..sections import with_key_points

        assert self.section is not None, f"{self.name} is not a section"
        module, function = self.section.split(":")
        document = with_key_points(kb, getattr(import_module(f"..sections.{module}", __name__), function)(kb))
        return only_key_points(document) if brief else document

    def brief(self, kb: KnowledgeBase) -> Document:
        """The section's key points alone (what --brief prints)."""
        return self.whole_section(kb, brief=True)


BRIEF = Option("brief", ("--brief",), "Only the section's key points.", "flag")
AREA = Option(
    "area",
    ("--area",),
    "A state (OH, Ohio), a metro area by any part of its name (boston), or a nonmetro area.",
    metavar="AREA",
    complete="areas",
)
PAY_OPTIONS = (
    Option("year", ("--year",), "One data year (May 2021 figures are 2021).", "int", metavar="YEAR", complete="years"),
    Option("hourly", ("--hourly",), "Hourly figures instead of yearly.", "flag"),
    AREA,
    Option("states", ("--states",), "Every state on a map, then ranked by median.", "flag"),
    Option("metros", ("--metros",), "The best- and worst-paying metro areas; with --area STATE, its areas.", "flag"),
    Option("industry", ("--industry",), "Jobs and pay by industry, nationally.", "flag"),
    Option("history", ("--history",), "The median for every edition, as a chart.", "flag"),
    Option("salary", ("--salary",), "Where a salary stands: 95000, $95,000 or 95k (see --hourly).", metavar="AMOUNT"),
    BRIEF,
)
BACKGROUND_HELP = "student, nurse, clinician, records-tech, business, retail or career-changer."
SETTING_HELP = "hospital, nursing-home, practice, health-information or public-health."
CODE = Option("code", (), "A credential's code or name, e.g. CPHQ.", "argument", metavar="[CODE]", complete="codes")
LICENSURE_OPTIONS = (
    Option(
        "states",
        ("--states",),
        "Nursing home administrator licensing in the 50 states and DC, one table.",
        "flag",
    ),
    Option(
        "state",
        ("--state",),
        "One state's requirements, each with its cited page: VA or Virginia.",
        metavar="STATE",
        complete="states",
    ),
    BRIEF,
)
# Sections whose command takes more than --brief: their options and builder.
SPECIAL = {
    "pay": (PAY_OPTIONS, "pay:pay", "hsm-guide pay --area OH"),
    "certifications": ((CODE, BRIEF), "pages:certifications", "hsm-guide certifications CPHQ"),
    "related": ((AREA, BRIEF), "pages:related", "hsm-guide related --area TX"),
    "licensure": (LICENSURE_OPTIONS, "pages:licensure", "hsm-guide licensure --state VA"),
}


# The sections, in reading order: name, help (the command's and its line in `hsm-guide sections`),
# and the section's builder in sections/.
SECTION_LIST = (
    ("overview", "What the job is, other titles and the current quick facts.", "about:overview"),
    ("duties", "What managers do: duties, responsibilities, O*NET tasks.", "about:duties"),
    ("roles", "Manager types, job titles, specializations, DOT roles.", "about:roles"),
    ("settings", "Where they work: employers, hours, work environment.", "about:settings"),
    ("pay", "Median pay, percentiles, pay by industry and by area.", "pay.national:pay"),
    ("outlook", "Projected growth by edition, openings, drivers, trends.", "outlook:outlook"),
    ("education", "Degrees, majors, courses and the steps into the field.", "qualifications:education"),
    ("licensure", "Licenses: nursing home administrators and other posts.", "qualifications:licensure"),
    ("certifications", "Credentials: issuing body, who they suit, renewal.", "qualifications:certifications"),
    ("skills", "The qualities and skills employers look for.", "about:skills"),
    ("interests", "Holland interest areas and the personality it suits.", "about:interests"),
    ("advancement", "Experience that leads in, and how managers move up.", "qualifications:advancement"),
    ("related", "Related careers, in and outside healthcare.", "reference:related"),
    ("resources", "Professional organizations and what each is for.", "reference:resources"),
    ("day", "A day in the life of a clinical manager.", "about:day"),
    ("sources", "Every source, its grade and data year; disagreements.", "reference:sources"),
)


def _section_view(name: str, help: str, builder: str) -> View:
    options, target, example = SPECIAL.get(name, ((BRIEF,), "pages:section", None))
    return View(name, help, target, options, example, section=builder)


VIEWS: tuple[View, ...] = (
    *(_section_view(*entry) for entry in SECTION_LIST),
    View("sections", "List every section with a one-line description.", "pages:sections"),
    View(
        "path",
        "Routes into the occupation, or a route for you.",
        "pages:path",
        (
            Option("background", ("--from",), BACKGROUND_HELP, metavar="BACKGROUND", complete="backgrounds"),
            Option("setting", ("--setting",), SETTING_HELP, metavar="SETTING", complete="settings"),
            Option(
                "area",
                ("--area",),
                "Your starting occupation's pay beside this one's in a state (OH, Ohio).",
                metavar="AREA",
                complete="areas",
            ),
        ),
        "hsm-guide path --from nurse --setting hospital",
    ),
    View(
        "explain",
        "The guide's terms in plain words (median, OEWS, Job Zone, CAHME, AIT...).",
        "pages:explain",
        (
            Option(
                "term", (), "A term, its abbreviation or its name; none: the list.", "words", "[TERM]", complete="terms"
            ),
        ),
        "hsm-guide explain location-quotient",
    ),
    View(
        "fit",
        "A short questionnaire: is this career for you?",
        "pages:fit",
        (Option("answers", ("--answers",), "All answers at once, 1-5, in statement order.", metavar="5,4,3,..."),),
        cacheable=False,
        reads_input=True,
    ),
    View(
        "search",
        "Search every section, or ask a question; forgives small typos.",
        "pages:search",
        (
            Option("words", (), "What to look for, or a question in your own words.", "words", metavar="WORDS..."),
            Option("section", ("--section",), "Search one section only.", metavar="NAME", complete="sections"),
            Option("limit", ("--limit",), "Show at most this many passages (5 by default).", "int", minimum=1),
            Option("all", ("--all",), "Show every passage that matches.", "flag"),
        ),
        "hsm-guide search HIPAA",
    ),
    View(
        "handout",
        "A two-page sheet to hand out: the job, pay, a route, credentials, outlook.",
        "pages:handout",
        (
            AREA,
            Option("background", ("--from",), BACKGROUND_HELP, metavar="BACKGROUND", complete="backgrounds"),
            Option("setting", ("--setting",), SETTING_HELP, metavar="SETTING", complete="settings"),
        ),
        "hsm-guide handout --area OH --from nurse --setting hospital -o sheet.html",
        cacheable=False,  # it carries the date it was made
        format="html",
    ),
    View("snapshot", "The card hsm-guide prints with no command.", "pages:snapshot", command=False),
)

BY_NAME: dict[str, View] = {v.name: v for v in VIEWS}
SECTIONS: tuple[View, ...] = tuple(v for v in VIEWS if v.section)  # the guide's sections, in reading order
SECTION_NAMES: tuple[str, ...] = tuple(v.name for v in SECTIONS)
