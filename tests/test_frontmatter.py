"""Front matter: detection of the three formats, safe loading, errors that name the line, and
minimal-diff write-back of unwrapped image URLs."""

from __future__ import annotations

import pytest

from scrapedown import ScrapedownError, clean
from scrapedown.frontmatter.block import split_post

PROXY = "https://cors.zfour.workers.dev/?http://img.example.com/a.png"
REAL = "http://img.example.com/a.png"


@pytest.mark.parametrize(
    ("text", "fmt", "body"),
    [
        ("---\ntitle: a\n---\nbody\n", "yaml", "body\n"),
        ("+++\ntitle = 'a'\n+++\nbody\n", "toml", "body\n"),
        ('{\n  "title": "a"\n}\nbody\n', "json", "body\n"),
        ('"title": "a"\n;;;\nbody\n', "json", "body\n"),
        ("\ufeff\n\n---\ntitle: a\n---\nbody\n", "yaml", "body\n"),
    ],
)
def test_formats_are_detected(text: str, fmt: str, body: str) -> None:
    front, rest = split_post(text)
    assert front is not None
    assert front.fmt == fmt
    assert front.data["title"] == "a"
    assert rest == body


def test_no_front_matter() -> None:
    assert split_post("# Title\n\ntext\n") == (None, "# Title\n\ntext\n")
    assert split_post("{{< shortcode >}}\n")[0] is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (f"headimg: '{PROXY}'", f"headimg: '{REAL}'"),
        (f'headimg: "{PROXY}"', f'headimg: "{REAL}"'),
        (f"headimg: {PROXY}", f"headimg: {REAL}"),
        (f"headimg: {PROXY}  # the cover", f"headimg: {REAL}  # the cover"),
    ],
)
def test_image_key_keeps_its_quoting(line: str, expected: str) -> None:
    post = f"---\ntitle: x\n{line}\ndate: 2021-03-29T03:22:00+08:00\n---\n\ntext\n"
    assert clean(post) == post.replace(line, expected)


def test_only_the_changed_line_differs() -> None:
    post = (
        "---\ntitle: 'x: y'\ncategories: \n - a\n - b\n"
        f"thumbnail: '{PROXY}'\ncover: {REAL}\ndate: Mon, 29 Mar 2021 03:22:00 GMT\n---\n\ntext\n"
    )
    out = clean(post)
    changed = [a for a, b in zip(post.splitlines(), out.splitlines(), strict=True) if a != b]
    assert changed == [f"thumbnail: '{PROXY}'"]


def test_image_key_list_items() -> None:
    post = f"---\nimages:\n  - '{PROXY}'\n  - {REAL}\n---\ntext\n"
    assert clean(post) == f"---\nimages:\n  - '{REAL}'\n  - {REAL}\n---\ntext\n"


def test_custom_image_keys() -> None:
    from scrapedown import Options

    post = f"---\nhero: '{PROXY}'\nheadimg: '{PROXY}'\n---\ntext\n"
    out = clean(post, Options(image_keys=("hero",)))
    assert out == f"---\nhero: '{REAL}'\nheadimg: '{PROXY}'\n---\ntext\n"


def test_unchanged_front_matter_is_byte_identical() -> None:
    post = "---\r\ntitle:   spaced   \r\ndate: 2020-01-01\r\n# a comment\r\n---\r\n\r\ntext\r\n"
    assert clean(post) == post


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\ntitle: ok\ntags: [a, b\nx: 1\n---\nbody\n", "line 4"),
        ("\n\n---\ntitle: ok\nbad: : :\n---\nbody\n", "line 5"),
        ("---\ntitle: x\nbody without closing\n", "never closed"),
        ("---\n- a list\n- not a mapping\n---\nbody\n", "not a key/value mapping"),
        ("+++\ntitle = \n+++\nbody\n", "TOML"),
        ('{\n"title": \n}\nbody\n', "line 3"),
    ],
)
def test_broken_front_matter_is_a_clear_error(text: str, message: str) -> None:
    with pytest.raises(ScrapedownError, match=message):
        clean(text)


def test_unsafe_yaml_tags_are_refused() -> None:
    with pytest.raises(ScrapedownError, match="python/object"):
        clean("---\nx: !!python/object/apply:os.system ['echo pwned']\n---\nbody\n")


def test_yaml_alias_bomb_is_cheap() -> None:
    bomb = "".join(
        f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 9 if i else ["x"] * 9) + "]\n"
        for i in range(12)
    )
    post = f"---\n{bomb}---\nbody\n"
    assert clean(post) == post
