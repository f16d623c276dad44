"""Organisations that are no states or officials (companies-world.yaml, media.yaml,
civil-society.yaml, bodies-world.yaml): companies, outlets, rights groups, unions,
churches, movements, universities and think tanks, and state bodies by their own names,
as news names them; and the check that keeps ordinary words from being one-word names."""

from pathlib import Path

import pytest

from relata.actors.codes import BUILTIN
from relata.actors.load import ORDINARY_WORDS, load, read_file
from relata.coding import resolve
from relata.datafile import Problems, word_lists

from conftest import ROOT, write

MINI = ROOT / "tests" / "data" / "actors-mini.yaml"

PHRASES = [
    # companies of the world, in oblique cases, Latin and Russian spellings
    ("акционеры Металлоинвеста", "RUSBUS"), ("ритейлера «Магнит»", "RUSBUS"),
    ("с ПриватБанком", "UKRBUS"), ("Мотор Сич", "UKRBUS"), ("Белнефтехима", "BLRBUS"),
    ("Казахтелекома", "KAZBUS"), ("Azercell", "AZEBUS"), ("Roketsan", "TURBUS"),
    ("Иран Ходро", "IRNBUS"), ("CATL", "CHNBUS"), ("BASF", "DEUBUS"),
    ("Iberdrola", "ESPBUS"), ("Novo Nordisk", "DNKBUS"), ("Gunvor", "CHEBUS"),
    # business associations, chambers of commerce and employers' federations (round 12)
    ("глава РСПП", "RUSBUS"), ("по данным Ассоциации туроператоров России", "RUSBUS"),
    ("опрос «Деловой России»", "RUSBUS"), ("члены Опоры России", "RUSBUS"),
    ("Торгово-промышленной палаты Украины", "UKRBUS"), ("ТПП Белоруссии", "BLRBUS"),
    ("Федерации немецкой промышленности", "DEUBUS"), ("с Кэйданрэном", "JPNBUS"),
    ("Конфедерации британской промышленности", "GBRBUS"), ("Торговой палатой США", "USABUS"),
    ("НПП «Атамекен»", "KAZBUS"), ("Ассоциации европейского бизнеса", "RUSBUS"),
    ("агентство Moody's", "USABUS"), ("Lockheed Martin", "USABUS"), ("Mubadala", "AREBUS"),
    ("Petronas", "MYSBUS"), ("Sonatrach", "DZABUS"), ("Adani Group", "INDBUS"),
    # the G20's largest companies not yet listed, and the Cyrillic spellings news writes
    # for the world's largest (round 14)
    ("против компании Монсанто", "USABUS"), ("Monsanto", "USABUS"), ("Dow Chemical", "USABUS"),
    ("акции Cigna", "USABUS"), ("Nutrien", "CANBUS"), ("Diageo", "GBRBUS"),
    ("дом Chanel", "FRABUS"), ("Hapag-Lloyd", "DEUBUS"), ("Munich Re", "DEUBUS"),
    ("Takeda", "JPNBUS"), ("Mercado Libre", "ARGBUS"), ("Ambev", "BRABUS"),
    ("Standard Bank", "ZAFBUS"), ("Tata Steel", "INDBUS"), ("иск к Уолмарту", "USABUS"),
    ("Мастеркард", "USABUS"), ("Новартис", "CHEBUS"), ("Юнилевер", "GBRBUS"),
    ("Байду", "CHNBUS"), ("с Леново", "CHNBUS"), ("Гленкор", "CHEBUS"),
    ("акционеры Рио Тинто", "GBRBUS"),
    # tabloids and papers of the UK and Korea (round 14)
    ("The Sunday People", "GBRMED"), ("Daily Express", "GBRMED"), ("Daily Star", "GBRMED"),
    ("Дейли миррор", "GBRMED"), ("газета Sun", "GBRMED"), ("Dong-a Ilbo", "KORMED"),
    # news outlets and agencies (MED)
    ("издания «Медуза»", "RUSMED"), ("Медиазоны", "RUSMED"), ("The Insider", "RUSMED"),
    ("Независимой газеты", "RUSMED"), ("телеканала «Звезда»", "RUSMED"),
    ("Громадське", "UKRMED"), ("Наша Нива", "BLRMED"), ("Рустави 2", "GEOMED"),
    ("агентство Fars", "IRNMED"), ("Frankfurter Allgemeine Zeitung", "DEUMED"),
    ("Le Figaro", "FRAMED"), ("El País", "ESPMED"), ("ABC News", "USAMED"),
    ("Асахи", "JPNMED"), ("Press Trust of India", "INDMED"),
    # Cyrillic spellings of outlets held in Latin, and the papers and agencies of the
    # other European states (round 12)
    ("газете «Ла Стампа»", "ITAMED"), ("Корриере делла Сера", "ITAMED"),
    ("Ла Репубблика", "ITAMED"), ("газета «Либерасьон»", "FRAMED"),
    ("журнал «Экономист»", "GBRMED"), ("Ньюсвик", "USAMED"), ("Файненшл таймс", "GBRMED"),
    ("агентства Йонхап", "KORMED"), ("Neue Zürcher Zeitung", "CHEMED"),
    ("Der Standard", "AUTMED"), ("Юлландс-Постен", "DNKMED"), ("Афтенпостен", "NORMED"),
    ("Хельсингин Саномат", "FINMED"), ("Дагенс нюхетер", "SWEMED"), ("Катимерини", "GRCMED"),
    ("агентству Танюг", "SRBMED"), ("Чешское телеграфное агентство", "CZEMED"),
    ("Юнайтед Пресс Интернэшнл", "USAMED"), ("De Telegraaf", "NLDMED"),
    # rights groups, NGOs, unions, churches, movements, universities and think tanks
    ("общества «Мемориал»", "RUSHRI"), ("ОВД-Инфо", "RUSHRI"), ("Reprieve", "GBRHRI"),
    ("Комитета защиты журналистов", "USAHRI"),
    ("Фонда борьбы с коррупцией", "RUSOPP"), ("Левада-центра", "RUSEDU"),
    ("Федерации независимых профсоюзов России", "RUSLAB"), ("AFL-CIO", "USALAB"),
    ("профсоюза «Солидарность»", "POLLAB"), ("Католической церкви", "VATREL"),
    ("Константинопольского патриархата", "TURREL"), ("Сербской православной церкви", "SRBREL"),
    ("Pussy Riot", "RUSOPP"), ("Femen", "UKRCVL"), ("жёлтые жилеты", "FRACVL"),
    ("Black Lives Matter", "USACVL"), ("Институт изучения войны", "USAEDU"),
    ("Стокгольмского института исследования проблем мира", "SWEEDU"),
    ("Гарвардского университета", "USAEDU"), ("МГИМО", "RUSEDU"),
    # world-wide ones are organisations of their own
    ("Всемирного фонда дикой природы", "WWF"), ("Международной кризисной группы", "ICG"),
    ("WikiLeaks", "WIKILEAKS"),
    # single-sport federations are left out, as athletes are
    ("ФИДЕ", None),
    # state bodies by their own names
    ("Риксбанк", "SWEGOV"), ("Банка Франции", "FRAGOV"), ("Резервного банка Индии", "INDGOV"),
    ("Национального банка Республики Беларусь", "BLRGOV"), ("Альтинга", "ISLLEG"),
    ("Раджья сабха", "INDLEG"), ("Басманного суда", "RUSJUD"),
    ("Высшего антикоррупционного суда", "UKRJUD"),
    ("ФСКН", "RUSCOP"), ("Гражданская гвардия Испании", "ESPCOP"), ("AIVD", "NLDSPY"),
    ("Полиции безопасности Финляндии", "FINSPY"), ("Капитолийский холм", "USALEG"),
    ("Совета по целесообразности", "IRNGOV"), ("Росстата", "RUSGOV"),
    # US federal agencies by the names news gives them without the country (round 12)
    ("Федеральное авиационное управление", "USAGOV"),
    ("Федеральной комиссии по связи", "USAGOV"),
    ("Национального совета по безопасности на транспорте", "USAGOV"),
    ("Комиссией по ценным бумагам и биржам", "USAGOV"), ("EPA", "USAGOV"),
    # an ordinary word alone is no actor, wherever it is capitalised
    ("Магнит", None), ("Мемориал", None), ("Звезда", None), ("Мир", None), ("Голос", None),
    ("Победа", None), ("Солидарность", None),
]


@pytest.mark.parametrize(("phrase", "code"), PHRASES, ids=[p[0] for p in PHRASES])
def test_organisation_by_its_name(phrase, code):
    found = resolve([phrase])[0]
    assert (found.actor.code if found and found.actor else None) == code


@pytest.mark.parametrize("text", [
    "Магнит притягивает только железо.",
    "Звезда упала за горизонт.",
    "Мир изменился после войны.",
    "Победа далась дорогой ценой.",
])
def test_an_ordinary_word_that_starts_a_sentence_names_no_company(pipeline, text):
    from relata.records import Document

    (analysis,) = pipeline([Document(id="t", text=text, lang="ru")])
    assert [m.actor.code for m in analysis.mentions if m.actor and m.actor.code] == []


# The sectors each file holds: a file of one kind of body says so.
FILE_SECTORS = {
    "companies-world.yaml": {"BUS"},
    "media.yaml": {"MED"},
    "bodies-world.yaml": {"GOV", "LEG", "JUD", "COP", "SPY", "MIL", "SEP"},
    "civil-society.yaml": {"NGO", "HRI", "LAB", "REL", "CVL", "OPP", "EDU", "ENV", "MED",
                           "PTY", "GOV"},
}


@pytest.mark.parametrize("name", sorted(FILE_SECTORS))
def test_every_entry_of_a_file_has_the_files_sectors(name):
    problems = Problems()
    entries = list(read_file(BUILTIN / name, problems))
    assert problems == [] and entries
    wrong = [(e.key, e.sector) for _, e in entries if e.sector not in FILE_SECTORS[name]]
    assert wrong == []


def test_the_ordinary_words_file_is_valid():
    problems = Problems()
    words = word_lists(ORDINARY_WORDS, ("ordinary",), problems)["ordinary"]
    assert problems == []
    assert {"магнит", "мир", "мемориал", "медуза"} <= words


def _problems(tmp_path: Path, text: str) -> list[str]:
    path = write(tmp_path / "user.yaml", text)
    _, problems = load([MINI, path], builtin=False)
    return [str(p).replace(str(path), "user.yaml") for p in problems]


@pytest.mark.parametrize(("names", "problem"), [
    ("[Магнит]", "user.yaml:2: 'Магнит' is an ordinary word (checks/ordinary-words.yaml): "
                 "name it in a longer form"),
    ("[Мир, телеканал «Мир»]", "user.yaml:2: 'Мир' is an ordinary word "
                              "(checks/ordinary-words.yaml): name it in a longer form"),
    ("[мемориал]", "user.yaml:2: 'мемориал' is an ordinary word "
                   "(checks/ordinary-words.yaml): name it in a longer form"),
])
def test_a_one_word_name_that_is_an_ordinary_word_is_a_problem(tmp_path, names, problem):
    text = f"companies:\n  - {{id: x, name: X, country: RUS, sector: BUS, names: {names}}}\n"
    assert problem in _problems(tmp_path, text)


@pytest.mark.parametrize("names", ["[ритейлер «Магнит»]", "[МИР]", "[Magnit]"])
def test_a_longer_form_capitals_or_latin_is_no_ordinary_word(tmp_path, names):
    text = f"companies:\n  - {{id: x, name: X, country: RUS, sector: BUS, names: {names}}}\n"
    assert _problems(tmp_path, text) == []
