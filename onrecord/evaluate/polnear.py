"""Read the PolNeAR corpus (Newell, Margolin & Ruths, LREC 2018) as gold attributions.

A split directory holds ``text/<name>.txt`` and one brat standoff file per
annotator, ``attributions/<name>_<annotator>.ann``; ``metadata.tsv`` beside the
splits gives each article's publisher. Articles are streamed in name order,
never loaded as a whole corpus.

Protocol choices (issue 3):

- gold is the alphabetically first annotator's file for each article;
- offsets are trusted, the TEXT column of ``T`` lines is ignored (a few train
  files have a newline inside it, which this parser skips over);
- an ``E`` line ties one attribution: its trigger (``Attribution`` or
  ``Attribution-no-source``), ``Content``, ``Cue`` and, when present,
  ``Source``; numbered repeats of a role (``Content2``) extend that role;
- PolNeAR does not mark speech versus thought in its annotations, so
  :attr:`GoldAttribution.attribution` is None for it.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "GoldArticle",
    "GoldAttribution",
    "gold_sha256",
    "parse_ann",
    "parse_ranges",
    "read_metadata",
    "read_split",
]

Range = tuple[int, int]

#: Roles of an ``E`` line that this reader keeps; the trigger (``Attribution`` or
#: ``Attribution-no-source``, PolNeAR's brat configuration) is not needed.
ROLES = ("Content", "Cue", "Source")

_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t|$)")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
_ROLE = re.compile(r"^([A-Za-z-]+?)(\d*):([TE]\d+)$")


@dataclass(frozen=True)
class GoldAttribution:
    """One attribution relation as annotated.

    Every range is a pair of ``str`` offsets into the article text; a role
    annotated as several fragments (or repeated, ``Content2``) has several
    ranges, sorted. ``source`` is empty for ``Attribution-no-source``.
    """

    content: tuple[Range, ...]
    cue: tuple[Range, ...]
    source: tuple[Range, ...] = ()
    #: ``speech`` or ``thought`` where the corpus says so; None for PolNeAR.
    attribution: str | None = None
    #: the brat event id (``E3``), for error reports
    id: str = ""


@dataclass(frozen=True)
class GoldArticle:
    """One article of a split with its gold attributions."""

    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]
    publisher: str | None = None
    #: the annotator whose file is gold; None when the article has no file
    annotator: str | None = None


def parse_ranges(field: str) -> tuple[Range, ...]:
    """Parse brat offsets, possibly discontinuous, into sorted ranges.

    >>> parse_ranges("207 579;581 851")
    ((207, 579), (581, 851))
    >>> parse_ranges("5 9")
    ((5, 9),)
    """
    out = []
    for part in field.split(";"):
        start, end = part.split()
        out.append((int(start), int(end)))
    return tuple(sorted(out))


def parse_ann(ann: str) -> tuple[GoldAttribution, ...]:
    """Parse the text of one brat ``.ann`` file into attributions, in text order.

    Lines other than ``T`` and ``E`` lines (notes, attributes, the tail of a
    TEXT column broken by a newline) are ignored; an empty file gives none.

    Args:
        ann: the file's content.

    Returns:
        The attributions its ``E`` lines define, sorted by content start.

    >>> ann = "T1\\tSource 0 2\\the\\nT2\\tCue 3 7\\tsaid\\nT3\\tContent 8 12;14 20\\tx\\n"
    >>> ann += "T4\\tAttribution 3 7\\tsaid\\nE1\\tAttribution:T4 Content:T3 Cue:T2 Source:T1\\n"
    >>> parse_ann(ann)[0]
    GoldAttribution(content=((8, 12), (14, 20)), cue=((3, 7),), source=((0, 2),), attribution=None, id='E1')
    """
    spans: dict[str, tuple[str, tuple[Range, ...]]] = {}
    events: list[tuple[str, str]] = []
    for line in ann.splitlines():
        m = _T_LINE.match(line)
        if m:
            spans[m.group(1)] = (m.group(2), parse_ranges(m.group(3)))
            continue
        m = _E_LINE.match(line)
        if m:
            events.append((m.group(1), m.group(2)))
    out = []
    for event_id, args in events:
        roles: dict[str, list[Range]] = {r: [] for r in ROLES}
        for arg in args.split():
            m = _ROLE.match(arg)
            if not m:
                continue
            role, ref = m.group(1), m.group(3)
            if role in roles and ref in spans:
                roles[role].extend(spans[ref][1])
        if not roles["Content"] and not roles["Cue"]:
            continue
        out.append(
            GoldAttribution(
                content=tuple(sorted(roles["Content"])),
                cue=tuple(sorted(roles["Cue"])),
                source=tuple(sorted(roles["Source"])),
                attribution=None,
                id=event_id,
            )
        )
    out.sort(key=lambda a: (a.content or a.cue)[0])
    return tuple(out)


def read_metadata(root: str | Path) -> dict[str, dict[str, str]]:
    """Read ``metadata.tsv`` under ``root``: one row per article, keyed by file name.

    Returns an empty mapping when the file is absent.
    """
    path = Path(root) / "metadata.tsv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        return {row["filename"]: row for row in csv.DictReader(f, delimiter="\t")}


def annotation_files(split_dir: Path) -> dict[str, list[Path]]:
    """Map each article name to its ``.ann`` files, sorted by annotator id."""
    files: dict[str, list[Path]] = {}
    att = split_dir / "attributions"
    if att.is_dir():
        for p in sorted(att.glob("*.ann")):
            name, _, _annotator = p.stem.rpartition("_")
            files.setdefault(name, []).append(p)
    return files


def read_split(root: str | Path, split: str = "dev", limit: int | None = None) -> Iterator[GoldArticle]:
    """Stream the articles of ``split`` in name order with their gold attributions.

    Args:
        root: the PolNeAR folder (holding ``dev/``, ``train/``, ``metadata.tsv``).
        split: the split's folder name.
        limit: stop after this many articles.

    Yields:
        One :class:`GoldArticle` per ``text/*.txt`` file.

    Raises:
        FileNotFoundError: ``root/split/text`` is not a directory.
    """
    split_dir = Path(root) / split
    text_dir = split_dir / "text"
    if not text_dir.is_dir():
        raise FileNotFoundError(f"no PolNeAR split at {text_dir}")
    meta = read_metadata(root)
    anns = annotation_files(split_dir)
    for i, path in enumerate(sorted(text_dir.glob("*.txt"))):
        if limit is not None and i >= limit:
            return
        name = path.stem
        text = path.read_text(encoding="utf-8")
        gold: tuple[GoldAttribution, ...] = ()
        annotator = None
        if name in anns:
            first = anns[name][0]
            annotator = first.stem.rpartition("_")[2]
            gold = parse_ann(first.read_text(encoding="utf-8"))
        row = meta.get(name) or {}
        yield GoldArticle(
            name=name,
            text=text,
            attributions=gold,
            publisher=row.get("publisher") or name.split("_", 1)[0],
            annotator=annotator,
        )


def gold_sha256(root: str | Path, split: str = "dev") -> str:
    """Return the sha256 of the split's ``.ann`` files (names and bytes, in name order).

    It identifies the gold data that scores and floors were computed on.
    """
    h = hashlib.sha256()
    for p in sorted((Path(root) / split / "attributions").glob("*.ann")):
        h.update(p.name.encode("utf-8") + b"\0")
        h.update(p.read_bytes())
        h.update(b"\0")
    return h.hexdigest()
