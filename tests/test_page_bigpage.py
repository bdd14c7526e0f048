"""Whole pages after the big-page work (issue 18): `clean_page` is still `clean(page_to_post)`
now that the post is handed on without a copy, user patterns keep their meaning when the
pruning joins them into one alternation, and the measuring stays linear on the shapes that
stress it (deep uncounted markup, many short lines)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from scrapedown import clean
from scrapedown.page import PageOptions, clean_page, clean_page_result, page_to_post
from tests.page_fixtures import LONG, body, page
from tests.timing import best_of

_PIECES = st.sampled_from(
    [
        f"<p>{LONG}</p>",
        "<p>Short line.</p>",
        "<h2>Related articles</h2><ul><li><a href='/x'>Another post</a></li></ul>",
        "<div class='share'>Share this article</div>",
        "<p>Advertisement</p>",
        "<script>var x = 1;</script>",
        "<svg><text>not counted</text></svg>",
        "<figure><img src='https://img.example/a.jpg'><figcaption>Photo: A</figcaption></figure>",
        "<p>Emoji 🙂 and 中文的文本，测试。</p>",
        "\n   \n",
        "<!-- a comment -->",
    ]
)


@settings(max_examples=60, deadline=None)
@given(pieces=st.lists(_PIECES, min_size=1, max_size=12), wrap=st.sampled_from(["article", "div"]))
def test_clean_page_is_clean_of_page_to_post(pieces: list[str], wrap: str) -> None:
    html = page("<title>A title</title>", f"<{wrap}>{''.join(pieces)}</{wrap}>")
    assert clean_page(html) == clean(page_to_post(html))


def _dropped(lines: tuple[str, ...], paragraphs: tuple[str, ...]) -> str:
    inner = "".join(f"<p>{text}</p>" for text in paragraphs)
    html = page("", f"<article><p>{LONG}</p>{inner}<p>{LONG} Second.</p></article>")
    out = body(clean_page(html, page=PageOptions(drop_lines=lines)))
    assert "Second." in out
    return out


def test_user_patterns_with_a_global_flag_still_match() -> None:
    out = _dropped(
        ("paid placement", "(?i)sponsored by \\w+"), ("Sponsored by Acme", "Paid placement")
    )
    assert "Sponsored" not in out and "Paid placement" not in out


def test_user_patterns_with_a_back_reference_keep_its_group() -> None:
    # joined naively, `\1` would refer to the first pattern's group
    out = _dropped(("(x|y)z line", r"(ab)\1 promoted"), ("xz line", "abab promoted"))
    assert "xz line" not in out and "abab" not in out


def test_joined_default_patterns_drop_what_each_pattern_dropped() -> None:
    html = page(
        "",
        f"<article><p>{LONG}</p><p>Advertisement</p><p>Share this article</p>"
        f"<p>{LONG} Second.</p></article>",
    )
    out = body(clean_page(html))
    assert "Second." in out and "Advertisement" not in out and "Share this" not in out


def _uncounted(depth: int, count: int) -> str:
    nested = "<svg>" * depth + "<text>hidden</text>" + "</svg>" * depth
    return "".join(f"<p>{LONG} {i}</p>{nested}<script>var a{i};</script>" for i in range(count))


def test_weighing_the_kept_article_is_linear_in_nested_uncounted_markup() -> None:
    def run(count: int) -> float:
        html = page("", f"<article>{_uncounted(20, count)}</article>")
        return best_of(lambda: clean_page_result(html))

    small, large = run(20), run(320)
    assert large < 16 * small * 3, (small, large)  # 16x the input, well under 48x the time
