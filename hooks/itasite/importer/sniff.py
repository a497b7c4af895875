"""Which reader a clerk's file needs, told from its content rather than its name, and every file refused first.

A report saved with the wrong extension still reads; a PDF, an old .doc, a file with a password or a
damaged one, or a package whose XML declares entities (entities.py), is refused with one Thai line saying
what to save instead, before any reader opens it. A zip (.docx, .xlsx) is judged from its directory alone,
so a zip bomb is never unpacked.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from .entities import refuse_declarations
from .source import SourceDocument
from .unreadable import UnreadableFile

MEGABYTE = 1024 * 1024
# A Word report of 15 measures with its photos is a few MB; the seed's text is 68 KB. 50 MB leaves room for
# many photos and still keeps a mistaken video or disk image from being read into memory.
MAX_FILE_BYTES = 50 * MEGABYTE
# Unpacked, the XML of a long report is tens of MB at most; more is a zip bomb, not a report.
MAX_UNPACKED_BYTES = 200 * MEGABYTE
# Word and Excel XML packs 5–20 times; a member over 1 MB that packs over 100 times is a run of filler.
MAX_RATIO = 100
RATIO_FLOOR = MEGABYTE
MAX_MEMBERS = 10_000  # a .docx has tens of parts, a workbook with many sheets a few hundred
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97–2003, Excel 97–2003, and encrypted OOXML
SNIFF_BYTES = 64 * 1024


def read_source(path: Path) -> SourceDocument:
    """The clerk's file as tables, by the reader its content calls for; UnreadableFile for anything else."""
    name = path.name
    if not path.is_file():
        raise UnreadableFile("import_no_file", {"file": name})
    size = path.stat().st_size
    if size == 0:
        raise UnreadableFile("import_empty", {"file": name})
    if size > MAX_FILE_BYTES:
        raise UnreadableFile("import_too_large", {"file": name, "size": _mb(size), "limit": _mb(MAX_FILE_BYTES)})
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    if head.startswith(ZIP_MAGIC):
        return _read_package(path)
    if head.startswith(OLE2_MAGIC):
        raise UnreadableFile(_ole2_code(path), {"file": name})
    if b"%PDF-" in head[:1024]:
        raise UnreadableFile("import_pdf", {"file": name})
    if not _looks_like_text(head):
        raise UnreadableFile("import_not_report", {"file": name})
    if path.suffix.lower() == ".csv":
        from .sheet import read_csv

        return read_csv(path)
    from .pdftext import read_pdf_text  # the text of a PDF, pasted or extracted into a .txt file

    return read_pdf_text(path)


def _read_package(path: Path) -> SourceDocument:
    """A .docx or .xlsx, once its zip directory shows it is whole and small enough to unpack."""
    name = path.name
    try:
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise UnreadableFile("import_damaged", {"file": name}) from error
    check_unpacked_size(name, members)
    refuse_declarations(path)  # a DOCTYPE or ENTITY in any XML part: refused before a reader parses it
    names = {member.filename for member in members}
    try:
        if "word/document.xml" in names:
            from .docx import read_docx

            return read_docx(path)
        if "xl/workbook.xml" in names:
            from .sheet import read_xlsx

            return read_xlsx(path)
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError, SyntaxError) as error:
        # a member that does not unpack or parse (SyntaxError covers the XML errors), or a part that is missing
        raise UnreadableFile("import_damaged", {"file": name}) from error
    raise UnreadableFile("import_not_report", {"file": name})  # a .pptx, an .odt, a zip of photos


def check_unpacked_size(name: str, members: list[zipfile.ZipInfo]) -> None:
    """Refuse a zip whose directory promises more than a report unpacks to, before reading any member."""
    total = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members)
    ratio = total // max(packed, 1)
    bloated = any(
        member.file_size > RATIO_FLOOR and member.file_size > MAX_RATIO * max(member.compress_size, 1)
        for member in members
    )
    if total > MAX_UNPACKED_BYTES or bloated or len(members) > MAX_MEMBERS:
        values = {"file": name, "size": _mb(total), "ratio": ratio, "limit": _mb(MAX_UNPACKED_BYTES)}
        raise UnreadableFile("import_zip_bomb", values)


def _ole2_code(path: Path) -> str:
    """What an OLE2 compound file is: an encrypted .docx/.xlsx, an old .doc, an old .xls.

    The streams are told by their names in the compound file's directory, which stores them in UTF-16:
    an encrypted OOXML file holds EncryptionInfo, Word 97–2003 WordDocument, Excel 97–2003 Workbook (Book
    for Excel 5). The directory of a report-sized file lies within the size limit, which was checked."""
    content = path.read_bytes()
    if "EncryptionInfo".encode("utf-16-le") in content:
        return "import_encrypted"
    if "WordDocument".encode("utf-16-le") in content:
        return "import_legacy_doc"
    if any(stream.encode("utf-16-le") in content for stream in ("Workbook", "Book")):
        return "import_legacy_xls"
    suffix = path.suffix.lower()
    return {".doc": "import_legacy_doc", ".xls": "import_legacy_xls"}.get(suffix, "import_not_report")


def _looks_like_text(head: bytes) -> bool:
    """Whether the start of a file is text (UTF-8, UTF-16 with its mark, or Thai Windows cp874), not binary."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in head:
        return False
    controls = sum(1 for byte in head if byte < 32 and byte not in b"\t\n\r\f")
    return controls <= len(head) // 100


def _mb(size: int) -> str:
    """A size in MB as the messages give it."""
    return f"{size / MEGABYTE:,.1f}"
