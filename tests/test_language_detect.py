import pytest

from relata.language.detect import DetectLanguage, detect
from relata.records import Analysis, Document


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Министр иностранных дел России провёл переговоры с коллегой из Азербайджана.", "ru"),
        ("The foreign ministers of Russia and Azerbaijan met in Moscow on Thursday.", "en"),
        ("Міністр закордонних справ України провів переговори з колегою з Азербайджану.", "uk"),
        ("Der Außenminister Russlands traf sich am Donnerstag mit seinem Amtskollegen.", "de"),
        ("Azərbaycan və Türkiyə prezidentləri Ankarada görüşüblər.", "az"),
        ("12345 !!!", "und"),
        # short Russian that lingua takes for Ukrainian: no letter of Ukrainian's own
        ("Walmart подала иск в суд Арканзаса.", "ru"),
        ("Беларусь і Україна підписали угоду.", "uk"),
        # a Russian sentence among English titles: a third of its letters Cyrillic
        ("''River'' (с Шираном) и ''Need Me'' (с Pink) — попытки воссоздать записи, как "
         "''Love the Way You Lie''.", "ru"),
        ("The Kremlin, or Кремль, said on Monday that talks would go on.", "en"),
    ],
)
def test_detect(text, lang):
    assert detect(text) == lang


def test_stage_sets_language_and_skips_what_it_cannot_analyse():
    texts = ["Президент Казахстана прибыл в Москву с официальным визитом.",
             "The president of Kazakhstan arrived in Moscow on an official visit."]
    batch = [Analysis(Document(id=str(i), text=t)) for i, t in enumerate(texts)]
    ru, en = DetectLanguage()(batch)
    assert (ru.document.lang, ru.skipped) == ("ru", None)
    assert (en.document.lang, en.skipped) == ("en", "language en")
