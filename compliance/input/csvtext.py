"""Read a CSV file as Excel writes it in any locale: find its encoding and delimiter, return its cells as text.

Excel's "CSV" output depends on the machine that saved it: the legacy code page of the Windows locale
(Windows-1252, GB18030, ...), UTF-8 with a byte-order mark ("CSV UTF-8"), or UTF-16 with tabs ("Unicode
Text"); semicolons where the decimal separator is a comma. Cells stay text here; numbers are parsed later.
Every guess (an encoding that is not UTF-8) comes back in plain words so the report can state it.
"""

from __future__ import annotations

import _csv
import codecs
import csv
import io
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache

import charset_normalizer


@dataclass(frozen=True)
class CsvText:
    rows: list[list[str]]  # cells as text, exactly as in the file
    encoding: str  # Python codec name actually used
    encoding_notice: str | None  # plain words when the file is not UTF-8; None for UTF-8 with or without BOM
    delimiter: str  # "," ";" "\t" or "|"
    # Excel writes ';' in locales whose decimal separator is ','. Weak evidence: only a tie-breaker.
    decimal_comma_hint: bool


class CsvError(Exception):
    """A CSV file that cannot be read; str() is one plain line starting with the file name."""


def read_csv_bytes(name: str, data: bytes, legacy: str | None = None) -> CsvText:
    """One file; `legacy` is the code page decided for its folder (folder_legacy_codec), used if it is not UTF-8."""
    encoding, text, notice = _decode(name, data, legacy)
    delimiter, rows = _split(name, text)
    return CsvText(_strip_trailing_empty_column(rows), encoding, notice, delimiter, delimiter == ";")


def folder_legacy_codec(files: list[tuple[str, bytes]]) -> str | None:
    """The one legacy code page of the files of a folder that are not UTF-8 (nor marked as UTF-16/32): the one the
    file with the most non-ASCII text reads best in, if every other file with enough text to decide alone agrees
    (or finds it as good) and it reads the short ones whole; None when fewer than two files need one, or they
    disagree (each is then decided alone).

    Excel saves every sheet of a session in the machine's code page. Decided file by file, a short file (a few
    contracts) has too little text: nine files of one GBK workbook came out as five different code pages, and
    中介费 in a short one as 'ÖĐ˝é·Ń', with only a notice to say so."""
    legacy = [data for _name, data in files if _marked(data) is None and not _is_utf8(data) and b"\x00" not in data]
    if len(legacy) < 2:
        return None
    decided = [(data, _non_ascii(data), _detect_legacy(data)) for data in legacy]
    anchor = max(decided, key=lambda d: d[1])[2]
    if anchor is None:
        return None
    codec = anchor[0]
    for data, amount, found in decided:
        if not _fits(data, codec):
            return None
        if amount >= _DECIDES_ALONE and (found is None or codec not in (found[0], *found[1])):
            return None
    return codec


_DECIDES_ALONE = 64  # non-ASCII bytes: enough text for a file's own reading to count against the folder's


def _non_ascii(data: bytes) -> int:
    return len(data) - len(data.translate(None, bytes(range(128))))


def _fits(data: bytes, codec: str) -> bool:
    """Whether the code page reads this file as well as any: whole, digits and delimiters kept, no words that mix
    scripts more than in its best reading (a Windows-1252 file read as GBK pairs 'é' with the next letter)."""
    readings = [r for rank, c in enumerate(_LEGACY) if (r := _reading(data, c, rank, {}))]
    mine = next((r for r in readings if r.codec == codec), None)
    return mine is not None and mine.mixed <= min(r.mixed for r in readings) + 0.02


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# ---------------------------------------------------------------------------------------------- encoding

_SAVE_AS = "save it from Excel as 'CSV UTF-8' to be sure"
# UTF-32 first: its little-endian mark starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", None),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16 (Excel's 'Unicode Text')"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16 (Excel's 'Unicode Text')"),
)
# Legacy code pages Excel users meet, most common first: the order breaks ties between equally good readings.
_LEGACY = {
    "cp1252": "Windows-1252 (Western European)",
    "gb18030": "GB18030/GBK (Chinese, simplified)",
    "cp1256": "Windows-1256 (Arabic)",
    "cp874": "Windows-874 (Thai)",
    "cp1250": "Windows-1250 (Central European)",
    "cp1251": "Windows-1251 (Cyrillic)",
    "big5": "Big5 (Chinese, traditional)",
    "cp932": "Shift-JIS (Japanese)",
    "cp949": "Windows-949 (Korean)",
    "cp1258": "Windows-1258 (Vietnamese)",
    "cp1254": "Windows-1254 (Turkish)",
    "cp1253": "Windows-1253 (Greek)",
    "cp1255": "Windows-1255 (Hebrew)",
    "cp1257": "Windows-1257 (Baltic)",
    "mac_roman": "Mac Roman (older Excel for Mac)",
}
_MULTIBYTE = frozenset({"gb18030", "big5", "cp932", "cp949"})
# Control characters never typed in a spreadsheet (tab, newlines, form feed and DOS's end-of-file ^Z allowed).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x19\x1b-\x1f\x7f-\x9f]")
_STRUCTURAL = "0123456789,;\t\"\r\n"


def _marked(data: bytes) -> tuple[str, str | None, bool] | None:
    """(codec, words, by byte-order mark) for a file whose bytes say its encoding: a BOM, or UTF-16's pattern."""
    for bom, codec, words in _BOMS:
        if data.startswith(bom):
            return codec, words, True
    if (codec := _utf16_without_bom(data)) and (text := _try(data, codec)) is not None and not _CONTROL.search(text):
        return codec, None, False
    return None


def _decode(name: str, data: bytes, legacy: str | None = None) -> tuple[str, str, str | None]:
    """(codec, text, notice)."""
    if (marked := _marked(data)) is not None:
        codec, words, by_bom = marked
        if by_bom:
            if codec == "utf-8-sig":
                _refuse_nul(name, data)
            text = _decode_or_fail(name, data, codec)
            return codec, text, f"read as {words}, as marked at the start of the file" if words else None
        endian = "little" if codec.endswith("le") else "big"
        return codec, data.decode(codec), (f"read as UTF-16 ({endian}-endian), detected from the bytes: the file "
                                           f"has no byte-order mark; {_SAVE_AS}")
    _refuse_nul(name, data)
    try:
        return "utf-8", data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if legacy is not None and (text := _try(data, legacy)) is not None:
        return legacy, text, (f"read as {_LEGACY[legacy]}, detected from the text of all the folder's files that "
                              f"are not UTF-8 (Excel saves them in one code page); {_SAVE_AS}")
    found = _detect_legacy(data)
    if found is None:
        bad = data[utf8_error.start]
        raise CsvError(f"{name}: byte {utf8_error.start} (0x{bad:02X}) is not valid UTF-8 and the file is in no "
                       "other encoding this tool recognises; save it from Excel as 'CSV UTF-8'")
    codec, others = found
    notice = f"read as {_LEGACY[codec]}, detected from the text because the file is not UTF-8"
    if others:
        notice += " (it could also be " + " or ".join(_LEGACY[c] for c in others) + ": check that names read correctly)"
    return codec, data.decode(codec), f"{notice}; {_SAVE_AS}"


def _refuse_nul(name: str, data: bytes) -> None:
    if (nul := data.find(b"\x00")) >= 0:
        raise CsvError(f"{name}: byte {nul} is a NUL byte: the file is probably UTF-16 without a byte-order "
                       f"mark, or not a text file; {_SAVE_AS}")


def _decode_or_fail(name: str, data: bytes, codec: str) -> str:
    try:
        return _no_nul(name, data.decode(codec))  # a NUL character is as wrong in UTF-16 as a NUL byte in UTF-8
    except UnicodeDecodeError as exc:
        words = codec.upper().removesuffix("-SIG")
        raise CsvError(f"{name}: byte {exc.start} cannot be read as {words}, although the file starts with its "
                       "byte-order mark; the file is damaged") from None


def _no_nul(name: str, text: str) -> str:
    if (at := text.find("\x00")) >= 0:
        raise CsvError(f"{name}: character {at} is a NUL character: this is not a text file")
    return text


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the bytes have UTF-16's pattern: ASCII letters pair with a zero byte."""
    sample = data[: 1 << 16]
    if len(sample) < 4:
        return None
    sample = sample[: len(sample) // 2 * 2]
    even, odd = sample[0::2], sample[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd >= 0.25 and zeros_even <= 0.02:
        return "utf-16-le"
    if zeros_even >= 0.25 and zeros_odd <= 0.02:
        return "utf-16-be"
    return None


@dataclass(frozen=True)
class _Reading:
    codec: str
    rank: int
    mixed: float  # share of non-ASCII words that mix scripts ("Josй"): a wrong code page
    chaos: float  # charset-normalizer's mess measure, 1.0 when it rejected the code page
    coherence: float  # charset-normalizer's language fit
    digest: int  # of the text, to tell whether two code pages give the same reading
    east_asian: bool = False  # a multi-byte reading whose every non-ASCII character is CJK, kana or Hangul


def _detect_legacy(data: bytes) -> tuple[str, list[str]] | None:
    """The likeliest legacy code page and the others that read as well but differently; None if none fits.

    charset-normalizer alone is unreliable on short files (a few accented names): it reads "Hélène" as
    Windows-1250 "Hélčne" and Thai as Japanese. So every candidate must decode the whole file strictly, keep
    its digits and delimiters, contain no control characters and not mix scripts inside words; among the
    equally good, Windows-1252 wins unless another fits the language clearly better.
    """
    stats = _normalizer_stats(data)
    readings = [r for rank, codec in enumerate(_LEGACY) if (r := _reading(data, codec, rank, stats))]
    if not readings:
        return None
    least_mixed = min(r.mixed for r in readings)
    readings = [r for r in readings if r.mixed <= least_mixed + 0.02]
    # A Western or Thai file almost never reads whole in GBK, Big5, Shift-JIS or UHC with no word mixing scripts
    # (an accented letter pairs with the next byte into a character inside a Latin word: "H閘鑞e"), while Chinese
    # read in a single-byte code page gives plausible Latin letters ('女' as 'Å®') that charset-normalizer's
    # language fit prefers on short cells. So such a reading rules out the single-byte ones.
    if east := [r for r in readings if r.east_asian]:
        readings = east
    least_chaos = min(r.chaos for r in readings)
    readings = [r for r in readings if r.chaos <= least_chaos + 0.05]
    best = max(readings, key=lambda r: (r.coherence + (0.1 if r.codec == "cp1252" else 0.0), -r.rank))
    others = [r for r in readings
              if r.digest != best.digest and r.chaos <= best.chaos + 0.02 and best.coherence - r.coherence < 0.1]
    return best.codec, [r.codec for r in sorted(others, key=lambda r: r.rank)[:2]]


def _normalizer_stats(data: bytes) -> dict[str, tuple[float, float]]:
    stats: dict[str, tuple[float, float]] = {}
    for match in charset_normalizer.from_bytes(data, cp_isolation=list(_LEGACY)):
        for codec in match.could_be_from_charset:  # code pages that give exactly the same text
            stats.setdefault(codecs.lookup(codec).name, (match.chaos, match.coherence))
    return stats


def _reading(data: bytes, codec: str, rank: int, stats: dict[str, tuple[float, float]]) -> _Reading | None:
    text = _try(data, codec)
    if text is None or _CONTROL.search(text):
        return None
    # A multi-byte code page can swallow an ASCII byte as the second half of a character: never accept a
    # reading that loses a digit or a delimiter.
    if codec in _MULTIBYTE and any(data.count(ch.encode()) != text.count(ch) for ch in _STRUCTURAL):
        return None
    chaos, coherence = stats.get(codecs.lookup(codec).name, (1.0, 0.0))
    mixed = _mixed_script_share(text[:100_000])
    east = codec in _MULTIBYTE and mixed == 0.0 and _east_asian_only(text)
    return _Reading(codec, rank, mixed, round(chaos, 2), round(coherence, 2), hash(text), east)


def _east_asian_only(text: str) -> bool:
    """At least two non-ASCII characters, each a CJK ideograph, kana, Hangul, or CJK/full-width punctuation."""
    wide = [ch for ch in text if ord(ch) > 127]
    return len(wide) >= 2 and all(_script(ch) in _EAST_ASIAN or ch in "、。「」『』【】〈〉《》〔〕・〜" for ch in wide)


_EAST_ASIAN = frozenset({"CJK", "HANGUL", "IDEOGRAPHIC"})


@cache
def _word() -> re.Pattern[str]:
    # Letters and combining marks: a Thai vowel sign read after a Latin letter ("Caf\u0e49") is a mixed word.
    marks = "".join(chr(c) for c in range(0x300, 0x10000) if unicodedata.category(chr(c))[0] == "M")
    return re.compile(rf"(?:[^\W\d_]|[{re.escape(marks)}])+")


def _mixed_script_share(text: str) -> float:
    words = [w for w in _word().findall(text) if not w.isascii()]
    if not words:
        return 0.0
    mixed = sum(1 for w in words if len({_script(ch) for ch in w} - {""}) > 1)
    return mixed / len(words)


@cache
def _script(ch: str) -> str:
    word = unicodedata.name(ch, "UNKNOWN").split()[0]
    if word == "COMBINING":  # an accent on any letter
        return ""
    # Japanese mixes kanji with both kana, and full-width Latin belongs with them; half-width kana does not.
    return "CJK" if word in ("CJK", "HIRAGANA", "KATAKANA", "FULLWIDTH") else word


# ---------------------------------------------------------------------------------------------- delimiter

_DELIMITERS = (",", ";", "\t", "|")
_TYPE_SAMPLE_ROWS = 2000
# A number as Excel writes it in any locale: "1,5", "1.234,56", "£1,200", "NPR 1,20,000", "(45.00)", "12%".
_TIGHT = {d: re.compile(re.escape(d) + "(?! )") for d in _DELIMITERS}
_NUMBER = re.compile(r"[-+(]?\s?(?:[^\d\s,;|]{1,3}\s?)?\d[\d.,' \u00a0\u202f]*(?:[eE][-+]?\d+)?%?\)?")


def _split(name: str, text: str) -> tuple[str, list[list[str]]]:
    """Choose the delimiter by the consistency of the whole file, then parse strictly with it.

    The score is van den Burg et al.'s data consistency measure (the method clevercsv implements, too slow
    on a 10 MB file): a pattern score rewarding many rows of the same width, times a type score, the share of
    sampled cells that look like a value rather than like pieces of a row split on the wrong character.
    """
    best, best_score = ",", 0.0
    for delimiter in (d for d in _DELIMITERS if d in text):
        score = _score(text, delimiter)
        if score > best_score:  # strictly: ties keep the earlier, commoner delimiter
            best, best_score = delimiter, score
    return best, _parse_strict(name, text, best)


def _score(text: str, delimiter: str) -> float:
    widths: Counter[int] = Counter()
    typed = cells = 0
    others = [d for d in _DELIMITERS if d != delimiter]
    try:
        for i, row in enumerate(_reader(text, delimiter, strict=False)):
            if not row:
                continue
            widths[len(row)] += 1
            if i < _TYPE_SAMPLE_ROWS:
                cells += len(row)
                typed += sum(1 for cell in row if _looks_like_a_value(cell, others))
    except csv.Error:  # a wrong delimiter can make a giant field out of quotes
        return 0.0
    if not widths:
        return 0.0
    pattern = sum(n * (width - 1) / width for width, n in widths.items()) / len(widths)
    return pattern * (typed / cells if cells else 1.0)


def _looks_like_a_value(cell: str, other_delimiters: list[str]) -> bool:
    # Natural text has a space after a comma or semicolon; a row split on the wrong character leaves the
    # real delimiter tight between two values ("W1;3,50").
    if not any(d in cell for d in other_delimiters):
        return True
    stripped = cell.strip()
    if _NUMBER.fullmatch(stripped):
        return True
    return not any(_TIGHT[d].search(stripped) for d in other_delimiters)


def _reader(text: str, delimiter: str, strict: bool) -> _csv.Reader:
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', doublequote=True,
                      strict=strict)


def _parse_strict(name: str, text: str, delimiter: str) -> list[list[str]]:
    reader = _reader(text, delimiter, strict=True)
    rows: list[list[str]] = []
    line = 0
    try:
        for row in reader:
            rows.append(row)
            line = reader.line_num
    except csv.Error as exc:
        raise CsvError(f"{name}, line {line + 1}: {_plain_csv_error(str(exc))}") from None
    return rows


def _plain_csv_error(message: str) -> str:
    if "unexpected end of data" in message:
        return "a quoted cell that starts here is never closed; check the quote marks (\")"
    if "expected after" in message:
        return "text follows the closing quote of a quoted cell; check the quote marks (\")"
    if "field larger than field limit" in message:
        return "a cell that starts here is impossibly long: a quote mark (\") is probably not closed"
    return f"not a valid CSV line ({message})"


def _strip_trailing_empty_column(rows: list[list[str]]) -> list[list[str]]:
    """Excel ends every row with a delimiter when the last column of its used range is empty."""
    filled = [row for row in rows if row]
    if filled and all(row[-1] == "" for row in filled) and any(len(row) > 1 for row in filled):
        return [row[:-1] if row else row for row in rows]
    return rows
