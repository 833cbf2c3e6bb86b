"""The modules mutation testing covers, and the mutants: edit here (see docs/maintainers.md).

MODULES names each module and the files that hold it (globs from the checkout's root): when code
moves, change the files here and the mutants follow, since each is found by its text. A Change's
`old` text must occur exactly once among its module's files; `why` says what a reader would see
go wrong. An equivalent mutant changes nothing a reader can see: it is listed with the reason and
not run.
"""

from __future__ import annotations

from typing import NamedTuple

TARGET = 0.90  # the share of non-equivalent mutants each module's tests must kill

MODULES: dict[str, list[str]] = {
    "wage lookup": ["src/hsm_guide/wages/lookup.py"],
    "pay sections": ["src/hsm_guide/sections/pay/*.py"],
    "question reader": ["src/hsm_guide/search/*.py", "src/hsm_guide/places/*.py", "src/hsm_guide/words.py"],
    "cache store": ["src/hsm_guide/cache/store.py"],
    "Markdown renderer": ["src/hsm_guide/render/markdown.py"],
    "HTML renderer": ["src/hsm_guide/render/html.py"],
    "fit": ["src/hsm_guide/fit.py"],
    "figures": ["src/hsm_guide/blocks.py"],  # the one formatter for figures and the pay phrase
}

# Tests no mutant counts as killed by: snapshots (regenerated, they accept any change), the README's
# generated examples (cog -r would accept them too), lint and type checks, the browser.
EXCLUDED = (
    "tests/test_golden.py",
    "tests/test_readme.py",
    "tests/test_code_quality.py",
    "tests/test_browser.py",
)


class Change(NamedTuple):
    old: str
    new: str
    why: str = ""
    equivalent: str = ""  # the reason no reader could tell the difference


def same(old: str, new: str, reason: str) -> Change:
    """An equivalent mutant, with why."""
    return Change(old, new, equivalent=reason)


MUTANTS: dict[str, list[Change]] = {
    "wage lookup": [
        Change("HOURS_A_YEAR = 2080", "HOURS_A_YEAR = 2000", "an hourly rate turned into a year at the wrong hours"),
        Change("ROUGH_EMPLOYMENT_RSE = 25.0", "ROUGH_EMPLOYMENT_RSE = 30.0", "the job count's reliability threshold"),
        Change("ROUGH_WAGE_RSE = 10.0", "ROUGH_WAGE_RSE = 15.0", "the mean wage's reliability threshold"),
        Change(
            "row.employment_rse >= ROUGH_EMPLOYMENT_RSE",
            "row.employment_rse > ROUGH_EMPLOYMENT_RSE",
            "a job count exactly at the threshold not called rough",
        ),
        Change(
            "row.wage_rse >= ROUGH_WAGE_RSE",
            "row.wage_rse > ROUGH_WAGE_RSE",
            "a wage exactly at the threshold not called rough",
        ),
        Change("parts.append(f\"the mean wage's", "parts.insert(0, f\"the mean wage's", "the warning's order"),
        Change('and r.industry.endswith("00")', "", "ownership variants listed beside their industry"),
        same(
            "and r.industry != ALL_INDUSTRIES\n",
            "\n",
            "the all-industries row is at industry level 0, which the level-4 test already leaves out",
        ),
        Change('r.kind in ("metro", "nonmetro")]', 'r.kind == "metro"]', "nonmetro areas left out"),
        Change("return found | {row.state}", "return found", "an area whose name lists no state is in none"),
        same(
            "len(code) == 2 and code.isupper()",
            "len(code) == 2",
            "no BLS area name has a two-letter piece after its last comma that is not a state's capitals",
        ),
        Change(
            'basis = "hourly" if measure.startswith("hourly") else "annual"',
            'basis = "annual" if measure.startswith("hourly") else "hourly"',
            "a top-coded hourly figure given the yearly bound",
        ),
        Change('return "not released"', 'return "not published"', "BLS's 'not released' misnamed"),
        Change(
            'self.cell(row, f"annual_{statistic}"), self.cell(row, f"hourly_{statistic}")',
            'self.cell(row, f"hourly_{statistic}"), self.cell(row, f"annual_{statistic}")',
            "the hourly figure said as a year's",
        ),
        Change("(OEWS, {self.label})", "(OEWS)", "the median without its release"),
        Change(
            "key=lambda r: r.employment or 0, reverse=True)",
            "key=lambda r: r.employment or 0)",
            "the largest employers listed smallest first",
        ),
        Change(
            'PERCENTILES = ((10, "p10"), (25, "p25")',
            'PERCENTILES = ((10, "p10"), (25, "p75")',
            "the 25th percentile given the 75th's figure",
        ),
        Change('(75, "p75"), (90, "p90"))', '(75, "p75"), (90, "p75"))', "the 90th given the 75th's figure"),
        Change('return "Median" if rank == 50 else ordinal(rank)', "return ordinal(rank)", "'50th' for the median"),
        Change("for c in sorted(codes) if c in", "for c in codes if c in", "BLS's footnotes out of their order"),
        same(
            'return fmt(cell, kind if isinstance(cell, (int, float)) else "text")',
            "return fmt(cell, kind)",
            "fmt returns text unchanged and None as '-' whatever the kind",
        ),
    ],
    "pay sections": [
        # common.py: the location quotient, the comparison in words, the band, the percentile table
        Change("if 0.95 <= lq <= 1.05:", "if 0.9 <= lq <= 1.1:", "the 'about the same' band widened"),
        Change("if 0.95 <= lq <= 1.05:", "if 0.95 < lq <= 1.05:", "0.95 not 'about the same'"),
        Change("if 0.95 <= lq <= 1.05:", "if 0.95 <= lq < 1.05:", "1.05 not 'about the same'"),
        same(
            'word = "more" if lq > 1 else "less"',
            'word = "more" if lq >= 1 else "less"',
            "differs at exactly 1, which the 'about the same' band answers first",
        ),
        Change('f"{lq:.1f} times as" if lq > 1', 'f"{lq:.2f} times as" if lq > 1', "a high quotient to hundredths"),
        Change("if abs(diff) < 0.5:", "if abs(diff) < 5:", "a few dollars' difference called the same"),
        Change("{'above' if diff > 0 else 'below'}", "{'above' if diff < 0 else 'below'}", "above and below swapped"),
        Change(
            "({share(abs(diff) / reference)})", "({share(abs(diff) / value)})", "the share taken of the wrong figure"
        ),
        Change(
            'for p in ("p10", "median", "p90"))',
            'for p in ("p25", "median", "p75"))',
            "the band drawn from the quartiles",
        ),
        Change(
            '("hourly", "hourly", "an hour") if hourly',
            '("hourly", "hourly", "a year") if hourly',
            "an hourly view captioned 'a year'",
        ),
        Change(
            'cells += [data.cell(row, f"hourly_{key}"), data.cell(row, f"annual_{key}")]',
            'cells += [data.cell(row, f"annual_{key}"), data.cell(row, f"hourly_{key}")]',
            "the percentile table's columns swapped",
        ),
        Change("{per:g} of every 1,000 jobs", "{per:g} of every 100 jobs", "jobs per thousand said per hundred"),
        # salary.py: reading an offer, placing it among the percentiles
        Change(
            'factor = 1000 if cleaned.endswith("k") else 1',
            'factor = 100 if cleaned.endswith("k") else 1',
            "95k read as 9,500",
        ),
        Change("if not value > 0 or", "if not value >= 0 or", "a salary of 0 accepted"),
        Change("if not hourly and value < 1000:", "if not hourly and value < 100:", "a yearly $500 taken as a salary"),
        Change(
            "value > (10_000 if hourly else 20_000_000)",
            "value > (1_000 if hourly else 20_000_000)",
            "a high hourly rate refused",
        ),
        Change(
            "return value * HOURS_A_YEAR if hourly else value",
            "return value if hourly else value",
            "an hourly rate placed as if yearly",
        ),
        Change(
            'places.append((nation, "nationally"))',
            'places.insert(0, (nation, "nationally"))',
            "the nation placed before the area asked for",
        ),
        Change("if v1 <= value <= v2:", "if v1 < value <= v2:", "an offer exactly on the 10th percentile not placed"),
        Change("if v1 <= value <= v2:", "if v1 <= value < v2:", "an offer exactly on the 90th percentile not placed"),
        Change("((value - v1) / (v2 - v1)", "((v2 - value) / (v2 - v1)", "interpolation running backward"),
        Change("return p1 + (p2 - p1)", "return p1 + (p2 - p1) // 2 + 0 * (p2 - p1)", "interpolation by halves"),
        Change(
            '"at the median" if round(rank) == 50',
            '"at the median" if rank == 50',
            "'at the median' only at exactly the median",
        ),
        Change(
            '"at the median" if round(rank) == 50',
            '"at the median" if round(rank) == 51',
            "'at the median' at the wrong rank",
        ),
        Change(
            'else f"about the {ordinal(round(rank))} percentile"',
            'else f"about the {ordinal(int(rank))} percentile"',
            "a rank truncated, not rounded",
        ),
        same(
            "below = value < known[0][1]",
            "below = value <= known[0][1]",
            "an offer equal to the lowest point is placed by the interpolation before this line",
        ),
        Change("ordinal(known[0 if below else -1][0])", "ordinal(known[0][0])", "above the 90th said 'above the 10th'"),
        Change("among the lowest-paid tenth", "among the best-paid tenth", "the lowest tenth called the best-paid"),
        Change(
            "you would earn more than about {percent(round(rank))}",
            "you would earn more than about {percent(rank)}",
            "an unrounded share of managers",
        ),
        Change(
            "return next(s for s in annual_sets if s.year == (year or years[-1])), years",
            "return next(s for s in annual_sets if s.year == (year or years[0])), years",
            "the earliest year's percentiles by default",
        ),
        Change(
            "table = max(medians, key=lambda t: t.year)",
            "table = min(medians, key=lambda t: t.year)",
            "the oldest industry medians",
        ),
        Change(
            'return versus(value, reference, same="the same")',
            'return versus(reference, value, same="the same")',
            "an offer's table cell compared backward",
        ),
        # editions.py: past years from the knowledge base
        Change(
            "return round(value / HOURS_A_YEAR, 2) if self.hourly else round(value * HOURS_A_YEAR)",
            "return round(value * HOURS_A_YEAR, 2) if self.hourly else round(value / HOURS_A_YEAR)",
            "converted figures multiplied where they should be divided",
        ),
        Change(
            'if basis == ("hourly" if self.hourly else "annual"):',
            'if basis == "annual":',
            "hourly figures given hourly converted again",
        ),
        Change(
            "(s.basis == wanted and held.basis != wanted)",
            "(s.basis != wanted and held.basis == wanted)",
            "the other basis's percentile set chosen",
        ),
        Change(
            "if e.pay_year > current.pay_year)",
            "if e.pay_year >= current.pay_year)",
            "the current edition called a later figure",
        ),
        Change('(" (current)" if e.pay_year == current else "")', '""', "the current edition not marked"),
        Change(
            'return f"May {s.year}" + (" (secondary)" if grade == "secondary" else "")',
            'return f"May {s.year}"',
            "a secondary source's band not marked",
        ),
        # states.py, industry.py, national.py, area.py, history.py, compare.py
        Change(
            'key=lambda r: data.value(r, f"{prefix}_median") or 0, reverse=True) + unreleased',
            'key=lambda r: data.value(r, f"{prefix}_median") or 0) + unreleased',
            "areas ranked lowest first",
        ),
        Change("reverse=True) + unreleased", "reverse=True)[::-1] + unreleased", "ranked lowest first"),
        Change(
            "return sorted(released, key",
            "return unreleased + sorted(released, key",
            "areas with no median ranked first",
        ),
        Change("+ unreleased\n", "\n", "areas with no median left out of the ranking"),
        Change("METROS_SHOWN = 10", "METROS_SHOWN = 5", "five metros, not ten"),
        Change("order[-METROS_SHOWN:][::-1]", "order[-METROS_SHOWN:]", "the lowest-paying metros highest first"),
        Change("BEST_PAYING_FLOOR = 1000", "BEST_PAYING_FLOOR = 100", "industries with few jobs ranked"),
        Change(
            "(r.employment or 0) >= BEST_PAYING_FLOOR",
            "(r.employment or 0) > BEST_PAYING_FLOOR",
            "an industry with exactly the floor left out",
        ),
        Change(
            'return sorted(sized, key=lambda r: data.value(r, f"{prefix}_median") or 0, reverse=True)',
            'return sorted(sized, key=lambda r: data.value(r, f"{prefix}_median") or 0)',
            "the best-paying industries listed lowest first",
        ),
        Change("SHOWN = 10\n", "SHOWN = 5\n", "five industries, not ten"),
        Change(
            "key=lambda r: r.annual_median or 0, reverse=True\n    )",
            "key=lambda r: r.annual_median or 0\n    )",
            "the best-paying states lowest first",
        ),
        Change(
            'for r in ranked[:5]],\n        caption=f"Top five by median',
            'for r in ranked[:4]],\n        caption=f"Top five by median',
            "four best-paying states",
        ),
        Change(
            'f"{versus(median, national_median)} the national median',
            'f"{versus(national_median, median)} the national median',
            "an area's comparison with the nation backward",
        ),
        Change(
            'if row.kind == "state":\n        b.hint',
            'if row.kind != "state":\n        b.hint',
            "the metro hint on a metro's page",
        ),
        Change('sign = "+" if diff >= 0 else "-"', 'sign = "-" if diff >= 0 else "+"', "a rise said as a fall"),
        Change(
            "({share(diff / old, signed=True)})",
            "({share(diff / new, signed=True)})",
            "the change's share of the wrong year",
        ),
        Change(
            'primary = [p for p in points if grade_of(kb, p[3]) != "secondary"]',
            "primary = points",
            "a secondary source's figure counted in the change",
        ),
        Change(
            'data.cell(row, "annual_p10"),\n                data.cell(row, "annual_p90"),',
            'data.cell(row, "annual_p90"),\n                data.cell(row, "annual_p10"),',
            "the 10th and 90th swapped in the side-by-side table",
        ),
        Change(
            'if found.kind not in ("state", "national"):',
            'if found.kind not in ("state", "national", "metro"):',
            "a metro accepted where the comparison is by state",
        ),
    ],
    "question reader": [
        Change(
            '_YEAR = re.compile(r"(19|20)\\d\\d")', '_YEAR = re.compile(r"(20)\\d\\d")', "years in the 1900s not read"
        ),
        Change(
            '"two-degrees": len(reading.degrees) >= 2',
            '"two-degrees": len(reading.degrees) >= 1',
            "one degree taken for a comparison of two",
        ),
        Change(
            '"degree": len(reading.degrees) >= 1', '"degree": len(reading.degrees) >= 2', "one degree not recognized"
        ),
        Change(
            '"two-occupations": len(reading.occupations) >= 2',
            '"two-occupations": len(reading.occupations) >= 1',
            "one occupation taken for two",
        ),
        Change(
            "len(reading.occupations) == 1 and reading.occupations[0] != reading.own",
            "len(reading.occupations) == 1",
            "this occupation compared with itself",
        ),
        Change(
            '"two-places": reading.other is not None',
            '"two-places": reading.place is not None',
            "one place taken for two",
        ),
        Change(
            "return {e.pay_year for e in kb.quick_facts.editions} - {current}",
            "return {e.pay_year for e in kb.quick_facts.editions}",
            "the current release's year called past",
        ),
        Change("_LONGEST_PLACE = 4", "_LONGEST_PLACE = 3", "a four-word place ('salt lake city ut') not read whole"),
        Change(
            "found.sort(key=lambda a: -places.employment.get(a.code, -1.0))",
            "found.sort(key=lambda a: places.employment.get(a.code, -1.0))",
            "of several metros, the one with the fewest of these jobs first",
        ),
        Change(
            "code = len(span) == 1 and typed[start] in _STATE_CODES",
            "code = False",
            "a postal code typed in capitals (IN, OR) not read",
        ),
        Change(
            "if word in vocabulary or len(word) < 4:",
            "if word in vocabulary or len(word) < 3:",
            "a three-letter word taken for a metro",
        ),
        Change(
            "if word in places.ordinary and not (start > 0 and typed[0][:1].isupper()):",
            "if word in places.ordinary:",
            "'pay in Mobile' not read as the metro",
        ),
        Change(
            "return tuple(d for _, d in sorted(named, key=lambda pair: pair[0]))",
            "return tuple(d for _, d in sorted(named, key=lambda pair: -pair[0]))",
            "two degrees in the wrong order",
        ),
        Change(
            'return word[:-1] if len(word) > 3 and word.endswith("s")',
            'return word[:-1] if len(word) > 2 and word.endswith("s")',
            "a three-letter word lost its s",
        ),
        Change(
            "return min(found, key=lambda hit: hit[:2])[2] if found else None\n\n\n# -- places",
            "return max(found, key=lambda hit: hit[:2])[2] if found else None\n\n\n# -- places",
            "the term named last, not first",
        ),
        Change(
            "if code not in found and not any(span.start in r for r in found.values()):",
            "if code not in found:",
            "an industry inside another's words named twice",
        ),
        Change(
            "and b[1] - b[0] > a[1] - a[0] for b in at)",
            "and b[1] - b[0] >= a[1] - a[0] for b in at)",
            "every occupation title dropped as inside itself",
        ),
        Change("at.append((min(named), route))", "at.append((max(named), route))", "a route named by a later word"),
        Change(
            "soc = others[0] if len(others) == 1 else data.soc",
            "soc = data.soc",
            "another occupation's pay question answered with this one's",
        ),
        Change("if PERCENTILES & set(reading.words):", "if False:", "'the top 10%' not said plainly"),
        Change("if STARTING in reading.groups:", "if False:", "starting pay not answered"),
        Change("RANKED = 5", "RANKED = 3", "three areas in a ranking card, not five"),
        Change(
            "shown = order[-RANKED:][::-1] if lowest else order[:RANKED]",
            "shown = order[:RANKED]",
            "the lowest-paying states answered with the best",
        ),
        Change("if r.state not in TERRITORIES]", "]", "territories ranked among the states"),
        Change(
            "shown = [*areas[:3], *areas[-3:]] if len(areas) > 6 else areas",
            "shown = areas[:6]",
            "rural pay: the six best, not the three best and the three lowest",
        ),
        Change(
            "largest = sorted(data.industries(), key=lambda r: r.employment or 0, reverse=True)[:RANKED]",
            "largest = sorted(data.industries(), key=lambda r: r.employment or 0)[:RANKED]",
            "the smallest employers as the largest",
        ),
        Change("SOURCES_NAMED = 3", "SOURCES_NAMED = 1", "a card naming one source of several"),
        Change('depth += (c in "([{") - (c in ")]}")', "depth += 0", "a title cut inside its brackets"),
        Change(
            "for year in (y for y in reading.years if y not in held):",
            "for year in ():",
            "a year the guide has no pay for not said",
        ),
        Change(
            "route = reading.background or kb.paths.backgrounds[0]",
            "route = kb.paths.backgrounds[0]",
            "how long from a background answered for the student",
        ),
        Change("first, second = reading.degrees[:2]", "second, first = reading.degrees[:2]", "two degrees swapped"),
        Change(
            "other=second[0] if second and places and second[0] != places[0] else None",
            "other=second[0] if second and places else None",
            "a place set beside itself",
        ),
    ],
    "cache store": [
        # The survivors about files the store did not write (a FIFO or a link at an entry's path; prune
        # deleting files it did not write) are left to the store's rewrite (issue 20).
        Change(
            "if (info.st_mode & 0o170000) != _REGULAR or info.st_size > limit:",
            "if info.st_size > limit:",
            "a file that is not a regular file read as an entry",
        ),
        Change("info.st_size > limit:", "info.st_size > limit * 2:", "an entry over the limit read"),
        Change(
            "return (raw, info) if len(raw) <= limit else None", "return (raw, info)", "an entry grown while read kept"
        ),
        Change(
            "entries = [e for e in os.scandir(where) if e.name.endswith(suffix)]",
            "entries = list(os.scandir(where))",
            "prune deleting files that are not its entries",
        ),
        Change("if len(entries) > keep:", "if len(entries) >= keep:", "one entry too few kept"),
        Change("for old in entries[: len(entries) - keep]:", "for old in entries[keep:]:", "the newest entries pruned"),
        Change(
            'return os.environ.get(DISABLE_VAR, "") in ("", "0")',
            'return os.environ.get(DISABLE_VAR, "") == ""',
            "HSM_GUIDE_NO_CACHE=0 turning the cache off",
        ),
        Change("return chosen if os.path.isabs(chosen) else None", "return chosen", "a relative cache folder used"),
        Change("if os.path.isabs(xdg):", "if xdg:", "a relative XDG_CACHE_HOME used"),
        Change(
            "if len(blob) < _HEADER or blob[: len(magic)] != magic",
            "if len(blob) < _HEADER",
            "another cache's entry read",
        ),
        Change("or blob[len(magic) : len(magic) + DIGEST] != key:", ":", "another key's entry read"),
        Change(
            "payload if blake2b(payload, digest_size=DIGEST).digest() == blob[_HEADER - DIGEST : _HEADER] else None",
            "payload",
            "a damaged entry read",
        ),
        Change(
            "if ours(entry.name) and not entry.is_dir(follow_symlinks=False):",
            "if not entry.is_dir(follow_symlinks=False):",
            "cache clear deleting files that are not the cache's",
        ),
        Change(
            'return name.startswith(".") and name.endswith(".tmp")',
            'return name.endswith(".tmp")',
            "any .tmp file taken for the cache's own",
        ),
        Change(
            "STALE_TEMP_SECONDS = 600.0", "STALE_TEMP_SECONDS = 0.0", "a writer's temporary file swept while it writes"
        ),
    ],
    "Markdown renderer": [
        Change(
            'return slug if count == 0 else f"{slug}-{count}"',
            'return slug if count == 0 else f"{slug}-{count + 1}"',
            "a repeated heading's anchor numbered from 2",
        ),
        Change(
            'return slug if count == 0 else f"{slug}-{count}"', "return slug", "repeated headings sharing an anchor"
        ),
        Change(
            'slug = re.sub(r"[^\\w\\- ]", "", text.strip().lower())',
            'slug = re.sub(r"[^\\w\\- ]", "", text.strip())',
            "anchors keeping capitals",
        ),
        Change('.replace(" ", "-")\n    count', '.replace(" ", "_")\n    count', "anchors joining words with _"),
        Change('    anchor("Contents", seen)\n', "", "the contents heading not counted among the anchors"),
        Change(
            "            if isinstance(block, Heading):\n                anchor(block.text, seen)",
            "            if isinstance(block, Heading):\n                pass",
            "a section's headings not counted",
        ),
        Change(
            'align = ["---:" if c.kind not in ("text", "code") else "---"',
            'align = ["---" if c.kind not in ("text", "code") else "---"',
            "number columns losing their right alignment",
        ),
        Change(
            'align = ["---:" if c.kind not in ("text", "code") else "---"',
            'align = ["---:" if c.kind not in ("text",) else "---"',
            "a command column aligned right",
        ),
        Change(
            '[label or "Item", value or "Figure"], ["---", "---:"]',
            '[label or "Item", value or "Figure"], ["---", "---"]',
            "a chart's figures not aligned right",
        ),
        Change('["---", "---:", "---:", "---:"]', '["---", "---", "---", "---"]', "a band's figures not aligned right"),
        Change(
            '_PUNCTUATION = re.compile(r"([\\\\`*_\\[\\]|~#])")',
            '_PUNCTUATION = re.compile(r"([\\\\`*_\\[\\]~#])")',
            "a | in the data splitting a table cell",
        ),
        Change(
            '_PUNCTUATION = re.compile(r"([\\\\`*_\\[\\]|~#])")',
            '_PUNCTUATION = re.compile(r"([\\\\`_\\[\\]|~#])")',
            "a * in the data making emphasis",
        ),
        Change(
            'text = text.replace("&", "&amp;").replace("<", "&lt;")',
            'text = text.replace("<", "&lt;")',
            "a & in the data read as an entity",
        ),
        Change(
            '.replace("<", "&lt;").replace(">", "&gt;")',
            '.replace(">", "&gt;")',
            "a <script> in the data kept as a tag",
        ),
        Change(
            "return _LINE_START.sub(lambda m: m.group(1) + _escape_lead(m.group(2)), text)",
            "return text",
            "a line of data opening a list or quote",
        ),
        Change(
            'text = UNSAFE.sub("\\ufffd", " ".join(text.split()))',
            'text = UNSAFE.sub("\\ufffd", text)',
            "a line break in the data breaking a table row",
        ),
        Change(
            "yield f\"{'#' * min(6, top + block.level - 2)} {escape(block.text)}\"",
            "yield f\"{'#' * min(6, top + block.level - 1)} {escape(block.text)}\"",
            "headings a level too deep",
        ),
        Change(
            'return re.fullmatch(r"https?://[^\\s<>`]+", url) is not None', "return True", "any address made a link"
        ),
        Change(
            'return f"`{text}`" if kind == "code" and not set(text) & set("`|") else escape(text)',
            'return f"`{text}`" if kind == "code" else escape(text)',
            "a command with a | breaking its table",
        ),
        Change(
            'yield "| " + " | ".join(cell or " " for cell in cells) + " |"',
            'yield "| " + " | ".join(cells) + " |"',
            "an empty cell collapsing its row",
        ),
        Change('marker = f"{n}." if block.ordered else "-"', 'marker = "-"', "an ordered list unnumbered"),
    ],
    "HTML renderer": [
        Change(
            'MarkdownIt("commonmark", {"html": False})',
            'MarkdownIt("commonmark", {"html": True})',
            "raw HTML from the data passed through",
        ),
        Change("return html.escape(plain(value))", "return plain(value)", "data's < and & written as markup"),
        Change('return UNSAFE.sub("\\ufffd", " ".join(value.split()))', "return value", "control characters written"),
        Change(
            "return _SOC.sub(lambda m: f'<span class=\"nowrap\">{m.group(0)}</span>', escaped)",
            "return escaped",
            "an occupation code broken at its hyphen",
        ),
        Change('token.attrSet("scope", "col")', "pass", "column headers without scope"),
        Change('child.attrSet("class", "url")', "pass", "a printed address shown twice"),
        Change("self.charts += 1", "self.charts += 0", "charts sharing their SVG ids"),
        Change(
            "ident = html.escape(anchor(value, self.seen))",
            "ident = html.escape(anchor(value, {}))",
            "repeated headings sharing an id",
        ),
        Change(
            "return self.heading(min(6, top + block.level - 2), block.text)",
            "return self.heading(min(6, top + block.level - 1), block.text)",
            "headings a level too deep",
        ),
        Change(
            'return f"{value} by {label[:1].lower()}{label[1:]}"',
            'return f"{label} by {value}"',
            "an uncaptioned chart named backward",
        ),
        Change(
            'table = self.markdown(replace(block, caption=None), top, label=f"{caption}: the figures")',
            'table = ""',
            "a chart without its figures as text",
        ),
        Change(
            'label = html.escape(env.get("label", "Table"))',
            'label = env.get("label", "Table")',
            "a table's label unescaped in its attribute",
        ),
        Change(
            "return self.markdown(block, top, label=block.caption or _columns(block))",
            "return self.markdown(block, top)",
            "a table's region unlabeled",
        ),
        Change('"<!DOCTYPE html>\\n"', '""', "no doctype"),
        Change('<html lang="en">', "<html>", "the page's language unsaid"),
        Change(
            "return f'<p class=\"note\"><strong>Note:</strong> {text(block.text)}</p>\\n'",
            "return f'<p class=\"note\"><strong>Note:</strong> {block.text}</p>\\n'",
            "a note's text unescaped",
        ),
    ],
    "fit": [
        Change('band = "high" if mean >= 3.5', 'band = "high" if mean > 3.5', "exactly 3.5 not called high"),
        Change('band = "high" if mean >= 3.5', 'band = "high" if mean >= 3.6', "the high band's boundary moved"),
        Change('else "low" if mean <= 2.5', 'else "low" if mean < 2.5', "exactly 2.5 not called low"),
        Change('else "low" if mean <= 2.5', 'else "low" if mean <= 2.4', "the low band's boundary moved"),
        Change(
            'return int(text) if text in ("1", "2", "3", "4", "5") else None',
            'return int(text) if text in ("0", "1", "2", "3", "4", "5") else None',
            "0 accepted as an answer",
        ),
        Change(
            'return int(text) if text in ("1", "2", "3", "4", "5") else None',
            'return int(text) if text in ("1", "2", "3", "4", "5", "6") else None',
            "6 accepted as an answer",
        ),
        Change(
            "append(6 - answer if statement.reverse else answer)",
            "append(answer)",
            "reverse statements not turned round",
        ),
        Change(
            "append(6 - answer if statement.reverse else answer)",
            "append(5 - answer if statement.reverse else answer)",
            "reverse statements turned round off by one",
        ),
        Change(
            "Score(area, round(mean, 2), band)", "Score(area, round(mean), band)", "scores rounded to whole numbers"
        ),
        Change(
            "if len(parts) == count:\n                break",
            "if len(parts) > count:\n                break",
            "a pipe read past the last answer",
        ),
        Change("if len(parts) != count:", "if len(parts) < count:", "too many answers accepted"),
        Change(
            "if len(toward) > against + mixed / 2", "if len(toward) >= against + mixed / 2", "a tie called a good match"
        ),
        Change(
            "if against > len(toward) + mixed / 2", "if against >= len(toward) + mixed / 2", "a tie called a poor match"
        ),
        Change("maximum=5,", "maximum=None,", "bars scaled to the highest score, not to 5"),
        Change("({scale[a - 1].lower()})", "({scale[a % len(scale)].lower()})", "an answer given the next label"),
        Change('if line == "":', 'if line == "\\n":', "an empty line taken for the end of input"),
    ],
    "figures": [
        Change(
            'return f"-${-value:,.0f}" if value < 0 else f"${value:,.0f}"',
            'return f"${value:,.0f}"',
            "a negative amount read $-5,210",
        ),
        Change('f"${value:,.0f}"\n', 'f"${value:,.2f}"\n', "dollars with cents"),
        Change(
            'return f"-${-value:,.2f}" if value < 0 else f"${value:,.2f}"',
            'return f"-${-value:,.2f}" if value < 0 else f"${value:,.1f}"',
            "an hourly wage to a dime",
        ),
        Change('return f"{ratio:+.0%}" if signed else f"{ratio:.0%}"', 'return f"{ratio:.0%}"', "a rise without its +"),
        Change(
            'if per_hour is None:\n        return f"{year} a year"',
            "if per_hour is None:\n        pass",
            "'- an hour' where there is no hourly figure",
        ),
        same(
            "if isinstance(annual, str) and year == hour:",
            "if year == hour:",
            "a figure a year and one an hour never read alike: the hourly one has cents",
        ),
        Change("if isinstance(annual, str) and year == hour:", "if False:", "'not released' said twice"),
        Change(
            'return f"{year} a year, {hour} an hour"',
            'return f"{year} a year ({hour} an hour)"',
            "a second wording of pay",
        ),
        Change('{1: "st", 2: "nd", 3: "rd"}', '{1: "st", 2: "rd", 3: "nd"}', "'2rd', '3nd'"),
        Change('suffix = "th" if 10 <= n % 100 <= 20 else', 'suffix = "th" if n < 0 else', "'11st', '12nd', '13rd'"),
        Change('.get(n % 10, "th")', '.get(n, "th")', "'21th', '52th'"),
        same(
            'suffix = "th" if 10 <= n % 100 <= 20 else',
            'suffix = "th" if 10 <= n % 100 <= 13 else',
            "14 to 20 end in 4 to 9 or 0, which take 'th' anyway",
        ),
    ],
}
