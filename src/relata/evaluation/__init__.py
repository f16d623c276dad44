"""Measuring relata against published gold sets.

`factrueval` — factRuEval-2016 track 1 (named entities): the gold loader, the
response files and a scorer that follows the official comparator.
"""
