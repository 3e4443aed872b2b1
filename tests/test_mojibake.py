"""Twice-decoded UTF-8 undone, and only where a whole page shows it."""

from __future__ import annotations

import pytest

from declutter import extract
from declutter.mojibake import repair_text, twice_decoded

PAGE = (
    "<html><head><title>Café Müller’s reopening</title></head><body><article>"
    "<h1>Café Müller’s reopening</h1>"
    "<p>The café on the Straße des 17. Juni reopened on Tuesday — “at last”, said its owner, "
    "Jürgen Müller, who spent €40,000 on a new façade.</p>"
    "<p>Regulars queued from seven; the first croissant went to a naïve tourist from Zürich "
    "who had not heard of the closure at all, and the second to a neighbour of forty years.</p>"
    "</article></body></html>"
)


def _twice(text: str, codec: str) -> str:
    """What a reader shows for UTF-8 bytes it decodes as ``codec``: windows-1252 as browsers
    read it (the five bytes it leaves undefined shown as Latin-1), or Latin-1."""
    data = text.encode("utf-8")
    if codec == "latin-1":
        return data.decode("latin-1")
    return "".join(
        bytes([b]).decode("cp1252", errors="ignore") or chr(b) if b >= 0x80 else chr(b)
        for b in data
    )


def _fix(text: str) -> str:
    """The text repaired if the rule finds it decoded twice, else as given."""
    return repair_text(text) if twice_decoded(text.encode("utf-8")) else text


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_twice_decoded_page_is_repaired(codec: str) -> None:
    """A UTF-8 page read as windows-1252 or Latin-1 (as str, or stored as UTF-8 bytes once more)
    gives the text of the page itself."""
    garbled = _twice(PAGE, codec)
    assert "Ã©" in garbled and ("â€" in garbled or "â\x80" in garbled)
    assert _fix(garbled) == PAGE
    expected = extract(PAGE)
    assert "Müller’s" in expected and "€40,000" in expected
    assert extract(garbled) == expected
    assert extract(garbled.encode("utf-8")) == expected


def test_real_accented_text_is_left_alone() -> None:
    """Letters that happen to form UTF-8 when read back as bytes ("ß…" is DF 85) stay as they are
    on a page whose other accented letters stand alone."""
    text = "Grüße aus München! Schöne Größe… Gruß… Tschüß… Ça coûte 12 € à la Ø-linje, ½ × 3."
    assert _fix(text) == text
    assert not twice_decoded(PAGE.encode("utf-8"))


def test_a_few_runs_are_not_enough() -> None:
    """Two twice-decoded runs on a page could be chance: MOJIBAKE_MIN_RUNS is 3."""
    assert _fix("cafÃ© and Ã© only") == "cafÃ© and Ã© only"
    assert _fix("cafÃ©, Ã©tÃ©") == "café, été"


def test_runs_that_are_not_utf8_stay() -> None:
    """On a repaired page, a run that does not read back as UTF-8 (a real "é" alone) is kept."""
    assert _fix("itâ€™s cafÃ© and Ã©tÃ©, née") == "it’s café and été, née"


def test_character_references_are_mended_too() -> None:
    """On a page decoded twice, text the markup spelled with character references is mended
    like the rest (the repair works on the parsed text), and so are attributes such as a meta
    description."""
    garbled = _twice(PAGE, "cp1252").replace(
        "<h1>", '<meta name="description" content="Itâ€™s open"><h1>'
    )
    page = garbled.replace(
        "</article>", "<p>Owner&acirc;&euro;&trade;s words, in full.</p></article>"
    )
    result = extract(page, output_format="json")
    assert "Owner’s words, in full." in result and "Müller’s" in result
    assert "It’s open" in result


def test_repair_reads_no_script_code() -> None:
    """A script's code is never mended, so it is not read either: a page's megabyte of it was
    copied into a string for nothing. Text that does not change is left where it is."""
    import tracemalloc

    from lxml import etree

    from declutter.mojibake import repair_tree

    code = "var x = 'Ã©';\n" * 70_000  # about 1 MB of script
    root = etree.fromstring(
        f"<html><body><script>{code}</script><p>cafÃ© and Ã©tÃ©</p><p>plain</p></body></html>",
        etree.HTMLParser(),
    )
    tracemalloc.start()
    try:
        repair_tree(root)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 100_000
    assert root.findtext(".//p") == "café and été"
    assert root.findtext(".//script") == code
