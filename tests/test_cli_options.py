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
from scrapedown.cli.args import main
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
