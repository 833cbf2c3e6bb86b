"""Each answer a card can give: the function that shows it, and the kinds of part it can use.

What an answer can use is how a card is scored against a question's parts (scoring.py): a card that
needs a part the question names is preferred, one that has no use for it is set back, so a question
that names a background, a credential or a place leads with a card that answers for it. The function
returns what it did use for the question in hand (`card.Answered`), never more than it can use here
(tests/test_search.py checks this).
"""

from __future__ import annotations

from typing import NamedTuple


class Family(NamedTuple):
    function: str  # "module:function" in this package, imported when a card needs it
    uses: frozenset[str]  # the kinds of part it can use


def _family(function: str, uses: str = "") -> Family:
    return Family(function, frozenset(uses.split()))


# A job title of this occupation (a role: 'hospital administrator') is what every answer is about, so
# each family can use it: only a card that answers for a kind of manager needs one.
_ROUTE = "background setting role industry occupation"
_CREDENTIAL = "credential term organization role background"
FAMILIES = {
    "pay": _family("pay:pay", "place occupation year past-year role industry setting credential"),
    "offer": _family("offer:offer", "place amount role industry setting"),  # where the offer is from: said in a note
    "places": _family("compare:places", "place role"),  # a role named is one of this occupation's titles
    "industries": _family("compare:industries", "industry setting role"),
    # a setting named beside another occupation is most often this one's title: "pharmacist to hospital admin"
    "occupations": _family("compare:occupations", "occupation place rural background role setting industry amount"),
    "degrees": _family("studies:degrees", "degree term background setting"),
    "roles": _family("compare:roles", "role occupation setting industry term place"),
    "credentials": _family("studies:credentials", "credential term organization"),
    "ranking": _family("rankings:ranking", "role"),
    "best-industries": _family("rankings:best_industries", "industry setting role"),
    "region-pay": _family("rankings:region_pay", "region role"),
    "rural-pay": _family("rankings:rural_pay", "place rural role amount"),
    "past-pay": _family("rankings:past_pay", "year role"),
    "route": _family("routes:route", _ROUTE),
    "timeline": _family("routes:timeline", _ROUTE),
    "degree-length": _family("routes:degree_length", "degree term role"),
    "degree-needed": _family("routes:degree_needed", "degree term role background occupation"),
    "credential": _family("credentials:credential", _CREDENTIAL),
    "credential-cost": _family("credentials:credential", _CREDENTIAL),
    "credential-eligibility": _family("credentials:credential", _CREDENTIAL),
    "credential-renewal": _family("credentials:credential", _CREDENTIAL),
    "certifications": _family("credentials:certifications", "setting industry role occupation credential"),
    "state-license": _family("licensing:state_license", "place setting term role"),
    "assisted-living-states": _family("licensing:assisted_living", "setting term role industry"),
    "key-points": _family("reference:key_points", "role occupation"),
    "hours": _family("reference:hours", "role occupation industry setting"),
    "environment": _family("reference:environment", "role occupation"),
    # "do I have to be a nurse first to run a hospital": the nurse and the hospital are what is asked about
    "experience": _family("reference:experience", "role occupation setting industry"),
    "related": _family("reference:related", "occupation role background"),
    "advancement": _family("reference:advancement", "role occupation setting industry"),
    # a major may be named as a setting is ("a degree in public health"): no setback for it
    "education-list": _family("reference:education_list", "degree role setting"),
    "term": _family("reference:term", "term degree credential role organization occupation"),
    "terms": _family("reference:terms", "term degree credential role organization occupation"),
    "role": _family("reference:role", "role occupation setting industry term"),
    "titles": _family("reference:titles", "role occupation background degree"),  # the jobs a degree leads to
    "organization": _family("reference:organization", "organization term credential"),
    "jobs": _family("reference:jobs", "occupation role place"),
    "employers": _family("reference:employers", "industry setting occupation"),
    # "is a lab manager counted here": who asks (a lab scientist) is one of the things weighed
    "scope": _family("scope:scope", "role occupation industry setting background term credential"),
}
GAP = frozenset({"gap"})  # what a gap card needs: the gap it names
KINDS = frozenset().union(*(f.uses for f in FAMILIES.values())) | GAP  # every kind of part
