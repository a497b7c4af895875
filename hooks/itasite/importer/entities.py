"""A .docx or .xlsx refused when any XML part of it declares a DOCTYPE, before python-docx or openpyxl parse it.

Word and Excel never write a DOCTYPE. One in a report is an attack: entities that expand a billion times (a
"billion laughs"), or an external entity that pulls a local file (`/etc/passwd`) into the text the import
would write to data/ and publish. lxml, under python-docx and openpyxl, resolves some of them, so the
package is checked first: every XML part's prolog is read by defusedxml with DTDs forbidden. A DOCTYPE can
stand only in the prolog, before the root element (XML 1.0, §2.8), so parsing stops at the root's first tag:
the check reads a few bytes of each part and proves the whole part holds no declaration. The XML parser
reads the part's own encoding (UTF-16 included), which a search for the bytes `<!DOCTYPE` would miss.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from .unreadable import UnreadableFile

# How a part that is XML starts: "<", or a byte-order mark (UTF-8, UTF-16 either way) or UTF-16 without one
XML_STARTS = (b"<", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00<", b"<\x00")


def refuse_declarations(path: Path) -> None:
    """UnreadableFile naming the file and its part when an XML part declares a DOCTYPE or an entity, or when
    its prolog does not parse; nothing otherwise."""
    try:
        with zipfile.ZipFile(path) as package:
            for member in package.infolist():
                with package.open(member) as part:
                    if part.read(4).lstrip(b" \t\r\n").startswith(XML_STARTS) or member.filename.endswith(".xml"):
                        _check_prolog(package, member, path.name)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as error:  # a part that does not unpack
        raise UnreadableFile("import_damaged", {"file": path.name}) from error


def _check_prolog(package: zipfile.ZipFile, member: zipfile.ZipInfo, name: str) -> None:
    """Parse one part up to its root element's first tag, DTDs and entities forbidden."""
    with package.open(member) as part:
        try:
            for _event, _element in iterparse(part, events=("start",), forbid_dtd=True):
                return  # the prolog is over: no declaration can follow
        except DefusedXmlException as error:
            raise UnreadableFile("import_xml_declaration", {"file": name, "part": member.filename}) from error
        except ParseError as error:
            raise UnreadableFile("import_damaged", {"file": name}) from error
