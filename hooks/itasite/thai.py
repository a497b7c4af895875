"""Thai word boundaries, so a search index can find words in the middle of a run of Thai text.

Thai is written without spaces between words. Search tokenizers split on spaces, so a whole run becomes one
token and only its beginning can be found. Here each run is cut into words (pythainlp's newmm), compounds
newmm keeps whole are cut again into dictionary words, and the boundaries are marked with U+200B, an
invisible character the search separator splits on.
"""

from __future__ import annotations

import re
from functools import cache

from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_tokenize

THAI_RUN = re.compile(r"[\u0E00-\u0E7F]+")
WORD_BOUNDARY = "\u200b"  # zero-width space: invisible, and a separator for the search tokenizer
MIN_PIECE = 3  # a piece of a compound has at least three characters: shorter dictionary entries are mostly fragments
SPLIT_FROM = 6  # only words this long or longer are looked at as compounds


@cache
def _dictionary() -> frozenset[str]:
    return frozenset(thai_words())


def _preference(pieces: list[str]) -> tuple:
    """Fewest pieces first; among equals, longer pieces earlier (มาตรการ|ป้องกัน, not มาตร|การป้องกัน).
    The browser's query segmenter breaks ties the same way."""
    return len(pieces), [-len(piece) for piece in pieces]


def split_compound(word: str, dictionary: frozenset[str] | None = None) -> list[str]:
    """Cut `word` into the fewest dictionary words other than itself (once, not recursively, since the
    dictionary also holds fragments such as เนิน of ดำเนิน); keep it whole when no cut exists."""
    dictionary = _dictionary() if dictionary is None else dictionary
    if len(word) < SPLIT_FROM:
        return [word]
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for start in range(len(word)):
        if best[start] is None:
            continue
        for end in range(start + MIN_PIECE, len(word) + 1):
            piece = word[start:end]
            if piece in dictionary and (start, end) != (0, len(word)):
                candidate = [*best[start], piece]
                if best[end] is None or _preference(candidate) < _preference(best[end]):
                    best[end] = candidate
    if best[-1] is None:
        return [word]
    return best[-1]


@cache
def thai_words_of(run: str) -> tuple[str, ...]:
    """The words of one run of Thai letters, compounds cut into their parts."""
    words = word_tokenize(run, engine="newmm", keep_whitespace=False)
    return tuple(part for word in words for part in split_compound(word))


def mark_word_boundaries(text: str) -> str:
    """`text` with U+200B between the Thai words of every Thai run; everything else unchanged."""
    return THAI_RUN.sub(lambda match: WORD_BOUNDARY.join(thai_words_of(match.group())), text)
