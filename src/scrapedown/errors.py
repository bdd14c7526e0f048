"""The one exception type scrapedown raises for input it cannot handle."""

from __future__ import annotations


class ScrapedownError(ValueError):
    """Input that scrapedown cannot convert faithfully.

    The message says why in one line (and, for front matter, which line), so that the CLI can
    report it as ``path: reason`` and go on with the next file.
    """
