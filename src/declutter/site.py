"""Memory of a site's pages: text that recurs across them is template, whatever it looks like."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterable
from urllib.parse import urlsplit

__all__ = ["SiteMemory", "site_of"]


def site_of(url: str | None) -> str:
    """The host a URL belongs to, without a leading ``www.`` (empty when there is none)."""
    if not url:
        return ""
    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    return host[4:] if host.startswith("www.") else host


class SiteMemory:
    """Counts, per site, how many pages held each block fingerprint.

    The caller owns it and passes it to :func:`declutter.extract_result` with each page's URL;
    nothing else keeps state between calls. Safe to share between threads.
    """

    def __init__(self, max_keys_per_site: int = 100_000) -> None:
        self._pages: dict[str, int] = Counter()
        self._counts: dict[str, Counter[str]] = {}
        self._max = max_keys_per_site
        self._lock = threading.Lock()

    def counts(self, url: str | None) -> dict[str, int]:
        """Fingerprint -> number of earlier pages of the URL's site that held it."""
        site = site_of(url)
        with self._lock:
            return dict(self._counts.get(site, {}))

    def pages(self, url: str | None) -> int:
        """Pages of the URL's site remembered so far."""
        with self._lock:
            return self._pages[site_of(url)]

    def remember(self, url: str | None, fingerprints: Iterable[str]) -> None:
        """Record one page's block fingerprints (each counted once per page)."""
        site = site_of(url)
        with self._lock:
            counter = self._counts.setdefault(site, Counter())
            self._pages[site] += 1
            for key in set(fingerprints):
                if key in counter or len(counter) < self._max:
                    counter[key] += 1
