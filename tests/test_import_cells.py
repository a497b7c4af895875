"""The rules that turn one cell into data, each on the forms real reports write: numbered items in Thai or
Arabic digits (restarting or skipping), dash and bullet sub-items, periods in Thai, several units in one cell,
letter-spaced words and the spaces a PDF's wrapped lines leave."""

from __future__ import annotations

import datetime as dt

import pytest

from itasite.data.models import Text, Unit
from itasite.importer.cells import entries, repaired, title_and_number, unwrapped
from itasite.importer.pdftext import cell_of
from itasite.importer.periods import period_of
from itasite.importer.units import unit_id, units_named
from itasite.importer.wraps import column_width, laid_out, width

ENTRIES = [
    (["๑.จัดทำประกาศ ๒.ประกาศให้ทราบ ๓. แจ้งเวียน"], [{"th": "จัดทำประกาศ"}, {"th": "ประกาศให้ทราบ"}, {"th": "แจ้งเวียน"}]),
    (["1. ก", "2) ข"], [{"th": "ก"}, {"th": "ข"}]),
    (["๑. ก", "๓. ข"], [{"th": "ก"}, {"th": "ข"}]),  # a skipped number: kept in order, listed for review
    (["๑. ก", "- ย่อยหนึ่ง", "• ย่อยสอง"], [{"th": "ก", "items": [{"th": "ย่อยหนึ่ง"}, {"th": "ย่อยสอง"}]}]),
    (["ข้อความเดียว ไม่มีเลขข้อ"], [{"th": "ข้อความเดียว ไม่มีเลขข้อ"}]),
    (["คะแนน ๙๙.๓๗ คะแนน"], [{"th": "คะแนน 99.37 คะแนน"}]),  # a decimal is no item number
    (
        ["ตามคำสั่งที่ ๓๓/๒๕๖๘ ลงวันที่ ๒ มกราคม ๒๕๖๘ ๒. ต่อไป"],
        [{"th": "ตามคำสั่งที่ 33/2568 ลงวันที่ 2 มกราคม 2568"}, {"th": "ต่อไป"}],
    ),
]


@pytest.mark.parametrize(("lines", "expected"), ENTRIES)
def test_a_cell_becomes_list_entries(lines, expected):
    assert entries(lines, "บรรทัด 1", []) == expected


def test_numbering_that_restarts_or_skips_is_kept_in_order_and_listed():
    reviews: list = []
    assert [entry["th"] for entry in entries(["๑. ก", "๒. ข", "๑. ค"], "บรรทัด 7", reviews)] == ["ก", "ข", "ค"]
    assert [(review.where, review.code) for review in reviews] == [("บรรทัด 7", "import_numbering")]


def test_a_title_gives_its_number():
    assert title_and_number(["๑๒. มาตรการเผยแพร่ข้อมูล"], "", []) == (12, "มาตรการเผยแพร่ข้อมูล")
    assert title_and_number(["มาตรการ No Gift Policy"], "", []) == (None, "มาตรการ No Gift Policy")


PERIODS = [
    ("ตุลาคม ๒๕๖๗ - กันยายน ๒๕๖๘", (dt.date(2024, 10, 1), dt.date(2025, 9, 30))),
    ("เดือนตุลาคม ๒๕๖๗ ถึงเดือนกันยายน ๒๕๖๘", (dt.date(2024, 10, 1), dt.date(2025, 9, 30))),
    ("ต.ค. 67 – ก.พ. 68", (dt.date(2024, 10, 1), dt.date(2025, 2, 28))),
    ("1 มกราคม 2568 - 15 มีนาคม 2568", (dt.date(2025, 1, 1), dt.date(2025, 3, 15))),
    ("ตลอดปีงบประมาณ พ.ศ. ๒๕๖๘", (dt.date(2024, 10, 1), dt.date(2025, 9, 30))),
    ("ตลอดปีงบประมาณ", (dt.date(2024, 10, 1), dt.date(2025, 9, 30))),
    ("ตลอดปี", (dt.date(2024, 10, 1), dt.date(2025, 9, 30))),
    ("กันยายน ๒๕๖๘ - ตุลาคม ๒๕๖๗", None),  # backwards
    ("ไตรมาสที่ ๒", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "expected"), PERIODS)
def test_a_period_in_thai_becomes_dates(text, expected):
    assert period_of(text, 2568) == expected


KNOWN = [
    Unit(id="all-divisions", name=Text(th="ทุกสำนัก/กอง")),
    Unit(id="finance", name=Text(th="กองคลัง")),
    Unit(id="internal-audit", name=Text(th="งานตรวจสอบภายใน")),
]
UNITS = [
    ("ทุกสำนัก/กอง", ["all-divisions"], []),
    ("งานตรวจสอบ ภายใน", ["internal-audit"], []),  # a name wrapped in its cell
    ("กองคลัง, งานตรวจสอบภายใน", ["finance", "internal-audit"], []),
    ("กองคลัง และกองช่าง", ["finance", "kong-chang"], ["กองช่าง"]),
    ("กองช่าง", ["kong-chang"], ["กองช่าง"]),
]


@pytest.mark.parametrize(("text", "ids", "new"), UNITS)
def test_units_are_matched_by_their_thai_names_or_added(text, ids, new):
    added: list[Unit] = []
    found, created, _ = units_named(text, KNOWN, added)
    assert found == ids
    assert [unit.name.th for unit in created] == new and created == added
    assert all(unit.name.en is None for unit in created)  # English is left to the translator


def test_a_new_unit_whose_romanised_name_is_taken_gets_a_numbered_id():
    taken = [*KNOWN, Unit(id="kong-chang", name=Text(th="กองช่างโยธา"))]
    assert unit_id("กองช่าง", taken) == "kong-chang-2"


def test_letter_spaced_words_are_joined_only_into_dictionary_words():
    reviews: list = []
    assert repaired("ความเสี่ยง ทู จ ริ ต ของ", "บรรทัด 1", reviews) == "ความเสี่ยง ทุจริต ของ"
    assert repaired("และ ดิ ด บ อ ร์ ด ฌ จุด", "บรรทัด 2", reviews) == "และ ดิ ด บ อ ร์ ด ฌ จุด"
    assert [review.code for review in reviews] == ["import_spaced_joined", "import_spaced_kept"]


def test_spaces_of_wrapped_lines_are_joined_and_the_writers_kept():
    assert unwrapped("ให้บริการแก่ผู้มา ติดต่อด้วยความโปร่งใส") == "ให้บริการแก่ผู้มาติดต่อด้วยความโปร่งใส"
    assert unwrapped("ผลประโยชน์ทับ ซ้อน") == "ผลประโยชน์ทับซ้อน"
    assert unwrapped("ข่าวสารต่างๆ ในการมา ติดต่อ") == "ข่าวสารต่างๆ ในการมาติดต่อ"
    assert unwrapped("ลงวันที่ 4 พฤศจิกายน 2567 เรื่อง นโยบาย") == "ลงวันที่ 4 พฤศจิกายน 2567 เรื่อง นโยบาย"
    assert unwrapped("การปฏิบัติงาน และการลด") == "การปฏิบัติงาน และการลด"


WRAPPED = [
    # a line of the column full (18 display characters), so its last space is where the line ended: joined
    ("ทรัพย์สินของทางราชการ เสียหายสูญหาย", 18, "ทรัพย์สินของทางราชการเสียหายสูญหาย"),
    ("ตรวจสอบการใช้ทรัพย์สิน ในระหว่างปี", 18, "ตรวจสอบการใช้ทรัพย์สินในระหว่างปี"),
    ("ปฏิบัติงานเป็นไปตามและมีการรายงาน ผลดำเนินงาน", 30, "ปฏิบัติงานเป็นไปตามและมีการรายงานผลดำเนินงาน"),
    # with no layout to read, the same words keep their space: nothing says the line ended there
    ("ทรัพย์สินของทางราชการ เสียหายสูญหาย", None, "ทรัพย์สินของทางราชการ เสียหายสูญหาย"),
    # the space inside the line is the writer's and kept, the one the line ended at is joined
    ("ผู้บริหาร สมาชิกสภา ท้องถิ่น", 19, "ผู้บริหาร สมาชิกสภาท้องถิ่น"),
    # where a line ended, Thai still wants its space: before a conjunction, after a word set off as a title,
    # after ไม้ยมก, between a word and its repetition
    ("จัดทำเอกสารเป็นลายลักษณ์อักษร เพื่อให้ประชาชน", 24, "จัดทำเอกสารเป็นลายลักษณ์อักษร เพื่อให้ประชาชน"),
    ("จัดทำประกาศเทศบาลตำบล เรื่อง การยึดถือปฏิบัติ", 20, "จัดทำประกาศเทศบาลตำบล เรื่อง การยึดถือปฏิบัติ"),
    ("ข้อมูลข่าวสารต่างๆ เผยแพร่ผ่านช่องทาง", 18, "ข้อมูลข่าวสารต่างๆ เผยแพร่ผ่านช่องทาง"),
    ("โดยมีลักษณะเป็นการสื่อสารได้สองทาง ทางหน้าเว็บไซต์", 30, "โดยมีลักษณะเป็นการสื่อสารได้สองทาง ทางหน้าเว็บไซต์"),
    # inside a line, parallel phrases keep theirs though the verb before would bind
    ('และ "งดรับ งดให้" ของขวัญ', 30, 'และ "งดรับ งดให้" ของขวัญ'),
]


@pytest.mark.parametrize(("text", "line", "expected"), WRAPPED)
def test_a_space_where_the_cells_line_ended_is_joined_unless_thai_wants_it(text, line, expected):
    assert unwrapped(text, line) == expected


def test_a_columns_line_width_is_read_from_its_cells():
    assert width("ผู้บริหาร") == 6  # vowels and tones above or below take no room
    cells = [["กกกก ขขขขขขขข คค"], ["กกกกกกกกกก ข", "ค"], ["ก" * 30 + " ข ค"], ["สั้น"]]
    assert column_width(cells) == 10  # the median widest piece; a cell of one piece shows no line
    assert laid_out(["กกกก ข"], 10) == 10
    assert laid_out(["ก" * 30 + " ข"], 10) is None  # a piece wider than the column: its lines ran together


def test_cell_markup_becomes_lines():
    markup = '<p>๑. ก</p> <p>๒. ข</p> <ul style="list-style-type: none"> - ย่อย - อีกข้อ <p>๓. ค</p>'
    assert cell_of(markup).lines == ("๑. ก", "๒. ข", "- ย่อย", "- อีกข้อ", "๓. ค")
