"""Site menus and breadcrumbs: lines of section names that name no one.

Pure string tests, for the stages that read names (resolve) without the cleaner's readers.
"""

from __future__ import annotations

import re

__all__ = ["is_menu_line"]

#: One entry of a site's menu or breadcrumb: a few capitalised words ("Local News", "Money & Markets").
_MENU_ITEM = re.compile(r"[A-Z][\w'’.-]*(?: (?:&|and|[A-Z][\w'’.-]*)){0,3}")
#: Separators of a menu's entries, with the fewest entries that make a menu: a bar or a bullet between
#: three ("Home | News | Sport"), a breadcrumb's arrow between two ("News › Local News").
_MENU_SEPARATORS = {"|": 3, "•": 3, "·": 3, "›": 2, "»": 2, ">": 2}


def is_menu_line(line: str) -> bool:
    """Whether a line is a site's menu or breadcrumb: entries of capitalised words between separators.

    Left in the text (blanking lines moves the tagger's windows), but no name on it is anyone's.

    >>> is_menu_line("Home | News | Weather | Sport"), is_menu_line("News › Local News › Weather")
    (True, True)
    >>> is_menu_line("Published: 06:42 | Updated: 11:15"), is_menu_line("Storm Corrin | Marches Courier")
    (False, False)
    """
    for sep, fewest in _MENU_SEPARATORS.items():
        if sep in line:
            parts = [p.strip() for p in line.split(sep)]
            if len(parts) >= fewest and all(_MENU_ITEM.fullmatch(p) for p in parts):
                return True
    return False
