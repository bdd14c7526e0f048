"""Switches of the punctuation normaliser (owned by the punct package)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PunctOptions:
    """Full-width punctuation normalisation (spec: research/anchors-cjk.md §4)."""

    enabled: bool = True
    """Run the normaliser at all. Default: on."""
