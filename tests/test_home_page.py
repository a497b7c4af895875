"""The home page read in ten seconds: the total out of 100, the level with its place among the scheme's levels
(counted from data/levels.yml), one sentence of what the ITA is with its three tools in words and the NACC
written out, the national average with what it means and how many passed, and the measures the score stands
on, in both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support.site import page, parse

WORDS = {
    "th": [
        "คะแนนรวม 99.37 จาก 100 คะแนน",
        "ระดับ ผ่านดีเยี่ยม (ระดับสูงสุดจาก 5 ระดับ)",
        "ITA คือการประเมินคุณธรรมและความโปร่งใสที่สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ (สำนักงาน ป.ป.ช.)",
        "จากความเห็นของบุคลากรของหน่วยงานเอง (IIT) ความเห็นของผู้รับบริการและผู้มาติดต่อ (EIT) และข้อมูลที่หน่วยงานเปิดเผยบนเว็บไซต์ (OIT)",
        "ค่าเฉลี่ยทั้งประเทศคือคะแนนรวมเฉลี่ยของหน่วยงานภาครัฐทุกประเภทที่เข้ารับการประเมิน",
        "ในปีงบประมาณ พ.ศ. 2568 หน่วยงาน 7,832 แห่ง (ร้อยละ 94.17) ผ่านเกณฑ์",
        "ตัวเลขเหล่านี้เป็นของสำนักงาน ป.ป.ช. ตามที่แหล่งที่มาอ้าง",
        "ในปีงบประมาณ พ.ศ. 2568 เทศบาลตำบลเมืองปานดำเนินมาตรการส่งเสริมคุณธรรมและความโปร่งใส 15 มาตรการ เช่น"
        " มาตรการป้องกันผลประโยชน์ทับซ้อน รายงานผลการสำรวจความพึงพอใจการให้บริการ และมาตรการ No Gift Policy",
    ],
    "en": [
        "Total score 99.37 out of 100",
        "Level Excellent, the highest of 5 levels",
        "The ITA is the yearly assessment of Thai public agencies by the Office of the National Anti-Corruption"
        " Commission (NACC), from the views of the agency's own staff (IIT), the views of the people who use its"
        " services or deal with it (EIT), and the information it publishes on its website (OIT).",
        "The national average is the mean total of all the public agencies assessed, of every kind,",
        "In FY2025 (B.E. 2568), 7,832 agencies (94.17%) passed.",
        "These are the NACC's figures, as the source quotes them.",
        "In FY2025 (B.E. 2568), Mueang Pan Subdistrict Municipality carried out 15 measures to promote integrity"
        " and transparency, such as",
    ],
}


def visible(path: Path) -> str:
    """The page's visible text as a reader sees it: the pieces of text joined as written (a link inside a
    sentence adds no space), white space made one space."""
    return re.sub(r"\s+", " ", "".join(parse(path).text))


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_home_page_says_the_score_in_words_a_citizen_reads(seed_site, lang):
    text = visible(page(seed_site, lang, ""))
    missing = [words for words in WORDS[lang] if words not in text]
    assert missing == [], text[:3000]


def test_the_nacc_is_written_out_once_on_the_english_home_page(seed_site):
    text = visible(page(seed_site, "en", ""))
    assert text.count("Office of the National Anti-Corruption Commission") == 1


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_measures_named_on_the_home_page_lead_to_their_pages(seed_site, lang):
    links = parse(page(seed_site, lang, "")).addresses
    for measure in ("06-conflict-of-interest", "11-satisfaction-survey", "13-no-gift-policy"):
        assert f"measures/2568/{measure}/" in links
