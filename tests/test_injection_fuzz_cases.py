"""Injections the fuzzer found (tests/fuzz_properties.py renders the output with markdown-it,
``html=True``, and scans it): minimised inputs, all one root cause, raw inline HTML in a
Markdown paragraph (or a line the block splitter does not see as HTML) kept verbatim.

Fixed by the inline-HTML allowlist of the classifier and the final safety stage
(`scrapedown.safety`); kept as regression tests.
"""

from __future__ import annotations

import pytest

from scrapedown import clean, clean_html
from tests.fuzz_properties import injected

CASES = {
    "script after a letter": "x<script>",
    "script after CJK text": "語<script>",
    "unclosed script start tag": "><script",
    "style after punctuation": "><style>",
    "handler on an unknown element": 'q<g on="">',
    "handler on a stray row": "><tr onclick",
    "handler on a stray cell": "><td onclick",
    "frame after a bracket": "[<frame>",
    "iframe after a byte order mark on line 2": "\n\ufeff<iframe>",
    "javascript image in a stray header cell": "><th ><img src=javascript:alert(1)>",
    "javascript href on noscript": '<noscript href="javascript:alert(1)">-',
}


@pytest.mark.parametrize("name", list(CASES))
def test_clean_injects_nothing(name: str) -> None:
    assert injected(clean(CASES[name])) == []


@pytest.mark.parametrize("name", list(CASES))
def test_clean_html_injects_nothing(name: str) -> None:
    assert injected(clean_html(CASES[name])) == []
