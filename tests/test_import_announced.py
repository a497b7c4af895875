"""The total and level a report states, read from its sentences only when a sentence names the year, a score
with two decimals and one of that year's level names; sentences that disagree give nothing. A table of
small cases, with the seed's levels.yml."""

from __future__ import annotations

from decimal import Decimal

import pytest
import yaml
from support.build import DATA

from itasite.data.models import LevelsFile
from itasite.importer.announced import stated_in_sentences

LEVELS = LevelsFile.model_validate(yaml.safe_load((DATA / "levels.yml").read_text(encoding="utf-8")))
CASES = {
    "the seed's introduction": (
        ["ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ โดยภาพรวมได้คะแนน ๙๙.๓๗ อยู่ในระดับผ่านดีเยี่ยม เทศบาลตำบลเมืองปาน"],
        {2568: ("99.37", "excellent")},
    ),
    "a quoted level, and the full marks not read as the score": (
        ["ในปีงบประมาณ พ.ศ.๒๕๖๗ มีคะแนนเฉลี่ย ๙๖.๓๓ คะแนน จากคะแนนเต็ม ๑๐๐ คะแนน ผลการประเมินอยู่ในระดับ “ผ่านดี” ซึ่ง"],
        {2567: ("96.33", "good")},
    ),
    "the longest level name": (["พ.ศ. 2568 ได้คะแนน 96.10 ระดับผ่านดีเยี่ยม"], {2568: ("96.10", "excellent")}),
    "a level of the older scheme": (["ปี พ.ศ. 2565 ได้คะแนน 88.12 อยู่ในระดับ A"], {2565: ("88.12", "a")}),
    "the same figures twice": (["พ.ศ. 2568 ได้คะแนน 99.37 ระดับผ่านดีเยี่ยม"] * 2, {2568: ("99.37", "excellent")}),
    "two sentences that disagree": (
        ["พ.ศ. 2568 ได้คะแนน 99.37 ระดับผ่านดีเยี่ยม", "พ.ศ. 2568 ได้คะแนน 93.37 ระดับผ่านดี"],
        {},
    ),
    "no year": (["โดยภาพรวมได้คะแนน 99.37 อยู่ในระดับผ่านดีเยี่ยม"], {}),
    "no level": (["พ.ศ. 2568 โดยภาพรวมได้คะแนน 99.37"], {}),
    "a level name the year's scheme does not have": (["พ.ศ. 2568 ได้คะแนน 99.37 ระดับ AA"], {}),
    "a score without its decimals": (["พ.ศ. 2568 ได้คะแนน 99 ระดับผ่านดีเยี่ยม"], {}),
    "a year outside every scheme": (["พ.ศ. 2550 ได้คะแนน 80.00 ระดับ A"], {}),
}


@pytest.mark.parametrize("case", CASES)
def test_the_stated_total_and_level_of_a_sentence(case):
    sentences, expected = CASES[case]
    reviews: list = []
    stated = stated_in_sentences(sentences, LEVELS, reviews)
    assert stated == {year: {"total": Decimal(total), "level": level} for year, (total, level) in expected.items()}
    conflict = case == "two sentences that disagree"
    codes = ["import_stated_conflict"] if conflict else ["import_stated_read"] * len(expected)
    assert [review.code for review in reviews] == codes  # every figure read, and every disagreement, is listed
    if conflict:
        assert "(93.37 ผ่านดี; 99.37 ผ่านดีเยี่ยม)" in reviews[0].message()
