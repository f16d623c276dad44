"""Judicial and police acts, yielding, honours and intrusions completed from the CAMEO
codebook (predicates/05-support.yaml, 08-yield.yaml, 09-investigate.yaml,
11-disapprove.yaml, 13-threaten.yaml, 17-coerce.yaml, 18-assault.yaml): fines (172), trials
and custody (173), liability (116), cases (091), releases (0841), dismissals (0831),
penalties threatened (132), honours and recognition (051, 054), network intrusion (170),
killings of named kinds of people (186); and the other senses of the same words, which
make no event."""

import pytest

from test_triggers_quantities import trigger_keys

from conftest import code, sides


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # 172: a fine is an administrative sanction, in both aspects and as a light verb
        ("В Шанхае оштрафовали организатора концерта.", "оштрафовать"),
        ("Роскомнадзор назначил штраф компании Google.", "назначить штраф"),
        ("Суд назначает штраф владельцу канала.", "назначать штраф"),
        # 173: a trial, told by the defendant or as a noun with `над`
        ("Пакистанец предстал перед судом в США.", "предстать суд"),
        ("Процесс над Браудером проходит в его отсутствие.", "процесс prep:над"),
        ("Суд над оппозиционером начался в Минске.", "суд prep:над"),
        ("Журналиста посадили в тюрьму.", "посадить тюрьма"),
        ("Суд отправил оппозиционера под домашний арест.", "отправить арест"),
        ("Суд продлил заключение под стражу журналиста.", "заключение prep:под"),
        # 172: immunity stripped; sites blocked (1721), told as a noun
        ("Блокировка мессенджера Роскомнадзором продолжается.", "блокировка мессенджер"),
        ("Рада лишила неприкосновенности депутата.", "лишить неприкосновенность"),
        # 116 and 112: found liable, held responsible
        ("Суд обязал компанию Monsanto выплатить 80 млн долларов.", "обязать as:выплатить"),
        ("Нидерланды признали Россию ответственной за катастрофу.",
         "признать as:ответственный"),
        # 091: a case re-qualified
        ("Следователи переквалифицировали уголовное дело.", "переквалифицировать дело"),
        ("В Перу под расследование попали пять экс-президентов.", "попасть расследование"),
        # a case taken under control is no territory taken (192), whichever comes first
        ("Следственный комитет взял под контроль дело о гибели людей.", "взять дело"),
        ("Все дела о гибели людей взял под контроль Следственный комитет.", "взять дело"),
        # 170: intrusion into networks; an activity stopped by a security service
        ("Хакеры проникли в компьютерную сеть Пентагона.", "проникнуть сеть"),
        ("Хакеры атаковали серверы Пентагона.", "атаковать сервер"),
        ("Деятельность хакера была пресечена сотрудниками ФСБ.", "пресечь деятельность"),
        # 0841: people released, by kind or from custody
        ("Власти освободили узника.", "освободить узник"),
        ("Суд освободил блогера из-под стражи.", "освободить блогер"),
        ("Бизнесмена освободили из-под стражи.", "освободить prep:из-под"),
        ("Досрочное освобождение Ходорковского стало неожиданностью.",
         "досрочный освобождение"),
        # 132, 1321: judicial and administrative penalties threatened
        ("Власти Китая пригрозили арестом журналистам.", "пригрозить арест"),
        ("Прокуратура угрожает уголовным преследованием активистам.", "угрожать преследование"),
        ("Роскомнадзор пригрозил блокировкой Википедии.", "пригрозить блокировка"),
        # a deverbal noun's bare instrumental is what it acts on, as its genitive is
        ("Россия и Украина провели обмен пленными.", "обмен пленный"),
        ("Стороны договорились об обмене информацией с США.", "обмен информация"),
        # 0831: dismissals
        ("Президент отправил в отставку министра финансов.", "отправить отставка"),
        ("Борисов уволил министра финансов.", "уволить министр"),
        ("Губернатора освободили от должности.", "освободить должность"),
        # 051 and 054: honours and recognition
        ("Ющенко присвоил Бандере звание Героя Украины.", "присвоить звание"),
        ("Путин наградил орденом генерала.", "наградить"),
        ("Президент удостоил генерала звания Героя.", "удостоить звание"),
        # 0811, 0812: a block or a ban lifted
        ("Власти Египта легализовали партию Братьев-мусульман.", "легализовать партия"),
        ("США признали Иерусалим столицей Израиля.", "признать as:столица"),
        # 186: a person of a named kind killed on purpose
        ("Спецназ ликвидировал эмира группировки.", "ликвидировать эмир"),
        ("Израиль устранил командира ХАМАС.", "устранить командир"),
    ],
)
def test_an_act_of_the_class_is_found(pipeline, text, key):
    assert key in trigger_keys(pipeline, text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # `присвоить` alone is to appropriate; `обязать` without a payment is no liability
        ("Чиновник присвоил деньги фонда.", "присвоить звание"),
        ("Президент обязал правительство подготовить доклад.", "обязать as:выплатить"),
        # `проникнуть` into a place is no cyber attack; `устранить` a threat kills no one
        ("Диверсанты проникли на военную базу.", "проникнуть база"),
        ("Армия Украины атаковала систему ПВО России.", "атаковать система"),
        ("Правительство устранило угрозу дефолта.", "устранить угроза"),
        # staff dismissed by a firm is no change in leadership
        ("Компания уволила сотрудников.", "уволить сотрудник"),
        # `освободить` a town is no release
        ("Армия освободила город от боевиков.", "освободить prep:из-под"),
        ("Армия взяла под контроль город.", "взять дело"),
    ],
)
def test_other_senses_are_no_trigger(pipeline, text, key):
    assert key not in trigger_keys(pipeline, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Суд в Китае оштрафовал компанию.", ("COERCE", "CHN", "CHN")),
        ("Военные хакеры США проникли в энергосистему России.", ("COERCE", "USA", "RUS")),
        ("Федеральный суд США обязал американскую компанию Monsanto выплатить 80 млн долларов.",
         ("ACCUSE", "USA", "USA")),
        ("США признали Иерусалим столицей Израиля.", ("SUPPORT", "USA", "ISR")),
        ("Следственный комитет России взял под контроль дело о гибели людей.",
         ("ACCUSE", "RUS", None)),
    ],
)
def test_the_class_is_coded(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))
