"""Bodies by remit and owner (data/heads.yaml, actors/remits.py), the `Мин-` ministries,
organs without a country in their document, international organisations, parties and
companies, on phrases as news writes them."""

import pytest

from relata.actors.load import load
from relata.coding import resolve
from relata.records import Document

from conftest import ROOT, write

MINI = ROOT / "tests" / "data" / "actors-mini.yaml"


def _codes(phrases, context=""):
    return [m.actor.code if m else None for m in resolve(phrases, context=context)]


REMITS = [
    # a ministry, minister or agency, its remit, its state in the genitive
    ("Министерство культуры Белоруссии", "BLRGOV"),
    ("министерства сельского хозяйства Армении", "ARMGOV"),
    ("Министерство науки и высшего образования России", "RUSGOV"),
    ("Министерство по чрезвычайным ситуациям Казахстана", "KAZGOV"),
    ("министерство по делам беженцев Ирака", "IRQGOV"),  # a sector word in the remit
    ("министр культуры Франции", "FRAGOV"),
    ("замминистра иностранных дел Турции", "TURGOV"),
    ("Агентство по атомной энергии Японии", "JPNGOV"),
    ("Комиссия при президенте России", "RUSGOV"),
    # an agency's or service's adjective says its remit
    ("Федеральная миграционная служба России", "RUSGOV"),
    ("Налоговое управление США", "USAGOV"), ("служба спасения Турции", "TURGOV"),
    # a committee takes its owner's sector: a parliament's is LEG, a company's BUS
    ("Комитет по иностранным делам Сената США", "USALEG"),
    ("комитет Госдумы по обороне", "RUSLEG"),
    ("совет директоров Газпрома", "RUSBUS"),
    ("комиссия ООН по правам человека", "UN"),
    # the person after the office is who it names
    ("министр иностранных дел России Сергей Лавров", "RUSGOV"),
    # longer sector words still win: defence is MIL, the interior COP
    ("Министерство обороны России", "RUSMIL"),
    ("министр внутренних дел Франции", "FRACOP"),
    # a committee needs a remit before a bare state: `Олимпийский комитет` is no
    # government's, and a news agency is its own (`агентство Рейтер`)
    ("Олимпийский комитет России", "RUS"),
    ("агентство Рейтер", "GBRMED"),
]


@pytest.mark.parametrize(("phrase", "code"), REMITS, ids=[r[0] for r in REMITS])
def test_a_body_named_by_its_remit_is_its_owners(phrase, code):
    assert _codes([phrase]) == [code]


MINISTRIES = [
    ("Минсельхоз Армении", "ARMGOV"), ("Минсельхоза России", "RUSGOV"),
    ("Минкультуры Франции", "FRAGOV"), ("Минприроды Казахстана", "KAZGOV"),
    ("Минтранс Узбекистана", "UZBGOV"), ("Минстроя Белоруссии", "BLRGOV"),
    ("Минздравсоцразвития России", "RUSGOV"), ("Минэкономразвития России", "RUSGOV"),
    ("Минобрнауки России", "RUSGOV"), ("Минтруда России", "RUSGOV"),
    ("Минцифры Украины", "UKRGOV"), ("Минвостокразвития России", "RUSGOV"),
    ("Минсоцполитики Украины", "UKRGOV"), ("Минэнерго США", "USAGOV"),
    ("Минздрав Китая", "CHNGOV"), ("Минфин США", "USAGOV"),
    ("Минобороны Армении", "ARMMIL"), ("Минюст США", "USAJUD"),
    # a region's ministry is its country's (organs.yaml)
    ("Минздрав Башкирии", "RUSGOV"),
]


@pytest.mark.parametrize(("phrase", "code"), MINISTRIES, ids=[m[0] for m in MINISTRIES])
def test_the_min_compounds_are_ministries(phrase, code):
    assert _codes([phrase]) == [code]


TURKISH = "В Турции прошли парламентские выборы."
ALONE = [
    ("МИД", "TURGOV"), ("Минфин", "TURGOV"), ("Минсельхоз", "TURGOV"),
    ("прокуратура", "TURJUD"), ("Генпрокуратура", "TURJUD"), ("суд", "TURJUD"),
    ("полиция", "TURCOP"), ("милиция", "TURCOP"), ("следственные органы", "TURCOP"),
    ("парламент", "TURLEG"), ("Министерство культуры", "TURGOV"),
    ("министр сельского хозяйства", "TURGOV"),
]


@pytest.mark.parametrize(("phrase", "code"), ALONE, ids=[a[0] for a in ALONE])
def test_an_organ_alone_takes_the_state_in_focus(phrase, code):
    (mention,) = resolve([phrase], context=TURKISH)
    assert (mention.actor.code, mention.via) == (code, "context")


def test_an_owner_after_the_remit_is_no_state_in_focus():
    (mention,) = resolve(["министр культуры Москвы"], context=TURKISH)
    assert (mention.actor.code, mention.via) == ("RUSGOV", None)


@pytest.mark.parametrize(("text", "word", "code"), [
    ("В Турции МИД вызвал посла.", "МИД", "TURGOV"),  # a name to NER, a word here
    ("В Турции Минфин повысил налоги.", "Минфин", "TURGOV"),
    # a diplomat abroad is no state in focus: the host's ministry summons him
    (f"{TURKISH} Посла Германии вызвали в МИД.", "МИД", "TURGOV"),
    (f"{TURKISH} Министерство культуры открыло выставку.", "Министерство культуры",
     "TURGOV"),
])
def test_the_coder_gives_an_organ_the_state_in_focus(pipeline, text, word, code):
    (analysis,) = pipeline([Document(id="t", text=text)])
    (mention,) = [m for m in analysis.mentions if m.text == word]
    assert (mention.actor.code, mention.via) == (code, "context")


ORGANISATIONS = [
    ("Афросоюз", "AU"), ("Африканского союза", "AU"), ("МТБЮ", "ICTY"),
    ("Международный трибунал по бывшей Югославии", "ICTY"), ("Гаагского трибунала", "ICTY"),
    ("МУС", "ICC"), ("ЕСПЧ", "ECHR"), ("ОДКБ", "CSTO"), ("ЕАЭС", "EAEU"), ("ШОС", "SCO"),
    ("БРИКС", "BRICS"), ("ОБСЕ", "OSCE"), ("ПАСЕ", "PACE"), ("ОИС", "OIC"),
    ("АСЕАН", "ASEAN"), ("ОПЕК+", "OPECPLUS"), ("ССАГПЗ", "GCC"), ("МАГАТЭ", "IAEA"),
    ("ВОЗ", "WHO"), ("ВТО", "WTO"), ("МВФ", "IMF"), ("Международного валютного фонда", "IMF"),
    ("Всемирный банк", "WB"), ("Интерпола", "INTERPOL"), ("Большой восьмёрки", "G8"),
    ("ЕврАзЭС", "EURASEC"), ("СЭВ", "CMEA"), ("Организации Варшавского договора", "WARSAW"),
    ("ЭКОВАС", "ECOWAS"), ("Вишеградской группы", "V4"), ("ФАТФ", "FATF"),
    ("коалиция во главе с США", "USCOAL"), ("арабская коалиция", "SAUCOAL"),
    ("миротворцы ООН", "UNPKO"), ("УКГВ ООН", "OCHA"), ("ЮНКТАД", "UNCTAD"),
    ("Азиатский банк развития", "ADB"), ("СЕЛАК", "CELAC"), ("ФИФА", "FIFA"),
]


@pytest.mark.parametrize(("phrase", "code"), ORGANISATIONS, ids=[o[0] for o in ORGANISATIONS])
def test_international_organisations_by_every_name(phrase, code):
    assert _codes([phrase]) == [code]


PARTIES = [
    ("КПРФ", "RUSPTY"), ("Единой России", "RUSPTY"), ("единороссы", "RUSPTY"),
    ("ЛДПР", "RUSPTY"), ("партии «Яблоко»", "RUSPTY"), ("КПСС", "SUNGOV"),
    ("КПК", "CHNGOV"), ("Коммунистической партии Китая", "CHNGOV"), ("Гоминьдан", "TWNPTY"),
    ("Республиканской партии США", "USAPTY"), ("Демократическая партия США", "USAPTY"),
    ("ХДС", "DEUPTY"), ("Альтернативы для Германии", "DEUPTY"),
    ("Партия справедливости и развития", "TURPTY"), ("Грузинской мечты", "GEOPTY"),
    ("партии «Слуга народа»", "UKRPTY"), ("Партии регионов", "UKRPTY"),
    ("Бхаратия джаната парти", "INDPTY"), ("Трудовой партии Кореи", "PRKGOV"),
    ("лидеры ЧСДП", "CZEPTY"), ("движения ФАТХ", "PSEPTY"), ("Братьев-мусульман", "EGYOPP"),
    ("партии «Новая демократия»", "GRCPTY"), ("ЗАНУ-ПФ", "ZWEPTY"), ("Ан-Нахды", "TUNPTY"),
    ("Пакистанской народной партии", "PAKPTY"), ("ГЕРБ", "BGRPTY"),
    # an ordinary word alone is no party
    ("Яблоко", None), ("республиканцы", None), ("герб", None), ("Новая демократия", None),
]


@pytest.mark.parametrize(("phrase", "code"), PARTIES, ids=[p[0] for p in PARTIES])
def test_parties_in_unambiguous_forms(phrase, code):
    assert _codes([phrase]) == [code]


COMPANIES = [
    ("Apple", "USABUS"), ("Samsung", "KORBUS"), ("Самсунга", "KORBUS"), ("Google", "USABUS"),
    ("Майкрософт", "USABUS"), ("Тойоты", "JPNBUS"), ("Фольксвагена", "DEUBUS"),
    ("Pfizer", "USABUS"), ("Northrop Grumman", "USABUS"), ("JPMorgan", "USABUS"),
    ("Deutsche Bank", "DEUBUS"), ("Lufthansa", "DEUBUS"), ("TSMC", "TWNBUS"),
    ("Petrobras", "BRABUS"), ("Aselsan", "TURBUS"), ("АвтоВАЗ", "RUSBUS"),
    ("Лаборатория Касперского", "RUSBUS"), ("SWIFT", "BELBUS"),
    # a person of the same name is no company (Janet Reno is the US attorney general,
    # people-officials.yaml)
    ("Никола Тесла", None), ("Джанет Рено", "USAJUD"),
]


@pytest.mark.parametrize(("phrase", "code"), COMPANIES, ids=[c[0] for c in COMPANIES])
def test_multinational_companies(phrase, code):
    assert _codes([phrase]) == [code]


def _problems(tmp_path, text):
    path = write(tmp_path / "user.yaml", text)
    _, problems = load([MINI, path], builtin=False)
    return [str(p).replace(str(path), "user.yaml") for p in problems]


@pytest.mark.parametrize(("text", "problem"), [
    ("heads:\n  - {kind: x, sector: ARMY, words: [комитет]}\n",
     "user.yaml:2: unknown sector 'ARMY'"),
    ("heads:\n  - {kind: x, words: [комитет по делам]}\n",
     "user.yaml:2: head word 'комитет по делам' must be one word"),
    ("heads:\n  - {kind: x, words: [комитет]}\n  - {kind: y, words: [комитет]}\n",
     "user.yaml:3: head word 'комитет' is also in 'x'"),
    ("heads:\n  - {kind: x, words: [Россия]}\n",
     "user.yaml:2: head word 'Россия' is a name in the dictionaries"),
    ("heads:\n  - {kind: x, words: [комитет], remit: yes please}\n",
     "user.yaml:2: field 'remit' must be true or false, not 'yes please'"),
])
def test_head_words_are_checked(tmp_path, text, problem):
    assert problem in _problems(tmp_path, text)
