"""Language: which language a document is in, and the Russian NLP adapter."""

import warnings

# natasha's pymorphy2 imports pkg_resources, which setuptools 80 warns about on every run
# (and 81 removed: the dependency is pinned below it). The warning is the library's, not
# the user's business; it is silenced here, before any module of this package imports it.
warnings.filterwarnings("ignore", message="pkg_resources is deprecated as an API",
                        category=UserWarning)

from .detect import DetectLanguage, detect  # noqa: E402
from .russian import RussianNLP  # noqa: E402

__all__ = ["DetectLanguage", "RussianNLP", "detect"]
