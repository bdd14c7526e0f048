"""The public API: signatures, purity, picklability, errors, documented options."""

from __future__ import annotations

import ast
import dataclasses
import inspect
import itertools
import pickle
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

import scrapedown
from scrapedown import Options, ScrapedownError, clean, clean_html
from scrapedown.options import DEFAULT_OPTIONS

POST = "---\ntitle: t\n---\n\n<p style='x'>工业４．０ <b>bold</b></p>\n"


def test_public_names() -> None:
    for name in ("clean", "clean_html", "Options", "ScrapedownError", "normalize_punctuation"):
        assert name in scrapedown.__all__
        assert getattr(scrapedown, name) is not None
    assert issubclass(ScrapedownError, ValueError)


def test_clean_and_clean_html() -> None:
    assert clean(POST) == "---\ntitle: t\n---\n\n工业4.0 **bold**\n"
    assert clean_html("<p>工业４．０</p>") == "工业4.0\n"
    assert clean_html("") == ""
    assert clean_html("   \n ") == ""
    assert clean("") == ""


def test_options_are_frozen_and_picklable() -> None:
    options = Options(bold_headings=True, image_keys=("hero",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.bullet = "*"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(options)) == options
    assert Options() == DEFAULT_OPTIONS


def test_every_option_is_documented_with_its_default() -> None:
    """Each field is followed by a docstring that states its default."""
    source = Path(inspect.getfile(Options)).read_text(encoding="utf-8")
    body = next(
        node.body
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ClassDef) and node.name == "Options"
    )
    documented: dict[str, str] = {}
    for statement, following in itertools.pairwise(body):
        if (
            isinstance(statement, ast.AnnAssign)
            and isinstance(statement.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
        ):
            documented[statement.target.id] = str(following.value.value)
    fields = [f.name for f in dataclasses.fields(Options)]
    assert sorted(documented) == sorted(fields)
    for name in ("punct", "urls", "page"):
        documented.pop(name)  # nested dataclasses, documented field by field
    assert all("Default" in doc for doc in documented.values())


def test_results_are_the_same_in_another_process() -> None:
    with ProcessPoolExecutor(max_workers=1) as pool:
        assert pool.submit(clean, POST, Options()).result() == clean(POST)


def test_non_string_input_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        clean(b"<p>bytes</p>")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        clean("x", {"bullet": "*"})  # type: ignore[arg-type]


def test_crlf_and_bom_conventions() -> None:
    assert clean("---\r\ntitle: t\r\n---\r\n<p>a</p>\r\n") == "---\r\ntitle: t\r\n---\r\na\r\n"
    assert clean("\ufeff---\ntitle: t\n---\nbody\n") == "---\ntitle: t\n---\nbody\n"


def test_clean_output_is_returned_unchanged() -> None:
    text = "---\ntitle: t\n---\n\n# Heading\n\nText with `code`.\n"
    assert clean(text) == text


def test_oversized_body_is_refused() -> None:
    with pytest.raises(ScrapedownError, match="over the limit"):
        clean("<p>" + "x" * 200 + "</p>", Options(max_body_chars=100))
