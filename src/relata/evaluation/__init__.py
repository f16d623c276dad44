"""Measuring relata against gold data; `relata eval …` runs these.

- `factrueval` (+ `factrueval_matching`) — factRuEval-2016 track 1 (named entities): the
  gold loader, the response files and a scorer that follows the official comparator;
- `track1` — relata's mentions as track-1 entities, and the whole run;
- `countries` — state mentions resolved to a country (RuSentNE-2023, a factRuEval key);
- `events` — coded events against a gold file of sentences (`gold/events-dev.jsonl`);
- `actors` — actor phrases resolved in their documents (`gold/actors-dev.jsonl`).
"""
