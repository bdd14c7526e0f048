"""Element rules on the BeautifulSoup tree (`SOUP_RULES` in `scrapedown.rules`)."""
