"""What one build keeps for the next: read back under the same key only; anything else is ignored."""

from __future__ import annotations

import pytest

from itasite.build.cache import code_key, compiled_templates, read_cache, write_cache

ENTRIES = {"การจัดซื้อ": ["การ", "จัดซื้อ"]}


@pytest.mark.parametrize(
    ("kept", "key", "expected"),
    [
        (None, "k1", ENTRIES),  # written by this code: read back
        (None, "k2", {}),  # written by other code
        ("not json {", "k1", {}),  # damaged
        ('["a list"]', "k1", {}),  # not what this module writes
        ("", "k1", {}),  # empty
        ('{"key": "k1", "entries": ["a list"]}', "k1", {}),  # entries of the wrong shape
        ("[" * 100_000 + "]" * 100_000, "k1", {}),  # nested deeper than the JSON reader recurses
    ],
)
def test_a_cache_is_read_only_under_its_own_key(tmp_path, kept, key, expected):
    path = tmp_path / "cache" / "words.json"
    write_cache(path, "k1", ENTRIES)
    if kept is not None:
        path.write_text(kept, encoding="utf-8")
    assert read_cache(path, key) == expected


def test_a_missing_cache_is_empty(tmp_path):
    assert read_cache(tmp_path / "none.json", "k1") == {}


def test_the_key_follows_the_code(tmp_path):
    module = tmp_path / "module.py"
    module.write_text("A = 1\n", encoding="utf-8")
    first = code_key(module, packages=("pyyaml",))
    assert code_key(module, packages=("pyyaml",)) == first
    module.write_text("A = 2\n", encoding="utf-8")
    assert code_key(module, packages=("pyyaml",)) != first


def test_a_cache_that_cannot_be_written_keeps_nothing(tmp_path):
    """A file where the cache folder should be stands for any folder that cannot be written."""
    blocked = tmp_path / "cache"
    blocked.write_text("", encoding="utf-8")
    assert write_cache(blocked / "words.json", "k1", ENTRIES) is False
    assert read_cache(blocked / "words.json", "k1") == {}
    assert compiled_templates(blocked, "pages") is None
    assert compiled_templates(tmp_path / "writable", "pages") is not None
