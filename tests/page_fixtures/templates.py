# ruff: noqa: E501  (the templates are HTML pages; their lines are markup, not code)
"""Page chrome written for the tests: seven realistic page layouts an article can be wrapped in.

Each template takes the article's facts and HTML and returns the whole page plus the chrome
phrases (menu items, footer lines, share labels, banner text …) that must not survive
extraction. The layouts imitate what scraped dumps contain — a WordPress theme, a Hexo NexT
theme, a Chinese news portal built of `<div>`s, a React site with generated class names and no
hints at all, a Medium-like reader with responses and recommendation cards, a Ghost theme, a
table layout from 2003 — but every line of
markup and text here was written for this project.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Facts:
    """What the page says about the article (goes to `<head>` and the title block)."""

    title: str
    date: str = "2022-07-14T03:35:43+00:00"
    author: str = "Jane Doe"
    site: str = "Lattice Notes"
    url: str = "https://lattice.example.org/posts/sample/"
    lang: str = "en"


Template = Callable[[Facts, str], tuple[str, tuple[str, ...]]]

_COOKIE = "We use cookies to analyse traffic and remember your preferences on Lattice Notes."
_NEWSLETTER = "Get the weekly digest of Lattice Notes delivered straight to your inbox."


def wordpress(facts: Facts, article: str) -> tuple[str, tuple[str, ...]]:
    """A WordPress theme: semantic tags, hinted classes, comments, cookie bar, Jetpack bits."""
    t = escape(facts.title)
    page = f"""<!DOCTYPE html>
<html lang="{facts.lang}"><head><meta charset="utf-8">
<title>{t} | {escape(facts.site)}</title>
<meta property="og:title" content="{t}"><meta property="og:site_name" content="{escape(facts.site)}">
<meta property="article:published_time" content="{facts.date}">
<link rel="canonical" href="{facts.url}"><link rel="stylesheet" href="/wp-content/themes/x/style.css">
<script>window.dataLayer=[];function gtag(){{dataLayer.push(arguments)}}</script></head>
<body class="post-template-default single single-post">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<div id="cookie-notice" class="cookie-notice"><p>{_COOKIE}</p><a class="button" href="#">Accept all cookies</a></div>
<div id="page" class="site"><header id="masthead" class="site-header">
<p class="site-title"><a href="/">{escape(facts.site)}</a></p><p class="site-description">Notes on distributed systems and tea</p>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">
<li class="menu-item"><a href="/">Home</a></li><li class="menu-item"><a href="/archives/">Archives</a></li>
<li class="menu-item"><a href="/reading-list/">Reading List</a></li><li class="menu-item"><a href="/about/">About the Author</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-42" class="post-42 post type-post status-publish format-standard hentry category-notes tag-ads">
<header class="entry-header"><h1 class="entry-title">{t}</h1><div class="entry-meta"><span class="posted-on">Posted on
<time class="entry-date published" datetime="{facts.date}">July 14, 2022</time></span> <span class="byline">by <a class="url fn n" href="/author/jane/">{escape(facts.author)}</a></span></div></header>
<div class="entry-content">
{article}
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a class="share-twitter" href="#">Share on Twitter</a></li><li><a class="share-facebook" href="#">Share on Facebook</a></li></ul></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline">Related Posts</h3>
<div class="jp-relatedposts-items"><p><a href="/posts/a/">Quorum reads without tears</a> In "Notes"</p><p><a href="/posts/b/">Vector clocks by hand</a> In "Notes"</p></div></div>
</div><footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/notes/">Notes</a></span><span class="tags-links">Tagged <a href="/tag/tea/">oolong-brewing</a></span></footer></article>
<nav class="navigation post-navigation"><div class="nav-links"><div class="nav-previous"><a href="/posts/prev/">Previous Post: Gossip protocols at the tea house</a></div></div></nav>
<div id="comments" class="comments-area"><h2 class="comments-title">3 thoughts on this post</h2><ol class="comment-list">
<li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">Kofi</b> says:</footer>
<div class="comment-content"><p>Thanks for writing this up, I finally understood why our staging cluster kept electing two leaders every Tuesday.</p></div></article></li>
<li class="comment"><article class="comment-body"><div class="comment-content"><p>Would love a follow-up on how this interacts with clock skew across regions, please consider it.</p></div></article></li></ol>
<div id="respond" class="comment-respond"><h3>Leave a Reply</h3><form action="/wp-comments-post.php"><p>Your email address will not be published.</p><textarea name="comment"></textarea><input type="submit" value="Post Comment"></form></div></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_search"><form><input name="s" placeholder="Search …"></form></section>
<section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul><li><a href="/p/1">Consistent hashing, gently</a></li><li><a href="/p/2">Why my raft log grew to 40 GB</a></li></ul></section>
<section class="widget widget_text"><h2 class="widget-title">About This Blog</h2><div class="textwidget"><p>Lattice Notes is a small blog about distributed systems, written between pots of oolong.</p></div></section></aside>
</div><footer id="colophon" class="site-footer"><div class="site-info">© 2024 {escape(facts.site)}. Proudly powered by WordPress | Theme: Lattice by Example Studio.</div></footer></div>
<script src="/wp-includes/js/jquery.min.js"></script></body></html>"""
    return page, (
        "Skip to content", _COOKIE, "Accept all cookies", "Notes on distributed systems and tea",
        "Reading List", "About the Author", "Share on Twitter", "Share on Facebook",
        "Quorum reads without tears", "Vector clocks by hand", "Gossip protocols at the tea house",
        "electing two leaders", "clock skew across regions", "Leave a Reply",
        "Your email address will not be published", "Consistent hashing, gently",
        "Why my raft log grew", "written between pots of oolong", "Proudly powered by WordPress",
        "oolong-brewing", "Posted on",
    )  # fmt: skip


def hexo_next(facts: Facts, article: str) -> tuple[str, tuple[str, ...]]:
    """A Hexo NexT theme: `itemprop=articleBody`, JSON-LD, sidebar overview, reward box."""
    t = escape(facts.title)
    page = f"""<!DOCTYPE html><html lang="{facts.lang}"><head><meta charset="UTF-8">
<meta name="generator" content="Hexo 6.3.0"><title>{t} | {escape(facts.site)}</title>
<meta name="description" content="A post on {escape(facts.site)}"><meta name="keywords" content="notes, systems">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"BlogPosting","headline":"{t.replace('"', "")}","datePublished":"{facts.date}","author":{{"@type":"Person","name":"{escape(facts.author)}"}},"publisher":{{"@type":"Organization","name":"{escape(facts.site)}"}}}}</script>
<link rel="canonical" href="{facts.url}"></head>
<body itemscope itemtype="http://schema.org/WebPage"><div class="headband"></div>
<main class="main"><header class="header" itemscope itemtype="http://schema.org/WPHeader"><div class="header-inner">
<div class="site-brand-container"><div class="site-meta"><a href="/" class="brand"><span class="site-title">{escape(facts.site)}</span></a><p class="site-subtitle">Steeped in consensus</p></div></div>
<nav class="site-nav"><ul class="main-menu menu"><li class="menu-item"><a href="/">Home</a></li><li class="menu-item"><a href="/tags/">Tags</a></li><li class="menu-item"><a href="/categories/">Categories</a></li><li class="menu-item"><a href="/archives/">Archives</a></li></ul></nav></div></header>
<div class="main-inner"><div class="content-wrap"><div class="content post posts-expand">
<article itemscope itemtype="http://schema.org/Article" class="post-block" lang="{facts.lang}">
<header class="post-header"><h1 class="post-title" itemprop="name headline">{t}</h1>
<div class="post-meta"><span class="post-meta-item"><span class="post-meta-item-text">Posted on</span>
<time title="Created" itemprop="dateCreated datePublished" datetime="{facts.date}">2022-07-14</time></span>
<span class="post-meta-item"><span class="post-meta-item-text">Views: </span><span id="busuanzi_value_page_pv">1024</span></span></div></header>
<div class="post-body" itemprop="articleBody">
{article}
</div>
<div class="reward-container"><div>Buy me a cup of milk tea, please</div><button>Donate</button></div>
<footer class="post-footer"><div class="post-tags"><a href="/tags/notes/" rel="tag"># notes-and-musings</a></div>
<div class="post-nav"><div class="post-nav-item"><a href="/p/prev/" rel="prev" title="Leases explained"><i class="fa fa-chevron-left"></i> Leases explained</a></div></div></footer></article></div></div></div>
<div class="toggle sidebar-toggle"><span class="toggle-line"></span></div>
<aside class="sidebar"><div class="sidebar-inner"><div class="site-overview-wrap"><div class="site-author"><p class="site-author-name" itemprop="name">{escape(facts.author)}</p>
<div class="site-description" itemprop="description">Writes about replicated state machines and milk tea.</div></div>
<nav class="site-state"><div class="site-state-item"><a href="/archives/"><span class="site-state-item-count">42</span><span class="site-state-item-name">posts</span></a></div></nav></div></div></aside></main>
<footer class="footer"><div class="footer-inner"><div class="copyright">© 2019 – 2024 <span class="author" itemprop="copyrightHolder">{escape(facts.author)}</span></div>
<div class="powered-by">Powered by <a href="https://hexo.io/">Hexo</a> &amp; <a href="https://theme-next.js.org/">NexT.Gemini</a></div>
<div class="busuanzi-count"><span class="post-meta-item-text">Total visitors</span> <span id="busuanzi_value_site_uv">8848</span></div></div></footer>
<div class="back-to-top"><span>0%</span></div></body></html>"""
    return page, (
        "Steeped in consensus", "Buy me a cup of milk tea", "notes-and-musings",
        "Leases explained", "Writes about replicated state machines", "Powered by",
        "NexT.Gemini", "Total visitors", "Views:",
    )  # fmt: skip


def news_portal(facts: Facts, article: str) -> tuple[str, tuple[str, ...]]:
    """A Chinese news portal built of `<div>`s: no semantic tags, `_`-suffixed title."""
    t = escape(facts.title)
    hot = "".join(
        f'<li><span class="num">{n}</span><a href="/news/{n}.html">热门新闻标题第{n}条：行业观察与深度解读</a></li>'
        for n in range(1, 9)
    )
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{t}_{escape(facts.site)}</title><meta name="keywords" content="科技,互联网" />
<meta name="description" content="{t}" /><meta name="publishdate" content="{facts.date}" /></head>
<body><div class="top_bar"><div class="w1000"><span class="fl">欢迎访问{escape(facts.site)}！</span><span class="fr"><a href="/login">登录</a> | <a href="/reg">注册</a></span></div></div>
<div class="header w1000"><div class="logo"><a href="/"><img src="/images/logo.png" alt="{escape(facts.site)}" /></a></div>
<div class="search_box"><form action="/search"><input type="text" name="q" value="请输入关键词" /><input type="submit" value="搜索" /></form></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/news/">新闻中心</a></li><li><a href="/tech/">科技频道</a></li><li><a href="/finance/">财经频道</a></li><li><a href="/sports/">体育频道</a></li><li><a href="/ent/">娱乐频道</a></li></ul></div>
<div class="crumbs w1000">当前位置：<a href="/">首页</a> &gt; <a href="/tech/">科技频道</a> &gt; 正文</div>
<div class="main_content w1000"><div class="left_col">
<div class="article_title"><h1>{t}</h1></div>
<div class="article_info">来源：本站原创　作者：{escape(facts.author)}　发布时间：{facts.date[:10]}　浏览次数：<span>1288</span></div>
<div class="article_content" id="article_content">
{article}
</div>
<div class="share_box">分享到：<a href="#" class="wx">微信好友</a><a href="#" class="wb">新浪微博</a><a href="#" class="qz">QQ空间</a></div>
<div class="page_turn"><p>上一篇：<a href="/tech/1.html">国产芯片产业链调研报告发布</a></p><p>下一篇：<a href="/tech/3.html">智能手机出货量季度数据出炉</a></p></div>
<div class="related_news"><h3>相关新闻</h3><ul><li><a href="/r/1.html">新能源汽车补贴政策调整解读</a></li><li><a href="/r/2.html">人工智能大模型应用落地观察</a></li><li><a href="/r/3.html">云计算厂商价格战再度升级</a></li></ul></div>
<div class="comment_box" id="comment"><h3>网友评论</h3><div class="comment_item"><p class="user">网友甲：</p><p>这篇文章分析得很透彻，希望以后多发一些类似的深度报道，期待后续的跟进内容。</p></div>
<div class="comment_item"><p class="user">网友乙：</p><p>作为从业者我觉得文中提到的几个问题确实存在，不过解决起来没有那么简单，需要时间。</p></div></div>
</div><div class="right_col"><div class="hot_list"><h3>热门排行</h3><ol>{hot}</ol></div>
<div class="ad_box"><a href="http://ads.example.net/click"><img src="/ad/300x250.jpg" alt="广告" /></a><p>广告合作请联系商务部</p></div></div></div>
<div class="footer"><p><a href="/about">关于我们</a> | <a href="/contact">联系我们</a> | <a href="/ads">广告服务</a> | <a href="/jobs">招聘信息</a></p>
<p>版权所有 © 2024 {escape(facts.site)} 京ICP备12345678号-1 违法和不良信息举报电话：010-12345678</p></div>
<script type="text/javascript">var _hmt = _hmt || [];</script></body></html>"""
    return page, (
        "欢迎访问", "请输入关键词", "新闻中心", "科技频道", "当前位置", "浏览次数", "分享到",
        "微信好友", "新浪微博", "QQ空间", "国产芯片产业链调研报告发布", "智能手机出货量季度数据出炉",
        "相关新闻", "新能源汽车补贴政策调整解读", "网友评论", "这篇文章分析得很透彻",
        "热门排行", "行业观察与深度解读", "广告合作请联系商务部", "关于我们", "联系我们",
        "版权所有", "京ICP备12345678号",
    )  # fmt: skip


def react_app(facts: Facts, article: str) -> tuple[str, tuple[str, ...]]:
    """A React site with generated class names: no hints, only tags and text density."""
    t = escape(facts.title)
    cards = "".join(
        f'<div class="css-1q2w3e"><a class="css-9o8i7u" href="/story/{n}"><h3 class="css-5t6y7u">Story {n}: notes from the incident review of the orchard cluster</h3>'
        f'<p class="css-0p9o8i">A short summary of what broke, why it broke and what the orchard team changed afterwards.</p></a></div>'
        for n in range(1, 5)
    )
    page = f"""<!doctype html><html lang="{facts.lang}"><head><meta charset="utf-8"/><title>{t} - {escape(facts.site)}</title>
<meta name="twitter:title" content="{t}"/><meta name="twitter:card" content="summary_large_image"/>
<meta name="author" content="{escape(facts.author)}"/><meta property="og:url" content="{facts.url}"/>
<style>.css-1dbjc4n{{display:flex}}</style></head><body><div id="__next"><div class="css-1dbjc4n r-13awgt0">
<header class="css-7c8v9b"><a class="css-1a2s3d" href="/">{escape(facts.site)}</a><div class="css-4f5g6h"><a href="/topics/">Topics</a><a href="/podcast/">Podcast</a><a href="/membership/">Become a member</a><a href="/signin/">Sign in</a></div></header>
<div class="css-2w3e4r"><div class="css-3e4r5t"><div class="css-k9l8j7"><a href="/topics/databases">Databases</a><a href="/topics/networks">Networks</a><a href="/topics/orchards">Orchards</a></div>
<div class="css-6y7u8i"><h1 class="css-z1x2c3">{t}</h1><div class="css-v4b5n6"><a href="/@jane">{escape(facts.author)}</a> · 7 min read</div>
<div class="css-m7n8b9">
{article}
</div>
<div class="css-l0k9j8"><button aria-label="clap">👏 312</button><button aria-label="bookmark">Save</button></div></div>
<div class="css-h7g6f5"><h2 class="css-d4s3a2">More from the orchard desk</h2>{cards}</div>
<div class="css-q1w2e3"><h2>Stay in the loop</h2><p>{_NEWSLETTER}</p><form><input type="email" placeholder="you@example.com"/><button>Subscribe</button></form></div></div></div>
<footer class="css-p0o9i8"><a href="/help">Help</a> <a href="/status">Status</a> <a href="/privacy">Privacy</a> <a href="/terms">Terms</a> <span>© 2024 Orchard Media Group</span></footer></div></div>
<script id="__NEXT_DATA__" type="application/json">{{"props":{{}}}}</script></body></html>"""
    return page, (
        "Become a member", "Sign in", "Orchards", "7 min read", "More from the orchard desk",
        "incident review of the orchard cluster", "what the orchard team changed", "Stay in the loop",
        _NEWSLETTER, "Orchard Media Group",
    )  # fmt: skip


def reader(facts: Facts, article: str) -> tuple[str, tuple[str, ...]]:
    """A Medium-like reader: `<main>` with the article and responses, `<article>` cards in an
    `<aside>`, a consent dialog, a JSON-LD `@graph`."""
    t = escape(facts.title)
    cards = "".join(
        f'<article><a href="/r/{n}"><h4>Recommended read {n}: shipping small, shipping often</h4></a><p>{n} min read · Mar {n}</p></article>'
        for n in range(1, 4)
    )
    page = f"""<!DOCTYPE html><html><head><title>{t} | by {escape(facts.author)} | {escape(facts.site)}</title>
<script type="application/ld+json">{{"@context":"http://schema.org","@graph":[{{"@type":"WebSite","@id":"#site","name":"{escape(facts.site)}"}},{{"@type":"NewsArticle","headline":"{t.replace('"', "")}","datePublished":"{facts.date}","author":[{{"@type":"Person","name":"{escape(facts.author)}"}}],"isPartOf":{{"@id":"#site"}},"inLanguage":"{facts.lang}","image":{{"@type":"ImageObject","url":"/cover/hero.jpg"}}}}]}}</script>
<link rel="canonical" href="{facts.url}"></head><body>
<div role="dialog" class="consent-layer"><p>Can we use cookies and similar technologies to personalise your reading experience?</p><button>Yes, I agree</button><button>Manage settings</button></div>
<nav aria-label="top"><a href="/">{escape(facts.site)}</a><a href="/write">Write a story</a><a href="/me/notifications">Notifications</a></nav>
<main><article><h1>{t}</h1><div class="byline"><a href="/@author">{escape(facts.author)}</a> · Follow · 9 min read</div>
<section>
{article}
</section></article>
<section class="responses"><h2>Responses (2)</h2><div class="response"><p>Great piece, bookmarking this for the next time our on-call rotation argues about retries.</p></div>
<div class="response"><p>I disagree with the second half, but the first half alone was worth the read, thank you.</p></div></section></main>
<aside><h3>Recommended from the reader</h3>{cards}</aside>
<footer><p>About · Help · Terms · Privacy · Get the reader app</p></footer></body></html>"""
    return page, (
        "personalise your reading experience", "Yes, I agree", "Manage settings",
        "Write a story", "Notifications", "Follow", "9 min read", "Responses (2)",
        "on-call rotation argues about retries", "worth the read", "Recommended from the reader",
        "shipping small, shipping often", "Get the reader app",
    )  # fmt: skip


def ghost(facts: Facts, article: str) -> tuple[str, tuple[str, ...]]:
    """A Ghost (Casper) theme: article header with byline, CTA box, read-more cards.

    Written after the other five were tuned, and measured before anything was changed for it.
    """
    t = escape(facts.title)
    cards = "".join(
        f"""<article class="post-card post"><a class="post-card-image-link" href="/p{n}/"><img class="post-card-image" src="/content/images/p{n}.jpg" alt=""></a>
<div class="post-card-content"><a class="post-card-content-link" href="/p{n}/"><header class="post-card-header"><h2 class="post-card-title">Another story from the greenhouse number {n}</h2></header>
<div class="post-card-excerpt">Notes on humidity sensors, the irrigation controller rewrite, and why the tomatoes kept splitting in August.</div></a>
<footer class="post-card-meta"><time class="post-card-meta-date" datetime="2022-06-0{n}">Jun {n}, 2022</time><span class="post-card-meta-length">5 min read</span></footer></div></article>"""
        for n in range(1, 4)
    )
    page = f'''<!DOCTYPE html><html lang="{facts.lang}"><head><meta charset="utf-8"><title>{t}</title>
<meta property="og:site_name" content="Greenhouse Log"><meta property="og:title" content="{t}"><meta property="article:published_time" content="{facts.date}"></head>
<body class="post-template"><div class="viewport"><header id="gh-head" class="gh-head outer"><div class="gh-head-inner inner"><div class="gh-head-brand"><a class="gh-head-logo" href="/">Greenhouse Log</a></div>
<nav class="gh-head-menu"><ul class="nav"><li class="nav-home"><a href="/">Home</a></li><li class="nav-sensors"><a href="/tag/sensors/">Sensors</a></li><li class="nav-irrigation"><a href="/tag/irrigation/">Irrigation</a></li></ul></nav>
<div class="gh-head-actions"><a class="gh-head-button" href="#/portal/signup">Subscribe</a></div></div></header>
<div class="site-content"><main id="site-main" class="site-main"><article class="article post">
<header class="article-header gh-canvas"><div class="article-tag post-card-tags"><span class="post-card-primary-tag"><a href="/tag/sensors/">Sensors</a></span></div>
<h1 class="article-title">{t}</h1><div class="article-byline"><div class="article-byline-content"><ul class="author-list"><li class="author-list-item"><a href="/author/kim/" class="author-avatar"><img class="author-profile-image" src="/content/images/kim.jpg" alt="Kim"></a></li></ul>
<div class="article-byline-meta"><h4 class="author-name"><a href="/author/kim/">Kim Okafor</a></h4><div class="byline-meta-content"><time class="byline-meta-date" datetime="2022-06-03">Jun 3, 2022</time><span class="byline-reading-time"><span class="bull">&bull;</span> 6 min read</span></div></div></div></div></header>
<section class="gh-content gh-canvas">
{article}
</section></article></main>
<section class="footer-cta outer"><div class="inner"><h2 class="footer-cta-title">Sign up for more like this.</h2><a class="footer-cta-button" href="#/portal">Enter your email<span>Subscribe</span></a></div></section>
<aside class="read-more-wrap outer"><div class="read-more inner">{cards}</div></aside></div>
<footer class="site-footer outer"><div class="inner"><section class="copyright"><a href="/">Greenhouse Log</a> &copy; 2024</section><nav class="site-footer-nav"><ul class="nav"><li><a href="/privacy/">Privacy policy</a></li></ul></nav><div class="gh-powered-by"><a href="https://ghost.org/" target="_blank">Powered by Ghost</a></div></div></footer></div></body></html>'''
    return page, (
        "Irrigation", "Enter your email", "Sign up for more like this",
        "Another story from the greenhouse", "tomatoes kept splitting", "6 min read",
        "Kim Okafor", "Privacy policy", "Powered by Ghost",
    )  # fmt: skip


def table_layout(facts: Facts, article: str) -> tuple[str, tuple[str, ...]]:
    """A 2003 news site laid out with a table: menu cell, article cell, print/e-mail links.

    Written after the other five; it led to two general fixes (layout-table cells as article
    containers, share/print and copyright lines recognised by their text).
    """
    t = escape(facts.title)
    menu = "".join(
        f'<tr><td class="menuitem"><a href="/sec{n}.htm">Section number {n}</a></td></tr>'
        for n in range(1, 9)
    )
    page = f"""<html><head><title>{t} - Old Harbor Gazette</title><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>
<body bgcolor="#ffffff"><table width="100%" border="0" cellpadding="0" cellspacing="0">
<tr><td colspan="2" class="top"><img src="/img/masthead.gif" alt="Old Harbor Gazette"><br><font size="1"><a href="/">Front page</a> | <a href="/archive.htm">Back issues</a> | <a href="/contact.htm">Letters to the editor</a></font></td></tr>
<tr><td width="180" valign="top" class="leftcol"><table>{menu}</table><p><font size="1">Weather: fog, clearing by noon.</font></p></td>
<td valign="top" class="body"><font face="Georgia"><h2>{t}</h2><p><i>Filed Tuesday</i></p>
{article}
<p><font size="1"><a href="/print.htm">Print this story</a> | <a href="/mail.htm">E-mail this story</a></font></p></font></td></tr>
<tr><td colspan="2" align="center"><hr><font size="1">All contents copyright 2003 Old Harbor Gazette Publishing. Reproduction prohibited without permission.</font></td></tr>
</table></body></html>"""
    return page, (
        "Front page", "Back issues", "Letters to the editor", "Section number 3", "Weather: fog",
        "Print this story", "E-mail this story", "Reproduction prohibited",
    )  # fmt: skip


TEMPLATES: tuple[Template, ...] = (
    wordpress, hexo_next, news_portal, react_app, reader, ghost, table_layout,
)  # fmt: skip
