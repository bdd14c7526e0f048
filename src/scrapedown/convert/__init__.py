"""Stage 6 and 7 (layout): the cleaned BeautifulSoup tree to Markdown. `converter` is the
markdownify subclass, `walk` joins converted children, `escape` escapes only what would become
syntax, `whitespace` lays out blank lines. Importing this package loads none of its modules."""
