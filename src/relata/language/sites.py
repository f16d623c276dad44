"""A news site named by its address: `сообщает baltinfo.ru`, `цитирует infox.ru`.

News cites a site as its source by the site's domain name, which is the outlet's name
(factRuEval-2016 marks `NEWSru.com`, `Lenta.ru`, `infox.ru` as organisations). Natasha's
NER finds the capitalised ones (`Lenta.ru`) and passes over the rest: `sites` adds every
domain name no NER span covers as an organisation. Not a part of a web address
(`http://…`, `www.…/…`) or an e-mail address (`press@…`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

Span = tuple[int, int, str]  # start, stop, NER kind

# A domain name: labels of Latin letters and digits, joined by dots, ending in a top-level
# domain news cites; not inside an address (a `/`, `@` or `.` around it).
SITE = re.compile(
    r"(?<![\w@/.:-])(?=[A-Za-z0-9-]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*"
    r"\.(?:ru|com|net|org|info|su|ua|by|kz|uz|am|ge|az|md|us|uk|de|fr|tv|fm|io|рф)"
    r"(?![\w/@-]|\.\w)",
    re.IGNORECASE,
)


def sites(text: str, spans: Sequence[Span]) -> list[Span]:
    """`spans` and an ORG span for each domain name none of them covers, in text order."""
    added = [(m.start(), m.end(), "ORG") for m in SITE.finditer(text)
             if not any(a < m.end() and m.start() < b for a, b, _ in spans)]
    return sorted([*spans, *added]) if added else list(spans)
