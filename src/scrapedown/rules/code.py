"""Code rule: an inline <code> broken into lines with <br> is really a code block."""

from __future__ import annotations

from bs4.element import NavigableString, Tag

from scrapedown.html import is_blank_text, new_tag
from scrapedown.options import Options


def code_with_breaks_to_blocks(root: Tag, options: Options) -> None:
    """`<p><code>a<br>b</code></p>` becomes a code block; a <br> inside a <code> that shares
    its paragraph with other text becomes a space (a code span cannot hold a line break)."""
    for code in root.find_all("code"):
        if not isinstance(code, Tag) or code.find_parent("pre") or not code.find("br"):
            continue
        parent = code.parent
        if isinstance(parent, Tag) and parent.name == "p" and _only_content(parent, code):
            pre = new_tag(code, "pre")
            parent.replace_with(pre)
            pre.append(code)
        else:
            for br in code.find_all("br"):
                br.replace_with(NavigableString(" "))


def _only_content(parent: Tag, child: Tag) -> bool:
    return all(node is child or is_blank_text(node) for node in parent.contents)


def links_out_of_code(root: Tag, options: Options) -> None:
    """`<code><a href=u>name</a></code>` would lose its link (a code span holds no Markdown):
    the code is split around its links, each link holding its own code, `[`name`](u)`."""
    for code in root.find_all("code"):
        if not isinstance(code, Tag) or code.find_parent("pre"):
            continue
        for nested in code.find_all("code"):
            nested.unwrap()  # `<code><code>x</code></code>` is one code span
        if not any(isinstance(c, Tag) and c.name == "a" for c in code.contents):
            continue
        pieces: list[Tag] = []
        for child in list(code.contents):
            if isinstance(child, Tag) and child.name == "a":
                inner = new_tag(code, "code")
                for node in list(child.contents):
                    inner.append(node.extract())
                child.append(inner)
                pieces.append(child.extract())
            elif pieces and pieces[-1].name == "code":
                pieces[-1].append(child.extract())
            else:
                segment = new_tag(code, "code")
                segment.append(child.extract())
                pieces.append(segment)
        for piece in pieces:
            code.insert_before(piece)
        code.decompose()
