"""Structural rules on the lxml tree (`TREE_RULES` in `scrapedown.rules`)."""
