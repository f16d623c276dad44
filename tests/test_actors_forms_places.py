"""Round 13: a place name given alone, the legal form of an organisation no dictionary
knows, and a region or town as the state in focus. Made-up phrases and sentences."""

import pytest

from relata.actors.forms import FORMS, FormsError, load_forms
from relata.coding import resolve
from relata.records import Document


@pytest.mark.parametrize(("phrase", "country"), [
    # a place name alone: NER, with no words around it, reads it as an organisation;
    # the gazetteer's place stands for its state, as `Мюнхен` and `в Нью-Йорке` do
    ("Нью-Йорк", "USA"), ("Ганновер", "DEU"), ("Бавария", "DEU"), ("Техас", "USA"),
    ("Манчестер", "GBR"), ("Мюнхен", "DEU"),
    # a name that is no place stays unknown
    ("Рогатка", None),
])
def test_a_place_name_alone_resolves_as_in_a_sentence(phrase, country):
    (found,) = resolve([phrase])
    assert (found.actor.country if found and found.actor else None) == country


def test_a_place_name_acting_in_a_sentence_is_unchanged(pipeline):
    (analysis,) = pipeline([Document(id="t", text="Ганновер принял беженцев.")])
    (mention,) = [m for m in analysis.mentions if m.text == "Ганновер"]
    assert mention.kind == "LOCORG" and mention.actor.country == "DEU"


@pytest.mark.parametrize(("text", "name", "code"), [
    # Russian business forms before the name, inside NER's name or not
    ("Суд взыскал долг с ООО «Ромашка-Трейд».", "Ромашка-Трейд", "RUSBUS"),
    ("Акционеры ЗАО «Северный луч» собрались на встречу.", "Северный луч", "RUSBUS"),
    ("Контракт получило ФГУП «Завод Прогресс».", "Завод Прогресс", "RUSBUS"),
    ("Суд обязал ООО «Рога и копыта» выплатить долг.", "Рога и копыта", "RUSBUS"),
    # Russian non-profits
    ("АНО «Светлый путь» провела форум.", "Светлый путь", "RUSNGO"),
    # a form only one neighbour's law has
    ("В Алматы ТОО «Алтын Кум» выиграло тендер на поставку.", "Алтын Кум", "KAZBUS"),
    # forms written after the name, whether NER found the name or not
    ("Контракт на поставку подписала немецкая компания Brauwerk Nordhafen GmbH.",
     "Brauwerk Nordhafen", "DEUBUS"),
    ("Иск в суд подала компания Greenfield Analytics Inc. против бывших партнеров.",
     "Greenfield Analytics", "USABUS"),
    ("Акции компании Thornbury Holdings PLC выросли на торгах в понедельник.",
     "Thornbury Holdings", "GBRBUS"),
])
def test_an_organisation_takes_the_state_of_its_legal_form(pipeline, text, name, code):
    (analysis,) = pipeline([Document(id="t", text=text)])
    found = {m.actor.code for m in analysis.mentions if m.kind == "ORG" and m.actor
             and name in m.text}
    assert found == {code}


def test_a_dictionary_company_keeps_its_own_code(pipeline):
    (analysis,) = pipeline([Document(id="t", text="ПАО «Газпром» повысило цены.")])
    assert "RUSBUS" in {m.actor.code for m in analysis.mentions if m.actor}
    assert all(m.actor.id == "gazprom" for m in analysis.mentions
               if m.actor and m.actor.code == "RUSBUS")


def test_the_forms_are_checked_on_load(tmp_path):
    path = tmp_path / "forms.yaml"
    path.write_text("forms:\n  - country: Russia\n    sector: BUS\n    words: [ООО]\n"
                    "  - country: RUS\n    sector: XYZ\n    words: [ЗАО]\n"
                    "  - country: RUS\n    sector: BUS\n    words: [ОАО, О.А.О., Sp z o]\n",
                    encoding="utf-8")
    with pytest.raises(FormsError) as e:
        load_forms(path)
    assert "unknown country code 'Russia'" in str(e.value)
    assert "unknown sector 'XYZ'" in str(e.value)
    assert "'О.А.О.' is written twice" in str(e.value)
    assert "a form is one word" in str(e.value)


def test_the_builtin_forms_load():
    forms = load_forms(FORMS)
    assert forms["ООО"].country == "RUS" and forms["Inc"].after


def _context(pipeline, text):
    (analysis,) = pipeline([Document(id="t", text=text)])
    return {(m.text, m.actor.code) for m in analysis.mentions if m.via == "context"}


@pytest.mark.parametrize(("text", "expected"), [
    # a region or town the gazetteer knows puts its state in focus, as the state's name does
    ("В школе в Техасе подросток открыл стрельбу. Полиция задержала стрелка.",
     {("Полиция", "USACOP")}),
    ("Пожар произошёл в Баварии. Власти начали расследование.", {("Власти", "DEUGOV")}),
    ("Беспорядки начались в Манчестере. Министр призвал к спокойствию.",
     {("Министр", "GBRGOV")}),
    ("Взрыв прогремел в Алеппо. Правительство обвинило боевиков.",
     {("Правительство", "SYRGOV")}),
])
def test_a_region_or_town_puts_its_state_in_focus(pipeline, text, expected):
    assert expected <= _context(pipeline, text)


@pytest.mark.parametrize(("phrase", "code"), [
    # city and region adjectives give an organ its state
    ("нью-йоркская полиция", "USACOP"), ("московский суд", "RUSJUD"),
    ("подмосковный суд", "RUSJUD"), ("лондонская полиция", "GBRCOP"),
])
def test_a_city_adjective_gives_an_organ_its_state(phrase, code):
    (found,) = resolve([phrase])
    assert found is not None and found.actor.code == code



@pytest.mark.parametrize(("text", "name", "country"), [
    # an organisation named after its town or region is of that place's state
    ("Полузащитник футбольного клуба Челси Фрэнк Лэмпард забил гол.", "Челси", "GBR"),
    ("Болельщики клуба Бавария устроили шествие.", "Бавария", "DEU"),
])
def test_an_organisation_named_after_a_place_is_of_its_state(pipeline, text, name, country):
    (analysis,) = pipeline([Document(id="t", text=text)])
    (mention,) = [m for m in analysis.mentions if m.text == name]
    assert mention.actor.country == country


def test_a_player_of_a_club_named_after_a_place_keeps_his_own_name(pipeline):
    text = "Полузащитник футбольного клуба Челси Фрэнк Лэмпард забил гол."
    (analysis,) = pipeline([Document(id="t", text=text)])
    assert "Фрэнк Лэмпард" in {m.text for m in analysis.mentions if m.kind == "PER"}


@pytest.mark.parametrize(("text", "country"), [
    # the adjective of a town or region describing a place is the place's state
    ("Форум прошёл в подмосковном Сколково.", "RUS"),
    ("Беспорядки вспыхнули в лондонском районе Тоттенхэм.", "GBR"),
    ("Стрельба началась на техасской окраине.", "USA"),
])
def test_a_place_adjective_of_a_place_names_its_state(pipeline, text, country):
    (analysis,) = pipeline([Document(id="t", text=text)])
    assert country in {m.actor.country for m in analysis.mentions
                       if m.kind == "ADJ" and m.actor}


@pytest.mark.parametrize("text", [
    # a paper's name, an organ's phrase: no adjective of its own
    "Пермский обозреватель написал статью.",
    "Московский суд арестовал блогера.",
])
def test_a_place_adjective_of_no_place_is_left(pipeline, text):
    (analysis,) = pipeline([Document(id="t", text=text)])
    assert not [m for m in analysis.mentions if m.kind == "ADJ"]


@pytest.mark.parametrize(("phrase", "code"), [
    ("подмосковный", "RUS"), ("техасский", "USA"), ("в подмосковном Сколково", "RUS"),
    ("красный", None),
])
def test_a_place_adjective_alone_resolves(phrase, code):
    (found,) = resolve([phrase])
    assert (found.actor.code if found else None) == code
