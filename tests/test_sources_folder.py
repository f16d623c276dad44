import errno
import json
import os
from pathlib import Path

import pytest

from relata.records import Document, Problem
from relata.sources import count, read
from relata.sources.folder import walk

from conftest import refuse_listing, write


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


def test_count_leaves_a_pipe_to_be_read(stream):
    path = stream(b'{"text": "x"}\n', name="a.jsonl")
    assert count([path]) is None  # unknown: counting its lines would use them up
    assert [d.text for d in read([path])] == ["x"]


def test_links_that_lead_nowhere_are_named(tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    folder = tmp_path / "folder"
    write(folder / "b.txt", "Второй.")
    (folder / "a-broken.txt").symlink_to(tmp_path / "gone.txt")
    (folder / "c-loop.jsonl").symlink_to(folder / "c-loop.jsonl")
    (folder / "d-self").symlink_to(folder)  # a link to a folder is not followed: no loop
    loop_problem, broken, document, inner_loop = read([loop, folder])
    assert loop_problem == Problem(str(loop), "symbolic link loop")
    assert broken == Problem(str(folder / "a-broken.txt"), "no such file or directory")
    assert document.text == "Второй."
    assert inner_loop == Problem(str(folder / "c-loop.jsonl"), "symbolic link loop")


def test_a_folder_that_cannot_be_listed_is_named(tmp_path, monkeypatch):
    tree, locked = tmp_path / "tree", tmp_path / "locked"
    make_tree(tree)
    locked.mkdir()
    refuse_listing(monkeypatch, tree / "a", locked)
    assert list(read([locked, tree])) == [
        Problem(str(locked), "permission denied"),
        Problem(str(tree / "a"), "permission denied"),  # in its place; the rest is read
        next(read([tree / "b.txt"])),
    ]


def test_a_path_in_a_folder_that_cannot_be_entered(tmp_path, monkeypatch):
    path = write(tmp_path / "a.txt", "Текст.")
    stat = Path.stat

    def refusing(self, **options):  # as stat does below a folder without x permission
        if self == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return stat(self, **options)

    monkeypatch.setattr(Path, "stat", refusing)
    assert list(read([path])) == [Problem(str(path), "permission denied")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their mode")
def test_a_folder_without_read_permission(tmp_path):
    locked = tmp_path / "locked"
    write(locked / "a.txt", "Текст.")
    locked.chmod(0)
    try:
        assert list(read([locked])) == [Problem(str(locked), "permission denied")]
    finally:
        locked.chmod(0o755)


@pytest.mark.parametrize(("globs", "excludes", "expected"), [
    ((), (), ["a.txt", "b.jsonl", "gold/c.opin.txt", "gold/d.txt"]),
    ((), ("*.opin.txt",), ["a.txt", "b.jsonl", "gold/d.txt"]),
    ((), ("gold/*",), ["a.txt", "b.jsonl"]),
    (("*.md",), (), ["e.md"]),
    (("*.md", "*.jsonl"), (), ["b.jsonl", "e.md"]),
    (("gold/*",), ("*.opin.txt",), ["gold/d.txt"]),
])
def test_a_selection_chooses_the_files_below_a_folder(tmp_path, globs, excludes, expected):
    from relata.sources import Selection, expand

    for name in ("a.txt", "b.jsonl", "gold/c.opin.txt", "gold/d.txt", "e.md", "f.csv"):
        write(tmp_path / name, '{"text": "Москва."}\n' if name.endswith(".jsonl") else "Москва.")
    found = expand([tmp_path], Selection(globs, excludes))
    assert [p.relative_to(tmp_path).as_posix() for p in found] == expected


def test_code_reads_only_the_selected_files(tmp_path):
    from click.testing import CliRunner

    from relata.cli import cli

    write(tmp_path / "a.txt", "Россия и Азербайджан подписали соглашение.")
    write(tmp_path / "a.opin.txt", "Россия и Армения подписали соглашение.")
    write(tmp_path / "b.md", "Россия и Грузия подписали соглашение.")
    result = CliRunner().invoke(cli, ["code", str(tmp_path), "--exclude", "*.opin.txt",
                                      "--glob", "*.txt", "--glob", "*.md", "-q"])
    assert result.exit_code == 0, result.output
    targets = {json.loads(line)["target"]["code"] for line in result.stdout.splitlines()}
    assert targets == {"AZE", "GEO"} and "read 2" in result.stderr
