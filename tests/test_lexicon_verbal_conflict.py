"""The lexicon of verbal conflict, CAMEO roots 09–14 (`predicates/09-*.yaml` … `14-*.yaml`):
constructed sentences, both aspects, nouns, light verbs and passives, to the event they hold,
and sentences naming two actors that hold none."""

from pathlib import Path

import pytest
import yaml

from relata.events.lexicon import BUILTIN

from conftest import code, sides

ROOTS = {"09": "investigate", "10": "demand", "11": "disapprove", "12": "reject",
         "13": "threaten", "14": "protest"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 09 investigate: verbs, nouns with light verbs, a case opened
        ("Еврокомиссия начала расследование в отношении Газпрома.", ("ACCUSE", "EU", "RUS")),
        ("ФБР открыло расследование вмешательства России в выборы.", ("ACCUSE", "USA", "RUS")),
        ("Прокуратура Украины расследует деятельность Газпрома.", ("ACCUSE", "UKR", "RUS")),
        ("Следственный комитет России возбудил уголовное дело против украинских военных.",
         ("ACCUSE", "RUS", "UKR")),
        ("МАГАТЭ проинспектировало иранские ядерные объекты.", ("ACCUSE", "IAEA", "IRN")),
        ("Украинские следователи допросили российского консула.", ("ACCUSE", "UKR", "RUS")),
        # 10 demand and appeal: the one asked, or the owner of what is asked for
        ("США потребовали от России вывода войск из Сирии.", ("REQUEST", "USA", "RUS")),
        ("Вашингтон требует от Пекина освобождения американских моряков.",
         ("REQUEST", "USA", "CHN")),
        ("Москва настаивает на выводе войск США из Сирии.", ("REQUEST", "RUS", "USA")),
        ("Евросоюз призвал Азербайджан и Армению к сдержанности.", ("REQUEST", "EU", "ARM")),
        ("Евросоюз призывает Россию к деэскалации.", ("REQUEST", "EU", "RUS")),
        ("Франция призвала Россию к переговорам с Украиной.", ("REQUEST", "FRA", "RUS")),
        ("Киев попросил у Евросоюза кредит.", ("REQUEST", "UKR", "EU")),
        ("Киев просит у Вашингтона оружие.", ("REQUEST", "UKR", "USA")),
        ("Польша попросила НАТО о защите.", ("REQUEST", "POL", "NATO")),
        ("Грузия обратилась к НАТО с просьбой о помощи.", ("REQUEST", "GEO", "NATO")),
        ("Лондон запросил у Москвы выдачу Лугового.", ("REQUEST", "GBR", "RUS")),
        ("Грузинская оппозиция требует отставки Саакашвили.", ("REQUEST", "GEO", "GEO")),
        ("Токио направил Москве требование.", ("REQUEST", "JPN", "RUS")),
        ("Требование Вашингтона к Пекину осталось без ответа.", ("REQUEST", "USA", "CHN")),
        ("Просьба Сирии к России о помощи была удовлетворена.", ("REQUEST", "SYR", "RUS")),
        # 11 disapprove: criticism, accusation, complaint, lawsuit, verdict
        ("Кремль раскритиковал решение Вашингтона.", ("ACCUSE", "RUS", "USA")),
        ("Кремль осуждает действия Киева.", ("ACCUSE", "RUS", "UKR")),
        ("Действия Израиля были осуждены Турцией.", ("ACCUSE", "TUR", "ISR")),
        ("Решение Киева осуждается Москвой.", ("ACCUSE", "RUS", "UKR")),
        ("Осуждение Турции со стороны ЕС прозвучало вчера.", ("ACCUSE", "EU", "TUR")),
        ("Москва выразила разочарование решением Вашингтона.", ("ACCUSE", "RUS", "USA")),
        ("Китай выражает обеспокоенность политикой США.", ("ACCUSE", "CHN", "USA")),
        ("Латвия возмутилась решением России.", ("ACCUSE", "LVA", "RUS")),
        ("Россия обвинила Грузию в агрессии.", ("ACCUSE", "RUS", "GEO")),
        ("Мадрид обвинил Москву в шпионаже.", ("ACCUSE", "ESP", "RUS")),
        ("Анкара обвиняется Москвой в пособничестве террористам.", ("ACCUSE", "RUS", "TUR")),
        ("МИД России выразил протест Эстонии.", ("ACCUSE", "RUS", "EST")),
        ("Российский МИД направил ноту протеста посольству Латвии.", ("ACCUSE", "RUS", "LVA")),
        ("МИД Польши вызвал посла России.", ("ACCUSE", "POL", "RUS")),
        ("Посол России был вызван в МИД Эстонии.", ("ACCUSE", "EST", "RUS")),
        ("Эстония пожаловалась на Россию в ОБСЕ.", ("ACCUSE", "EST", "RUS")),
        ("Жалоба Украины на Россию рассмотрена в ВТО.", ("ACCUSE", "UKR", "RUS")),
        ("Украина подала в суд на Россию.", ("ACCUSE", "UKR", "RUS")),
        ("Иск Украины против России поступил в суд.", ("ACCUSE", "UKR", "RUS")),
        ("Британский суд вынес приговор российскому бизнесмену.", ("ACCUSE", "GBR", "RUS")),
        # 12 reject: refusals, vetoes, blocking, defiance, a meeting boycotted
        ("Китай отверг предложение США.", ("REJECT", "CHN", "USA")),
        ("Израиль отвергает требования Палестины.", ("REJECT", "ISR", "PSE")),
        ("Предложение Токио было отклонено Пекином.", ("REJECT", "CHN", "JPN")),
        ("Россия отказалась от переговоров с Грузией.", ("REJECT", "RUS", "GEO")),
        ("США отказались от встречи с Россией.", ("REJECT", "USA", "RUS")),
        ("Белоруссия отказала России во встрече.", ("REJECT", "BLR", "RUS")),
        ("Польша отказала Украине в экстрадиции.", ("REJECT", "POL", "UKR")),
        ("Россия наложила вето на резолюцию США.", ("REJECT", "RUS", "USA")),
        ("Венгрия заблокировала вступление Украины в НАТО.", ("REJECT", "HUN", "UKR")),
        ("Греция блокирует переговоры Македонии с ЕС.", ("REJECT", "GRC", "MKD")),
        ("Россия нарушила договор с США.", ("REJECT", "RUS", "USA")),
        ("Иран отклонил приглашение Саудовской Аравии.", ("REJECT", "IRN", "SAU")),
        ("Украина бойкотировала саммит СНГ.", ("REJECT", "UKR", "CIS")),
        ("Израиль бросил вызов ООН.", ("REJECT", "ISR", "UN")),
        # 13 threaten: threats with what is threatened, warnings, ultimatums
        ("Россия пригрозила Украине ответными мерами.", ("THREATEN", "RUS", "UKR")),
        ("США пригрозили России санкциями.", ("THREATEN", "USA", "RUS")),
        ("Россия угрожает Украине прекращением поставок газа.", ("THREATEN", "RUS", "UKR")),
        ("Пхеньян угрожает Сеулу ядерным ударом.", ("THREATEN", "PRK", "KOR")),
        ("Госдеп предупредил Москву о последствиях.", ("THREATEN", "USA", "RUS")),
        ("Турция предупреждает Россию о последствиях.", ("THREATEN", "TUR", "RUS")),
        ("Америка предостерегла Китай от вмешательства.", ("THREATEN", "USA", "CHN")),
        ("Путин выдвинул ультиматум Грузии.", ("THREATEN", "RUS", "GEO")),
        ("Угрозы Пхеньяна в адрес Сеула усилились.", ("THREATEN", "PRK", "KOR")),
        # 14 protest: demonstrations, pickets, strikes
        ("Армянская оппозиция вышла на площадь против правительства.",
         ("PROTEST", "ARM", "ARM")),
        ("Грузинская оппозиция провела митинг у посольства России.", ("PROTEST", "GEO", "RUS")),
        ("Украинские активисты устроили пикет перед посольством США.",
         ("PROTEST", "UKR", "USA")),
        ("Сербские демонстранты пикетировали посольство США.", ("PROTEST", "SRB", "USA")),
        ("Украинские шахтеры бастуют против правительства.", ("PROTEST", "UKR", "UKR")),
    ],
)
def test_verbal_conflict_acts(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


@pytest.mark.parametrize(("text", "cameo"), [
    # the thing asked for, refused or threatened with gives the more specific code
    ("Оппозиция Грузии требует отставки Саакашвили.", "1041"),
    ("Москва настаивает на выводе войск США из Сирии.", "106"),
    ("Франция призвала Россию к переговорам с Украиной.", "108"),
    ("Россия отказалась от переговоров с Грузией.", "125"),
    ("Россия отказалась от уступок Украине.", "124"),
    ("США пригрозили России санкциями.", "1312"),
    ("Иран пригрозил США срывом переговоров.", "134"),
    ("Мадрид обвинил Москву в шпионаже.", "1125"),
    # the guide: a case opened is an investigation (09x), a sentence a verdict (116)
    ("Следственный комитет России возбудил уголовное дело против украинских военных.", "091"),
    ("Российский суд приговорил гражданина Украины к 20 годам.", "116"),
])
def test_specific_codes(pipeline, text, cameo):
    assert cameo in {e.cameo for e in code(pipeline, text)}


@pytest.mark.parametrize("text", [
    # a danger perceived is no threat made
    "Россия воспринимает НАТО как угрозу.",
    "Расширение НАТО представляет угрозу для безопасности России.",
    # `убеждена` is a state, not a persuasion; `призван` means `is meant to`
    "Россия убеждена, что Киев нарушил соглашение.",
    "Визит призван укрепить отношения России и Китая.",
    # `предупредить` as `prevent`, `требовать` of a thing, `открыть дело` of a business
    "Украина и Россия предупредили эскалацию конфликта.",
    "Торговля между Россией и Китаем требует новых решений.",
    "Председатель Еврокомиссии открыл дело в Брюсселе.",
    # a protest caused by a resignation names no protester
    "Отставка правительства Грузии вызвала протест в Тбилиси.",
    "Подозреваемый в шпионаже гражданин Эстонии задержан.",
])
def test_no_verbal_conflict(pipeline, text):
    found = {t for t, _, _ in sides(code(pipeline, text))}
    assert not found & {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "PROTEST"}


def test_a_demand_is_not_the_act_demanded(pipeline):
    # `призвал к переговорам`, `требует вывода`: no talks and no withdrawal took place
    found = {t for t, _, _ in sides(code(pipeline, "США потребовали от России вывода войск из "
                                                   "Сирии и призвали ее к переговорам."))}
    assert "REQUEST" in found and not found & {"RETREAT", "CONSULT"}


@pytest.mark.parametrize("root", sorted(ROOTS))
def test_each_root_has_its_own_file(root):
    """Every entry of a root lives in that root's file, and that file holds no other root."""
    own = Path(BUILTIN) / f"{root}-{ROOTS[root]}.yaml"
    entries = yaml.safe_load(own.read_text(encoding="utf-8"))["predicates"]
    assert entries and {e["cameo"][:2] for e in entries} == {root}
    # but appeals (CAMEO 02, `02-propose.yaml`), which PLOVER drops: the annotation guide
    # codes them with the 10x demand codes
    appeals = {own, *Path(BUILTIN).glob("02-*.yaml")} if root == "10" else {own}
    for other in sorted(Path(BUILTIN).glob("*.yaml")):
        if other not in appeals:
            codes = {e["cameo"][:2] for e in
                     yaml.safe_load(other.read_text(encoding="utf-8"))["predicates"]}
            assert root not in codes, other.name
