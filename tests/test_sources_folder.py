import json

from relata.records import Document, Problem
from relata.sources import count, read
from relata.sources.folder import walk

from conftest import write


def make_tree(root):
    write(root / "b.txt", "Второй.")
    write(root / "a" / "deep" / "c.txt", "Третий.")
    write(root / "a" / "news.jsonl", "".join(
        json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in ("Один.", "Два.")))
    write(root / "notes.md", "# не статья")
    write(root / ".hidden" / "d.txt", "Скрытый.")
    write(root / ".e.txt", "Скрытый файл.")


def test_walk_is_recursive_ordered_and_selective(tmp_path):
    make_tree(tmp_path)
    names = [p.relative_to(tmp_path).as_posix() for p in walk(tmp_path)]
    assert names == ["a/deep/c.txt", "a/news.jsonl", "b.txt"]


def test_read_mixes_folders_files_and_missing_paths(tmp_path):
    make_tree(tmp_path)
    items = list(read([tmp_path, tmp_path / "notes.md", tmp_path / "nope.txt"]))
    texts = [i.text for i in items if isinstance(i, Document)]
    assert texts == ["Третий.", "Один.", "Два.", "Второй.", "# не статья"]
    (problem,) = [i for i in items if isinstance(i, Problem)]
    assert problem.origin == str(tmp_path / "nope.txt")
    assert problem.reason == "no such file or directory"


def test_count_for_progress(tmp_path):
    make_tree(tmp_path)
    write(tmp_path / "no-final-newline.jsonl", '{"text": "x"}\n{"text": "y"}')
    assert count([tmp_path]) == 6
    assert count(["-"]) is None
