"""The built-in rules, as data (docs/url-rules.md: its table is generated from this module).

Order matters only where two rules could match the same URL: the first rule whose extractor
finds a valid target wins. Rules that are not here are deliberately absent: opaque shorteners
(t.co, bit.ly), share links, ``?next=`` parameters, origin CDNs (mmbiz.qpic.cn, zhimg, Medium),
jsDelivr/Statically mirrors — there is no generic "embedded URL anywhere" rule.
"""

from __future__ import annotations

from scrapedown.urls.extract import (
    CamoB64,
    CamoHex,
    CamoQuery,
    FirstUrlSegment,
    Fragment,
    GreedyTail,
    InoreaderB64,
    PathPattern,
    QueryParam,
    RawQuery,
)
from scrapedown.urls.rule import Rule
from scrapedown.urls.special import (
    Imgproxy,
    Photon,
    ProofpointV2,
    ProofpointV3,
    Thumbor,
    TranslateGoog,
)

_TAIL = PathPattern(r"/(?P<target>.+)")
_CAMO_HOSTS = (r"re:camo\.(?:[a-z0-9-]+\.)+[a-z0-9-]+",)
_GITHUB_HOSTS = ("github.com", "*.github.com", "*.githubusercontent.com")
_ARCHIVE_TODAY = ("archive.ph", "archive.today", "archive.is", "archive.li", "archive.vn",
                  "archive.fo", "archive.md")  # fmt: skip

# CORS, anti-hotlink and privacy proxies: images on; links opt-in (often API calls).
CORS_RULES: tuple[Rule, ...] = (
    Rule("workers_dev_query", ("*.workers.dev",), RawQuery(("url", "u", "target")),
         link="opt-in"),
    Rule("cors_path_prefix", ("cors-anywhere.herokuapp.com", "cors.bridged.cc"), _TAIL,
         link="opt-in", schemeless="http"),
    Rule("cors_path_prefix", ("thingproxy.freeboard.io",), PathPattern(r"/fetch/(?P<target>.+)"),
         link="opt-in", schemeless="http"),
    Rule("cors_path_prefix", ("yacdn.org",), PathPattern(r"/proxy/(?P<target>.+)"),
         link="opt-in", schemeless="http"),
    Rule("cors_query_whole", ("corsproxy.io",), RawQuery(("url",)), path=r"/?$", link="opt-in"),
    Rule("cors_query_param", ("api.allorigins.win",), QueryParam(("url",)), path=r"/raw/?$",
         link="opt-in"),
    Rule("cors_query_param", ("api.codetabs.com",), QueryParam(("quest",)),
         path=r"/v1/proxy/?$", link="opt-in"),
    Rule("cors_query_param", ("bird.ioliu.cn",), QueryParam(("url",)), path=r"/v1/?$",
         link="opt-in"),
)  # fmt: skip

# Image proxies and resizers that embed a public source URL: on for images and links.
IMAGE_RULES: tuple[Rule, ...] = (
    Rule("github_accelerator_prefix",
         ("ghproxy.com", "mirror.ghproxy.com", "gh-proxy.com", "ghfast.top", "ghp.ci"),
         PathPattern(r"/(?P<target>https?:/.+)"), target_hosts=_GITHUB_HOSTS),
    Rule("duckduckgo_iu", ("external-content.duckduckgo.com", "proxy.duckduckgo.com"),
         QueryParam(("u",)), path=r"/iu/?$"),
    Rule("google_proxy_fragment", (r"re:ci\d+\.googleusercontent\.com",), Fragment(),
         path=r"/proxy/", hints=(".googleusercontent.com",)),
    Rule("google_gadgets_proxy", (r"re:images\d*-focus-opensocial\.googleusercontent\.com",),
         QueryParam(("url",)), path=r"/gadgets/proxy/?$", hints=("-focus-opensocial.",)),
    Rule("camo_hex", _CAMO_HOSTS, CamoHex(), hints=("camo.",)),
    Rule("camo_query", _CAMO_HOSTS, CamoQuery(), hints=("camo.",)),
    Rule("camo_b64", _CAMO_HOSTS, CamoB64(), hints=("camo.",)),
    Rule("inoreader_camo", ("inoreader.com", "www.inoreader.com"), InoreaderB64(),
         path=r"/camo/"),
    Rule("feedly_img", ("img.feedly.com",), QueryParam(("url",)), path=r"/img/?$"),
    Rule("qq_read_image", ("read.html5.qq.com", "cdn.read.html5.qq.com"),
         GreedyTail("imageUrl"), path=r"/image/?$"),
    Rule("baidu_image_search", (r"re:gimg\d*\.baidu\.com",),
         PathPattern(r"/image_search/(?:[^&/]*&)*?src=(?P<target>[^&]*)", source="path",
                     decode=True),
         path=r"/image_search/", hints=(".baidu.com",)),
    Rule("baidu_it_u", (r"re:t\d+\.baidu\.com",), PathPattern(r"/it/u=(?P<target>.+)&fm="),
         path=r"/it/u=https?(?::|%3a)", hints=(".baidu.com",)),
    Rule("weserv", ("images.weserv.nl", "wsrv.nl"), QueryParam(("url",), ssl_prefix=True),
         path=r"/?$", schemeless="http"),
    Rule("next_image", ("*",), QueryParam(("url",)), path=r"/_(?:next|vercel)/image/?$",
         relative=True, hints=("/_next/image", "/_vercel/image")),
    Rule("netlify_images", ("*",), QueryParam(("url",)), path=r"/\.netlify/images/?$",
         relative=True, hints=("/.netlify/images",)),
    Rule("nuxt_ipx", ("*",),
         PathPattern(r"/_ipx/(?:_|[a-z]+_[^/,&]*(?:[,&][a-z]+_[^/,&]*)*)/(?P<target>.+)"),
         relative=True, hints=("/_ipx/",)),
    Rule("cloudflare_image", ("*",), PathPattern(r"/cdn-cgi/image/[^/]*/(?P<target>.+)"),
         path=r"/cdn-cgi/image/[^/]*=", relative=True, hints=("/cdn-cgi/image/",)),
    Rule("cloudinary_fetch", ("res.cloudinary.com",), FirstUrlSegment(r"/[^/]+/image/fetch/")),
    Rule("substack_fetch", ("substackcdn.com",), FirstUrlSegment(r"/image/fetch/")),
    Rule("photon", (r"re:i[0-3]\.wp\.com",), Photon(), hints=(".wp.com",)),
    Rule("amp_cache", ("*.cdn.ampproject.org",),
         PathPattern(r"/(?:c|i|r|ii/w\d+)/s/(?P<target>.+)", "https://{target}")),
    Rule("amp_cache", ("*.cdn.ampproject.org",),
         PathPattern(r"/(?:c|i|r|ii/w\d+)/(?!s/)(?P<target>.+)", "http://{target}")),
    Rule("sina_k", ("k.sinaimg.cn",),
         PathPattern(r"/n/(?P<target>.+?\.(?:jpe?g|png|gif|webp))/w\d+[a-z0-9]*\."
                     r"(?:jpe?g|png|gif|webp)$", "{scheme}://n.sinaimg.cn/{target}",
                     source="path")),
)  # fmt: skip

# Self-hosted engines and archives: off until enabled by name.
OPT_IN_RULES: tuple[Rule, ...] = (
    Rule("imgproxy", ("*",), Imgproxy(), img="opt-in", link="opt-in"),
    Rule("thumbor", ("*",), Thumbor(), img="opt-in", link="opt-in", schemeless="http"),
    Rule("imagekit_remote", ("ik.imagekit.io",), FirstUrlSegment(r"/[^/]+/"), img="opt-in",
         link="opt-in"),
    Rule("wayback", ("web.archive.org",),
         PathPattern(r"/web/\d{1,14}(?:[a-z]{2}_)?/(?P<target>.+)"), img="opt-in",
         link="opt-in", schemeless="http"),
    Rule("archive_today", _ARCHIVE_TODAY, PathPattern(r"/\d{4,14}/(?P<target>.+)"),
         img="opt-in", link="opt-in", schemeless="http"),
)  # fmt: skip

# Click-tracking redirectors: links only; unwrapping never changes where a link goes.
REDIRECT_RULES: tuple[Rule, ...] = (
    Rule("google_url", (r"re:(?:www\.)?google\.(?:com?\.[a-z]{2}|[a-z]{2,3})",),
         QueryParam(("url", "q")), path=r"/url/?$", img="never", hints=("google.",)),
    Rule("outlook_safelinks", ("*.safelinks.protection.outlook.com",), QueryParam(("url",)),
         img="never"),
    Rule("zhihu_link", ("link.zhihu.com",), QueryParam(("target",)), img="never"),
    Rule("weibo_sinaurl", ("weibo.cn", "m.weibo.cn"), QueryParam(("u",)),
         path=r"/sinaurl/?$", img="never"),
    Rule("juejin_link", ("link.juejin.cn",), QueryParam(("target",)), img="never"),
    Rule("csdn_link", ("link.csdn.net",), QueryParam(("target",)), img="never"),
    Rule("oschina_gotolink", ("www.oschina.net", "oschina.net"), QueryParam(("url",)),
         path=r"/action/GoToLink/?$", img="never"),
    Rule("jianshu_go_wild", ("www.jianshu.com", "jianshu.com"), QueryParam(("url",)),
         path=r"/go-wild/?$", img="never"),
    Rule("facebook_l", ("l.facebook.com", "lm.facebook.com"), QueryParam(("u",)),
         path=r"/l\.php$", img="never"),
    Rule("youtube_redirect", ("www.youtube.com", "youtube.com", "m.youtube.com"),
         QueryParam(("q",)), path=r"/redirect/?$", img="never"),
    Rule("steam_linkfilter", ("steamcommunity.com",), QueryParam(("url", "u")),
         path=r"/linkfilter/?$", img="never"),
    Rule("vk_away", ("vk.com", "m.vk.com"), QueryParam(("to",)), path=r"/away\.php$",
         img="never"),
    Rule("slack_redir", ("slack-redir.net",), QueryParam(("url",)), path=r"/link/?$",
         img="never"),
    Rule("proofpoint_v2", ("urldefense.proofpoint.com",), ProofpointV2(), path=r"/v2/url/?$",
         img="never"),
    Rule("proofpoint_v3", ("urldefense.com",), ProofpointV3(), path=r"/v3/__", img="never"),
    Rule("translate_goog", ("*.translate.goog",), TranslateGoog(), img="never",
         link="opt-in"),
)  # fmt: skip

BUILTIN_RULES: tuple[Rule, ...] = CORS_RULES + IMAGE_RULES + OPT_IN_RULES + REDIRECT_RULES

#: Every built-in rule name, for validating `enable`/`disable`.
BUILTIN_NAMES: frozenset[str] = frozenset(rule.name for rule in BUILTIN_RULES)
