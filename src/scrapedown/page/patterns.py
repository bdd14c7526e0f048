"""Boilerplate inside an article, as data: the labels and lines that mark it, by language.

An article element chosen from a page still carries furniture: a "Related articles" heading
over a list of teasers, a "Comments" section, "About the author", a newsletter prompt, an
"Advertisement" label over an empty ad slot, a photo credit under every picture. The tuples
here name them in English, German, French, Spanish, Italian, Portuguese, Dutch, Polish and
Chinese (add your own through `PageOptions`). Each pattern is matched, case-insensitively,
against the *whole* normalised text of one short block (whitespace collapsed, trailing
`:?!.…»>` and bullets stripped), never searched inside running text, so a sentence that
mentions "comments" or "相关" is never touched.

This module is imported while `scrapedown.options` loads: plain data only.
"""

from __future__ import annotations

#: A heading (or a short label block) reading like one of these opens a section of page
#: furniture: the label and what follows it are removed, up to the next heading of the same
#: or a higher level or the next paragraph of running text (related and recommended posts,
#: newsletter prompts, share bars). Comment and author sections (below) go whole.
SECTION_LABELS: tuple[str, ...] = (
    # related, recommended, popular (English)
    r"(?:related|similar|recommended|popular|trending|latest|recent|top|featured|more)"
    r"(?: \w+)?(?: (?:articles?|posts?|stories|news|reads?|content|videos?|topics|links|for you))",
    r"related|recommended(?: for you)?|trending(?: now)?|popular",
    r"most (?:read|popular|viewed|shared)",
    r"(?:read|watch) (?:more|next|also)|also read|more (?:from|on|in|about|like this) .{1,40}",
    r"you (?:may|might|could) (?:also )?(?:like|enjoy|be interested in)|don'?t miss|up next",
    r"(?:more )?stories you might like|what to read next|keep reading|further reading on .{1,40}",
    r"(?:latest|more) (?:on|about) .{1,40}|discover (?:our|more) .{1,40}|recommended reading",
    # German
    r"(?:das|dies)(?: \w+)? könnte (?:sie|dich|euch) (?:auch |ebenfalls )?interessieren",
    r"(?:auch|ebenfalls) interessant|zum weiterlesen|lust auf mehr|viel gelesen(?: .{1,40})?",
    r"mehr (?:zum thema|zu diesem thema|themen|interessantes|aus .{1,40}|von .{1,40}|dazu"
    r"|artikel|nachrichten|infos?|zu .{1,40})(?: .{1,40})?|noch mehr .{1,40}",
    r"entdecke (?:weitere|mehr) .{1,40}|empfehlungen aus .{1,40}|themen im artikel",
    r"(?:weitere|ähnliche|verwandte|aktuelle|neueste|beliebte|passende|empfohlene)"
    r"(?: aktuelle| neueste)?"
    r" (?:artikel|beiträge|themen|nachrichten|meldungen|berichte|news|links|rezepte)(?: .{1,40})?",
    r"lesen sie (?:auch|mehr|weiter)(?: die folgenden (?:beiträge|artikel))?"
    r"|(?:schon|auch) gelesen|meist(?:gelesen|geklickt|kommentiert)",
    r"empfehlungen(?: der redaktion)?|top[- ]themen|das interessiert (?:andere|sie)",
    # "Weitere Tourentipps in Schweden", "Videos zum Thema", "Beiträge aus dem Forum"
    r"(?:weitere|mehr|ähnliche|neue) \w*(?:tipps|ideen|rezepte|artikel|beiträge|videos|bilder"
    r"|fotos|podcasts|themen|meldungen|nachrichten)(?: .{1,40})?",
    r"(?:videos?|audios?|bilder|fotos|podcasts?|bildergalerien?|beiträge|artikel|dossiers?)"
    r" (?:zum thema|aus dem forum|aus der community)(?: .{1,40})?",
    r"meist[- ]?(?:gelesen|geklickt|kommentiert|diskutiert|geteilt|gesehen)e?",
    r"(?:kommende|nächste|aktuelle) (?:events|termine|veranstaltungen)|upcoming events"
    r"|termine(?: (?:/|und|&) \w+)?",
    r"(?:unsere|our) partner(?:s|innen)?(?: .{1,40})?|über diese (?:reihe|serie)|about this series",
    r"(?:also|auch|aussi|también) (?:on|auf|bei|sur|en) [\w-]+\.[a-z]{2,6}",
    # French, Spanish, Italian, Portuguese, Dutch, Polish
    r"(?:à )?lire aussi|sur le même (?:sujet|thème)|articles? (?:similaires|liés)|les plus lus",
    r"vous aimerez (?:aussi|peut-être)|(?:lea|lee) (?:también|más)|te puede interesar",
    r"(?:noticias|artículos|notas|contenidos?) relacionad[oa]s|lo más leído|más leídas",
    r"relacionad[oa]s|últimas noticias|notas de interés|lo último|schwerpunkte",
    # a post's tag and category boxes under a heading of their own ("Tags", "Schlagworte")
    r"tags|schlagw(?:o|ö)rter|stichw(?:o|ö)rter|kategorien|categories|etiquetas",
    r"dans la même rubrique|à lire (?:aussi|également)|temas relacionados|video recomendado",
    r"(?:(?:audios? et )?vidéos?|articles?|dossiers?) sur (?:le|ce) (?:même )?(?:sujet|thème)",
    r"leggi anche|articoli correlati|potrebbe interessarti|leia também|veja também",
    r"(?:notícias|artigos) relacionad[oa]s|lees ook|gerelateerde artikelen|meer nieuws",
    r"(?:zobacz|czytaj) (?:też|także|również|więcej)|polecamy|najczęściej czytane|podobne artykuły",
    # Chinese
    r"相关(?:文章|阅读|新闻|推荐|链接|资讯|内容|话题)|(?:推荐|延伸|扩展|拓展|猜你)(?:阅读|喜欢)",
    r"热门(?:文章|推荐|新闻|阅读|标签)?|精彩推荐|更多(?:文章|阅读|新闻|精彩|内容)|最新(?:文章|新闻|资讯)",
    r"你(?:可能|也许)(?:还)?(?:喜欢|感兴趣)|为你推荐|看了又看",
    # WeChat and other platforms' lists of the account's earlier posts
    r"往期(?:推荐|回顾|精选|精彩|文章|热文)(?:阅读)?|历史(?:文章|推荐)|精选(?:推荐|文章)",
    # further information and contact boxes (press releases, public offices)
    r"(?:weitere|zusätzliche) (?:informationen|infos)(?: (?:zu|zum|zur|über|für|rund um) .{1,50})?"
    r"|mehr informationen|zusatzinformationen|plus d'informations"
    r"|(?:more|further) information(?: (?:on|about) .{1,50})?",
    r"(?:presse|medien)?kontakt|ansprechpartner(?:in|innen)?|(?:press|media) contacts?"
    r"|contact(?: us)?|kontaktieren sie uns(?: .{1,40})?",
    # feedback prompts under the article ("Was this article helpful? Yes / No")
    r"(?:was|is) this (?:article|page|post|answer|information) (?:helpful|useful)",
    r"did you find this (?:article|page|post) (?:helpful|useful)",
    r"did you (?:like|enjoy) this (?:article|post)",
    r"(?:war|ist) (?:dieser|der|die|diese) (?:artikel|beitrag|text|seite|information) "
    r"(?:hilfreich|nützlich)|hat ihnen (?:dieser|der) (?:artikel|beitrag) gefallen",
    r"fanden sie (?:diesen|den) (?:artikel|beitrag|text) (?:hilfreich|nützlich|interessant)",
    r"cet article (?:vous )?a-t-il été utile",
    r"(?:hier können sie )?(?:den |diesen )?(?:artikel|beitrag) bewerten"
    r"|bewerten sie (?:diesen|den|dieses) (?:artikel|beitrag|produkt)",
    # share prompts and the way to the next post
    r"(?:möchten sie|willst du|möchtest du) (?:den|diesen) (?:artikel|beitrag) teilen"
    r"|(?:artikel|beitrag) gefallen\? .{0,40}teilen|be sociable,? share",
    r"vorschau auf den nächsten (?:artikel|beitrag)|(?:nächster|vorheriger) (?:artikel|beitrag)"
    r"|(?:next|previous) (?:article|post|story)",
    # cookie boxes around embeds
    r"(?:was sind|über|about|what are) cookies|(?:cookie|datenschutz)[- ]?(?:einstellungen|hinweis)"
    r"|cookie (?:settings|policy|notice)|privacy settings|externer inhalt|external content",
    r"rate this (?:article|post|story)|valora (?:esta|este) (?:noticia|artículo)",
    # a Q&A site's pointer to other questions under the answers
    r"not the answer you(?:'|’)re looking for\? .{0,120}|browse other questions tagged .{0,80}",
    # support and donation prompts
    r"unterstützen sie .{1,60}|unterstütze .{1,40}|jetzt spenden|support (?:us|our journalism)",
    r"become a (?:member|supporter|patron)|hazte (?:miembro|socio)(?: .{1,40})?",
    r"¿?(?:te|le) (?:ha )?(?:resultado|sido|fue) útil(?: este artículo)?",
    # newsletter and subscription
    r"(?:\w+ )?newsletter(?: \w+){0,3}|subscribe(?: to .{1,40}| now)?|sign up for .{1,40}",
    r"abonnieren sie .{1,40}|jetzt abonnieren|inscrivez-vous .{1,40}|suscríbete .{1,40}",
    r"(?:\d{4} )?nichts mehr (?:verpassen|versäumen)|never miss (?:a|an) \w+(?: again)?",
    # paywall boxes: the way to buy access, not the article
    r"wählen sie ihr(?:en)? (?:zugang|abo(?:nnement)?|angebot)(?: .{1,40})?"
    r"|(?:already a subscriber|subscribe to (?:continue|keep) reading)(?: .{1,40})?",
    r"订阅(?:我们)?|关注我们|扫码关注|扫描二维码",
    # share and tags
    r"share(?: this)?(?: (?:article|post|story|page))?(?: on)?|diesen artikel teilen|teilen",
    r"分享(?:到|本文|文章)?|partager(?: cet article)?|compartir|condividi|udostępnij",
)

#: Labels of author boxes: like `SECTION_LABELS`, but the whole section goes (a biography is
#: running text).
AUTHOR_LABELS: tuple[str, ...] = (
    r"authors?|autor(?:in|en)?|autorzy|auteur",
    r"about the authors?|über (?:den|die) autor(?:in|en)?|zum autor|zur autorin",
    r"à propos de l'auteur|sobre el autor|sull'autore|o autorze|作者简介|关于作者",
    r"fragen an (?:den|die) autor(?:in)?|(?:ask|questions? (?:for|to)) the author",
    r"(?:inne artykuły|weitere (?:artikel|beiträge)|mehr|autres articles|otros artículos"
    r"|other (?:articles|posts|stories)) (?:autora|des autors|der autorin|vom autor|von der autorin"
    r"|de l'auteur|del autor|by (?:the|this) author)",
)

#: Labels of comment sections (like `SECTION_LABELS`; kept with `PageOptions.keep_comments`).
COMMENT_LABELS: tuple[str, ...] = (
    # a singular "Response" or a "Reactions" heading is the article's own: number or plural
    r"\d+ (?:comments?|responses?|replies|reactions)|comments(?: \(\d+\))?",
    r"\d+ (?:comments?|responses?|replies|reactions|kommentare?|commentaires?|comentarios?)"
    r" (?:to|on|for|zu|auf|für|sur|à|a|en) .{1,80}",
    r"(?:leave|share|post|add|say) your (?:thoughts|comments?|reply|opinion|words)",
    r"leave a (?:reply|comment)|join the discussion|post a comment|add a comment",
    r"vos réactions(?: \(\d+\))?|réagissez|hinterlasse (?:jetzt )?einen kommentar",
    r"comments are closed|no (?:comments|responses?)(?: yet| so far)?|(?:bisher )?keine kommentare"
    r"(?: .{1,80})?|kommentare (?:geschlossen|deaktiviert)|be the first to comment",
    r"(?:\d+ )?kommentare?(?: \(\d+\))?|kommentieren|kommentar schreiben|diskutieren sie mit",
    r"(?:\d+ )?(?:commentaires?|comentarios?|commenti|komentarze?|reacties)(?: \(\d+\))?",
    r"(?:\d+ ?条?)?(?:评论|留言|网友评论|发表评论|热门评论|最新评论)(?: ?\(\d+\))?",
)

#: Class/id tokens of comment sections (kept with `PageOptions.keep_comments`); those of
#: eight letters or more are also found inside compound names (`articleComments`).
COMMENT_HINTS: frozenset[str] = frozenset(
    {
        "comment", "comments", "commentlist", "disqus", "respond", "response", "responses",
        "replies", "discussion", "kommentare",
    }
)  # fmt: skip

#: A short block whose whole text reads like one of these is removed on its own: ad labels,
#: share and print prompts, "continue reading" teasers.
DROP_LINES: tuple[str, ...] = (
    r"advertisement|advertising|sponsored(?: content)?|ad|anzeige|werbung|reklama",
    # reaction counters under a post or an answer ("2 Likes", "36人点赞", "赞同 326")
    r"\d[\d,]*+(?:\.\d+)?[km]? (?:likes|reactions|upvotes|votes|claps|views|shares|bookmarks)"
    r"|1 (?:like|reaction|upvote|vote|clap|view|share|bookmark)",
    r"[\d.,]+[kw万]? ?人?(?:点赞|赞同|喜欢|收藏|在看|赞)(?:了该文章)?"
    r"|(?:点赞|赞同|收藏|在看|阅读) ?[\d.,]+[kw万]?",
    # the end mark of a WeChat article ("END", "— END —")
    r"[-—–·\s]*end[-—–·\s]*",
    r"publicité|publicidad|pubblicità|advertentie|广告|推广",
    r"scroll (?:down )?to continue(?: with content)?|continue reading(?: below)?",
    r"print(?: this)?(?: (?:article|page|story))?|drucken|e-?mail|tweet|pin it|imprimer|drukuj"
    r"|imprimir|stampa",
    r"(?:asked|answered|edited|modified) (?:on )?\w{3} \d{1,2}(?:, \d{4})?(?: at \d{1,2}:\d{2})?",
    r"artikel (?:drucken|teilen|versenden|merken)|(?:diesen )?artikel teilen",
    r"(?:back|zurück) (?:to top|nach oben|zur übersicht)|nach oben|top|返回顶部",
    r"permalink|merken|pinnen|(?:rezept|seite) drucken|bild anzeigen|auf einer seite lesen",
    r"zurück zur (?:liste|listenansicht|übersicht)|alle anzeigen",
    r"(?:rezept|artikel|beitrag|tipp) (?:favorisieren|merken|speichern)",
    # account and shop buttons
    r"(?:jetzt |hier )?(?:kostenlos )?(?:registrieren|anmelden|einloggen)"
    r"|(?:register|sign up|sign in|log in)(?: now| here| for free)?",
    r"(?:jetzt |hier )?(?:buch |ticket |tickets )?(?:bestellen|kaufen)|(?:buy|order) (?:now|here)",
    r"(?:síguenos|siguenos|nos siga|siga-nos|folgen sie uns|folge uns|suivez-nous|follow us)"
    r"(?: (?:en|no|na|auf|sur|on))?",
    r"\(?(?:alle )?angaben ohne gewähr\)?|关注\S{0,10}(?:网|号|微信|微博|公众号|头条|抖音)",
    # downloads, toggles and shop notices of the page's widgets
    r"(?:(?:dieses|diesen|das|den) (?:skript|artikel|beitrag|text|dokument) )?als pdf"
    r"(?: herunterladen| speichern)?"
    r"|(?:download|save|print) (?:as |this (?:article |page )?(?:as )?)?pdf",
    r"(?:quellen|details|mehr|weniger) (?:ausblenden|einblenden|anzeigen)|show (?:more|less)"
    r"|read less|weniger lesen",
    r"(?:der artikel|das produkt|the item|the product) (?:wurde|was|has been) (?:erfolgreich |"
    r"successfully )?(?:hinzugefügt|added)(?: .{0,40})?",
    r"(?:ihr|dein|your) (?:warenkorb|einkaufswagen|shopping cart|cart|basket)"
    r" is[t]? (?:leer|empty)",
    # follow prompts
    r"(?:follow|folgen sie|folge|síguenos|siguenos|suivez-nous) .{1,60}"
    r"(?:twitter|facebook|instagram|telegram|youtube|linkedin|google news|whatsapp).{0,40}",
    # post meta: category, publication date, reading time (the front matter has them)
    r"(?:kategorien?|categor(?:y|ies)|rubrik|schlagw(?:o|ö)rter?|stichw(?:o|ö)rter|tags|themen)"
    r"\s*:.{0,60}",
    r"(?:veröffentlicht|publiziert|erschienen|published|posted|erstellt|aktualisiert|updated|opublikowano|publicado"
    r"|publié|release date)(?: (?:am|on|le|el|in))?\s*:?(?: .{0,60})?",
    r"(?:\d+ )?min(?:ute)?s?\.? (?:read|lesezeit|lesedauer|de lecture|de lectura)",
    r"(?:lesezeit|lesedauer):? .{0,20}|ten tekst przeczytasz.{0,30}|temps de lecture.{0,20}",
    r"reading time.{0,20}|przeczytanie zajmie.{0,20}|czas czytania.{0,20}",
    # a badge of a live page
    r"en vivo|en directo|en direct|ao vivo|live|liveticker",
    # a byline with its date (`By Evan Symon, August 14, 2020 2:30 pm`)
    r"(?:by|von|par|por) [^,|·•]{2,40}[,|·•] .{0,30}\b\d{4}\b.{0,20}",
    # a line that is only a date or a time (the date is in the front matter)
    r"\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}(?:,? \d{1,2}[:.]\d{2}(?: uhr)?)?",
    r"\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2})?)?|\d{1,2}:\d{2}(?: ?(?:am|pm|uhr))?",
    r"(?:\d{1,2}\.? )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|januar|februar"
    r"|märz|mai|juni|juli|oktober|dezember)[a-zä]*\.? \d{1,2},? \d{4}"
    r"(?:,? \d{1,2}:\d{2}(?: ?[ap]m)?)?",
    r"\d{1,2}\.? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|januar|februar|märz|mai"
    r"|juni|juli|oktober|dezember)[a-zä]*\.? \d{4}",
    # a date with its time, or with a link to the comments (`19. Oktober 2019 15:07`,
    # `26 de abril de 2022 1:04 PM`, `6. November 2023 | 3 Kommentare`)
    r"(?:\d{1,2}\.? (?:jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)[a-zä]*\.?"
    r"|\d{1,2} de [a-z]+ de) \d{4}(?:,? \d{1,2}[:.]\d{2}(?: ?(?:[ap]\.?m\.?|uhr))?)?"
    r"(?: ?[|·•]? ?\d+ (?:kommentare?|comments?|comentarios?|commentaires?))?",
    # a date line with its time, zone and update (`Dec. 6, 2024, 10:00 PM UTC / Updated Dec. 7`)
    r"(?:(?:posted|published|updated) )?(?:on )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.? \d{1,2},? \d{4},? (?:at )?\d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?(?: [a-z]{2,4})?"
    r"(?: ?[/|·•–-] ?(?:updated|modified) .{0,40})?",
)

#: A paragraph (up to `scrapedown.page.furniture.PROMPT_TEXT`) whose text *starts* like one of
#: these is the site talking, not the article: calls to subscribe, follow, donate or write in,
#: affiliate and opinion disclaimers, licence and comment-form notices, post footers ("This
#: entry was posted in"). Matched at the start of one leaf block only (a `<p>`, a heading, a
#: `<div>` with no block inside), so a sentence that merely mentions a newsletter stays.
PROMPT_LINES: tuple[str, ...] = (
    # subscribe, sign up, apps (English)
    r"subscribe (?:now |today )?(?:to|for) (?:our|the) ",
    r"(?:to (?:view|read|continue reading) the (?:full|rest of the) (?:story|article)"
    r"|first-time subscribers|if you(?:'|’)re seeing this message)",
    r"(?:for the latest (?:stories|news|updates|headlines)|get the latest news|never miss (?:the"
    r" latest|a story|an update|out)|stay (?:up to date|informed) with)",
    r"(?:do you want to|would you like to|want to) (?:be informed|stay informed|receive|get) ",
    r"(?:sign up|register) (?:now |today |here )?(?:for|to) (?:our|the) (?:\w+ )?(?:newsletter"
    r"|daily|weekly|free)",
    # follow us
    r"(?:follow|like) (?:us|the [\w.-]+(?: [\w.-]+)?) on (?:twitter|facebook|instagram|telegram"
    r"|youtube|linkedin|tiktok|google news|whatsapp)",
    r"(?:s[ií]guenos|nos siga|siga-nos|folgen sie uns|folge uns|suivez-nous|seguici) (?:en|no|na"
    r"|auf|sur|su|on) ",
    # support and membership pitches
    r"if you (?:enjoyed|liked|value|appreciate[d]?) (?:reading )?(?:this|our)"
    r"|would you consider supporting|please consider supporting|support (?:our|independent)"
    r" journalism",
    r"hazte (?:miembro|socio)|jede (?:kleine )?spende|unterstützen sie (?:unsere|diese|uns)"
    r"|je fais un don|faites un don|zapraszamy (?:też |również )?do subskrypcji",
    # letters and feedback prompts
    r"we want to hear what you think|submit (?:a |your )?letter to the editor|(?:have|got) a"
    r" (?:news )?tip\?",
    # German newsletter and magazine prompts
    r"keine (?:neuigkeiten|news|artikel) .{0,40}mehr verpassen"
    r"|abonnieren sie (?:jetzt |kostenlos )?(?:unseren|den|die)|lust auf mehr\?"
    r"|melde dich (?:hier |jetzt )?für unseren newsletter",
    # affiliate, advertising and opinion disclaimers
    r"this (?:post|article|page|story) (?:contains|may contain|includes) (?:affiliate|references"
    r"|links|sponsored|paid)|we (?:may )?(?:receive|earn) (?:a )?(?:compensation|commission)",
    r"we recommend the best products|as an amazon associate|affiliate disclosure",
    r"\*?(?:werbung|anzeige)(?: / affiliate)?[.,:]? (?:dieser|enthält|dieses|der beitrag)"
    r"|(?:dieser|der) (?:beitrag|artikel|text) enthält (?:werbung|affiliate|anzeigen)",
    r"bei den (?:verlinkungen|links|mit \* markierten links) handelt es sich um"
    r"|für links auf dieser seite erhält|affiliate[- ]links?:",
    r"the (?:views|opinions) expressed (?:in|here|by)|les opinions exprimées|las opiniones"
    r" expresadas|(?:dieser )?beitrag gibt die meinung de[rs] autor",
    r"bei diesem (?:beitrag|text) handelt es sich um (?:einen|eine|ein)"
    r" (?:blog|gastbeitrag|kommentar)",
    r"letzte aktualisierung am [\d.]+ / ",
    r"¿?ya sabías que .{0,60}(?:telegram|whatsapp|newsletter|canal)",
    r"gefällt (?:dir|ihnen|euch) (?:unser|unsere|das) [\w-]+\?|bitte teilen sie uns (?:ihre|ihren)"
    r" (?:erfahrung|meinung)",
    # the site's shop, channel, club and other offers
    r"(?:jetzt neu! )?besuchen sie (?:unseren|unsere|unser) [\w-]*(?:shop|kanal|channel)"
    r"|visit our (?:\w+ )?(?:shop|store|channel)",
    r"¡?(?:mira|visita|suscríbete a) (?:lo que tiene )?nuestro canal|(?:abonnieren sie|folgen sie)"
    r" unserem? (?:youtube-|whatsapp-|telegram-)?kanal|subscribe to our (?:youtube )?channel",
    r"werden sie (?:jetzt )?mitglied|kennt? (?:ihr|du|sie) schon (?:unseren|unsere|unser) ",
    r"we need your help|wir brauchen (?:deine|ihre|eure) (?:hilfe|unterstützung)",
    r"(?:puede|pueden) escribirnos a|escríbenos a|schreiben sie uns (?:an|unter|eine)"
    r"|write to us at|écrivez-nous à",
    r"(?:medically|medizinisch|fachlich) (?:reviewed|geprüft) (?:by|von)"
    r"|dieser (?:text|artikel|beitrag) entspricht den vorgaben",
    # licence and comment-form notices
    r"(?:dieser|der) (?:text|beitrag|artikel|inhalt) (?:wurde|ist|steht) (?:veröffentlicht )?unter"
    r" (?:der|einer) (?:lizenz|creative)|this (?:work|article|post|text) is licensed under",
    r"um .{0,80} (?:kommentieren|bewerten) zu können, müssen sie",
    r"unless otherwise (?:stated|noted|indicated)|sofern nicht anders (?:angegeben|ausgewiesen"
    r"|vermerkt)|(?:all )?content (?:on this (?:site|page) )?is licensed under",
    r"(?:this site|diese website|diese seite) (?:uses|verwendet|nutzt) akismet",
    r"(?:your|deine|ihre) e-?mail[- ]?(?:address|adresse) (?:will|wird) (?:not|nicht|never|niemals)"
    r" (?:be )?(?:published|veröffentlicht)",
    r"you must be (?:logged in|registered)|du musst .{0,30}(?:eingeloggt|angemeldet) sein"
    r"|sie müssen (?:eingeloggt|angemeldet) sein",
    # cookie and privacy notices around embeds
    r"wir respektieren (?:deine|ihre) privatsphäre|(?:wir verwenden|diese (?:website|seite)"
    r" (?:verwendet|nutzt)) cookies|(?:we|this (?:web)?site) uses? cookies",
    # post footers (the date and categories are in the front matter)
    r"this entry was posted|(?:dieser )?(?:eintrag|beitrag|artikel) wurde (?:am |von |unter |in )"
    r".{0,60}(?:veröffentlicht|abgelegt|gespeichert|erstellt)",
    r"(?:erstellt|verfasst|geschrieben|veröffentlicht) (?:am|von)\s.{0,40}\d{4}\s*\Z",
    # Chinese: follow, subscribe, reprint notices
    r"(?:关注|订阅)(?:我们|本号|公众号)|扫(?:码|描二维码)关注|(?:本文|文章)(?:来源|转载自)",
    # WeChat: "click the blue words above to follow us", "share, like and 'wow' …"
    r"点击?(?:上方|下方|上面|下面|顶部|底部)?\S{0,6}(?:蓝字|名片|卡片|公众号)\S{0,4}关注"
    r"|(?:分享|点赞|在看|转发|收藏)[、，,和与 ]*(?:分享|点赞|在看|转发|收藏)"
    r"|(?:喜欢(?:本文|这篇文章)?(?:的话)?[，,]?)?(?:请|记得|欢迎)?(?:点个?|给个?)(?:赞|在看|关注)",
)

#: A short line starting like one of these, most of whose text is a link, points to another
#: post ("Lesen Sie auch: <title>", "MIRA: <title>"): removed.
READ_ALSO_LINES: tuple[str, ...] = (
    r"(?:read|see) (?:more|also)|related|more|lesen sie (?:auch|mehr)|auch interessant"
    r"|mehr zum thema|siehe auch|czytaj (?:też|także|również|więcej)|zobacz (?:też|także|również)?"
    r"|mira|lea (?:también|más)|lee (?:también|más)|leia (?:também|mais)|lire aussi|à lire"
    r"|leggi anche|相关阅读|延伸阅读|推荐阅读",
)

#: A short block starting like one of these is an image credit or a source line for a
#: picture, repeated under each one: removed (the picture and its caption stay).
CREDIT_LINES: tuple[str, ...] = (
    r"\(?(?:photo|photos|image|images|picture|credit|credits|foto|fotos|bild|bilder|bildquelle"
    r"|quelle|fuente|źródło|zdjęcie|crédit|crédits|crédito|titelbild|beitragsbild|headerbild"
    r"|fotocredit|bildnachweis|图片来源|图片|图源|摄影)(?: (?:photos?|credits?|fotos?))?\s*[:：/]",
    r"(?:photo|foto|bild|image|picture)s? (?:by|von|via|de|di)\s",
    r"(?:©|\(c\)|copyright)\s*\S",
    r"(?:getty images|shutterstock|istock(?:photo)?|adobe ?stock|clipdealer|imago|picture alliance)"
    r"(?:\s*/\s*\S.*)?",
)

#: Class/id stems that name an author box or a byline (`entry-author`, `saboxplugin-wrap`,
#: `artDetailAutor__text`): removed inside the article when short (`scrapedown.page.boxes`).
AUTHOR_HINTS: tuple[str, ...] = ("author", "autor", "byline", "saboxplugin", "verfasser", "vcard")

#: Class/id stems that name the credit of a picture (`span.credits`, `image-copyright`).
CREDIT_HINTS: tuple[str, ...] = (
    "credit", "copyright", "photographer", "fotograf", "bildnachweis", "bildquelle",
    "image-source", "imagesource", "img-source", "photo-source", "media-source", "caption--source",
    "image-author", "img-author", "photo-author", "photoauthor", "image__author", "imageauthor",
)  # fmt: skip

#: Where a credit starts at the end of a caption: `Foto: …`, `© …`, `… / Shutterstock`. Each
#: starts only at the start of a word, so a search is linear.
CAPTION_CREDITS: tuple[str, ...] = (
    r"(?<![^\s(\[|/.,;–—-])(?:photos?|foto|fotos|fot\.|bild|bilder|image|imagen|picture|credits?"
    r"|crédits?|crédito|quelle|fuente|source|źródło|zdjęcie|图片来源|图片|图源|摄影)\s*+[:：]",
    r"(?<![^\s(\[|/.,;–—-])(?:photo(?:graph)?|foto|picture|image) (?:by|von|de|di)\s",
    r"©|\(c\)\s",
    r"(?<![^\s(\[|,;])(?:[\w.-]++ ?/ ?)?(?:getty images|shutterstock|istock(?:photo)?|adobe ?stock"
    r"|clipdealer|imago|picture[- ]alliance|unsplash|pixabay|pexels|dpa|afp|reuters|ap photo)"
    r"(?:\.com)?\)?\s*+\Z",
)

#: Class/id stems of chrome found inside compound names (`relatedArticles`,
#: `article-comments-wrap`, `socialicons`): a class or id token containing one is a hint.
#: Only long, unambiguous stems: short ones (`ad`, `nav`) are matched as whole tokens only.
CHROME_HINT_STEMS: tuple[str, ...] = (
    "related", "share", "sharing", "social", "newsletter", "subscri", "sidebar",
    "breadcrumb", "cookie", "advert", "sponsor", "recommend", "authorbox", "author-box",
    "authorbio", "author-bio", "aboutauthor", "about-author", "author-info", "authorinfo",
    "readmore", "read-more", "moreposts", "morestories", "taboola", "outbrain", "disqus",
    "popular", "trending", "banner", "teaser", "promo",
    # what the site itself leaves out of the printed article (Bootstrap `d-print-none`,
    # `hidden-print`, Wikipedia's `noprint`): never the article's text
    "noprint", "no-print", "hidden-print", "print-none", "hide-print", "print-hide",
    "donotprint", "dontprint", "not-print", "screen-only",
    # donation and membership prompts, affiliate disclaimers (not `paywall`: sites mark the
    # article text behind the paywall with it)
    "donat", "spende", "affiliate", "membership-cta", "support-cta",
    # post meta boxes (`postmetadata`) and embedded cards of other posts (`wp-embedded-content`)
    "postmeta", "wp-embed",
    # a post's tag list (`post-taglist`, `tag-list-box`), the poster's card under a post or an
    # answer (`post-signature`, `user-info`, `author_avatar`), a blog's signature box with its
    # reprint notice (cnblogs `#MySignature`)
    "taglist", "tag-list", "tags-list", "avatar", "post-signature", "mysignature", "user-info",
    "userinfo", "user-details", "user-card", "usercard", "user-bio", "userbio",
    # like and vote buttons with their counts (`like-button-container`, `vote-count`)
    "like-button", "likebutton", "like-count", "likecount", "vote-count", "votecount",
)  # fmt: skip

#: Hint tokens that name layout more than furniture (`elementor-widget`, `site-header` around
#: everything): they make an element chrome only when it holds no running text.
WEAK_HINTS: frozenset[str] = frozenset(
    {
        "widget", "widgets", "header", "footer", "meta", "secondary", "skip", "modal", "overlay",
        "popup", "masthead", "topbar", "colophon", "likes", "tags", "promo", "teaser", "banner",
        "menu", "popular", "trending", "contact",
        # `entry-content-read-more` holds a whole article body on some sites
        "readmore", "read-more",
    }
)  # fmt: skip

#: The whole text of a heading's own anchor link (Sphinx and MkDocs `¶`, Hugo `#`, Docusaurus's
#: zero-width space): a mark to click, not a word of the heading (`scrapedown.page.codeblocks`).
PERMALINK_MARKS: frozenset[str] = frozenset(
    {"¶", "#", "§", "🔗", "⚓", "\u200b", "link", "permalink"}
)

#: Class/id stems of a button inside a code block (`copy-code-btn`, `ClipboardButton`):
#: removed from the code with its label (`Copy`, `复制代码`).
CODE_BUTTON_HINTS: tuple[str, ...] = ("copy", "clipboard")
