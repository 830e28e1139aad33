"""The zip-bomb check of an uploaded workbook, entry by entry.

A ratio over the whole archive is defeated by padding: a 2 MB file of incompressible noise
beside one 380 MB cell passes it. So every entry is judged on its own: its unpacked size
(absolute), its compression ratio (for entries big enough for a ratio to mean something),
and the archive's total. Python's zipfile never inflates an entry past the size its header
declares, so these declared sizes bound what openpyxl can read."""

from zipfile import ZipInfo

MAX_ENTRY = 100 * 1024 * 1024  # one sheet's XML: a 40,000-course sheet is ~15 MB
MAX_TOTAL = 300 * 1024 * 1024
MAX_RATIO = 100  # sheet XML packs 5-20 times; a run of one character packs ~1,000 times
RATIO_FROM = 1024 * 1024  # entries smaller than this may pack as they like

REFUSED = "Filen er afvist som en mulig «zip-bombe»: {why}."


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB"


def archive_check(entries: list[ZipInfo]) -> str | None:
    """None, or a Danish sentence naming the entry that unpacks out of proportion."""
    for entry in entries:
        if entry.file_size > MAX_ENTRY:
            why = (
                f"delen {entry.filename} pakker sig ud til {_mb(entry.file_size)}; "
                f"grænsen for én del er {_mb(MAX_ENTRY)}"
            )
            return REFUSED.format(why=why)
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > RATIO_FROM and ratio > MAX_RATIO:
            why = (
                f"delen {entry.filename} fylder {_mb(entry.file_size)} udpakket, "
                f"{ratio:.0f} gange så meget som pakket (grænsen er {MAX_RATIO} gange)"
            )
            return REFUSED.format(why=why)
    total = sum(e.file_size for e in entries)
    if total > MAX_TOTAL:
        why = f"filen pakker sig ud til {_mb(total)}; grænsen er {_mb(MAX_TOTAL)}"
        return REFUSED.format(why=why)
    return None
