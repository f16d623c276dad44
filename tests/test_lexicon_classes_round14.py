"""Round 14, triggers the lexicon lacked, grown by class from the codebook and the language
(the tuning listings' "no trigger" misses): each table holds sentences written for it, a
class's words beyond those the listings show, and the senses that stay as they were."""

import pytest

from conftest import code, sides


# --- SUPPORT 051: a view of another's shared or joined endorses its owner
@pytest.mark.parametrize(("text", "expected"), [
    ("Китай разделяет позицию России по Сирии.", ("SUPPORT", "CHN", "RUS")),
    ("Германия разделяет опасения Франции.", ("SUPPORT", "DEU", "FRA")),
    ("Польша разделила озабоченность Литвы.", ("SUPPORT", "POL", "LTU")),
    ("Япония присоединилась к оценке Вашингтона.", ("SUPPORT", "JPN", "USA")),
])
def test_shared_views_endorse(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


@pytest.mark.parametrize("text", [
    "Китай разделил территорию на четыре округа.",   # `разделить` alone divides
    "Сербия и Косово разделили ответственность за провал.",
])
def test_divided_is_no_support(pipeline, text):
    assert "SUPPORT" not in {e.type for e in code(pipeline, text)}


# --- PROTEST 140: a walkout `в знак протеста`, by the verbs of leaving a room or a meeting
@pytest.mark.parametrize(("text", "expected"), [
    ("Фракция КПРФ покинула заседание Госдумы в знак протеста.", ("PROTEST", "RUS", None)),
    ("Делегация Грузии вышла из зала в знак протеста.", ("PROTEST", "GEO", None)),
    ("Посол Украины ушел с приема в знак протеста.", ("PROTEST", "UKR", None)),
])
def test_walkouts_in_protest(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


def test_leaving_alone_is_no_protest(pipeline):
    found = code(pipeline, "Делегация Грузии покинула зал заседаний раньше срока.")
    assert "PROTEST" not in {e.type for e in found}


# --- COERCE 173: confined apart from others (`изолировать от`, `держать в изоляции`)
@pytest.mark.parametrize(("text", "expected"), [
    ("Армия Египта изолировала Мурси от его помощников.", ("COERCE", "EGY", "EGY")),
    ("Власти Ирана держат журналиста в изоляции.", ("COERCE", "IRN", "IRN")),
])
def test_confinement_is_custody(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


def test_a_state_isolated_is_no_custody(pipeline):
    found = code(pipeline, "Евросоюз пытается изолировать Россию.")
    assert "COERCE" not in {e.type for e in found}


# --- ACCUSE 112: fabrication told of another (accuse.txt)
@pytest.mark.parametrize(("text", "expected"), [
    ("Кремль утверждает, что Лондон сфабриковал дело.", ("ACCUSE", "RUS", "GBR")),
    ("МИД России заявил, что Украина инсценировала атаку.", ("ACCUSE", "RUS", "UKR")),
    ("В Минске считают, что Варшава подделала документы.", ("ACCUSE", "BLR", "POL")),
])
def test_fabrication_blames(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


# --- COERCE 1721: an outlet taken off the air, its work or broadcast stopped
@pytest.mark.parametrize(("text", "expected"), [
    ("Военное командование Египта прекратило работу телеканала «Аль-Джазира».",
     ("COERCE", "EGY", "QAT")),
    ("Власти Киргизии отключили российский телеканал.", ("COERCE", "KGZ", "RUS")),
])
def test_outlets_silenced(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


# --- SANCTION 161/1662: an embassy's or a mission's work suspended or stopped
@pytest.mark.parametrize(("text", "expected"), [
    ("Евросоюз приостановил работу миссии в Грузии.", ("SANCTION", "EU", "GEO")),
    ("Россия приостановила работу посольства в Ливии.", ("SANCTION", "RUS", "LBY")),
])
def test_missions_suspended(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


# --- MOBILIZE 154: a military presence made stronger or larger (with its adjective)
@pytest.mark.parametrize(("text", "expected"), [
    ("Россия будет укреплять военное присутствие в Сирии.", ("MOBILIZE", "RUS", "SYR")),
    ("США расширили военное присутствие в Польше.", ("MOBILIZE", "USA", "POL")),
])
def test_military_presence_grown(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


def test_presence_in_a_market_is_no_deployment(pipeline):
    found = code(pipeline, "Газпром укрепил присутствие на рынке Германии.")
    assert "MOBILIZE" not in {e.type for e in found}


# --- SANCTION 160: a treaty torn up, annulled or cancelled, with whom it was signed
@pytest.mark.parametrize(("text", "expected"), [
    ("Россия разорвала договор о дружбе с Украиной.", ("SANCTION", "RUS", "UKR")),
    ("Трамп отменил договоренности с Кубой.", ("SANCTION", "USA", "CUB")),
    ("Индия расторгла соглашение с Пакистаном.", ("SANCTION", "IND", "PAK")),
    ("Вашингтон объявил об аннулировании соглашения с Ираном.", ("SANCTION", "USA", "IRN")),
])
def test_treaties_torn_up(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


def test_a_firms_contract_is_no_sanction(pipeline):
    found = code(pipeline, "Газпром расторг контракт с Нафтогазом.")
    assert "SANCTION" not in {e.type for e in found}


# --- ASSAULT 190: a conflict or standoff said to be armed, mutual
@pytest.mark.parametrize(("text", "expected"), [
    ("Вооруженный конфликт между Эритреей и Эфиопией продолжался два года.",
     ("ASSAULT", "ERI", "ETH")),
    ("Военный конфликт России с Грузией начался в августе.", ("ASSAULT", "RUS", "GEO")),
    ("Война США против Ирака началась в 2003 году.", ("ASSAULT", "USA", "IRQ")),
    ("Война России с Грузией длилась пять дней.", ("ASSAULT", "RUS", "GEO")),
    ("Военные действия Израиля против Ливана продолжаются.", ("ASSAULT", "ISR", "LBN")),
])
def test_armed_conflicts_are_fights(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


@pytest.mark.parametrize("text", [
    "Торговый конфликт между США и Китаем обострился.",
    # a conflict that names no side fought against is a topic (`aimed`)
    "Генерал командовал армией боснийских сербов во время вооруженного конфликта в Боснии.",
    "Война с терроризмом продолжается уже двадцать лет.",
])
def test_conflicts_without_sides_are_no_fight(pipeline, text):
    found = code(pipeline, text)
    assert "ASSAULT" not in {e.type for e in found if e.modality == "factual"}


# --- MOBILIZE 154: a military base opened; the host is where, not whom
@pytest.mark.parametrize(("text", "expected"), [
    ("Франция открыла военную базу в Мали.", ("MOBILIZE", "FRA", None)),
    ("Турция открыла военно-морскую базу в Судане.", ("MOBILIZE", "TUR", None)),
    ("Китай торжественно открыл авиабазу в Джибути.", ("MOBILIZE", "CHN", None)),
])
def test_bases_opened_are_deployments(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


@pytest.mark.parametrize("text", [
    "Министерство Германии открыло базу данных мигрантов.",   # `база` alone holds data
    "Польша открыла торговую базу в Литве.",
])
def test_other_bases_are_no_deployment(pipeline, text):
    assert "MOBILIZE" not in {e.type for e in code(pipeline, text)}


# --- SUPPORT 051: a message of congratulation sent, as `поздравить`
@pytest.mark.parametrize(("text", "expected"), [
    ("Президент Турции направил Путину поздравительную телеграмму.", ("SUPPORT", "TUR", "RUS")),
    ("Турецкие коллеги направили президенту России поздравительные письма.",
     ("SUPPORT", "TUR", "RUS")),
])
def test_congratulations_sent(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))
