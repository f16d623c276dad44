from relata.parallel import ParallelPipeline, make_pipeline
from relata.pipeline import Pipeline, batched
from relata.sources import read

from conftest import EXAMPLES


def test_two_workers_give_what_one_process_gives(pipeline):
    documents = [d for d in read([EXAMPLES]) if hasattr(d, "text")]
    parallel = make_pipeline(2)
    assert isinstance(parallel, ParallelPipeline)
    try:
        together = [a for batch in parallel.map(batched(documents, 3)) for a in batch]
    finally:
        parallel.close()
    alone = list(pipeline.run(documents, 3))
    assert [a.document.id for a in together] == [a.document.id for a in alone]
    assert [a.events for a in together] == [a.events for a in alone]
    assert [a.mentions for a in together] == [a.mentions for a in alone]
    assert parallel.seconds["russian"] > 0


def test_one_worker_is_the_plain_pipeline():
    assert isinstance(make_pipeline(1), Pipeline)
