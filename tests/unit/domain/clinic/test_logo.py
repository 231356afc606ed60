"""A clinic's logo: a real PNG or an SVG that draws only itself, never one that reaches out."""

from __future__ import annotations

import struct
import zlib

import pytest

from serumdesk.domain.clinic.logo import MAX_LOGO_BYTES, LogoError, logo_kind


def png(width: int, height: int) -> bytes:
    """A valid PNG of one grey colour (made by hand: the domain tests have no Qt)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" '
    b'xmlns:xlink="http://www.w3.org/1999/xlink" width="80" height="40">'
    b'<defs><linearGradient id="g"><stop offset="0" stop-color="#2a6"/></linearGradient>'
    b'</defs><rect id="r" width="80" height="40" fill="url(#g)"/><use xlink:href="#r"/></svg>'
)


def test_a_png_and_a_self_contained_svg_are_taken() -> None:
    assert logo_kind(png(4, 3)) == "png"
    assert logo_kind(SVG) == "svg"
    illustrator = (
        b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">' + SVG[21:]
    )
    assert logo_kind(illustrator) == "svg"  # a public DOCTYPE is never fetched


@pytest.mark.parametrize(
    ("svg", "words"),
    [
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
            b'<image x:href="file:///etc/passwd"/></svg>',
            "outside itself",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><image href="https://tracker.example/p.png"/></svg>',
            "outside itself",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill: url(http://x.example/a)"/></svg>',
            "outside itself",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import "http://x.example/a.css";</style></svg>',
            "imports",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
            b'<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>',
            "entities",
        ),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "script"),
        (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "script attribute"),
        (b"<svg><rect", "not well-formed"),
        (b'<?xml version="1.0"?><html/>', "not an SVG"),
    ],
)
def test_an_svg_that_reaches_outside_itself_or_runs_code_is_refused(svg: bytes, words: str) -> None:
    with pytest.raises(LogoError, match=words):
        logo_kind(svg)


def test_a_file_that_is_neither_or_too_large_is_refused() -> None:
    with pytest.raises(LogoError, match="neither a PNG nor an SVG"):
        logo_kind(b"GIF89a" + b"\x00" * 20)
    with pytest.raises(LogoError, match="larger than 512 KB"):
        logo_kind(png(1, 1) + b"\x00" * MAX_LOGO_BYTES)
    with pytest.raises(LogoError, match="pixels"):
        logo_kind(png(1, 1)[:16] + struct.pack(">II", 100_000, 10) + png(1, 1)[24:])
    with pytest.raises(LogoError, match="cut short"):
        logo_kind(png(8, 8)[:-20])
    flipped = bytearray(png(8, 8))
    flipped[45] ^= 0xFF  # a byte of the image data
    with pytest.raises(LogoError, match="checksum"):
        logo_kind(bytes(flipped))
    with pytest.raises(LogoError, match="damaged"):
        logo_kind(b"\x89PNG\r\n\x1a\n" + b"\x00" * 10)
