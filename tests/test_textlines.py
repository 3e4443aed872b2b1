"""Tests for declutter.textlines: what each line of a plain-text page is."""

from __future__ import annotations

from declutter.features import measure
from declutter.segment import segment_text
from declutter.textlines import Shape, line_keys, read_lines

from helpers import text_page


def test_line_keys_find_copies_behind_labels_and_separators() -> None:
    """A line is keyed by itself, by the pieces of a title bar, and without a section label."""
    title = "Union says Starbucks fired organizing committee at US store"
    key = line_keys(title)[0]
    assert key == "union says starbucks fired organizing committee at us store"
    assert key in line_keys(f"WORLD {title}")[1]
    assert key in line_keys(f"3. {title}")[1]
    assert key in line_keys(f"{title} | The Daily Example")[1]
    assert key in line_keys(f"News › World › {title}")[1]
    assert key in line_keys(f"date 2022-02-09 {title}")[1]
    assert key not in line_keys(f"Four words of label {title}")[1]


def test_paragraph_wrapped_over_lines_is_prose() -> None:
    """Lines that carry on a sentence in lower case are read as one paragraph."""
    wrapped = [
        "The committee published its findings",
        "on Tuesday after a review,",
        "and covered every school.",
    ]
    lines = read_lines(measure(segment_text(text_page("Menu", *wrapped, "Home")), ""))
    assert [line.shape for line in lines] == [
        Shape.SHORT,
        Shape.PROSE,
        Shape.PROSE,
        Shape.PROSE,
        Shape.SHORT,
    ]


OAT_COOKIES = (
    "Home",
    "Recipes",
    "Baking",
    "Chewy oatmeal cookies",
    "Chewy oatmeal cookies",
    "By Marta Lindqvist · 14 March 2026",
    "These oatmeal cookies stay soft in the middle and crisp at the edges, and they take less "
    "than half an hour from bowl to cooling rack.",
    "Method",
    "Heat the oven to 180 degrees and line two trays with baking paper.",
    "Roll the cookie dough into balls the size of a walnut.",
    "Bake the cookies for twelve minutes, until the edges turn golden.",
    "We use cookies to improve your experience. Read our privacy policy.",
    "Terms of use",
)


def test_notice_words_of_the_headline_are_the_pages_topic() -> None:
    """On a text page whose headline (printed twice before the prose) names cookies, a step
    that names them is prose; a line naming a notice word the headline lacks is still one."""
    lines = read_lines(measure(segment_text(text_page(*OAT_COOKIES)), ""))
    shapes = [(line.shape, line.consent) for line in lines[9:12]]
    assert shapes == [(Shape.PROSE, False), (Shape.PROSE, False), (Shape.BAD, True)]
    assert lines[11].why == "a cookie, policy or site notice"


def test_a_title_printed_once_sets_no_topic() -> None:
    """Without a headline printed twice above the prose, cookies are a notice's word."""
    once = [line for i, line in enumerate(OAT_COOKIES) if i != 4]
    lines = read_lines(measure(segment_text(text_page(*once)), ""))
    assert [(line.shape, line.consent) for line in lines[8:10]] == [
        (Shape.BAD, True),
        (Shape.BAD, True),
    ]


def test_a_known_key_gives_the_same_line_keys_and_label() -> None:
    """A measured line's fingerprint, passed in, spares finding it again: the same keys and
    label as finding it here."""
    from declutter.features import fingerprint
    from declutter.textlines import _label

    for text in ("WORLD | Ferry keeps running | The Daily Post", "Most popular", "Étape 3 : café"):
        assert line_keys(text, fingerprint(text)) == line_keys(text)
        assert _label(text, fingerprint(text)) == _label(text)
    assert _label("Most popular", fingerprint("Most popular")) == "most popular"


def test_meta_and_separated_lines_read_the_same_in_ascii() -> None:
    """An ASCII line's digits and letters are counted in C, and a line without an ASCII
    separator mark skips the pattern: the same answers as the regex module's."""
    from declutter.textlines import _is_meta, _may_separate

    assert _is_meta("12:45 PM", 2) and _is_meta("2023-02-09", 1) and not _is_meta("Page two", 2)
    assert _is_meta("Ⅻ 12", 2) and not _is_meta("Étape deux", 2)
    assert not _may_separate("Ferry keeps running") and _may_separate("News | World")
    assert line_keys("News - Ferry keeps running")[1] >= {"ferry keeps running"}
    assert line_keys("News » Ferry keeps running")[1] >= {"ferry keeps running"}


def test_line_ends_and_wrapped_lines_are_read_from_the_end() -> None:
    """A line ends a sentence (or with a full stop, a comma, a colon) when the mark is followed
    by closing quotes or brackets alone, before a final line break if any; a lower-case start
    after a line that ends no sentence carries it on."""
    from declutter.textlines import _FULL_STOP_MARKS, _SENTENCE_MARKS, _continues, _ends_with

    assert _ends_with('He said "stop."', _SENTENCE_MARKS)
    assert _ends_with("Fin.)\n", _SENTENCE_MARKS) and _ends_with("「終わり。」", _SENTENCE_MARKS)
    assert not _ends_with("Fin.\n\n", _SENTENCE_MARKS) and not _ends_with(")", _SENTENCE_MARKS)
    assert not _ends_with("", _SENTENCE_MARKS) and not _ends_with("Price: 5", _FULL_STOP_MARKS)
    assert _ends_with("Ingredients:", _FULL_STOP_MARKS) and _ends_with("one,", _FULL_STOP_MARKS)
    assert _continues("The ferry kept running through", "-- the storm, 3 hours late")
    assert not _continues("The ferry kept running.", "the storm passed")
    assert not _continues("The ferry kept running", "The storm passed")
    assert _continues("La tormenta", "¿éste? sí")
