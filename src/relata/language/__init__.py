"""Language: which language a document is in, and the Russian NLP adapter."""

from .detect import DetectLanguage, detect
from .russian import RussianNLP

__all__ = ["DetectLanguage", "RussianNLP", "detect"]
