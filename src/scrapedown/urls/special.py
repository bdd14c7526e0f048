"""Named decoders for wrappers whose shape is not a plain parameter or path tail."""

from __future__ import annotations

import re
from dataclasses import dataclass
from string import ascii_lowercase, ascii_uppercase, digits

from scrapedown.urls.codec import b64_bytes, b64_decode, decode_text, percent_decode
from scrapedown.urls.extract import compiled, decode_if_encoded
from scrapedown.urls.urlparts import ParsedUrl, first_param, looks_like_host, query_pairs


@dataclass(frozen=True)
class Photon:
    """Jetpack Photon ``i0.wp.com/<origin host>/<path>?…&ssl=1``: Photon fetches the origin
    without its query, over https only when ``ssl=1``."""

    def __call__(self, url: ParsedUrl) -> str | None:
        match = compiled(r"/([^/]+)/(.*)$").match(url.path)
        if match is None or not looks_like_host(match.group(1)):
            return None
        scheme = "https" if first_param(url.query, ("ssl",)) == "1" else "http"
        return f"{scheme}://{match.group(1)}/{match.group(2)}"


@dataclass(frozen=True)
class ProofpointV2:
    """``urldefense.proofpoint.com/v2/url?u=https-3A__host_path``: ``-`` → ``%``,
    ``_`` → ``/``, then percent-decoding."""

    def __call__(self, url: ParsedUrl) -> str | None:
        for name, value in query_pairs(url.query):
            if name == "u" and value:
                return percent_decode(value.replace("-", "%").replace("_", "/"))
        return None


# Proofpoint v3 encodes a run of replaced characters as ``**`` + one of these (lengths 2, 3, …).
_RUN_ALPHABET = ascii_uppercase + ascii_lowercase + digits + "-_"
_RUN_LENGTHS = {char: index + 2 for index, char in enumerate(_RUN_ALPHABET)}


@dataclass(frozen=True)
class ProofpointV3:
    """``urldefense.com/v3/__<url>__;<base64url>!!…``: each ``*`` in the URL stands for the next
    character of the decoded base64, ``**X`` for a run of them; missing characters → no match."""

    def __call__(self, url: ParsedUrl) -> str | None:
        match = compiled(r"/v3/__(.+?)__;([a-z0-9_-]*)!").match(url.tail)
        if match is None:
            return None
        encoded, table = match.groups()
        if "*" not in encoded:
            return encoded
        data = b64_bytes(table) if table else None
        replacements = decode_text(data) if data else None
        return _fill_stars(encoded, replacements) if replacements else None


def _fill_stars(encoded: str, replacements: str) -> str | None:
    out: list[str] = []
    cursor = 0
    for piece in re.split(r"(\*\*.|\*)", encoded):
        if not piece.startswith("*"):
            out.append(piece)
            continue
        count = 1 if piece == "*" else _RUN_LENGTHS.get(piece[2], 0)
        if count == 0 or cursor + count > len(replacements):
            return None
        out.append(replacements[cursor : cursor + count])
        cursor += count
    return "".join(out)


@dataclass(frozen=True)
class TranslateGoog:
    """``www-example--site-com.translate.goog/path?_x_tr_sl=…``: in the host label ``--`` is a
    dash and ``-`` a dot; the ``_x_tr_*`` parameters go. Punycode labels are ambiguous: skipped."""

    def __call__(self, url: ParsedUrl) -> str | None:
        label = url.host.removesuffix(".translate.goog")
        if "." in label or "xn--" in label or not label:
            return None
        host = re.sub(r"--|-", lambda dash: "-" if dash.group() == "--" else ".", label)
        if not looks_like_host(host):
            return None
        kept = [item for item in url.query.split("&") if item and not item.startswith("_x_tr_")]
        query = "?" + "&".join(kept) if kept else ""
        fragment = "#" + url.fragment if url.fragment else ""
        return f"https://{host}{url.path}{query}{fragment}"


@dataclass(frozen=True)
class Imgproxy:
    """imgproxy ``/<signature>/<options with ':'>/plain/<url>[@ext]`` or ``/…/<base64url split
    by '/'>[.ext]``; ``/enc/`` sources are encrypted and stay as they are."""

    def __call__(self, url: ParsedUrl) -> str | None:
        segments = url.tail.split("/")[2:]  # drop "" and the signature
        while segments and ":" in segments[0] and segments[0] not in ("plain", "enc"):
            segments.pop(0)
        if not segments or segments[0] == "enc":
            return None
        if segments[0] == "plain":
            source = re.sub(r"@[a-z0-9]{2,5}$", "", "/".join(segments[1:]), flags=re.IGNORECASE)
            return percent_decode(source)
        joined = re.split(r"[.?#]", "".join(segments), maxsplit=1)[0]
        return b64_decode(joined)


_THUMBOR_SIGNATURE = r"(?:unsafe|[a-z0-9_-]{27}[a-z0-9_=-])"
_THUMBOR_OPTION_RE = re.compile(  # \A: fullmatched; a scan of a text stays linear
    r"\A(?:meta|debug|trim(?::[^/]*)?|\d+x\d+:\d+x\d+|(?:adaptive-)?(?:full-)?fit-in|-?\d*x-?\d*"
    r"|left|center|right|top|middle|bottom|smart|filters:.*)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Thumbor:
    """thumbor ``/unsafe|<28-char HMAC>/<options>/<source>``: the option segments are skipped;
    the source may be percent-encoded or scheme-less."""

    def __call__(self, url: ParsedUrl) -> str | None:
        if not compiled(rf"/{_THUMBOR_SIGNATURE}/").match(url.tail):
            return None
        segments = url.tail.split("/")[2:]
        while segments and _THUMBOR_OPTION_RE.fullmatch(segments[0].split("?")[0]):
            segments.pop(0)
        source = "/".join(segments)
        return decode_if_encoded(source) or None
