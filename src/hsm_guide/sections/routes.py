"""The routes in and the occupations they name, looked up by the pages that show them (path,
timeline, handout, related, search): a leaf module, so no page has to import another to find one."""

from __future__ import annotations

import re

from ..errors import UsageError
from ..model import Certification, KnowledgeBase, Route


def find(options: list[Route], key: str, option: str) -> Route:
    """The route named by its key or an alias, case-insensitively, spaces or hyphens between words."""
    wanted = words(key)
    for candidate in options:
        if wanted in {words(name) for name in (candidate.key, *candidate.aliases)}:
            return candidate
    from ..suggest import hint

    keys = [x.key for x in options]
    raise UsageError(f"unknown value '{key}' for {option}{hint(key, keys)} (valid: {', '.join(keys)})")


def words(name: str) -> str:
    """A name as its words: 'Registered-Nurse', 'registered  nurse' -> 'registered nurse'."""
    return " ".join(re.split(r"[\s_-]+", name.strip().casefold())).strip()


def setting_credentials(kb: KnowledgeBase, setting: Route) -> list[Certification]:
    """The credentials a setting's route names in its certification steps, by code."""
    named = " ".join(s.text for s in setting.steps if s.kind == "certification")
    codes = set(named.replace(",", " ").replace(".", " ").split())
    return [c for c in kb.certifications.credentials if c.code in codes]


def related_socs(kb: KnowledgeBase) -> list[str]:
    return [c.soc for g in kb.related for c in g.careers if c.soc]


def start_socs(route: Route) -> list[str]:
    """The occupations a background route starts from, the one it names first."""
    return list(dict.fromkeys([*([route.soc] if route.soc else []), *route.compare]))


def route_socs(kb: KnowledgeBase) -> list[str]:
    """Every occupation the routes start from, in the routes' order (registered nurses among them)."""
    return list(dict.fromkeys(soc for r in kb.paths.backgrounds for soc in start_socs(r)))
