"""Throughput of relata's analysis against a plain Natasha pipeline, on the same folder.

    python benchmarks/throughput.py ../shared/data/factrueval-2016-dev [--repeat 3] [--json]

Each side runs in a fresh process (so peak RSS is its own): models are loaded
first and timed apart, then every `.txt` file in DIR is analysed. relata's side
is what `relata code` does without printing: reading, language detection,
segmentation, morphology, syntax, NER, lemmas, mention normal forms, actors. Natasha's
side is the pipeline of its README: segment, morph, syntax, NER, lemmatise.
The best of `--repeat` passes is reported for each side. relata is measured in
one process and, with `--workers N` (default 2), in N processes; the peak RSS of
the parallel run is the parent's only.

Each pass's CPU time (the process's, all its threads) is kept too. `--cpu` compares
that instead of the time on the clock, which on a machine shared with other jobs
says more about the load than the code; for it plain Natasha runs its BLAS on one
thread, as relata's models do (with more, its idle threads wait spinning, and that is
counted as CPU), and the ratio is of articles per CPU second.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_relata(files: list[str], repeat: int, workers: int = 1) -> dict:
    started = time.perf_counter()
    from relata.language.russian import models
    from relata.parallel import make_pipeline
    from relata.pipeline import DEFAULT_BATCH_SIZE
    from relata.records import Document
    from relata.sources import read

    pipeline = make_pipeline(workers, freeze=True)  # as the command does
    if workers == 1:
        models()
    else:  # start the workers (each loads its models) before timing
        list(pipeline.map([[Document(id=str(i), text="Россия.", lang="ru")]
                           for i in range(workers)]))
    loaded = time.perf_counter() - started

    def one_pass() -> tuple[int, int]:
        pipeline.seconds.clear()
        documents = [d for d in read(files) if isinstance(d, Document)]
        analyses = list(pipeline.run(documents, DEFAULT_BATCH_SIZE))
        failed = [a.failure for a in analyses if a.failure]
        if failed:
            raise SystemExit(f"relata failed on {len(failed)} documents: {failed[0]}")
        return len(analyses), sum(len(a.document.body) for a in analyses)

    figures = _measure(one_pass, repeat, loaded)
    figures["stage_seconds"] = {k: round(v, 3) for k, v in pipeline.seconds.items()}
    figures["workers"] = workers
    if workers > 1:  # the workers' CPU is theirs, not this process's
        figures["cpu_seconds"] = figures["articles_per_cpu_s"] = None
    pipeline.close()
    return figures


def run_natasha(files: list[str], repeat: int, one_thread: bool = False) -> dict:
    started = time.perf_counter()
    from natasha import (
        Doc,
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )

    if one_thread:  # numpy's BLAS is loaded now: threadpoolctl limits what is loaded
        from threadpoolctl import threadpool_limits

        threadpool_limits(1)  # for the process, from here on

    segmenter, embedding = Segmenter(), NewsEmbedding()
    morph, syntax = NewsMorphTagger(embedding), NewsSyntaxParser(embedding)
    ner, vocab = NewsNERTagger(embedding), MorphVocab()
    loaded = time.perf_counter() - started

    def one_pass() -> tuple[int, int]:
        articles = chars = 0
        for path in files:
            text = Path(path).read_text(encoding="utf-8")
            doc = Doc(text)
            doc.segment(segmenter)
            doc.tag_morph(morph)
            doc.parse_syntax(syntax)
            doc.tag_ner(ner)
            for token in doc.tokens:
                token.lemmatize(vocab)
            articles, chars = articles + 1, chars + len(text)
        return articles, chars

    return _measure(one_pass, repeat, loaded)


def _measure(one_pass, repeat: int, loaded: float) -> dict:
    best = best_cpu = None
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        articles, chars = one_pass()
        seconds = time.perf_counter() - started
        cpu = time.process_time() - started_cpu
        best = seconds if best is None else min(best, seconds)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
    return {
        "articles": articles,
        "chars": chars,
        "seconds": round(best, 3),
        "articles_per_s": round(articles / best, 2),
        "chars_per_s": round(chars / best),
        "cpu_seconds": round(best_cpu, 3),
        "articles_per_cpu_s": round(articles / best_cpu, 2),
        "model_load_s": round(loaded, 2),
        "peak_rss_mb": round(_peak_rss_mb(), 1),
    }


def _in_child(target, *args) -> dict:
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context) as pool:  # not daemonic: may have workers
        return pool.submit(target, *args).result()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=2, help="passes per side; the best counts")
    parser.add_argument("--limit", type=int, help="only the first N files")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--workers", type=int, default=2,
                        help="also measure relata with this many processes (1: only one)")
    parser.add_argument("--cpu", action="store_true",
                        help="compare CPU time (Natasha on one BLAS thread, as relata)")
    args = parser.parse_args(argv)

    files = sorted(str(p) for p in args.folder.glob("*.txt"))[: args.limit]
    if not files:
        print(f"error: no .txt files in {args.folder}", file=sys.stderr)
        return 1
    results = {"relata": _in_child(run_relata, files, args.repeat, 1)}
    sides = ["relata"]
    if args.workers > 1:
        results[f"relata x{args.workers}"] = _in_child(run_relata, files, args.repeat,
                                                       args.workers)
        sides.append(f"relata x{args.workers}")
    results["natasha"] = _in_child(run_natasha, files, args.repeat, args.cpu)
    # Workers' CPU is not the parent's: with --cpu, only the one process is compared.
    rate = "articles_per_cpu_s" if args.cpu else "articles_per_s"
    compared = ["relata"] if args.cpu else sides
    base = results["natasha"][rate]
    results["ratio"] = {side: round(results[side][rate] / base, 2) for side in compared}
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"{len(files)} articles from {args.folder}, best of {args.repeat} passes"
          + (" (Natasha on one BLAS thread)" if args.cpu else ""))
    print(f"{'':10}{'articles/s':>12}{'chars/s':>12}{'seconds':>10}{'CPU s':>8}"
          f"{'art/CPU s':>11}{'load s':>8}{'peak MB':>9}")
    for name in (*sides, "natasha"):
        r = results[name]
        print(f"{name:10}{r['articles_per_s']:>12}{r['chars_per_s']:>12}{r['seconds']:>10}"
              f"{r['cpu_seconds'] or '-':>8}{r['articles_per_cpu_s'] or '-':>11}"
              f"{r['model_load_s']:>8}{r['peak_rss_mb']:>9}")
    for side, ratio in results["ratio"].items():
        print(f"ratio {side} / natasha{' (CPU time)' if args.cpu else ''}: {ratio:.2f}")
    stages = results["relata"]["stage_seconds"]
    total = sum(stages.values())  # shares of the last pass, which the stages were timed on
    print("relata stages (last pass): " + ", ".join(
        f"{name} {seconds:.2f} s ({seconds / total:.0%})" for name, seconds in stages.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
