"""Events: the ontology, the Russian predicate lexicon and the coder."""

from .coder import CodeEvents
from .lexicon import Lexicon, LexiconError, load_lexicon
from .ontology import Ontology, load_ontology

__all__ = ["CodeEvents", "Lexicon", "LexiconError", "Ontology", "load_lexicon", "load_ontology"]
