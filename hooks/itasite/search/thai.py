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
from collections.abc import Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pythainlp.util import Trie

THAI_RUN = re.compile(r"[\u0E00-\u0E7F]+")
# A Thai run touching a letter or digit of another script ("7ประสิทธิภาพ", "การทุจริตIIT" in table cells)
THAI_EDGE = re.compile(
    r"(?<=[^\s<>\u0E00-\u0E7F\u200b])(?=[\u0E00-\u0E7F])|(?<=[\u0E00-\u0E7F])(?=[^\s<>\u0E00-\u0E7F\u200b])"
)
WORD_BOUNDARY = "\u200b"  # zero-width space: invisible, and a separator for the search tokenizer
MIN_PIECE = 3  # a piece of a compound has at least three characters: shorter dictionary entries are mostly fragments
SPLIT_FROM = 6  # only words this long or longer are looked at as compounds
PREFIX = 2  # letters of a piece that decide how long a dictionary word starting there can be


class Lexicon:
    """A set of words that knows how long a word starting with given letters can be, so a cutter looks up
    only pieces that could be words (the dictionary's longest word has 81 letters; most have under 12)."""

    def __init__(self, words: Iterable[str], reach: dict[str, int] | None = None) -> None:
        self.words = frozenset(words)
        # Longer words come later and overwrite: each start keeps its longest length. A lexicon of a subset of
        # words may share its superset's table, which only lets it look a little further than it needs to.
        self.reach = reach or {word[:PREFIX]: len(word) for word in sorted(self.words, key=len)}

    def longest_at(self, run: str, start: int) -> int:
        """The length of the longest word that could begin at `start` of `run` (0 if none)."""
        return max(self.reach.get(run[start], 0), self.reach.get(run[start : start + PREFIX], 0))


# pythainlp and its dictionary are loaded on first use: a build whose runs were all cut before never needs them.
@cache
def _dictionary() -> Lexicon:
    """pythainlp's word list, as the lexicon compounds are cut with."""
    from pythainlp.corpus import thai_words

    return Lexicon(thai_words())


@cache
def _compound_parts() -> Lexicon:
    """Dictionary words long enough to count as a part of a compound."""
    dictionary = _dictionary()
    return Lexicon((word for word in dictionary.words if len(word) >= MIN_PIECE), dictionary.reach)


def fewest_words(run: str, lexicon: Lexicon, *, whole: bool = True) -> list[str] | None:
    """Cut `run` into the fewest words of `lexicon`, longer words earlier among cuts of as many words
    (มาตรการ|ป้องกัน, not มาตร|การป้องกัน); None when it cannot be done. `better()` in thai-query.js ranks
    the same way. With `whole=False` the run itself does not count as a word (to cut a compound into parts).

    Worked from the end of the run: the best cut of a tail is its longest first word among those leaving a
    tail of the fewest words, so only word counts are compared, never whole cuts."""
    size, words, longest_at = len(run), lexicon.words, lexicon.longest_at
    words_after: list[int | None] = [None] * size + [0]  # fewest words in run[start:]
    next_cut = [size] * (size + 1)  # where the first word of the best cut of run[start:] ends
    for start in range(size - 1, -1, -1):
        fewest = size + 1
        for end in range(min(size, start + longest_at(run, start)), start, -1):  # the first of equals wins
            after = words_after[end]
            if after is not None and after + 1 < fewest and run[start:end] in words and (whole or end - start < size):
                fewest = words_after[start] = after + 1
                next_cut[start] = end
    if words_after[0] is None:
        return None
    pieces, start = [], 0
    while start < size:
        pieces.append(run[start : next_cut[start]])
        start = next_cut[start]
    return pieces


def split_compound(word: str) -> list[str]:
    """Cut a long word into dictionary words of three or more letters, once; keep it whole if none fit.
    Only once: the dictionary also holds fragments, such as เนิน of ดำเนิน."""
    if len(word) < SPLIT_FROM:
        return [word]
    return fewest_words(word, _compound_parts(), whole=False) or [word]


def dictionary_for(runs: set[str]) -> Trie:
    """The dictionary words that occur in `runs`, as a trie. newmm only ever matches words found in the text,
    so it cuts the same with this small trie, which takes a fraction of the time the 62,000-word one takes."""
    dictionary = _dictionary()
    pieces: set[str] = set()
    for run in runs:
        for start in range(len(run)):
            pieces.update(run[start:end] for end in range(start + 1, start + dictionary.longest_at(run, start) + 1))
    from pythainlp.util import Trie

    return Trie(pieces & dictionary.words)


def proposed_words(run: str, dictionary: Trie) -> tuple[str, ...]:
    """newmm's words of one Thai run, long compounds cut into their parts. A run's words depend on nothing
    but the run (and the dictionary), so they can be kept from one build to the next."""
    from pythainlp.tokenize import word_tokenize

    words = word_tokenize(run, engine="newmm", custom_dict=dictionary, keep_whitespace=False)
    return tuple(part for word in words for part in split_compound(word))


def propose(runs: set[str], known: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """The proposed words of every run: from `known` (an earlier build's) where the run is there."""
    proposals = {run: known[run] for run in runs if run in known}
    missing = runs - proposals.keys()
    if missing:
        dictionary = dictionary_for(missing)
        proposals.update((run, proposed_words(run, dictionary)) for run in missing)
    return proposals


def _cut_with(run: str, lexicon: Lexicon) -> tuple[str, ...]:
    """The cut of a run over a lexicon that holds its proposed words; such a cut always exists."""
    cut = fewest_words(run, lexicon)
    if cut is None:
        raise ValueError(f"the words proposed for {run!r} do not make up the run")
    return tuple(cut)


def settle(proposals: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Cut every run so that cutting it again with the browser's rule over the resulting words gives the same.
    Once a cut uses exactly the words it was cut with, cutting again cannot change it: that is the end."""
    runs = proposals.keys()
    vocabulary = {word for words in proposals.values() for word in words}
    while True:
        lexicon = Lexicon(vocabulary)
        cuts = {run: _cut_with(run, lexicon) for run in runs}
        used = {word for words in cuts.values() for word in words}
        if used == vocabulary:
            return cuts
        vocabulary = used


def segment_runs(runs: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Both steps for a set of runs, with nothing known beforehand."""
    return settle(propose(set(runs), {}))


def mark_word_boundaries(text: str, cuts: dict[str, tuple[str, ...]]) -> str:
    """`text` with U+200B between the words of each Thai run, and where a run touches another script."""
    text = THAI_RUN.sub(lambda match: WORD_BOUNDARY.join(cuts[match.group()]), text)
    return THAI_EDGE.sub(WORD_BOUNDARY, text)
