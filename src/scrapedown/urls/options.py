"""Switches of the URL stage (owned by the urls package)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class UrlOptions:
    """Proxy/redirect unwrapping and lazy-image resolution."""

    enabled: bool = True
    """Rewrite image and link URLs at all. Default: on."""

    base_url: str | None = None
    """Resolve relative URLs against this. Default: none (relative URLs kept)."""
