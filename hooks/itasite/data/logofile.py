"""The agency's logo, checked before the site publishes it: a PNG that is a PNG, or an SVG that can run nothing.

GitHub Pages cannot send a Content-Security-Policy header, so an SVG opened on its own runs whatever script it
holds. An SVG logo is parsed with defusedxml (no DOCTYPE, no entity, no external reference) and every element and
attribute must be in the tables below: shapes, text, gradients, filters and the inert notes drawing programs
leave. Scripts, event handlers, animations (which can set a link to `javascript:`), embedded HTML and anything
that fetches from elsewhere are refused, each at the line and column where the parser met it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from xml.sax import SAXParseException
from xml.sax.handler import ContentHandler, feature_external_ges, feature_namespaces
from xml.sax.xmlreader import AttributesNSImpl, Locator

import defusedxml.sax
from defusedxml import DefusedXmlException

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"
# What Inkscape and other editors keep in a file (layer names, licence metadata): no browser renders or runs it.
INERT_NAMESPACES = {
    "http://www.inkscape.org/namespaces/inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://creativecommons.org/ns#",
    "http://purl.org/dc/elements/1.1/",
}


def _names(words: str) -> set[str]:
    """A table of names written as words, as the SVG specification lists them."""
    return set(words.split())


ELEMENTS = _names(
    "svg g defs symbol use title desc metadata switch path rect circle ellipse line polyline polygon text tspan "
    "textPath image marker linearGradient radialGradient stop clipPath mask pattern filter style feBlend "
    "feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting feDisplacementMap "
    "feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur feMerge feMergeNode "
    "feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile feTurbulence"
)
ATTRIBUTES = _names(
    # presentation attributes
    "alignment-baseline baseline-shift clip clip-path clip-rule color color-interpolation "
    "color-interpolation-filters color-rendering direction display dominant-baseline enable-background fill "
    "fill-opacity fill-rule filter flood-color flood-opacity font-family font-size font-size-adjust font-stretch "
    "font-style font-variant font-weight image-rendering kerning letter-spacing lighting-color marker-end "
    "marker-mid marker-start mask mix-blend-mode opacity overflow paint-order pointer-events shape-rendering "
    "stop-color stop-opacity stroke stroke-dasharray stroke-dashoffset stroke-linecap stroke-linejoin "
    "stroke-miterlimit stroke-opacity stroke-width text-anchor text-decoration text-rendering transform "
    "transform-origin unicode-bidi vector-effect visibility word-spacing writing-mode "
    # geometry, structure and accessibility
    "id class style lang role aria-label aria-hidden aria-labelledby focusable version baseProfile width height "
    "x y x1 y1 x2 y2 cx cy r rx ry fx fy fr d points viewBox preserveAspectRatio pathLength offset gradientUnits "
    "gradientTransform spreadMethod patternUnits patternContentUnits patternTransform clipPathUnits maskUnits "
    "maskContentUnits markerUnits markerWidth markerHeight refX refY orient dx dy rotate textLength lengthAdjust "
    "startOffset method spacing side href "
    # filters
    "filterUnits primitiveUnits in in2 result stdDeviation mode type values operator k1 k2 k3 k4 scale "
    "xChannelSelector yChannelSelector radius baseFrequency numOctaves seed stitchTiles tableValues slope "
    "intercept amplitude exponent kernelMatrix order divisor bias targetX targetY edgeMode preserveAlpha "
    "surfaceScale diffuseConstant specularConstant specularExponent kernelUnitLength azimuth elevation z "
    "pointsAtX pointsAtY pointsAtZ limitingConeAngle"
)
NAMESPACED_ATTRIBUTES = {(XLINK, "href"), (XLINK, "title"), (XML, "space"), (XML, "lang")}
LINKS = {(None, "href"), (XLINK, "href")}
# An image may be embedded in the file, as PNG, JPEG, GIF or WebP (an SVG image inside is never run)
EMBEDDED_IMAGE = re.compile(r"^data:image/(png|jpeg|gif|webp);base64,", re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)
CSS_FORBIDDEN = re.compile(r"@import|expression\s*\(|javascript:|behavior\s*:|-moz-binding", re.IGNORECASE)


@dataclass
class LogoProblem(Exception):
    """What is wrong with the logo: where in the file (1, 1 for the file as a whole) and a message code."""

    line: int
    column: int
    code: str
    values: dict[str, object] = field(default_factory=dict)


def _css_problem(css: str) -> str | None:
    """What in a stylesheet or a style attribute could fetch or run something: an import, a url() that is not
    `#…`, a script address; None when there is nothing."""
    if found := CSS_FORBIDDEN.search(css):
        return found.group()
    for target in CSS_URL.findall(css):
        if not target.startswith("#"):
            return f"url({target})"
    return None


class _Checker(ContentHandler):
    """Raises LogoProblem at the first element, attribute or text the tables do not allow."""

    def __init__(self) -> None:
        """Nothing seen yet; the parser gives the locator before the first element."""
        super().__init__()
        self.where: Locator | None = None
        self.open: list[str] = []  # the local names of the elements being read, the innermost last
        self.seen_root = False

    def setDocumentLocator(self, locator: Locator) -> None:
        """Keep the parser's position, for the line and column of a problem."""
        self.where = locator

    def fail(self, code: str, **values: object) -> LogoProblem:
        """A problem at the parser's current position."""
        line = self.where.getLineNumber() if self.where else 1
        column = self.where.getColumnNumber() if self.where else 0
        return LogoProblem(line or 1, (column or 0) + 1, code, values)

    def startElementNS(self, name: tuple[str | None, str], qname: str | None, attrs: AttributesNSImpl) -> None:
        """An element: in the SVG tables (the first one the svg root), or inert notes of a drawing program."""
        uri, local = name
        if not self.seen_root and (uri, local) != (SVG, "svg"):
            raise self.fail("svg_root", element=qname or local)
        self.seen_root = True
        inert = uri in INERT_NAMESPACES
        if not inert and (uri != SVG or local not in ELEMENTS):
            raise self.fail("svg_element", element=qname or local)
        for (attr_uri, attr_local), value in attrs.items():
            self._attribute(qname or local, attr_uri, attr_local, attrs.getQNameByName((attr_uri, attr_local)), value)
        self.open.append(local)

    def _attribute(self, element: str, uri: str | None, local: str, qname: str, value: str) -> None:
        """One attribute: named in the tables, never an event handler, and fetching nothing from elsewhere."""
        known = (uri is None and local in ATTRIBUTES) or (uri, local) in NAMESPACED_ATTRIBUTES
        if local.lower().startswith("on") or not (known or uri in INERT_NAMESPACES):
            raise self.fail("svg_attribute", element=element, attribute=qname)
        if (uri, local) in LINKS and not (value.startswith("#") or EMBEDDED_IMAGE.match(value)):
            raise self.fail("svg_reference", element=element, attribute=qname, value=value[:60])
        if uri is None and (found := _css_problem(value)):
            raise self.fail("svg_reference", element=element, attribute=qname, value=found[:60])

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:
        """Leave an element."""
        self.open.pop()

    def characters(self, content: str) -> None:
        """The text of a <style> element: no import and no address outside the file."""
        if self.open and self.open[-1] == "style" and (found := _css_problem(content)):
            raise self.fail("svg_reference", element="style", attribute="", value=found[:60])


def svg_problem(content: bytes) -> LogoProblem | None:
    """The first thing that keeps an SVG from being published as it is, or None for a drawing that runs nothing."""
    checker = _Checker()
    parser = defusedxml.sax.make_parser()
    parser.forbid_dtd = True  # no DOCTYPE at all: entity declarations, external subsets
    parser.setFeature(feature_namespaces, True)
    parser.setFeature(feature_external_ges, False)
    parser.setContentHandler(checker)
    try:
        parser.parse(BytesIO(content))
    except LogoProblem as problem:
        return problem
    except DefusedXmlException:
        return checker.fail("svg_doctype")
    except SAXParseException as error:
        line, column = error.getLineNumber(), error.getColumnNumber()
        return LogoProblem(line or 1, (column or 0) + 1, "svg_unreadable", {"detail": error.getMessage()})
    if not checker.seen_root:
        return LogoProblem(1, 1, "svg_root", {"element": "-"})
    return None


def logo_problem(path: Path) -> LogoProblem | None:
    """Whether the logo file can be published: an SVG that runs nothing, or a PNG whose bytes are a PNG's."""
    content = path.read_bytes()
    if path.suffix.lower() == ".svg":
        return svg_problem(content)
    if not content.startswith(PNG_MAGIC):
        return LogoProblem(1, 1, "logo_not_png")
    return None
