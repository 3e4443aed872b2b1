"""Every number and word list that shapes a decision, in one place.

Each constant says what it does, its unit, and why it has its value. Functions elsewhere take
their thresholds from here; a literal threshold inside a stage is a defect.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# ---------------------------------------------------------------------------------------------
# load: telling HTML from text
# ---------------------------------------------------------------------------------------------
SNIFF_BYTES = 4096
"""Bytes (or characters) read from the start of a page to find its encoding declaration and to
tell markup from text. Declarations sit in <head>, well inside this."""
SNIFF_MIN_TAGS = 3
"""Known HTML tags needed in the sniffed head for a page not starting with <html> or a doctype
to count as HTML. Plain text rarely holds three tag-like strings; a fragment of markup does."""

# ---------------------------------------------------------------------------------------------
# segment: which elements make blocks
# ---------------------------------------------------------------------------------------------
MAX_PATH = 48
"""Enclosing elements kept on a block's path (the nearest ones). Real pages nest 10-40 deep;
the cap keeps absurdly nested documents linear in memory."""
MAX_ROW_CHARS = 1200
"""A table row with more text than this is layout, not data: its cells' parts become blocks of
their own."""
MAX_CELL_CHARS = 400
"""A table cell with more text than this is a layout column (a sidebar, an article body), not a
datum: its row is layout."""
HIDDEN_WRAPPER_CHARS = 2000
"""An element hidden by its inline style (display:none, visibility:hidden) is skipped, unless it
holds at least this many characters of text: then it is a render trick (frameworks hide the
whole page until their scripts run) and is walked, marked with the class word "hidden"."""
IDENTIFIER_SHARE = 0.8
"""A block whose text is more than this share UUIDs (two or more of them) is dropped in segment:
anti-scraping markup spells a word one letter at a time between spans of UUIDs that its CSS
hides ("S", a UUID, "p", a UUID...)."""
HIDDEN_MEASURES = 64
"""At most this many style-hidden elements per page are measured for that (linear time; each
count stops at HIDDEN_WRAPPER_CHARS). A shop hides a dozen menus, popups and drawers before its
product's own hidden wrapper: at 8, the product of a wcxb-dev page went unread."""
ANSWER_KEY_WORDS = 8
"""An answer that the page's JSON-LD declares (an ``FAQPage``'s ``acceptedAnswer``) is known by
its first this many words; a hidden element whose text opens with them is read (search engines
take such data only for text on show: a collapsed answer waits for a click on its question).
Shorter answers are not matched ("Yes, it is." opens many things)."""
ANSWER_KEY_CHARS = 400
"""At most about this many characters of a block's or a hidden element's text are read to compare
its opening with what the page's JSON-LD declares (answers, reviews, the articleBody, the
description)."""
MAX_ANSWER_NODES = 2000
"""JSON-LD objects looked at per script for declared answers and product reviews (bounded time
on huge data)."""

# ---------------------------------------------------------------------------------------------
# features
# ---------------------------------------------------------------------------------------------
WRAP_WIDTH = 80
"""Characters per line when text density is measured as words per wrapped line (boilerpipe's
measure; 80 is the width its authors used)."""
UNSPACED_WORD_CHARS = 2.0
"""Characters of an unspaced script (Chinese, Japanese, Thai) that count as one word."""
TOPIC_MIN_CHARS = 4
"""Shortest word counted as a content word when a block's topic is compared with the title's
(shorter ones are mostly function words in European languages)."""
TOPIC_MIN_BLOCK_WORDS = 8
"""Blocks shorter than this get no title-topic measure (they are headings and labels, judged by
title_echo instead)."""
SPLIT_MAX_CHARS = 100_000
"""Length of a block's fingerprint from which its words are counted by its spaces and not
listed (:func:`declutter.features._text_measures`), unless few enough for the share-bar and
title-echo checks: a list of the 5 million words of a 25 MB text node took 300 MB. No content
decision changes; real blocks are far shorter (a long article's paragraph: a few thousand)."""

ECHO_WORDS_FACTOR = 2
ECHO_WORDS_SLACK = 3
"""A block of more than ECHO_WORDS_FACTOR x (title words) + ECHO_WORDS_SLACK words is not an
echo of the title, whatever it shares with it (it is prose about the same topic)."""
HINT_DECAY = 0.8
"""Each step further up the path multiplies a class/id hint by this: the nearest elements say
most about a block."""
STRONG_NEGATIVE_HINT = -2.0
"""An element whose class/id weight is this negative or worse (comments, newsletter, footer)
marks its whole subtree: positive words further up cannot outvote it."""
WRAPPER_SHARE = 0.6
"""An element holding more than this share of the page's text is a page wrapper; its class/id
words ("has-sidebar", "content-wrapper") describe the page, not a block, and are passed over."""
COMMENTED_MIN_WORDS = 300
"""A comments box holding more than WRAPPER_SHARE of the page's text (a long reader discussion
under a short article) is still a box when the sibling before it holds at least this many words
of positive prose ending like sentences: the article it comments on. A thread's opening post or
a short link post under its replies holds fewer."""
WRAPPER_BOX_HINT = -3.0
"""...unless its class/id weight is this negative or worse (cookie, consent, <nav>) and it holds
at most WRAPPER_BLOCK_SHARE of the page's blocks: a boilerplate box swollen by a long text (a
consent dialog's vendor list, a footer's list of towns), whose words count."""
WRAPPER_BLOCK_SHARE = 0.5
"""See WRAPPER_BOX_HINT. A wrapper that unclosed markup left around the whole page holds nearly
all the blocks, the page's <h1> and <main> with them."""
SIGNATURE_RULE_CHARS = 5
"""A block whose first line is a rule of at least this many underscores and nothing else is a
forum signature written into the post's text (phpBB prints "_________________" above it)."""
SIGNATURE_HINT = -3.5
"""...and weighs as one named in the markup (HINT_WORDS "signature")."""
REVIEW_TITLE_MIN = 2
"""A heading that opens with a star rating out of five and goes on with a title ("5.0 out of 5
stars Works great", "4,0 von 5 Sternen Gut") is the title of a customer review when the page
has at least this many: the shop's list of what buyers wrote. That heading and the blocks under
it, up to the next heading, weigh REVIEW_TITLE_HINT. One such heading is a critic's verdict.
On wcxb-dev, 3 product pages carry two or more (words under them: 60 gold, 5,113 not); no page
of another type does."""
REVIEW_TITLE_HINT = -4.0
"""See REVIEW_TITLE_MIN: the class/id weight of a customer review under its rated title, as if
its markup said "review" on a product page (PRODUCT_HINT_WORDS)."""
HINT_LIMIT = 4.0
"""Largest absolute class/id hint a block can carry, so markup words never outvote the text."""
REGION_MIN_BLOCKS = 3
"""A block's region is its nearest enclosing element holding at least this many blocks."""
REGION_LEVELS = 4
"""How many enclosing elements are considered when looking for a block's region."""

HINT_WORDS: dict[str, float] = {
    # Boilerplate: site chrome, navigation, promotion, social, legal. Negative.
    "nav": -2.5, "navbar": -2.5, "navigation": -2.5, "menu": -2.5, "menubar": -2.5,
    "breadcrumb": -3.0, "breadcrumbs": -3.0, "crumbs": -2.5, "topbar": -2.0, "masthead": -1.5,
    "footer": -2.5, "foot": -1.5, "colophon": -2.0, "copyright": -2.5, "header": -1.2,
    "sidebar": -2.5, "aside": -1.5, "widget": -2.0, "widgets": -2.0, "rail": -1.5,
    "complementary": -2.0, "banner": -1.5, "sitemap": -2.0,
    "related": -2.5, "recommended": -2.5, "recommendations": -2.5, "popular": -2.5,
    "trending": -2.5, "mostread": -2.5, "most": -1.0, "teaser": -2.0, "teasers": -2.0,
    "promo": -2.5, "promotion": -2.0, "sponsored": -2.5, "ad": -2.0, "ads": -2.5, "advert": -2.5,
    "advertisement": -2.5, "adsense": -2.5, "dfp": -2.0, "outbrain": -3.0, "taboola": -3.0,
    "share": -2.5, "sharing": -2.5, "social": -2.5, "sociallinks": -2.5, "follow": -1.5,
    "comment": -2.0, "comments": -2.5, "respond": -2.0, "reply": -1.0, "disqus": -3.0,
    "cookie": -3.0, "cookies": -3.0, "consent": -3.0, "gdpr": -3.0, "newsletter": -3.0,
    "subscribe": -2.5, "subscription": -2.0, "signup": -2.0, "login": -2.0, "signin": -2.0,
    "popup": -2.5, "modal": -2.0, "overlay": -1.5, "toolbar": -2.0, "pagination": -2.5,
    "pager": -2.5, "paging": -2.0, "tags": -1.5, "tagcloud": -2.5, "tag": -1.0, "categories": -1.0,
    "byline": -2.5, "author": -0.8, "bio": -1.5, "meta": -1.0, "postmeta": -1.5, "dateline": -0.5,
    "skip": -2.0, "skiplink": -2.5, "toc": -1.5, "print": -1.0, "rating": -1.0, "breaking": -1.0,
    "cta": -1.5, "sig": -1.5, "legal": -1.5, "disclaimer": -1.0,
    # A forum signature: under every post, never part of it, even in a box named for the post.
    "signature": -3.5, "signatures": -3.5, "signatur": -3.5,
    # phpBB's poster box beside each post: rank, post count, join date, place. (Other forums'
    # "userinfo"/"userdetails" boxes hold the poster's name or the whole post: not here.)
    "postprofile": -2.0,
    # The poster's title or rank under each name (XenForo "userTitle", vBulletin "usertitle",
    # "userrank"), XenForo's banner ("Staff Member") and extras (join date, custom fields) beside
    # it: never part of a post; strong enough to beat the post box's "message" and <article>
    # words and the smoothing towards the post beside it.
    "usertitle": -4.5, "userrank": -4.5, "userbanner": -4.5, "userextras": -4.5,
    # XenForo's bar under a post naming who reacted to it ("Reactions: name, name and 3 others"),
    # Invision's count of reactions under a post ("ipsReact_reactCount").
    "reactionsbar": -3.0, "ipsreact": -3.0,
    # A post's count of likes or votes, by its schema.org property (Discourse's "7 Likes",
    # a Q&A site's vote count): a counter, never text. At -3.0 a short counter still passed
    # the inside bar beside its post.
    "interactionstatistic": -4.0, "upvotecount": -4.0,
    "carousel": -1.5, "slider": -1.0, "hidden": -1.0, "offcanvas": -2.0, "dropdown": -2.0,
    "announcement": -1.5, "alert": -1.0, "notice": -1.0, "shoutbox": -2.0, "blogroll": -2.5,
    "archive": -1.0, "archives": -1.5, "feed": -0.5, "more": -0.5, "prev": -1.5, "next": -1.0,
    "previous": -1.5, "crosslinks": -2.0, "partner": -1.5, "partners": -1.5,
    "filter": -2.0, "filters": -2.0, "facet": -2.0, "facets": -2.0, "refine": -1.5,
    "reviews": -1.5, "upsell": -2.5, "upsells": -2.5, "crosssell": -2.5, "recentlyviewed": -2.5,
    "similar": -1.5, "navbox": -2.5,
    # A payment plan's box (a shop's table of monthly instalments per bank or card): no part
    # of the product's description, though its rows look like a table of data.
    "installment": -2.0, "installments": -2.0, "instalment": -2.0, "instalments": -2.0,
    "sorting": -1.5, "sortby": -1.5, "articles": -0.5, "posts": 0.0, "entries": 0.0,
    "stories": -0.5, "contents": 0.0,
    # Content: the main region. Positive.
    "article": 1.5, "articlebody": 3.0, "content": 1.0, "maincontent": 2.0, "main": 1.2,
    "post": 1.0, "postbody": 2.5, "entry": 1.2, "entrycontent": 2.5, "story": 1.5,
    "storybody": 2.5, "text": 0.7, "body": 0.7, "prose": 1.5, "blog": 0.5, "markdown": 1.5,
    "rst": 1.0, "document": 1.0, "docs": 0.8, "documentation": 1.0, "page": 0.3, "single": 0.5,
    "message": 0.8, "topic": 0.5, "thread": 0.8, "question": 1.0, "answer": 1.0, "answers": 1.0,
    "description": 1.0, "product": 0.5, "details": 0.5, "recipe": 1.0, "instructions": 1.0,
    "ingredients": 1.0, "lead": 0.8, "intro": 0.8, "summary": 0.5, "abstract": 1.0,
    "section": 0.3, "richtext": 1.5, "wysiwyg": 1.5, "editorial": 1.0, "bodytext": 1.5,
    # The same words in the languages class names are most often written in besides English
    # (German, French, Spanish, Portuguese, Italian, Dutch), each with its English twin's weight.
    "hauptmenue": -2.5, "menue": -2.5, "navegacion": -2.5, "navegacao": -2.5, "navigazione": -2.5,
    "fusszeile": -2.5, "fussbereich": -2.5, "rodape": -2.5, "pied": -1.5, "piede": -1.5,
    "kopfzeile": -1.2, "kopfbereich": -1.2, "entete": -1.2, "cabecera": -1.2, "cabecalho": -1.2,
    "seitenleiste": -2.5, "randspalte": -1.5, "marginalspalte": -1.5, "barralateral": -2.5,
    "werbung": -2.5, "publicite": -2.5, "publicidad": -2.5, "publicidade": -2.5,
    "pubblicita": -2.5, "reclame": -2.5, "advertentie": -2.5,
    "teilen": -2.5, "partage": -2.5, "partager": -2.5, "compartir": -2.5, "compartilhar": -2.5,
    "condividi": -2.5, "delen": -2.5,
    "kommentar": -2.0, "kommentare": -2.5, "commentaire": -2.0, "commentaires": -2.5,
    "comentario": -2.0, "comentarios": -2.5, "commento": -2.0, "commenti": -2.5, "reacties": -2.5,
    "verwandte": -2.5, "aehnliche": -2.5, "similaires": -2.5, "relacionados": -2.5,
    "relacionadas": -2.5, "correlati": -2.5, "gerelateerd": -2.5, "meistgelesen": -2.5,
    "impressum": -2.0, "datenschutz": -2.0, "abo": -2.0, "anmeldung": -2.0, "connexion": -2.0,
    "bildunterschrift": -0.5, "autor": -0.8, "auteur": -0.8, "autore": -0.8,
    "inhalt": 1.0, "hauptinhalt": 2.0, "contenu": 1.0, "contenido": 1.0, "conteudo": 1.0,
    "contenuto": 1.0, "inhoud": 1.0, "principal": 1.2, "principale": 1.2,
    "artikel": 1.5, "articolo": 1.5, "articulo": 1.5, "artigo": 1.5, "beitrag": 1.0,
    "texte": 0.7, "testo": 0.7, "texto": 0.7, "corps": 0.7, "cuerpo": 0.7, "corpo": 0.7,
    # Names of widely used share, consent, recommendation and ad widgets.
    "shariff": -2.5, "borlabs": -3.0, "usercentrics": -3.0, "plista": -3.0, "nativendo": -3.0,
    "teads": -2.5,
    # Consent banners by their vendors' class prefixes (Complianz "cmplz-", OneTrust, Didomi,
    # iubenda, CookieYes, tarteaucitron): their texts of purposes ("The technical storage or
    # access is strictly necessary...") name no cookie and pass for prose.
    "cmplz": -4.0, "onetrust": -4.0, "didomi": -4.0, "iubenda": -4.0, "cookieyes": -4.0,
    "tarteaucitron": -4.0,
}  # fmt: skip
"""Class/id/role words and their weight. Matched as whole words after splitting at punctuation
and camelCase ("site-nav", "mainNav" and "nav_main" all give "nav")."""

DISCUSSION_NEUTRAL_PREFIXES: tuple[str, ...] = (
    "comment", "reply", "replies", "respond", "kommentar", "comentario", "reacties", "komentarz",
    "yorum",
)  # fmt: skip
"""On a page that declares itself a discussion (``Metadata.discussion``: a forum thread, a Q&A
page), class/id words starting with one of these weigh nothing: the replies, which forum
software marks up as comments, are the thread's content."""

REPLY_PREFIX = r"(?:re|aw|sv|odp|antw|vs|ynt|rif)\s?:"
"""A reply's subject line opens with one of these (English and Latin "Re:", German "AW:",
Scandinavian "SV:", Polish "Odp:", Dutch "Antw:", Finnish "VS:", Turkish "Ynt:", Italian
"Rif:"), case aside."""

REPLY_MIN_LINES = 3
"""A page holding at least this many blocks whose first line is a reply's subject repeating the
thread's title ("Re: How to fix the boot loop") is a discussion even when its JSON-LD does not
say so: forum software that heads each reply with the thread's subject (phpBB, PunBB, SMF,
Nairaland) marks the replies up as comments too, and on such a page they are its content."""

REPLY_TITLE_SHARE = 0.6
"""...and shares at least this share of the page title's words, or of its own if it has fewer
(a title that ends on the board's name, a subject cut short), two words at least: "Re:" and
the thread's own subject. Slashdot heads a reply to a reply with that comment's subject:
counting those too took the story out of a Slashdot page (its gold keeps the story and the
first comments, 0.675 to 0.619; a second one, whose gold is the story alone, 0.172 to
0.119)."""

REPLY_RUN_GAP = 4
"""As text, a post kept for the reply line or post number above it ends before the first
stretch of this many lines without prose: the last post's run went on through a board's
"Forum Jump" menu to the footer (a MyBB thread 0.906 to 0.750)."""

REPLY_MAX_WORDS = 30
"""...and that first line has at most this many words (a subject line, not a sentence that
happens to open with "Re:")."""

PRODUCT_HINT_WORDS: dict[str, float] = {
    "review": -4.0, "reviews": -4.0, "testimonial": -4.0, "testimonials": -4.0,
    "disclaimer": -4.0, "disclaimers": -4.0,
    "yotpo": -3.0, "okendo": -3.0, "loox": -3.0, "jdgm": -3.0, "judgeme": -3.0,
    "trustpilot": -3.0, "bazaarvoice": -3.0, "powerreviews": -3.0, "feefo": -3.0, "reevoo": -3.0,
}  # fmt: skip
"""On a page that presents one product (``Metadata.product``), these words replace their
HINT_WORDS weight: customer reviews and testimonials (and the widgets that show them) are what
buyers say, not the product's description. Elsewhere a "review" is often the article itself.
So is a disclaimer: the fine print under a product's features ("*Image simulated", "battery
life varies with use") is no description, while on a service page or an article it is often
part of the text (wcxb-dev's other types hold five times more gold than junk under it)."""
OVERRIDE_KEEP_HINT = 1.0
"""...except on an element that also carries a content word of at least this weight
("description", "content"): a "product-description-reviews" block holds both."""

HINT_AFFIX_MIN_CHARS = 6
"""Hint words of at least this many letters are also recognised at the start or end of a longer
class word ("novafilters", "sidebarright"); shorter ones ("nav", "ad") only as whole words, since
as parts they occur in unrelated names ("canvas", "shadow")."""

TAG_HINTS: dict[str, float] = {
    "nav": -3.0, "footer": -2.0, "aside": -2.5, "header": -1.0, "form": -0.3, "menu": -2.5,
    "article": 1.5, "main": 2.0,
}  # fmt: skip
"""Weight of the element names themselves, on the same scale as HINT_WORDS."""

NOTICE_TERMS = (
    r"cookies?|consent|gdpr|privacy policy|terms of (?:use|service)|"
    r"your browser|your web browser|outdated browser|modern browser|supported browser|"
    r"out of date browser|alternative browser|unsupported browser|browser is not|"
    r"browser is no longer|browser is out of date|"
    r"browser does|browser doesn|browser that supports|browser settings|enable javascript|"
    r"javascript enabled|javascript is disabled|javascript disabled|javascript is turned off|"
    r"requires javascript|javascript is required|javascript to be enabled|turn on javascript|"
    r"javascript must be enabled|activate javascript|allow javascript|javascript in your|"
    r"all rights reserved|datenschutz|einwilligung|nutzungsbedingungen|alle rechte vorbehalten|"
    r"consentement|confidentialité|tous droits réservés|privacidad|consentimiento|"
    r"todos los derechos reservados|çerez|gizlilik|куки|файлы cookie|конфиденциальност|"
    r"все права защищены|개인정보|쿠키|"
    r"subscribe to|subscribe now|sign up for|to your inbox|in your inbox|"
    r"affiliate link|qualifying purchases|earn a commission|earn a small commission|"
    r"may earn commission|receive a commission|earn us a commission|chosen independently by our|"
    r"independently chosen by our|independently selected by our|"
    r"newsletter abonnieren|abonnez vous|suscríbete|iscriviti|assine|подпишитесь|"
    r"getty images|istock|shutterstock|picture alliance|bildquelle|photo credit|image credit|"
    r"wszelkie prawa zastrzeżone|tutti i diritti riservati|todos os direitos reservados|"
    r"alle rechten voorbehouden|všechna práva vyhrazena|tüm hakları saklıdır|"
    r"kaikki oikeudet pidätetään|alle rettigheder forbeholdes|alle rettigheter reservert|"
    r"alla rättigheter förbehållna|minden jog fenntartva|toate drepturile rezervate|"
    r"privatsphäre|polityka prywatności|política de privacidade|informativa sulla privacy|"
    r"privacybeleid|externe inhalte|externen inhalt|externer inhalt|"
    r"provision vom händler|kleine provision|enthält werbung|liens affiliés|lien affilié|"
    r"enlaces de afiliados|enlace de afiliado|link di affiliazione|link affiliati|"
    r"links de afiliados|"
    r"forum rules|board rules|forenregeln|règles du forum|normas del foro|reglas del foro|"
    r"regolamento del forum|regole del forum|"
    r"please try again|try again later|something went wrong|there was a problem|"
    r"there was an error|an error occurred|an error has occurred|ein fehler ist aufgetreten|"
    r"versuchen sie es erneut|versuchen sie es später|veuillez réessayer|une erreur est survenue|"
    r"une erreur s est produite|se ha producido un error|inténtalo de nuevo|vuelve a intentarlo|"
    r"si è verificato un errore|riprova più tardi|ocorreu um erro|tente novamente"
)
"""Words of site notices (cookies, consent, JavaScript, privacy, copyright, the consent
placeholders of embeds), of pitches (subscribe to, sign up for, to your inbox, affiliate links),
of editorial disclosures ("chosen independently by our editors ... may earn us a commission",
"eine kleine Provision") and of photo credits (Getty Images, iStock, picture alliance, image
credit), and of a page's error messages, left in its markup for its scripts ("Sorry, there
was a problem.", "Please try again.") in several languages, as a regular expression matched at word starts of a block's fingerprint (lower
case, punctuation folded to spaces). Prose that mentions them is almost always a banner, a
dialog or a footer (the C4 rule drops such lines)."""
NOTICE_MAX_WORDS = 60
"""Only blocks of at most this many words can be notices: a banner or a footer line is short,
while a long paragraph that mentions a browser or privacy is an article about them."""
NOTICE_TERMS_UNSPACED = r"隐私|版权所有|個人情報|著作権|プライバシー"
"""The same for unspaced scripts, matched anywhere in the fingerprint."""

PITCH_TERMS = (
    r"to your inbox|in your inbox|our newsletters?|our mailing list|our email list|subscribe to "
    r"our|sign up for our|join our newsletter|join our mailing list|unseren newsletter|"
    r"newsletter abonnieren|in ihr postfach|notre newsletter|dans votre boîte mail|"
    r"dans votre boîte de réception|nuestro boletín|nuestra newsletter|en tu bandeja de entrada|"
    r"la nostra newsletter|nella tua casella|nossa newsletter|na sua caixa de entrada|"
    r"нашу рассылку|на нашу рассылку|"
    r"readers like you|funded by readers|supported by readers|supported by commissions|"
    r"exclusive to subscribers|subscribers only|for subscribers only|réservé aux abonnés|"
    r"nur für abonnenten|exclusivo para suscriptores|"
    r"already a subscriber|to view the full story|to read the full story|to continue reading|"
    r"subscribe to continue|subscribe to read|support our journalism|"
    r"support independent journalism|follow us on|"
    r"bereits abonnent|ich bin abonnent|um weiterzulesen|möchten sie weiterlesen|"
    r"lesen sie weiter|werden sie mitglied|unterstützen sie unseren journalismus|jede spende|"
    r"folgen sie uns|nichts mehr verpassen|nichts mehr versäumen|"
    r"déjà abonné|pour lire la suite|pour continuer à lire|devenez membre|"
    r"soutenez notre journalisme|suivez nous sur|"
    r"ya eres suscriptor|para seguir leyendo|para continuar leyendo|hazte miembro|hazte socio|"
    r"apoya nuestro periodismo|síguenos en|siguenos en|"
    r"sei già abbonato|per continuare a leggere|sostieni il nostro giornalismo|seguici su|"
    r"já é assinante|para continuar lendo|apoie o nosso jornalismo|siga nos no|"
    r"lees verder met|steun onze journalistiek|volg ons op|"
    r"jede kleine spende|ihre spende hilft|if you enjoyed reading this|"
    r"independent review process|advertisers do not influence|may receive compensation"
)
"""Wording that only a newsletter, mailing-list, membership, paywall, follow-us or donation pitch
uses ("delivered to your inbox", "Join our mailing list", "Abonnieren Sie unseren Newsletter",
"funded by readers like you", "exclusive to subscribers", "already a subscriber", "Möchten Sie
weiterlesen?", "síguenos en"), in several languages, matched as whole words of a block's
fingerprint. A block of at most PITCH_MAX_WORDS words that holds one is a boilerplate label and
a site notice (W_LABEL and W_NOTICE): such pitches sit inside the article's box, where one of
the two weights alone does not outweigh its class words."""
PITCH_MAX_WORDS = 30
SHARE_NAMES = frozenset({
    # Social networks and the other targets of a share bar, as their buttons spell them.
    "facebook", "twitter", "linkedin", "whatsapp", "telegram", "pinterest", "reddit", "tumblr",
    "xing", "vk", "vkontakte", "odnoklassniki", "weibo", "wechat", "qzone", "kakaotalk",
    "kakaostory", "naver", "mastodon", "bluesky", "threads", "instagram", "flipboard", "pocket",
    "messenger", "viber", "line", "hatena", "mixi", "email", "mail", "x",
    "print", "drucken", "imprimer", "stampa", "imprimir", "drukuj", "afdrukken", "yazdır",
    "печать",
    "페이스북", "트위터", "카카오톡", "카카오스토리", "밴드", "네이버", "인쇄", "이메일",
    "ВКонтакте", "Одноклассники", "Телеграм", "Фейсбук", "Твиттер",
    "微博", "微信", "新浪微博", "ツイッター", "フェイスブック", "はてなブックマーク",
})  # fmt: skip
"""See SHARE_MIN_NAMES."""
SHARE_MIN_NAMES = 3
"""A block (not a sentence, not code) of at most SHARE_MAX_WORDS words holding at least this
many different SHARE_NAMES, which make up at least half of its words, is a share bar and is
labelled "share": "Facebook Twitter WhatsApp E-Mail", "페이스북 트위터 카카오톡 밴드 URL복사
인쇄" in an article's header, where the article's class words lift it."""
SHARE_MAX_WORDS = 16
"""See SHARE_MIN_NAMES."""
"""Blocks longer than this are not looked up for PITCH_TERMS: an article about newsletters
says "our newsletter" in longer paragraphs."""

CTA_PREFIXES: tuple[str, ...] = tuple(
    " ".join(prefix.split())
    for prefix in """
    subscribe|sign up|join our|join the|share this|share on|share article|follow us|like this|
    add to cart|add to bag|add to basket|add to wishlist|book now|buy now|shop now|order now|
    read more|learn more|see more|show more|load more|view all|see all|get a quote|get started|
    register for free|download the app|download our|click here|back to|previous article|next
    article|jetzt abonnieren|newsletter abonnieren|mehr erfahren|weiterlesen|jetzt kaufen|in den
    warenkorb|abonnez vous|inscrivez vous|lire la suite|en savoir plus|ajouter au panier|
    suscríbete|leer más|añadir al carrito|ver más|iscriviti|leggi tutto|aggiungi al carrello|
    assine|leia mais|подписаться|подпишитесь|читать далее|подробнее|в корзину|abone ol|devamını
    oku|sepete ekle|zapisz się|czytaj dalej|dodaj do koszyka|阅读全文|加入购物车|立即购买|
    続きを読む|カートに入れる|더보기|장바구니|
    edit this page|edit on github|improve this page|suggest an edit|diese seite bearbeiten|
    modifier cette page|editar esta página|modifica questa pagina|keep exploring|continue
    exploring|weiter entdecken|continuer à explorer|sigue explorando|
    continue reading|keep reading|check price|view on amazon|buy on amazon|see on amazon|shop on
    amazon|view deal|see deal|get notified|
    written by|posted by|reviewed by|medically reviewed by|fact checked by|geschrieben von|
    verfasst von|écrit par|rédigé par|publié par|escrito por|publicado por|scritto da|
    pubblicato da|发表于|發表於|
    sign in or register|log in or register|log in or sign up|sign in to comment|log in to
    comment|log in to reply|you must log in|you must be logged in|you must sign in|you must be
    signed in|you must register|please log in to|please sign in to|
    request a demo|demo anfordern|demander une démo|solicitar una demo|richiedi una demo|start
    free trial|kostenlos testen|essai gratuit|prueba gratis|download now|jetzt herunterladen|
    télécharger maintenant|descargar ahora|please share|if you like this|if you liked this|if you
    enjoyed this|if you like it|never miss|stay informed|get the latest|donate|donate now|jetzt
    spenden|faire un don|dona ahora|become a member|become a patron|let's connect|contact us
    today|explore products|get the free|join now|join for free|sign up free|more by|more
    articles|you may also|jetzt anmelden|inscrivez vous gratuitement|únete ahora|regístrate
    gratis|get it on|you may be interested in|talk to a specialist|schedule a
    consultation|
    czytaj więcej|lesen sie hier|lesen sie auch|hier weiterlesen|mehr lesen|unterstütze|
    unterstützen sie|werden sie mitglied|folgen sie uns|folge uns|síguenos|siguenos|suivez nous|
    seguici|siga nos|volg ons|obserwuj nas|flattr|zurück zur übersicht
    """.split("|")
)
"""Calls to action, in several languages (lower case, punctuation folded to spaces). A short
block (under CTA_MAX_WORDS words) that starts with one is a label of boilerplate."""
COUNTER_PATTERN = (
    r"(?:page|seite|página|pagina|страница) \d+ (?:of|von|sur|de|di|из) \d+|"
    r"(?:showing|displaying|viewing|zeige|affichage|mostrando|visualizzati) (?:\w+ )?\d+ "
    r"(?:to |of |bis |à |a |al |-)?\d+"
)
"""A pager's or a result list's counter ("Page 1 of 8", "Showing 24 of 291 results",
"Displaying 1 - 18", "Seite 2 von 5"), matched at the start of the fingerprint of a block of
fewer than CTA_MAX_WORDS words: a label of boilerplate. Two numbers are needed: a bare count
("672 results", "Showing 18 results") heads the list it counts and is often kept."""
REACTION_PATTERN = (
    r"^\S+ likes this$|"
    r"(?:^\S+ and \S+|and \d+ others?|and \d+ other people|and \d+ more) like this$|"
    r"und \d+ weitere\w* gefällt das$|et \d+ autres? aiment ça$"
)
"""A forum post's reaction summary as the end of a block's fingerprint ("jdoe likes this.",
"Ann and Bob like this.", "Ann, Bob and 2 others like this.", "Karl und 3 weiteren gefällt
das."), in a block of fewer than CTA_MAX_WORDS words: a label of boilerplate ("like this").
Names are single words (user names). A short reply of one's own ("I like this.", "Mir gefällt
das.", "J'aime ça") is none: a single name takes "likes"."""
LABEL_VALUE_MAX_WORDS = 5
"""A block of at most this many words (not a heading) that directly follows a block that is
exactly a boilerplate label, under the same parent element, is that label's value and is
labelled with it: "Joined" / "Feb 8, 2023", "Messages" / "4,726" in a forum's user box. Longer
blocks after a label are text of their own."""
FIELD_LABEL_MAX_WORDS = 4
"""A per-item field list: the ``<dt>``/``<dd>`` pairs under one element (one ``<dl>``, or the
``<dl>``s side by side in one box) whose labels have at most this many words, whose values have
at most LABEL_VALUE_MAX_WORDS, at least FIELD_MIN_NUMBERS of whose values hold a digit (a date,
a count), and at least one of whose labels also labels a field in another such box of the page:
a forum poster's box ("Joined" / "Feb 8, 2023", "Messages" / "4,726") beside each post. Its
labels and values are labelled as boilerplate. A product's one list of specifications repeats
no label; a shop's cards ("Brand" / "Topo Athletic") hold names, not numbers."""
FIELD_MIN_NUMBERS = 1
"""See FIELD_LABEL_MAX_WORDS: how many of a field list's values must hold a digit. Half of its
values (the first rule) left out a poster's box of a rank, a town and a join date: wcxb-dev
0.87528 with half, 0.87536 with one (forum 0.82294 to 0.82333; 4 pages better, none worse),
0.87536 with none (5 better), which would also take a shop's cards of names."""
FIELD_ICON_MAX_VALUES = 4
"""See FIELD_LABEL_MAX_WORDS: a field list whose labels are drawn as icons (XenForo's `<dt>`
holds an icon and a tooltip, no text) has its kind (tag and class words of the element holding
its `<dl>`s) for a label, when it holds at most this many values: a poster's join date, post
count and town. A shop's specification table of many values without text labels stays
(a product page 0.558 to 0.531 without this bound)."""
POST_NUMBER_MIN_LINKS = 3
"""A page with at least this many kept blocks that are only "#<number>" as a link (a forum
post's permalink in its header) drops them: a thread's posts are numbered, a ranking's items
are not links to themselves."""
TRAIL_SEPARATORS = "»›>"
"""What joins the steps of a breadcrumb trail written out as text ("Home » News » Local")."""
TRAIL_MIN_STEPS = 3
"""A block's first line of at least this many steps joined by TRAIL_SEPARATORS, each but the
last of at most TRAIL_STEP_MAX_WORDS words and the last (the page's own title) of at most
TRAIL_LAST_MAX_WORDS, is a breadcrumb trail and is labelled "breadcrumb": sites that do not
name it in their class words (an old page's "Главная » Новости » Наследие", a theme's
"Accueil > Brèves > Saint-Aubin") put it inside the article's column. Two steps are as often a
heading's "Section › Title"."""
TRAIL_STEP_MAX_WORDS = 4
"""See TRAIL_MIN_STEPS: most words of a step of a breadcrumb trail but its last."""
TRAIL_LAST_MAX_WORDS = 15
"""See TRAIL_MIN_STEPS: most words of the last step (the page's title) of a trail."""
CTA_MAX_WORDS = 12
"""A block of this many words or more is never a call to action, whatever it starts with."""
LABEL_MAX_CHARS = 80
"""Blocks of this many characters or more are not looked up as labels or calls to action."""
LABEL_HEAD_MAX_CHARS = 40
"""The part before a colon ("Read also: ...") is looked up as a label only when shorter than this."""

LABEL_WORDS: frozenset[str] = frozenset(
    " ".join(label.split())
    for label in """
    most read|most popular|most viewed|most shared|popular|trending|trending now|related|related
    articles|related posts|related stories|related news|read also|read more|see also|also read|you
    may also like|you might also like|recommended|recommended for you|more from|more stories|more
    news|latest|latest news|top stories|editor's picks|share|share this|share this article|share
    on|follow us|comments|leave a comment|leave a reply|post a comment|newsletter|subscribe|sign up|
    advertisement|sponsored|ad|tags|categories|previous|next|previous post|next post|back to top|
    skip to content|skip to main content|table of contents|contents|on this page|in this article|
    about the author|about us|contact|contact us|privacy policy|terms of use|cookie settings|
    meistgelesen|meistgelesene artikel|beliebt|am beliebtesten|auch interessant|das könnte sie auch
    interessieren|mehr zum thema|weitere artikel|verwandte artikel|lesen sie auch|empfohlen|
    teilen|artikel teilen|kommentare|newsletter abonnieren|anzeige|werbung|schlagworte|themen|
    les plus lus|les plus populaires|à lire aussi|a lire aussi|lire aussi|voir aussi|articles
    similaires|sur le même sujet|partager|commentaires|publicité|abonnez-vous|
    lo más leído|más leídas|lo más visto|te puede interesar|lee también|leer también|noticias
    relacionadas|relacionados|compartir|comentarios|publicidad|suscríbete|
    o mais lido|mais lidas|leia também|veja também|relacionadas|partilhar|compartilhar|
    i più letti|più letti|leggi anche|potrebbe interessarti|articoli correlati|condividi|commenti|
    pubblicità|meest gelezen|lees ook|gerelateerd|delen|reacties|
    en çok okunanlar|çok okunanlar|ilgili haberler|bunlar da ilginizi çekebilir|paylaş|yorumlar|
    reklam|самое читаемое|популярное|читайте также|читайте также:|похожие материалы|по теме|
    поделиться|комментарии|реклама|новости по теме|
    الأكثر قراءة|الأكثر مشاهدة|اقرأ أيضا|اقرأ أيضاً|أخبار ذات صلة|مواضيع ذات صلة|شارك|تعليقات|
    热门|热门排行|热门文章|相关阅读|相关文章|相关新闻|推荐阅读|延伸阅读|分享|评论|广告|
    人気記事|関連記事|おすすめ記事|ランキング|シェア|コメント|広告|
    많이 본 뉴스|관련기사|관련 기사|추천 기사|공유|댓글|광고|
    najczęściej czytane|przeczytaj również|czytaj także|zobacz też|powiązane|udostępnij|komentarze|
    reklama|
    related content|more like this|you may also be interested in|share this post|share this story|
    share this page|tagged with|meist gelesen|meistgelesene|ähnliche beiträge|ähnliche artikel|
    weitere beiträge|lesen sie auch die folgenden beiträge|über den autor|über die autorin|
    beitrag teilen|seite teilen|schreibe einen kommentar|kommentar schreiben|markiert mit|
    schlagwörter|passend dazu|weiterführende links|articles les plus lus|à propos de l'auteur|
    laisser un commentaire|laissez un commentaire|dans la même rubrique|à lire également|
    partager cet article|artículos relacionados|sobre el autor|deja un comentario|te recomendamos|
    más noticias|lo más popular|sobre o autor|deixe um comentário|notícias relacionadas|
    mais notícias|sull'autore|lascia un commento|
    other news|other articles|other stories|другие новости|другие новости раздела|другие материалы|
    weitere nachrichten|andere artikel|autres articles|autres actualités|otras noticias|
    altre notizie|outras notícias|
    was this page helpful|was this article helpful|was this helpful|is this page helpful|did this
    page help you|did you find this helpful|war diese seite hilfreich|war dieser artikel hilfreich|
    cette page vous a t elle été utile|cet article vous a t il été utile|te resultó útil|
    esta página te ha resultado útil|esta página foi útil|questa pagina ti è stata utile|
    similar items|similar products|related products|people also viewed|people also bought|
    customers also bought|customers also viewed|customers who bought this item also bought|
    customers who viewed this item also viewed|people who viewed this item also viewed|frequently
    bought together|recently viewed|recently viewed items|complete the look|shop the look|more
    from this seller|seller's other items|sponsored items|ähnliche produkte|ähnliche artikel|
    zuletzt angesehen|kunden kauften auch|produits similaires|vous aimerez aussi|récemment
    consultés|productos similares|productos relacionados|vistos recientemente|prodotti simili|
    visti di recente|produtos relacionados|
    related topics|related coverage|explore further|read next|up next|what to read next|more on
    this story|more on this topic|don't miss|popular stories|latest stories|like this|
    kommentare schreiben|das thema könnte dich auch interessieren|das könnte dich auch
    interessieren|das könnte sie interessieren|dies könnte sie auch interessieren|teilen sie dies
    mit|teile dies mit|teilen mit|gefällt mir|verwandt|vorschau auf den nächsten artikel|mehr aus
    der sendung|weitere themen|auch lesenswert|ebenfalls interessant|jetzt teilen|diesen artikel
    teilen|bewerten sie diesen artikel|beitrag bewerten|pour lire la suite|sur le même thème|
    nos derniers articles|derniers articles|j aime|similaire|también te puede interesar|notas
    relacionadas|compartir esto|me gusta|relacionado|compartilhe isso|potrebbe interessarti
    anche|articoli più letti|mi piace|
    foto|fotos|bild|bilder|photo|photos|crédit photo|crédits photos|photo credit|image credit|
    beitragsbild|titelbild|symbolbild|bildnachweis|bildrechte|image illustrative|photo d
    illustration|crédito|créditos|foto ilustrativa|imagen ilustrativa|immagine di repertorio|
    foto di repertorio|
    joined|join date|posts|likes|messages|reaction score|points|click to expand|
    original poster|member since|registered|registriert|beiträge|mitglied seit|inscrit|
    inscrit le|inscription|registrado|mensajes|iscritto|messaggi|регистрация|сообщения|
    member|new member|active member|well known member|senior member|junior member|premium
    member|registered member|registered user|valued member|staff member|neues mitglied|aktives
    mitglied|mitglied|nouveau membre|membre|miembro|nuevo miembro|membro|nuovo membro|
    related searches|people also search for|verwandte suchanfragen|recherches
    associées|búsquedas relacionadas|
    loading|loading more|please wait|chargement|chargement en cours|wird geladen|cargando|
    caricamento|carregando|загрузка|読み込み中|加载中|
    pin for later|pin this for later|pin it for later|pin it|pin this|share post|send feedback|
    you might like|you may like|you may enjoy|posts you may enjoy|other posts you may enjoy|
    you might also enjoy|you may also enjoy|how was this issue|how did we do|out of stock|
    recent posts|latest posts|why trust us|neueste beiträge|articles récents|entradas
    recientes|articoli recenti|posts recentes|
    give feedback|rate this page|rate this article|rate this post|reply with quote|
    in partnership with|sponsored by|presented by|brought to you by|en partenariat avec|in
    zusammenarbeit mit|präsentiert von|en colaboración con|in collaborazione con|em parceria com|
    select a size|select size|choose a size|choose size|größe wählen|choisir une taille|
    selecciona una talla|
    lesen sie hier|auch lesen|lesen sie mehr|mehr dazu|siehe auch|empfohlene beiträge|
    empfohlene artikel|kommentierte artikel|meistkommentiert|most commented|le puede interesar|
    le podría interesar|te podría interesar|mira también|ver también|vea también|à lire|
    à découvrir|à découvrir aussi|à voir aussi|da non perdere|czytaj więcej|czytaj też|
    zobacz także|przeczytaj też|lees meer|zie ook|katso myös|läs också|læs også|les også|
    čtěte také|
    wie bewerten sie diesen artikel|wie hat ihnen dieser artikel gefallen|wie gefällt ihnen
    dieser artikel|noch keine bewertungen|no ratings yet|no reviews yet|be the first to rate|
    how would you rate this article|pas encore d avis|aucun avis|sin valoraciones|nessuna
    valutazione|ainda não há avaliações|
    flattr this|zurück|lust auf mehr|sie wollen mehr von uns|mehr von uns|
    dejá tu comentario|deja tu comentario|deixe seu comentário|deixe um comentário|
    hinterlasse einen kommentar|schreiben sie einen kommentar|kommentar verfassen|
    similar threads|similar topics|suggested topics|related threads|top posters in this topic|thread starter|not open for
    further replies|click to shrink|ähnliche themen|sujets similaires|temas similares|
    discussioni simili|
    zum erweitern anklicken|zum verkleinern anklicken|cliquez pour agrandir|cliquez pour
    réduire|cliquez pour développer|haz clic para expandir|haz clic para contraer|clicca per
    espandere|clicca per ridurre|clique para expandir|clique para encolher|genişletmek için
    tıkla|daraltmak için tıkla|нажмите для раскрытия|нажмите, чтобы раскрыть|kliknij, aby
    rozwinąć|klik om uit te vouwen|klik om in te klappen
    """.split("|")
)
"""Labels that head or make up boilerplate boxes, in many languages, photo-credit heads
("Foto:") among them. Folded like a fingerprint before use (lower case, punctuation to spaces).
A block that is one of these, or starts with one followed by a colon, is a label of
boilerplate."""

PAGE_SIZE_PATTERN = (
    r"(?:show|showing|view|zeige|afficher|mostrar|mostra|pokaż) ?\d+ "
    r"(?:(?:results|items|products|ergebnisse|artikel|produkte|résultats|produits|resultados|"
    r"productos|risultati|prodotti|wyników|produktów) )?"
    r"(?:per page|pro seite|par page|por página|per pagina|na stronie)$"
)
"""A list's page-size control as its whole fingerprint ("Showing 30 results per page", "Show 90
per page", "Zeige 24 pro Seite"): a label of its CONTROL_LABELS kind ("per page"). A price per
page ("$0.10 per page") is none: the count comes after a verb of showing."""
CONTROL_LABELS: frozenset[str] = frozenset(
    " ".join(label.split())
    for label in """
    sort|sort by|sorted by|sort order|filter by|filters|refine by|refine results|results per
    page|items per page|products per page|per page|sortieren|sortieren nach|sortiere nach|
    sortierung|filtern nach|pro seite|trier|trier par|trié par|filtrer par|par page|ordenar|
    ordenar por|filtrar por|por página|ordina|ordina per|filtra per|per pagina|sortuj|sortuj
    według|sortuj wg|na stronie|сортировать|сортировать по|сортировка|sırala|sorteer op|
    sorteren op|排序|排序方式|筛选|並び替え|並べ替え|絞り込み|정렬
    """.split("|")
)
"""The labels of a list's sort, filter and page-size controls ("Sort by:", "Sorted by:",
"Results per page", "Trier par", "並び替え"), whose options are form fields and never read:
labels of boilerplate on an HTML page (``features.label_word``), above a shop's grid, a
listing or a thread's answers. They head no box (``features.control_label``): the list they
sort follows them. The text path does not read them: a label line there opens a
box, and the list such a control sorts follows it (as labels, wcxb-dev as text 0.81450 to
0.81455 but a forum's first post and a shop's grid went with the box, 0.90 to 0.88)."""

# ---------------------------------------------------------------------------------------------
# scoring: features -> score, in log-odds of "this block is main content". The weights marked
# (fitted) come from scripts/fit_weights.py: a logistic regression over the blocks of the dev
# slice of WCXB (the holdout slice is never used), labels from the gold text, pages weighted
# equally. Rerun it after changing a feature. The others are priors set by hand, with the reason.
# ---------------------------------------------------------------------------------------------
W_BIAS = -0.43
"""(fitted) Where a block with no evidence starts: most blocks of a page are not content."""
W_WORDS = 0.13
"""(fitted) Per doubling of the word count, log2(1 + words). Small: length alone says little
once link density and sentence shape are known."""
W_LINK = 0.24
"""(fitted) Times the block's own link density."""
W_SHORT_LINK = 1.5
"""(prior) Times the link density of a block of fewer than SHORT_LINK_WORDS words: menu items,
buttons and calls to action ("Book now", "Add to cart"). The fit cannot see these well (their
words often occur in the gold by chance), and the benchmark's must-not-have snippets are mostly
such blocks, so precision gets this prior."""
SHORT_LINK_WORDS = 6
"""Blocks with fewer words are judged by W_SHORT_LINK as well as W_LINK."""
W_REGION_LINK = 1.69
"""(fitted) Times the link density of the block's region: text inside a list of links is a teaser."""
W_TERMINAL = 1.4
"""(fitted) A block ending like a sentence: the strongest single sign of prose."""
W_SENTENCES = -0.1
"""(fitted) Per sentence beyond the first, up to MAX_SENTENCE_BONUS (slightly negative once
ending and length are known)."""
MAX_SENTENCE_BONUS = 4
"""Sentences beyond the first that count towards W_SENTENCES."""
W_HINT = 0.6
"""(fitted) Times the class/id hint (itself within +-HINT_LIMIT)."""
W_DUPLICATE = 0.29
"""(fitted) Per other copy of the same text on the page, up to MAX_DUPLICATES."""
MAX_DUPLICATES = 3
"""Copies that count towards W_DUPLICATE; more say nothing new."""
W_LABEL = 2.2
"""(fitted) A block that is a boilerplate label ("Most read", "Share", "Lesen Sie auch: ...")."""
W_NOTICE = 1.81
"""(fitted) A block that speaks of cookies, consent, JavaScript, privacy or copyright."""
W_TOPIC = 0.29
"""(fitted) Times the share of the title's content words the block uses."""
W_SITE_REPEAT = 1.5
"""(prior) Per other page of the same site holding the block, up to MAX_SITE_REPEATS: template
text. Not fitted: the development sets hold one page per site."""
MAX_SITE_REPEATS = 3
"""Pages that count towards W_SITE_REPEAT."""
KIND_BONUS: dict[str, float] = {
    "code": -0.01,
    "row": 0.76,
    "quote": 0.12,
    "caption": 0.0,
    "heading": 0.79,
    "list-item": 0.57,
    "paragraph": 0.0,
}
"""(fitted) Per block kind, against a paragraph."""


CARD_LINK_SCALE = 0.0
"""(prior) Multiplies the cards profile's link_scale for the blocks of a card link, an ``<a>`` that wraps
several blocks (a shop card whose title, price and teaser are all one link; a menu item's link
wraps one short text). Their link density is the card's shape, not a sign of navigation: under
the cards profile they pay no link penalty (own, short-link or region). The prose profile keeps
the penalties, so a "related articles" grid of such cards stays out of an article. Tried a scale
of 0.33 (wcxb-dev 0.8715) and 1.0 (as other links, 0.8709) against 0.0 (0.8718); a bonus for
card blocks on top (+0.2: 0.8717, +0.6: 0.8710) moved the region to other groups of cards."""


@dataclass(frozen=True, slots=True)
class Profile:
    """A way of scoring, for one family of pages. Extraction tries them in order (see PROFILES)."""

    name: str
    link_scale: float = 1.0
    """Multiplies W_LINK, W_SHORT_LINK and W_REGION_LINK: listings and collections are links by
    nature."""
    negative_child: float = 1.0
    """In select, how much a child element whose votes sum below zero counts against its parent.
    Between the cards of a list sit filter bars, ad slots and "sponsored" tiles; they must not
    sink the list as a whole."""
    region_link_scale: float = 1.0
    """Multiplies W_REGION_LINK on top of link_scale: the cards of a grid sit in a region of
    links by construction (each card's title is one), so the region's density says less about
    them than a block's own links do."""
    card_link_scale: float = 1.0
    """Multiplies link_scale for a block of a card link (:attr:`~declutter.blocks.Block.card`: an
    ``<a>`` that wraps several blocks, such as a shop card's title, price and teaser)."""


PROFILES: tuple[Profile, ...] = (
    Profile("prose"),
    Profile(
        "cards",
        link_scale=0.3,
        negative_child=0.25,
        region_link_scale=0.5,
        card_link_scale=CARD_LINK_SCALE,
    ),
)
"""Scoring profiles, tried in order. The first suits articles, docs, forums and service pages;
the second, pages whose content is a list of linked cards (listings, collections). The second
wins only when it keeps PROFILE_SWITCH times more words than the first."""
PROFILE_SWITCH = 2.0
"""How many times more words the cards profile must keep to be preferred over prose."""
PROFILE_SWITCH_GRID = 1.5
"""The cards profile wins with this many times the words prose kept (instead of PROFILE_SWITCH)
when it keeps all of prose and fills in a grid of card links between prose's lines (see
GRID_CARD, GRID_INSIDE): a category page's intro above its tiles and its text below them."""
GRID_CARD = 0.75
"""...at least this share of the blocks cards adds sit in card links (``Block.card``)..."""
GRID_INSIDE = 0.9
"""...and at least this share of them lie between prose's first and last kept block."""
PROFILE_SWITCH_LINK = 0.08
"""(fitted) The cards profile also wins when the prose profile's kept text has more than this
share of its characters in links, whatever the word counts: prose kept with that many links is
a list of linked items. Chosen on the dev slice by scripts/fit_profile_switch.py."""
PROFILE_SWITCH_BELOW = 400
"""A later profile is only considered when the first kept fewer words than this: a page whose
prose profile found a real article is an article, however many cards sit around it."""
PRODUCT_CARDS_GROWTH = 6.0
"""On a page that presents one product (``Metadata.product``), the cards profile does not win
when it keeps more than this many times the words prose kept: it has taken a list of other
products (a "similar items" carousel, "customers also bought") or the reviews, not the product.
A modest growth is the product's own variant picker, specs or comparison grid."""
PRODUCT_CARDS_MIN_WORDS = 20
"""...counting prose as having kept at least this many words, so that a page where prose kept
next to nothing can still be rescued by a short cards selection."""
PRODUCT_CARDS_LIST_LINK = 0.5
"""...unless more than this share of the prose selection's characters are links: prose itself
kept a list, so the page is a listing whatever its metadata says."""
PRODUCT_CARDS_INSIDE = 0.5
"""...nor when more than this share of the blocks cards adds lie between prose's first and last
kept block: prose kept a few lines of the page's own grid of products (a shop's category page
that declares a product) and cards fills in the rest. A carousel of other products lies above
or below the product's text (on wcxb-dev at most 0.3 of what it adds lies inside)."""
SHELF_MIN_WORDS = 200
"""(fitted) The cards profile does not replace a prose selection of at least this many words when
all it adds is a shelf of links beside it (``api.adds_link_shelf``): prose found an article.
Below it, prose's few words are often a listing's introduction whose items follow it; at 80 to
100 words wcxb-dev lost 0.0011 to 0.0016, from 150 up it gains. Chosen on the dev slice with
scripts/study_profile_choice.py."""
SHELF_LINK = 0.7
"""(fitted) ...the blocks cards adds have more than this share of their characters in links (0.6
to 0.8 give the same pages)..."""
SHELF_INSIDE = 0.2
"""(fitted) ...and fewer than this share of them lie between prose's first and last kept block
(0.1 to 0.3 give the same pages): they sit above or below the article, not among its lines."""

SHORT_WORDS = 10
ANCHOR_MIN_WORDS = 2
"""An element's id is left out of its class/id words when it is the slug of the element's own
heading and holds at least this many words (segment._names_its_heading): a documentation
section's anchor named after its topic ("s-meta-options" over "Meta options", "related-objects"
over "Related objects"). A one-word id echoing its heading ("reviews" over "Reviews",
"comments") names the section's role and still counts."""
CARD_OWN_WORDS = 3
"""A repeat in a sibling card of the same kind, at the same place in it, is kept when that card
holds at least this many words of its own (repeats._card_repeat): an offer's fine print, a plan's
listed feature. A copied section holds none."""
FORM_MAX_WORDS = 30
"""A kept block inside a ``<form>`` whose blocks hold fewer than this many words in all is
dropped (boxes.drop_small_forms): the variant legend and instalment fine print of an
add-to-cart form, a search box's hint, a ZIP-code prompt. Forms of one kind that repeat (the
same tag and class/id words without digits: an edit form round each comment's text) are
exempt."""
ROW_REPEAT_MIN_WORDS = 6
"""A table row of one cell with at least this many words is judged as a paragraph when it repeats
a block kept above (repeats.layout_cell): a forum signature under each post in a layout table.
Rows of several cells, and short one-cell rows (a plan's listed feature, a column label, 3-4
words), keep the rows' exemption from the repeat rule."""
CARD_SHARED_SHARE = 0.5
"""...and when at least this share of that card's words repeat the first card: cards of one
template (offers, plans). A forum post that repeats only its author's signature or a quote is
mostly its own text."""
"""Blocks with fewer words are judged with their neighbours (jusText's context rule)."""
SIGNATURE_OWN_WORDS = 20
"""A text of SHORT_WORDS words or more that closes two sibling posts of one kind at the same
place, each post holding its poster's field list, at least this many words of its own and
sharing less than CARD_SHARED_SHARE of its words with the other (repeats.signature_repeat), is
a signature under two posts of one author: every copy goes, the first too. Headings and rows
of data are never signatures."""
SMOOTH_SHARE = 0.5
"""How much of a short block's score comes from its neighbours' mean score."""
SMOOTH_WINDOW = 2
"""Neighbours on each side that a short block looks at."""
SMOOTH_MAX_LINK = 0.5
"""Short blocks with more link density than this are not smoothed: a link stays a link."""

# ---------------------------------------------------------------------------------------------
# select: which region is the main content
# ---------------------------------------------------------------------------------------------
VALUE_SCALE = 2.0
"""A block's vote for its containers is (1 + words) * tanh(score / VALUE_SCALE): long clear
content pulls hard, long clear boilerplate pushes hard, doubtful blocks barely count."""
CORE_SHARE = 0.8
"""The core of the main region is the deepest element whose sum reaches this share of the
largest sum: an ancestor only gains on its best child by what the child's siblings add, and
a little content beside the article (a comments box) must not lift the core to <body>."""
SIBLING_SHARE = 0.2
"""A sibling of the chosen container joins it when its own sum is at least this share of the
chosen one's (service pages and forums spread content over several sibling sections)."""
LEAD_SHARE = 0.05
"""A sibling that comes before the core (the lead, the intro, the standfirst above the body)
joins the region at any level up to REPEAT_LEVELS when its sum is at least this share of the
core's: what precedes the main text and leans to content belongs to it. A breadcrumb or a
share row with a stray positive block sums less."""
LEAD_GROUP_MIN = 5.0
"""Siblings before the core that lean to content and together reach LEAD_SHARE of the core's
sum join it each with a sum of at least this (about a sentence of content): an article's
paragraphs, each a sibling of their own, above a long gallery or slideshow that became the core.
A toolbar or a share row with a stray positive word sums less."""
MARKED_HINT = -2.5
"""A block whose class/id evidence is this negative or worse (it sits in a comments list, a
sidebar, a related-links rail, a newsletter box) votes for its containers with only
MARKED_VOTE of its positive value. Milder words ("widget", "comment" at -2.0) are left out:
page builders wrap every paragraph in "elementor-widget-container"."""
MARKED_VOTE = 0.0
"""See MARKED_HINT: long prose in a marked box (reader comments under a short article, a
"more from us" rail of summaries) does not carry the region away from the content; the box's
blocks are still scored and kept when they sit inside the region."""
NO_CONTENT_WORDS = 20
"""A selection that keeps fewer words than this (headline aside), none of them in a sentence of
NO_CONTENT_PROSE_WORDS words or more, out of a page with more text (NO_CONTENT_SHARE), is no
main content: the page is a bare index, a shop shell or an error page, and a few stray labels
of it are not an answer."""
BARE_PAGE_WORDS = 20
"""A page whose whole text is at most this many words, none of them in a link-dense block, a
label, a notice or an element with a negative class/id word, is that text when no block scored
as content: a one-line page ("Test", a short note) has nothing to compete with, and returning
nothing would lose all of it. A page of a few links or a menu shows its nature and stays empty."""
BARE_PAGE_MAX_LINK = 0.5
"""See BARE_PAGE_WORDS: a block with more link density than this is a link, not plain text."""
NO_CONTENT_PROSE_WORDS = 15
"""See NO_CONTENT_WORDS: a block this long that ends like a sentence is content however short
the page."""
NO_CONTENT_SHARE = 0.5
"""See NO_CONTENT_WORDS: only when the page holds other text, the kept words being less than
this share of all its words. A page that is nothing but a short list or a line is that text."""
STANDFIRST_MIN_WORDS = 15
"""A block dropped between the headline and the first kept block is kept as the standfirst when
it ends like a sentence, has at least this many words and leans to content (score above 0): the
lead that a header element holds apart from the body. Shorter lines there are bylines, dates
and photo credits."""
STANDFIRST_LONG_WORDS = 30
"""...or, not ending like a sentence, has at least this many words (twice STANDFIRST_MIN_WORDS):
a lead cut short with an ellipsis, run into a dateline or set without a final full stop is still
a paragraph; a photo caption with its credit ("... in Las Croabas. By U.S. Customs") is
shorter."""
STANDFIRST_MAX_LINK = 0.5
"""...and its link density is below this: a teaser under the headline is a link."""
PRODUCT_LEAD_SCORE = 1.0
"""On a page that presents one product (Metadata.product), a block between the headline and the
first kept block that scores at least this is the product's own text beside its picture (key
features, a one-line description), however short it is for a standfirst, and even below a
heading there ("Details", "Key features"): the product's box above the region that won (its
overview or specifications) is judged by the outside bar otherwise. Labels, notices,
captions, links and copies of kept blocks stay out, as for the standfirst."""
SHIPPING_TERMS = (
    r"shipping|ships|shipped|delivery|delivered|dispatch|returns|versand|versandkostenfrei|"
    r"lieferung|lieferzeit|geliefert|rücksendung|livraison|livré|expédi|retours|envío|envio|"
    r"entrega|devoluci|spedizion|consegna|verzending|levering|bezorg|wysyłka|dostawa"
)
"""Words of a shop's shipping and returns terms, matched at word starts of a block's fingerprint:
such a line beside the product ("Ships in 2 days", "Livraison estimée entre le ... et le ...")
is no text of the product's (PRODUCT_LEAD_SCORE)."""
PRODUCT_LEAD_WORDS = 4
"""See PRODUCT_LEAD_SCORE: the fewest words of such a block ("Width:", "COLOR:", "Sale Sold
out" there are no text)."""
INLINE_LINK = 0.9
"""In an article (the prose profile), a kept paragraph or list item that is wholly a link (at
least this link density), no sentence and at least SHORT_LINK_WORDS words long, whose nearest
kept block above (other such lines passed over) is prose (a sentence end, SHORT_WORDS words or
more, link density below BOX_LINK), is a teaser set into the text ("Alkohol beim Angeln -
Diskussion im Forum", "The latest news about the outbreak") and is dropped."""
TITLE_REACH = 5
"""A heading dropped inside the main region is kept when, within this many blocks after it and
before the next heading, the first block of TITLE_MIN_WORDS words or more is kept content: the
heading titles it (a card's linked title above its description)."""
TITLE_MIN_WORDS = 10
"""See TITLE_REACH: shorter blocks between a title and its text (a price, a date, a place) are
passed over."""
TITLE_MIN_LINK = 0.9
"""See TITLE_REACH: only a heading that is wholly a link (a card's title) is kept that way. A
plain heading dropped inside the region was dropped for its own reasons (a "Help improve this
page" box), and one partly linked is a heading with its "[edit]" links."""
GRID_FIELD_ITEMS = 4
"""A grid (refine.fill_grid_fields) has at least this many sibling items of one kind, and a
field is filled in only when at least this many of its blocks are kept. Three gave the same
wcxb-dev score with more pages changed."""
GRID_FIELD_SHARE = 0.5
"""...and when at least this share of the field's blocks are kept (0.6 on the first version of
the rule: wcxb-dev 0.8805 against 0.8808, fewer titles and prices of shop cards came back)."""
GRID_FIELD_MIN_SCORE = -1.5
"""...and only its dropped blocks scoring above this come back: a menu's links that most items
of a list of links kept stay dropped when they score as low as navigation (without it wcxb-dev
scored the same, but must-not-have text rose from 4.70 % to 4.85 %)."""
SPAN_KEEP_SCORE = 0.5
"""A block outside the main region that scores above this and sits between the first and the
last kept block of the page is kept (refine.fill_span): the region lost a section between two
kept parts, whose sentences lean to content but stay under KEEP_OUTSIDE."""
SPAN_KEEP_WORDS = 10
"""...if it ends like a sentence and has at least this many words (a shop card's name or a
spec line between kept blocks does not)."""
LIST_FILL_ITEMS = 3
"""A list item dropped between the first and the last kept block of content comes back when its
list (refine.fill_lists: the items of one parent element) has at least this many items..."""
LIST_FILL_SHARE = 0.5
"""...and at least this share of them are kept: the item that repeats a line of an earlier
card ("Average GPA: 3.7"), or that alone scored as a short link, in a list the text keeps."""
LIST_FILL_REPEATS = 0.34
"""...a repeat of a kept line only when less than this share of the list's items repeat kept
lines: a list that mostly repeats another (a second tab's system requirements, the same
features under each card of a shop) is a copy."""
SIBLING_LEVELS = 2
"""How many levels above the chosen container siblings are looked for. Only levels where the
element has two or more children count: wrapper elements with one child are passed through."""
TABLE_SIBLING_ROWS = 3
"""A sibling of the core's side at the first level (under the same parent, wrappers passed
through) that leans to content and holds at least this many data rows of two or more cells
("Weight | 820 g")..."""
TABLE_SIBLING_SHARE = 0.6
"""...making up at least this share of its blocks joins the region whatever its sum: the
specifications table beside a product's description, the facts table beside an article. A
table's short rows weigh little in the vote, so it rarely reaches SIBLING_SHARE on its own."""
COLUMN_SHARE = 0.6
"""When the core is a table row of several cells (page layout), its cell with the largest sum
becomes the core if it holds at least this share of the row's sum; the row's other cells (a
sidebar column) do not join the region."""
REPEAT_LEVELS = 4
NEG_SECTION_MAX_LINK = 0.5
"""A `<section>` before the core's side, at the first counted level, with the same tag and class
words as the section the core sits in, joins the region even when its sum is not above zero
(select._regions), if less than this share of its words are in blocks whose link density
reaches this value: a reference page's "Constructor", "Properties" and "Methods" sections
(linked names, short definitions) above its "Examples". A column of links marked up as a
section of the same class stays out. wcxb-dev 0.8713 to 0.8715 (documentation 0.9188 to
0.9200, service 0.8410 to 0.8414; 3 pages better, none worse)."""
NEG_SECTION_MIN_BLOCKS = 3
"""...and if it holds at least this many blocks (a byline box of the article's class does not)."""
"""How many levels above the chosen container repeated siblings (same tag and class words:
the other posts of a thread, the other cards of a list) are looked for."""
KEEP_INSIDE: dict[str, float] = {"precision": 1.0, "balanced": -0.4, "recall": -1.5}
"""Least score a block inside the main region needs to be kept, per Options.favor."""
KEEP_OUTSIDE: dict[str, float] = {"precision": math.inf, "balanced": 5.0, "recall": 3.0}
"""Least score a block outside the main region needs to be kept, per Options.favor."""
KEEP_LABEL = 0.0
"""Least score a boilerplate label (a block with a label word, a call to action or a pitch)
needs to be kept inside the main region, when the favor's own bar is lower: the label's weight
must be outweighed by other evidence, not merely brought near zero by the class words of the
article it sits in ("Czytaj więcej w internetowym wydaniu...", a paywall prompt)."""
HEADLINE_MIN_ECHO = 0.5
"""A heading that is not an <h1> must share this much with the page title to be the headline."""
HEADLINE_MAX_LINK = 0.5
"""A heading with more link density than this (a teaser title) is never the headline."""
JSON_LD_FACTOR = 2
JSON_LD_SLACK = 20
"""The page's JSON-LD articleBody replaces the selection when it has more than
JSON_LD_FACTOR x (kept words) + JSON_LD_SLACK words: the visible page is an app shell."""
BODY_END_MIN_WORDS = 100
"""Otherwise an articleBody of at least this many words marks where the article ends: kept
paragraphs below the last kept block that opens with words of it, and that do not themselves
open with words of it, are not the article (an author's bio, a newsletter pitch)..."""
BODY_END_COVER = 0.75
"""...when at least this share of the kept words lies in blocks that open with its words (the
articleBody is the whole article, not a teaser of it)."""
BODY_KEY_WORDS = 8
"""A block opens with words of the articleBody when its first this many words (all of them,
from BODY_KEY_MIN_WORDS up) appear in it in a row."""
BODY_KEY_MIN_WORDS = 4
"""Blocks of fewer words are not compared."""

COMMENT_HEADINGS: frozenset[str] = frozenset(
    {
        "comments", "reader interactions", "leave a reply", "leave a comment", "post a comment",
        "join the discussion", "kommentare", "commentaires", "comentarios", "comentários",
        "commenti", "reacties", "komentarze", "yorumlar", "комментарии", "コメント", "评论",
    }
)  # fmt: skip
"""Headings of a comments section (lower case; a count before or after them is allowed:
"109 Comments", "Comments (18)"). After COMMENTS_AFTER_WORDS words of kept prose, such a
heading ends the main content: what follows is what readers wrote, not the article (HTML and
text pages alike)."""
COMMENT_HEADING_MAX_WORDS = 6
"""A comments heading, its count included, has at most this many words."""
REVIEW_HEADINGS: frozenset[str] = frozenset(
    " ".join(heading.split())
    for heading in """
    reviews|customer reviews|customer review|product reviews|user reviews|verified reviews|
    ratings reviews|ratings and reviews|reviews and ratings|reviews ratings|customer ratings|
    customer ratings and reviews|customer feedback|what customers say|what our customers say|
    what customers are saying|what our customers are saying|customers say|reviews summary|
    review summary|testimonials|customer testimonials|user testimonials|
    bewertungen|kundenbewertungen|produktbewertungen|rezensionen|kundenrezensionen|
    kundenmeinungen|avis|avis clients|avis client|avis des clients|les avis de nos clients|
    avis de nos clients|opiniones|opiniones de clientes|opiniones de los clientes|reseñas|
    valoraciones|recensioni|recensioni dei clienti|recensioni clienti|avaliações|
    avaliações de clientes|avaliações dos clientes|opiniões|beoordelingen|klantbeoordelingen|
    klantenbeoordelingen|opinie|opinie klientów|recenzje|değerlendirmeler|müşteri yorumları|
    отзывы|отзывы покупателей|レビュー|カスタマーレビュー|评价|用户评价|商品评价|리뷰|상품평
    """.split("|")
)
"""Headings of the customer reviews of a product (fingerprints: lower case, punctuation as
spaces; a count before or after them is allowed: "Reviews (12)"). On a page that presents one
product (Metadata.product), such a heading element after REVIEWS_AFTER_WORDS words of kept
prose ends the main content: what buyers wrote follows, then the shop's FAQ, its other products
and its pitches, not the product. The singular "review" is left out: a critic's review of the
product is its text."""
REVIEW_NAMED_MAX_WORDS = 12
"""A reviews heading may go on to name the product after a linking word ("Reviews for Men's
Wool Runner", "Customer Reviews of the ...", "Bewertungen zu ..."), in at most this many words,
its count included. With "Reviews summary" and "Testimonials": wcxb-dev product pages 0.7383
to 0.7445 (three pages up, none down)."""
REVIEW_NAME_LINKS: frozenset[str] = frozenset(
    {
        "for", "of", "on", "about", "für", "zu", "von", "über", "pour", "sur", "de", "du",
        "des", "del", "para", "di", "per", "su", "voor", "van", "do", "da", "dla",
    }
)  # fmt: skip
"""The words that link a reviews heading to the product it names (REVIEW_NAMED_MAX_WORDS)."""
REVIEWS_AFTER_WORDS = 50
"""Words of kept prose (sentences, not headings) above a reviews heading before it ends a
product page's content: a tab strip or a rating summary beside the product's title names the
reviews before its description. wcxb-dev product pages: 50 and 150 give the same but one page
(its description is 60 words)."""
COMMENTS_AFTER_WORDS = 150
"""Words of kept prose (sentences, not headings) above a comments heading before it ends the
main content: a forum thread or a short post whose replies are its content has its first
comments heading near the top. wcxb-dev as text: 80, 150 and 300 all give 0.7982-0.7985. Not
applied with Options.include_comments, nor on a page that declares itself a discussion
(Metadata.discussion), nor on one that prints a counted comments heading more than once ("0
comments", "14 comments" under each item of a list)."""
AUTHOR_BIO_NAME_WORDS = (2, 5)
"""A name of the page's author (``Metadata.author``, split at commas, "&", "and", ";", "|") that
an author's bio may open with has this many words, bounds included: one word ("Admin", a site's
name) would open many a sentence of the text."""
BYLINE_PREFIXES: frozenset[str] = frozenset(
    {"by", "von", "par", "por", "door", "przez", "av", "af", "di"}
)
""""By" in several languages: a short kept line near the top of the text that opens with one of
these words and then a capitalised word is a byline ("By Maureen Salamon, Executive Editor",
"Von Anna Weber"), which answer keys leave out (:func:`declutter.trim.drop_bylines`)..."""
BYLINE_MAX_WORDS = 12
"""... when it has at most this many words..."""
BYLINE_ABOVE_WORDS = 100
"""... and at most this many kept words lie above it (the headline not counted): it heads the
text. A page that keeps more than one such line is a list of articles and keeps them all."""
DATELINE_WORDS: frozenset[str] = frozenset(
    # months and their short forms (English, German, French, Spanish, Italian, Dutch, Portuguese)
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    januar februar märz mai juni juli oktober dezember
    janvier février mars avril juin juillet août septembre octobre novembre décembre
    enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
    gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
    januari februari maart mei augustus
    janeiro fevereiro março maio junho julho setembro outubro novembro dezembro
    monday tuesday wednesday thursday friday saturday sunday
    published updated last posted on at am pm min mins minute minutes read reading time ago
    hour hours day days st nd rd th
    veröffentlicht aktualisiert publié le mis à jour publicado actualizado el de pubblicato
    aggiornato il gepubliceerd bijgewerkt op em
    """.split()
)
"""The words of a dateline: a short kept line near the top of the text made only of numbers and
these words ("Published on July 18, 2025", "Last updated: Dec 4, 2025", "4 min read") is the
article's date, which answer keys leave out (:func:`declutter.trim.drop_datelines`)..."""
DATELINE_MAX_WORDS = 8
"""... when it has at most this many words, a number among them, and at most BYLINE_ABOVE_WORDS
kept words lie above it (the headline not counted). A page that keeps such a line further down
(a list of dated posts, a thread's replies) keeps them all..."""
DATELINE_MAX_LINES = 2
"""... and so does one that keeps more than this many at the top (the date and the reading time
are two; a short thread's posts are dated each)."""
DATELINE_MIN_KEPT_WORDS = 400
"""... and so does one that keeps fewer than this many words in all: no article under the date (a
short list of dated items, a shop's delivery date; 0 cost a listing 0.127 to 0.057)."""
CLOSING_NOTE_MAX_WORDS = 150
"""A closing note of the article (:func:`declutter.trim.drop_closing_notes`: an author's bio,
a disclaimer) has at most this many words and ends like a sentence..."""
CLOSING_NOTE_BEFORE_WORDS = 300
"""... and has at least this many words of kept prose above it..."""
CLOSING_NOTE_AFTER_WORDS = 150
"""... and at most this many kept words below it: it closes the article. An interview or a
profile that names its subject as the page's author has the name in its body, above more text."""
EDIT_NOTE_TERMS = (
    r"(?:this (?:page|article|post|document|entry|topic) (?:was |has been )?)?"
    r"last (?:modified|updated|reviewed|changed)|page last (?:modified|updated)|"
    r"zuletzt (?:geändert|aktualisiert)|letzte (?:änderung|aktualisierung)|"
    r"dernière (?:modification|mise à jour)|"
    r"última (?:modificación|actualización|atualização|modificação)|"
    r"ultima (?:modifica|modificazione)|ultimo aggiornamento|"
    r"laatst (?:gewijzigd|bijgewerkt)|ostatnia (?:modyfikacja|aktualizacja)|"
    r"последн\w+ (?:изменение|обновление)"
)
"""The opening words (of a block's fingerprint) of a note saying when a page was last changed,
in several languages: "This page was last modified on Dec 5, 2025 by MDN contributors." closing
a reference page, "Last updated: April 21, 2025" under an article's headline. WCXB's gold leaves
out all but 2 of the 24 such kept lines of wcxb-dev (:func:`declutter.trim.drop_edit_notes`).
A forum post's "Last edited: Jul 9, 2022" ("zuletzt bearbeitet", "dernière édition") is left
alone: the gold leaves it out too, but keeps the posts' dates, whose words the note shares, and
dropping it cost forum 0.8295 to 0.8292..."""
EDIT_NOTE_FIRST_WORDS = (
    "this ", "last ", "page ", "zuletzt ", "letzte ", "dernière ", "última ", "ultima ",
    "ultimo ", "laatst ", "ostatnia ", "последн",
)  # fmt: skip
"""The words EDIT_NOTE_TERMS open with: a block whose key opens with none of them (most) is
passed over by a test in C, before the pattern."""
EDIT_NOTE_MAX_WORDS = 24
"""... when the note has at most this many words (the editor's name and date, the change's
summary on a wiki: "Last modified November 18, 2025 at 11:47 AM PST: Fix ordering of...") and a
digit (its date); a paragraph that goes on after it ("Last updated: December 2025. Google's
Gemini has...") is text."""
OPENING_BIO_MAX_ABOVE = 30
"""An author's bio (:func:`declutter.trim.drop_closing_notes`) set over the text instead has at
most this many words of kept prose above it (the headline not counted) and at least
CLOSING_NOTE_BEFORE_WORDS kept words below it: "Jane Doe is a full-stack developer and writer..."
between the headline and the article."""
TEASER_GRID_CARDS = 3
"""A grid of teaser cards closing an article (:func:`declutter.trim.drop_teaser_grid`: other
posts, each a linked title over its standfirst, each card its own element) has at least this many
cards in a row..."""
TEASER_TITLE_MIN_WORDS = 3
TEASER_TITLE_MAX_WORDS = 20
"""... each titled by a block of this many words (a post's headline, not a user's name)..."""
TEASER_TITLE_MIN_LINK = 0.8
"""... that is a link (at least this link density; a title that asks a question is an FAQ's)..."""
TEASER_TEXT_MIN_WORDS = 8
"""... over a block of prose of at least this many words..."""
TEASER_TEXT_MAX_LINK = 0.3
"""... and at most this link density..."""
TEASER_ABOVE_WORDS = 300
"""... and at least this many words of kept prose lie above the grid, outside it: the article
(150 took a shop page's accordion of features under its short introduction)."""
TEASER_FIELD_MAX_WORDS = 10
"""A card's other blocks (its category, its date, "via Jane's blog, May 3") have at most this
many words each; a grid holding a longer block besides its cards is no grid of teasers."""
TEASER_HEAD_MAX_WORDS = 6
"""A heading of at most this many words right above such a grid is its label and goes with it."""
DISCLAIMER_TERMS = (
    r"for (?:general )?information(?:al)? purposes|for (?:general )?information only|"
    r"for illustrative purposes only|views expressed|opinions expressed|"
    r"(?:is|are) not (?:intended |meant )?(?:to be )?(?:used )?(?:as )?a substitute for|"
    r"not intended to (?:be a )?substitute for|"
    r"(?:does|do) not constitute (?:\w+ )?(?:advice|an offer|a recommendation|an endorsement|"
    r"a solicitation)|should not be construed as|"
    r"not (?:legal|financial|medical|investment|tax) advice|not provide (?:\w+ ){1,4}advice|"
    r"zu informationszwecken|dient (?:nur |lediglich |ausschließlich )?der (?:allgemeinen )?"
    r"information|stellt keine \w+ ?beratung dar|stellen keine \w+ ?beratung dar|"
    r"ersetzt keine (?:ärztliche|medizinische|professionelle|rechtliche|fachliche)|"
    r"à titre (?:purement )?informatif|à titre d information|"
    r"ne constituent? pas un conseil|ne remplace pas (?:un|une|l|le) (?:avis|consultation|"
    r"conseil|diagnostic)|con fines informativos|a título informativo|"
    r"no constituye (?:un )?asesoramiento|no sustituye (?:el|la|a|al) (?:consejo|consulta|"
    r"asesoramiento|diagnóstico|opinión)|a scopo (?:puramente )?informativo|"
    r"a titolo (?:puramente )?informativo|non costituisce (?:consulenza|parere|offerta)|"
    r"non sostituisce (?:il|la|l) (?:parere|consulto|consulenza|diagnosi)|"
    r"para fins informativos|caráter informativo|não constitui (?:aconselhamento|consultoria|"
    r"recomendação|oferta)|não substitui (?:a|o) (?:consulta|orientação|aconselhamento|"
    r"diagnóstico|parecer)|voor informatieve doeleinden|uitsluitend ter informatie|"
    r"geen (?:juridisch|medisch|financieel|fiscaal) advies"
)
"""Words of a disclaimer closing an article ("for informational purposes only", "the views
expressed are those of the author", "does not constitute legal advice", "ersetzt keine ärztliche
Beratung", "à titre informatif", "no constituye asesoramiento"...), matched at word starts of a
block's fingerprint (lower case, punctuation folded to spaces): such a paragraph below the text
is the site's fine print, dropped when it closes the article (CLOSING_NOTE_*) and the words start
among its first DISCLAIMER_LEAD_WORDS words."""
CONSENT_TERMS = (
    r"by \w+ing (?:\w+ ){0,6}(?:you|i) (?:agree|confirm|consent|accept|acknowledge) "
    r"(?:to|that|the|our|its|receiving)|"
    r"en (?:cliquant|soumettant|cochant|vous inscrivant) (?:\w+ ){0,6}vous (?:acceptez|confirmez|"
    r"consentez)|al (?:hacer clic|enviar|marcar|registrarte|suscribirte) (?:\w+ ){0,6}"
    r"(?:aceptas|acepta|confirmas|confirma)|cliccando (?:\w+ ){0,6}(?:accetti|acconsenti|"
    r"confermi)|ao (?:clicar|enviar|marcar) (?:\w+ ){0,6}(?:você )?(?:concorda|aceita|confirma)|"
    r"mit (?:dem|der|ihrer) (?:klick|absenden|anmeldung|registrierung) (?:\w+ ){0,6}"
    r"(?:stimmen|akzeptieren|bestätigen) sie"
)
"""Words of a form's consent line ("By clicking Sign Me Up, you agree to our Terms", "By pressing
Submit I agree to receive...", "En cliquant ..., vous acceptez"), matched like DISCLAIMER_TERMS
among a block's first DISCLAIMER_LEAD_WORDS words: the fine print of a form is no part of any
text, so such a block of at most CLOSING_NOTE_MAX_WORDS words goes wherever it stands."""
DISCLAIMER_LEAD_WORDS = 20
"""A disclaimer's words start among the first this many words of its block: a block that ends
the article's own last paragraphs with the disclaimer (one element, lines split by ``<br>``) is
the article's text first."""


# ---------------------------------------------------------------------------------------------
# options: what include_comments and include_tables change after selection
# ---------------------------------------------------------------------------------------------
COMMENT_PREFIXES = ("comment", "disqus")
"""A class/id word starting with one of these marks a reader-comments container ("comments",
"comment-list", "commentlist", "disqus_thread"). With Options.include_comments, the prose
inside such a container is kept; without it, comments fall to the ordinary rules (their
class words are boilerplate hints, so they are dropped below an article)."""
COMMENT_MIN_WORDS = 4
"""A block in a comments container is kept as a comment when it ends with a full stop, question
or exclamation mark (not a colon) and has at least this many words, or COMMENT_LONG_WORDS words however it ends: the
author line ("Anna said:"), the date and the "Reply" link around each comment are short and
do not end like that."""
COMMENT_LONG_WORDS = 10
COMMENT_MAX_LINK = 0.5
"""...and at most this link density: a list of links to other posts is not a comment."""

BOX_AFTER_WORDS = 100
"""A label heading heads a box to drop only below this many words of kept text: the article is
then over, and the box is its appendix of teasers."""
BOX_LINK = 0.5
"""After a kept label heading ("Most read"), blocks with at least this link density are the
teasers of its box and are dropped with it."""
BOX_SHORT_WORDS = 6
"""After a kept label heading, lines of fewer words that are no sentence (dates, bylines) belong
to its box too."""
AUTHOR_BOX_LABELS: frozenset[str] = frozenset(
    " ".join(label.split())
    for label in """
    about the author|about the authors|about the reviewer|about the reviewers|about the writer|
    about the expert|about the contributor|meet the author|author bio|über den autor|über die
    autorin|über die autoren|à propos de l'auteur|à propos de l'autrice|sobre el autor|sobre la
    autora|sobre o autor|sobre a autora|sull'autore|sull'autrice|over de auteur|o autorze|об авторе
    """.split("|")
)
"""Headings over a box about the writer: below the main text (BOX_AFTER_WORDS), the prose of the
box (the bio) goes with the heading too, up to the next heading, not only its links and short
lines."""

DESCRIPTION_REST_BLOCKS = 30
"""How many blocks below a paragraph kept because it opens with the page's declared description
(declared.py) are read as the rest of its post: dropped prose in the same parent element."""
