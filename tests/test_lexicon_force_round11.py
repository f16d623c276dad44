"""Round 11, material conflict (CAMEO 15-20) repaired by class from the challenge set
`tests/data/challenge/force.tsv`: each table holds sentences written for it, a class's words
beyond those the challenge rows show, and the other senses that stay no event."""

import pytest

from conftest import code, sides

CONFLICT = {"MOBILIZE", "SANCTION", "COERCE", "ASSAULT"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 173 held in custody: `держать` / `содержать` under guard, in prison, under arrest
        ("Российские власти держат под стражей американского журналиста.",
         ("COERCE", "RUS", "USA")),
        ("Власти Белоруссии содержат в заключении трех польских активистов.",
         ("COERCE", "BLR", "POL")),
        ("Иранские власти удерживают гражданина Франции уже полгода.",
         ("COERCE", "IRN", "FRA")),
        ("Власти Китая продолжают удерживать двух канадских журналистов.",
         ("COERCE", "CHN", "CAN")),
        # 170 cyber attacks: the network nouns with `атаковать`
        ("Хакеры из КНДР атаковали электронную почту МИД Южной Кореи.",
         ("COERCE", "PRK", "KOR")),
        ("Китайские хакеры атаковали сети Министерства обороны Индии.",
         ("COERCE", "CHN", "IND")),
    ],
)
def test_held_and_hacked(pipeline, text, expected):
    found = sides(code(pipeline, text))
    assert expected in found, found


@pytest.mark.parametrize("text", [
    "Украинские войска удерживают позиции под Бахмутом.",
    "Россия удерживает лидерство по экспорту пшеницы.",
    "Центробанк Турции держит ставку на прежнем уровне.",
])
def test_other_senses_of_holding(pipeline, text):
    found = sides(code(pipeline, text))
    assert not {t for t, _, _ in found} & CONFLICT, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # told in the future by the doer's own side: announced, intended
        ("Министр обороны Израиля заявил, что армия нанесет удар по Ирану.",
         ("ASSAULT", "ISR", "IRN", "intended")),
        ("Глава МИД Эстонии заявил, что Эстония вышлет российского посла.",
         ("SANCTION", "EST", "RUS", "intended")),
        ("Представитель Пентагона заявил, что США разместят ракеты в Германии.",
         ("MOBILIZE", "USA", "DEU", "intended")),
        # told by another side, or as an opinion: a forecast
        ("МИД России заявил, что США введут новые санкции против России.",
         ("SANCTION", "USA", "RUS", "predicted")),
        ("Эксперты считают, что Израиль нанесет удар по Ирану.",
         ("ASSAULT", "ISR", "IRN", "predicted")),
    ],
)
def test_a_future_act_told_by_its_own_side_is_announced(pipeline, text, expected):
    from relata.evaluation.events import side

    found = {(e.type, side(e.source), side(e.target), e.modality)
             for e in code(pipeline, text)}
    assert expected in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 152: forces put on alert are the side's own, also as a passive's subject
        ("Российские войска были приведены в полную боевую готовность.",
         ("MOBILIZE", "RUS", None)),
        ("Силы ПВО Ирана приведены в состояние повышенной готовности.",
         ("MOBILIZE", "IRN", None)),
        ("Вооруженные силы Армении подняты по тревоге.", ("MOBILIZE", "ARM", None)),
        ("Ракетные войска КНДР поставлены на боевое дежурство.", ("MOBILIZE", "PRK", None)),
        ("Минобороны России привело в боевую готовность войска округа.",
         ("MOBILIZE", "RUS", None)),
    ],
)
def test_forces_put_on_alert(pipeline, text, expected):
    found = sides(code(pipeline, text))
    assert expected in found, found


def test_doctors_on_alert_are_no_force(pipeline):
    found = sides(code(pipeline, "Врачи приведены в состояние готовности из-за эпидемии."))
    assert not {t for t, _, _ in found} & CONFLICT, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 175 and 17x on a gathering fall on its people, the state's own (words/gatherings.txt)
        ("Полиция Белоруссии разогнала митинг оппозиции в Минске.", ("ASSAULT", "BLR", "BLR")),
        ("Разгон акции сторонников Навального полицией Москвы вызвал критику.",
         ("ASSAULT", "RUS", "RUS")),
        ("Власти Казахстана запретили шествие оппозиции.", ("COERCE", "KAZ", "KAZ")),
        ("Армянская полиция разогнала пикет оппозиционеров.", ("ASSAULT", "ARM", "ARM")),
    ],
)
def test_a_gathering_broken_up_is_its_people(pipeline, text, expected):
    found = sides(code(pipeline, text))
    assert expected in found, found


def test_the_rally_broken_up_is_still_a_protest(pipeline):
    found = sides(code(pipeline, "Полиция Белоруссии разогнала митинг оппозиции в Минске."))
    assert ("PROTEST", "BLR", None) in found, found


@pytest.mark.parametrize(
    ("text", "speaker", "modality"),
    [
        # the reporting verb after the clause it reports (parataxis) is its attribution
        ("Армия Азербайджана обстреляла позиции армянских войск, утверждает Министерство "
         "обороны Армении.", "Министерство обороны Армении", "factual"),
        ("Пентагон приведет в готовность 8500 военнослужащих, сообщил представитель "
         "ведомства.", "представитель", "intended"),
        ("Израиль нанесет удар по Ирану, заявил министр обороны Израиля.",
         "министр обороны Израиля", "intended"),
        ("Россия нанесет удар по Киеву, считает эксперт.", "эксперт", "predicted"),
    ],
)
def test_a_reporter_after_the_clause_is_its_attribution(pipeline, text, speaker, modality):
    first = code(pipeline, text)[0]
    assert (first.attribution and first.attribution.text, first.modality) == (speaker,
                                                                             modality)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 171: a vessel seized is of the state whose flag it flies (words/flags.txt)
        ("Иранские военные захватили нефтяной танкер под флагом Великобритании.",
         ("COERCE", "IRN", "GBR")),
        ("ВМС Украины задержали судно под флагом Турции.", ("COERCE", "UKR", "TUR")),
        ("Береговая охрана Китая захватила рыболовецкое судно под флагом Вьетнама.",
         ("COERCE", "CHN", "VNM")),
    ],
)
def test_a_vessel_is_of_its_flag(pipeline, text, expected):
    found = sides(code(pipeline, text))
    assert expected in found, found
