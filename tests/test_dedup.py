"""Near-duplicate articles found at ingest: a copy is kept as a mention of its original."""

import re

import pytest

from relata import ingest, open_store
from relata.dedup import copied, shingles, signature, similarity

from conftest import EXAMPLES, FOUNDING, write

BODY = FOUNDING.read_text(encoding="utf-8").split("\n\n", 1)[1]
OTHER = (EXAMPLES / "2025-03-14-ru-kz.txt").read_text(encoding="utf-8").split("\n\n", 1)[1]
PARAGRAPHS = BODY.split("\n\n")


def _edited_lead(text: str) -> str:
    return "Баку, 7 августа — Агентство передаёт. " + text.replace(
        "Стоит также отметить", "Отметим также", 1)


@pytest.mark.parametrize(("copy", "is_copy"), [
    (BODY, True),
    (_edited_lead(BODY), True),
    ("Главные новости дня. Реклама. Подписывайтесь на наш канал.\n\n" + BODY
     + "\n\nВсе права защищены. Перепечатка запрещена.", True),  # another site's boilerplate
    (" ".join(BODY.split(" ")[:len(BODY.split(" ")) * 4 // 5]), True),  # the end cut
    (BODY + "\n\nРедакция обратилась за комментарием в МИД, ответ не получен.", True),
    (re.sub(r"\s+", " ", BODY.upper()), True),  # case and spacing do not count
    (OTHER, False),  # another story
    ("\n\n".join(PARAGRAPHS[:1]), False),  # a lead alone is not the story
])
def test_what_counts_as_a_copy(copy, is_copy):
    jaccard = similarity(signature(BODY), signature(copy))
    assert copied(jaccard, len(shingles(BODY)), len(shingles(copy)), 0.7) is is_copy


def _ingest(db, *paths, **options):
    with open_store(db, write=True) as store:
        return ingest(store, paths, **options)


def _copies(db):
    with open_store(db) as store:
        return store.query("SELECT doc_id, original_id, similarity, origin FROM copies")


def test_a_copy_read_later_is_a_mention_of_its_original(tmp_path, pipeline):
    db = tmp_path / "r.duckdb"
    original = write(tmp_path / "a" / "a.txt", "date 2025-08-07\n\n" + BODY)
    first = _ingest(db, original, pipeline=pipeline)
    assert (first.stored, first.copies) == (1, 0)
    copy = write(tmp_path / "b" / "b.txt", "date 2025-08-08\n\n" + _edited_lead(BODY))
    later = _ingest(db, copy, pipeline=pipeline)  # another run: found through the store
    assert (later.stored, later.copies) == (0, 1)
    copies = _copies(db)
    assert list(copies.origin) == [str(copy)] and copies.similarity[0] >= 0.7
    with open_store(db) as store:
        assert store.counts()["documents"] == 1  # the copy was not analysed
        assert copies.original_id[0] == store.documents()["id"][0]
    again = _ingest(db, copy, pipeline=pipeline)  # a copy is known, as a stored article is
    assert (again.stored, again.copies, again.duplicates) == (0, 0, 1)


def test_copies_in_one_batch_and_turned_off(tmp_path, pipeline):
    folder = tmp_path / "news"
    write(folder / "a.txt", BODY)
    write(folder / "b.txt", _edited_lead(BODY))
    write(folder / "c.txt", OTHER)
    report = _ingest(tmp_path / "r.duckdb", folder, pipeline=pipeline)
    assert (report.stored, report.copies) == (2, 1)
    off = _ingest(tmp_path / "all.duckdb", folder, pipeline=pipeline, duplicates=None)
    assert (off.stored, off.copies) == (3, 0)


def test_short_texts_are_never_copies(tmp_path, pipeline):
    folder = tmp_path / "briefs"
    for i in range(3):  # a template that differs in a number: not one story copied
        write(folder / f"{i}.txt", f"Министр встретился в Баку с коллегой номер {i}. "
                                   "Стороны обсудили поставки газа.")
    report = _ingest(tmp_path / "r.duckdb", folder, pipeline=pipeline)
    assert (report.stored, report.copies) == (3, 0)
