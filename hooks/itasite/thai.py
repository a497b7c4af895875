"""Thai word boundaries, so a search index can find words in the middle of a run of Thai text.

Thai is written without spaces between words, and search tokenizers split on spaces, so a whole run would be
one token of which only the beginning can be found. Each run is therefore cut into words and the boundaries
are marked with U+200B, an invisible character the search separator splits on.

The browser must cut a query the same way, with nothing but the words of the index (`thai-query.js`). So
the index is cut in two steps: pythainlp's newmm proposes words (compounds it keeps whole are cut once more
into dictionary words), then every run is cut again with the browser's own rule (fewest words, longer words
first) over the words proposed, until the set of words no longer changes. A run of the index then splits in
the browser exactly as it does here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_tokenize
from pythainlp.util import Trie

THAI_RUN = re.compile(r"[\u0E00-\u0E7F]+")
# A Thai run touching a letter or digit of another script ("7ประสิทธิภาพ", "การทุจริตIIT" in table cells)
THAI_EDGE = re.compile(
    r"(?<=[^\s<>\u0E00-\u0E7F\u200b])(?=[\u0E00-\u0E7F])|(?<=[\u0E00-\u0E7F])(?=[^\s<>\u0E00-\u0E7F\u200b])"
)
WORD_BOUNDARY = "\u200b"  # zero-width space: invisible, and a separator for the search tokenizer
MIN_PIECE = 3  # a piece of a compound has at least three characters: shorter dictionary entries are mostly fragments
SPLIT_FROM = 6  # only words this long or longer are looked at as compounds


@cache
def _compound_parts() -> frozenset[str]:
    """Dictionary words long enough to count as a part of a compound."""
    return frozenset(word for word in thai_words() if len(word) >= MIN_PIECE)


def _preference(pieces: list[str]) -> tuple:
    """Fewest pieces first; among equals, longer pieces earlier (มาตรการ|ป้องกัน, not มาตร|การป้องกัน).
    `better()` in thai-query.js ranks the same way."""
    return len(pieces), [-len(piece) for piece in pieces]


def fewest_words(
    run: str, vocabulary: frozenset[str] | set[str], longest: int, *, whole: bool = True
) -> list[str] | None:
    """Cut `run` into the fewest words of `vocabulary`, longer words first; None when it cannot be done.
    With `whole=False` the run itself does not count as a word (to cut a compound into its parts)."""
    best: list[list[str] | None] = [[]] + [None] * len(run)
    for end in range(1, len(run) + 1):
        for start in range(max(0, end - longest), end):
            piece = run[start:end]
            if best[start] is None or piece not in vocabulary or (not whole and len(piece) == len(run)):
                continue
            candidate = [*best[start], piece]
            if best[end] is None or _preference(candidate) < _preference(best[end]):
                best[end] = candidate
    return best[-1]


def split_compound(word: str) -> list[str]:
    """Cut a long word into dictionary words of three or more letters, once; keep it whole if none fit.
    Only once: the dictionary also holds fragments, such as เนิน of ดำเนิน."""
    if len(word) < SPLIT_FROM:
        return [word]
    return fewest_words(word, _compound_parts(), len(word), whole=False) or [word]


@cache
def _longest_dictionary_word() -> int:
    return max(map(len, thai_words()))


def dictionary_for(runs: set[str]) -> Trie:
    """The dictionary words that occur in `runs`, as a trie. newmm only ever matches words found in the text,
    so it cuts the same with this small trie, which takes a fraction of the time the 62,000-word one takes."""
    longest = _longest_dictionary_word()
    pieces = {run[i:j] for run in runs for i in range(len(run)) for j in range(i + 1, min(len(run), i + longest) + 1)}
    return Trie(pieces & thai_words())


def proposed_words(run: str, dictionary: Trie) -> tuple[str, ...]:
    """newmm's words of one Thai run, long compounds cut into their parts."""
    words = word_tokenize(run, engine="newmm", custom_dict=dictionary, keep_whitespace=False)
    return tuple(part for word in words for part in split_compound(word))


def segment_runs(runs: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Cut every run so that cutting it again with the browser's rule over the resulting words gives the same."""
    runs = set(runs)
    dictionary = dictionary_for(runs)
    cuts = {run: proposed_words(run, dictionary) for run in runs}
    while True:
        vocabulary = {word for words in cuts.values() for word in words}
        longest = max(map(len, vocabulary), default=1)
        recut = {run: tuple(fewest_words(run, vocabulary, longest)) for run in runs}
        if {word for words in recut.values() for word in words} == vocabulary and recut == cuts:
            return recut
        cuts = recut


def mark_word_boundaries(text: str, cuts: dict[str, tuple[str, ...]]) -> str:
    """`text` with U+200B between the words of each Thai run, and where a run touches another script."""
    text = THAI_RUN.sub(lambda match: WORD_BOUNDARY.join(cuts[match.group()]), text)
    return THAI_EDGE.sub(WORD_BOUNDARY, text)
