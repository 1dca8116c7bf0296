"""Which URLs packetgen turns into links (http and https with a host, and mailto), and what
of a link it keeps: a mailto link's query keeps only `subject`, `body` and `cc` (an `attach`
or `bcc` must not ride along on a reviewer's click)."""
from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

SAFE_SCHEMES = ("http", "https", "mailto")
MAILTO_FIELDS = ("subject", "body", "cc")


def is_safe_url(url: str) -> bool:
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    if scheme not in SAFE_SCHEMES:
        return False
    return bool(parts.path) if scheme == "mailto" else bool(parts.netloc)


def link_target(url: str) -> str:
    """The URL a link points to: `url`, a mailto one without query fields other than MAILTO_FIELDS."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if parts.scheme.lower() != "mailto" or not parts.query:
        return url
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k.lower() in MAILTO_FIELDS]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(kept, quote_via=_quote), ""))


def _quote(text, safe="", encoding=None, errors=None):
    from urllib.parse import quote

    return quote(text, safe="@", encoding=encoding, errors=errors)
