"""Options are validated where they enter: `Options(...)` in Python, `[tool.scrapedown]` and
``-O`` in the CLI. Each error names the key and, for an unknown name, the closest known one;
and the API's type errors read alike."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

# Wrong types on purpose: what a user passing config values by hand gets.
# mypy: disable-error-code="arg-type"
import pytest

import scrapedown
from scrapedown import Options, ScrapedownError
from scrapedown.cli import main
from scrapedown.cli.coerce import option_keys
from scrapedown.page import PageOptions
from scrapedown.punct.options import PunctOptions
from scrapedown.urls.options import UrlOptions


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SCRAPEDOWN_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Options(bullet="xx"), "bullet: unknown value 'xx'"),
        (lambda: Options(max_depth=0), "max_depth: must be at least 8, got 0"),
        (lambda: Options(max_depth=True), "max_depth: expected an integer, got bool"),
        (lambda: Options(bold_heading_level=7), "bold_heading_level: must be between 1 and 6"),
        (lambda: Options(image_keys="cover"), "image_keys: expected a tuple of values, got str"),
        (lambda: Options(disabled_rules="strip_attributes"), "disabled_rules: expected a set"),
        (
            lambda: Options(disabled_rules=frozenset({"strip_atributes"})),
            "disabled_rules: unknown rule 'strip_atributes' (did you mean 'strip_attributes'?)",
        ),
        (lambda: Options(bold_headings="yes"), "bold_headings: expected true or false"),
        (lambda: Options(punct={}), "punct: expected PunctOptions, got dict"),
        (
            lambda: UrlOptions(disable=frozenset({"wayback2"})),
            "disable: unknown URL rule 'wayback2' (did you mean 'wayback'?)",
        ),
        (lambda: UrlOptions(enable=frozenset({"wayback:pdf"})), "unknown kind 'pdf'"),
        (lambda: UrlOptions(rules=("param:x",)), "rules: malformed URL rule 'param:x'"),
        (lambda: UrlOptions(rules=("prefx:https://a.b/",)), "(did you mean 'prefix'?)"),
        (lambda: UrlOptions(data_uri_images="kept"), "(did you mean 'keep'?)"),
        (lambda: PageOptions(preset="wordpress"), "unknown front-matter preset 'wordpress'"),
        (lambda: PageOptions(keys=(("titel", "t"),)), "(did you mean 'title'?)"),
        (lambda: PageOptions(min_region_share=2.0), "min_region_share: must be between 0 and 1"),
        (lambda: PageOptions(meta_line_patterns=("(",)), "invalid page line pattern"),
        (lambda: PageOptions(article_xpaths=("//[bad",)), "article_xpaths: invalid XPath"),
        (lambda: PageOptions(region_xpaths=("//main[",)), "region_xpaths: invalid XPath"),
        (lambda: PageOptions(chrome_tags={"NAV"}), "'NAV' is not a tag name"),
        (lambda: Options(drop_tags={"ASIDE"}), "(did you mean 'aside'?)"),
        (lambda: Options(unwrap_tags={"<span>"}), "(did you mean 'span'?)"),
        (lambda: Options(keep_attrs=(("a", {"HREF"}),)), "'HREF' is not an attribute name"),
        (lambda: UrlOptions(lazy_src_attrs=("data src",)), "lazy_src_attrs: 'data src' is not"),
        (lambda: UrlOptions(base_url="example.org"), "base_url: expected an absolute http(s)"),
        (lambda: PunctOptions(enabled="no"), "enabled: expected true or false, got str 'no'"),
    ],
)
def test_impossible_options_are_value_errors(make: Any, message: str) -> None:
    with pytest.raises(ScrapedownError) as caught:
        make()
    assert isinstance(caught.value, ValueError)
    assert message in str(caught.value)


def test_collections_are_accepted_in_any_iterable_form() -> None:
    options = Options(image_keys=["cover"], disabled_rules={"strip_attributes"})
    assert options.image_keys == ("cover",)
    assert options.disabled_rules == frozenset({"strip_attributes"})
    assert hash(options.urls) == hash(UrlOptions())  # still hashable
    assert dataclasses.replace(Options(), bullet="*").bullet == "*"
    assert Options(punct=PunctOptions(enabled=False)).punct.enabled is False


def test_defaults_do_not_load_the_pipeline() -> None:
    import subprocess
    import sys

    probe = (
        "import sys, scrapedown\n"
        "scrapedown.Options(bullet='*', image_keys=['a'])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('lxml', 'bs4')))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr


@pytest.mark.parametrize(
    ("config", "flag", "message"),
    [
        (
            "bold-heading = true",
            None,
            "tool.scrapedown.bold-heading (did you mean 'bold-headings'?)",
        ),
        ('bullet = "xx"', None, "tool.scrapedown.bullet: unknown value 'xx'"),
        ("", "max-depth=0", "tool.scrapedown.max-depth: must be at least 8"),
        ('disabled-rules = ["strip_atributes"]', None, "(did you mean 'strip_attributes'?)"),
        ("", 'urls.disable=["wayback2"]', "tool.scrapedown.urls.disable: unknown URL rule"),
        ('[tool.scrapedown.urls]\nrules = ["param:x"]', None, "malformed URL rule 'param:x'"),
        ('[tool.scrapedown.page]\npreset = "wordpress"', None, "unknown front-matter preset"),
        ("extend-image-key = ['hero']", None, "(did you mean 'extend-image-keys'?)"),
        ("", 'extend-drop-tags=["ASIDE"]', "drop-tags: 'ASIDE' is not a tag name"),
        ('[tool.scrapedown.page]\narticle-xpaths = ["//[x"]', None, "invalid XPath '//[x'"),
        ("", "urls.base-url=example.org", "tool.scrapedown.urls.base-url: expected an absolute"),
    ],
)
def test_bad_configuration_is_exit_2_naming_file_and_key(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    config: str,
    flag: str | None,
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(f"[tool.scrapedown]\n{config}\n")
    (tmp_path / "a.md").write_text("<p style='x'>text</p>\n")
    argv = ["a.md"] if flag is None else ["-O", flag, "a.md"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err
    assert (str(tmp_path / "pyproject.toml") if flag is None else "--option") in err
    assert (tmp_path / "a.md").read_text() == "<p style='x'>text</p>\n"


def test_yaml_error_names_the_line_of_the_open_quote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    post = tmp_path / "a.md"
    post.write_text("---\ntitle: 'unclosed\ndate: 2021-01-01\ntags: x\n---\nbody\n")
    assert main([str(post)]) == 2
    err = capsys.readouterr().err
    assert f"{post}: line 2: front matter is not valid YAML" in err


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        ("clean", None),
        ("clean", b"<p>x</p>"),
        ("clean_html", None),
        ("clean_page", None),
        ("clean_page", b"<html><body><p>x</p></body></html>"),
        ("unwrap_url", None),
    ],
)
def test_api_type_errors_read_alike(call: str, argument: object) -> None:
    with pytest.raises(TypeError, match=f"^expected str, got {type(argument).__name__}$"):
        getattr(scrapedown, call)(argument)


def test_progress_bar_names_the_file_being_converted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "big-page.md").write_text("<p style='x'>text</p>\n")
    assert main(["--progress", "--no-cache", str(tmp_path)]) == 0
    assert "big-page.md" in capsys.readouterr().err.split("cleaned")[0]


def _wrong_value(hint: Any) -> object:
    """A value of the wrong type for a field annotated `hint` (as TOML can spell it)."""
    return "yes" if hint in (bool, int, float) else 3


def _field_hint(key: str) -> Any:
    import typing

    *tables, leaf = key.replace("-", "_").split(".")
    instance: Any = Options()
    for table in tables:
        instance = getattr(instance, table)
    return typing.get_type_hints(type(instance))[leaf]


@pytest.mark.parametrize("key", option_keys())
def test_every_key_is_validated_where_it_enters(
    key: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each configurable key: a misspelling names the key meant, a wrong type names the key,
    in the configuration file (exit 2) and in Python (`ValueError`)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("<p style='x'>text</p>\n")
    *tables, leaf = key.split(".")
    header = "[" + ".".join(["tool", "scrapedown", *tables]) + "]\n"
    typo = leaf[:2] + leaf[1:]  # a letter typed twice: "ennabled"
    wrong = _wrong_value(_field_hint(key))
    for body, message in (
        (f"{typo} = 1", f"(did you mean '{leaf}'?)"),
        (f"{leaf} = {wrong!r}".replace("'", '"'), f"tool.scrapedown.{key}: expected"),
    ):
        (tmp_path / "pyproject.toml").write_text(header + body + "\n")
        assert main(["--check", "a.md"]) == 2, body
        err = capsys.readouterr().err
        assert message in err and str(tmp_path / "pyproject.toml") in err, (body, err)
    table: Any = {leaf.replace("-", "_"): wrong}
    classes = {"punct": PunctOptions, "urls": UrlOptions, "page": PageOptions}
    with pytest.raises(ValueError, match=leaf.replace("-", "_")):
        (classes[tables[0]] if tables else Options)(**table)


@pytest.mark.parametrize(
    ("cls", "typo", "meant"),
    [
        (Options, "bold_heading", "bold_headings"),
        (PunctOptions, "enabeld", "enabled"),
        (UrlOptions, "base_ulr", "base_url"),
        (PageOptions, "presett", "preset"),
    ],
)
def test_an_unknown_keyword_in_python_names_the_field_meant(
    cls: type[Any], typo: str, meant: str
) -> None:
    """`Options(bold_heading=True)`: a `ValueError` (an `OptionError`) naming the closest field,
    as a misspelt key in the configuration file is, not Python's bare `TypeError`."""
    with pytest.raises(ValueError, match=rf"^{typo}: unknown option .*'{meant}'"):
        cls(**{typo: True})
