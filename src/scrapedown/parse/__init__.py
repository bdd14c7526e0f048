"""Stages 2 to 4b: a body classified into Markdown segments and HTML regions (`detect`, with
`html_tokens` and `inline_html`), each region parsed into an lxml tree (`tree`, `foreign`), the
cleaned tree rebuilt as the BeautifulSoup tree markdownify converts (`soup`, `siblings`).
Importing this package loads none of its modules."""
