"""The gazetteer: Russian place names, by their lemmas, to countries, regions and cities.

It reads data/places.csv (made by scripts/build_gazetteer.py from GeoNames and Unicode CLDR;
see data/LICENSE.txt) and data/regions.csv (regions such as `Донбасс` that no administrative
division names, written by hand) once per process, on first use. Each row carries the lemma
keys of its Russian names: a name's words as pymorphy2 normal forms, lower case, ё as е,
joined by spaces (`житомирский область`). Keys from names that GeoNames or CLDR give as
Russian (`keys`) rank above keys from untagged Cyrillic alternates (`alt_keys`); then a
country wins over a city and a city over a region of the same name (`Москва` is the city),
except that a region wins over a town of another country with a tenth of its people or
fewer (`Флорида` is the American state, not the Cuban town); then the more populous place
wins. data/adjectives.csv gives the adjectives of regions and towns (`бакинский` → Баку)
and data/divisions.txt the words for a kind of place (`провинция`, `штат`), both written by
hand and checked when read; data/world.txt the parts of the world no state holds
(`Азия`, `Кавказ`), which no homonymous town abroad may take. A one-word key that is also
a common Russian word (`буча`, `изюм`, `заря`) is marked `~` in the data: `lookup(...,
common_words=False)` passes over those, for a caller that is not sure its words are a
name.
"""

from __future__ import annotations

import csv
import functools
import importlib.resources
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from ..records import Token

Kind = Literal["city", "region", "country"]

KIND_ORDER: dict[str, int] = {"country": 0, "city": 1, "region": 2}
# A leading word that names the kind of place, not the place: `город Киев`, `г. Киев`.
GENERIC = frozenset({"город", "г", "село", "поселок", "пгт", "деревня", "станица"})
MAX_COMBINATIONS = 64  # lemma readings of a text tried by lookup_text
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place. `country` is ISO 3166 alpha-3; `region` the Russian name of the
    first-level region a city is in (None for regions and countries). A region's or a
    country's point is the mean position of its towns, not the centre of its area."""

    name: str
    kind: Kind
    country: str
    region: str | None
    lat: float | None
    lon: float | None
    population: int = 0
    geonameid: int | None = None


def normalise(lemma: str) -> str:
    return lemma.strip().lower().replace("ё", "е")


class Gazetteer:
    """Places by lemma key. The built-in one is `default_gazetteer()` (read once and kept);
    `from_rows` makes one from rows like those of data/places.csv."""

    def __init__(
        self, places: Sequence[Place], index: dict[str, tuple[int, int]], common: set[str]
    ) -> None:
        self.places = tuple(places)
        self._index = index  # key -> (tier, position in places)
        self._common = frozenset(common)  # keys that are common words too

    @classmethod
    def from_rows(cls, rows: Iterable[dict[str, str]], world: Iterable[str] = ()) -> Gazetteer:
        """A gazetteer of rows like those of places.csv; `world` are keys that name a part of
        the world and no place, whatever row has them."""
        rows = list(rows)
        regions = {r["admin1"]: r["name"] for r in rows if r["kind"] == "region" and r["admin1"]}
        places: list[Place] = []
        index: dict[str, tuple[int, int]] = {}
        common: set[str] = set()
        for position, row in enumerate(rows):
            place = _place(row, regions)
            places.append(place)
            for tier, column in enumerate(("keys", "alt_keys")):
                if not row[column]:
                    continue
                for key in row[column].split("|"):
                    if key[0] == "~":
                        key = key[1:]
                        common.add(key)
                    held = index.get(key)
                    if held is None or _outranks(tier, place, held[0], places[held[1]]):
                        index[key] = (tier, position)
        for key in world:
            index.pop(key, None)
        return cls(places, index, common)

    def __len__(self) -> int:
        return len(self.places)

    def lookup(self, lemmas: Sequence[str], *, common_words: bool = True) -> Place | None:
        """The place a name names, given the lemmas of its words: `["житомирский",
        "область"]`, `["киев"]`. A leading `город`/`г.` is passed over. With
        `common_words=False` a one-word name that is also a common word resolves to None."""
        words = [w for w in map(normalise, lemmas) if w and w != "."]
        found = self._find(words, common_words)
        return None if found is None else self.places[found[1]]

    def lookup_text(self, text: str, *, common_words: bool = True) -> Place | None:
        """The place a name in the nominative names: `Житомирская область`, `Киев`.
        Inflected forms mostly resolve too (`Житомирской области`)."""
        words = [normalise(word) for word in WORD.findall(text)]
        if not words:
            return None
        found = self._find(words, common_words)  # most names are their own lemmas
        if found is not None:
            return self.places[found[1]]
        from relata.language.russian import normal_forms  # loads pymorphy2 on first use

        readings = [sorted(normal_forms(word)) for word in words]
        best: tuple[int, int] | None = None
        for combination in itertools.islice(itertools.product(*readings), MAX_COMBINATIONS):
            found = self._find(combination, common_words)
            if found is not None and (best is None or self._better(found, best)):
                best = found
        return None if best is None else self.places[best[1]]

    def _find(self, words: Sequence[str], common_words: bool) -> tuple[int, int] | None:
        found = self._get(" ".join(words), common_words)
        if found is None and "-" in words:  # `Ростов - на - Дону`, split by a tokenizer
            found = self._get(" ".join(words).replace(" - ", "-"), common_words)
        if found is None and len(words) > 1 and words[0] in GENERIC:
            found = self._find(words[1:], common_words)
        return found

    def _get(self, key: str, common_words: bool) -> tuple[int, int] | None:
        if not common_words and key in self._common:
            return None
        return self._index.get(key)

    def _better(self, a: tuple[int, int], b: tuple[int, int]) -> bool:
        return _outranks(a[0], self.places[a[1]], b[0], self.places[b[1]])


REGION_OVER_TOWN = 10  # how many times a town's people a foreign region must have to win


def _rank(tier: int, place: Place) -> tuple[int, int, int]:
    return tier, KIND_ORDER[place.kind], -place.population


def _outranks(tier: int, place: Place, other_tier: int, other: Place) -> bool:
    """Whether `place` wins a key over `other`: by `_rank`, except that a region of one
    country wins over a town of another with a tenth of its people or fewer (`Флорида` is
    the American state, not the Cuban town; `Онтарио` the Canadian province), while a
    town still wins over its own region (`Москва`)."""
    if tier == other_tier and {place.kind, other.kind} == {"city", "region"} and (
            place.country != other.country):
        region, town = (place, other) if place.kind == "region" else (other, place)
        if region.population >= REGION_OVER_TOWN * max(town.population, 1):
            return place is region
    return _rank(tier, place) < _rank(other_tier, other)


def _place(row: dict[str, str], regions: dict[str, str]) -> Place:
    kind = row["kind"]
    return Place(
        name=row["name"],
        kind=kind,  # type: ignore[arg-type]  # one of Kind, as the build script writes
        country=row["country"],
        region=regions.get(row["admin1"]) if kind == "city" else None,
        lat=float(row["lat"]) if row["lat"] else None,
        lon=float(row["lon"]) if row["lon"] else None,
        population=int(row["population"] or 0),
        geonameid=int(row["id"]) if row["id"].isdigit() else None,
    )


COLUMNS = ("id", "kind", "country", "admin1", "lat", "lon", "population", "name", "keys",
           "alt_keys")


@functools.cache
def default_gazetteer() -> Gazetteer:
    """The built-in gazetteer, read once per process."""
    folder = importlib.resources.files("relata.places") / "data"
    with (folder / "places.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    with (folder / "regions.csv").open(encoding="utf-8", newline="") as stream:
        rows += read_regions(stream, "regions.csv")
    # the same shape as divisions.txt: lower-case lemma keys, one a line
    world = {" ".join(words) for words in read_divisions(_data_lines("world.txt"), "world.txt")}
    return Gazetteer.from_rows(rows, world)


def read_regions(lines: Iterable[str], name: str) -> list[dict[str, str]]:
    """Rows of a hand-written file in places.csv's columns, `#` lines being comments; a
    malformed row is an error naming the file, the line and the field."""
    numbered = [(n, line) for n, line in enumerate(lines, 1)
                if line.strip() and not line.lstrip().startswith("#")]
    if not numbered or next(csv.reader([numbered[0][1]])) != list(COLUMNS):
        raise ValueError(f"{name}: the header must be {','.join(COLUMNS)}")
    rows = []
    for (number, _), row in zip(numbered[1:], csv.DictReader(line for _, line in numbered),
                                strict=True):
        problem = _row_problem(row)
        if problem:
            raise ValueError(f"{name}:{number}: {problem}")
        rows.append(row)
    return rows


def _row_problem(row: dict[str, str | None]) -> str | None:
    if None in row or any(row.get(c) is None for c in COLUMNS):
        return f"{len(COLUMNS)} fields expected, one for each column of the header"
    if row["kind"] not in KIND_ORDER:
        return f"field 'kind': {row['kind']!r} is not one of {', '.join(KIND_ORDER)}"
    if not re.fullmatch(r"[A-Z]{3}", row["country"] or ""):
        return f"field 'country': {row['country']!r} is not an ISO 3166 alpha-3 code"
    for column, kind in (("lat", float), ("lon", float), ("population", int)):
        try:
            kind(row[column] or 0)
        except ValueError:
            return f"field '{column}': {row[column]!r} is not a number"
    if not row["name"] or not row["keys"]:
        return "field 'keys': a region needs a name and at least one key"
    if any(key != normalise(key) or not key for key in row["keys"].split("|")):
        return f"field 'keys': {row['keys']!r} must be lower-case lemma keys separated by |"
    return None


def lookup(lemmas: Sequence[str], *, common_words: bool = True) -> Place | None:
    """`default_gazetteer().lookup(lemmas)`."""
    return default_gazetteer().lookup(lemmas, common_words=common_words)


def lookup_span(tokens: Iterable[Token], start: int, end: int) -> Place | None:
    """The place named by the tokens that lie in [start, end) (a mention's words), by their
    lemmas, a name that is also a common word passing as none: for a caller not sure the
    words are a name."""
    lemmas = [t.lemma for t in tokens if start <= t.start and t.end <= end]
    return lookup(lemmas, common_words=False) if lemmas else None


def lookup_text(text: str, *, common_words: bool = True) -> Place | None:
    """`default_gazetteer().lookup_text(text)`."""
    return default_gazetteer().lookup_text(text, common_words=common_words)


ADJECTIVE = re.compile(r"[а-яё]+(?:-[а-яё]+)*(?:ий|ый|ой)")
ADJECTIVE_COLUMNS = ("adjective", "place", "country")


def read_adjectives(lines: Iterable[str], name: str, gazetteer: Gazetteer) -> dict[str, Place]:
    """Places by the normalised lemma of their adjective, from a file of rows `adjective,
    place,country` (`#` lines are comments); a row whose adjective is no adjective lemma,
    whose place the gazetteer does not know in that country, or that repeats an adjective
    is an error naming the file and line."""
    numbered = [(n, line) for n, line in enumerate(lines, 1)
                if line.strip() and not line.lstrip().startswith("#")]
    if not numbered or next(csv.reader([numbered[0][1]])) != list(ADJECTIVE_COLUMNS):
        raise ValueError(f"{name}: the header must be {','.join(ADJECTIVE_COLUMNS)}")
    found: dict[str, Place] = {}
    for number, line in numbered[1:]:
        row = next(csv.reader([line]))
        if len(row) != len(ADJECTIVE_COLUMNS):
            raise ValueError(f"{name}:{number}: {len(ADJECTIVE_COLUMNS)} fields expected")
        adjective, place_name, country = (field.strip() for field in row)
        if not ADJECTIVE.fullmatch(adjective):
            raise ValueError(f"{name}:{number}: {adjective!r} is no lower-case adjective lemma")
        place = gazetteer.lookup_text(place_name)
        if place is None or place.country != country:
            got = f"{place.name} ({place.country})" if place else "nothing"
            raise ValueError(f"{name}:{number}: {place_name!r} is {got} in the gazetteer, "
                             f"not a place of {country}")
        if normalise(adjective) in found:
            raise ValueError(f"{name}:{number}: {adjective!r} is listed twice")
        found[normalise(adjective)] = place
    return found


def read_divisions(lines: Iterable[str], name: str) -> frozenset[tuple[str, ...]]:
    """The lemmas of the words naming a kind of place (`провинция`, `автономный округ`), one
    a line, `#` lines being comments; anything but lower-case words is an error."""
    found = set()
    for number, line in enumerate(lines, 1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        words = tuple(text.split())
        if not all(re.fullmatch(r"[а-яё]+", w) for w in words):
            raise ValueError(f"{name}:{number}: {text!r} is not lower-case Russian words")
        found.add(tuple(map(normalise, words)))
    return frozenset(found)


def _data_lines(file: str) -> list[str]:
    folder = importlib.resources.files("relata.places") / "data"
    with (folder / file).open(encoding="utf-8") as stream:
        return stream.readlines()


@functools.cache
def place_adjectives() -> dict[str, Place]:
    """The built-in adjectives of places (data/adjectives.csv), read and checked once."""
    return read_adjectives(_data_lines("adjectives.csv"), "adjectives.csv",
                           default_gazetteer())


@functools.cache
def divisions() -> frozenset[tuple[str, ...]]:
    """The built-in words for a kind of place (data/divisions.txt), read once."""
    return read_divisions(_data_lines("divisions.txt"), "divisions.txt")


def place_of_adjective(lemma: str) -> Place | None:
    """The place an adjective names: `бакинский` → Баку, `нью-йоркский` → Нью-Йорк."""
    return place_adjectives().get(normalise(lemma))
