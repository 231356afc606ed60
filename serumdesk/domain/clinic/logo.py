"""A clinic's logo: a PNG, or an SVG that draws only itself, small enough for a page header.

An SVG is XML that can point elsewhere: an <image> or <use> with a file or web address, a
stylesheet's url(...) or @import, an entity declared in a DOCTYPE (which can also blow up
into gigabytes: "billion laughs"), a script. SerumDesk never fetches anything at run time and
prints nothing it did not check, so a logo with any of these is refused, with the reason.
"""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET
import zlib

from serumdesk.domain.clinic.details import LogoKind
from serumdesk.i18n import _

MAX_LOGO_BYTES = 512 * 1024
"""Half a megabyte: plenty for a header logo; the config folder stays small."""
MAX_LOGO_PIXELS = 4096
"""The widest or tallest PNG taken, in pixels (a header prints it about 2 cm high)."""

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_SVG_NS = "{http://www.w3.org/2000/svg}"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)
_REFUSED_ELEMENTS = frozenset({"script", "foreignObject", "iframe", "audio", "video"})


class LogoError(ValueError):
    """A logo SerumDesk will not use; str() says why, in plain words."""


def logo_kind(data: bytes) -> LogoKind:
    """ "png" or "svg" when `data` is a usable logo; LogoError says why it is not."""
    if len(data) > MAX_LOGO_BYTES:
        raise LogoError(
            _("the logo is larger than {value} KB; save a smaller version of it").format(
                value=MAX_LOGO_BYTES // 1024
            )
        )
    if data.startswith(PNG_SIGNATURE):
        _check_png(data)
        return "png"
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<?xml", b"<svg", b"<!--", b"<!doctype")):
        check_svg(data)
        return "svg"
    raise LogoError(_("the logo is neither a PNG nor an SVG picture"))


def _check_png(data: bytes) -> None:
    """A whole PNG: an image header first, image data, an end, every chunk's checksum right
    (one pass over the bytes, which are bounded by MAX_LOGO_BYTES)."""
    # The IHDR chunk comes first: length 13, type, then width and height.
    if len(data) < 33 or data[12:16] != b"IHDR":
        raise LogoError(_("the PNG logo is damaged (it has no image header)"))
    width, height = struct.unpack(">II", data[16:24])
    if not (0 < width <= MAX_LOGO_PIXELS and 0 < height <= MAX_LOGO_PIXELS):
        raise LogoError(
            _(
                "the PNG logo is {width} × {height} pixels; it may be at most "
                "{MAX_LOGO_PIXELS} pixels on each side"
            ).format(width=width, height=height, MAX_LOGO_PIXELS=MAX_LOGO_PIXELS)
        )
    at, kinds = len(PNG_SIGNATURE), []
    while at + 12 <= len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        end = at + 12 + length
        if end > len(data):
            break
        kind, body = data[at + 4 : at + 8], data[at + 8 : end - 4]
        if zlib.crc32(kind + body) & 0xFFFFFFFF != struct.unpack(">I", data[end - 4 : end])[0]:
            raise LogoError(_("the PNG logo is damaged (a checksum is wrong)"))
        kinds.append(kind)
        at = end
        if kind == b"IEND":
            break
    if not kinds or kinds[-1] != b"IEND" or b"IDAT" not in kinds:
        raise LogoError(_("the PNG logo is damaged or cut short"))


def _internal(reference: str) -> bool:
    """A reference to something inside the same picture ("#gradient", an embedded PNG or
    JPEG), or nothing."""
    ref = reference.strip().lower()
    return ref == "" or ref.startswith(("#", "data:image/png;", "data:image/jpeg;"))


def check_svg(data: bytes) -> None:
    """LogoError unless `data` is an SVG that refers to nothing outside itself."""
    lowered = data.lower()
    doctype = lowered.find(b"<!doctype")
    # Illustrator writes a public DOCTYPE, which nothing fetches; an internal subset ("[")
    # is where entities are declared, and entities can expand into gigabytes.
    if b"<!entity" in lowered or (doctype >= 0 and b"[" in lowered[doctype : lowered.find(b">", doctype)]):
        raise LogoError(_("the SVG logo declares entities in its DOCTYPE; save it again as plain SVG"))
    try:  # no entity declarations (refused above) and expat fetches no external DTD: safe
        root = ET.fromstring(data)  # noqa: S314
    except ET.ParseError as exc:
        raise LogoError(_("the SVG logo is not well-formed XML ({exc})").format(exc=exc)) from None
    if root.tag not in (f"{_SVG_NS}svg", "svg"):
        raise LogoError(_("the file is XML but not an SVG picture"))
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
        if tag in _REFUSED_ELEMENTS:
            raise LogoError(
                _("the SVG logo contains a <{tag}> element; a logo may only draw").format(tag=tag)
            )
        for key, value in element.attrib.items():
            name = key.rsplit("}", 1)[-1]
            if (key == _XLINK_HREF or name == "href") and not _internal(value):
                raise LogoError(
                    _(
                        "the SVG logo refers to '{value}' outside itself; embed everything in the picture"
                    ).format(value=value[:60])
                )
            if name.lower().startswith("on"):
                raise LogoError(_("the SVG logo has a script attribute ({name})").format(name=name))
            _check_style(value)
        if tag == "style" and element.text:
            _check_style(element.text)


def _check_style(text: str) -> None:
    if "@import" in text.lower():
        raise LogoError(_("the SVG logo's style imports another file"))
    for reference in _URL.findall(text):
        if not _internal(reference):
            raise LogoError(
                _(
                    "the SVG logo refers to '{reference}' outside itself; embed everything in the picture"
                ).format(reference=reference[:60])
            )
