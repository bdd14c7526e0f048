"""What counts as an article, and what counts as page chrome: plain data, no imports.

`PageOptions` takes its defaults from here, so a user can read, copy and extend each set
(``PageOptions(chrome_hints=CHROME_HINTS | {"gallery-strip"})``). This module is imported while
`scrapedown.options` loads: it must stay free of lxml and of other scrapedown modules.
"""

from __future__ import annotations

#: Elements that hold exactly the article text when a page marks one: taken whole (only
#: chrome inside them is pruned), best first.
ARTICLE_XPATHS: tuple[str, ...] = (
    "//*[@itemprop='articleBody']",
    "//*[@property='articleBody']",
)

#: Elements that hold the article together with some of its furniture (title block, share
#: bar, tags, comments): the article is searched inside the best of them, best first.
REGION_XPATHS: tuple[str, ...] = (
    "//article",
    "//main",
    "//*[@role='main']",
)

#: Tokens of `class` and `id` values (split at anything that is not a letter or digit, lower
#: case) that mark an element as page chrome: navigation, sidebars, share and comment widgets,
#: related-post lists, cookie banners, newsletter boxes, advertising, post meta lines.
CHROME_HINTS: frozenset[str] = frozenset(
    {
        # navigation and page frame
        "nav", "navbar", "navigation", "menu", "menubar", "submenu", "breadcrumb",
        "breadcrumbs", "crumb", "crumbs", "pagination", "pager", "masthead", "topbar",
        "header", "footer", "colophon", "copyright", "skip",
        # sidebars and widgets
        "sidebar", "widget", "widgets", "secondary",
        # share and social
        "share", "sharing", "shares", "social", "sharedaddy", "addtoany", "a2a", "sharethis",
        "shareaholic", "likes",
        # comments: `scrapedown.page.patterns.COMMENT_HINTS` (kept on request)
        # related and recommended posts
        "related", "relatedposts", "yarpp", "recommended", "recommend", "popular", "trending",
        "prevnext", "postnav",
        # cookie and consent banners, modals
        "cookie", "cookies", "consent", "gdpr", "onetrust", "modal", "popup", "overlay",
        # newsletter and subscription boxes
        "newsletter", "subscribe", "subscription", "signup",
        # advertising
        "ad", "ads", "advert", "advertisement", "adsense", "sponsor", "sponsored", "promo",
        # post furniture that becomes front matter (date, author, tags)
        "byline", "meta", "postmeta", "tags", "tagcloud",
        # contact boxes of press releases (weak: only without running text)
        "contact",
    }
)  # fmt: skip

#: Class/id tokens of the page's footer. A weak hint elsewhere (an article's own footer holds
#: its notes), but a box so named that holds only a small share of the page's running text
#: (`scrapedown.page.score.FRAME_SHARE`) is the site's footer: copyright, imprint, an "about
#: us" blurb, however long its sentences.
FRAME_HINTS: frozenset[str] = frozenset(
    {"footer", "colophon", "fusszeile", "seitenfuss", "sitefooter", "pagefooter", "piedepage"}
)

#: Elements that are chrome wherever they are.
CHROME_TAGS: frozenset[str] = frozenset({"nav", "form", "dialog"})

#: Elements that are chrome outside an `<article>` (the page's header, footer and sidebars);
#: inside one they are the article's own header/footer and are judged by their content.
PAGE_FRAME_TAGS: frozenset[str] = frozenset({"header", "footer", "aside"})

#: ARIA landmark roles of chrome.
CHROME_ROLES: frozenset[str] = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog"}
)

#: Elements never judged chrome by their class or id: inline formatting, table cells and
#: images carry class names such as `comment` (syntax highlighting) or `sidebar-icon` that
#: say nothing about page chrome.
HINT_EXEMPT_TAGS: frozenset[str] = frozenset(
    {
        "span", "em", "strong", "b", "i", "u", "s", "code", "kbd", "samp", "var", "sup", "sub",
        "font", "small", "mark", "abbr", "time", "img", "picture", "td", "th", "tr", "tbody",
        "thead", "tfoot", "table", "pre", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5",
        "h6", "p", "blockquote", "body", "html", "main",
    }
)  # fmt: skip

#: Elements that say they are an article (`<article>`, `itemprop="articleBody"`): a chrome
#: word among their class names is a theme's feature flag (`<article class="enable-pin-share
#: hentry">`, `post has-sidebar`) more often than a share bar, so it counts as a weak hint:
#: chrome only when the element holds no running text.
ARTICLE_TAGS: frozenset[str] = frozenset({"article"})
ARTICLE_PROPS: frozenset[str] = frozenset({"articlebody"})

#: Class names that name a taxonomy term or a post state rather than a part of the page
#: (WordPress `tag-ads`, `category-social`): ignored when looking for chrome hints.
HINT_IGNORED_PREFIXES: tuple[str, ...] = (
    "tag-", "category-", "cat-", "format-", "status-", "type-", "postid-", "author-", "has-",
    "post-type-",
)  # fmt: skip

#: A short block matching one of these is a post's meta line (date, reading time, view count)
#: or a site's copyright line, not article text: `Posted on 2022-07-14`, `7 min read`,
#: `发布时间：2022年7月14日`, `© 2024 Example`, `版权所有`.
META_LINE_PATTERNS: tuple[str, ...] = (
    r"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b",
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日",
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}\b",
    r"\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}\b",
    r"\b\d+\s*(?:min|mins|minutes?)\s+read\b",
    r"(?:阅读|浏览|点击)(?:量|数|次数)?\s*[:：]?\s*\d+",
    r"©|&copy;|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b|版权所有|ICP备",
)

#: Elements that make a box interactive: a box with them and little text is a widget (search,
#: newsletter sign-up, share buttons, cookie consent, reactions).
CONTROL_TAGS: frozenset[str] = frozenset({"form", "input", "button", "select", "textarea"})

#: A short line of links matching one of these is a share or print bar, wherever it is:
#: `Print this story | E-mail this story`, `Tweet`, `分享到：微信 微博`.
SHARE_LINE_PATTERNS: tuple[str, ...] = (
    r"\b(?:share|sharing|tweet|retweet|print|e-?mail|pin it|whatsapp|facebook|twitter|linkedin"
    r"|reddit|telegram|weibo|wechat)\b",
    r"分享|转发|打印|收藏|微信|微博|QQ空间",
)
