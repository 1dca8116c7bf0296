"""Characters no installed font can draw: a located warning at `check` and `render`, never
silent empty boxes in a packet.

The packet names its font families (templates/packet.css): DejaVu Sans for Latin, Greek,
Cyrillic, Arabic and Hebrew, and Noto Sans CJK for Chinese, Japanese and Korean; the set-up
installs them from Debian's packages (FONT_PACKAGES). Whether some installed font covers a
character is asked of fontconfig (`fc-list`), the same font database WeasyPrint's Pango uses,
and only for characters outside the scripts the base family covers, so an ordinary file costs
nothing. A character the packet's own fonts draw (data/font-coverage.txt, written from them by
scripts/font_coverage.py) is answered from that file once fontconfig says those fonts are installed;
only the rest is looked up in every installed font's character set. Both answers are kept in the
user's cache folder while fontconfig's own caches are unchanged, so a later `check` asks fontconfig
nothing. Without fontconfig nothing can be told and nothing is
said.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from packetgen.errors import Diagnostic, Location
from packetgen.model.evidence import Evidence

FONT_PACKAGES = "fonts-dejavu-core fonts-noto-cjk"  # Debian's names; see the README

# Blocks DejaVu Sans draws (it is installed with the set-up): Latin, IPA, spacing modifiers,
# combining marks, Greek, Cyrillic, Hebrew, Arabic, general punctuation, super/subscripts,
# currency, letterlike, number forms, arrows, mathematical operators, misc technical, box
# drawing, geometric shapes, misc symbols and dingbats (✓ ✗ ◐ → ·).
_BASE = ((0x0000, 0x058F), (0x0590, 0x06FF), (0x1E00, 0x1FFF), (0x2000, 0x23FF), (0x2500, 0x27BF),
         (0xFB00, 0xFB06), (0xFE70, 0xFEFF), (0xFFFD, 0xFFFD))
_RANGE = re.compile(r"([0-9a-f]+)(?:-([0-9a-f]+))?")
# What to install, by the first word of a character's Unicode name
_SCRIPT = {"CJK": "Chinese/Japanese", "HIRAGANA": "Japanese", "KATAKANA": "Japanese", "HANGUL": "Korean",
           "IDEOGRAPHIC": "Chinese/Japanese", "FULLWIDTH": "Chinese/Japanese", "HALFWIDTH": "Japanese",
           "KATAKANA-HIRAGANA": "Japanese"}
_INSTALL = {"Chinese/Japanese": "fonts-noto-cjk", "Japanese": "fonts-noto-cjk", "Korean": "fonts-noto-cjk"}


# any character outside _BASE (a regular expression: `check` scans every text on each save)
_OUTSIDE_BASE = re.compile("[^" + "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in _BASE) + "]")


def _in_base(ch: str) -> bool:
    return _OUTSIDE_BASE.match(ch) is None


@dataclass(frozen=True)
class Coverage:
    """The union of every installed font's character set, as sorted, merged ranges."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def __contains__(self, ch: str) -> bool:
        code = ord(ch)
        i = bisect.bisect_right(self.starts, code) - 1
        return i >= 0 and code <= self.ends[i]


def _fc_list(*args: str) -> str | None:
    import shutil
    import subprocess

    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        return subprocess.run([fc_list, *args], capture_output=True, text=True, timeout=20, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None


def _merged(spans) -> Coverage:
    starts: list[int] = []
    ends: list[int] = []
    for lo, hi in sorted(spans):
        if ends and lo <= ends[-1] + 1:
            ends[-1] = max(ends[-1], hi)
        else:
            starts.append(lo)
            ends.append(hi)
    return Coverage(tuple(starts), tuple(ends))


_FONTCONFIG_ENV = ("FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT")  # another font database
_KEPT_LIMIT = 4 << 20  # bytes of a kept answer read at most: the coverage is about 40 KB


def _cache_home():
    """$XDG_CACHE_HOME, or ~/.cache when it is unset or relative (the XDG spec: ignore a relative one)."""
    import os
    from pathlib import Path

    home = Path(os.environ.get("XDG_CACHE_HOME") or "")
    return home if home.is_absolute() else Path.home() / ".cache"


@lru_cache(maxsize=1)
def _fonts_stamp() -> str | None:
    """When fontconfig's caches last changed (they change whenever fonts are installed or removed and
    fontconfig looks), and which font database the environment names: answers kept under this stamp
    need no fontconfig call at all. None when there are no such caches to go by."""
    import hashlib
    import os
    from pathlib import Path

    seen = [f"{name}={os.environ[name]}" for name in _FONTCONFIG_ENV if name in os.environ]
    found = False
    for folder in (Path("/var/cache/fontconfig"), _cache_home() / "fontconfig", Path.home() / ".fontconfig"):
        try:
            seen.append(f"{folder}:{folder.stat().st_mtime_ns}")
            found = True
        except OSError:
            continue
    return hashlib.sha256("\n".join(seen).encode()).hexdigest()[:32] if found else None


def _read_kept(path) -> object:
    """A kept answer's JSON, read only from a regular file of at most _KEPT_LIMIT bytes (a link to
    /dev/zero or a FIFO is not waited on); None when there is no such answer."""
    import json
    import os
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > _KEPT_LIMIT:
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return json.loads(handle.read(_KEPT_LIMIT + 1))
    except (OSError, ValueError):
        return None
    finally:
        os.close(fd)


def _kept(name: str, make, valid):
    """The JSON answer `make()` gives, kept in the cache folder under the fonts' stamp (made each time
    without one). A kept answer `valid` refuses is made again; None (fontconfig could not answer) is
    never kept; a folder that cannot be written only means nothing is kept."""
    import json
    import os

    stamp = _fonts_stamp()
    if stamp is None:
        return make()
    folder = _cache_home() / "packetgen"
    path = folder / f"{name}-{stamp}.json"
    value = _read_kept(path)
    if value is not None and valid(value):
        return value
    value = make()
    if value is None:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        partial.write_text(json.dumps(value), encoding="utf-8")
        partial.replace(path)
        for old in folder.glob(f"{name}-*.json"):  # fonts changed since: the old answer is of no use
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    return value


def _valid_coverage(value) -> bool:
    """A kept coverage: two lists of as many ascending code points, each range within Unicode."""
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, list) for v in value)):
        return False
    starts, ends = value
    if len(starts) != len(ends):
        return False
    ranges = list(zip(starts, ends, strict=True))
    return (all(type(a) is int and type(b) is int and 0 <= a <= b <= 0x10FFFF for a, b in ranges)
            and all(end < start for (_, end), (start, _) in pairwise(ranges)))


@lru_cache(maxsize=1)
def own() -> Coverage | None:
    """What the packet's own fonts draw (data/font-coverage.txt), when fontconfig has them installed."""
    def have_them():
        families = _fc_list("--format=%{family}\n")
        if families is None:
            return None  # fontconfig could not say: asked again next time
        return all(f in families for f in ("DejaVu Sans", "Noto Sans CJK JP"))

    if _kept("packet-fonts-installed", have_them, lambda value: isinstance(value, bool)) is not True:
        return None
    from packetgen.resources import package_data

    text = package_data("font-coverage.txt").read_text(encoding="utf-8")
    return _merged((int(a, 16), int(b or a, 16)) for a, b in _RANGE.findall(
        "\n".join(line for line in text.splitlines() if not line.startswith("#"))))


@lru_cache(maxsize=1)
def installed() -> Coverage | None:
    """What the installed fonts cover (fontconfig's view), or None when fontconfig is absent. Building
    it from every font's character set is most of its cost (0.15 of 0.19 s here): it is kept in the
    cache folder while fontconfig's own caches are unchanged."""
    def build():
        out = _fc_list("--format=%{charset}\n")
        if out is None:
            return None
        coverage = _merged((int(a, 16), int(b or a, 16)) for a, b in _RANGE.findall(out))
        return [coverage.starts, coverage.ends]

    found = _kept("font-coverage", build, _valid_coverage)
    return Coverage(tuple(found[0]), tuple(found[1])) if found is not None else None


def _drawn(ch: str, coverage: Coverage | None) -> bool | None:
    """Whether some font draws `ch`: the packet's own fonts first, every installed font only for the
    rest (or the `coverage` given); None when it cannot be told."""
    if coverage is None:
        mine = own()
        if mine is not None and ch in mine:
            return True
        coverage = installed()
        if coverage is None:
            return None
    return ch in coverage


# Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt): a shaper draws nothing for them,
# so no font needs them (a variation selector, a joiner, a tag)
_IGNORABLE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
                        "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3"
                        "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]")


@lru_cache(maxsize=1)
def _outside_own() -> re.Pattern:
    """Any character the packet's own fonts do not draw (or outside _BASE, without their coverage)."""
    mine = own()
    if mine is None:
        return _OUTSIDE_BASE
    ranges = [(lo, min(hi, 0x10FFFF)) for lo, hi in zip(mine.starts, mine.ends, strict=True) if lo <= 0x10FFFF]
    return re.compile("[^" + "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in ranges) + "]")


def drawable(text: str, instead: str = "\ufffd") -> str:
    """`text` with each character no installed font draws put as `instead` (U+FFFD, which the packet's
    own font draws): Typst's PDF/UA-1 export refuses a glyph no font has, where WeasyPrint draws an
    empty box; the file's warning says which characters they are. A space or a character a shaper
    ignores stays; so does everything when fontconfig cannot tell."""
    outside = _outside_own()
    if not outside.search(text):
        return text

    def shown(found: re.Match) -> str:
        ch = found[0]
        if ch.isspace() or _IGNORABLE.match(ch):
            return ch
        return instead if _drawn(ch, None) is False else ch

    return outside.sub(shown, text)


def _fc_list_absent() -> bool:
    import shutil

    return shutil.which("fc-list") is None


def script_of(ch: str) -> str:
    """The script (or kind of symbol) a character is of, as the font warning names it."""
    if unicodedata.category(ch).startswith("S"):  # a symbol's name is no script ("SLIGHTLY SMILING FACE")
        return "Emoji" if 0x1F000 <= ord(ch) <= 0x1FAFF else "Symbols"
    word = unicodedata.name(ch, "UNKNOWN").split()[0]
    return _SCRIPT.get(word, word.capitalize())


def _texts(evidence: Evidence):
    """(what it is, text, where it stands) for everything the packet prints from the file."""
    top = evidence.path
    cand = evidence.candidate
    for label, text in (("the candidate's name", cand.name), ("the role", cand.role), ("the manager", cand.manager),
                        ("the summary", evidence.summary), ("the self-assessment", evidence.self_assessment),
                        ("the values", evidence.values)):
        yield label, text, None
    if evidence.assessment:
        yield "the assessment", " ".join([evidence.assessment.by, evidence.assessment.overall,
                                          *(t for _, t in evidence.assessment.areas)]), None
    if evidence.recommendation:
        yield "the recommendation", evidence.recommendation.rationale, None
    for n, step in enumerate(evidence.development, start=1):
        yield f"development step #{n}", step.plan, None
    for item in evidence.items:
        name = f"item {item.title!r}"
        yield name, " ".join([item.title, item.description, *(link.title for link in item.links)]), item.where
        for n, quote in enumerate(item.quotes):
            line = item.quote_lines[n] if n < len(item.quote_lines) else None
            where = Location(top, line, 1) if line else item.where
            yield f"{name}, quote {n + 1}", f"{quote.author} {quote.text}", where


def uncovered(evidence: Evidence, coverage: Coverage | None = None) -> tuple[Diagnostic, ...]:
    """A warning for each text holding characters that no installed font can draw."""
    texts = [(label, text, where) for label, text, where in _texts(evidence) if text]
    if not any(_OUTSIDE_BASE.search(text) for _, text, _ in texts):
        return ()  # the base family draws all of it: no need to ask fontconfig
    if coverage is None and _fc_list_absent():
        return ()
    raw = evidence.raw.decode("utf-8", "replace")
    out = []
    for label, text, where in texts:
        said = missing_glyphs(label, text, coverage)
        if said:
            out.append(Diagnostic(_locate(raw, said[1], where, evidence.path), "warning", said[0]))
    return tuple(out)


def missing_glyphs(label: str, text: str, coverage: Coverage | None = None) -> tuple[str, str] | None:
    """What to say when `text` holds characters no installed font draws (they print as empty boxes),
    with the first such character; None when every one is drawn (or fontconfig cannot tell)."""
    if not _OUTSIDE_BASE.search(text):
        return None
    drawn: dict[str, bool | None] = {}
    for ch in _OUTSIDE_BASE.findall(text):
        if ch not in drawn and not ch.isspace() and unicodedata.category(ch) not in ("Cf", "Mn"):
            drawn[ch] = _drawn(ch, coverage)
    if any(v is None for v in drawn.values()):
        return None  # fontconfig cannot tell
    missing = [ch for ch in _OUTSIDE_BASE.findall(text) if drawn.get(ch) is False]
    if not missing:
        return None
    scripts = sorted({script_of(ch) for ch in missing})
    packages = sorted({_INSTALL[s] for s in scripts if s in _INSTALL})
    sample = "".join(dict.fromkeys(missing))[:12]
    install = (f"install {' and '.join(packages)} (Debian) or another font that covers them" if packages else
               "install a font that covers them (Debian's fonts-noto-core and fonts-noto-extra cover most scripts)")
    return (f"{label}: {len(missing)} character{'s' * (len(missing) != 1)} no installed font covers "
            f"({', '.join(scripts)}: {sample!r}) would print as empty boxes; {install}", missing[0])


def _locate(raw: str, ch: str, where: Location | None, path: str) -> Location:
    """Where `ch` first stands in the file at or after `where` (it may be written as an escape)."""
    start = 0
    if where is not None:
        start = sum(len(line) + 1 for line in raw.split("\n")[:where.line - 1])
    i = raw.find(ch, start)
    if i < 0:
        return where or Location(path)
    line = raw.count("\n", 0, i) + 1
    return Location(path, line, i - (raw.rfind("\n", 0, i) + 1) + 1)


# The families templates/packet.css names; an archival record lists their files' hashes, so a
# `verify` on a machine with other fonts says so instead of calling the record altered.
FAMILIES = ("DejaVu Sans", "DejaVu Sans Condensed", "DejaVu Sans Mono", "Noto Sans CJK JP", "Noto Sans Mono CJK JP")


@lru_cache(maxsize=1)
def fingerprint() -> dict[str, str]:
    """{font file name: first 16 hex digits of its SHA-256} for every installed file of FAMILIES
    (fontconfig's view; empty without fontconfig)."""
    import hashlib
    import shutil
    import subprocess
    from pathlib import Path

    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return {}
    try:
        out = subprocess.run([fc_list, "--format=%{family}\t%{file}\n"], capture_output=True, text=True,
                             timeout=20, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    files = sorted({file for line in out.splitlines() if "\t" in line
                    for families, file in [line.split("\t", 1)]
                    if set(families.split(",")) & set(FAMILIES)})
    prints = {}
    for file in files:
        try:
            prints[Path(file).name] = hashlib.sha256(Path(file).read_bytes()).hexdigest()[:16]
        except OSError:
            continue
    return dict(sorted(prints.items()))
