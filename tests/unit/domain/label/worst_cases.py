"""Crafted labels, one per shape of text the label reader handles, each grown to a given size:
what the linear-time test compares at two sizes and the benchmark prints at 20,000 characters
(issue #19: a regular expression searched again from the start at each full stop took minutes)."""

from __future__ import annotations

from collections.abc import Callable


def _grown(unit: str, size: int, head: str = "", tail: str = "") -> str:
    body = size - len(head) - len(tail)
    return head + (unit * (body // len(unit) + 1))[: max(body, 0)] + tail


WORST_CASES: dict[str, Callable[[int], str]] = {
    "one long word, then full stops": lambda n: "A" * (n - 30) + " b." * 10,
    "full stops after letters": lambda n: _grown("ab. ", n),
    "single-letter abbreviations": lambda n: _grown("C.I. ", n),
    "nested brackets": lambda n: "(" * (n // 2) + "x" + ")" * (n // 2),
    "unclosed brackets": lambda n: _grown("(a ", n),
    "stray closing brackets": lambda n: _grown(")", n, head="x"),
    "brackets in one name": lambda n: _grown("a (b) ", n),
    "spaced full stops and slashes": lambda n: _grown(" . / ", n, head="a"),
    "may contain, repeated": lambda n: _grown("may   contain ", n),
    "plus-minus, repeated": lambda n: _grown("+ / - [", n),
    "headings, repeated": lambda n: _grown("Ingredients (", n),
    "active then spaces": lambda n: _grown("active" + " " * 50, n),
    "digits and percentages": lambda n: _grown("1.1 1,1 at  ", n),
    "digit commas": lambda n: _grown("1,", n),
    "footnote marks": lambda n: _grown("a*[1]†", n),
    "line breaks": lambda n: _grown("a\r\n", n),
    "invisible characters": lambda n: _grown("\u202e\u200b", n, head="a"),
    "one huge word": lambda n: "x" * n,
    "many short names": lambda n: _grown("a, ", n),
    "many distinct unknown names": lambda n: ", ".join(f"Zq{i}x" for i in range(n // 6))[:n],
    "one name of many words": lambda n: _grown("Human Bovine ", n),
    "slashed alternatives": lambda n: _grown("Water/", n),
    "lay runs of oils": lambda n: _grown("Jojoba, Argan and Rose Oils, ", n),
    "a repeated real name": lambda n: _grown("Snail Secretion Filtrate, ", n),
}
"""Each grows a label to about n characters."""
