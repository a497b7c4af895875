"""Write the small documents agency-b keeps in its repository as OIT evidence (run once; the files are committed).

Each is a real file of its type, a few KB at most, so the pages, the downloads list and the checks read real
PDF, Word, Excel and PNG files: `python tests/support/disclosure_files.py tests/fixtures/agency-b/data`.
"""

from __future__ import annotations

import struct
import sys
import zlib
from pathlib import Path

import docx
import openpyxl


def pdf(text: str) -> bytes:
    """A one-page PDF showing `text` (ASCII), with a correct cross-reference table."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A PNG of one colour."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        """One PNG chunk with its length and CRC."""
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" + bytes(rgb) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


def write(data: Path) -> None:
    """The four files under data/disclosure/files/2569/."""
    folder = data / "disclosure/files/2569"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "o1-structure.pdf").write_bytes(pdf("Structure, duties and powers 2569"))
    (folder / "o2-executives.png").write_bytes(png(64, 48, (27, 94, 32)))
    document = docx.Document()
    document.add_heading("คู่มือการปฏิบัติงานของเจ้าหน้าที่", level=1)
    document.add_paragraph("ขั้นตอนการให้บริการ ระยะเวลา และช่องทางติดต่อ")
    document.save(str(folder / "o8-staff-manual.docx"))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["เดือน", "จำนวนโครงการ", "วงเงิน (บาท)"])
    sheet.append(["ตุลาคม 2568", 4, 125000])
    sheet.append(["พฤศจิกายน 2568", 3, 98000])
    book.save(str(folder / "o11-procurement-monthly.xlsx"))


if __name__ == "__main__":
    write(Path(sys.argv[1]))
