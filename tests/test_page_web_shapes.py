"""Whole pages in the shapes today's sites use (tests/page_fixtures/web, hand-written), through
`clean_page`: the article is kept whole (its standfirst, pictures, code, tables, admonitions),
and the furniture each platform puts around and inside it (subscribe boxes, clap and follow
bars, share and like widgets, related posts, tag lists, prev/next links, comments, author cards,
copyright and reward boxes, edit links, permalink marks, ad labels) is not.

Each case names phrases that must be in the body and phrases that must not; a page with an
article never comes out empty and is never reported doubtful."""

from __future__ import annotations

import re

import pytest

from scrapedown.page import clean_page, clean_page_result
from tests.conftest import best_cpu_seconds
from tests.page_fixtures import LONG, body, front, load, page

CASES: dict[str, tuple[list[str], list[str]]] = {
    # Substack: subscribe widgets inline and at the end, like/comment/share bars, comments
    "substack_post": (
        [
            "A month of flat loaves",  # the subtitle is the article's standfirst
            "looking like a frisbee",
            "## What a cold kitchen does to a starter",
            "> The recipe says eight hours.",
            "- Go by the rise, not the clock",
            "stopped asking whether I had given up",
        ],
        ["Subscribe", "reader-supported", "Share", "Discussion about this post",
         "proofing box", "More from Crumb Notes", "Rye without tears", "142", "Substack is"],
    ),
    # Ghost (Casper): title block with excerpt and feature image, kg cards, signup card,
    # comments and "Read more" cards after the article
    "ghost_post": (
        [
            "A thin patch can be rebuilt",
            "elbow.jpg",
            "Swiss darning, also called duplicate stitch",
            "Start a row below the thin area",  # a callout card is the article's
            "darning-row.jpg",
            "Half a row done",
            "## Finishing",
        ],
        ["Get the next repair guide", "No spam", "3 comments", "Members can comment",
         "Patching jeans", "Visible mending", "Powered by Ghost", "4 min read", "Sign in"],
    ),
    # Medium: member badge, author/follow/clap/listen/share bars, "Written by", "More from"
    "medium_post": (
        [
            "Why a flat retry policy",
            "payment backends slowed down",
            "budget-chart.png",
            "retryRatio: 0.1",
            "## Configuring the budget",
            "recovered on its own",
        ],
        ["Member-only", "Follow", "Listen", "Share", "6 min read", "Written by",
         "1.2K Followers", "More from", "Timeouts all the way down", "Recommended from Medium",
         "Careers", "Microservices"],
    ),
    # WordPress with Gutenberg blocks and Jetpack (subscriptions, sharing, likes, related)
    "wordpress_gutenberg": (
        [
            "chillies-1200x675.jpg",
            "genuinely happy indoors",
            "- ‘Prairie Fire’, tiny and very productive",
            "Seedlings at four weeks",
            "| Prairie Fire | 90 | Hot |",
            "> A chilli that is stressed",
            "**Tip:** turn the pot",
            "keeps the plant flowering",
        ],
        ["Type your email", "Subscribe", "Share this", "Like this", "Loading…",
         "Tomatoes in grow bags", "Posted in", "Tagged", "Chitting seed potatoes",
         "aphids", "Leave a Reply", "Recent Posts", "Proudly powered"],
    ),
    # Hugo (PaperMod): breadcrumbs, post meta, tags, prev/next, share buttons, giscus
    "hugo_papermod": (
        [
            "Every public API eventually needs a rate limiter",
            "## An implementation",
            "```go\nfunc (b *Bucket) Allow(now time.Time) bool {",
            "refused.",
        ],
        ["Home", "Suggest Changes", "5 min", "« Prev", "Context cancellation", "Concurrency",
         "giscus", "Powered by", "#\n", "[#]"],
    ),
    # Jekyll (minima): post meta, prev/next, utterances, a footer with an about blurb
    "jekyll_minima": (
        [
            "surprisingly consistent, but rarely accurate",
            "### What you need",
            "1. A bottle cap or small dish.",
            "| Bedroom | 80% | −5 |",
            "the kitchen the real problem",
        ],
        ["Jan 25, 2026", "Sizing a bathroom extractor fan", "lime plaster", "utteranc",
         "Notes on old houses", "lotte@example.net"],
    ),
    # Hexo (NexT): sidebar TOC and overview, reward (打赏) box, copyright box, follow-me,
    # tags, prev/next, Disqus; the code block is a line-number gutter table
    "hexo_next": (
        [
            "家里的老相机拍出来的照片没有时间水印",
            "## 读取拍摄时间",
            "```python\nfrom PIL import Image\nexif = Image.open(path).getexif()",
            "> 提示：先复制一份原图再处理",
        ],
        ["请我喝杯咖啡", "赞赏", "微信", "本文作者", "版权声明", "BY-NC-SA", "欢迎关注",
         "# Python", "树莓派", "胶片扫描", "Disqus", "站点概览", "阅读次数", "\n1\n2\n3"],
    ),
    # GitHub repository page: file list, sidebar, README with badges, code and a task list
    "github_readme": (
        [
            "tidecalc predicts the height of the tide",
            "## Install",
            "```shell\npip install tidecalc\n```",
            "```python\nfrom tidecalc import Port",
            "High and low water times",
            "Shallow-water constituents",
            "reproduced for testing only",
        ],
        ["Speed up the Fourier sum", "Last commit", "148", "Releases", "97.1%", "Skip to content",
         "Sign up", "Pricing", "Copy", "© 2026 GitHub", "Permalink"],
    ),
    # MkDocs Material: nav and TOC sidebars, edit buttons, admonitions, last update, footer nav
    "mkdocs_material": (
        [
            "A job that raises is retried",
            "## Backoff\n",
            "```python\nqueue = Queue(",
            "Warning",
            "A job that is not idempotent",
            "Set `QUEUEKIT_FAKE_CLOCK=1`",
            "## Giving up\n",
        ],
        ["Skip to content", "Installation", "Table of contents", "Edit this page", "¶",
         "Was this page helpful", "May 2, 2026", "Dead letters", "Material for MkDocs", "Search"],
    ),
    # Docusaurus: navbar, docs sidebar, breadcrumbs, "On this page", admonition, code block
    # with a copy button, edit link, last updated, pagination, desktop TOC
    "docusaurus_doc": (
        [
            "sends an HTTP `POST` to your endpoint",
            "## Verifying signatures\n",
            "```js\nconst expected = hmac(secret, rawBody);",
            "tip",
            "Respond with `200` within five seconds",
            "| `parcel.delivered` | The recipient or a neighbour signs. |",
        ],
        ["Skip to main content", "Guides", "Labels", "On this page", "Edit this page",
         "Last updated", "API reference", "Discord", "Built with Docusaurus", "Direct link"],
    ),
    # Sphinx with the Read the Docs theme: side nav, breadcrumbs, "View page source",
    # headerlinks, admonition, API entries, footer buttons
    "sphinx_rtd": (
        [
            "brewlog reads its settings from a TOML file",
            "## The config file\n",
            "```toml\n[fermenter]",
            "Note",
            "Temperatures are always in degrees Celsius",
            "BREWLOG_TARGET_C",
            "Return the merged settings as a dictionary",
        ],
        ["Search docs", "Installation", "View page source", "¶", "Previous", "Next",
         "© Copyright", "Built with", "Contents:"],
    ),
    # News article with a paywall teaser, inline "Read more" link and ad label
    "news_paywall": (
        [
            "The council voted 6-3",  # the standfirst
            "eastside-station.jpg",
            "since 1961",
            "leaves an $18 million gap",
            "push for a ballot measure",
        ],
        ["We use cookies", "BREAKING", "Facebook", "Gift this article", "Read more",
         "Residents pack hearing", "Advertisement", "Continue reading your article",
         "Already a subscriber", "$1 for 6 months", "news tip", "Most Read", "Ferry fares",
         "The Morning Courier", "Marco Ruiz", "All rights reserved"],
    ),
    # A live blog: updates as <article>s, share buttons, ad slots, related stories
    "news_liveblog": (
        [
            "## Power cuts spread to the coast",
            "about 40,000",
            "## Rail operator: no trains north of Carlisle today",
            "> Please do not travel.",
            "## Schools closed in three counties",
        ],
        ["Show 3 new updates", "Auto-update", "Copy link", "Advertisement", "Older posts",
         "Related stories", "amber warning means", "Accessibility"],
    ),
    # Stack Overflow: question and answers kept; votes, tags, user cards, comments, sidebar
    "stackoverflow_qa": (
        [
            "I build a generator of the squares",
            "```py\nsquares = (n * n for n in range(4))",
            "Is this a bug in my Python version?",
            "Not a bug: a generator expression is an *iterator*",
            "return (n * n for n in range(4))",
        ],
        ["Ask Question", "Viewed", "Improve this question", "Share", "asked", "315",
         "user avatar", "Generators are single use", "Add a comment", "Sorted by",
         "48.2k", "Not the answer", "Overflow Blog", "Hot Network Questions",
         "What does the \"yield\"", "Site design"],
    ),
    # Discourse (crawler view): posts of a thread kept; likes, related topics, footer
    "discourse_topic": (
        [
            "drop off for about four minutes",
            "keep the backhaul off the DFS channels?",
            "the scheduled channel optimisation",
            "marking this as solved",
        ],
        ["Likes", "Related topics", "Access point reboots", "Powered by Discourse",
         "Guidelines", "Networking"],
    ),
    # WeChat article (mp.weixin.qq.com): js_content, follow prompts, END, 往期推荐, 三连, 赞赏
    "wechat_mp": (
        [
            "很多人以为冬天阳台什么都种不了",
            "mmbiz.qpic.cn/mmbiz_jpg/AbCdEf/640",
            "## **一、菠菜**",
            "最后提醒一句：冬天浇水要在上午",
        ],
        ["点击上方蓝字", "END", "往期推荐", "阳台种番茄", "三连", "阅读原文", "喜欢作者",
         "赞赏", "留言", "小满", "预览时标签不可点", "微信扫一扫"],
    ),
    # Zhihu column: author card with follow button, votes, comment count, topics, actions
    "zhihu_zhuanlan": (
        [
            "线上一条查询突然变慢",
            "## 二、隐式类型转换",
            "v2-explain",
            "改写前后的执行计划对比",
            "给 b 单独建一个索引",
        ],
        ["关注", "赞同", "发布于", "IP 属地", "条评论", "申请转载", "收藏", "排查了一下午",
         "推荐阅读", "慢查询日志", "数据库工程师", "MySQL\n"],
    ),
    # CSDN: info bar, copyright notice, toolbar, extension card, comments, recommendations
    "csdn_blog": (
        [
            "很多人用 rsync 只会",
            "## 原理",
            "```bash\ntoday=$(date +%F)",
            "> 注意：源目录末尾的斜杠不能省",
        ],
        ["阅读量", "收藏", "点赞", "分类专栏", "文章标签", "版权声明", "本文链接", "关注",
         "技术交流群", "登录后", "rsync 命令详解", "热门文章", "ICP"],
    ),
    # Juejin: author block with follow, tags, column, comments, related; copy button in code
    "juejin_post": (
        [
            "Vue 3 自带的 provide/inject",
            "```js\nconst settings = reactive(",
            "provide('settings', readonly(settings))\n```",
            "## 需要注意的地方",
        ],
        ["关注", "阅读5分钟", "复制代码", "标签", "本文收录于", "评论 0", "登录 / 注册",
         "相关文章", "Pinia", "1,842"],
    ),
    # Jianshu: hashed class names, like bar, reward box, author card, collections, 推荐阅读
    "jianshu_post": (
        [
            "去年秋天我一个人开车走了一趟北疆环线",
            "## 证件和边防证",
            "1-duku.jpg",
            "独库公路北段",
            "油箱过半就加油",
        ],
        ["关注", "字数", "人点赞", "小礼物", "赞赏支持", "还没有人赞赏", "总资产",
         "喜欢旅行和摄影", "被以下专题收入", "推荐阅读", "川西小环线", "著作权归作者所有"],
    ),
    # cnblogs: signature with copyright, category/tags, digg/follow buttons, author card,
    # prev/next, post footer line, comments, ads
    "cnblogs_post": (
        [
            "能在不分配内存的情况下切片数组和字符串",
            "## 2. 在 async 方法里跨越 await",
            "需要独立副本时调用 `ToArray()`",
        ],
        ["本文版权归作者", "分类", "标签", "好文要顶", "关注我", "粉丝", "上一篇", "下一篇",
         "posted @", "阅读(", "评论列表", "编译器的报错信息", "登录后才能", "【推荐】",
         "公告", "Powered by"],
    ),
    # Next.js: CSS-module class names, React text separators, __NEXT_DATA__, inline newsletter
    "nextjs_article": (
        [
            "Sleeper services are back on a dozen routes",
            "At ten past nine on a Thursday evening",
            "## Full at the weekends",
            "berth.jpg",
            "A two-berth compartment",
            "fraction of the passengers",
        ],
        ["Get Transit Weekly", "No spam", "Sign up", "Copy link", "More features",
         "rebuilding the trams", "pageProps", "__next_f", "Open menu", "Media Ltd"],
    ),
    # AMP: amp-img lead picture, amp-ad, amp-social-share, amp-sidebar, amp-list
    "amp_article": (
        [
            "tide-table.jpg",
            "A tide table lists the times and heights",
            "## Springs and neaps",
            "rule of twelfths",
            "cross a bar an hour after low water",
        ],
        ["Advertisement", "Gear reviews", "See more", "non-AMP", "gtag", "By Owen Price"],
    ),
    # An article split into sections by inline ads and recommendation widgets
    "ad_split_article": (
        [
            "one in four clothing orders",
            "wipes out the margin twice over",
            "Several large chains have started charging",
            "reviews that say whether an item runs large or small",
            "showing up where shoppers do not see it",
        ],
        ["Advertisement", "Story continues below", "Recommended for you", "gadget",
         "Promoted Stories", "Doctors stunned", "Most popular", "Bond yields", "Lea Brandt |"],
    ),
}  # fmt: skip


def _loose(text: str) -> str:
    return re.sub(r"[ \t]+", " ", text)


@pytest.mark.parametrize("name", sorted(CASES))
def test_web_shape(name: str) -> None:
    keep, drop = CASES[name]
    result = clean_page_result(load(f"web/{name}.html"))
    out = _loose(body(result.text))
    assert [phrase for phrase in keep if _loose(phrase) not in out] == [], out
    assert [phrase for phrase in drop if phrase in out] == [], out
    assert not result.low_confidence


@pytest.mark.parametrize("name", sorted(CASES))
def test_web_shape_is_idempotent_once_written(name: str) -> None:
    """The post a page becomes is a fixed point of `clean` (through `clean_page` again: a
    post with front matter is no page and passes through `clean`)."""
    post = clean_page(load(f"web/{name}.html"))
    assert clean_page(post) == post


FRONT: dict[str, dict[str, str]] = {
    # the author of the post, not the name on a link card inside it (Ghost's bookmark card)
    "ghost_post": {"author": "Ines Berg", "date": "2026-01-08 18:30:00"},
    "substack_post": {"author": "Mara Lind", "title": "Why my sourdough stopped rising"},
    # the name in the author card, without its badge and its Follow button
    "zhihu_zhuanlan": {"author": "陈默", "title": "为什么你的数据库索引没有生效？"},
    "juejin_post": {"author": "前端小周"},
    "hexo_next": {"author": "小林", "date": "2026-02-20 12:30:00"},
    "news_paywall": {"author": "Dana Whitfield", "date": "2026-06-03 05:30:00"},
    "wordpress_gutenberg": {"author": "Priya Shah", "title": "Growing chillies on a windowsill"},
}


@pytest.mark.parametrize("name", sorted(FRONT))
def test_web_shape_front_matter(name: str) -> None:
    data = front(clean_page(load(f"web/{name}.html")))
    assert {key: str(data.get(key)) for key in FRONT[name]} == FRONT[name]


# ---------------------------------------------------------------- the general rules, one by one


def _body_of(inner: str, head: str = "<title>Tides</title>") -> str:
    return body(clean_page(page(head, inner)))


@pytest.mark.parametrize(
    ("table", "fence"),
    [
        # Pygments `linenos="table"` (Sphinx, MkDocs), language on the wrapper
        (
            "<div class='highlight-python'><table class='highlighttable'><tr>"
            "<td class='linenos'><div class='linenodiv'><pre>1\n2</pre></div></td>"
            "<td class='code'><div class='highlight'><pre>a = 1\nb = 2\n</pre></div></td>"
            "</tr></table></div>",
            "```python\na = 1\nb = 2\n```",
        ),
        # Rouge (Jekyll)
        (
            "<div class='language-ruby highlighter-rouge'><div class='highlight'>"
            "<pre class='highlight'>"
            "<code><table class='rouge-table'><tbody><tr><td class='rouge-gutter gl'>"
            "<pre class='lineno'>1\n</pre></td><td class='rouge-code'><pre>puts 1\n</pre></td>"
            "</tr></tbody></table></code></pre></div></div>",
            "```ruby\nputs 1\n```",
        ),
        # Hexo: the language is the figure's second class
        (
            "<figure class='highlight js'><table><tr><td class='gutter'><pre><span class='line'>1"
            "</span><br></pre></td><td class='code'><pre><span class='line'>let a = 1;</span><br>"
            "</pre></td></tr></table></figure>",
            "```js\nlet a = 1;\n```",
        ),
    ],
)
def test_line_number_gutters_are_unwrapped(table: str, fence: str) -> None:
    out = _body_of(f"<article><p>{LONG}</p>{table}<p>{LONG}</p></article>")
    assert fence in out
    assert "|" not in out


def test_a_two_column_table_of_numbers_and_code_names_is_data() -> None:
    """A table whose first column holds numbers but whose second holds no code block is data."""
    table = "<table><tr><td>1</td><td>Flood</td></tr></table>"
    out = _body_of(f"<article><p>{LONG}</p>{table}<p>{LONG}</p></article>")
    assert "| 1 | Flood |" in out


def test_permalink_marks_go_and_other_anchor_links_stay() -> None:
    out = _body_of(
        f"<article><h2 id='s'>Springs<a class='headerlink' href='#s'>¶</a></h2><p>{LONG} "
        "See <a href='#s'>#</a> above.</p></article>"
    )
    assert "## Springs\n" in out
    assert "[#](#s)" in out  # a mark inside running text is the author's


def test_copy_buttons_inside_code_go() -> None:
    out = _body_of(
        f"<article><p>{LONG}</p><pre><code>ls -l\n<span class='copy-code-btn'>复制代码</span>"
        f"</code><button>Copy</button></pre><p>{LONG}</p></article>"
    )
    assert "```\nls -l\n```" in out


def test_a_code_block_beside_a_copy_button_is_no_widget() -> None:
    block = (
        "<div class='codeBlockContainer'><pre><code>make install</code></pre>"
        "<button type='button' aria-label='Copy code'>Copy</button></div>"
    )
    assert "make install" in _body_of(f"<article><p>{LONG}</p>{block}<p>{LONG}</p></article>")


def test_a_task_list_is_no_widget() -> None:
    items = "".join(
        f"<li><input type='checkbox' disabled{' checked' if n else ''}> Step {n} done</li>"
        for n in range(3)
    )
    out = _body_of(f"<article><p>{LONG}</p><ul class='contains-task-list'>{items}</ul></article>")
    assert "Step 0 done" in out and "Step 2 done" in out


def test_a_title_block_keeps_its_standfirst_and_lead_picture() -> None:
    header = (
        "<header class='article-header'><h1>Spring tides</h1>"
        "<p class='excerpt'>Why the moon matters twice a month, and what it means for a"
        " harbour.</p>"
        "<figure><img src='/lead.jpg' alt='A harbour at low water'></figure>"
        "<button>Share</button></header>"
    )
    out = _body_of(
        f"<article>{header}<section class='content'><p>{LONG}</p><p>{LONG}</p></section></article>",
        head="<title>Spring tides | Coast</title>",
    )
    assert "Why the moon matters" in out and "lead.jpg" in out
    assert "Share" not in out and "# Spring tides" not in out


def test_a_site_header_with_the_site_name_as_h1_is_no_title_block() -> None:
    site = (
        "<div class='site-header'><h1><a href='/'>Coast</a></h1>"
        "<p class='tagline'>Notes from the shore</p></div>"
    )
    out = _body_of(
        f"<article>{site}<div class='entry'><h2>Spring tides</h2><p>{LONG}</p><p>{LONG}</p>"
        "</div></article>",
        head="<title>Spring tides | Coast</title>",
    )
    assert "Notes from the shore" not in out and "Consensus protocols" in out


def test_noscript_markup_left_as_text_is_no_hidden_article() -> None:
    """Tracking pixels inside `<noscript>` whose markup a parser kept as text do not make a
    page one that shows its text only without scripts."""
    pixels = "".join(
        f"<noscript>&lt;div style='position:absolute'&gt;&lt;img width=1 height=1 "
        f"src='https://b.example.com/b?P=abcdefghijklmnopqrstuvwxyz{n}&amp;T=0123456789'&gt;"
        "&lt;/div&gt;</noscript>"
        for n in range(40)
    )
    out = _body_of(f"<div class='nav'>{pixels}</div><div class='story'><p>{LONG}</p></div>")
    assert "Consensus protocols" in out
    assert "position" not in out and "b.example.com" not in out


@pytest.mark.parametrize(
    "make",
    [
        # noscript text full of `<` that never closes (the markup measure must stay linear)
        lambda n: page("", f"<p>{LONG}</p><noscript>" + "&lt;img " * n + "</noscript>"),
        # a code block of many lines in a gutter table, and many permalink marks
        lambda n: page(
            "",
            "<article><table><tr><td><pre>"
            + "1\n" * n
            + "</pre></td><td><pre>"
            + "x = 1\n" * n
            + "</pre></td></tr></table>"
            + f"<h2 id='a'>A<a href='#a'>¶</a></h2><p>{LONG}</p>" * (n // 50 + 1)
            + "</article>",
        ),
    ],
)
def test_new_page_rules_are_linear(make: object) -> None:
    assert callable(make)

    def timed(size: int) -> float:
        return best_cpu_seconds(clean_page, make(size))

    small, large = timed(2_000), timed(32_000)
    assert large < 40 * small + 0.1
