"""The one word splitter: any name a spec uses, cut into words, case kept.

`assistantId` → (assistant, Id), `HTTPHeader` → (HTTP, Header), `api-version` →
(api, version), `Runs_GetRun` → (Runs, Get, Run), `v1` → (v1,), `3DSecure` →
(3, D, Secure). Digits stay with the letters before them (`v1`, `oauth2`, `gpt4o`)
because that is how people spell versions and protocols.

Accented letters lose their accents; characters with no ASCII spelling, and every
invisible or control character, are dropped: identifiers are ASCII in every target,
so a name can neither hide a bidi override nor look like another name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SEPARATORS = re.compile(r"[^0-9A-Za-z]+")
_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_LEADING_DIGITS = re.compile(r"^([0-9]+)(.*)$")

_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def ascii_fold(text: str) -> str:
    """`Café` → `Cafe`; letters without an ASCII form and invisible characters vanish."""
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode("ascii")


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[str, ...]:
    out: list[str] = []
    for chunk in _SEPARATORS.split(ascii_fold(text)):
        out.extend(part for part in _BOUNDARY.split(chunk) if part)
    return tuple(out)


def number_words(digits: str) -> tuple[str, ...]:
    """`3` → (three,), `42` → (forty, two), `404` → (four, hundred, four); longer numbers
    and numbers with a leading zero are read digit by digit (`2024`, `007`)."""
    if len(digits) > 3 or (len(digits) > 1 and digits[0] == "0"):
        return tuple(_ONES[int(d)] for d in digits)
    n = int(digits)
    if n < 20:
        return (_ONES[n],)
    if n < 100:
        tens, ones = divmod(n, 10)
        return (_TENS[tens],) if ones == 0 else (_TENS[tens], _ONES[ones])
    hundreds, rest = divmod(n, 100)
    head = (_ONES[hundreds], "hundred")
    return head if rest == 0 else head + number_words(str(rest))


def identifier_words(text: str) -> tuple[str, ...]:
    """The words of `text`, with leading digits read aloud so the result can start an
    identifier: `3d_secure` → (three, d, secure), `200` → (two, hundred)."""
    parts = words(text)
    if not parts:
        return parts
    match = _LEADING_DIGITS.match(parts[0])
    if match is None:
        return parts
    digits, rest = match.groups()
    spoken = number_words(digits)
    return spoken + ((rest,) if rest else ()) + parts[1:]


def lower_words(text: str) -> list[str]:
    """The words of `text` in lower case, to compare names however they are cased
    (`createRun` and `create_run` both give create, run)."""
    return [w.lower() for w in words(text)]
