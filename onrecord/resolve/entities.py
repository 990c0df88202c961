"""The people and organisations one article names, and where it names them.

:func:`build_table` reads the article once and returns an :class:`EntityTable`:
every name mention (from spaCy's NER when the paragraphs were parsed, else
from the capitalised-token finder in :mod:`onrecord.resolve.names`), grouped
into entities. Full names make entities; partial names ("Blunt", "Mr Blunt")
join the most recently mentioned person with that surname and a compatible
honorific; two different full names that share a surname stay two people.
Descriptors (:mod:`onrecord.resolve.descriptors`) are gathered around each
person mention. The table is then what speaker resolution searches.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from ..model import Entity
from ..text.menus import is_menu_line
from ..work import Range, Work
from .descriptors import describe_after, describe_before, describe_before_comma
from .names import (
    BUILDING_WORDS,
    UNNAMED_AFTER,
    AGE_AFTER,
    FEMALE_KIN,
    FEMALE_NAMES,
    GIVEN_NAMES,
    HONORIFICS,
    MALE_KIN,
    MALE_NAMES,
    ORG_WORDS,
    PARTY_WORDS,
    PLACE_FIRST_WORDS,
    PLACE_WORDS,
    ROLE_NOUNS,
    ROLE_TITLES,
    NameSpan,
    ParsedName,
    find_names,
    fold,
    gender_of,
    parse_name,
)

__all__ = ["Draft", "EntityTable", "MentionRef", "build_table", "company_words", "expansion_of", "looks_like_company", "word_occurrences"]

#: spaCy NER labels kept, and the contract type each becomes.
SPACY_LABELS = {"PERSON": "PERSON", "ORG": "ORG"}
#: Words in a descriptor that mark gender; hand-listed.
_GENDER_WORDS = {
    "spokeswoman": "female", "chairwoman": "female", "congresswoman": "female", "mother": "female",
    "wife": "female", "daughter": "female", "woman": "female", "businesswoman": "female",
    "spokesman": "male", "chairman": "male", "congressman": "male", "father": "male", "husband": "male",
    "son": "male", "man": "male", "businessman": "male",
}
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+|\n")


@dataclass
class Draft:
    """An entity while the table is built (mutable; becomes an ``Entity``)."""

    name: str
    type: str
    parsed: ParsedName | None = None
    gender: str | None = None
    mentions: list[Range] = field(default_factory=list)
    descriptors: list[tuple[int, str]] = field(default_factory=list)
    merged_into: int | None = None
    #: a GROUP that is one person the text does not name ("The daughter of one resident"): "she" can take it up
    individual: bool = False

    def add_descriptor(self, pos: int, phrase: str) -> None:
        """Add ``phrase`` once (case-insensitively)."""
        if phrase and all(d.lower() != phrase.lower() for _, d in self.descriptors):
            self.descriptors.append((pos, phrase))

    def descriptor_texts(self) -> list[str]:
        """Descriptors in text order."""
        return [d for _, d in sorted(self.descriptors)]


@dataclass(frozen=True)
class MentionRef:
    """One mention of a table entity."""

    start: int
    end: int
    entity: int
    subject: bool = False
    in_quote: bool = False


def _compatible_gender(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


class EntityTable:
    """Entities of one article and their mentions in text order."""

    def __init__(self, text: str, quote_ranges: list[Range], paragraphs: list[Range]):
        self.text = text
        self.drafts: list[Draft] = []
        self.mentions: list[MentionRef] = []
        self._mentioned: set[Range] = set()
        self._quote_ranges = sorted(quote_ranges)
        self.paragraphs = paragraphs or [(0, len(text))]
        self._para_starts = [s for s, _ in self.paragraphs]
        self._kin: dict[int, bool] = {}  # _introduced_as_kin, per person (a scan of the whole text)
        #: "persons" the text shows to be bodies named for a place (see _retype_place_named)
        self.place_named: set[int] = set()

    # -- lookups ---------------------------------------------------------
    def root(self, index: int) -> int:
        """Follow merges to the entity an index now stands for."""
        while self.drafts[index].merged_into is not None:
            index = self.drafts[index].merged_into  # type: ignore[assignment]
        return index

    def draft(self, index: int) -> Draft:
        return self.drafts[self.root(index)]

    def paragraph_of(self, pos: int) -> int:
        """Index of the paragraph holding ``pos`` (the one before, in a gap)."""
        return max(0, bisect.bisect_right(self._para_starts, pos) - 1)

    def in_quote(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies inside quoted content."""
        i = bisect.bisect_right(self._quote_ranges, (start, len(self.text) + 1)) - 1
        return i >= 0 and self._quote_ranges[i][0] <= start and end <= self._quote_ranges[i][1]

    def mention_at(self, start: int, end: int) -> int | None:
        """The entity with a mention at exactly ``[start, end)``, if any."""
        k = bisect.bisect_left(self.mentions, (start, end), key=lambda m: (m.start, m.end))
        if k < len(self.mentions) and (self.mentions[k].start, self.mentions[k].end) == (start, end):
            return self.root(self.mentions[k].entity)
        return None

    def persons(self) -> list[int]:
        return [i for i, d in enumerate(self.drafts) if d.merged_into is None and d.type == "PERSON"]

    # -- building ----------------------------------------------------------
    def new(self, name: str, type_: str, parsed: ParsedName | None = None) -> int:
        gender = gender_of(parsed) if parsed else None
        self.drafts.append(Draft(name=name, type=type_, parsed=parsed, gender=gender))
        return len(self.drafts) - 1

    def add_mention(self, index: int, start: int, end: int, subject: bool = False) -> None:
        """Record a mention of entity ``index`` (kept in text order, once)."""
        index = self.root(index)
        d = self.drafts[index]
        k = bisect.bisect_left(d.mentions, (start, end))
        if k == len(d.mentions) or d.mentions[k] != (start, end):
            d.mentions.insert(k, (start, end))
        if (start, end) in self._mentioned:
            return
        self._mentioned.add((start, end))
        ref = MentionRef(start, end, index, subject, self.in_quote(start, end))
        bisect.insort(self.mentions, ref, key=lambda m: (m.start, m.end))

    def merge(self, src: int, dst: int) -> None:
        """Fold entity ``src`` into ``dst``."""
        src, dst = self.root(src), self.root(dst)
        if src == dst:
            return
        a, b = self.drafts[src], self.drafts[dst]
        a.merged_into = dst
        b.mentions = sorted(set(b.mentions) | set(a.mentions))
        for pos, desc in a.descriptors:
            b.add_descriptor(pos, desc)
        b.gender = b.gender or a.gender
        self.mentions = [
            MentionRef(m.start, m.end, dst, m.subject, m.in_quote) if m.entity == src else m for m in self.mentions
        ]

    def find_person(self, parsed: ParsedName, pos: int) -> int | None:
        """The person a name refers to at ``pos``, or None when it names someone new.

        A full name matches the same first and last name (middle names may be
        left out); a surname, or honorific + surname, matches the most recently
        mentioned person with that surname and a compatible gender, else the
        first one mentioned after ``pos``; a bare first name matches the same way.
        """
        gender = gender_of(parsed)
        last = fold(parsed.last) if parsed.last else None
        if last is None:
            return None
        if parsed.first:
            first = fold(parsed.first)
            middle = {fold(w) for w in parsed.middle}
            for i in self.persons():
                p = self.drafts[i].parsed
                if not p or not p.first or not p.last or fold(p.last) != last:
                    continue
                pf = fold(p.first)
                # 'Maggie Thorne' for Margaret “Maggie” Thorne, either way round
                nicknamed = (p.nickname and fold(p.nickname) == first) or (
                    parsed.nickname and fold(parsed.nickname) == pf
                )
                if pf != first and not nicknamed and not (len(first) == 1 and pf.startswith(first)) and not (
                    len(pf) == 1 and first.startswith(pf)
                ):
                    if not middle and p.middle and fold(p.middle[-1]) == first:
                        # "García de la Fuente" for María José García de la Fuente: two surnames, the
                        # first one read as a given name (Spanish and Portuguese usage)
                        return i if _compatible_gender(gender, self.drafts[i].gender) else None
                    continue
                pm = {fold(w) for w in p.middle}
                if middle and pm and not (middle <= pm or pm <= middle):
                    continue
                if _compatible_gender(gender, self.drafts[i].gender):
                    return i
            return None
        return self._find_by_word(last, gender, pos, fold(parsed.honorific) if parsed.honorific else None)

    def _find_by_word(self, word: str, gender: str | None, pos: int, honorific: str | None = None) -> int | None:
        matches = []
        for i in self.persons():
            p = self.drafts[i].parsed
            if not p or not _compatible_gender(gender, self.drafts[i].gender):
                continue
            if p.last and fold(p.last) == word:
                matches.append((i, 0))
            elif p.last and " " in p.last and f" {word} " in f" {fold(p.last)} ":
                # "De los Ríos", "Ruiz", "Puigvert": part of a surname of two ("de los Ríos Albarrán",
                # "Ruiz y Sánchez", "Puigvert i Casals")
                matches.append((i, 0))
            elif p.first and fold(p.first) == word or p.nickname and fold(p.nickname) == word:
                matches.append((i, 1))
            elif p.middle and p.first and fold(p.middle[-1]) == word and word[:1].isalpha():
                matches.append((i, 2))  # "Mendizábal" for Álvaro Mendizábal Ortega: the first of two surnames
        if not matches:
            return None
        best_rank = min(r for _, r in matches)
        pool = [i for i, r in matches if r == best_rank]
        before = [(self._last_before(i, pos), i) for i in pool]
        prior = [b for b in before if b[0] >= 0]
        if len(prior) >= 2 and best_rank == 0:
            # relatives who share a surname: a bare surname is not the one introduced as someone's
            # kin ("Delphine Ashcroft … Her mother, Maureen … Maureen Ashcroft died in March …
            # Ashcroft writes"), who goes by a first name
            kin = {i for _, i in prior if self._introduced_as_kin(i)}
            if kin and len(kin) < len(prior):
                # ... unless the name is "Mrs Ashworth" for "Chloe's mother, Karen Ashworth": the married title is
                # the relative's, the apprentice is "Ms Ashworth"
                married = honorific in ("mrs", "mrs.")
                # ... or the one the writer calls by a bare first name ("Tom did that ride …", "Tom’s death"), a
                # child or the dead: "Mr Harrowell" is then "his father, David Harrowell", not Tom Harrowell
                first_named = all(self._first_named(i) for _, i in prior if i not in kin) \
                    and not any(self._first_named(i) for i in kin)
                prior = [b for b in prior if (b[1] in kin) == (married or first_named)]
        if prior:
            return max(prior)[1]
        after = [(min(s for s, _ in self.drafts[i].mentions), i) for i in pool if self.drafts[i].mentions]
        return min(after)[1] if after else pool[0]

    def _introduced_as_kin(self, index: int) -> bool:
        """Whether person ``index`` is named as someone's relative ("Her mother, Maureen", "Ryan's mum Bev")."""
        if index not in self._kin:
            p = self.drafts[index].parsed
            self._kin[index] = bool(p and p.first and re.search(_KIN_OF + re.escape(p.first) + r"\b", self.text, re.I))
        return self._kin[index]

    def _first_named(self, index: int) -> bool:
        """Whether the writer calls person ``index`` by their first name alone, twice or more outside quotation
        marks ("Tom, who lived with his parents", "Tom’s death"), not followed by their surname (a mother's
        quotation naming her daughter so does not count)."""
        p = self.drafts[index].parsed
        if not p or not p.first or not p.last:
            return False
        bare = [at for at in word_occurrences(self.text, p.first)
                if not self.text.startswith(p.last, at + len(p.first) + 1) and not self.in_quote(at, at + len(p.first))]
        return len(bare) >= 2

    def _last_before(self, index: int, pos: int) -> int:
        """Start of entity ``index``'s last mention before ``pos`` (-1: none)."""
        ms = self.drafts[index].mentions
        k = bisect.bisect_left(ms, (pos, -1))
        return ms[k - 1][0] if k else -1

    def entities(self) -> tuple[list[Entity], dict[int, str]]:
        """Freeze the table: entities numbered e1.. by first mention, and the id of each draft."""
        live = [i for i, d in enumerate(self.drafts) if d.merged_into is None and d.mentions]
        live.sort(key=lambda i: self.drafts[i].mentions[0])
        ids: dict[int, str] = {}
        out = []
        for n, i in enumerate(live, 1):
            d = self.drafts[i]
            ids[i] = f"e{n}"
            out.append(
                Entity(
                    id=f"e{n}",
                    name=_undrop_caps(d.name) if d.type == "PERSON" else d.name,
                    type=d.type,
                    mentions=tuple(d.mentions),
                    descriptors=tuple(d.descriptor_texts()),
                )
            )
        for i in range(len(self.drafts)):
            r = self.root(i)
            if r in ids:
                ids[i] = ids[r]
        return out, ids


def _undrop_caps(name: str) -> str:
    """A person's name whose words a lede set in capitals as a drop cap, in the case of the rest.

    >>> _undrop_caps("ALASDAIR Rennick"), _undrop_caps("JAMES MCDONALD-SMITH"), _undrop_caps("Ravi AP Singh")
    ('Alasdair Rennick', 'JAMES MCDONALD-SMITH', 'Ravi AP Singh')
    >>> _undrop_caps("George H.W. Bush"), _undrop_caps("TOM Jones")
    ('George H.W. Bush', 'Tom Jones')
    """
    words = name.split(" ")
    # (not initials: "George H.W. Bush", "Ravi AP Singh")
    shouted = [w.isupper() and re.sub(r"[-'’]", "", w).isalpha() and (len(w) > 3 or (i == 0 and len(w) > 2))
               for i, w in enumerate(words)]
    if not any(shouted) or all(w.isupper() for w in words):
        return name  # a name all in capitals is left as written: nothing tells its case
    return " ".join("-".join(p[:1] + p[1:].lower() for p in w.split("-")) if loud else w
                    for w, loud in zip(words, shouted, strict=True))


def _sentence_start(text: str, pos: int) -> int:
    start = 0
    for m in _SENTENCE_END.finditer(text, max(0, pos - 400), pos):
        start = m.end()
    return start


#: A saint's name in the possessive names a place ("from St Brendan's to Edinburgh").
_SAINT_PLACE = re.compile(r"(?:St\.?|Saint)\s+[A-Z]")


#: A place's first word right before a name spaCy found ("Colonia | Independencia").
_PLACE_FIRST_BEFORE = re.compile(r"\b(" + "|".join(sorted(PLACE_FIRST_WORDS)) + r")\s+$", re.I)


def _spacy_names(work: Work) -> list[tuple[NameSpan, bool]]:
    """Names from spaCy's NER with a subject flag from the parse."""
    out: list[tuple[NameSpan, bool]] = []
    not_person: dict[str, str] = {}  # _not_a_person, per name
    for offset, doc in work.parsed:
        headline = _title_case(getattr(doc, "text", ""))
        for ent in getattr(doc, "ents", ()):
            type_ = SPACY_LABELS.get(ent.label_)
            if type_ is None:
                continue
            s = offset + ent.start_char
            e = offset + ent.end_char
            text = work.text[s:e]
            possessive = False
            m = re.search(r"\s*['’]s?$", text)
            if m and m.start() > 0:
                possessive = True
                e = s + m.start()
                text = work.text[s:e]
            lead = re.match(r"(?:the|The)\s+", text)
            if lead:
                s += lead.end()
                text = work.text[s:e]
            if fold(text) in _BUTTON_WORDS or (type_ == "PERSON" and text.islower()):
                continue  # "Email this story", "Share": a page's buttons; a lower-case word is never a name
            if type_ == "ORG" and _person_by_appositive(work.text, text, e):
                type_ = "PERSON"  # "Ifor Penhaligon, the county archaeologist for …": spaCy's ORG is a person
            elif type_ == "ORG" and " " not in text and not text.isupper() and fold(text) in GIVEN_NAMES:
                type_ = "PERSON"  # "who gave only her first name, Amara": a given name alone is no body
            if type_ == "PERSON" and text and all(fold(w) in PARTY_WORDS for w in re.findall(r"[\w'’-]+", text)):
                type_ = "ORG"  # spaCy reads "Lib Dem" as a person; a party name is never one
            if type_ == "PERSON" and _SAINT_PLACE.match(work.text, s) and (possessive or work.text[e : e + 1] in "'’"):
                continue  # "St Brendan's", "St Mary's": a hospital, school or church, not a person
            first = _PLACE_FIRST_BEFORE.search(work.text, max(0, s - 12), s)
            first_word = fold(first.group(1) if first else text.split()[0] if len(text.split()) > 1 else "")
            if type_ == "PERSON" and ((first_word in PLACE_FIRST_WORDS and first_word not in GIVEN_NAMES) or (
                    len(text.split()) > 1 and fold(text.split()[-1]) in PLACE_WORDS)):
                continue  # "Marlow Crossing", "Colonia Independencia" (whole or cut after "Colonia"): a place
            if headline and type_ == "PERSON" and not _surely_person(NameSpan(s, e, text, type_)):
                continue  # capitals of a title-case headline
            if type_ == "PERSON" and " " in text:
                if text not in not_person:
                    not_person[text] = _not_a_person(work.text, NameSpan(s, e, text, type_))
                if not_person[text]:
                    continue  # "the River Tarrow", "the Glass Orchard tour" (as :func:`_cheap_names`)
            if type_ == "PERSON" and (_CREDIT_BEFORE.search(work.text, max(0, s - 40), s)
                                      or _CREDIT_LABEL.fullmatch(text)):
                continue  # a photographer's or stylist's credit, or its label ("Hair, Dana Whit")
            # the subject, or in apposition to it ("The head of the delegation, Major General …, rejected")
            subject = any(t.dep_ in ("nsubj", "nsubjpass")
                          or (t.dep_ == "appos" and t.head.dep_ in ("nsubj", "nsubjpass")) for t in ent)
            out.append((NameSpan(s, e, text, type_, possessive=possessive), subject))
    return out


#: Last words of a capitalised run that make it a law or a reporter's title, never a person ("the Sentencing
#: Bill", "Lords Correspondent", "Music Reporter").
_NOT_A_PERSON_LAST = frozenset("bill act correspondent reporter editor writer columnist".split())
#: A page's buttons and section labels that spaCy may read as a one-word name ("Email this story").
_BUTTON_WORDS = frozenset("email print share subscribe comment comments".split())
#: An appositive that makes a person of the name before it: ", 29," or ", the county archaeologist for …".
_PERSON_APPOSITIVE = re.compile(
    r",\s+(?:\d{1,3}\s*,|(?:the|a|an)\s+(?P<role>[a-z][\w'’ -]{0,60}?)(?=\s+(?:of|for|at|in|with|who|from)\b|\s*[,.;]))"
)


def _person_by_appositive(text: str, name: str, end: int) -> bool:
    """Whether a name of at most three words ending at ``end``, holding no organisation word, is followed by an
    age or by a role ("Ifor Penhaligon, the county archaeologist"), as only people are."""
    words = name.split()
    if not 1 <= len(words) <= 3 or any(fold(w) in ORG_WORDS for w in words) or not all(w[:1].isupper() for w in words):
        return False
    m = _PERSON_APPOSITIVE.match(text, end)
    return m is not None and (m.group("role") is None or fold(m.group("role").split()[-1]) in ROLE_NOUNS)


#: A credit for a picture or a page's crew just before a name: "Photographed by Anders Lykke", "Styled by
#: Camille Orsini. Hair, Teo Marchetti; makeup, Yuki Sato-Brandt", "Additional reporting by".
_CREDIT_BEFORE = re.compile(
    r"(?:\b(?:[Pp]hotograph(?:ed|y)|[Pp]hotos?|[Pp]ictures?|[Ss]tyl(?:ed|ing)|[Ii]llustrat(?:ed|ions?)|[Pp]roduced"
    r"|[Ee]dited|[Aa]dditional\s+reporting|[Vv]ideo|[Ii]mages?|[Cc]ollage|[Aa]rt\s+direction)\s+by"
    r"|(?:^|[.;]\s*)(?i:hair|makeup|make-up|grooming|manicure|set\s+design|tailoring|production)\s*[,:])\s*$",
    re.M,
)


#: The label of a crew credit, which spaCy may take for a name ("Hair").
_CREDIT_LABEL = re.compile(r"(?i:hair|makeup|make-up|grooming|manicure|styling|tailoring)")


def _cheap_names(text: str, paragraphs: list[Range]) -> list[tuple[NameSpan, bool]]:
    out: list[tuple[NameSpan, bool]] = []
    not_person: dict[str, str] = {}  # _not_a_person, per name (a scan of the whole text)
    for ps, pe in paragraphs:
        if is_byline_at(text, ps, pe):
            continue  # the reporter, never a source
        seen_sentence = -1  # the sentence whose first person has been seen
        named_sentence = -1  # the sentence whose first name of any kind has been seen
        headline = _title_case(text[ps:pe])
        for n in find_names(text, ps, pe):
            if headline and n.type == "PERSON" and not _surely_person(n):
                continue  # "Brindlemark Cuts Outlook, Will Close 40 Stores": capitals of a headline, not names
            if n.type == "PERSON" and _CREDIT_BEFORE.search(text, max(ps, n.start - 40), n.start):
                continue  # "Styled by Camille Orsini. Hair, Teo Marchetti": the crew, never a source
            if n.type == "PERSON" and not n.prefix:
                if n.text not in not_person:
                    not_person[n.text] = _not_a_person(text, n)
                if not_person[n.text]:
                    continue  # "fleeing El Fasher", "remains in El Fasher": a town, not a woman; "the Glass Orchard tour"
            sent = _sentence_start(text, n.prefix_start if n.prefix_start is not None else n.start)
            # a person is the subject when first of the persons in the sentence; a body only when
            # first of all its names ("Ashcombe United have sacked …", not "… defeat by Kingsmoor Athletic")
            subject = sent != (seen_sentence if n.type == "PERSON" else named_sentence)
            if n.possessive and n.type == "PERSON":
                # "Kayla's mother Denise Brightwell appeared to hint …": whose she is, not who acts
                out.append((n, False))
                continue
            if n.type == "PERSON":
                seen_sentence = sent
            named_sentence = sent
            out.append((n, subject))
    return out


#: Words that put a place after them: "fleeing El Fasher", "around El Fasher", "remains in El Fasher".
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|from|fleeing|fled|around|near|outside|into|across|towards?|to)[ \u00a0]+\Z")


#: The article right before a name: "into the River Tarrow", "of the Manaia Islands" (a person is never "the Jo Bell").
_THE_BEFORE = re.compile(r"\b(?i:the)[ \u00a0]+\Z")


#: What an album's title comes before: "the 22-date Glass Orchard tour", "the Night Harbour album".
_WORK_AFTER = re.compile(
    r"[ \u00a0]+(?:(?:stadium|arena|world|UK|European|US|North\s+American|farewell|reunion|debut|studio|live)[ \u00a0]+)?"
    r"(?:tour|album|LP|EP|mixtape)\b"
)
#: What only follows a person: "Chappell Roan said", "Chappell Roan, 27,", "Chappell Roan has".
_PERSON_AFTER = re.compile(
    r"['’]s\s+(?:mother|father|wife|husband|partner|family|manager|spokes\w+)\b|,\s*\d{1,3},"
    r"|\s+(?:said|says|told|added|wrote|posted|has|had|is|was|will|who)\b"
)


def _not_a_person(text: str, n: NameSpan) -> str:
    """What a "person" of two words or more is instead, judged from every place the text names it: "place"
    for two words always after "the" ("the River Tarrow", "the Manaia Islands") or for a name with no known
    given name that stands where places go ("fleeing El Fasher"); "work" for an album's title ("the Glass
    Orchard tour") that never does what a person does; "" for a person. (A longer name after "the" may be a body the name finder took for a person,
    "The Associação Brasileira de Plataformas de Mobilidade": left as it is.)"""
    words = n.text.split()
    if n.prefix or len(words) < 2:
        return ""
    after_the = len(words) == 2 and _THE_BEFORE.search(text, max(0, n.start - 5), n.start) is not None
    given = fold(words[0]) in GIVEN_NAMES
    if given and not after_the:
        return ""  # (no scan of the text: this place of the name already rules out "always after the")
    found = word_occurrences(text, n.text)
    if after_the and all(_THE_BEFORE.search(text, max(0, at - 5), at) for at in found):
        return "place"
    if given:
        return ""
    if len(found) >= 2 and all(_LOCATIVE_BEFORE.search(text, max(0, at - 12), at) for at in found):
        return "place"
    end = len(n.text)
    if any(_WORK_AFTER.match(text, at + end) for at in found) and not any(_PERSON_AFTER.match(text, at + end) for at in found):
        return "work"  # (not "the Chappell Roan tour" where Chappell Roan says or is anything)
    return ""


def _title_case(line: str) -> bool:
    """Whether a line is a headline in title case ("Brindlemark Cuts Outlook, Will Close 40 Stores").

    >>> _title_case("Brindlemark Cuts Outlook, Will Close 40 Stores as Shoppers Pull Back"), _title_case("Jo Bell said so.")
    (True, False)
    """
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line)]
    if len(words) < 5 or line.rstrip().endswith((".", "”", '"')):
        return False
    return sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _surely_person(n: NameSpan) -> bool:
    """A name with a known first name, an honorific or a role before it."""
    p = parse_name(n.text)
    return bool(n.prefix or p.honorific or (p.first and (fold(p.first) in MALE_NAMES or fold(p.first) in FEMALE_NAMES)))


#: Titles a person is called by alone after "the" ("the Duke said"), which a parse may take for a name.
_NOBLE_TITLES = frozenset(
    "duke duchess prince princess king queen earl countess baron baroness emperor empress sultan emir pope "
    "archbishop bishop cardinal".split()
)
#: Last words of streams' names, which spaCy may take for bodies ("Stennick Brook"); surnames too, so only here.
_STREAMS = frozenset("brook beck burn stream".split())
#: An article right before a word: "a Grammy", "the Grammy winner".
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the)[ \u00a0]+\Z")


def _merge_name_lists(
    cheap: list[tuple[NameSpan, bool]], spacy: list[tuple[NameSpan, bool]], bylines: list[Range] = (), text: str = ""
) -> list[tuple[NameSpan, bool]]:
    """Cheap names plus spaCy names that overlap none of them; spaCy's subject flag wins."""
    spacy = [(m, s) for m, s in spacy if not any(bs <= m.start < be for bs, be in bylines)]
    # surnames of people named in full: spaCy's ORG for a bare "Pennington" does not outvote them
    surnames = {fold(p.last) for p in (parse_name(n.text) for n, _ in cheap if n.type == "PERSON") if p.is_full and p.last}
    out = []
    for n, subj in cheap:
        words = n.text.split()
        if len(words) == 2 and fold(words[1]) in _STREAMS and fold(words[0]) not in GIVEN_NAMES and not n.prefix:
            continue  # "Stennick Brook": a stream, no one who speaks (nor a body, as spaCy may have it)
        over = [(m, s) for m, s in spacy if m.start < n.end and n.start < m.end]
        if over:
            subj = any(s for _, s in over)
            if n.type == "PERSON" and all(m.type == "ORG" for m, _ in over) and not parse_name(n.text).honorific \
                    and not n.prefix and fold(n.text) not in surnames \
                    and not AGE_AFTER.match(text, n.end) and describe_before_comma(text, n.start) is None:
                # a role before it ("Minister X", "The fire service spokesman, Dimitris Lagoudakis") or an age after
                # it makes it a person
                first = parse_name(n.text).first
                if not first or (fold(first) not in MALE_NAMES and fold(first) not in FEMALE_NAMES):
                    n = NameSpan(n.start, n.end, n.text, "ORG", n.prefix, n.prefix_start, n.possessive)
        out.append((n, subj))
    for m, subj in spacy:
        if not any(n.start < m.end and m.start < n.end for n, _ in cheap):
            if m.type == "PERSON" and " " not in m.text and text and _ARTICLE_BEFORE.search(text, max(0, m.start - 4), m.start) \
                    and fold(m.text) not in ROLE_TITLES and fold(m.text) not in HONORIFICS and fold(m.text) not in _NOBLE_TITLES:
                continue  # "won a Grammy", "the Grammy winner": a thing's name, not someone's ("the Duke" is someone)
            if any(ch in m.text for ch in "“”\"‘\n"):
                continue  # "X. “Rest": across a quotation mark, no one's name
            if m.start > 1 and text[m.start - 1] == "-" and text[m.start - 2].isalpha():
                continue  # "out-Penhallow Penhallow", "pro-Kremlin …": a word made from a name, then the name
            words = m.text.split()
            if m.type == "ORG" and len(words) == 2 and fold(words[1]) not in ORG_WORDS and fold(words[0]) not in GIVEN_NAMES \
                    and (fold(words[0]) in PLACE_FIRST_WORDS or fold(words[1]) in PLACE_WORDS or fold(words[1]) in _STREAMS):
                continue  # "the Loch Caraid’s engines" (a ship's), "Stennick Brook": a place's name, no body that speaks
            if m.type == "PERSON" and len(words) > 1 and fold(words[-1]) in BUILDING_WORDS \
                    and fold(words[0]) not in GIVEN_NAMES and fold(words[0]) not in HONORIFICS:
                continue  # "Brantwhistle Mill": a building (see names.BUILDING_WORDS)
            if m.type == "ORG" and fold(m.text) in surnames:
                m = NameSpan(m.start, m.end, m.text, "PERSON", m.prefix, m.prefix_start, m.possessive)
            out.append((m, subj))
    out.sort(key=lambda x: (x[0].start, x[0].end))
    return out


def build_table(work: Work) -> EntityTable:
    """Find and group the names of ``work``'s article.

    Uses ``work.clean`` (junk blanked) when set; spaCy's entities and subject
    relations when ``work.parsed`` is filled.
    """
    text = work.clean or work.text
    paragraphs = list(work.paragraphs) or _paragraphs(text)
    quotes: list[Range] = [r for q in work.quotations for r in q.content]
    if not quotes:
        quotes = [r for c in work.candidates if c.kind == "direct" for r in c.content]
    table = EntityTable(text, quotes, paragraphs)
    names = _cheap_names(text, paragraphs)
    if work.parsed:
        bylines = [(ps, pe) for ps, pe in paragraphs if is_byline_at(text, ps, pe)]
        names = _merge_name_lists(names, _spacy_names(work), bylines, text)
    menus = [(ps, pe) for ps, pe in paragraphs if is_menu_line(text[ps:pe])]
    for n, subject in names:
        if n.type == "PERSON" and " " in n.text and fold(n.text.split()[-1]) in _NOT_A_PERSON_LAST:
            continue  # "the Sentencing Bill", a byline's "Lords Correspondent": a law, a reporter's title
        if any(ps <= n.start < pe for ps, pe in menus):
            continue  # "Home | News | Weather | Sport": a site's sections, no one who speaks
        _add_name(table, n, subject)
    _kin_genders(table)
    _link_single_words(table, paragraphs)
    if _nicknames_given(table):
        _link_single_words(table, paragraphs)  # again, for the nicknames: "Nacho was in no mood …"
    _fold_provisional(table)
    _retype_companies(table)
    _retype_place_named(table)
    _company_families(table)
    _fold_company_first_words(table)
    _fold_opening_verbs(table)
    _appositive_bodies(table)
    _works(table)
    _fold_acronyms(table)
    for i, d in enumerate(table.drafts):
        if d.type == "PERSON" and d.merged_into is None:
            _collect_descriptors(table, i)
    _retype_described_companies(table)
    _attach_opening_roles(table, paragraphs, work.text)
    _describe_pronoun_subjects(table, paragraphs)
    _link_titles(table)
    _teams_of_persons(table)
    _self_named(table)
    return table


#: One who names themselves in the text: "A woman who identified herself as Carol", "a man who gave his name as
#: Tomasz", "who introduced himself only as Dev".
_SELF_NAMED = re.compile(
    r"\b(?:identified|introduced|described)\s+(?P<self>herself|himself)\s+(?:only\s+)?as"
    r"|\bgave\s+(?P<own>her|his)\s+(?:first\s+)?name\s+(?:only\s+)?as"
)
_GIVEN_AFTER = re.compile(r"\s+(?P<name>[A-Z][\w'’-]+)(?![\w'’-]|\s+[A-Z])")


#: The indefinite person opening a sentence before their self-given name: "A woman who identified …".
_INDEFINITE_OPENER = re.compile(r"\s*(?P<who>(?:A|An|One)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+who\b")


def _self_named(table: EntityTable) -> None:
    """A person named only by the name they gave ("A woman who identified herself as Carol, an Atlantic Avenue
    resident …, handed the board a petition"): a person of that gender, the subject of the sentence when an
    indefinite opened it."""
    for m in _SELF_NAMED.finditer(table.text):
        given = _GIVEN_AFTER.match(table.text, m.end())
        if given is None or table.in_quote(*given.span("name")):
            continue
        s, e = given.span("name")
        pronoun = (m.group("self") or m.group("own")).lower()
        sent = _sentence_start(table.text, m.start())
        subject = re.match(r"\s*(?:A|An|One)\s", table.text[sent : m.start()]) is not None
        known = table.mention_at(s, e)
        if known is None:
            i = table.new(given.group("name"), "PERSON", parse_name(given.group("name")))
        else:
            i = table.root(known)  # a parse that took "Carol" for an organisation
            if table.drafts[i].type != "PERSON" and " " not in table.drafts[i].name:
                table.drafts[i].type = "PERSON"
            k = next(k for k, r in enumerate(table.mentions) if (r.start, r.end) == (s, e))
            table.mentions[k] = replace(table.mentions[k], subject=table.mentions[k].subject or subject)
        if table.drafts[i].type == "PERSON":
            table.drafts[i].gender = "female" if pronoun in ("herself", "her") else "male"
        if known is None:
            table.add_mention(i, s, e, subject=subject)
        opener = _INDEFINITE_OPENER.match(table.text, sent, m.start())
        if opener is not None and table.mention_at(*opener.span("who")) is None:
            table.add_mention(i, *opener.span("who"), subject=True)  # "A woman" who opens the sentence is Carol


#: ", and colleagues" after a person's name and its appositive: "reported lead author Rebecca Ashworth, MD,
#: of the Halvorsen Heart Institute in Minneapolis, and colleagues".
_AND_COLLEAGUES = re.compile(
    r"(?:,[^.;\n]{0,120}?,)?\s+and\s+(?:(?:her|his|their)\s+)?(?:colleagues|co-?authors|collaborators)\b"
)


def _teams_of_persons(table: EntityTable) -> None:
    """A group for "<person> and colleagues" (a study's authors), named for the person, so that "they wrote"
    after it is the authors, not the institute named in the person's appositive."""
    for m in list(table.mentions):
        d = table.draft(m.entity)
        if d.type != "PERSON":
            continue
        team = _AND_COLLEAGUES.match(table.text, m.end)
        if team is None or table.in_quote(m.start, team.end()):
            continue
        name = f"{d.name} and colleagues"
        same = [i for i, g in enumerate(table.drafts) if g.merged_into is None and g.type == "GROUP" and g.name == name]
        i = same[0] if same else table.new(name, "GROUP")
        table.add_mention(i, team.end() - len(team.group().split()[-1]), team.end(), subject=m.subject)


#: A capitalised title used alone: "the Premier", "The First Minister", "the Chief Constable".
_TITLE_ALONE = re.compile(r"\b[Tt]he\s+(?P<title>(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+)\b(?!\s+[A-Z])")


#: A sentence opened by "The" and a lower-case noun before its verb: "The forward has …", "The 38-year-old said".
_ROLE_OPENING = re.compile(r"(?<![\w,;:])The\s+(?P<role>[a-z][a-z-]+)(?=\s+(?:has|had|is|was|said|says|told|added|[a-z]+ed)\b)")


def _link_titles(table: EntityTable) -> None:
    """Count "the Premier" as a mention of the one person the article gives that title ("Premier
    Jean-François Lapointe"), wherever it stands: a pronoun after "pressed the Premier on …" can then
    find him."""
    holders: dict[str, set[int]] = {}
    for i in table.persons():
        for desc in table.drafts[i].descriptor_texts():
            words = desc.split()
            for k in range(max(0, len(words) - 3), len(words)):
                holders.setdefault(" ".join(words[k:]), set()).add(i)
    for m in _TITLE_ALONE.finditer(table.text):
        title = m.group("title")
        if fold(title.split()[-1]) not in ROLE_NOUNS | ROLE_TITLES.keys() or len(holders.get(title, ())) != 1:
            continue
        s, e = m.span("title")
        if table.mention_at(s, e) is None and not table.in_quote(s, e):
            table.add_mention(next(iter(holders[title])), s, e, subject=m.start() == _sentence_start(table.text, m.start()))
    # "The forward has done little to cool the speculation.": a sentence opened by the role one person was
    # given ("Brazilian forward Kauã Medeiros") is about them
    heads: dict[str, set[int]] = {}
    for i in table.persons():
        for desc in table.drafts[i].descriptor_texts():
            if desc.split():
                heads.setdefault(fold(desc.split()[-1]), set()).add(i)
    for m in _ROLE_OPENING.finditer(table.text):
        s, e = m.span("role")
        if m.start() != _sentence_start(table.text, m.start()) or len(heads.get(m.group("role"), ())) != 1:
            continue
        if table.mention_at(s, e) is None and not table.in_quote(s, e):
            table.add_mention(next(iter(heads[m.group("role")])), s, e, subject=True)


#: How many paragraphs at the top (headline, standfirst, byline, lede) may describe
#: the article's subject before naming them; set by hand on UK/US news layouts.
OPENING_PARAGRAPHS = 8
#: How many paragraphs on the named person must appear after an unnamed role.
CATAPHORA_PARAGRAPHS = 3
#: Fewest words of a paragraph that counts among the opening ones: a site's menu ("Skip to main content",
#: "News", "Sport") and a date line are not part of the article's top.
OPENING_WORDS = 6


def opening_end(text: str, paragraphs: list[Range]) -> int:
    """How many paragraphs from the top hold the OPENING_PARAGRAPHS first of at least OPENING_WORDS words.

    >>> opening_end("Skip to main content\\nNews\\nA b c d e f.\\nG h i j k l.", [(0, 20), (21, 25), (26, 38), (39, 51)])
    4
    """
    return paragraphs_on(text, paragraphs, -1, OPENING_PARAGRAPHS)


def paragraphs_on(text: str, paragraphs: list[Range], n: int, count: int) -> int:
    """The index after the ``count``-th paragraph of at least OPENING_WORDS words after paragraph ``n``
    (the number of paragraphs when there are fewer): a byline, a date line or a share button is passed over.

    >>> paragraphs_on("A b c d e f.\\nBy Jo Bell\\nG h i j k l.", [(0, 12), (13, 23), (24, 36)], 0, 1)
    3
    """
    seen = 0
    for k in range(n + 1, len(paragraphs)):
        ps, pe = paragraphs[k]
        if len(text[ps:pe].split()) >= OPENING_WORDS:
            seen += 1
            if seen == count:
                return k + 1
    return len(paragraphs)


#: Office nouns that an opening sentence uses for its unnamed subject ("A Tory MP has ...").
_OPENING_OFFICES = (
    "mp|msp|mep|am|ms|minister|senator|secretary|mayor|councillor|governor|chancellor|leader|peer|"
    "backbencher|congressman|congresswoman|representative|lawmaker|politician|president|premier|judge"
)
_OPENING_ROLE = re.compile(
    rf"(?:(?:A|An|The|THE)\s+)?(?P<mods>(?:[\w'’-]+\s+){{0,3}}?)(?P<role>(?i:{_OPENING_OFFICES}))\b(?!\s+[A-Z][a-z])"
)
_SENTENCE_OPEN = re.compile(r"(?<=[.!?:])\s+(?=\S)")
#: A byline line: "By Eilidh MacAulay", "By JAMES ORCHARD", "By Sophie Ralston, Political Reporter".
BYLINE = re.compile(
    r"\s*(?i:by)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
    r"(?:\s+(?:and|&)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?\s*(?:,.*)?$"  # "By Owen Price and Selin Draycott"
)
#: An author's name run into the role under it, as a page's byline box reads when scraped (the Guardian):
#: "Imogen Varley Social affairs correspondent", "Rowena Mason Whitehall editor": the name, a capitalised
#: word of the role, at most three lower-case words (no verb or article) and the role ending its line.
_ROLE_BYLINE = re.compile(
    r"\s*[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){2,4}[ \t]+"
    r"(?:(?!(?:the|a|an|to|of|and|told|said|says|asked|is|was)\b)[a-z][\w'’-]*[ \t]+){0,3}"
    r"(?:reporter|editor|correspondent|writer|columnist|journalist)s?[ \t]*(?:\n|$)"
)


#: A line that is only a name (two to four capitalised words), and the line under it naming a reporter's role.
_NAME_LINE = re.compile(r"\s*[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){1,3}\s*")
_ROLE_LINE = re.compile(
    r"\s*\n[ \t]*[A-Z][\w'’-]*(?:[ \t]+[A-Za-z][\w'’-]*){0,3}?[ \t]+"
    r"(?i:reporter|editor|correspondent|writer|columnist|journalist)s?[ \t]*(?:\n|$)"
)


def is_byline_at(text: str, start: int, end: int) -> bool:
    """Whether the paragraph or line ``text[start:end]`` is a byline ("By JAMES ORCHARD", "Imogen Varley
    Social affairs correspondent" over its date): the author reports, and is never a source.

    >>> t = "Imogen Varley Social affairs correspondent\\nThu 6 Nov 2025 06.00 GMT"
    >>> is_byline_at(t, 0, len(t)), is_byline_at("Mary Ann Jones told the reporter", 0, 32)
    (True, False)
    """
    return end - start <= 80 and bool(
        BYLINE.match(text, start, end) or _ROLE_BYLINE.match(text, start, end)
        # a name alone on its line over the reporter's role: "Rachel Dunmore\nPolitical correspondent"
        or (_NAME_LINE.fullmatch(text, start, end) and _ROLE_LINE.match(text, end))
    )


def titled_people(text: str, title: str) -> list[ParsedName]:
    """The full names ``text`` writes right after ``title``, captions and headlines included, one per person.

    >>> [p.last for p in titled_people("First Minister Alasdair Rennick at Holyrood. First Minister Alasdair Rennick", "First Minister")]
    ['Rennick']
    """
    people: dict[tuple[str, str], ParsedName] = {}
    for found in re.finditer(rf"(?<![\w'’-]){re.escape(title)},?\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{1,2}})", text):
        names = [n for n in find_names(found.group("name")) if n.type == "PERSON"]
        if names and names[0].start == 0:
            parsed = parse_name(names[0].text)
            if parsed.is_full:
                people.setdefault((fold(parsed.first), fold(parsed.last)), parsed)  # type: ignore[arg-type]
    return list(people.values())


def _holder_of(table: EntityTable, parsed: ParsedName, pos: int) -> int | None:
    """The person of the table ``parsed`` names, also one the table knows by a surname alone ("Rennick")."""
    found = table.find_person(parsed, pos)
    if found is not None:
        return found
    last = fold(parsed.last or "")
    same = [i for i in table.persons() if fold(table.drafts[i].name.split()[-1]) == last]
    return same[0] if len(same) == 1 else None


def _attach_opening_roles(table: EntityTable, paragraphs: list[Range], page: str | None = None) -> None:
    """Give the article's unnamed opening subject to the person named next (cataphora).

    Headlines, standfirsts and ledes name their subject by role first: "Tory MSP
    accused of ...", "A SCOTTISH Conservative MSP has been accused ... after he told
    Holyrood", "The housing minister has apologised". Each such role at the start of
    a sentence near the top, not followed by a name, becomes a descriptor of the
    first full-named person mentioned after it (within a few paragraphs), and a
    subject mention of them, so that "he" and "The Tory MP" can find them.
    """
    text = table.text
    bylines = [(ps, pe) for ps, pe in paragraphs if is_byline_at(text, ps, pe)]
    persons = [i for i in table.persons() if table.drafts[i].parsed and table.drafts[i].parsed.is_full  # type: ignore[union-attr]
               # (the author of the byline is never who a headline's role means: "Judge blocks … / By Owen …")
               and not all(any(bs <= s < be for bs, be in bylines) for s, _ in table.drafts[i].mentions)]
    if not persons:
        return
    from .descriptors import description_tokens, fits_description, normalise_descriptor
    from .names import PARTY_WORDS, POLICY_WORDS_LOWER, ROLE_MODIFIERS

    for n, (ps, pe) in enumerate(paragraphs[: opening_end(text, paragraphs)]):
        for start in [ps, *(so.end() for so in _SENTENCE_OPEN.finditer(text, ps, pe))]:
            m = _OPENING_ROLE.match(text, start, pe)
            if not m:
                continue
            mods = m.group("mods").split()
            if not all(
                w[:1].isupper() and fold(w) not in ("he", "she", "it", "they", "we", "i")
                or fold(w) in ROLE_MODIFIERS or fold(w) in POLICY_WORDS_LOWER
                for w in mods
            ):
                continue
            if table.in_quote(m.start(), m.end()):
                continue
            if UNNAMED_AFTER.match(text, m.end()):
                continue  # "A veteran DRP lawmaker, speaking on condition of anonymity, said": never named
            desc = normalise_descriptor(text[m.start() : m.end()])
            if not desc:
                continue
            before = [
                (max(s for s, _ in table.drafts[i].mentions if s < m.start()), i)
                for i in persons
                if any(s < m.start() for s, _ in table.drafts[i].mentions)
                and fits_description(desc, table.drafts[i].descriptor_texts())
            ]
            limit = paragraphs[paragraphs_on(text, paragraphs, n, CATAPHORA_PARAGRAPHS) - 1][1]
            after = [
                (min(s for s, _ in table.drafts[i].mentions if s >= m.end()), i)
                for i in persons
                if any(m.end() <= s < limit for s, _ in table.drafts[i].mentions)
            ]
            # (captions included: the page as read, not the text with its junk blanked)
            titled = titled_people(page or text, text[m.start("mods") : m.end()]) if mods and not before else []
            holder = _holder_of(table, titled[0], m.start()) if len(titled) == 1 else None
            if before:  # "The minister said": the person already so described
                person = max(before)[1]
            elif holder is not None and table.drafts[holder].type == "PERSON":
                # "The First Minister replied" where only a caption wrote "First Minister Alasdair Rennick": him,
                # not whoever is named next
                person = holder
            elif after:
                person = min(after)[1]
            else:
                continue
            d = table.drafts[person]
            parties = {fold(w) for w in mods} & PARTY_WORDS
            have = {w for x in d.descriptor_texts() for w in description_tokens(x)}
            if parties and have & description_tokens(" ".join(PARTY_WORDS)) and not description_tokens(" ".join(parties)) <= have:
                continue  # "A Labour MP" is not the Tory MP named next
            d.add_descriptor(m.start(), desc)
            table.add_mention(person, m.start(), m.end(), subject=True)


#: "He has been the MP for Eastmoor since December 2019.": a sentence opening with a
#: pronoun subject and a copula, whose predicate may be a role.
_PRONOUN_COPULA = re.compile(
    r"(?P<pron>He|She)(?=\s+(?:is|was|has\s+been|had\s+been|became|serves\s+as|served\s+as|remains)\s)"
)
#: How many paragraphs before the pronoun's own its person may be named (set by hand:
#: a predicative "He has been ..." follows the sentence or paragraph that names him).
PRONOUN_SUBJECT_PARAGRAPHS = 1


def _describe_pronoun_subjects(table: EntityTable, paragraphs: list[Range]) -> None:
    """Give a role stated of a pronoun subject to the person the pronoun stands for.

    "Qureshi, 47, was convicted on Monday. He has been the MP for Eastmoor since
    December 2019." gives Qureshi "MP for Eastmoor since December 2019". The
    pronoun stands for the latest gender-compatible person named as a subject in
    its paragraph or the one before (else the latest such person named at all);
    it becomes a subject mention of them.
    """
    text = table.text
    for n, (ps, pe) in enumerate(paragraphs):
        if "He " not in text[ps:pe] and "She " not in text[ps:pe]:
            continue
        lo = paragraphs[max(0, n - PRONOUN_SUBJECT_PARAGRAPHS)][0]
        for start in [ps, *(so.end() for so in _SENTENCE_OPEN.finditer(text, ps, pe))]:
            m = _PRONOUN_COPULA.match(text, start, pe)
            if not m or table.in_quote(m.start(), m.end()):
                continue
            found = describe_after(text, m.end(), pe)
            if not found:
                continue
            gender = "male" if m.group("pron") == "He" else "female"
            person = _pronoun_antecedent(table, m.start(), gender, lo)
            if person is None:
                continue
            for pos, phrase in found:
                table.drafts[person].add_descriptor(pos, phrase)
            table.add_mention(person, m.start(), m.end(), subject=True)


def _pronoun_antecedent(table: EntityTable, pos: int, gender: str, lo: int) -> int | None:
    """The person a sentence-initial pronoun at ``pos`` stands for, named in ``[lo, pos)``."""
    k = bisect.bisect_left(table.mentions, pos, key=lambda x: x.start)
    latest: int | None = None
    while k > 0:
        k -= 1
        mr = table.mentions[k]
        if mr.start < lo:
            break
        if mr.in_quote:
            continue
        r = table.root(mr.entity)
        d = table.drafts[r]
        if d.type != "PERSON" or not _compatible_gender(gender, d.gender):
            continue
        if mr.subject:
            return r
        if latest is None:
            latest = r
    return latest


def _paragraphs(text: str) -> list[Range]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


#: A councillor's title before a name ("Cllr Rachel Ambrose"): a role as well as a form of address.
_COUNCILLOR_BEFORE = re.compile(r"\b(?:Cllr|Councillor)\.?[ \u00a0]+\Z")


def _add_name(table: EntityTable, n: NameSpan, subject: bool) -> int:
    if n.type == "ORG":
        key = fold(n.text)
        for i, d in enumerate(table.drafts):
            if d.merged_into is None and d.type == "ORG" and fold(d.name) == key:
                table.add_mention(i, n.start, n.end, subject)
                return i
        i = table.new(n.text, "ORG")
        table.add_mention(i, n.start, n.end, subject)
        return i
    parsed = parse_name(n.text)
    short = _short_org_name(table, n, parsed)
    if short is not None:
        table.add_mention(short, n.start, n.end, subject)
        return short
    found = table.find_person(parsed, n.start)
    if found is None:
        name = " ".join(parsed.tokens) if parsed.is_full else n.text
        found = table.new(name, "PERSON", parsed)
    else:
        _upgrade_name(table.drafts[table.root(found)], parsed, n.text)
    d = table.draft(found)
    d.gender = d.gender or gender_of(parsed)
    if _COUNCILLOR_BEFORE.search(table.text, max(0, n.start - 12), n.start):
        d.add_descriptor(n.start, "councillor")  # "Cllr Rachel Ambrose … The Green Party councillor said"
    if n.prefix and n.prefix_start is not None:
        from .descriptors import normalise_descriptor

        desc = normalise_descriptor(n.prefix)
        if desc:
            d.add_descriptor(n.prefix_start, desc)
    table.add_mention(found, n.start, n.end, subject)
    return found


def _short_org_name(table: EntityTable, n: NameSpan, parsed: ParsedName) -> int | None:
    """The organisation an unprefixed 'person' of two words or more shortens: "Harvest Plate said" after
    "Harvest Plate Hawker Management", unless it opens with a given name or an honorific ("Daniel Tan" is
    no short form of "Daniel Tan Foundation")."""
    if n.prefix is not None or parsed.honorific or " " not in n.text.strip() or fold(n.text.split()[0]) in GIVEN_NAMES:
        return None
    return body_named_by(table, n.text)


def body_named_by(table: EntityTable, words: str) -> int | None:
    """The one organisation whose name starts with ``words`` ("Brindlemark" for "Brindlemark Inc", "Harvest
    Plate" for "Harvest Plate Hawker Management"), or the one of several named outside quotation marks; None
    when none or several do."""
    key = fold(words) + " "
    bodies = [i for i, d in enumerate(table.drafts) if d.merged_into is None and d.type == "ORG" and fold(d.name).startswith(key)]
    if len(bodies) > 1:
        # "Corvane" for Corvane Cloud, the lede's subject, not its product "Corvane Object Storage" named only in a
        # quotation: the one body named outside quotation marks
        outside = [i for i in bodies if any(m.entity == i and not m.in_quote for m in table.mentions)]
        bodies = outside if len(outside) == 1 else bodies
    return bodies[0] if len(bodies) == 1 else None


def _upgrade_name(d: Draft, parsed: ParsedName, written: str) -> None:
    """Keep the fullest form of a person's name as the entity's name."""
    old = d.parsed
    nickname = parsed.nickname or (old.nickname if old else None)
    if parsed.is_full and (old is None or not old.is_full or len(parsed.tokens) > len(old.tokens)
                           or (parsed.nickname and old.first and fold(parsed.nickname) == fold(old.first))):
        # the fullest form, and the given name over the nickname ('Maggie Thorne', then 'Margaret “Maggie” Thorne')
        d.parsed = replace(parsed, honorific=old.honorific if old else parsed.honorific, nickname=nickname)
        d.name = " ".join(parsed.tokens)
    elif d.parsed and nickname and not d.parsed.nickname:
        d.parsed = replace(d.parsed, nickname=nickname)
    if old and parsed.honorific and not old.honorific:
        d.parsed = replace(d.parsed, honorific=parsed.honorific)  # type: ignore[arg-type]


#: a capitalised word, or an Arabic surname with its article ("al-Mannai said"), with its possessive
_WORD = re.compile(
    r"(?<![\w'’-])((?:(?:al|el|ad|ar|as|ash|at|az|an|ud|ul|ur|ed)-|(?:(?:du|de|des|le|la|van|von|der|den|da|di|del|della"
    r"|dos|das|ter) )+)?[A-Z][a-z][\w-]*)(['’]s?)?(?![\w-])"
)


#: A nickname given after a person's name: 'Ferreyra, universally known in the paddock as "Nacho"',
#: 'Achmad Fauzan Hidayat, popularly called “Gus Fauzan”', "nicknamed 'Smudger'".
_KNOWN_AS = re.compile(
    r"\A,?\s+(?:[a-z]+\s+){0,2}(?:known|nicknamed|dubbed|called)\s+(?:(?:in|to|by|among|around)\s+[^,.;:\"“‘]{1,40}?\s+)?"
    r"(?:as\s+)?[\"“‘](?P<nick>[A-Z][\w'’-]+)[\"”’]"
)


#: The kin nouns, as one alternation.
_KIN_NOUNS = "|".join(sorted(FEMALE_KIN | MALE_KIN))
#: A kin noun in apposition before a name: "His mother, | Edith, 84,", "his wife | Margaret".
KIN_BEFORE = re.compile(r"\b(?:his|her|their|my|our)\s+(?:late\s+)?(?P<noun>" + _KIN_NOUNS + r"),?\s+$", re.IGNORECASE)
#: Whose relative a name is, before it (a pattern to complete with the name): "Her mother, Maureen", "Ryan's mum Bev".
_KIN_OF = r"(?:\b(?:his|her|their)|['’]s)\s+(?:(?:late|own)\s+)?(?:" + _KIN_NOUNS + r"),?\s+"


#: Amharic forms of address for a woman, abbreviated as Ethiopian papers write them: "W/ro" (Woizero,
#: Mrs), "W/rt" (Woizerit, Miss).
_WOIZERO_BEFORE = re.compile(r"\b(?:W/r[ot]|Woizero|Woizerit|Weyzero)\.?\s+$")


def _kin_genders(table: EntityTable) -> None:
    """Give a person of unknown gender the one their kin noun or form of address tells ("His mother,
    Edith, 84,", "W/ro Gumato Jilo Halake": women).

    >>> t = EntityTable("His mother, Edith, 84, waited.", [], [])
    >>> i = t.new("Edith", "PERSON", parse_name("Edith")); t.add_mention(i, 12, 17)
    >>> _kin_genders(t); t.drafts[i].gender
    'female'
    """
    for m in table.mentions:
        d = table.draft(m.entity)
        if d.type != "PERSON" or d.gender is not None:
            continue
        kin = KIN_BEFORE.search(table.text, max(0, m.start - 30), m.start)
        if kin:
            noun = kin.group("noun").lower()
            d.gender = "female" if noun in FEMALE_KIN else "male"
        elif _WOIZERO_BEFORE.search(table.text, max(0, m.start - 12), m.start):
            d.gender = "female"


def _nicknames_given(table: EntityTable) -> bool:
    """Give a person the one-word nickname the text says they are known by, so that it names them later.

    >>> t = EntityTable('Ignacio Ferreyra, known in the paddock as "Nacho", led. Nacho was angry.', [], [])
    >>> i = t.new("Ignacio Ferreyra", "PERSON", parse_name("Ignacio Ferreyra")); t.add_mention(i, 0, 16)
    >>> _nicknames_given(t), t.drafts[i].parsed.nickname
    (True, 'Nacho')
    """
    given = False
    for m in table.mentions:
        d = table.draft(m.entity)
        if d.type != "PERSON" or d.parsed is None or d.parsed.nickname:
            continue
        known = _KNOWN_AS.match(table.text[m.end : m.end + 90])
        if known:
            d.parsed = replace(d.parsed, nickname=known.group("nick"))
            given = True
    if given:  # a parse may have found the nickname alone as a person of its own: the same one
        holders = {fold(d.parsed.nickname): i for i in table.persons()
                   if (d := table.drafts[i]).parsed is not None and d.parsed.nickname}
        for i in table.persons():
            holder = holders.get(fold(table.drafts[i].name))
            if holder is not None and holder != i:
                table.merge(i, holder)
    return given


def _link_single_words(table: EntityTable, paragraphs: list[Range]) -> None:
    """Add bare surnames and first names of known people ("Blunt said", "Khan's")."""
    words: dict[str, list[int]] = {}
    for i in table.persons():
        p = table.drafts[i].parsed
        if p and p.last:
            words.setdefault(fold(p.last), []).append(i)
            if " " in p.last:  # "du Roure" and "Roure" both take up Nathalie du Roure; "Ruiz" Ruiz y Sánchez
                for part in {p.last.split(" ")[0], p.last.rsplit(" ", 1)[1]}:
                    if part[:1].isupper():
                        words.setdefault(fold(part), []).append(i)
        if p and p.first:
            words.setdefault(fold(p.first), []).append(i)
        if p and p.nickname:
            words.setdefault(fold(p.nickname), []).append(i)
    if not words:
        return
    covered = sorted((m.start, m.end) for m in table.mentions)
    for ps, pe in paragraphs:
        for m in _WORD.finditer(table.text, ps, pe):
            w = fold(m.group(1))
            if w not in words:
                continue
            s, e = m.start(1), m.end(1)
            k = bisect.bisect_left(covered, (e, e))
            if any(cs < e and s < ce for cs, ce in covered[max(0, k - 3) : k]):
                continue
            found = table.find_person(ParsedName(None, None, (), m.group(1)), s)
            if found is not None:
                sent = _sentence_start(table.text, s)
                j = bisect.bisect_left(table.mentions, sent, key=lambda x: x.start)
                subject = not (j < len(table.mentions) and table.mentions[j].start < s) and not m.group(2)
                table.add_mention(found, s, e, subject)


#: After a one-word name, what only a company has: "Orrin CEO Dana Okafor-Lind", "Orrin co-founder and CEO",
#: "Orrin’s chief executive", "Orrin shares"; or an appositive that calls it one ("Orrin, the San Francisco
#: startup behind …").
_COMPANY_AFTER = re.compile(
    r"(?:['’]s?)?\s+(?:co-?founder|founder|CEO|CFO|CTO|COO|chief\s+(?:executive|financial|technology|operating)"
    r"|chief\s+(?:legal|marketing|information|product|people|commercial)\s+officer|general\s+counsel|headquarters"
    r"|shares|stock|shareholders|board\s+of\s+directors|spokes(?:person|man|woman)|customers|engineers"
    r"|parent\s+company|subsidiary|executives)\b"
    r"|,\s+(?:the|a|an)\s+(?:[\w'’-]+,?\s+){0,5}(?:startup|start-up|company|firm|maker|manufacturer|developer"
    r"|retailer|brand|chain|streamer|platform|app)\b"
    # a headline's "Loopwave chief tells senators …", "Orrin boss quits"
    r"|\s+(?:chief|boss)\s+(?=[a-z])"
)
#: Before a one-word name, what only a company has: "the chief executive of Loopwave", "the co-founder of Orrin".
_COMPANY_BEFORE = re.compile(
    r"\b(?:chief\s+executive|CEO|co-?founder|founder|shareholders|employees)\s+(?:of|at)[ \u00a0]+\Z"
    # "the social video app Glimmer", "the online retailer Brookmere" (not "the developer", often a person)
    r"|\b(?:the|a|an)\s+(?:[\w-]+\s+){0,3}(?:app|startup|start-up|platform|company|firm|retailer|carmaker|airline"
    r"|chain|brand|streamer|marketplace|website|conglomerate|lender|insurer|maker|manufacturer|drugmaker|chipmaker"
    r"|automaker)[ \u00a0]+\Z"
)
#: How many such mentions make a one-word "person" a company.
COMPANY_EVIDENCE = 2


def word_occurrences(text: str, word: str, possessive: bool = True) -> list[int]:
    """Where ``word`` stands in ``text`` as a whole word, its possessive too unless ``possessive`` is False.

    A plain scan, so that no pattern is compiled per name on the resolution path.

    >>> word_occurrences("Orrin’s Halo. Orrinx. The Orrin-made Orrin", "Orrin"), word_occurrences("Orrin’s", "Orrin", False)
    ([0, 37], [])
    """
    out = []
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "'’-_") and not (
                after.isalnum() or after in "-_" or (not possessive and after in "'’")):
            out.append(at)
        at = text.find(word, at + 1)
    return out


def looks_like_company(text: str, word: str) -> bool:
    """True when ``text`` treats the one-word name ``word`` as a company ("Orrin", also a first name).

    Every occurrence counts, also one taken into a longer name run ("Orrin
    co-founder and CEO Dana Okafor-Lind").
    """
    found = word_occurrences(text, word)
    return sum(1 for at in found if _COMPANY_AFTER.match(text, at + len(word))
               or _COMPANY_BEFORE.search(text, max(0, at - 30), at)) >= COMPANY_EVIDENCE


def company_words(text: str) -> dict[str, int]:
    """The one-word company names ``text`` shows (see looks_like_company), each where it is first shown one.

    A word that always ends a longer capitalised name is not one ("Marketplace" of "Helix Marketplace CEO").

    >>> company_words("Orrin CEO Dana Lind spoke. Orrin, the startup, said so."), company_words("Helix Marketplace CEO. Helix Marketplace shares")
    ({'Orrin': 0}, {})
    """
    found: dict[str, int] = {}
    alone: dict[str, bool] = {}
    for m in re.finditer(r"(?<![\w'’-])([A-Z][\w-]+)", text):
        word = m.group(1)
        if word in found or not (_COMPANY_AFTER.match(text, m.end())
                                 or _COMPANY_BEFORE.search(text, max(0, m.start() - 30), m.start())):
            continue
        if word not in alone:
            alone[word] = any(not _RUN_BEFORE.search(text, max(0, at - 30), at) for at in word_occurrences(text, word))
        if alone[word] and looks_like_company(text, word):
            found[word] = m.start()
    return found


#: A capitalised word right before another, which makes that one the end of a longer name ("Helix | Marketplace");
#: not a sentence's opening "The" or "In".
_RUN_BEFORE = re.compile(r"(?<![\w'’-])(?!(?:The|In|At|For|By|From|As|On|Of|And|But|A|An|READ|MORE)\b)[A-Z][\w'’-]*[ \u00a0]\Z")


def _initials(name: str) -> str:
    """The initials of an organisation's name, function words left out ("Centers for Disease Control and
    Prevention": CDCP)."""
    return "".join(w[0] for w in re.findall(r"[A-Z][\w'’-]*", name))


def expansion_of(table: EntityTable, short: str, exclude: int | None = None) -> int | None:
    """The one organisation whose initials ``short`` ("CDC", "the CDC") are: equal to them, or, three letters
    or more, their start ("Centers for Disease Control and Prevention")."""
    short = re.sub(r"^[Tt]he\s+", "", short)
    if not (2 <= len(short) <= 6 and short.isupper() and short.isalpha()):
        return None
    longer = [j for j, d in enumerate(table.drafts) if j != exclude and d.merged_into is None and d.type == "ORG"
              and " " in d.name and (_initials(d.name) == short or (len(short) >= 3 and _initials(d.name).startswith(short)))]
    return longer[0] if len(longer) == 1 else None


def _fold_acronyms(table: EntityTable) -> None:
    """Merge an organisation named by its initials ("the CDC") into the one organisation whose name they
    start ("Centers for Disease Control and Prevention"), when the article never wrote them in brackets."""
    for i, d in enumerate(table.drafts):
        if d.merged_into is None and d.type == "ORG":
            longer = expansion_of(table, d.name, exclude=i)
            if longer is not None:
                table.merge(i, longer)
    # initials no name finder took ("Nationwide, the CDC has counted …" without a parse)
    if not any(d.merged_into is None and d.type == "ORG" and " " in d.name for d in table.drafts):
        return  # no name written in full for initials to stand for
    for m in re.finditer(r"(?<![\w.-])[A-Z]{2,6}(?![\w.-])", table.text):
        k = bisect.bisect_left(table.mentions, m.start(), key=lambda x: x.start)
        if any(r.start <= m.start() < r.end for r in table.mentions[max(0, k - 2) : k + 2]):
            continue  # already a mention, or inside one
        longer = expansion_of(table, m.group())
        if longer is not None:
            table.add_mention(longer, *m.span())


#: "Lumenhire, a Portland-based startup whose …", "Pryvilskoblenergo, the regional power distribution company,":
#: a name set off by a description whose head noun is a kind of organisation (not one it is "of": "Jean-Luc
#: Ferrandou, the president of the Socialist group").
_BODY_APPOSITIVE = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Z][\w'’&.-]*(?:\s+(?:(?:of|to|for|the|and|on)\s+)?[A-Z][\w'’&.-]*){0,3}),\s+(?:a|an|the)\s+(?:(?!(?:of|for|at|in|with|to)\s)[\w'’-]+\s+){0,5}?"
    r"(?:startup|start-up|company|firm|maker|manufacturer|developer|retailer|brand|chain|streamer|platform|operator"
    r"|utility|charity|organisation|organization|nonprofit|non-profit|coalition|alliance|network|consortium|campaign|group)"
    r"(?=\s*[,.;)]|\s+(?:that|which|whose|behind|based|in|with|founded|owned|run|known|of)\b)"
)


#: A name the text calls a body by what stands before it: "the survivors' network Voices Unbroken", "the
#: campaign group Clean Air Now", "a co-founder of Voices Unbroken", "members of Mothers Against Drilling",
#: "Analysts at Kessler Brandt".
_BODY_BEFORE_NAME = re.compile(
    r"(?:\b(?:group|network|charity|organi[sz]ation|nonprofit|non-profit|coalition|collective|movement|body|watchdog"
    r"|alliance|campaign|band|label|agency|firm|company|startup|brand|retailer|chain|charity"
    # outlets: "the theatre website Curtain Call", "the trade magazine Stage Door"
    r"|website|magazine|newspaper|podcast|publication)"
    r"|\b(?:co-?founders?|founders?|members?)\s+of(?:\s+the)?"
    r"|\b(?:[Aa]nalysts?|[Ee]conomists?|[Rr]esearchers|[Ss]trategists?|[Ss]taff|[Ee]xecutives)\s+at)\s+"
    r"(?P<name>[A-Z][\w'’&-]*(?:\.(?=[\w-]))?[\w'’&-]*(?:[ \u00a0]+[A-Z][\w'’&-]*){0,3}"
    # a name holding "in the", "of", "for" when its appositive or verb follows at once: "the campaign group Voice
    # in the Pews, which …", not "… Clean Air Now in the Commons"
    r"(?:[ \u00a0]+(?:in|of|on|for|at)(?:[ \u00a0]+the)?[ \u00a0]+[A-Z][\w'’&-]*(?:[ \u00a0]+[A-Z][\w'’&-]*)?"
    r"(?=[ \u00a0]*,[ \u00a0]+(?:which|who|a|an|the)\b|[ \u00a0]+(?:said|says|has|have|had|is|was)\b))?)"
    r"(?<!['’]s)(?![\w'’-]|[ \u00a0]+family)"
)


#: A work's title after the noun for it: "In the book, No Quiet Exit, which …", "her memoir Quiet Years",
#: "Extracted from No Quiet Exit by …".
_WORK_TITLE = re.compile(
    # ("play" with its article only: "will play Paulina Sedlarova" is a match, "her play Quiet Years" a work)
    r"(?:\b(?P<noun>book|memoir|memoirs|novel|autobiography|biography|film|documentary|album|musical|podcast"
    r"|(?:the|a|an|his|her|their|its|new)\s+play)"
    r"(?P<comma>,)?\s+(?:(?:called|titled|entitled)\s+)?|\b(?:[Ee]xtracted|[Aa]dapted|[Tt]aken)\s+from\s+)"
    r"(?P<name>[A-Z][\w'’-]*(?:[ \u00a0]+(?:(?:of|the|and|a|in|on|to)[ \u00a0]+)?[A-Z][\w'’-]*){0,5})"
    # (after a comma, only a title set off by another: not "her next film, Valcourt said")
    r"(?(comma),)"
)


def _works(table: EntityTable) -> None:
    """Make a document of a "person" the text names as a book, a film or an album ("In the book, No Quiet
    Exit, …"), unless a given name opens it: a title is never who "she" means."""
    starts = [mr.start for mr in table.mentions]  # (sorted: the table keeps its mentions in text order)
    for m in _WORK_TITLE.finditer(table.text):
        s, e = m.span("name")
        for mr in table.mentions[bisect.bisect_left(starts, s) : bisect.bisect_left(starts, e)]:
            d = table.draft(mr.entity)
            if d.type == "PERSON" and not (d.parsed and d.parsed.first and fold(d.parsed.first) in GIVEN_NAMES):
                d.type, d.gender = "DOCUMENT", None


def _appositive_bodies(table: EntityTable) -> None:
    """Make an organisation of a name its appositive (or the noun before it) calls one, when no person of that
    name is known."""
    found = sorted([*_BODY_APPOSITIVE.finditer(table.text), *_BODY_BEFORE_NAME.finditer(table.text)],
                   key=lambda m: m.start("name"))
    for m in found:
        name = m.group("name")
        words = name.split()
        if fold(words[0]) in GIVEN_NAMES or fold(words[0]) in ("the", "a", "an", "but", "and"):
            continue
        s, e = m.span("name")
        if table.in_quote(s, e):
            continue
        known = table.mention_at(s, e)
        if known is not None:
            d = table.draft(known)
            if d.type == "PERSON" and not (d.parsed and d.parsed.first and fold(d.parsed.first) in GIVEN_NAMES):
                d.type, d.gender = "ORG", None
            continue
        inside = [r for r in table.mentions if r.start < e and s < r.end]
        if any(r.start < s or r.end > e for r in inside):
            continue
        # a part of the name found as a name of its own ("Pews" of "Voice in the Pews") is folded into the body
        parts = {table.root(r.entity) for r in inside}
        if any(table.draft(i).parsed and table.draft(i).parsed.first and fold(table.draft(i).parsed.first) in GIVEN_NAMES
               for i in parts):
            continue
        same = [i for i, d in enumerate(table.drafts) if d.merged_into is None and d.type == "ORG" and fold(d.name) == fold(name)]
        i = same[0] if same else table.new(name, "ORG")
        for part in parts:
            if all(s <= a and b <= e for a, b in table.draft(part).mentions):
                table.merge(part, i)
        table.add_mention(i, s, e, subject=m.start() == _sentence_start(table.text, m.start()))


def _retype_companies(table: EntityTable) -> None:
    """Type as an organisation a one-word "person" that the text treats as a company."""
    for i in table.persons():
        d = table.drafts[i]
        if not d.parsed or d.parsed.first or d.parsed.honorific or " " in (d.parsed.last or " "):
            continue
        if looks_like_company(table.text, d.parsed.last):  # type: ignore[arg-type]
            d.type = "ORG"
            d.gender = None


#: A bare capitalised word after a place preposition: "in Elmford", "outside Elmford" (not "to", "from" or "at",
#: which people follow too: "lost to Albrecht", "a letter from Carrouge"; nor "in Kellaway's next over").
_AT_PLACE = re.compile(r"\b(?:in|near|outside)[ \u00a0]+(?P<word>[A-Z][\w'’-]*)\b(?![ \u00a0]+[A-Z]|['’])")


#: Nouns that describe only a company, never a person: "Atlantida Air, the regional carrier that operates …"
#: (not "developer" or "publisher", which a person can be); from business and travel reporting.
_COMPANY_ONLY_NOUNS = frozenset("company firm carmaker automaker retailer lender insurer airline carrier startup start-up "
                                "conglomerate utility streamer".split())
#: Where a description's head noun ends: "regional carrier that operates …", "budget airline based in …".
_HEAD_END = re.compile(r"\s+(?:that|which|who|whose|of|for|in|at|with|based|from|owned|run|operating)\b|[,;(]")


def _retype_described_companies(table: EntityTable) -> None:
    """Type as an organisation a "person" whose apposition names a company: "Atlantida Air, the regional
    carrier that operates the island's only scheduled flights" (no given name opens it, no title, no gender)."""
    for i in table.persons():
        d = table.drafts[i]
        words = d.name.split()
        if fold(words[0]) in GIVEN_NAMES or (d.parsed and d.parsed.honorific) or d.gender is not None:
            continue
        for _, phrase in d.descriptors:
            cut = _HEAD_END.search(phrase)
            head = (phrase[: cut.start()] if cut else phrase).split()
            if head and head[-1].lower() in _COMPANY_ONLY_NOUNS:
                d.type = "ORG"
                break


def _retype_place_named(table: EntityTable) -> None:
    """Type as an organisation a two- or three-word "person" whose first word is no given name and whose last
    word the text also writes alone as a place: "Healthwatch Elmford" where the story happens "in Elmford"
    (a body named for its town), not a man called Elmford."""
    places: set[str] | None = None  # the words the text writes as places, found once
    for i in table.persons():
        d = table.drafts[i]
        words = d.name.split()
        if not 2 <= len(words) <= 3 or fold(words[0]) in GIVEN_NAMES or (d.parsed and d.parsed.honorific) \
                or not all(w[:1].isupper() for w in words) or d.gender is not None:
            continue
        if places is None:
            places = {m.group("word") for m in _AT_PLACE.finditer(table.text)}
        if words[-1] in places:
            d.type = "ORG"
            table.place_named.add(i)


def _fold_company_first_words(table: EntityTable) -> None:
    """Fold a one-word "person" into the one organisation whose name it opens: "Bellmont drivers", "told Bellmont"
    for Bellmont Student Transportation (no given name, no title; and no other body or person shares the word)."""
    bodies: dict[str, list[int]] = {}
    for i, d in enumerate(table.drafts):
        words = d.name.split()
        if d.merged_into is None and d.type == "ORG" and len(words) >= 2 and words[0][:1].isupper():
            bodies.setdefault(fold(words[0]), []).append(i)
    for i in table.persons():
        d = table.drafts[i]
        word = fold(d.name)
        if " " in d.name or word in GIVEN_NAMES or d.gender is not None or (d.parsed and d.parsed.honorific) \
                or len(bodies.get(word, ())) != 1 or word in ORG_WORDS or word in PLACE_WORDS:
            continue
        if any(fold(o.name.split()[0]) == word and " " in o.name for j, o in enumerate(table.drafts)
               if j != i and o.merged_into is None and o.type == "PERSON"):
            continue  # (not when a person's name opens with it too: "Carver" of Carver Homes and of Carver Ellis)
        table.merge(i, bodies[word][0])


def _company_families(table: EntityTable) -> None:
    """Names that share a company's one-word name: "Corvane Cloud" and its product "Corvane Object Storage".

    When the first word, written alone, is shown to be a company ("Corvane’s chief technology officer", "a
    Corvane spokesperson" …, see :func:`looks_like_company`) and opens no given name, every such "person"
    is an organisation, and the bare word ("Corvane said") belongs to the one the text first makes a
    sentence's subject outside quotation marks (the company, not the product it runs)."""
    families: dict[str, list[int]] = {}
    for i, d in enumerate(table.drafts):
        words = d.name.split()
        if d.merged_into is None and d.type in ("PERSON", "ORG") and len(words) >= 2 and fold(words[0]) not in GIVEN_NAMES:
            families.setdefault(words[0], []).append(i)
    for word, members in families.items():
        if len(members) < 2 or fold(word) in ORG_WORDS or not looks_like_company(table.text, word):
            continue  # (not "Instagram" and "Instagram Stories": a platform and its feature)
        for i in members:
            table.drafts[i].type, table.drafts[i].gender = "ORG", None

        def first_subject(i: int) -> int:
            full = [m.start for m in table.mentions if table.root(m.entity) == i and m.subject and not m.in_quote
                    and table.text[m.start : m.end] != word]
            return min(full, default=len(table.text))

        head = min(members, key=first_subject)
        for k, m in enumerate(table.mentions):
            owner = table.root(m.entity)
            if owner in members and owner != head and table.text[m.start : m.end] == word:
                table.mentions[k] = replace(m, entity=head)
                table.drafts[owner].mentions.remove((m.start, m.end))
                bisect.insort(table.drafts[head].mentions, (m.start, m.end))


def _fold_opening_verbs(table: EntityTable) -> None:
    """Fold into a company a two-word "person" that is a line's opening verb and the company's first word.

    "Expands Halvard's reach into …" (a press release's bullet) is no Mr
    Expands Halvard when "Halvard Systems, Inc." is named: every mention of
    in full opens a line or sentence, its first word is no given name, its second
    opens the company's name.
    """
    orgs: dict[str, int] = {}
    for i, d in enumerate(table.drafts):
        words = d.name.split()
        if d.merged_into is None and d.type == "ORG" and len(words) > 1:
            orgs.setdefault(fold(words[0]), i)
    if not orgs:
        return
    for i in table.persons():
        d = table.drafts[i]
        p = d.parsed
        if not p or not p.first or not p.last or p.honorific or len(p.tokens) != 2 or fold(p.first) in GIVEN_NAMES \
                or not fold(p.first).endswith(("s", "ed", "ing")):
            continue  # a verb's form: "Expands", "Added", "Bringing"
        org = orgs.get(fold(p.last))
        full = [s for s, e in d.mentions if " " in table.text[s:e].strip()]
        if org is not None and full and all(
                _sentence_start(table.text, s) == s or table.text[s - 1 : s] == "\n" for s in full):
            table.merge(i, org)


def _fold_provisional(table: EntityTable) -> None:
    """Merge a surname-only person into the one full-named person with that surname."""
    for i in table.persons():
        d = table.drafts[i]
        if not d.parsed or d.parsed.first or not d.parsed.last:
            continue
        full = [
            j
            for j in table.persons()
            if j != i
            and table.drafts[j].parsed
            and table.drafts[j].parsed.is_full  # type: ignore[union-attr]
            and fold(table.drafts[j].parsed.last) == fold(d.parsed.last)  # type: ignore[union-attr, arg-type]
            and _compatible_gender(d.gender, table.drafts[j].gender)
        ]
        if not full and " " not in d.parsed.last:
            # "Meseret" for Meseret Haile Gebru, when no one has it for a surname: a given name used alone
            # (Ethiopian, Icelandic, Thai usage), as spaCy may find it apart from the full name
            full = [
                j
                for j in table.persons()
                if j != i
                and table.drafts[j].parsed
                and table.drafts[j].parsed.is_full  # type: ignore[union-attr]
                and fold(table.drafts[j].parsed.first or "") == fold(d.parsed.last)  # type: ignore[union-attr]
                and _compatible_gender(d.gender, table.drafts[j].gender)
            ]
        if len(full) == 1:
            table.merge(i, full[0])


#: An opening phrase naming whom someone speaks to; the description after its comma is the speaker's.
_ADDRESSEE_BEFORE = re.compile(r"\b(?:[Ss]peaking|[Tt]alking|[Ww]riting|[Rr]eplying|[Rr]esponding)\s+(?:to|in|on)\s+(?:the\s+)?$")


#: An age and a noun in apposition after a name: "Amna, a 27-year-old mother of four".
_AGED_NOUN_AFTER = re.compile(r",[ \u00a0]+an?[ \u00a0]+\d{1,3}-year-old[ \u00a0]+(\w+)")


#: A US party tag after a name: "(R-Utah)", "(D-Minn.)".
_US_PARTY_TAG = re.compile(r"\s*\((?P<party>[RDI])-(?P<state>[A-Z][A-Za-z.]*(?:\s?[A-Z][a-z.]*)?)\)")
_US_PARTIES = {"R": "Republican", "D": "Democrat", "I": "independent"}
#: The AP abbreviations of US states a party tag uses ("D-Minn."), by their letters without the full stops.
_US_STATES = {
    "Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California", "Colo": "Colorado",
    "Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida", "Ga": "Georgia", "Ill": "Illinois",
    "Ind": "Indiana", "Kan": "Kansas", "Ky": "Kentucky", "La": "Louisiana", "Md": "Maryland",
    "Mass": "Massachusetts", "Mich": "Michigan", "Minn": "Minnesota", "Miss": "Mississippi", "Mo": "Missouri",
    "Mont": "Montana", "Neb": "Nebraska", "Nev": "Nevada", "N.H": "New Hampshire", "N.J": "New Jersey",
    "N.M": "New Mexico", "N.Y": "New York", "N.C": "North Carolina", "N.D": "North Dakota", "Okla": "Oklahoma",
    "Ore": "Oregon", "Pa": "Pennsylvania", "R.I": "Rhode Island", "S.C": "South Carolina", "S.D": "South Dakota",
    "Tenn": "Tennessee", "Tex": "Texas", "Vt": "Vermont", "Va": "Virginia", "Wash": "Washington",
    "W.Va": "West Virginia", "Wis": "Wisconsin", "Wyo": "Wyoming",
}


#: A meeting or a panel's chair named after it, right before the name: "a panel chaired by | Helena Marchbank KC".
_CHAIRED_BY = re.compile(r"\b(?:chaired|presided\s+over)\s+by\s+(?:[A-Z][\w.'’-]*\s+){0,2}\Z")


def _collect_descriptors(table: EntityTable, index: int) -> None:
    d = table.drafts[index]
    text = table.text
    for s, e in d.mentions:
        if table.in_quote(s, e):
            continue
        para = table.paragraphs[table.paragraph_of(s)]
        before = describe_before(text, s)
        if before:
            d.add_descriptor(*before)
        # a role set off by a comma before the name, or before its title ("the Recorder of Westhaven, Judge
        # Malcolm Everleigh KC")
        apposed = describe_before_comma(text, before[0] if before else s)
        if apposed:
            d.add_descriptor(*apposed)
        chaired = _CHAIRED_BY.search(text, max(0, s - 40), s)
        if chaired is not None and d.type == "PERSON":
            # "a three-member panel chaired by Helena Marchbank KC": "the chair" later
            d.add_descriptor(chaired.start(), "chair")
        if re.match(r"['’]", text[e : e + 1]):
            continue  # "Blunt's website": what follows describes the website
        if _ADDRESSEE_BEFORE.search(text, max(0, s - 40), s):
            continue  # "Speaking to Sky Sports, the former Wexham midfielder said": the subject follows, not a description
        for pos, phrase in describe_after(text, e, para[1]):
            d.add_descriptor(pos, phrase)
        tag = _US_PARTY_TAG.match(text, e)
        if tag is not None and d.type == "PERSON":
            # "Sen. Dale Prewitt (R-Utah)": "the Utah Republican"
            state = tag.group("state").rstrip(".")
            d.add_descriptor(tag.start(), f"{_US_STATES.get(state, state)} {_US_PARTIES[tag.group('party')]}")
    words = {w for _, p in d.descriptors for w in re.findall(r"\w+", p.lower())}
    for w, g in _GENDER_WORDS.items():
        if w in words and d.gender is None:
            d.gender = g
    if d.gender is None and d.type == "PERSON":
        # "Amna, a 27-year-old mother of four": the age is kept as the descriptor, the noun tells the gender
        for _, e in d.mentions:
            m = _AGED_NOUN_AFTER.match(text, e)
            if m and m.group(1).lower() in _GENDER_WORDS:
                d.gender = _GENDER_WORDS[m.group(1).lower()]
                break

