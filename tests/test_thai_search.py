"""Thai word boundaries in the search index, and the browser's query segmenter agreeing with them."""

from __future__ import annotations

import json

import pytest
from support.build import PROJECT

from itasite.search.index import segment_search_index
from itasite.search.shards import encoded_part, read_part
from itasite.search.thai import (
    THAI_RUN,
    WORD_BOUNDARY,
    Lexicon,
    fewest_words,
    mark_word_boundaries,
    propose,
    segment_runs,
    split_compound,
)

SEGMENTER_JS = PROJECT / "hooks/itasite/search/thai-query.js"


def shown(text: str) -> str:
    return text.replace(WORD_BOUNDARY, "|")


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("จัดซื้อจัดจ้าง", ["จัดซื้อ", "จัดจ้าง"]),
        ("มาตรการป้องกัน", ["มาตรการ", "ป้องกัน"]),  # longer parts first, not มาตร|การป้องกัน
        ("ร้องเรียน", ["ร้อง", "เรียน"]),
        ("ดำเนิน", ["ดำเนิน"]),  # fragments of two letters (ดำ) are not parts
        ("การ", ["การ"]),  # short words are never cut
    ],
)
def test_compounds_are_cut_into_dictionary_words(word, parts):
    assert split_compound(word) == parts


@pytest.mark.parametrize(
    ("run", "vocabulary", "words"),
    [
        ("abcd", {"a", "b", "c", "d", "ab", "cd"}, ["ab", "cd"]),  # fewest words
        ("abc", {"a", "ab", "bc", "c"}, ["ab", "c"]),  # equal counts: the longer word first
        ("abx", {"a", "b"}, None),  # not possible
    ],
)
def test_fewest_words(run, vocabulary, words):
    assert fewest_words(run, Lexicon(vocabulary)) == words


def test_runs_are_cut_consistently():
    runs = ["การจัดซื้อจัดจ้าง", "ความพึงพอใจในการให้บริการ", "ข้อมูลข่าวสาร", "เผยแพร่ข้อมูลต่อสาธารณะ"]
    cuts = segment_runs(runs)
    vocabulary = Lexicon(word for words in cuts.values() for word in words)
    for run, words in cuts.items():
        assert "".join(words) == run
        assert tuple(fewest_words(run, vocabulary)) == words  # the browser's rule gives the same


def test_words_known_from_an_earlier_build_are_taken_as_they_are():
    proposals = propose({"การจัดซื้อ", "ข้อมูลข่าวสาร"}, {"ข้อมูลข่าวสาร": ("ข้อ", "มูล", "ข่าวสาร")})
    assert proposals == {"การจัดซื้อ": ("การ", "จัด", "ซื้อ"), "ข้อมูลข่าวสาร": ("ข้อ", "มูล", "ข่าวสาร")}


def test_the_index_is_cut_the_same_with_its_words_kept_between_builds(tmp_path):
    index = json.dumps(
        {
            "config": {"separator": "[\\s\\u200b]+"},
            "docs": [{"location": "", "title": "มาตรการ", "text": "<p>การจัดซื้อจัดจ้างและข้อมูลข่าวสาร</p>"}],
        },
        ensure_ascii=False,
    )
    cache = tmp_path / "thai-words-th.json"
    cold = segment_search_index(index, cache)
    kept = json.loads(cache.read_text(encoding="utf-8"))
    assert set(kept["entries"]) == {"มาตรการ", "การจัดซื้อจัดจ้างและข้อมูลข่าวสาร"}
    assert segment_search_index(index, cache) == cold == segment_search_index(index)
    kept["entries"]["มาตรการ"] = ["มาตร", "กา"]  # words that do not make up their run are not taken
    cache.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
    assert segment_search_index(index, cache) == cold


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<p>การจัดซื้อจัดจ้าง</p>", "<p>การ|จัดซื้อ|จัดจ้าง</p>"),
        ("7ประสิทธิภาพIIT", "7|ประสิทธิ|ภาพ|IIT"),  # table cells glued to numbers and codes
        ("E-Service ของเทศบาล", "E-Service ของ|เทศ|บาล"),
        ("no Thai here", "no Thai here"),
    ],
)
def test_word_boundaries_are_marked(text, expected):
    cuts = segment_runs(THAI_RUN.findall(text))
    assert shown(mark_word_boundaries(text, cuts)) == expected


def test_index_is_marked_and_written_as_utf8():
    index = {
        "config": {"separator": "[\\s\\u200b\\-]+", "lang": ["en"]},
        "docs": [{"location": "", "title": "ผลประโยชน์ทับซ้อน", "text": "<p>ร้องเรียน E-Service</p>"}],
    }
    result = segment_search_index(json.dumps(index))
    assert "\\u0e" not in result
    doc = json.loads(result)["docs"][0]
    assert shown(doc["title"]) == "ผลประโยชน์|ทับ|ซ้อน"
    assert shown(doc["text"]) == "<p>ร้อง|เรียน E-Service</p>"


def test_index_needs_the_boundary_in_its_separator():
    index = {"config": {"separator": "[\\s\\-]+"}, "docs": []}
    with pytest.raises(ValueError, match="u200b"):
        segment_search_index(json.dumps(index))


def shards(site, lang: str = "th") -> list[dict]:
    """Every document of a built site's search shards, in the order the worker loads them."""
    head = json.loads((site / lang / "search/search_index.json").read_text(encoding="utf-8"))
    assert head["docs"] == [], "the index Material fetches lists the shards only"
    names = [shard["name"] for shard in head["config"]["shards"]]
    return [doc for name in names for doc in read_part(site / lang / f"search/shard-{name}.json")]


def test_pages_keep_their_text_and_the_shards_leave_the_boundaries_to_the_browser(seed_site):
    for html in (seed_site / "th").rglob("*.html"):
        assert WORD_BOUNDARY not in html.read_text(encoding="utf-8"), html
    assert all(WORD_BOUNDARY not in doc["title"] + doc.get("text", "") for doc in shards(seed_site))
    words = read_part(seed_site / "th/search/words.json")["words"]
    assert len([word for word in words if THAI_RUN.fullmatch(word)]) > 500


def test_browser_marks_every_shard_as_the_build_does(browser, seed_site):
    """The worker (JavaScript) puts back every word boundary of the index as the build cut it (Python): the
    Thai runs of every document, and the edges where Thai touches another script."""
    docs = shards(seed_site)
    config = json.loads((seed_site / "th/search/search_index.json").read_text(encoding="utf-8"))["config"]
    marked = json.loads(segment_search_index(json.dumps({"config": config, "docs": docs})))["docs"]
    words = read_part(seed_site / "th/search/words.json")["words"]
    page = browser.new_page()
    page.add_script_tag(content=SEGMENTER_JS.read_text(encoding="utf-8"))
    page.evaluate("words => learn(words)", words)
    in_browser = page.evaluate("docs => docs.map(doc => [mark(doc.title), mark(doc.text || '')])", docs)
    page.close()
    differences = [
        (doc["location"], shown(got[1])[:80])
        for doc, got in zip(marked, in_browser, strict=True)
        if [doc["title"], doc.get("text", "")] != got
    ]
    assert not differences, differences[:5]
    runs = {run for doc in docs for run in THAI_RUN.findall(doc["title"] + doc.get("text", ""))}
    print(f"\n{len(runs)} Thai runs of {len(docs)} documents marked the same in the browser")


# Text a shard may hold: Thai, its own digits and marks, punctuation windows-874 has and lacks, and beyond
PART_TEXTS = [
    "การจัดซื้อจัดจ้าง ๒๕๖๘ ฯ ๆ",
    "“ผ่าน” – ‘ดี’ … • €",
    "99.37 · → ≥ © é",
    "emoji 🙂 and \u00a0 NBSP",
    'a "q" \\ \n',
]


@pytest.mark.parametrize("text", PART_TEXTS)
def test_a_shard_reads_back_what_was_written(tmp_path, text):
    (tmp_path / "part.json").write_bytes(encoded_part([{"text": text}]))
    assert read_part(tmp_path / "part.json") == [{"text": text}]


def test_a_thai_letter_takes_one_byte_in_a_shard():
    assert len(encoded_part("ผลประโยชน์ทับซ้อน")) == len("ผลประโยชน์ทับซ้อน") + 2  # and the two quotes


def test_the_browser_decodes_a_shard_as_the_build_wrote_it(browser):
    page = browser.new_page()
    decoded = page.evaluate(
        "bytes => JSON.parse(new TextDecoder('windows-874').decode(new Uint8Array(bytes)))",
        list(encoded_part(PART_TEXTS)),
    )
    page.close()
    assert decoded == PART_TEXTS
