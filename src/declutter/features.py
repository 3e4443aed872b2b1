"""Stage 3: measure each block.

Every feature is computed once here and stored on the block's :class:`Features`. Repetition is
found by hashing normalised text, never by comparing all blocks with all blocks.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from operator import attrgetter
from typing import NamedTuple

import regex

from .blocks import CODE, HEADING, Block, Features, Kind
from .deadline import NEVER, Deadline
from .hints import (
    Enclosing,
    HintCache,
    block_groups,
    block_hint,
    enclosing_keys,
    page_wrappers,
    region_link_densities,
)
from .segment import squeeze
from .tree import Tree
from .weights import (
    COMMENT_HEADING_MAX_WORDS,
    COMMENT_HEADINGS,
    CONTROL_LABELS,
    COUNTER_PATTERN,
    CTA_MAX_WORDS,
    CTA_PREFIXES,
    ECHO_WORDS_FACTOR,
    ECHO_WORDS_SLACK,
    LABEL_HEAD_MAX_CHARS,
    LABEL_MAX_CHARS,
    LABEL_VALUE_MAX_WORDS,
    LABEL_WORDS,
    NOTICE_MAX_WORDS,
    NOTICE_TERMS,
    NOTICE_TERMS_UNSPACED,
    PAGE_SIZE_PATTERN,
    PITCH_MAX_WORDS,
    PITCH_TERMS,
    REACTION_PATTERN,
    REPLY_MAX_WORDS,
    REPLY_MIN_LINES,
    REPLY_PREFIX,
    REPLY_TITLE_SHARE,
    REVIEW_HEADINGS,
    REVIEW_NAME_LINKS,
    REVIEW_NAMED_MAX_WORDS,
    REVIEW_TITLE_HINT,
    REVIEW_TITLE_MIN,
    SHARE_MAX_WORDS,
    SHARE_MIN_NAMES,
    SHARE_NAMES,
    SIGNATURE_HINT,
    SIGNATURE_RULE_CHARS,
    SPLIT_MAX_CHARS,
    TOPIC_MIN_BLOCK_WORDS,
    TOPIC_MIN_CHARS,
    TRAIL_LAST_MAX_WORDS,
    TRAIL_MIN_STEPS,
    TRAIL_SEPARATORS,
    TRAIL_STEP_MAX_WORDS,
    UNSPACED_WORD_CHARS,
    WRAP_WIDTH,
)

__all__ = [
    "box_label",
    "control_label",
    "count_words",
    "fingerprint",
    "is_notice",
    "label_word",
    "measure",
    "notice_terms",
    "post_number",
    "reply_subject",
    "reply_thread",
    "teaser_label",
]

_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")
_SPACED_RUNS = regex.compile(
    r"[^\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]+"
)  # the complement of _UNSPACED: deleting it leaves a text's unspaced characters, no list made
# A sentence end, then closing quotes or brackets, then reference marks ("[12]", "[citation
# needed]", superscript digits): a cited sentence still ends like a sentence. A replacement
# character (U+FFFD) is a character lost in decoding; at the end of a text it most often stood
# for its closing mark ("…", "。", "”"), so it ends a sentence too, and after a mark it is no
# letter that would hide the end.
_TERMINAL_MARKS = ".!?…。！？:;؟።\ufffd"
_TERMINAL = regex.compile(
    rf"[{_TERMINAL_MARKS}][\"'”’»)\]\ufffd]*(?:\s*\[[^\[\]]{{1,24}}\]|[¹²³⁰-⁹]+)*\s*$"
)
_SENTENCE_END = regex.compile(r"[.!?…。！？؟](?:[\"'”’»)\]\ufffd]*)(?:\s|$)")
# The same for ASCII text, in the standard library's engine, which is called at half the cost.
# White space spelled out: re's \s also takes \x1c-\x1f, the regex module's does not.
_ASCII_SENTENCE_END = re.compile(r"""[.!?]["')\]]*(?:[\t\n\x0b\x0c\r ]|$)""")
_KEY = regex.compile(r"[^\p{L}\p{N}\p{M}]+")
# The fingerprint of an ASCII text in one C call: letters lower-cased, digits kept, anything
# else a space (the letters and digits of ASCII are all its \p{L} and \p{N}, and it has no marks).
_ASCII_KEY = bytes(c if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256)).lower()


def _by_first_letter(terms: str) -> str:
    """An alternation with its alternatives gathered under their first letter ("c(?:ookies?|
    onsent)|g(?:dpr)"): the same strings match, but the engine tries each first letter once
    rather than every alternative at every space. The alternatives are split at the bars outside
    parentheses; a pattern with escapes or classes, or an alternative that does not start with a
    letter or digit, is left as it is."""
    if "\\" in terms or "[" in terms:
        return terms
    alternatives, depth, start = [], 0, 0
    for i, char in enumerate(terms):
        depth += (char == "(") - (char == ")")
        if char == "|" and depth == 0:
            alternatives.append(terms[start:i])
            start = i + 1
    alternatives.append(terms[start:])
    if not all(alternative[:1].isalnum() for alternative in alternatives):
        return terms
    rests: dict[str, list[str]] = {}
    for alternative in alternatives:
        rests.setdefault(alternative[0], []).append(alternative[1:])
    return "|".join(f"{first}(?:{'|'.join(tails)})" for first, tails in rests.items())


# Matched on a space and a fingerprint (already case-folded, punctuation folded to spaces), so
# that a term at a word start always follows a space. A plain alternation of literals, each
# starting with a space or an unspaced character: the standard library's engine runs it faster
# than `regex`, and skips quickly to the positions where one can start.
_NOTICE = re.compile(rf" (?:{_by_first_letter(NOTICE_TERMS)})|{NOTICE_TERMS_UNSPACED}")
_ASCII_NOTICE = re.compile(rf" (?:{_by_first_letter(NOTICE_TERMS)})")
"""The same for an ASCII fingerprint (most), where the unspaced scripts' terms never match:
without them the pattern starts with a space alone, which the engine skips to (two fifths less
per search)."""
# The same for the pitches of newsletters (PITCH_TERMS), which make a block a label.
_PITCH = re.compile(rf" (?:{_by_first_letter(PITCH_TERMS)})(?= |$)")
_RATED_TITLE = regex.compile(
    r"\d(?:[.,]\d+)?\s*(?:out\s+of|von|sur|de|su|van|na|из)\s*5(?:[.,]0)?(?:\s*"
    r"(?:stars?|sternen|sterne|étoiles|estrellas|estrelas|stelle|sterren|gwiazdek|звезд\w*)\b)?+"
    r"[\s.:,|–-]+\p{L}",
    regex.IGNORECASE,
)
"""A star rating out of five followed by a word: the title of a customer review."""
_SIGNATURE_RULE = re.compile(rf"_{{{SIGNATURE_RULE_CHARS},}}[ \t]*\n")
"""A first line of underscores alone: the rule forum software prints above a signature."""


def _ends_sentence(text: str) -> bool:
    """Whether :data:`_TERMINAL` matches the text, read from its last character when that
    settles it: a sentence mark ends a sentence, and a letter or digit (other than a
    superscript one, a reference mark) cannot end a match."""
    last = text[-1:]
    if last and last in _TERMINAL_MARKS:
        return True
    if last.isalnum() and not ("⁰" <= last <= "⁹" or last in "¹²³"):
        return False
    return _TERMINAL.search(text) is not None


def _sentences(text: str) -> int:
    """Sentence ends in a text (:data:`_SENTENCE_END`)."""
    pattern = _ASCII_SENTENCE_END if text.isascii() else _SENTENCE_END
    return len(pattern.findall(text))


def count_words(text: str) -> int:
    """Words in a text; in unspaced scripts every UNSPACED_WORD_CHARS characters count as one."""
    return _count_key_words(fingerprint(text))


def _unspaced(key: str) -> bool:
    """Whether a text holds characters of unspaced scripts (never so when it is all ASCII, which
    Python knows without reading the text)."""
    return not key.isascii() and _UNSPACED.search(key) is not None


def _count_key_words(key: str, unspaced: bool | None = None) -> int:
    """:func:`count_words` of a text from its fingerprint (letters, digits and marks, spaced);
    ``unspaced`` is :func:`_unspaced` of the key when already known."""
    if not (_unspaced(key) if unspaced is None else unspaced):
        return len(key.split())
    # Counted by the substitution, not as a list of every character (a million CJK characters
    # made a list of a million strings: about 80 MB).
    spaced_key, unspaced_chars = _UNSPACED.subn(" ", key)
    spaced = len(spaced_key.split())
    return spaced + math.ceil(unspaced_chars / UNSPACED_WORD_CHARS)


def fingerprint(text: str) -> str:
    """Text reduced to lower-case letters, digits and marks, single-spaced: the key for
    repetition, and the base of word counts and word lists."""
    if text.isascii():
        folded = text.encode("ascii").translate(_ASCII_KEY).decode("ascii")
        # squeeze: a long text is single-spaced without a list of its every word
        return " ".join(folded.split()) if len(folded) <= SPLIT_MAX_CHARS else squeeze(folded)
    return _KEY.sub(" ", text.casefold()).strip()


# The word lists folded like the text they are matched against, so "editor's picks" and
# "abonnez-vous" match.
_CONTROLS = frozenset(fingerprint(label) for label in CONTROL_LABELS)
_LABELS = frozenset(fingerprint(label) for label in LABEL_WORDS) | _CONTROLS
_PAGE_SIZE = regex.compile(PAGE_SIZE_PATTERN)
_REACTION = regex.compile(REACTION_PATTERN)
_REACTION_TAILS = (" this", " das", " ça")
"""The last four characters of every reaction summary: most blocks are passed over there."""
_PAGE_SIZE_TAILS = frozenset({"page", "eite", "gina", "onie"})
"""The last four characters of every page-size control: most blocks are passed over there."""
_CTA_BY_FIRST_WORD: dict[str, tuple[str, ...]] = {}
for _prefix in map(fingerprint, CTA_PREFIXES):
    _CTA_BY_FIRST_WORD[_prefix.split()[0]] = (
        *_CTA_BY_FIRST_WORD.get(_prefix.split()[0], ()),
        _prefix,
    )


_COUNTER = regex.compile(rf"(?:{COUNTER_PATTERN})(?: |$)")
_ASCII_COUNTER = re.compile(rf"(?:{COUNTER_PATTERN})(?: |$)")
"""The same for an ASCII fingerprint (most), in the standard library's engine: on ASCII text its
\\w and \\d are the regex module's ([A-Za-z0-9_], [0-9]), at a third of the cost of a call."""
_BOX_LABELS = frozenset(
    label
    for label in _LABELS - _CONTROLS
    if label not in {p for prefixes in _CTA_BY_FIRST_WORD.values() for p in prefixes}
    and (" " in label or _unspaced(label))
)


_TEASER_LABELS = frozenset(
    label
    for label in _LABELS - _CONTROLS
    if label not in {p for prefixes in _CTA_BY_FIRST_WORD.values() for p in prefixes}
    and label not in COMMENT_HEADINGS
)


def control_label(label: str) -> bool:
    """Whether a label (a fingerprint) is one of a list's sort, filter or page-size controls
    (CONTROL_LABELS): it heads no box, since the list it sorts follows it."""
    return label in _CONTROLS


def teaser_label(key: str) -> bool:
    """Whether a heading that is this label and nothing else (its fingerprint) may head a box of
    teasers whose standfirsts are sentences: a label of LABEL_WORDS ("Related", "Popular",
    "Recommended for you") that is no call to action ("Learn more", "Get started": a service
    page's sections) nor a comments heading (a thread's replies)."""
    return key in _TEASER_LABELS


def box_label(key: str) -> bool:
    """Whether a block that is this label and nothing else (its fingerprint) heads a box of
    teasers even when it is no heading: a label of LABEL_WORDS of several words or in an
    unspaced script ("related articles", "most popular", "関連記事"). Not a call to action
    ("read more", "share this"), nor a one-word label ("share", "next", "advertisement"), which
    as plain text is as often a button or an ad slot above the article going on."""
    return key in _BOX_LABELS


def label_word(text: str) -> str:
    """The boilerplate label a block is, starts with before a colon, or the call to action a
    short block starts with; empty if none."""
    return _label_of(text, fingerprint(text))


def _label_of(text: str, key: str) -> str:
    if key in _LABELS:
        return key
    head, sep, _ = text.partition(":")
    if sep and len(head) < LABEL_HEAD_MAX_CHARS:
        head_key = fingerprint(head)
        if head_key in _LABELS:
            return head_key
    words = key.split()
    if words and len(words) < CTA_MAX_WORDS:
        for prefix in _CTA_BY_FIRST_WORD.get(words[0], ()):
            if key.startswith(prefix) and (len(key) == len(prefix) or key[len(prefix)] == " "):
                return prefix
        counter = (_ASCII_COUNTER if key.isascii() else _COUNTER).match(key)
        if counter:
            return counter.group().strip()
        if key[-4:] in _PAGE_SIZE_TAILS and _PAGE_SIZE.match(key):
            return "per page"
        if key.endswith(_REACTION_TAILS) and _REACTION.search(key):
            return "like this"
    return ""


def _label_value(blocks: list[Block], keys: list[str], i: int, words: int) -> str:
    """The label whose value block ``i`` is, as "label: value"; empty if none. A value is a
    short block (LABEL_VALUE_MAX_WORDS, not a heading) right after a block that is exactly a
    boilerplate label, under the same parent element: "Joined" then "Feb 8, 2023"."""
    if not i or words > LABEL_VALUE_MAX_WORDS or keys[i - 1] not in _LABELS:
        return ""
    block, before = blocks[i], blocks[i - 1]
    if block.kind is HEADING or len(block.path) < 2 or len(before.path) < 2:
        return ""
    return f"{keys[i - 1]}: {keys[i]}" if block.path[-2].id == before.path[-2].id else ""


_TRAIL_SPLIT = re.compile(
    "|".join(f"\\s{re.escape(c)}\\s" if c.isascii() else re.escape(c) for c in TRAIL_SEPARATORS)
)
"""A separator of TRAIL_SEPARATORS; ASCII ones only with white space either side, as code
writes ``Vec<T> -> U`` and ``"<TYPE>"``."""


def _trail(text: str, kind: Kind) -> str:
    """ "breadcrumb" when the block's first line is a breadcrumb trail (TRAIL_MIN_STEPS), else
    empty. Code is never a trail; :func:`measure` asks only about blocks holding a link (the
    steps of a trail are links, a menu path in a manual's sentence is not)."""
    if kind is CODE or not _TRAIL_SPLIT.search(text):
        return ""
    steps = _TRAIL_SPLIT.split(text.split("\n", 1)[0])
    if len(steps) < TRAIL_MIN_STEPS:
        return ""
    sizes = [count_words(step) for step in steps]
    if not all(sizes) or sizes[-1] > TRAIL_LAST_MAX_WORDS:
        return ""
    return "breadcrumb" if max(sizes[:-1]) <= TRAIL_STEP_MAX_WORDS else ""


_SHARE_NAMES = frozenset(fingerprint(name) for name in SHARE_NAMES)


def _share_bar(split: list[str], words: int, terminal: bool, kind: Kind) -> str:
    """ "share" when a block (its fingerprint's words ``split``) is a share bar (SHARE_MIN_NAMES),
    else empty."""
    if words > SHARE_MAX_WORDS or terminal or kind is CODE or _SHARE_NAMES.isdisjoint(split):
        return ""  # (no name at all, as in most blocks: found in C, without the list below)
    names = [w for w in split if w in _SHARE_NAMES]
    if len(set(names)) < SHARE_MIN_NAMES or 2 * len(names) < words:
        return ""
    return "share"


def _pitch(key: str, words: int, kind: Kind) -> str:
    """The newsletter pitch (PITCH_TERMS) a block of at most PITCH_MAX_WORDS words makes, as its
    label; empty if none. Code is never a pitch."""
    if words > PITCH_MAX_WORDS or kind is CODE:
        return ""
    found = _PITCH.search(f" {key}")
    return found.group().strip() if found else ""


_POST_NUMBER = re.compile(r"#\d{1,5}")


def post_number(text: str) -> bool:
    """Whether a block or line is only a forum post's number ("#7"), as boards print it in each
    post's header."""
    return _POST_NUMBER.fullmatch(text.strip()) is not None


_TEXT = attrgetter("text")
_REPLY = regex.compile(rf"\s*{REPLY_PREFIX}\s*\S", regex.IGNORECASE)


def reply_subject(text: str, wanted: set[str]) -> bool:
    """Whether the text's first line is a reply's subject repeating a thread's title, given
    as the set of its fingerprint's words: a reply prefix ("Re:"), at most REPLY_MAX_WORDS
    words, sharing REPLY_TITLE_SHARE of the title's words or of its own, two at least."""
    if len(text) < 4 or ":" not in text[:16] or not _REPLY.match(text):
        return False
    line = text.split("\n", 1)[0]
    if count_words(line) > REPLY_MAX_WORDS:
        return False
    words = set(fingerprint(line).split())
    shared = len(wanted & words)
    return shared >= 2 and shared >= REPLY_TITLE_SHARE * min(len(wanted), len(words) - 1)


def reply_thread(blocks: Sequence[Block], title: str) -> bool:
    """Whether REPLY_MIN_LINES blocks or more open on a reply's subject line that repeats the
    page's title (:func:`reply_subject`: "Re: How to fix the boot loop"): a forum thread whose
    replies are its content, whatever its JSON-LD says. The subjects of replies to replies
    (Slashdot's) do not count."""
    wanted = set(fingerprint(title).split())
    if not wanted:
        return False
    # A subject's colon comes within its first characters: most blocks are passed over there.
    texts = [t for t in map(_TEXT, blocks) if ":" in t[:16]]
    return sum(1 for t in texts if reply_subject(t, wanted)) >= REPLY_MIN_LINES


def comment_headings(keys: Sequence[str]) -> frozenset[int]:
    """Positions of the comments headings among these keys (fingerprints of blocks or lines):
    COMMENT_HEADINGS, with a count before or after ("109 Comments", "Comments (18)"). None at
    all when more than one carries a count: "0 comments", "14 comments" under the items of a
    list head no comments section."""
    found, counted = [], 0
    for i, key in enumerate(keys):
        if key.count(" ") >= COMMENT_HEADING_MAX_WORDS:
            continue  # longer than a heading: no need to split it
        words = key.split()
        plain = [w for w in words if not w.isdigit()]
        if plain and " ".join(plain) in COMMENT_HEADINGS:
            found.append(i)
            counted += len(plain) < len(words)
    return frozenset(found) if counted <= 1 else frozenset()


def rated_reviews(blocks: Sequence[Block]) -> frozenset[int]:
    """Positions of the customer reviews under their rated titles: headings that open with a
    star rating out of five and go on with a title (:data:`_RATED_TITLE`), when at least
    REVIEW_TITLE_MIN of them are on the page, each with the blocks under it up to the next
    heading."""
    titles = [i for i, b in enumerate(blocks) if b.kind is HEADING and _RATED_TITLE.match(b.text)]
    if len(titles) < REVIEW_TITLE_MIN:
        return frozenset()
    found = []
    for i in titles:
        found.append(i)
        for j in range(i + 1, len(blocks)):
            if blocks[j].kind is HEADING:
                break
            found.append(j)
    return frozenset(found)


def review_heading(key: str) -> bool:
    """Whether a key (a block's fingerprint) is a heading of customer reviews: REVIEW_HEADINGS,
    with a count before or after ("Customer Reviews (18)", "120 reviews"), or naming the
    product after a linking word of REVIEW_NAME_LINKS ("29 reviews for Minimalist Sandals")."""
    if key.count(" ") >= REVIEW_NAMED_MAX_WORDS:
        return False  # longer than a heading
    words = [w for w in key.split() if not w.isdigit()]
    if " ".join(words) in REVIEW_HEADINGS:
        return key.count(" ") < COMMENT_HEADING_MAX_WORDS
    for i, word in enumerate(words[1:4], 1):  # "reviews for ...", "customer reviews of ..."
        if word in REVIEW_NAME_LINKS and " ".join(words[:i]) in REVIEW_HEADINGS:
            return True
    return False


def topic_words(text: str) -> frozenset[str]:
    """Content words of a text: words of TOPIC_MIN_CHARS letters or more, and character pairs
    of unspaced scripts."""
    return _topic_of_key(fingerprint(text))


def _topic_of_key(key: str, unspaced: bool | None = None) -> frozenset[str]:
    if not (_unspaced(key) if unspaced is None else unspaced):
        return frozenset(w for w in key.split() if len(w) >= TOPIC_MIN_CHARS)
    words = {w for w in _UNSPACED.sub(" ", key).split() if len(w) >= TOPIC_MIN_CHARS}
    run = _SPACED_RUNS.sub("", key)
    words.update(run[i : i + 2] for i in range(len(run) - 1))
    return frozenset(words)


def _topic_share(
    title_topic: frozenset[str], key: str, words: list[str] | None, unspaced: bool
) -> float:
    """Share of the title's content words that a block (its fingerprint ``key``, split into
    ``words``; ``None`` when not split, the key being long) uses."""
    if unspaced:
        shared = len(title_topic & _topic_of_key(key, unspaced))
    elif words is None:  # each title word looked up between the spaces of the key
        spaced = f" {key} "
        shared = sum(f" {word} " in spaced for word in title_topic)
    else:  # the title's content words are all long or unspaced: the block's short words miss
        shared = len(title_topic.intersection(words))
    return shared / len(title_topic)


def _title_echo(key: str, words: list[str], title_key: str, title_words: frozenset[str]) -> float:
    """How much of a block (its fingerprint ``key``, split into ``words``) is the title."""
    if not key or not title_key:
        return 0.0
    if key == title_key:
        return 1.0
    if not words or len(words) > ECHO_WORDS_FACTOR * len(title_words) + ECHO_WORDS_SLACK:
        return 0.0  # no words: a long key left unsplit (see _text_measures)
    shared = sum(map(title_words.__contains__, words))
    return shared / max(len(words), len(title_words))


class _Title(NamedTuple):
    """The page title as :func:`measure` compares blocks with it."""

    key: str
    words: frozenset[str]
    topic: frozenset[str]
    notices: frozenset[str]
    """The notice words the title holds (:func:`notice_terms`): the page's topic, no notice."""


def notice_terms(key: str) -> frozenset[str]:
    """The words of NOTICE_TERMS found in a fingerprint, as matched ("cookie", "privacy policy")."""
    pattern = _ASCII_NOTICE if key.isascii() else _NOTICE
    return frozenset(m.group().strip() for m in pattern.finditer(f" {key}"))


def is_notice(key: str, title_notices: frozenset[str]) -> bool:
    """Whether a fingerprint holds a notice word that the title does not hold: on a page about
    cookies (a recipe) or a privacy policy, those words are its topic. A word counts as the
    title's when one of the two starts the other ("cookie" and "cookies")."""
    if (_ASCII_NOTICE if key.isascii() else _NOTICE).search(f" {key}") is None:
        return False
    if not title_notices:
        return True
    return any(
        not any(word.startswith(t) or t.startswith(word) for t in title_notices)
        for word in notice_terms(key)
    )


_TextMeasures = tuple[int, float, bool, int, float, float, str, bool]
"""What :func:`_text_measures` reads from a block's text and kind: words, text density, whether
it ends a sentence, sentences, title echo, title overlap, its own label (a boilerplate label, a
call to action, a counter or a pitch) and whether it is a notice."""


def _text_measures(text: str, key: str, kind: Kind, title: _Title) -> _TextMeasures:
    """The features of a block that its text (``key`` its fingerprint) and kind settle alone,
    wherever it stands: the same for every block of equal text and kind (a page repeats its
    menu items, dates and buttons), so :func:`measure` computes them once per text."""
    unspaced = _unspaced(key)
    if len(key) > SPLIT_MAX_CHARS and not unspaced:
        # A list of every word of a long text costs ten times the text (5 million words: 300
        # MB); the key is single-spaced, so the words are counted by their spaces, and only
        # what reads a few words splits it.
        words = key.count(" ") + 1
        few = words <= max(SHARE_MAX_WORDS, ECHO_WORDS_FACTOR * len(title.words) + ECHO_WORDS_SLACK)
        split = key.split() if few else []
    else:
        split = key.split()
        words = _count_key_words(key, unspaced) if unspaced else len(split)
    lines = math.ceil(len(text) / WRAP_WIDTH) or 1
    title_overlap = (
        _topic_share(title.topic, key, split if split or not key else None, unspaced)
        if title.topic and words >= TOPIC_MIN_BLOCK_WORDS
        else 0.0
    )
    pitch = _pitch(key, words, kind)
    terminal = _ends_sentence(text)
    label = (
        (_label_of(text, key) if len(text) < LABEL_MAX_CHARS else "")
        or pitch
        or _share_bar(split, words, terminal, kind)
    )
    notice = (
        words <= NOTICE_MAX_WORDS and kind is not CODE and is_notice(key, title.notices)
    ) or bool(pitch)
    return (
        words,
        words / lines,  # text_density
        terminal,
        _sentences(text),
        _title_echo(key, split, title.key, title.words),
        title_overlap,
        label,
        notice,
    )


def _fingerprints(blocks: list[Block]) -> list[str]:
    """:func:`fingerprint` of each block's text, each distinct text folded once."""
    known: dict[str, str] = {}
    keys = []
    for block in blocks:
        key = known.get(block.text)
        if key is None:
            key = known[block.text] = fingerprint(block.text)
        keys.append(key)
    return keys


def measure(
    blocks: list[Block],
    title: str = "",
    site_counts: dict[str, int] | None = None,
    deadline: Deadline = NEVER,
    hint_words: Mapping[str, float] | None = None,
    discussion: bool = False,
    tree: Tree | None = None,
) -> list[Block]:
    """Blocks with their :class:`Features` filled in. ``hint_words`` replace the class/id
    weights of their words on this page (``PRODUCT_HINT_WORDS``, see :func:`declutter.hints.node_hint`). On a
    ``discussion`` page (a forum thread, a Q&A page) the class words of reader comments
    (DISCUSSION_NEUTRAL_PREFIXES) weigh nothing: its replies are its content. ``tree``: the
    blocks' :func:`declutter.tree.element_tree`, when made already."""
    if not blocks:
        return []
    keys = _fingerprints(blocks)
    deadline.check("measure")
    repeats = Counter(keys)
    title_key = fingerprint(title)
    page_title = _Title(
        title_key, frozenset(title_key.split()), topic_words(title), notice_terms(title_key)
    )
    enclosing = enclosing_keys(blocks)
    groups = block_groups(blocks, enclosing)
    regions = region_link_densities(blocks, enclosing, groups)
    wrappers = page_wrappers(blocks, groups, tree)
    hint_cache = HintCache(hint_words, discussion)
    hints_above: dict[Enclosing, tuple[float, str]] = {}
    reviews = rated_reviews(blocks)
    deadline.check("measure")
    total = len(blocks)
    measured = []
    by_text: dict[tuple[str, Kind], _TextMeasures] = {}
    for i, (block, key, region, around) in enumerate(zip(blocks, keys, regions, enclosing)):
        deadline.tick(i, "measure")
        text = block.text
        kind = block.kind
        found = by_text.get((text, kind))
        if found is None:
            found = by_text[text, kind] = _text_measures(text, key, kind, page_title)
        words, density, terminal, sentences, echo, overlap, own_label, notice = found
        hint, hint_reason = block_hint(block.path, around, hint_cache, wrappers, hints_above)
        if text[0] == "_" and _SIGNATURE_RULE.match(text):
            hint, hint_reason = min(hint, SIGNATURE_HINT), "signature rule"
        if reviews and i in reviews:
            hint, hint_reason = min(hint, REVIEW_TITLE_HINT), "a rated customer review"
        links = block.link_chars / (len(text) or 1)  # at most 1.0, by a test (cheaper than min())
        # In the order of the fields, not by keyword: a class called with keywords gets them
        # as a dict, which made this call take two thirds longer.
        features = Features.measured(
            key,
            words,
            links if links < 1.0 else 1.0,  # link_density  # noqa: FURB136
            density,  # text_density
            terminal,
            sentences,
            repeats[key] - 1,  # duplicates
            echo,  # title_echo
            overlap,  # title_overlap
            block.index / total,  # position
            hint,
            hint_reason,
            own_label
            or (_trail(text, kind) if block.link_chars else "")
            or _label_value(blocks, keys, i, words),  # label_word
            notice,
            region,  # region_link_density
            site_counts.get(key, 0) if site_counts else 0,  # site_repeats
        )
        measured.append(block.measured(features))
    return measured
