"""Hypothesis strategies for pages: realistic HTML built from parts, text pages, bytes.

A generated HTML page is a small tree of :class:`El`, :class:`Text` and :class:`Raw` nodes.
Because the tree is known, so is the text a reader sees (:func:`visible_text`): the oracle the
properties check the extraction against. The tree renders to markup in any :class:`Style`
(tag case, attribute order, quotes, whitespace between tags, one more wrapping ``<div>``), so
cosmetic variants of one page are easy to make.

Word lists are disjoint by design: article prose, site chrome, and words that only ever sit in
invisible places (scripts, styles, comments, hidden elements). No list holds a tag name, so markup
that leaks into the output shows up as a word the page never showed.
"""

from __future__ import annotations

import html as html_lib
from dataclasses import dataclass, field

import regex
from hypothesis import strategies as st

# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------

PROSE_WORDS = tuple(
    """the of and to in is was for that with as his on be at by this had not are but from or
    have an they which one you were her all she there would their we him been has when who will
    no if out so said what up its about into than them can only other some could moment these two
    may then do any my now such like our over man me even most made after also did many before
    must through years where much your way well down should because each just those people how
    too little state good very make world still own see men work long get here between both life
    being under never day same another know while might us great old year off come since against
    go came right used take three river garden letter winter morning village council harbour
    engine doctor teacher market bridge forest island mountain kitchen window station budget
    report study evidence season journey history music painting language family neighbour
    farmer storm valley""".split()
)
"""Words of article prose (no tag names, no boilerplate labels)."""

CHROME_WORDS = tuple(
    """Home World Business Sport Culture Opinion Science Travel Films Podcasts Weather Markets
    Tech Health Fashion Books Careers Advertise Imprint Archive Events Shop Login Register Help
    Sitemap Jobs""".split()
)
"""Words of site chrome: menus, footers, sidebars."""

INVISIBLE_WORDS = tuple(
    f"zq{stem}"
    for stem in """alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike
    november oscar papa quebec romeo sierra tango""".split()
)
"""Words that only ever appear where a reader cannot see them."""

_TOKEN = regex.compile(r"[\p{L}\p{N}\p{M}]+")


def words(text: str) -> list[str]:
    """The words of a text, in order (letters, digits and marks; punctuation dropped)."""
    return _TOKEN.findall(text)


# ---------------------------------------------------------------------------------------------
# The page model
# ---------------------------------------------------------------------------------------------

BLOCK_LEVEL = frozenset(
    """html head body article main section div p h1 h2 h3 h4 h5 h6 ul ol li nav header footer
    aside table thead tbody tr td th blockquote pre form figure figcaption dl dt dd""".split()
)
"""Tags after which a reader sees a break between words."""


@dataclass(frozen=True)
class Text:
    """Text as a reader sees it; it is escaped when rendered."""

    text: str


@dataclass(frozen=True)
class Raw:
    """Markup written as is (comments, malformed fragments) and the text a reader sees in it."""

    markup: str
    seen: str = ""


@dataclass(frozen=True)
class El:
    """An element; ``visible=False`` for elements no reader sees (script, hidden, ...)."""

    tag: str
    attrs: tuple[tuple[str, str], ...] = ()
    children: tuple[El | Text | Raw, ...] = ()
    visible: bool = True


Node = El | Text | Raw


@dataclass(frozen=True)
class Style:
    """How a tree is written out; every style gives the same page to a reader."""

    upper: bool = False
    """Tag and attribute names in upper case."""
    reverse_attrs: bool = False
    """Attributes in reverse order."""
    quote: str = '"'
    """The quote around attribute values."""
    gap: str = ""
    """White space written between block-level elements."""
    wrap: bool = False
    """One more ``<div>`` around everything in ``<body>``."""


@dataclass(frozen=True)
class Page:
    """A generated HTML page: title, head extras and body parts."""

    title: str
    body: tuple[Node, ...]
    head: tuple[Node, ...] = ()
    charset: str | None = None
    """The label of a ``<meta charset>`` to declare, if any."""
    doctype: str = "<!DOCTYPE html>"
    notes: tuple[str, ...] = field(default=(), compare=False)

    def html(self, style: Style = Style()) -> str:
        """The page as markup."""
        head: list[Node] = []
        if self.charset:
            head.append(El("meta", (("charset", self.charset),)))
        head.append(El("title", (), (Text(self.title),), visible=False))
        head.extend(self.head)
        body: tuple[Node, ...] = self.body
        if style.wrap:
            body = (El("div", (), body),)
        root = El("html", (("lang", "en"),), (El("head", (), tuple(head)), El("body", (), body)))
        return self.doctype + style.gap + render(root, style)

    def visible(self) -> str:
        """The text a reader sees, block breaks as spaces."""
        return visible_text(El("body", (), self.body))


_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "wbr"})
_RAW_TEXT = frozenset({"script", "style"})


def render(node: Node, style: Style = Style()) -> str:
    """Markup for a node in a style."""
    if isinstance(node, Text):
        return html_lib.escape(node.text, quote=False)
    if isinstance(node, Raw):
        return node.markup
    name = node.tag.upper() if style.upper else node.tag
    attrs = list(reversed(node.attrs)) if style.reverse_attrs else list(node.attrs)
    q = style.quote
    opening = "".join(
        f" {k.upper() if style.upper else k}={q}{html_lib.escape(v, quote=True)}{q}"
        for k, v in attrs
    )
    if node.tag in _VOID:
        return f"<{name}{opening}>"
    if node.tag in _RAW_TEXT:  # script and style content is written verbatim
        inner = "".join(c.text if isinstance(c, Text) else render(c, style) for c in node.children)
        return f"<{name}{opening}>{inner}</{name}>"
    parts: list[str] = []
    for child in node.children:
        block = isinstance(child, El) and child.tag in BLOCK_LEVEL and node.tag != "pre"
        if block and style.gap:
            parts.append(style.gap)
        parts.append(render(child, style))
        if block and style.gap:
            parts.append(style.gap)
    return f"<{name}{opening}>{''.join(parts)}</{name}>"


def visible_text(node: Node) -> str:
    """What a reader sees of a node; a block-level element is set off by spaces."""
    if isinstance(node, Text):
        return node.text
    if isinstance(node, Raw):
        return node.seen
    if not node.visible:
        return ""
    inner = "".join(visible_text(c) for c in node.children)
    if node.tag in BLOCK_LEVEL or node.tag in _VOID:
        return f" {inner} "
    return inner


# ---------------------------------------------------------------------------------------------
# Article parts
# ---------------------------------------------------------------------------------------------


@st.composite
def sentences(
    draw: st.DrawFn,
    vocabulary: tuple[str, ...] = PROSE_WORDS,
    min_words: int = 8,
    max_words: int = 18,
) -> str:
    """One sentence: capitalised, words separated by spaces, ending with a full stop."""
    chosen = draw(st.lists(st.sampled_from(vocabulary), min_size=min_words, max_size=max_words))
    if draw(st.booleans()) and len(chosen) > 6:
        chosen[len(chosen) // 2] += ","
    text = " ".join(chosen)
    return text[0].upper() + text[1:] + draw(st.sampled_from([".", ".", ".", "!", "?"]))


@st.composite
def prose_paragraphs(draw: st.DrawFn, min_sentences: int = 2, max_sentences: int = 5) -> str:
    """The text of one paragraph of article prose."""
    return " ".join(draw(st.lists(sentences(), min_size=min_sentences, max_size=max_sentences)))


@st.composite
def inline_markup(draw: st.DrawFn, text: str) -> tuple[Node, ...]:
    """A paragraph's text, with some words wrapped in <em>, <strong>, <span> or <code>."""
    tokens = text.split(" ")
    out: list[Node] = []
    i = 0
    while i < len(tokens):
        n = draw(st.integers(1, 4))
        piece = " ".join(tokens[i : i + n])
        i += n
        sep = " " if i < len(tokens) else ""
        tag = draw(st.sampled_from([None, None, None, "em", "strong", "span", "b", "i", "code"]))
        if tag is None:
            out.append(Text(piece + sep))
        else:
            out.append(El(tag, (), (Text(piece),)))
            if sep:
                out.append(Text(sep))
    return tuple(out)


def _fingerprint(text: str) -> str:
    return " ".join(w.casefold() for w in words(text))


@st.composite
def articles(
    draw: st.DrawFn, inline: bool = True, subheadings: bool = True
) -> tuple[str, list[Node]]:
    """A headline and an article body: an <h1>, then paragraphs (distinct), maybe <h2>s."""
    title = draw(sentences(min_words=3, max_words=9)).rstrip(".!?")
    texts = draw(st.lists(prose_paragraphs(), min_size=2, max_size=6, unique_by=_fingerprint))
    texts = [t for t in texts if _fingerprint(t) != _fingerprint(title)]
    nodes: list[Node] = [El("h1", (), (Text(title),))]
    seen = {_fingerprint(title), *map(_fingerprint, texts)}  # a repeated block is dropped by design
    for i, text in enumerate(texts):
        if subheadings and i and draw(st.integers(0, 4)) == 0:
            sub = draw(sentences(min_words=3, max_words=7)).rstrip(".!?")
            if _fingerprint(sub) not in seen:
                seen.add(_fingerprint(sub))
                nodes.append(El("h2", (), (Text(sub),)))
        children = draw(inline_markup(text)) if inline else (Text(text),)
        nodes.append(El("p", (), children))
    return title, nodes


CONTAINERS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("article", ()),
    ("main", ()),
    ("div", (("class", "article-body"),)),
    ("div", (("id", "content"),)),
    ("article", (("class", "post"), ("id", "post-1"))),
)


# ---------------------------------------------------------------------------------------------
# Boilerplate parts
# ---------------------------------------------------------------------------------------------


def _link(text: str, href: str = "/") -> El:
    return El("a", (("href", href),), (Text(text),))


@st.composite
def navigation(draw: st.DrawFn) -> El:
    """A site menu: a <nav> with a list of short links."""
    items = draw(st.lists(st.sampled_from(CHROME_WORDS), min_size=4, max_size=10, unique=True))
    lis = tuple(El("li", (), (_link(w, f"/{w.lower()}"),)) for w in items)
    return El("nav", (("class", "main-nav"),), (El("ul", (), lis),))


@st.composite
def site_header(draw: st.DrawFn) -> El:
    """A masthead: the site name as a link home."""
    name = draw(st.sampled_from(["The Daily Example", "Example Gazette", "Northern Times"]))
    return El(
        "header", (("class", "site-header"),), (El("div", (("class", "logo"),), (_link(name),)),)
    )


@st.composite
def footers(draw: st.DrawFn) -> El:
    """A footer: link list and a copyright line."""
    items = draw(st.lists(st.sampled_from(CHROME_WORDS), min_size=3, max_size=8, unique=True))
    lis = tuple(El("li", (), (_link(w, f"/{w.lower()}"),)) for w in items)
    year = draw(st.integers(1998, 2030))
    return El(
        "footer",
        (("class", "site-footer"),),
        (
            El("ul", (), lis),
            El(
                "p",
                (("class", "copyright"),),
                (Text(f"© {year} The Daily Example. All rights reserved."),),
            ),
        ),
    )


@st.composite
def headline_texts(draw: st.DrawFn) -> str:
    """A teaser headline: a short sentence without its full stop."""
    return draw(sentences(min_words=5, max_words=10)).rstrip(".!?")


@st.composite
def most_read(draw: st.DrawFn) -> El:
    """A "Most read" box: a heading and a numbered list of linked headlines."""
    heads = draw(st.lists(headline_texts(), min_size=3, max_size=6, unique=True))
    lis = tuple(El("li", (), (_link(h, f"/story/{i}"),)) for i, h in enumerate(heads))
    return El(
        "aside", (("class", "most-read"),), (El("h2", (), (Text("Most read"),)), El("ol", (), lis))
    )


@st.composite
def sidebars(draw: st.DrawFn) -> El:
    """A sidebar of related links."""
    heads = draw(st.lists(headline_texts(), min_size=2, max_size=5, unique=True))
    lis = tuple(El("li", (), (_link(h, f"/related/{i}"),)) for i, h in enumerate(heads))
    return El(
        "aside", (("class", "sidebar"),), (El("h3", (), (Text("Related"),)), El("ul", (), lis))
    )


def cookie_banner() -> El:
    """A cookie-consent banner with its buttons."""
    return El(
        "div",
        (("class", "cookie-banner"), ("id", "cookie-consent")),
        (
            El(
                "p",
                (),
                (
                    Text(
                        "We use cookies to personalise content and to analyse our traffic. You can change your settings at any time."
                    ),
                ),
            ),
            El("button", (), (Text("Accept all"),)),
            El("button", (), (Text("Manage settings"),)),
        ),
    )


@st.composite
def teasers(draw: st.DrawFn) -> El:
    """A teaser card: a linked headline and a one-sentence summary."""
    head = draw(headline_texts())
    summary = draw(sentences(min_words=6, max_words=12))
    return El(
        "div",
        (("class", "teaser"),),
        (
            El("h3", (), (_link(head, "/story/teaser"),)),
            El("p", (("class", "teaser-summary"),), (Text(summary),)),
        ),
    )


@st.composite
def comment_sections(draw: st.DrawFn) -> El:
    """Reader comments under an article."""
    texts = draw(st.lists(sentences(min_words=4, max_words=14), min_size=1, max_size=4))
    items = tuple(
        El(
            "div",
            (("class", "comment"),),
            (El("span", (("class", "author"),), (Text(f"Reader{i}"),)), El("p", (), (Text(t),))),
        )
        for i, t in enumerate(texts)
    )
    return El(
        "section",
        (("id", "comments"), ("class", "comments")),
        (El("h2", (), (Text("Comments"),)), *items),
    )


# ---------------------------------------------------------------------------------------------
# Other parts: tables, lists, code, invisible things, malformed markup
# ---------------------------------------------------------------------------------------------


@st.composite
def tables(draw: st.DrawFn) -> El:
    """A small data table with a header row."""
    cols = draw(st.integers(2, 4))
    rows = draw(st.integers(1, 5))
    cell = st.lists(st.sampled_from(PROSE_WORDS), min_size=1, max_size=3).map(" ".join)
    head = El("tr", (), tuple(El("th", (), (Text(draw(cell)),)) for _ in range(cols)))
    body = tuple(
        El("tr", (), tuple(El("td", (), (Text(draw(cell)),)) for _ in range(cols)))
        for _ in range(rows)
    )
    return El("table", (), (El("thead", (), (head,)), El("tbody", (), body)))


@st.composite
def lists(draw: st.DrawFn) -> El:
    """A bulleted or numbered list of short prose items."""
    items = draw(st.lists(sentences(min_words=3, max_words=10), min_size=1, max_size=6))
    return El(
        draw(st.sampled_from(["ul", "ol"])), (), tuple(El("li", (), (Text(t),)) for t in items)
    )


@st.composite
def code_blocks(draw: st.DrawFn) -> El:
    """Preformatted code."""
    lines = draw(
        st.lists(
            st.lists(st.sampled_from(PROSE_WORDS), min_size=1, max_size=5).map(" ".join),
            min_size=1,
            max_size=4,
        )
    )
    return El("pre", (), (El("code", (), (Text("\n".join(lines)),)),))


def _invisible_text(draw: st.DrawFn) -> str:
    return " ".join(draw(st.lists(st.sampled_from(INVISIBLE_WORDS), min_size=1, max_size=8)))


@st.composite
def invisible_parts(draw: st.DrawFn) -> Node:
    """Something no reader sees: a script, a style, a comment, a hidden element, a template..."""
    text = _invisible_text(draw)
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return El(
            "script", (), (Text(f'var {text.split()[0]} = "{text} </p> <div>";'),), visible=False
        )
    if kind == 1:
        return El(
            "script", (("type", "application/json"),), (Text(f'{{"k": "{text}"}}'),), visible=False
        )
    if kind == 2:
        return El("style", (), (Text(f".{text.split()[0]} {{ color: red }}"),), visible=False)
    if kind == 3:
        return Raw(f"<!-- {text} <p>{text}</p> -->")
    if kind == 4:
        # (not the hidden attribute: segment weighs it instead, since streamed server renders
        # park whole pages in hidden elements)
        return El("div", (("class", "d-none"),), (El("p", (), (Text(text),)),), visible=False)
    if kind == 5:
        return El("div", (("style", "display: none"),), (Text(text),), visible=False)
    if kind == 6:
        return El("span", (("class", "sr-only"),), (Text(text),), visible=False)
    if kind == 7:
        return El("template", (), (El("p", (), (Text(text),)),), visible=False)
    if kind == 8:
        return El("noframes", (), (El("p", (), (Text(text),)),), visible=False)
    return El("select", (), (El("option", (), (Text(text),)),), visible=False)


@st.composite
def malformed_parts(draw: st.DrawFn) -> Raw:
    """Broken markup whose text is still well defined: unclosed, misnested and stray tags."""
    a, b, c = (
        " ".join(draw(st.lists(st.sampled_from(PROSE_WORDS), min_size=1, max_size=6)))
        for _ in range(3)
    )
    shapes = [
        (f"<p>{a} <b>{b} <i>{c}</b> tail</i></p>", f" {a} {b} {c} tail "),  # misnested
        (f"<div><p>{a}<p>{b}</div>", f" {a} {b} "),  # unclosed paragraphs
        (f"<div><span>{a} <em>{b}</div>", f" {a} {b} "),  # unclosed inline elements
        (f"</span></p></div><p>{a}</p>", f" {a} "),  # stray end tags
        (f"<p>{a}<br/>{b}<br>{c}</p>", f" {a} {b} {c} "),  # br in both spellings
        (f"<P CLASS=x>{a}</p><DIV id=y>{b}</DIV>", f" {a} {b} "),  # case and bare values
        (f"<p>{a} 3 < 4 and 5 > 2 {b}</p>", f" {a} 3 < 4 and 5 > 2 {b} "),  # bare angle brackets
        (f"<p>{a} &amp; {b} &eacute; &#233; &#x263A;</p>", f" {a} & {b} é é ☺ "),  # entities
        (
            f"<x-widget data-a='1'>{a}</x-widget> <foo:bar>{b}</foo:bar>",
            f" {a} {b} ",
        ),  # unknown tags
        (f"<ul><li>{a}<li>{b}</ul>", f" {a} {b} "),  # implied </li>
        (f"<table><tr><td>{a}<td>{b}</table>", f" {a} {b} "),  # implied cells and rows
    ]
    markup, seen = draw(st.sampled_from(shapes))
    return Raw(f" {markup} ", seen)  # spaced, so that two fragments never run into one word


def _wrap(draw: st.DrawFn, children: tuple[Node, ...]) -> El:
    tag, attrs = draw(st.sampled_from(CONTAINERS))
    return El(tag, attrs, children)


@st.composite
def pages(draw: st.DrawFn, malformed: bool = True) -> Page:
    """A random page: an article among random chrome, tables, lists, invisible and broken parts."""
    title, article = draw(articles())
    extras = st.one_of(
        tables(), lists(), code_blocks(), invisible_parts(), teasers(), comment_sections(), sidebars(), most_read(),
        *([malformed_parts()] if malformed else []),
    )  # fmt: skip
    inside = list(article)
    for _ in range(draw(st.integers(0, 4))):
        inside.insert(draw(st.integers(0, len(inside))), draw(extras))
    body: list[Node] = [_wrap(draw, tuple(inside))]
    around = st.one_of(
        navigation(),
        site_header(),
        footers(),
        most_read(),
        sidebars(),
        teasers(),
        invisible_parts(),
        st.just(cookie_banner()),
    )
    for _ in range(draw(st.integers(0, 6))):
        body.insert(draw(st.integers(0, len(body))), draw(around))
    head = tuple(
        draw(
            st.lists(
                invisible_parts().filter(
                    lambda n: isinstance(n, El) and n.tag in ("script", "style")
                ),
                max_size=2,
            )
        )
    )
    return Page(title=title, body=tuple(body), head=head)


@st.composite
def prose_pages(draw: st.DrawFn) -> tuple[Page, str, list[str]]:
    """A page holding nothing but an article; also its headline and paragraph texts."""
    title, article = draw(articles())
    page = Page(title=title, body=(_wrap(draw, tuple(article)),))
    texts = [visible_text(n).strip() for n in article]
    return page, title, texts


@st.composite
def dressed_articles(draw: st.DrawFn) -> tuple[Page, Page]:
    """The same article twice: alone, and among navigation, footer, banners and teasers."""
    title, article = draw(articles())
    container = _wrap(draw, tuple(article))
    bare = Page(title=title, body=(container,))
    teaser = draw(teasers())
    before: list[Node] = []
    after: list[Node] = []
    if draw(st.booleans()):
        before.append(draw(site_header()))
    if draw(st.booleans()):
        before.append(draw(navigation()))
    if draw(st.booleans()):
        (before if draw(st.booleans()) else after).append(cookie_banner())
    if draw(st.booleans()):  # the same teaser above and below the article
        before.append(teaser)
        after.append(teaser)
    if draw(st.booleans()):
        after.append(draw(most_read()))
    if draw(st.booleans()):
        after.append(draw(sidebars()))
    if draw(st.booleans()):
        after.append(draw(footers()))
    dressed = Page(title=title, body=(*before, container, *after))
    return bare, dressed


styles = st.builds(
    Style,
    upper=st.booleans(),
    reverse_attrs=st.booleans(),
    quote=st.sampled_from(['"', "'"]),
    gap=st.sampled_from(["", " ", "\n", "\n\t  ", "\r\n"]),
    wrap=st.booleans(),
)
"""Cosmetic ways to write the same page."""


# ---------------------------------------------------------------------------------------------
# Text pages, tag soup, bytes
# ---------------------------------------------------------------------------------------------


@st.composite
def text_pages(draw: st.DrawFn) -> str:
    """A plain-text page: prose paragraphs among short menu lines, as a naive scraper renders."""
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 12))):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            lines.append(
                " ".join(draw(st.lists(st.sampled_from(CHROME_WORDS), min_size=1, max_size=4)))
            )
        elif kind == 1:
            lines.append("")
        else:
            lines.append(draw(prose_paragraphs(min_sentences=1)))
    return draw(st.sampled_from(["\n", "\r\n"])).join(lines)


_SOUP_TOKENS = (
    "<", ">", "</", "/>", "<!--", "-->", "<!DOCTYPE html>", "<![CDATA[", "]]>", "<?xml?>", "&", ";",
    "&amp;", "&#", "&#x", "=", '"', "'", " ", "\n", "<p>", "</p>", "<div>", "</div>", "<a href='x'>",
    "</a>", "<script>", "</script>", "<style>", "</style>", "<table>", "<tr>", "<td>", "<li>",
    "<br>", "<html>", "<body>", "<head>", "<title>", "<frameset>", "<frame>", "<pre>", "<svg>",
    "<math>", "<template>", "<noscript>", "<iframe>", "<textarea>", "<plaintext>", "<xmp>",
    "<meta charset=utf-16>", "<base href='http://x/'>", "<h1>", "<b>", "<i>", "</b>", "</i>",
)  # fmt: skip


@st.composite
def tag_soup(draw: st.DrawFn) -> str:
    """Random markup-like strings: tags, entities, quotes and text thrown together."""
    parts = draw(
        st.lists(
            st.one_of(
                st.sampled_from(_SOUP_TOKENS), st.sampled_from(PROSE_WORDS), st.text(max_size=8)
            ),
            max_size=60,
        )
    )
    return "".join(parts)


any_text = st.one_of(st.text(), tag_soup(), text_pages(), pages().map(lambda p: p.html()))
"""Any str at all: arbitrary Unicode (lone surrogates and controls included), soup, pages."""

CODECS = (
    "utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "cp1251", "cp1250", "latin-1",
    "shift_jis", "cp932", "euc-jp", "iso2022_jp", "gb18030", "gbk", "big5", "euc-kr", "koi8-r",
    "iso8859-7", "cp1256", "utf-7", "mac-roman",
)  # fmt: skip


@st.composite
def encoded_anything(draw: st.DrawFn) -> bytes:
    """Any text or page in any codec, declared truthfully, falsely or not at all, maybe truncated."""
    text = draw(any_text)
    codec = draw(st.sampled_from(CODECS))
    declared = draw(st.sampled_from([None, *CODECS, "bogus-charset", "utf-16", "x-user-defined"]))
    if declared is not None:
        text = f'<meta charset="{declared}">' + text
    data = text.encode(
        codec, errors=draw(st.sampled_from(["replace", "ignore", "xmlcharrefreplace"]))
    )
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return data


any_bytes = st.one_of(st.binary(max_size=4096), encoded_anything())
"""Any bytes: random binary, or text in a random codec with a random declaration."""


# ---------------------------------------------------------------------------------------------
# Pages in legacy encodings
# ---------------------------------------------------------------------------------------------

LANGUAGE_SENTENCES: dict[str, tuple[str, ...]] = {
    "fr": (
        "Le conseil municipal a voté mardi soir le budget de l'année prochaine après un long débat.",
        "Les habitants du quartier réclament depuis des années une rénovation complète de l'école.",
        "Selon le maire, les travaux commenceront à l'été et dureront près de dix-huit mois.",
        "Une partie des dépenses sera financée par la région, le reste par un emprunt à taux fixe.",
        "L'opposition a dénoncé un projet trop coûteux et réclamé une étude indépendante.",
        "À la sortie de la séance, plusieurs élus se sont déclarés prêts à trouver un compromis.",
        "Le théâtre rouvrira ses portes en décembre avec une saison consacrée à Molière.",
        "Les cafés de la place ont été autorisés à installer leurs terrasses jusqu'à minuit.",
    ),
    "de": (
        "Der Stadtrat hat am Dienstagabend nach langer Debatte den Haushalt für das nächste Jahr beschlossen.",
        "Die Anwohner fordern seit Jahren eine gründliche Sanierung der Grundschule in der Müllerstraße.",
        "Nach Angaben des Bürgermeisters beginnen die Arbeiten im Sommer und dauern etwa achtzehn Monate.",
        "Ein Teil der Kosten wird vom Land übernommen, der Rest über einen Kredit finanziert.",
        "Die Opposition kritisierte das Vorhaben als zu teuer und verlangte ein unabhängiges Gutachten.",
        "Größere Änderungen am Entwurf seien jedoch nicht mehr möglich, hieß es aus dem Rathaus.",
        "Im Dezember öffnet das Theater wieder mit einer Spielzeit, die ganz Schiller gewidmet ist.",
    ),
    "es": (
        "El ayuntamiento aprobó el martes por la noche el presupuesto del próximo año tras un largo debate.",
        "Los vecinos del barrio reclaman desde hace años una reforma completa de la escuela pública.",
        "Según el alcalde, las obras comenzarán en verano y durarán cerca de dieciocho meses.",
        "Una parte del gasto la pagará la región y el resto se financiará con un préstamo.",
        "La oposición criticó un proyecto demasiado caro y pidió un estudio independiente.",
        "El teatro volverá a abrir sus puertas en diciembre con una temporada dedicada a Lorca.",
        "Los cafés de la plaza podrán instalar sus terrazas hasta la medianoche durante el año.",
    ),
    "ru": (
        "Городской совет во вторник вечером после долгих споров утвердил бюджет на следующий год.",
        "Жители района уже несколько лет требуют капитального ремонта школы на улице Мира.",
        "По словам мэра, работы начнутся летом и продлятся около полутора лет.",
        "Часть расходов возьмёт на себя область, остальное будет оплачено за счёт кредита.",
        "Оппозиция назвала проект слишком дорогим и потребовала независимой экспертизы.",
        "Театр снова откроется в декабре сезоном, посвящённым пьесам Чехова.",
        "Кафе на площади получили разрешение работать на открытых верандах до полуночи.",
    ),
    "ja": (
        "市議会は火曜日の夜、長い議論の末に来年度の予算案を可決した。",
        "地域の住民は何年も前から小学校の全面的な改修を求めてきた。",
        "市長によると、工事は夏に始まり、およそ一年半かかる見込みだという。",
        "費用の一部は県が負担し、残りは借り入れでまかなう予定である。",
        "野党は計画が高すぎると批判し、独立した調査を行うよう求めた。",
        "劇場は十二月に再開し、新しいシーズンを迎える。",
        "広場のカフェは深夜までテラス席を出すことが認められた。",
    ),
    "zh": (
        "市议会周二晚上经过长时间讨论，通过了明年的财政预算。",
        "这个街区的居民多年来一直要求对小学进行全面翻修。",
        "据市长介绍，工程将于夏天开始，预计持续一年半左右。",
        "部分费用由省里承担，其余部分将通过贷款解决。",
        "反对派批评该项目费用过高，并要求进行独立评估。",
        "剧院将于十二月重新开放，新的演出季以经典话剧为主。",
        "广场上的咖啡馆获准将露天座位营业到午夜。",
    ),
}
"""Natural news prose per language: what legacy-encoded pages hold."""

LEGACY: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "cp1252": ("windows-1252", "fr", ("fr", "de", "es")),
    "cp1251": ("windows-1251", "ru", ("ru",)),
    "shift_jis": ("Shift_JIS", "ja", ("ja",)),
    "gb18030": ("GB18030", "zh", ("zh",)),
}
"""Python codec: (the label a page declares, a default language, the languages it carries)."""


@st.composite
def legacy_pages(draw: st.DrawFn, codec: str, min_sentences: int) -> Page:
    """A page of natural prose in a language a legacy codec serves (no declaration)."""
    _, _, languages = LEGACY[codec]
    language = draw(st.sampled_from(languages))
    pool = LANGUAGE_SENTENCES[language]
    chosen = draw(st.lists(st.sampled_from(pool), min_size=min_sentences, max_size=len(pool) * 2))
    per = draw(st.integers(1, 3))
    paragraphs = [" ".join(chosen[i : i + per]) for i in range(0, len(chosen), per)]
    body = (
        El(
            "article",
            (),
            (El("h1", (), (Text(pool[0][:20]),)), *(El("p", (), (Text(p),)) for p in paragraphs)),
        ),
    )
    return Page(title=pool[0][:20], body=body)
