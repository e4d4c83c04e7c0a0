"""The knowledge base of real-world actors: states, people, organisations, places and weapons.

Public API (stable; other stages depend on it):

    from newsweave.kb import knowledge_base, normalise
    kb = knowledge_base()            # loaded once per process
    kb.lookup("Field Marshal Khalifa Hafter")   # -> [Entry(id="person:khalifa-haftar", ...)]
    kb.get("RUS")                    # -> Entry for Russia, or None
    kb.country("LY") / kb.country("LBY")        # ISO 3166-1 alpha-2 or alpha-3
    kb.demonym("Russian")            # -> Entry for Russia
    kb.metonym("the Kremlin")        # -> Entry for Russia (capitals, seats of government)
    kb.lookup("Pakistan Army")       # -> [Entry(id="PAK-MIL", name="Pakistani Armed Forces")]
    kb.is_first_name("Sergey")       # -> True

An `Entry` has `id` (ISO alpha-3 for states, else a slug such as "person:khalifa-haftar"),
`name`, `type` (PERSON, ORGANIZATION, COUNTRY, LOCATION, FACILITY, PLATFORM, WEAPON,
NATIONALITY), `country` (ISO alpha-2 or None), `aliases`, `roles` (tuples of role, country
ISO2, start ISO date or None, end ISO date or None) and `lat`/`lon` where known.

Data: `data/generated.json.gz` (built by `scripts/build_kb.py` from the CAMEO/Phoenix
dictionaries and GeoNames) and the hand-curated `data/curated.txt`; see `data/README.md`.
"""

from __future__ import annotations

import gc
import gzip
import json
import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import cache, sectors

__all__ = ["Entry", "KnowledgeBase", "knowledge_base", "normalise", "TITLES"]

DATA = Path(__file__).parent / "data"

# Titles and ranks stripped before a lookup ("Field Marshal Khalifa Haftar" -> the person).
TITLES = (
    "field marshal", "marshal", "general", "gen", "lieutenant general", "lt gen", "major general",
    "maj gen", "brigadier general", "brig gen", "colonel", "col", "lieutenant", "lt", "major",
    "maj", "captain", "capt", "commander", "admiral", "adm", "sergeant", "sgt",
    "president", "vice president", "prime minister", "pm", "premier", "chancellor",
    "foreign minister", "defence minister", "defense minister", "interior minister", "minister",
    "deputy foreign minister", "deputy prime minister", "secretary of state", "secretary",
    "secretary general", "speaker", "ambassador", "envoy", "spokesman", "spokeswoman",
    "king", "queen", "prince", "crown prince", "emir", "sheikh", "sheik", "sultan", "ayatollah",
    "mr", "mrs", "ms", "dr", "sir", "senator", "sen", "rep", "governor", "mayor", "judge",
    "pope", "chairman", "head", "leader", "commander in chief", "strongman", "warlord",
)
_TITLE_SET = frozenset(TITLES)
_MAX_TITLE_WORDS = max(len(t.split()) for t in TITLES)


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'"})
_PUNCT_RE = re.compile(r"[^\w\s']+")
_POSSESSIVE_RE = re.compile(r"'s\b")


@lru_cache(maxsize=1 << 16)  # the entity scan keys every token span it tries: the same words recur
def normalise(text: str) -> str:
    """Case-, diacritics- and punctuation-insensitive key: "Al-Sarraj's" -> "al sarraj"."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower().replace(".", "")  # U.N. -> un
    if not text.isalnum():
        text = _PUNCT_RE.sub(" ", text)
        if "'" in text:
            text = _POSSESSIVE_RE.sub("", text).replace("'", "")
        text = " ".join(text.split())
    if text.startswith("the "):
        text = text[4:]
    return text


def is_acronym(alias: str) -> bool:
    """An alias written in capitals ("AP", "U.N."): it should match only text in capitals."""
    letters = alias.replace(".", "")
    return alias.isupper() and letters.isalpha() and len(letters) <= 5


def strip_titles(key: str) -> str:
    """Drop leading titles from a normalised key ("field marshal khalifa haftar")."""
    words = key.split()
    changed = True
    while changed and len(words) > 1:
        changed = False
        for n in range(min(_MAX_TITLE_WORDS, len(words) - 1), 0, -1):
            if " ".join(words[:n]) in _TITLE_SET:
                words = words[n:]
                changed = True
                break
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    name: str
    type: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[tuple[str, str | None, str | None, str | None], ...] = ()
    lat: float | None = None
    lon: float | None = None
    curated: bool = False
    population: int = 0


@dataclass
class KnowledgeBase:
    entries: dict[str, Entry] = field(default_factory=dict)
    # Generated entries (dicts, or JSON text from the prepared cache), made Entry on demand.
    raw: dict[str, dict | str] = field(default_factory=dict)
    by_alias: dict[str, list[str]] = field(default_factory=dict)
    by_code: dict[str, str] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    adjectives: dict[str, str] = field(default_factory=dict)  # state id -> "Indian"
    metonyms: dict[str, str] = field(default_factory=dict)
    first_names: frozenset[str] = frozenset()
    # Aliases written as capital acronyms ("AP", "IS"): matched only when the text is capitals.
    acronyms: frozenset[str] = frozenset()
    # For `is_key_prefix`, built on first use.
    _sorted_keys: list[str] | None = field(default=None, init=False, repr=False, compare=False)

    def get(self, kb_id: str) -> Entry | None:
        entry = self.entries.get(kb_id)
        if entry is None and kb_id in self.raw:
            item = self.raw[kb_id]
            if isinstance(item, str):  # as kept in the prepared cache
                item = json.loads(item)
            entry = self.entries[kb_id] = _entry_from_json(item)
        if entry is None:
            entry = sectors.synthesized(self, kb_id)  # "IND-MIL": India's armed forces
        return entry

    def lookup(self, text: str) -> list[Entry]:
        """Entries whose alias matches `text` (titles and a possessive 's stripped), best first;
        a state's armed forces for "Pakistan Army", "Indian Air Force" (see `sectors`)."""
        found = self.lookup_exact(text)
        if not found:
            military = sectors.military_of(self, text)
            found = [military] if military is not None else []
        return found

    def lookup_exact(self, text: str) -> list[Entry]:
        """Entries with `text` among their aliases (titles and a possessive 's stripped)."""
        key = normalise(text)
        ids = self.by_alias.get(key) or self.by_alias.get(strip_titles(key)) or []
        return [entry for i in ids if (entry := self.get(i))]

    def country(self, code: str) -> Entry | None:
        kb_id = self.by_code.get(code.upper())
        return self.get(kb_id) if kb_id else None

    def demonym(self, word: str) -> Entry | None:
        kb_id = self.demonyms.get(normalise(word))
        return self.get(kb_id) if kb_id else None

    def metonym(self, text: str) -> Entry | None:
        kb_id = self.metonyms.get(normalise(text))
        return self.get(kb_id) if kb_id else None

    def is_first_name(self, word: str) -> bool:
        return normalise(word) in self.first_names

    def is_acronym_alias(self, key: str) -> bool:
        return key in self.acronyms

    def is_key_prefix(self, key: str) -> bool:
        """Whether some alias, demonym or seat-of-government key starts with `key` (a
        normalised text): a text that starts none cannot become one by adding words."""
        keys = self._sorted_keys
        if keys is None:
            keys = self._sorted_keys = sorted({*self.by_alias, *self.demonyms, *self.metonyms})
        i = bisect_left(keys, key)
        return i < len(keys) and keys[i].startswith(key)

    # -- building ---------------------------------------------------------------------

    def add(self, entry: Entry) -> None:
        self.entries[entry.id] = entry
        for alias in entry.aliases:
            self.add_alias(alias, entry.id)

    def add_alias(self, alias: str, kb_id: str) -> None:
        key = normalise(alias)
        if not key:
            return
        self._sorted_keys = None
        ids = self.by_alias.setdefault(key, [])
        if kb_id not in ids:
            ids.append(kb_id)
        self._touched.add(key)
        if is_acronym(alias):
            self._acronyms.add(key)

    def finish(self) -> None:
        """Hand-curated entries first among those sharing an alias (generated lists come ranked)."""
        for key in self._touched:
            self.by_alias[key].sort(key=lambda i: not (i in self.entries and self.entries[i].curated))
        self.acronyms = frozenset(self._acronyms)
        self._sorted_keys = None

    def __post_init__(self) -> None:
        self._acronyms: set[str] = set()
        self._touched: set[str] = set()  # alias keys given entries after the generated index


def _entry_from_json(item: dict, curated: bool = False) -> Entry:
    return Entry(
        id=item["id"], name=item["name"], type=item["type"], country=item.get("country"),
        aliases=tuple(item.get("aliases", ())),
        roles=tuple(tuple(r) for r in item.get("roles", ())),
        lat=item.get("lat"), lon=item.get("lon"), curated=curated,
        population=item.get("population", 0),
    )


def _load_generated(kb: KnowledgeBase, path: Path) -> None:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        data = json.load(f)
    kb.by_alias = data["index"]
    kb._acronyms.update(data["acronyms"])
    for item in data["entries"]:
        kb.raw[item["id"]] = item
        if item["type"] == "COUNTRY":
            kb.by_code[item["id"]] = item["id"]
            kb.by_code[item["country"]] = item["id"]
            for word in item.get("demonyms", ()):
                kb.demonyms.setdefault(normalise(word), item["id"])
                kb.adjectives.setdefault(item["id"], word)
            for word in item.get("metonyms", ()):
                kb.metonyms.setdefault(normalise(word), item["id"])
    kb.first_names = frozenset(normalise(n) for n in data.get("first_names", ()))


def _parse_roles(field_text: str) -> list[tuple]:
    roles = []
    for role in filter(None, (r.strip() for r in field_text.split(";"))):
        name, country, start, end = (role.split("@") + ["", "", ""])[:4]
        roles.append((name or None, country or None, start or None, end or None))
    return roles


def _load_curated(kb: KnowledgeBase, path: Path) -> None:
    adjectives: set[str] = set()  # states whose first curated demonym is their adjective
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("|")]
        kind, kb_id = fields[0], fields[1]
        words = [w.strip() for w in fields[2].split(";") if w.strip()] if len(fields) > 2 else []
        if kind == "ALIAS":
            entry = kb.get(kb_id)
            if entry is None:
                raise ValueError(f"{path.name}:{number}: ALIAS of an unknown id {kb_id}")
            kb.entries[kb_id] = Entry(**{**_asdict(entry), "aliases": entry.aliases + tuple(words),
                                        "curated": True})
            for word in words:
                kb.add_alias(word, kb_id)
        elif kind == "DEMONYM":
            if kb_id not in adjectives and words:
                adjectives.add(kb_id)
                kb.adjectives[kb_id] = words[0]
            for word in words:
                kb.demonyms[normalise(word)] = kb_id
        elif kind == "METONYM":
            for word in words:
                kb.metonyms[normalise(word)] = kb_id
        else:
            fields += [""] * (6 - len(fields))
            name, country, aliases, roles = fields[2], fields[3] or None, fields[4], fields[5]
            alias_list = [name] + [a.strip() for a in aliases.split(";") if a.strip()]
            kb.add(Entry(id=kb_id, name=name, type=kind, country=country,
                         aliases=tuple(dict.fromkeys(alias_list)),
                         roles=tuple(_parse_roles(roles)), curated=True))


def _asdict(entry: Entry) -> dict:
    return {name: getattr(entry, name) for name in Entry.__slots__}


def _load_first_names(kb: KnowledgeBase, path: Path) -> None:
    """Given names from `first_names.txt` (one a line, `#` comments), added to CAMEO's."""
    if not path.exists():
        return
    lines = path.read_text(encoding="utf-8").splitlines()
    kb.first_names = kb.first_names | {normalise(n) for n in lines if n and not n.startswith("#")}


def load(data_dir: Path = DATA) -> KnowledgeBase:
    """Build a knowledge base from a data folder (the packaged one by default)."""
    kb = KnowledgeBase()
    _load_generated(kb, data_dir / "generated.json.gz")
    _load_curated(kb, data_dir / "curated.txt")
    _load_first_names(kb, data_dir / "first_names.txt")
    kb.finish()
    return kb


def load_prepared(data_dir: Path = DATA) -> KnowledgeBase:
    """`load`, through the prepared copy in the user's cache (see `cache`): built and written
    the first time, read in a fraction of a second afterwards."""
    collecting = gc.isenabled()
    gc.disable()  # hundreds of thousands of new containers: the collector would rescan them
    try:
        path = cache.cache_path(data_dir)
        data = cache.read(path)
        if data is not None:
            return _from_prepared(data)
        kb = load(data_dir)
        cache.dump(kb, path)
        return kb
    finally:
        if collecting:
            gc.enable()


def _from_prepared(data: dict) -> KnowledgeBase:
    kb = KnowledgeBase(
        entries={fields[0]: Entry(*fields) for fields in data["entries"]}, raw=data["raw"],
        by_alias=data["by_alias"], by_code=data["by_code"], demonyms=data["demonyms"], adjectives=data["adjectives"],
        metonyms=data["metonyms"], first_names=frozenset(data["first_names"]),
        acronyms=frozenset(data["acronyms"]))
    kb._acronyms.update(kb.acronyms)
    return kb


@lru_cache(maxsize=1)
def knowledge_base() -> KnowledgeBase:
    """The packaged knowledge base, loaded once per process."""
    return load_prepared()
