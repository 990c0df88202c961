"""Letter classes for patterns over names written in any Latin script.

``[A-Z]`` misses the capitals of Irish, Welsh, French, Polish or Czech names
("Órla Ní Bhriain", "Łukasz Šimek"); patterns written with it are widened by
:func:`unicode_caps` instead of each spelling out the class.
"""

from __future__ import annotations

__all__ = ["UPPER", "unicode_caps"]

#: Capital letters: ASCII plus the capitals of Latin-1 Supplement and Latin Extended-A/B (U+00C0–U+024F).
UPPER = "A-Z" + "".join(ch for ch in map(chr, range(0xC0, 0x250)) if ch.isupper())


def unicode_caps(pattern: str) -> str:
    """``pattern`` with each ``[A-Z]`` class widened to :data:`UPPER`.

    >>> import re
    >>> bool(re.fullmatch(unicode_caps(r"[A-Z]\\w+"), "Órla")), bool(re.fullmatch(r"[A-Z]\\w+", "Órla"))
    (True, False)
    """
    return pattern.replace("[A-Z]", f"[{UPPER}]")
