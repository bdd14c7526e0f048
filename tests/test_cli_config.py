"""`[tool.scrapedown]` discovery and the generic mapping onto Options (cli.config, cli.coerce)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from scrapedown import Options
from scrapedown.cli import main
from scrapedown.cli.coerce import ConfigError, apply_overrides, option_keys
from scrapedown.cli.config import find_config, load_config_file, options_from_table


def test_top_level_keys_with_hyphens_or_underscores() -> None:
    options = options_from_table({"bold-headings": True, "bold_heading_level": 4, "bullet": "*"})
    assert options.bold_headings is True
    assert options.bold_heading_level == 4
    assert options.bullet == "*"


def test_lists_become_tuples_and_frozensets() -> None:
    options = options_from_table({"image-keys": ["cover"], "drop-tags": ["script", "aside"]})
    assert options.image_keys == ("cover",)
    assert options.drop_tags == frozenset({"script", "aside"})


def test_nested_tables_map_onto_nested_dataclasses() -> None:
    options = options_from_table({"punct": {"enabled": False}, "urls": {"enabled": False}})
    assert options.punct.enabled is False
    assert options.urls.enabled is False
    assert options.bold_headings == Options().bold_headings


def test_every_field_is_reachable_generically() -> None:
    # Whatever fields other packages add, each listed key must accept its own default back.
    for key in option_keys():
        path = key.split(".")
        value: object = Options()
        for part in path:
            value = getattr(value, part.replace("-", "_"))
        if value is None:
            continue  # optional values are left out in TOML
        table: object = _as_toml(value)
        for part in reversed(path):
            table = {part: table}
        assert isinstance(table, dict)
        assert options_from_table(table) == Options(), key


def _as_toml(value: object) -> object:
    if isinstance(value, frozenset | set):
        return sorted(_as_toml(item) for item in value)  # type: ignore[type-var]
    if isinstance(value, tuple):
        return [_as_toml(item) for item in value]
    if dataclasses.is_dataclass(value):
        return {f.name: _as_toml(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def test_table_form_for_pairs() -> None:
    options = options_from_table({"keep-attrs": {"a": ["href"], "img": ["src", "alt"]}})
    kept = dict(options.keep_attrs)
    assert "href" in kept["a"]
    assert "title" not in kept["a"]
    assert "alt" in kept["img"]


def test_extend_adds_to_the_default() -> None:
    options = options_from_table({"extend-drop-tags": ["aside"], "extend-image-keys": ["hero"]})
    assert options.drop_tags == Options().drop_tags | {"aside"}
    assert options.image_keys == (*Options().image_keys, "hero")


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"no-such-key": 1}, r"unknown key tool\.scrapedown\.no-such-key"),
        ({"punct": {"nope": True}}, r"unknown key tool\.scrapedown\.punct\.nope"),
        ({"bold-headings": "yes"}, r"bold-headings: expected true or false, got 'yes'"),
        ({"max-depth": True}, r"max-depth: expected an integer"),
        ({"drop-tags": "script"}, r"drop-tags: expected a list"),
        ({"drop-tags": [1]}, r"drop-tags: expected a string"),
        ({"punct": True}, r"punct: expected a table"),
        ({"extend-bullet": "x"}, r"only list-valued options can be extended"),
    ],
)
def test_bad_tables_name_the_key(table: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        options_from_table(table)


def test_overrides_parse_toml_or_bare_strings() -> None:
    options = apply_overrides(
        Options(), ["bold-headings=true", "punct.enabled=false", "bullet=*", 'image-keys=["x"]']
    )
    assert options.bold_headings is True
    assert options.punct.enabled is False
    assert options.bullet == "*"
    assert options.image_keys == ("x",)


def test_override_errors() -> None:
    with pytest.raises(ConfigError, match="expected KEY=VALUE"):
        apply_overrides(Options(), ["bold-headings"])
    with pytest.raises(ConfigError, match=r"--option 'nope=1': unknown key tool\.scrapedown\.nope"):
        apply_overrides(Options(), ["nope=1"])
    with pytest.raises(ConfigError, match=r"'\[aside\]' is not a TOML list or table \(strings"):
        apply_overrides(Options(), ["drop-tags=[aside]"])  # unquoted: not taken as a bare string


def _pyproject(directory: Path, body: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "pyproject.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_nearest_pyproject_with_the_table_wins(tmp_path: Path) -> None:
    outer = _pyproject(tmp_path, "[tool.scrapedown]\nbullet = '*'\n")
    _pyproject(tmp_path / "blog", "[project]\nname = 'x'\n")  # no table: keep looking
    posts = tmp_path / "blog" / "posts"
    posts.mkdir()
    config = find_config(posts, cwd=posts)
    assert config.path == outer
    assert config.table == {"bullet": "*"}


def test_search_stops_at_repository_root(tmp_path: Path) -> None:
    _pyproject(tmp_path, "[tool.scrapedown]\nbullet = '*'\n")
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    assert find_config(tmp_path / "repo").path is None


def test_config_file_option(tmp_path: Path) -> None:
    standalone = tmp_path / "scrapedown.toml"
    standalone.write_text("bullet = '+'\n")
    assert load_config_file(standalone).table == {"bullet": "+"}
    bare = _pyproject(tmp_path / "p", "[project]\nname = 'x'\n")
    with pytest.raises(ConfigError, match=r"no \[tool\.scrapedown\] table"):
        load_config_file(bare)


def test_invalid_toml_is_reported(tmp_path: Path) -> None:
    broken = _pyproject(tmp_path, "[tool.scrapedown\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config_file(broken)


def test_unknown_key_is_a_usage_error_from_main(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _pyproject(tmp_path, "[tool.scrapedown]\nbold-heading = true\n")
    post = tmp_path / "a.md"
    post.write_text("clean\n")
    assert main([str(post)]) == 2
    err = capsys.readouterr().err
    assert "unknown key tool.scrapedown.bold-heading" in err
    assert post.read_text() == "clean\n"


def test_bad_exclude_in_config_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _pyproject(tmp_path, "[tool.scrapedown]\nexclude = 'drafts'\n")
    (tmp_path / "a.md").write_text("clean\n")
    assert main([str(tmp_path)]) == 2
    assert "tool.scrapedown.exclude: expected a list of strings" in capsys.readouterr().err
