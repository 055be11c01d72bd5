"""Full-text search that works for Chinese and Latin text alike.

SQLite's FTS5 ``unicode61`` tokenizer treats a run of Chinese characters as one token and the
``trigram`` tokenizer needs three characters, so neither finds a two-character word such as 军舰
inside a sentence. We index a derived text instead: every run of CJK characters becomes its
overlapping bigrams plus its last character (军舰港口 → 军舰 舰港 港口 口), Latin words are kept as
words (unicode61 folds case and diacritics). A query is turned the same way into an FTS5
expression: a CJK run of two or more characters becomes a phrase of its bigrams (which must be
adjacent, so it matches exactly that string); a single character becomes a prefix query
(军* matches every bigram starting with 军, and the trailing unigram covers a run's last char);
Latin words become prefix queries, all terms ANDed.
"""

from __future__ import annotations

import re

_CJK = (
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af"
    "\U00020000-\U0002a6df"
)
_CJK_RUN = re.compile(f"[{_CJK}]+")
_LATIN_WORD = re.compile(rf"[^\W{_CJK}]+", re.UNICODE)
_TOKEN = re.compile(f"([{_CJK}]+)|([^\\W{_CJK}]+)", re.UNICODE)


def _cjk_grams(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i:i + 2] for i in range(len(run) - 1)] + [run[-1]]


def index_text(*parts: str | None) -> str:
    """The text stored in the FTS table for a document made of ``parts``."""
    out: list[str] = []
    for part in parts:
        if not part:
            continue
        for m in _TOKEN.finditer(part):
            cjk, word = m.groups()
            if cjk:
                out.extend(_cjk_grams(cjk))
            elif word:
                out.append(word)
        out.append("\n")
    return " ".join(out)


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def fts_query(text: str) -> str | None:
    """An FTS5 MATCH expression for user text, or None when it holds nothing searchable."""
    terms: list[str] = []
    for m in _TOKEN.finditer(text or ""):
        cjk, word = m.groups()
        if cjk:
            if len(cjk) == 1:
                terms.append(_quote(cjk) + "*")
            else:
                grams = [cjk[i:i + 2] for i in range(len(cjk) - 1)]
                terms.append(_quote(" ".join(grams)))
        elif word and any(c.isalnum() for c in word):
            # a "word" of underscores alone is no token to FTS5: as an empty phrase it would
            # match nothing and, ANDed, hide every result ("军舰_" found nothing)
            terms.append(_quote(word) + "*")
    if not terms:
        return None
    return " AND ".join(terms)
