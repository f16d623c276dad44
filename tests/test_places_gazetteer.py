"""The offline gazetteer (relata.places): Russian place names, by lemmas or text, to places."""

import pytest

from relata.places import (
    Gazetteer,
    Place,
    default_gazetteer,
    lookup,
    lookup_span,
    lookup_text,
)
from relata.places.gazetteer import COLUMNS, normalise, read_regions

from conftest import ROOT

DATA = ROOT / "src" / "relata" / "places" / "data"

# (lemmas as the pipeline gives them, surface form in text, name, kind, country, latitude)
CASES = [
    (["киев"], "Киеве", "Киев", "city", "UKR", 50.45),
    (["житомирский", "область"], "Житомирской области", "Житомирская область", "region", "UKR",
     50.5),
    (["харьков"], "Харькова", "Харьков", "city", "UKR", 49.98),
    (["баку"], "Баку", "Баку", "city", "AZE", 40.38),
    (["анкара"], "Анкаре", "Анкара", "city", "TUR", 39.92),
    (["румыния"], "Румынии", "Румыния", "country", "ROU", None),
    (["курский", "область"], "Курской области", "Курская область", "region", "RUS", None),
    (["гянджа"], "Гяндже", "Гянджа", "city", "AZE", 40.68),
    (["нагорный", "карабах"], "Нагорном Карабахе", "Нагорный Карабах", "region", "AZE", None),
    # from the hand-written regions.csv
    (["донбасс"], "Донбассе", "Донбасс", "region", "UKR", 48.3),
    (["крымский", "полуостров"], "Крымского полуострова", "Крымский полуостров", "region",
     "UKR", 45.3),
]
NONSENSE = ["бздыщмяу"]


@pytest.mark.parametrize(("lemmas", "surface", "name", "kind", "country", "lat"), CASES)
def test_lookup_by_lemmas(lemmas, surface, name, kind, country, lat):
    place = lookup(lemmas)
    assert place is not None
    assert (place.name, place.kind, place.country) == (name, kind, country)
    if lat is not None:
        assert place.lat == pytest.approx(lat, abs=0.1)


@pytest.mark.parametrize(("lemmas", "surface", "name", "kind", "country", "lat"), CASES)
def test_lookup_text_of_inflected_and_nominative_forms(lemmas, surface, name, kind, country, lat):
    for text in (surface, name):
        place = lookup_text(text)
        assert place is not None, text
        assert (place.name, place.kind, place.country) == (name, kind, country)


def test_nonsense_is_none():
    assert lookup(NONSENSE) is None
    assert lookup_text(NONSENSE[0]) is None
    assert lookup([]) is None
    assert lookup_text("") is None


@pytest.mark.parametrize(
    ("lemmas", "name", "country", "region"),
    [
        (["одесса"], "Одесса", "UKR", "Одесская область"),  # not Odessa, Texas: more populous
        (["вашингтон"], "Вашингтон", "USA", None),  # the capital, not a smaller namesake
        (["москва"], "Москва", "RUS", None),  # the city over the region of the same name
        (["харьков"], "Харьков", "UKR", "Харьковская область"),
        (["город", "киев"], "Киев", "UKR", None),  # `город` passed over
        (["Житомирская", "Область"], "Житомирская область", "UKR", None),  # case, ё as е
    ],
)
def test_ambiguity_and_regions(lemmas, name, country, region):
    place = lookup(lemmas)
    assert place is not None and (place.name, place.country) == (name, country)
    if region is not None:
        assert place.region == region


def test_countries_win_over_cities_of_the_same_name():
    for lemmas in (["люксембург"], ["сингапур"], ["кувейт"]):
        place = lookup(lemmas)
        assert place is not None and place.kind == "country", lemmas


def test_names_that_are_common_words_can_be_left_out():
    assert lookup(["буча"]) == lookup(["буча"], common_words=True)
    bucha = lookup(["буча"])
    assert bucha is not None and bucha.country == "UKR"
    assert lookup(["буча"], common_words=False) is None
    assert lookup(["киев"], common_words=False) == lookup(["киев"])
    assert lookup(["мир"]) is None  # never indexed: no town is just `мир`


def test_ranking_on_a_table_of_our_own():
    def row(id_, kind, country, admin1, name, keys, alt_keys="", population="0"):
        return {"id": id_, "kind": kind, "country": country, "admin1": admin1, "lat": "1.5",
                "lon": "", "population": population, "name": name, "keys": keys,
                "alt_keys": alt_keys}

    gazetteer = Gazetteer.from_rows([
        row("1", "country", "AAA", "", "Альфа", "альфа"),
        row("2", "city", "BBB", "BB.01", "Альфа", "альфа", population="900000"),
        row("3", "region", "BBB", "BB.01", "Бетская область", "бетский область"),
        row("4", "city", "BBB", "BB.01", "Гамма", "гамма", population="10"),
        row("5", "city", "CCC", "", "Гамма", "гамма", population="20"),
        row("6", "city", "CCC", "", "Дельта", "", alt_keys="гамма|дельта", population="99"),
        row("7", "city", "CCC", "", "Изюм", "~изюм", population="5"),
    ])
    assert len(gazetteer) == 7
    assert gazetteer.lookup(["альфа"]).kind == "country"
    assert gazetteer.lookup(["гамма"]).country == "CCC"  # more populous; alt keys rank lower
    assert gazetteer.lookup(["дельта"]).name == "Дельта"
    assert gazetteer.lookup(["гамма"]).lon is None
    assert gazetteer.lookup(["бетский", "область"]).kind == "region"
    assert gazetteer.places[3].region == "Бетская область"
    assert gazetteer.lookup(["изюм"]).name == "Изюм"
    assert gazetteer.lookup(["изюм"], common_words=False) is None


def test_places_are_frozen_records():
    place = lookup(["киев"])
    assert isinstance(place, Place)
    with pytest.raises(AttributeError):
        place.name = "Kyiv"  # type: ignore[misc]
    assert place.geonameid == 703448  # GeoNames id of Kyiv
    assert normalise(" Орёл ") == "орел"


def test_loaded_once_and_covering():
    gazetteer = default_gazetteer()
    assert default_gazetteer() is gazetteer
    kinds = {kind: sum(p.kind == kind for p in gazetteer.places) for kind in
             ("country", "region", "city")}
    assert kinds["country"] >= 240 and kinds["region"] >= 3000 and kinds["city"] >= 15000


def test_data_is_small_and_attributed():
    assert (DATA / "places.csv").stat().st_size < 3_000_000
    licence = (DATA / "LICENSE.txt").read_text(encoding="utf-8")
    assert "GeoNames" in licence and "CC BY 4.0" in licence and "Unicode" in licence


HEADER = ",".join(COLUMNS)
GOOD_ROW = ",region,UKR,,48.30,38.60,0,Донбасс,донбасс,"
# (a row of a hand-written regions file, what its error names)
BAD_REGIONS = [
    (",land,UKR,,48.3,38.6,0,Донбасс,донбасс,", "field 'kind'"),
    (",region,Ukraine,,48.3,38.6,0,Донбасс,донбасс,", "field 'country'"),
    (",region,UKR,,north,38.6,0,Донбасс,донбасс,", "field 'lat'"),
    (",region,UKR,,48.3,38.6,many,Донбасс,донбасс,", "field 'population'"),
    (",region,UKR,,48.3,38.6,0,Донбасс,Донбасс,", "field 'keys'"),
    (",region,UKR,,48.3,38.6,0,Донбасс,,", "field 'keys'"),
    (",region,UKR,,48.3,38.6,0,Донбасс", "10 fields expected"),
]


def test_regions_file_reads_rows_and_skips_comments():
    rows = read_regions(["# why", HEADER, "", "# the basin", GOOD_ROW], "regions.csv")
    gazetteer = Gazetteer.from_rows(rows)
    place = gazetteer.lookup(["донбасс"])
    assert (place.name, place.country, place.lat) == ("Донбасс", "UKR", 48.3)


@pytest.mark.parametrize(("row", "reason"), BAD_REGIONS)
def test_regions_file_rejects_bad_rows_naming_line_and_reason(row, reason):
    with pytest.raises(ValueError, match=rf"regions\.csv:4: {reason}"):
        read_regions(["# why", HEADER, GOOD_ROW, row], "regions.csv")


def test_regions_file_needs_the_header():
    with pytest.raises(ValueError, match=r"regions\.csv: the header must be"):
        read_regions(["# why", GOOD_ROW], "regions.csv")


@pytest.mark.parametrize("text", ["Азия", "Азии", "Кавказ", "Кавказе", "Марс", "Красное море",
                                  "Латинская Америка", "Европа"])
def test_a_part_of_the_world_is_no_town_abroad(text):
    """data/world.txt: a continent or a region no state holds takes no homonymous town."""
    assert lookup_text(text, common_words=False) is None


def test_world_keys_shadow_only_themselves():
    rows = [dict(zip(COLUMNS, ["1", "city", "PHL", "", "", "", "100", "Азия", "азия", ""],
                     strict=True)),
            dict(zip(COLUMNS, ["2", "city", "UKR", "", "", "", "100", "Киев", "киев", ""],
                     strict=True))]
    gazetteer = Gazetteer.from_rows(rows, world={"азия"})
    assert gazetteer.lookup(["азия"]) is None
    assert gazetteer.lookup(["киев"]).country == "UKR"


def test_lookup_span_reads_the_lemmas_of_the_tokens_inside_the_span():
    from relata.records import Token

    def token(start, text, lemma):
        return Token(start, start + len(text), text, lemma, "NOUN")

    tokens = [token(0, "в", "в"), token(2, "Житомирской", "житомирский"),
              token(14, "области", "область"), token(22, "изюм", "изюм")]
    assert lookup_span(tokens, 2, 21).country == "UKR"  # the region, not the preposition
    assert lookup_span(tokens, 22, 26) is None  # a common word passes as no name
    assert lookup_span(tokens, 30, 40) is None  # no token inside
