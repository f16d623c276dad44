import dataclasses

from relata.pipeline import Pipeline, batched, split_batches
from relata.records import Analysis, Document, Problem


def documents(*texts: str) -> list[Document]:
    return [Document(id=str(i), text=t, origin=f"doc{i}") for i, t in enumerate(texts)]


class Upper:
    """A stage that records what it saw, and fails on documents that ask for it."""

    name = "upper"

    def __init__(self):
        self.calls: list[int] = []

    def __call__(self, batch: list[Analysis]) -> list[Analysis]:
        self.calls.append(len(batch))
        if any("FAIL" in a.document.text for a in batch):
            raise ValueError("cannot handle FAIL")
        return [dataclasses.replace(a, skipped=a.document.text.upper()) for a in batch]


def test_stages_run_in_order_on_whole_batches():
    stage = Upper()
    result = Pipeline([stage])(documents("a", "b", "c"))
    assert [a.skipped for a in result] == ["A", "B", "C"]
    assert stage.calls == [3]


def test_a_failing_document_is_pinned_and_the_others_go_on():
    stage = Upper()
    ok, bad, other = Pipeline([stage])(documents("a", "FAIL", "c"))
    assert (ok.skipped, other.skipped) == ("A", "C")
    assert bad.failure == "doc1: stage 'upper' failed: ValueError: cannot handle FAIL"
    assert stage.calls == [3, 1, 1, 1]


def test_run_streams_in_batches():
    stage = Upper()
    result = list(Pipeline([stage]).run(documents(*"abcde"), batch_size=2))
    assert len(result) == 5
    assert stage.calls == [2, 2, 1]


def test_batched():
    assert list(batched(range(5), 2)) == [[0, 1], [2, 3], [4]]
    assert list(batched([], 3)) == []


def test_split_batches_keeps_problems_with_their_batch():
    a, b, c = documents("a", "b", "c")
    p1, p2 = Problem("x", "bad"), Problem("y", "worse")
    assert list(split_batches([p1, a, b, p2, c], 2)) == [([a, b], [p1]), ([c], [p2])]
    assert list(split_batches([p1], 2)) == [([], [p1])]
