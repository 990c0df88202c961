"""Speaker resolution inside one article: the ``resolve`` pipeline stage.

Every candidate's speaker mention is taken apart
(:func:`onrecord.resolve.mentions.classify_mention`) and resolved against
the article's entity table (:func:`onrecord.resolve.entities.build_table`):

=====================  ==========================================================
``resolve_origin``     when
=====================  ==========================================================
resolve:name           a full name, or a name that is the only form given
resolve:partial-name   "Blunt", "Mr Blunt" -> "Crispin Blunt"
resolve:appositive     "Khalid Mahmood, a Labour MP"
resolve:pronoun        he/she/they/it -> the most salient compatible entity
resolve:nominal        "The Tory MP" -> the salient person that description fits
resolve:group          "Khan's legal team", "his lawyers", "Labour MPs"
resolve:document-owner "a statement published on Blunt's website" -> its author
resolve:document       a written source with no author in the text
resolve:spokesperson   "a Home Office spokesperson" -> the body they speak for
resolve:org            "the Home Office"
resolve:continuation   no speaker, right after an attributed quote: the same speaker
=====================  ==========================================================

Nothing is invented: a mention that fits no one keeps ``speaker_name`` None.
The stage works with or without ``Work.parsed``; with a parse, spaCy's
entities and subjects sharpen the table, without one the capitalised-token
finder stands in.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace

from ..work import Candidate, Work
from .descriptors import (
    CLASS_YEAR,
    PICTURE_POINTERS,
    description_tokens,
    fits_description,
    holds_role,
    nationality,
    normalise_descriptor,
)
from .entities import (
    CATAPHORA_PARAGRAPHS,
    KIN_BEFORE,
    EntityTable,
    MentionRef,
    body_named_by,
    build_table,
    company_words,
    expansion_of,
    is_byline_at,
    looks_like_company,
    opening_end,
    paragraphs_on,
    _SENTENCE_END,
    _sentence_start,
    titled_people,
    word_occurrences,
)
from .mentions import (
    BODY_GROUP_NOUNS,
    DANGLING_WORDS,
    BODY_MAKERS,
    GROUP_NOUNS,
    DOCUMENT_NOUNS,
    FINDING_NOUNS,
    HEAD_DOC_PARTICIPLE,
    PRONOUNS,
    VOICE_NOUNS,
    MentionKind,
    SpeakerMention,
    classify_mention,
)
from ..text.letters import unicode_caps
from .names import (
    UNNAMED_AFTER,
    PLACE_WORDS,
    UTILITY_WORDS,
    GIVEN_NAMES,
    NOT_NAME_WORDS,
    COMPANY_NOUNS,
    NAMED_BODY_NOUNS,
    COUNTRY_NAMES,
    FEMALE_NAMES,
    MALE_NAMES,
    ORG_WORDS,
    PARTY_WORDS,
    PUBLIC_BODY_NOUNS,
    ROLE_NOUNS,
    ROLE_TITLES,
    find_names,
    fits_org_noun,
    ParsedName,
    fold,
    is_role_word,
    parse_name,
)

__all__ = ["ResolveStage", "resolve_speakers"]

#: Confidence multipliers per resolution route, applied to the candidate's
#: confidence. Set by hand (the less direct the evidence, the lower); not yet
#: calibrated on PolNeAR.
CONFIDENCE_FACTOR = {
    "resolve:name": 1.0,
    "resolve:appositive": 1.0,
    "resolve:partial-name": 0.98,
    "resolve:group": 0.98,
    "resolve:org": 0.98,
    "resolve:spokesperson": 0.95,
    "resolve:document-owner": 0.95,
    "resolve:document": 0.95,
    "resolve:document-issuer": 0.88,
    "resolve:pronoun": 0.92,
    "resolve:nominal": 0.88,
    # a lede's unnamed subject named by the next paragraphs: the newsroom's convention, as sure as a spokesperson's
    "resolve:lede": 0.95,
    "resolve:continuation": 0.8,
    "resolve:letter": 0.92,
}
#: How many paragraphs back a pronoun or description may reach (set by hand:
#: news paragraphs are one to three sentences; four covers a quote block).
WINDOW_PARAGRAPHS = 3
#: Salience weights (set by hand on our gold cases): a subject mention, the
#: previous quote's speaker, a mention inside quotation marks.
SUBJECT_BONUS = 0.6
LAST_SPEAKER_BONUS = 0.8
#: For the subject named last, opening its sentence outside quotation marks: someone just introduced ("Gemma Farrell, whose son
#: is in year 9, was among parents …") is who the next "she said" means, over the speaker before them.
RECENT_SUBJECT_BONUS = 0.8
EARLIER_SPEAKER_BONUS = 0.3
IN_QUOTE_PENALTY = 0.7
#: For a pronoun or description, a person the quotation itself names ("“Colin said the same thing about
#: earbuds …,” he said"): people rarely name themselves in the third person, so likely not who speaks.
NAMED_IN_OWN_QUOTE_PENALTY = 0.7
#: A company named once, in passing, is not what "the company" means when another has been named at
#: least this many times before it (the company the story is about).
DOMINANT_COMPANY_MENTIONS = 3
#: How far into a paragraph the one person it is about must be named (by hand: "For Oliver Brennan, the day …").
OPENING_CHARS = 25
#: A sentence opened by people named by a plural noun, with what they belong to: "Student leaders at the
#: University of Belastra, who …", "Junior doctors have …", "Residents of Harbour Street said".
_PLURAL_SUBJECT = re.compile(
    r"(?P<np>(?:[A-Z][\w’'-]*\s+)?(?P<head>[A-Za-z][a-z-]*s)"
    r"(?:\s+(?:at|of|from|in)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w’'-]*)*)?)"
    r"(?=,|\s+(?:have|has|had|are|were|say|said|will|would|who)\b)"
)
#: An age in a descriptor: "aged 24", "52-year-old".
_AGE_GIVEN = re.compile(r"\baged (\d{1,3})\b|\b(\d{1,3})-year-old\b")
#: "A spokesperson for …" opening a mention.
_SPOKES_FOR = re.compile(r"(?i)(?:an?|the)\s+spokes(?:wo)?(?:man|person)\s+for\s")
#: Initials that stand for an office, never a body: "the PM's official spokesman".
_TITLE_INITIALS = frozenset({"PM", "FM", "DPM"})
#: Singular heads of anonymous sources that a short definite mention takes up ("the person said").
ANONYMOUS_HEADS = frozenset(
    "person source official insider worker employee staffer engineer executive resident witness parent diplomat "
    "aide pal friend individual adviser advisor patient reader passenger shopper driver "
    # ... and their plurals: "the people said" after "according to two people familiar with the plans"
    "people sources officials aides insiders".split()
)
#: For a gendered pronoun, a person whose gender is known to match (by first name,
#: descriptor or an earlier pronoun) over one whose gender is unknown; a bonus, not
#: a filter, so an unlisted first name does not lose to a person named in a quote.
KNOWN_GENDER_BONUS = 0.5
#: What names an outlet or a platform rather than a speaker: "told Variety", "to Instagram", "Variety has learned".
_CHANNEL_BEFORE = re.compile(
    r"(?:\b(?:told|via)\s+(?:[Tt]he\s+)?"
    r"|\b(?:obtained|seen|reported|compiled|published|aired|broadcast)\s+(?:first\s+)?by\s+(?:[Tt]he\s+)?"
    r"|\b(?:provided|given|sent|posted|post|said|statement|comments?|interview|spoke|speaking|wrote|shared|appeared)\b"
    r"[^.\n]{0,60}?\b(?:to|on)\s+(?:[Tt]he\s+)?"
    r"|\(|\b(?:Image|Photo|Picture|Credit|Source):\s*)$"  # a wire's dateline: "(Bloomberg) --"; a picture credit
)
#: After a platform's name, what it is only the medium of: "Instagram followers", "her Instagram Stories".
_OUTLET_AFTER = re.compile(
    r"\s+(?:has|have|had)\s+(?:learned|learnt|confirmed|obtained|seen|reported)\b"
    r"|\s+(?:[Ss]tor(?:y|ies)|followers|posts?|account|page|feed|live|video|handle|profile|reels?|channel|user)\b"
    r"|/@"
)
_CORPORATE_SUFFIX = re.compile(r",?\s+(?:Inc|Ltd|Corp|Co|LLC|plc|PLC|SA|AG|NV|SE|GmbH)\.?$")
#: Heads of an appositive that make its name a body ("Pryvilskoblenergo, the regional power distribution company").
_BODY_HEADS = frozenset("organisation organization charity union association party ngo nonprofit trust club".split())
#: "The Élysée", "the Kremlin", "the Pentagon": the article and one capitalised word.
_SEAT_OF_POWER = re.compile(unicode_caps(r"(?:[Tt]he)\s+(?P<name>[A-Z][^\W\d_]{2,}(?:[-'’][^\W\d_]+)?)"))
#: Words for one unnamed source that a tabloid uses in turn ("a source", "a pal", "the insider").
_TIPSTER_HEADS = frozenset("source insider pal friend confidant".split())
#: A role held for a length of time: "The 30-year resident", "the longtime resident" (someone named before).
_TIME_MODIFIER = re.compile(r"(?i:the)\s+(?:\d+-years?|longtime|long-time|lifelong)\s")
#: For a pronoun opening its sentence, a person named earlier in the same paragraph, outside anyone's words.
SAME_PARAGRAPH_BONUS = 0.5
#: One word with a capital inside after a lower-case letter ("UltraEdge", "YouTube", "SoftBank"), unless it
#: opens as surnames and given names do ("McDonald", "MacLeod", "DeShawn", "LeBron", "DiCaprio", "VanDyke").
_CAMEL_PRODUCT = re.compile(r"(?!(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz|St)[A-Z])[A-Z][a-z]+[A-Z]\w*")

#: Nouns for a sports team ("the team said in a statement"), and a team's name on a sports page: "the
#: Pioneers" (a capitalised plural after "the"), "Stampede forward …" (a capitalised word before a player's role).
TEAM_NOUNS = frozenset("team club franchise".split())
_TEAM_PLURAL = re.compile(unicode_caps(
    r"(?<=\b[Tt]he )([A-Z][a-z]+s)\b"
    r"|\b([A-Z][a-z]+)(?= (?:quarterback|coach|[a-z]+back|receiver|forward|guard|center|centre|striker|midfielder"
    r"|defender|goalkeeper|pitcher|catcher|owner|fans)\b)"
))

#: Added for the person a narrative sentence just before a quotation is about: above the last speaker's
#: bonus, so that "X turned his fire on Y. / “…,” he said" is X even when Y spoke last.
SETUP_SUBJECT_BONUS = 1.0
#: How many "He … / He …" sentences back a pronoun may follow its like (see _chained_pronoun).
CHAIN_DEPTH = 3
#: A sentence opened by a personal pronoun, after any quotation mark.
_OPENING_PRONOUN = re.compile(r"\s*[\"“‘']?\s*(He|She)\b")
#: Where a sentence's subject may open after a fronted clause: "When Mr Alleyne began …, | the legally qualified
#: chair intervened."
_CLAUSE_THEN_THE = re.compile(r",\s+(?=the\s)")
#: A verb right after a subject described by an office or a role ("The Premier is expected …", "the chair
#: intervened").
_SUBJECT_VERB = re.compile(r"is|was|has|had|will|would|could|did|[a-z]{2,}ed")
#: Reported speech opening with its speaker's pronoun: "(that) he had handed navigation to the pilot".
_OWN_PRONOUN = re.compile(r"(?:that\s+)?(he|she|He|She)\s+(?:had|has|was|would|could|did|is|will)\b")
#: Who runs a company in administration, liquidation or receivership: a firm of accountants.
_INSOLVENCY_HEADS = frozenset("administrators administrator liquidators liquidator receivers receiver".split())
_ADVISORY_WORDS = frozenset("restructuring advisory accountants partners llp consulting insolvency".split())
#: One who gives their own name after speaking: ", who later identified herself as Lorna Fairweather".
_SELF_NAMED_AFTER = re.compile(
    r",?\s+who\s+(?:later\s+|then\s+)?(?:identified|introduced|described)\s+(?:herself|himself|themselves)\s+"
    r"(?:only\s+)?as\s+(?P<name>[A-Z][\w'’-]+(?:[ \u00a0]+[A-Z][\w'’-]+){0,3})"
)
#: A body's own officer: "its headteacher", "its chief executive".
_ITS_ROLE = re.compile(r"(?i:its)\s+(?P<role>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})")
#: A cue that goes on with what its speaker said before ("he added"), and how far back that may be.
_ADDING_CUE = re.compile(r"(?i:added|adds|continued|went\s+on)")
ADDING_PARAGRAPHS = 2
#: A cue that answers, and one that asks ("asked why …", "she replied").
_REPLY_CUE = re.compile(r"(?i:replied|replies|answered|answers|responded|responds|retorted|shot\s+back)")
_ASK_CUE = re.compile(r"(?i:asked|asks|asking|questioned|wondered|wanted\s+to\s+know)")
#: A question in a sentence: the one asked is who answers next, not the asker.
_ASKED = re.compile(r"\b(?:asked|questioned|pressed)\b")
#: A relative clause right before a pronoun: "a statement in which he", "a post where she".
_RELATIVE_BEFORE = re.compile(
    r"\b(?:(?:in|on|at|by|with|through|for|from|under|after)\s+which|which|whereby|wherein|where|whom)"
    r"\s+(?:[a-z]+\s+){0,2}$"
)


#: Mention kinds that resolve to their owner, whose own span is not a mention of it.
_OWNED_KINDS = (MentionKind.DOCUMENT, MentionKind.SPOKESPERSON)
#: Speaker mentions by role or description, which a person named inside the same words cannot be.
_ROLE_KINDS = (MentionKind.NOMINAL, MentionKind.SPOKESPERSON, MentionKind.INDEFINITE)
#: Words in a body's name that a noun for its kind takes up ("the utility" for Palmetto Tidewater Power).
_NAME_WORDS_OF = {
    "utility": UTILITY_WORDS | {"utilities", "electricity"},
    "airline": frozenset({"air", "airlines", "airways"}),
    "carrier": frozenset({"air", "airlines", "airways"}),
    "broadcaster": frozenset({"tv", "television", "radio", "broadcasting"}),
    "studio": frozenset({"studios", "pictures", "films", "entertainment"}),
    # "the regulator" is the Product Safety Standards Authority, not the fire and rescue service quoted since
    "regulator": frozenset({"authority", "commission", "regulator", "ombudsman", "standards"}),
    "watchdog": frozenset({"authority", "commission", "regulator", "ombudsman", "standards"}),
}
#: Company nouns too general for a body's name to claim them ("the company" is the story's company, not
#: "Ford Motor Company" named in passing).
_GENERIC_COMPANY_HEADS = frozenset("company firm business group corporation".split())
#: A capitalised participle alone as a speaker, and what follows a fronted one ("Prosecuting, …", "Writing on …").
_PARTICIPLE_OPENER = re.compile(r"[A-Z][a-z]+ing")
_AFTER_PARTICIPLE = re.compile(r",|\s+(?:on|in|to|for|about|from|at|with)\b")
#: Nouns for two people spoken of together: "the couple said", "the pair".
_PAIR_HEADS = frozenset("couple pair duo".split())
#: Heads of a public body's description ("the state general administration department", "the Vologda
#: Region prosecutor's office").
_PUBLIC_BODY_HEADS = PUBLIC_BODY_NOUNS | {"office", "government"}
#: An organisation name written out in capitalised words ("Department of Health and Social Care").
_ORG_WORDS_ONLY = re.compile(unicode_caps(r"[A-Z][\w'’-]*(?:(?:\s+|,\s*|\s+(?:of|for|and|&|on|the)\s+)[A-Z][\w'’-]*)*"))


@dataclass(frozen=True)
class Resolution:
    """Which table entity a mention stands for, and by what route."""

    entity: int | None
    origin: str


class ResolveStage:
    """Pipeline stage: resolve candidates' speakers and build ``Work.entities``."""

    name = "resolve"
    needs = ("candidates",)
    gives = ("entities",)
    critical = False

    def __call__(self, work: Work) -> None:
        resolve_speakers(work)


#: Words before a place's name: "in Preston", "from Amman", "in the capital, Port Halim".
_PLACE_BEFORE = re.compile(
    r"\b(?:in|from|near|across|outside|around|towards?|along"
    r"|(?<!ccording )(?<!spoke )(?<!speaking )(?<!talked )(?<!talking )(?<!close )to)"  # not "according to Liang Qiaoyun"
    r"\s+(?:the\s+(?:[a-z]+\s+){0,2}?(?:capital|city|town|village|region|state|province|"  # ("the northern district of")
    r"county|district)(?:\s+of)?\s*,?\s*)?(?:[A-Z][\w'’-]+,\s+)?$"
)
#: The end of a line after a word that opens it: a word alone on its line.
_ALONE_ON_LINE = re.compile(r"[ \t]*(?:\n|$)")
#: A place's kind after its name: "Demak regency", "Demak and Kudus regencies", "Karanganyar district".
_PLACE_AFTER = re.compile(
    r"(?:\s+and\s+[A-Z][\w'’-]+)?\s+(?:regenc(?:y|ies)|districts?|provinces?|count(?:y|ies)|regions?|villages?"
    r"|municipalit(?:y|ies)|governorates?|prefectures?|oblasts?|wards?)\b"
)


def _describes_a_body(m: SpeakerMention) -> bool:
    """True when an appositive calls its name an organisation ("…, the regional power distribution company")
    and the name has no given name a person would have."""
    parsed = parse_name(m.name or "")
    if parsed.first and fold(parsed.first) in GIVEN_NAMES:
        return False
    heads = {fold(d.split()[-1]) for d in m.descriptors if d.split()}
    return bool(heads & (COMPANY_NOUNS | PUBLIC_BODY_NOUNS | _BODY_HEADS))


def _opens_its_sentence(text: str, pos: int) -> bool:
    """True when nothing but opening quotation marks stands between ``pos`` and the start of its sentence."""
    return not text[_sentence_start(text, pos) : pos].strip(" \t\n\"“‘'")


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is all its line holds, but for a leading "The" (a masthead: "THE HEARTLAND
    COURIER")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start:start].strip().lower() in ("", "the") \
        and not text[end : len(text) if line_end < 0 else line_end].strip()


def _head_word(mention: str) -> str:
    """A mention's head noun, folded: its last word before a comma, a relative or a preposition ("daughter" of
    "The daughter of one resident, who …", "officer" of "licensing officer for the district since 2019")."""
    head = re.split(r",|\s+(?:who|whom|whose|which|that|of|at|from|in|for|since)\s", mention, maxsplit=1)[0].split()
    return fold(head[-1]) if head else ""


def _is_person_noun(mention: str) -> bool:
    """Whether an indefinite mention's head names a person ("A woman who declined to give her name", "A
    26-year-old sewing operator of the factory")."""
    word = _head_word(mention)
    return word in ANONYMOUS_HEADS or word in _FEMALE_ROLES or word in _MALE_ROLES or word in ROLE_NOUNS \
        or word in _DOCTOR_HEADS  # ("a senior doctor said …", then "the doctor said")


def _only_a_place(text: str, name: str, quoted) -> bool:
    """True when ``text`` writes ``name`` outside quotation marks (``quoted(start, end)``) as a place (after a
    place preposition, or before a place's kind: "Demak regency"), every time or all but one in four,
    and no given name opens it. A line of its own (a list of topics) says nothing either way.

    >>> _only_a_place("Two stations burned in the northern district of Vashé.", "Vashé", lambda s, e: False)
    True
    """
    words = name.split()
    if not words or fold(words[0]) in GIVEN_NAMES:
        return False

    def alone(s: int) -> bool:
        return text[max(0, s - 1) : s] in ("", "\n") and _ALONE_ON_LINE.match(text, s + len(name)) is not None

    found = [s for s in word_occurrences(text, name, possessive=False) if not quoted(s, s + len(name)) and not alone(s)]
    places = sum(1 for s in found if _PLACE_BEFORE.search(text, max(0, s - 40), s) or _PLACE_AFTER.match(text, s + len(name)))
    others = len(found) - places
    return places > 0 and (others == 0 or (places >= 3 and others * 3 <= places))


def _short_company_name(name: str) -> str | None:
    """The first word a company's name is shortened to ("Aurelia" for Aurelia Airways), when that word alone can
    stand for it: not a nationality, a country, a given name or a word that is no name ("British Airways",
    "United Airlines", "Royal Mail" keep their whole names)."""
    words = name.split()
    if len(words) < 2 or not words[0][:1].isupper() or len(words[0]) < 3:
        return None
    first = fold(words[0])
    if nationality(words[0]) is not None or first in COUNTRY_NAMES or first in NOT_NAME_WORDS or first in GIVEN_NAMES \
            or first in ORG_WORDS or first in _SHARED_FIRST_WORDS:
        return None
    return words[0]


#: Capitalised first words many companies share, never one company alone; hand-listed.
_SHARED_FIRST_WORDS = frozenset("united royal national general first new north south east west central global "
                                "international american british european".split())


def _full_name_of(text: str, word: str) -> ParsedName | None:
    """The person ``text`` shows the bare word ``word`` to be, if any: a known given name before it anywhere
    in the page (captions included: "Theo Castellanos"), else a person's relative clause after it
    ("Castellanos, who stars as …")."""
    for found in re.finditer(rf"\b([A-Z][a-z]+)\s+{re.escape(word)}\b", text):
        given = fold(found.group(1))
        if given in MALE_NAMES or given in FEMALE_NAMES:
            return parse_name(f"{found.group(1)} {word}")
    if re.search(rf"\b{re.escape(word)},\s+who\b", text):
        return parse_name(word)
    return None


def resolve_speakers(work: Work) -> None:
    """Resolve every candidate's speaker in ``work`` and fill ``work.entities``.

    Sets ``speaker_id``, ``speaker_name`` and ``resolve_origin`` on each
    candidate it resolves, and scales its confidence by the route taken.
    """
    table = build_table(work)
    resolver = _Resolver(work, table)
    cands = sorted(work.candidates, key=lambda c: (c.start, c.end))
    drop_byline_speakers(work, cands)
    chosen: dict[int, Resolution] = {}
    for i, c in enumerate(cands):
        if c.speaker is not None:
            res = resolver.resolve(c)
            if res.entity is not None:
                chosen[id(c)] = res
                resolver.note_speaker(c, res.entity)
                resolver.resolved_at[c.speaker] = res.entity
            resolver.note_previous(c, res)
        elif i > 0 and resolver.previous is not None and resolver.previous[0] is cands[i - 1] \
                and resolver.previous[1] is not None and _continues(table, cands[i - 1], c, resolver.previous[1]):
            # "“…,” a spokeswoman for Albion Rail said. / “…” / She added that …": a quotation that continues
            # the statement before it carries its speaker on to the pronoun after it
            resolver.previous = (c, *resolver.previous[1:])
    _first_person_in_letters(work.text, cands, chosen)
    for i, c in enumerate(cands):
        if c.speaker is None and i > 0:
            prev = cands[i - 1]
            res_prev = chosen.get(id(prev))
            if res_prev is not None and res_prev.entity is not None and _continues(table, prev, c, res_prev.entity) \
                    and not _own_cue_after(work.text, c.end) and not _new_he_or_she(work.text, table, c, res_prev.entity):
                chosen[id(c)] = Resolution(res_prev.entity, "resolve:continuation")
    entities, ids = table.entities()
    work.entities = entities
    by_id = {e.id: e for e in entities}
    for c in cands:
        res = chosen.get(id(c))
        if res is None or res.entity is None:
            continue
        eid = ids.get(res.entity)
        if eid is None:
            continue
        c.speaker_id = eid
        c.speaker_name = by_id[eid].name
        c.resolve_origin = res.origin
        c.confidence = c.confidence * CONFIDENCE_FACTOR.get(res.origin, 1.0)


def _new_he_or_she(text: str, table: EntityTable, cand: Candidate, entity: int) -> bool:
    """Whether ``cand``'s sentence opens with "He" or "She" that ``entity`` cannot be: a group of one whose
    gender is unknown ("the Presiding Officer", then "He withdrew the remark, but told reporters that …"), or a
    person of the other gender."""
    opening = _OPENING_PRONOUN.match(text, _sentence_start(text, cand.start), cand.start)
    if opening is None:
        return False
    d = table.draft(table.root(entity))
    gender = "male" if opening.group(1) == "He" else "female"
    return (d.type == "GROUP" and d.gender != gender) or (d.gender is not None and d.gender != gender)


def _first_person_in_letters(text: str, cands: list[Candidate], chosen: dict[int, Resolution]) -> None:
    """"I"/"we" in a reader's letter is its signer: "I cannot fathom how …" above "Michael Pravica"."""
    letters = [c for c in cands if c.origin.startswith("rule:letter") and c.speaker is not None and id(c) in chosen
               and c.cue is None]
    if not letters:
        return
    for c in cands:
        if c.speaker is None or id(c) in chosen or text[c.speaker[0] : c.speaker[1]].strip().lower() not in ("i", "we"):
            continue
        for letter in letters:
            if letter.start <= c.start and c.end <= letter.speaker[0]:  # type: ignore[index]
                chosen[id(c)] = Resolution(chosen[id(letter)].entity, "resolve:letter")
                break


#: Written things an issuer puts out, as :func:`_Resolver._issuer_before` matches them to "the statement".
_DOCS = (r"statement|letter|post|email|e-mail|release|tweet|message|memo|note|apology|video|notice"
         r"|opinion|ruling|judgment|judgement|order|decision|filing|update|resolution|motion|petition|bulletin")
#: Someone reading out another's statement: "Haldane read her written statement into the record".
_READ_OUT = re.compile(
    r"\bread\s+(?:out\s+|aloud\s+)?(?P<owner>her|his)\s+(?:[\w-]+\s+){0,2}?(?P<doc>statement|letter|remarks|note)\b"
)
#: The first of two people named as one issuer, just before the second: "Prime Minister Halvard Brekkestad and ".
_FIRST_OF_TWO = re.compile(r"(?:[A-Z][\w'’.-]*\s+){1,4}and\s+$")
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w'’.-]*\s+){1,4}$")
#: A plural pronoun's cue placed in a document already named: "They said in the statement that …".
_IN_THE_DOCUMENT = re.compile(
    r"\s+(?:also\s+)?(?:said|wrote|added|stated)\s+in\s+the\s+(?:joint\s+)?(?P<doc>statement|letter|memo|release)\b"
)
#: Paragraphs back that "in the statement" may reach for the statement it names (a wire story returns to a
#: joint statement a dozen paragraphs on).
DOCUMENT_PARAGRAPHS = 15
#: Documents a body passes rather than issues: only "the resolution" itself takes them up.
_PASSED_DOCS = frozenset("resolution motion petition".split())
#: Paragraphs before a definite document mention searched for who issued it ("In the memo, …, the CEO
#: wrote" three paragraphs before "According to the memo"); hand-set.
ISSUER_PARAGRAPHS = 3
#: Documents an issuer may put out without the text naming them ("X tweeted", "X posted").
_POSTED_DOCS = frozenset("post tweet message video".split())
#: Who issues: a noun phrase with an article or possessive, a pronoun, or a name after up to three
#: lower-case role words ("founder and CEO Jonah Trevelyan").
_ISSUER = (
    r"(?P<who>(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w'’-]+\s+){0,9}?[\w'’-]+"
    r"|[Hh]e|[Ss]he|[Tt]hey"
    # "Khan’s legal team", "Ms Corr's office": a named owner's people or office
    r"|(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w-]*['’]s?\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]+"
    r"|(?:(?:" + "|".join(sorted(ROLE_NOUNS | {"and", "co-founder", "former"}, key=len, reverse=True))
    + r")\s+){0,3}(?:[A-Z][\w'’.-]*\s+){0,5}[A-Z][\w'’-]+)"
)
#: "X issued a statement", "X posted", "X said in a statement": X, the last noun phrase or name
#: before the verb, and the document when named (``doc``). Issuing verbs other than tweeting and
#: posting need their document ("the footage released" issues nothing).
_ISSUED = re.compile(unicode_caps(
    _ISSUER + r"\s+(?:has\s+|had\s+|have\s+)?"
    r"(?:(?:issued|published|released|put\s+out|sent|posted|tweeted|passed|adopted|approved|tabled"
    r"|voted\s+(?:\S+\s+)?to\s+(?:pass|adopt|approve))\s+(?:a|an|its|their|his|her|the)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?(?P<doc>{_DOCS})s?"
    r"|tweeted|posted"
    rf"|(?:said|wrote|added)\s+in\s+(?:a|an|its|their|his|her)\s+(?:[\w-]+\s+)?(?P<doc2>{_DOCS}))\b"
))
#: "In a statement issued on behalf of the family, her parents said …", "In the memo, sent to staff
#: on Tuesday, founder and CEO Jonah Trevelyan wrote …": the document named first, its issuer the
#: subject after the comma (same subject shapes as _ISSUED).
_ISSUED_FRONTED = re.compile(unicode_caps(
    rf"\b[Ii]n\s+(?:a|an|the|its|their|his|her)\s+(?:[\w-]+\s+)?(?P<doc>{_DOCS})\b"
    r"(?:,[^.,;\n\"“”]{1,80}|[^.,;\n\"“”]{0,80}),\s+"
    + _ISSUER + r"\s+(?:said|wrote|added|found|ruled|argued|told|warned|stated)\b"
))
#: Epithets news gives a person already in focus, stating the fact in passing: an age
#: ("the 52-year-old") or a nationality noun ("the Scot"). Demonyms hand-listed from UK and
#: US sports and politics copy.
#: Role nouns that say a person's gender, for a description no descriptor matches ("the actress, 34,").
_FEMALE_ROLES = frozenset(
    "actress mother wife daughter sister woman girl queen princess duchess grandmother chairwoman "
    "spokeswoman businesswoman congresswoman councilwoman councillor-woman assemblywoman policewoman".split()
)
_MALE_ROLES = frozenset(
    "father husband son brother man boy king prince duke grandfather chairman spokesman businessman "
    "congressman".split()
)
_GENDERED_NOMINAL = re.compile(
    r"(?i:the)\s+(?:[\w-]+\s+){0,2}?(?P<noun>" + "|".join(sorted(_FEMALE_ROLES | _MALE_ROLES)) + r")"
    r"(?:-of-[\w-]+|\s+of\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+))?\b(?:,\s*\d{1,3},?)?$"
    # ... also a tabloid's "the mother-of-three", "the grandmother of four"
)
#: A role with an age set off by commas: "the star, 31," (the gendered ones are _GENDERED_NOMINAL's).
_ROLE_AND_AGE = re.compile(r"(?i:the)\s+(?:[\w-]+\s+){0,2}?[a-z-]+,\s*(?P<age>\d{1,3}),?$")
#: Nationality nouns news calls a person by ("the Scot", "the Finn"); hand-listed from sports and politics copy.
_DEMONYM_NOUNS = (
    r"Scot|Welsh(?:man|woman)|Irish(?:man|woman)|English(?:man|woman)|Briton|Ulsterman|American|Canadian|"
    r"French(?:man|woman)|Dutch(?:man|woman)|Spaniard|German|Italian|Portuguese|Dane|Swede|Norwegian|Finn|Belgian|"
    r"Swiss|Austrian|Pole|Croat|Serb|Australian|New\s+Zealander|Kiwi|South\s+African|Argentine|Argentinian|"
    r"Brazilian|Uruguayan|Colombian|Mexican|Nigerian|Ghanaian|Senegalese|Egyptian|Moroccan|Japanese|Korean|"
    r"Tongan|Samoan|Fijian|Georgian|Romanian|Jamaican|Kenyan|Indian|Pakistani|Chinese|Ukrainian|Russian|Greek|"
    r"Turkish|Israeli|Iranian|Iraqi|Filipino|Indonesian|Chilean|Peruvian|Cameroonian|Ivorian|Zimbabwean|"
    r"Ugandan|Ethiopian|Algerian|Tunisian|Czech|Slovak|Hungarian|Bulgarian|Icelander|Jordanian|Lebanese"
)
_EPITHET = re.compile(
    r"(?i:the)\s+(?:then[ -])?(?:(?P<age>\d{1,3})-year-old|(?:" + _DEMONYM_NOUNS + r"))(?=$|[\s,])"
)
#: A nationality epithet as the subject of a narrating sentence: "The Finn had led since Friday", "The Dane, who …".
_NARRATED_EPITHET = re.compile(
    r"(?P<epithet>\b[Tt]he\s+(?:" + _DEMONYM_NOUNS + r"))"
    r"(?=\s*,|\s+(?:had|has|was|is|would|will|could|can|did|does|who|then|also|now|later|still|[a-z]{3,}ed)\b)"
)
#: A relative pronoun opening a speaker mention: "who asked not to be named", "which".
_RELATIVE_MENTION = re.compile(r"(?:[Ww]ho|[Ww]hich|[Ww]hom|[Tt]hat)\b")  # (not "WHO", the World Health Organization)


def antecedent_of_relative(text: str, start: int, end: int) -> tuple[int, int]:
    """The span to resolve for a speaker mention: for "who …" the noun phrase it hangs on.

    A model can give the relative pronoun alone as the source ("…, who is
    expected to run again, said"); the speaker is the phrase before the comma.
    Any other mention is returned unchanged.

    >>> t = "Republican Tom Reddick, who is expected to run again, said so."
    >>> s, e = antecedent_of_relative(t, 24, 52); t[s:e]
    'Republican Tom Reddick'
    >>> antecedent_of_relative(t, 0, 16)
    (0, 16)
    >>> t = "A Labour MP who described the verdict as a travesty has apologised."
    >>> s, e = antecedent_of_relative(t, 12, 15); t[s:e]
    'A Labour MP'
    """
    if not _RELATIVE_MENTION.match(text, start, end):
        return start, end
    comma = text.rfind(",", max(0, start - 4), start)
    if comma >= 0 and not text[comma + 1 : start].strip():  # "Tom Reddick, who …"
        e = comma
    else:  # "A Labour MP who described …": a restrictive clause on a short subject
        e = start
        while e > 0 and text[e - 1].isspace():
            e -= 1
        if len(text[_sentence_start(text, e) : e].split()) > 6:
            return start, end
    lo = max(_sentence_start(text, e), *(text.rfind(c, 0, e) + 1 for c in ",;:(\n“\""))
    s = lo
    while s < e and text[s].isspace():
        s += 1
    return (s, e) if 0 < e - s <= 80 else (start, end)


#: A quotation's own attribution, unread, after it in its sentence: '“…,” the 11 members of the Group of Friends
#: … said in a joint statement': someone's, not a continuation of the speaker before.
_OWN_CUE_AFTER = re.compile(
    r"[\"”’']?\s*,?\s*[\"”’']?\s*(?!\s*(?:as\s+)?(?:he|she|they|I|we)\b)"  # (", as she … wrote": a pronoun may be theirs)
    r"[^.!?\n\"“”]{0,120}?\b(?:said|says|added|adds|told|wrote|writes|stated|insisted|warned)\b"
)


def _own_cue_after(text: str, end: int) -> bool:
    """Whether the quotation ending at ``end`` with a comma (inside its marks or after them) is followed by a cue
    in the same sentence."""
    after = text[end : end + 3].lstrip("\"”’' ")
    return (text[end - 1 : end] == "," or after.startswith(",")) and bool(_OWN_CUE_AFTER.match(text, end))
#: A non-restrictive clause or appositive closing a speaker's phrase: ", whose country co-drafted …", ", a former
#: logistics officer in the Danish navy".
_TRAILING_CLAUSE = re.compile(r"(?<=[\w)]),\s+(?:who|whose|which|a|an|the|now|himself|herself)\s")
#: A parliamentarian's group and country in brackets after the name: "(Renew, Estonia)", "(S&D, Spain)",
#: "(Greens/EFA, Denmark)", "(Tautoko - Waiariki)".
_GROUP_COUNTRY_TAG = re.compile(r"\s*\([A-Z][\w&/.’'-]*(?:[ -][A-Z&][\w&/.’'-]*){0,2}(?:,|\s+[-–]\s+)\s*[A-Z][\w.’' -]{1,30}\)")
#: A company named by its trade with "house": "the auction house", "the fashion house", "the publishing house".
_COMPOUND_BODY = re.compile(r"((?i:the))\s+(?:auction|fashion|publishing|trading)\s+house")
#: Titles of peers, whose name may close with where they are "of" ("Lord Ashworth of Kelsall").
_PEERAGES = frozenset("lord baroness lady viscount viscountess earl countess".split())
#: Members speaking as their body: "the 11 members of the Group of Friends", "the 27 member states of the EU".
_MEMBERS_OF = re.compile(r"(?i:the\s+)?(?:\d+|[a-z]+(?:-[a-z]+)?)\s+(?:members|member\s+states)\s+of\s+(?=(?:the\s+)?[A-Z])")
#: A fronted place before a speaker's phrase that the model took into it: "On | Lindsay Street, Dev, 29, …".
_FRONTED_PLACE = re.compile(r"(?:^|[.!?\n]\s*)(?:On|In|At|Along|Outside|Inside|Near)\s+$")


def drop_byline_speakers(work: Work, cands: list[Candidate]) -> None:
    """Forget a speaker mention that lies in a byline line ("By JAMES ORCHARD"): the author reports, not speaks.

    A model can read a byline under a standfirst as the source of the
    standfirst's reported speech; the journalist is never the speaker of what
    the article reports.
    """
    text = work.clean or work.text
    for c in cands:
        if c.speaker is None:
            continue
        s, e = c.speaker
        ls = text.rfind("\n", 0, s) + 1
        le = text.find("\n", e)
        le = len(text) if le < 0 else le
        if is_byline_at(text, ls, le):
            c.speaker = None


def _start_of(m: MentionRef) -> int:
    return m.start


def _memo(fits):
    """``fits`` remembered per entity for one search (it depends on the entity only)."""
    seen: dict[int, bool] = {}

    def cached(i: int) -> bool:
        if i not in seen:
            seen[i] = fits(i)
        return seen[i]

    return cached


#: A cue in the passive voice: "is widely seen", "was reported", "have been told".
_PASSIVE_CUE = re.compile(r"(?:is|are|was|were|be|been|being|(?:has|have|had) been)\s", re.IGNORECASE)


#: What may stand before a name that still opens its sentence: a short opening adverbial ("Hours
#: later, ") and/or the description the name is in apposition to ("the NCJ's spokesman, "), then a title.
_APPOSED_OPENING = re.compile(
    r"(?:[\w’'-]+(?: [\w’'-]+){0,3}, )?(?:(?:[Tt]he|[Aa]n?|[A-Z][\w’'-]*[’']s)\s[^,.;:\"“”]{0,80}, "
    r"|[A-Z][\w’'-]*[’']s\s(?:[a-z][\w-]*\s){1,3})?"  # "Kayla's mother Denise Brightwell"
    r"(?:[Tt]he\s)?(?:[A-Z][\w.’'-]*\s){0,3}"  # a title before the name: "Major General "; "Nationwide, the CDC"
)
_TITLED_OPENING = re.compile(r"(?:[A-Z][\w.’'-]*\s){0,3}(?P<role>(?:[a-z][\w-]*\s){1,2})")
#: Roles in a contest for office, which news gives the person just written about ("the aspirant said").
_CONTEST_NOUNS = frozenset("aspirant nominee contender challenger incumbent frontrunner candidate".split())
#: Parties as description tokens (a nominal naming one is taken up only by a description).
_PARTY_TOKENS = frozenset(description_tokens(" ".join(PARTY_WORDS)))
#: A body's name (in any case) with its initials in brackets, then perhaps a description.
_NAMED_WITH_ACRONYM = re.compile(r"(?P<name>[^\W\d_][^()]{2,80}?)\s*\([A-Z][A-Z0-9&.-]{1,9}\)(?:\s*,.*)?$")
#: A bracketed citation, date or picture pointer closing a speaker's phrase: "(Letters, 11 March)", "(pictured)".
_TRAILING_ASIDE = re.compile(
    r"\s*\((?:[^()]*\d[^()]*|" + "|".join(sorted(PICTURE_POINTERS)) + r")\)$"
    # a stock ticker: "Calderwood Instruments (CLDW.N)", "(NASDAQ: HLVD)"
    r"|\s*\((?:[A-Z]{1,5}\.[A-Z]{1,2}|(?:NYSE|NASDAQ|Nasdaq|LSE|TSX|ASX|AMEX)\s*:\s*[A-Z.]{1,8})\)$"
    r"|" + CLASS_YEAR.pattern + "$"  # a class year: "Maya Ortiz ’27"
    r"|\s*\([“\"‘'][^()“”\"]{1,30}[”\"’']\)$"  # a nickname: "Jonas Verhoeven (“Brakk”)"
    r"|\s*\([^()]{0,40}$"  # a bracket the span was cut inside: "Derek Ambler (Letters"
)


#: Fewest mentions that make a person the one a story is about (see _Resolver._story_subject).
STORY_SUBJECT_MENTIONS = 5
#: Fewest words of a page's first paragraph of running text (its lede); headlines and furniture have fewer.
LEDE_WORDS = 25
#: The rest of a hyphenated name a speaker span stops short of: "-Reid" after "Ashcombe".
_HYPHEN_REST = re.compile(r"[-‐][A-Z][\w'’]*(?:[-‐][A-Z][\w'’]*)*")
#: Where a body a speaker is "of" stands: "in Heraklion, Greece", "in Cedar Falls".
_TRAILING_PLACE = re.compile(
    r"\s+in\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?:,\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)?$"
)
_OF_A_BODY = re.compile(r"\s(?:of|at)\s+(?:the\s+)?[A-Z]")
#: A group that stands for a cause, and a charity, before or after its name ("the consumer group Holiday Rights",
#: "Holiday Rights, a consumer group"); hand-listed from consumer, campaign and community reporting.
_CAUSE_BODY = (
    r"(?:(?:consumer|campaign|campaigning|pressure|lobby|lobbying|advocacy|rights|action|residents['’]?|community"
    r"|protest|activist|environmental|patients['’]?|victims['’]?|parents['’]?|privacy|civil liberties|watchdog)"
    r"\s+(?:group|organi[sz]ation|body|network)|charity|think[- ]tank)"
)
_CAUSE_BODY_BEFORE = re.compile(r"\b" + _CAUSE_BODY + r"\s+\Z", re.I)
_CAUSE_BODY_AFTER = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?" + _CAUSE_BODY + r"\b", re.I)
#: A narrating sentence's subject before its verb: "The Indiana Republican | was blunter", "The 58-year-old | had".
_NARRATED_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))[ \t]*(?P<np>[Tt]he\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)"
    r"\s+(?:was|is|had|has|were|did|would|could|will|later|also|then)\b",
    re.M,
)
#: A party's member as a description's head ("the Indiana Republican", "the veteran Tory").
_PARTY_MEMBERS = frozenset("republican democrat tory conservative liberal socialist green nationalist".split())
#: An office of two or three capitalised words after "the": "the Presiding Officer", "the Lord Chancellor".
_CAPITALISED_OFFICE = re.compile(r"(?:[Tt]he)\s+(?P<office>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})")
#: A definite description of one person, at most five words: "The master", "The tanker’s master", "the trust's
#: director of nursing".
_DEFINITE_ROLE = re.compile(r"(?i:the)\s+(?:[\w’'-]+\s+){0,4}[\w-]+")
#: An appositive or relative clause that introduces who a role is: "The campaign's chairman|, a retired teacher who …".
_INTRODUCING_APPOSITIVE = re.compile(r",\s+(?:(?:a|an)\s+(?P<desc>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})|who\b)")
#: What says someone did not speak: "could not be reached for comment", "declined to comment", "did not respond to
#: a request for comment".
_NO_COMMENT = re.compile(
    r"\b(?:could not|couldn['’]t|cannot|can['’]t) be reached(?: for comment)?"
    r"|\b(?:declined|refused) to comment|\bdid not (?:respond|reply) to (?:a |repeated )?requests? for comment"
    r"|\bhas not (?:commented|responded)\b"
)
#: A statement opening with its maker announcing: "Kestonbury Athletic can confirm", "Harlow Rail would like to".
_ANNOUNCING = re.compile(
    r"[\"“‘']?\s*(?:The\s+)?(?P<name>[A-Z][\w'’&.-]*(?:\s+(?:[A-Z][\w'’&.-]*|of|and|for|&)){0,5})\s+"
    r"(?:can\s+confirm|(?:would|wishes|wish)\s+(?:like\s+)?to\s+(?:thank|apologise|apologize|confirm|announce|place)"
    r"|is\s+(?:pleased|delighted|saddened|deeply\s+saddened|sorry)\s+to|are\s+(?:pleased|delighted|saddened)\s+to"
    r"|(?:has|have)\s+(?:today\s+)?(?:parted\s+company|appointed|confirmed|announced)|announces?\b|confirms?\b)"
)
#: A picture credit up to a name: "(Photo: Kyle Marsden / | Heartland Courier)", "Photograph: | PA Media".
#: (text/clean.py blanks whole credit lines; resolve/ may not import it, so the labels are listed here too)
_PICTURE_CREDIT = re.compile(r"\b(?:Photo(?:graph)?s?|Picture|Image|Credit)\s*:[^\n():]{0,60}\Z", re.I)
#: What a source phrase can run on into after the speaker: a dangling function word the tagger took from the phrase
#: after it ("Lucien Marchetti of Ostrava Capital Partners | in [a note to clients]"), or where the speaker stood
#: ("Sir Roland Ashdown | from the chair", "the minister | at the dispatch box").
_DANGLING_TAIL = re.compile(
    r"\s+(?:" + DANGLING_WORDS + r"|via|the|a|an"
    r"|(?:from|at|behind)\s+the\s+(?:chair|dispatch box|despatch box|bench|dock|witness box|witness stand|stand"
    r"|pulpit|lectern|podium|stage|floor|platform)"
    r"|himself|herself|themselves|itself)$"  # ("Doyle-Ashby himself wrote on Instagram")
)
#: Someone's relation or fellow before a name: "Her classmate | Alfie, 10", "His brother | Nuno Ribeiro".
_OWNED_ROLE_BEFORE_NAME = re.compile(r"(?:[Hh]is|[Hh]er|[Tt]heir)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+(?=[A-Z][a-z])")
#: Someone's team or party by its name: "His Solvenza-Aurum team", "her Harbourline colleagues" is not one.
_OWNED_NAMED_TEAM = re.compile(
    r"(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?P<name>[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,3})\s+(?:team|club|squad|side|party)"
)
#: A body known by its function: "the governing body", "the sport's governing body", "the industry body".
_BODY_BY_FUNCTION = re.compile(
    r"(?i:the)\s+(?:(?:sport|game|industry|profession)['’]s\s+)?"
    r"(?:governing|industry|regulatory|professional|umbrella|representative|trade|peak|statutory|sporting)\s+body"
)
#: Words in the name of a body that governs or represents (what "the governing body" can take up).
_GOVERNING_BODY_WORDS = frozenset(
    "association federation union council board authority body institute confederation league organisation "
    "organization society commission chamber federación".split()
)
#: "The" and a name of several capitalised words: "the Sunday Clarion".
_NAMED_WITH_THE = re.compile(unicode_caps(r"(?:[Tt]he)\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})"))
#: A candidate's campaign: "The Abernathy campaign", "the Lindqvist camp".
_CANDIDATES_CAMPAIGN = re.compile(r"(?:[Tt]he\s+)?(?P<name>[A-Z][\w'’-]+)\s+(?:campaign|camp)")
#: A place after a person's name, ending the speaker's phrase: "Howard Kessler of Oregon".
_OF_A_PLACE = re.compile(r"\s+(?:of|from)\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)$")
#: A force's or a body's unit, in lower case, after its officer's name: "Sergeant Mark Ellery | of the roads policing
#: unit", "Detective Inspector Ruth Gale | from the major crime team".
_OF_A_UNIT = re.compile(r"\s+(?:of|from|in)\s+(?:the|its)\s+(?:[a-z][\w-]*\s+){0,3}"
                        r"(?:unit|team|squad|department|branch|division|section|directorate|command)$")
#: Nouns that take up a body of any name: "a spokeswoman for the group" (an alliance, a campaign, a coalition).
_GENERIC_BODY_NOUNS = frozenset("group organisation organization".split())
#: A comma after a description and the name it sets off ("the woman, | Gloria Ashworth, 68").
_NAME_SET_OFF = re.compile(r",[ \u00a0]+(?=[A-Z][\w'’-]+[ \u00a0]+[A-Z][\w'’-]+\s*[,.;])")
#: A lede's relative, named later: "The mother of a disabled teenager …", "The father of a young cyclist killed …".
_KIN_LEDE = re.compile(r"(?:[Tt]he|[Aa])\s+(?P<kin>mother|father|parents|widow|widower|wife|husband|sister|brother"
                       r"|daughter|son|grandmother|grandfather)\s+of\s+")
_FEMALE_KIN_LEDE = frozenset("mother widow wife sister daughter grandmother".split())
_MALE_KIN_LEDE = frozenset("father widower husband brother son grandfather".split())
#: "…, whose son Callum, 16, has attended …": a parent named by the child.
_WHOSE_CHILD = re.compile(r",\s+whose\s+(?:\w+\s+)?(?:son|daughter|child|children|boy|girl)\b")
#: How many paragraphs after a lede's relative the text may name them (set by hand: the third or fourth paragraph).
KIN_LEDE_PARAGRAPHS = 4
#: A local part of a named body: "the UCU branch", "the Unite branch", "the GMB section".
_BRANCH_OF = re.compile(r"(?i:the)\s+(?P<name>[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})\s+(?:branch|chapter|section)")
#: The reader of someone else's statement, just before a speaker span: "In a statement read (to the court) by …".
_READ_BY = re.compile(r"\bread\s+(?:out\s+)?(?:to\s+(?:the\s+)?\w+\s+)?(?:on\s+(?:her|his|their)\s+behalf\s+)?by\s+$")
#: A body taken up by its noun as the agent of a sentence ("disputed by the trust") or its subject ("The union said").
_BY_THE_BODY = re.compile(r"\bby\s+the\s+([a-z]+)\b")
_THE_BODY_OPENS = re.compile(r"[Tt]he\s+([a-z]+)\b")
#: A live entry's time stamp before a speaker: "02:30 - ", "14.05 — ".
_LEADING_STAMP = re.compile(r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s*)?[-–—|]\s*")
#: A fronted adverbial phrase run into the pronoun after it: "Within minutes of the announcement she".
_ADVERBIAL_THEN_PRONOUN = re.compile(
    r"(?:Within|In|On|At|After|Before|During|Over|Since|Later|Earlier|Minutes|Hours|Days|Moments)\b[^,.;:\n]{0,60}?\s"
    r"(?P<pron>he|she|they|we|I)"
)
#: A fronted setting before a speaker's name: "Outside parliament, | Access Forward, a coalition of …".
_LEADING_SETTING = re.compile(
    r"(?:Outside|Inside|Elsewhere|Meanwhile|Separately|Earlier|Later|In|At|On|After|Across|Back)\b[^,\n]{0,40},\s+(?=[A-Z])"
)
#: Where a speaker's phrase runs on into where they spoke: ", in a LinkedIn post that …", ", on her blog".
_TRAILING_SETTING = re.compile(
    r",\s+(?:in|on|via)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:post|statement|interview|e-?mail|letter|note|tweet|video|blog|podcast|message|comments?|thread|update)\b.*$",
    re.S,
)
#: A body named by whom it gathers: "the group of least developed countries", "a coalition of 40 charities".
_BODY_OF_MEMBERS = re.compile(
    r"(?P<the>(?:[Tt]he|[Aa])\s+)(?:group|bloc|coalition|alliance|union|network)\s+of\s+[a-z\d]"
)
#: An unnamed person opening a sentence, after at most a short fronted phrase: "At the next table, a man
#: celebrating …", "A mother of two whose children attend …".
_INDEFINITE_PERSON = re.compile(
    r"\s*(?:[A-Z][^,.;:\n]{0,40},\s+)?(?P<who>(?:[Aa]n?|[Oo]ne)\s+(?P<noun>man|woman|boy|girl|mother|father|grandmother"
    r"|grandfather|wife|husband|daughter|son|sister|brother)(?:\s+of\s+(?:two|three|four|five|six|\d+))?)\b"
)
#: An unnamed person after the verb of an inverted narrating sentence: "Standing at the back … was a woman holding …".
_INDEFINITE_INVERTED = re.compile(
    r"\b(?:was|stood|sat|came)\s+(?P<who>(?:an?|one)\s+(?P<noun>man|woman|boy|girl|mother|father|grandmother"
    r"|grandfather|wife|husband|daughter|son|sister|brother))\b"
)
#: Whom a narrator asks: "I asked Kilbride, …, whether", "we asked Ms Ruiz if".
_ASKED_WHOM = re.compile(r"\b(?:I|we|We)\s+asked\s+(?P<whom>(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w'’-]+)")
#: A role "of" or "at" a body, before the body's name: "The 47-year-old former principal of ".
_ROLE_OF_BODY = re.compile(r"(?P<role>(?:[Tt]he|[Aa]n?)\s+(?:[\w'’-]+\s+){0,4}?[a-z][\w-]*)\s+(?:of|at)\s+(?:the\s+)?")


#: Someone else described by age in a narrating sentence ("kept the 27-year-old quick on").
_AGED_OTHER = re.compile(r"(?<!\bas\s)\b(?:the|a|an)\s+\d{1,3}-year-old\b", re.I)  # (not "as a 12-year-old": an age once)
#: A relative clause set off by commas right after a name: ", who has trained Doyle since he was 12,".
_SUBJECT_RELATIVE = re.compile(r",\s+(?:who|whose)\b[^,.;:\n\"“”]{1,120},")
#: The body of a country, organisation or candidate a spokesperson's owner goes on to name: "(Russia)’s foreign
#: ministry", "(US) delegation", "(Oyelaran) campaign".
_BODY_AFTER_OWNER = re.compile(
    r"(?:['’]s?)?\s+(?P<body>(?:[a-z][\w-]*\s+){0,2}(?:ministry|embassy|delegation|government|presidency|mission"
    r"|consulate|negotiators|negotiating\s+team|campaign))\b.*",
    re.S,
)
#: Who writes for a document's owner, named after a comma: "(his) solicitors, Hallam Pryce", "(her) lawyer, Jo Bell".
_AGENT_OF_OWNER = re.compile(
    r"(?:his|her|their|its)\s+(?P<noun>solicitors?|lawyers?|attorneys?|barristers?|publicists?|agents?|representatives?)"
    r",\s+(?P<name>[A-Z][\w'’&.-]*(?:\s+(?:&\s+|and\s+)?[A-Z][\w'’&.-]*){0,4})"
)
#: A document and whom it is from: "A letter from his solicitors, Hallam Pryce,", "the email from Ofcom".
_DOC_FROM = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+)?(?P<doc>{_DOCS})\s+from\s+"
    r"(?P<who>(?:his|her|their|its)\s+[a-z]+,\s+[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,4}"
    r"|(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+(?:of\s+)?[A-Z][\w'’&.-]*){0,5})"
)
#: Heads of a description only a doctor answers to ("the consultant obstetrician", "the surgeon").
_DOCTOR_HEADS = frozenset(
    "doctor physician surgeon obstetrician gynaecologist gynecologist paediatrician pediatrician anaesthetist "
    "anesthetist anesthesiologist psychiatrist cardiologist oncologist neurologist radiologist pathologist "
    "gp consultant registrar neonatologist haematologist hematologist".split()
)
#: Titles a doctor's (a professor's) name carries, and such a title right before a name.
_DOCTOR_TITLES = frozenset("dr doctor prof professor".split())
_PROFESSOR_TITLES = frozenset("prof professor".split())
_TITLE_BEFORE = re.compile(r"\b(Dr|Doctor|Prof|Professor)\.?[ \u00a0]+\Z")
#: A name used as a modifier: "the Garrigue tackle", "a Whitmore century".
_MODIFIER_AFTER = re.compile(r"['’]?\s+[a-z]")


#: A body's organ: "the Student Government Association’s senate", "the union's executive".
_BODY_ORGAN = re.compile(
    r"(?:[Tt]he\s+)?(?P<org>[A-Z][\w&-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w&-]*){0,6})['’]s?\s+[a-z][\w-]*"
)


def _words_of(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+", text)


def _folded_words(text: str) -> set[str]:
    """The words of a name, folded ("Palmetto Tidewater Power" gives power, palmetto, tidewater)."""
    return {fold(w) for w in _words_of(text)}


#: Heads of indefinite mentions that name no one: documents, findings, renderings.
_NOT_ANYONE = frozenset(DOCUMENT_NOUNS | FINDING_NOUNS | {"translation", "transcript", "recording", "video", "clip"})
#: Most words an unnamed person's description may have to name them ("a 58-year-old electrician").
MAX_ANONYMOUS_WORDS = 6
#: How many paragraphs after an opening paragraph's unnamed subject may name them (see _named_in_lede_after);
#: hand-set ("A mother of three has told councillors …", a paragraph on the council's plans, then "Kerry Ashdown,
#: 38, …").
LEDE_NAMED_PARAGRAPHS = 2
#: Words of an office that make it another office than the bare one ("deputy chief constable" is not the chief
#: constable a lede means).
_NARROWER_OFFICE = frozenset("shadow deputy vice under junior".split())
#: A court speaking through its judge ("the court warned", "the bench said").
_JUDICIAL_NOUNS = frozenset("court bench tribunal".split())
#: A sentence opened by who asked the question it answers ("Asked by Villaraza who …, she said").
_ASKED_BY = re.compile(r"\s*[\"“‘']?(?:Asked|Questioned|Pressed|Quizzed)\s+(?:by|about)\s+")
#: Between a subject's name and its verb: nothing, or an adverb ("Hwalde then asked him").
_RIGHT_BEFORE_VERB = re.compile(r"\s+(?:(?:then|also|later|again|\w+ly)\s+)?")
#: One who asks someone else in narration: "Hwalde asked him why …", "pressed her on …".
_ASKED_THEM = re.compile(r"\b(?:asked|pressed|questioned|challenged)\s+(?P<them>him|her)\b")
#: Seats a nominal may give a politician by ("the Dublin Bay North TD", "the upper house MP").
SEAT_HEADS = frozenset("td mp msp mla mep ms am senator congressman congresswoman councillor councilor".split())
#: Offices and party roles that make a speaker a politician (as description tokens).
_OFFICE_TOKENS = frozenset("minister spokesperson senator mp msp mla mep td councillor leader whip".split())
#: Spokesperson nouns a definite nominal may repeat ("the spokesman said").
_SPOKES_HEADS = frozenset("spokesperson spokesman spokeswoman representative rep".split())
#: What :meth:`_Resolver.note_previous` records for a speaker who is one unnamed person ("one worker").
ANONYMOUS = "anonymous"


def _continues(table: EntityTable, prev: Candidate, cand: Candidate, speaker: int) -> bool:
    """True when ``cand`` directly follows ``prev`` with no one else named between.

    It must start in the same paragraph as ``prev`` ends or the next one, and
    the gap between them may not name another person outside quotation marks.
    A statement whose cue is passive ("The case … is widely seen as …", "it
    was reported that …") has no agent to continue; a participle or a verb
    sharing the subject before it ("…, warning that", "and said") does. Words
    that name the speaker by name are someone else's about them.
    """
    if table.paragraph_of(cand.start) - table.paragraph_of(prev.end) > 1:
        return False
    if cand.cue is not None and _PASSIVE_CUE.match(table.text, cand.cue[0], cand.cue[1]):
        return False
    speaker = table.root(speaker)
    k = bisect.bisect_left(table.mentions, prev.end, key=_start_of)
    for m in table.mentions[k : bisect.bisect_left(table.mentions, cand.start, key=_start_of)]:
        if m.end <= cand.start and not m.in_quote:
            r = table.root(m.entity)
            if r != speaker and table.drafts[r].type == "PERSON":
                return False
    if cand.speaker is not None and _described_subject_between(table, prev.end, cand.start):
        # "… / The Indiana Republican was blunter once the gavel fell. “…,” he wrote": someone else (a quotation
        # with no source of its own, "The 61-year-old was more blunt: “…”", is still the one in focus)
        return False
    # '“Nacho would have had to beat my lap first”' after Nacho's own words: someone answering him
    return speaker not in _persons_named_in(table, cand.content)


def _described_subject_between(table: EntityTable, lo: int, hi: int) -> bool:
    """Whether a narrating sentence in ``[lo, hi)`` opens with a person described, not named ("The Indiana
    Republican was blunter …", "The 58-year-old had …"), outside quotation marks."""
    for found in _NARRATED_SUBJECT.finditer(table.text, lo, hi):
        s, e = found.span("np")
        if table.in_quote(s, e):
            continue
        if classify_mention(table.text, s, e).kind == MentionKind.NOMINAL and _describes_a_person(found.group("np")):
            return True
    return False


def _describes_a_person(np: str) -> bool:
    """Whether a definite description's head is a person's ("The Indiana Republican", "The 58-year-old", "The
    Premier"), not a thing's ("The early years")."""
    head = fold(np.split()[-1])
    return head in ROLE_NOUNS or head in ANONYMOUS_HEADS or head in _FEMALE_ROLES or head in _MALE_ROLES \
        or head in _PARTY_MEMBERS or _EPITHET.match(np) is not None


def _persons_named_in(table: EntityTable, spans) -> set[int]:
    """The persons named (by a name, not a pronoun) inside ``spans``."""
    named = set()
    for s, e in spans:
        k = bisect.bisect_left(table.mentions, s, key=_start_of)
        while k < len(table.mentions) and table.mentions[k].start < e:
            mr = table.mentions[k]
            k += 1
            r = table.root(mr.entity)
            if table.drafts[r].type == "PERSON" and table.text[mr.start : mr.start + 1].isupper() \
                    and table.text[mr.start : mr.end].lower() not in PRONOUNS:
                named.add(r)
    return named


class _Resolver:
    """Resolution of one article's mentions against its entity table."""

    def __init__(self, work: Work, table: EntityTable):
        self.work = work
        self.table = table
        self.text = table.text
        #: (position, entity) of each resolved speaker so far, in order
        self.speakers: list[tuple[int, int]] = []
        #: the last candidate with a speaker mention, and the spokesperson noun it named (or
        #: ANONYMOUS for one unnamed source), if any
        self.previous: tuple[Candidate, int | None, str | None] | None = None
        #: whom the last spokesperson spoke for ("a PGMOL spokesperson said" … "the spokesperson added")
        self.last_spokesperson: int | None = None
        #: entities no salient search may return while one mention is resolved again (see resolve)
        self._excluded: frozenset[int] = frozenset()
        #: every attributed content piece, sorted: what someone said, not who is in the story
        self._contents = sorted(r for c in work.candidates for r in c.content)
        self._content_starts = [s for s, _ in self._contents]
        #: whether a name is only ever written as a place, per name: each answer scans the whole text
        self._place_names: dict[str, bool] = {}
        #: where every attribution's cue starts, sorted: "is there a cue in this sentence" by bisection
        self._cue_starts = sorted(c.cue[0] for c in work.candidates if c.cue)
        #: the maker of the last document named with one, per head noun ("Department for Education guidance …
        #: / The guidance also says"): (position, entity)
        self._document_makers: dict[str, tuple[int, int]] = {}
        #: each speaker span resolved so far and whom it named ("the club said in a statement" for "The statement
        #: added that …")
        self.resolved_at: dict[tuple[int, int], int] = {}
        #: the one-word companies the whole page shows (see _company_words)
        self._page_companies: dict[str, int] | None = None
        self._note_nationality_epithets()

    def _note_nationality_epithets(self) -> None:
        """Give the person a narrating sentence opens the nationality the next sentence calls its subject by:
        "Aatu Lindqvist crashed out of the lead … . The Finn had led since Friday" makes Lindqvist the Finn, so a
        later "the Welshman said" is someone else. Only an epithet opening its sentence as the subject of a verb,
        outside quotation marks and attributed content, and right after a sentence a person's name opens."""
        for found in _NARRATED_EPITHET.finditer(self.text):
            pos = found.start("epithet")
            sent = _sentence_start(self.text, pos)
            if self.text[sent:pos].strip(" \t\n\"“‘'") or self._in_content(pos) or self.table.in_quote(pos, found.end()):
                continue
            back = len(self.text[:sent].rstrip())  # (over a paragraph break too: the story's last sentence)
            prev = _sentence_start(self.text, max(0, back - 1))
            while prev < back and self.text[prev] in " \t\n\"“‘'":
                prev += 1
            person = self._person_opening(prev, back)
            desc = normalise_descriptor(found.group("epithet"))
            if person is not None and desc and nationality(desc) is not None:
                self.table.draft(person).add_descriptor(pos, desc)

    def _in_content(self, pos: int) -> bool:
        """Whether ``pos`` lies inside some candidate's content."""
        k = bisect.bisect_right(self._content_starts, pos) - 1
        return k >= 0 and pos < self._contents[k][1]

    def _opens_sentence(self, pos: int) -> bool:
        """Whether a mention at ``pos`` opens its sentence, outside any attributed content.

        "Gemma Farrell, whose son …, was among parents …" introduces a subject;
        "Hartley said Vane had …" only talks about Vane, and "Tully said on
        Unfiltered with Dana Reyes" names Reyes in passing.
        """
        if self._in_content(pos):
            return False
        before = self.text[_sentence_start(self.text, pos) : pos].lstrip(" \t\n\"“‘'")
        # "Hours later, the NCJ's spokesman, Sami al-Obeidi, went further": a name in apposition to the
        # subject, after a short opening adverbial, opens the sentence too
        if not before.strip() or _APPOSED_OPENING.fullmatch(before) is not None:
            return True
        # "Harrowdale manager Gary Pennock, meanwhile, is expecting …": a role in lower case before the name
        titled = _TITLED_OPENING.fullmatch(before)
        return titled is not None and all(is_role_word(w) for w in titled.group("role").split())

    def note_previous(self, cand: Candidate, res: Resolution) -> None:
        """Remember ``cand`` as the latest attributed candidate (for a pronoun taking up its spokesperson)."""
        assert cand.speaker is not None
        m = classify_mention(self.work.text, *antecedent_of_relative(self.work.text, *cand.speaker))
        noun = re.search(r"spokes(?:wo)?man|spokesperson|representative|\brep\b", m.text, re.I)
        # (or one for a person named with a title: "A spokesperson for Health Secretary Emyr Gwallter")
        spokes = noun is not None and (m.kind == MentionKind.SPOKESPERSON or _SPOKES_FOR.match(m.text) is not None)
        if spokes:
            self.previous = (cand, res.entity, noun.group().lower())  # type: ignore[union-attr]
            if res.entity is not None:
                self.last_spokesperson = res.entity
        else:
            # "One worker, who did not want to be named, said …" / "“…,” he said": one unnamed person
            anonymous = m.number == "sg" and (m.kind == MentionKind.GROUP or (
                m.kind == MentionKind.INDEFINITE and (_is_person_noun(m.text)  # "a woman who …", not "a cooling engine"
                                                      # "One commuter, who did not want to be named,": a person
                                                      or UNNAMED_AFTER.match(self.work.text, m.span[0] + len(m.text)))))
            # ... or one person resolved to a group of one ("The town's fire marshal, who has responded to …, said")
            anonymous = anonymous or (res.entity is not None and self.table.draft(res.entity).type == "GROUP"
                                      and self.table.draft(res.entity).individual)
            self.previous = (cand, res.entity, ANONYMOUS if anonymous else None)

    def _spokesperson_taken_up(self, m: SpeakerMention, cand: Candidate) -> int | None:
        """The body whose spokesperson (or the unnamed source who) spoke just before, when pronoun ``m`` takes them up.

        "A spokeswoman for NHS Lothian said: '…' / She added that …": "she" is
        the spokeswoman, who resolved to her organisation (no PERSON to find);
        "One worker said … / '…,' he said": "he" is that worker.
        The spokesperson's noun must fit the pronoun's gender (spokeswoman: she,
        spokesman: he; spokesperson and representative: either), and the
        pronoun's statement must continue the previous one (see _continues).
        """
        if self.previous is None or m.number != "sg":
            return None
        prev, entity, noun = self.previous
        if noun is None or entity is None or not cand.content or prev.end > cand.start:
            return None  # (a probe for a chained pronoun has no statement to continue one)
        wanted = {"spokeswoman": "female", "spokesman": "male"}.get(noun)
        if noun == ANONYMOUS and prev.speaker is not None:
            # "A woman who declined to give her name … said … / '…,' she said": her, not a man
            words = {w.lower() for w in re.findall(r"[A-Za-z]+", self.text[prev.speaker[0] : prev.speaker[1]])[:3]}
            wanted = "female" if words & _FEMALE_ROLES else "male" if words & _MALE_ROLES else None
        if wanted is not None and m.gender is not None and m.gender != wanted:
            return None
        return entity if _continues(self.table, prev, cand, entity) else None

    def note_speaker(self, cand: Candidate, entity: int) -> None:
        # where the statement ends, when that is after its speaker: "Mr Fane wrote: / “…” / “…” / “…”" keeps
        # him in the window of paragraphs of the "He went on to say" after it
        pos = max(cand.speaker[0], cand.end - 1) if cand.speaker else cand.start
        bisect.insort(self.speakers, (pos, self.table.root(entity)), key=lambda x: x[0])

    def _speakers_between(self, lo: int, hi: int) -> list[int]:
        """Speakers noted at positions in ``[lo, hi)``, in order (bisect over the sorted notes)."""
        a = bisect.bisect_left(self.speakers, lo, key=lambda x: x[0])
        b = bisect.bisect_left(self.speakers, hi, key=lambda x: x[0])
        return [ent for _, ent in self.speakers[a:b]]

    def resolve(self, cand: Candidate) -> Resolution:
        assert cand.speaker is not None
        s, e = antecedent_of_relative(self.work.text, *cand.speaker)
        hyphenated = _HYPHEN_REST.match(self.work.text, e)
        if hyphenated is not None:
            e = hyphenated.end()  # "Ashcombe" cut from "Ashcombe-Reid": the whole name
        aside = _TRAILING_ASIDE.search(self.work.text, s, e)
        if aside is not None and aside.start() > s:
            e = aside.start()  # "Derek Ambler (Letters, 11 March)": the writer, not where he wrote
        clause = _TRAILING_CLAUSE.search(self.work.text, s, e)
        if clause is not None and clause.start() > s:
            head_kind = classify_mention(self.work.text, s, clause.start()).kind
            full_kind = classify_mention(self.work.text, s, e).kind
            relative = clause.group().split()[-1] in ("who", "whose", "which")
            if (full_kind in (MentionKind.UNKNOWN, MentionKind.NOMINAL) and head_kind in (
                    MentionKind.NAME, MentionKind.NOMINAL, MentionKind.ORG) + ((MentionKind.UNKNOWN,) if relative else ())) \
                    or (full_kind == MentionKind.GROUP and head_kind == MentionKind.NOMINAL):
                # "Ambassador Ibrahim Konteh of Sierra Leone, | whose country co-drafted the resolution,", "The IFRA
                # chief, | a former logistics officer in the Danish navy,", "The Global Motorsport Federation (GMF),
                # | the sport's governing body", "The 31-year-old, | the youngest member of the environment
                # committee" (no group of members): who speaks is the phrase before the aside
                e = clause.start()
        members = _MEMBERS_OF.match(self.work.text, s, e)
        if members is not None:
            s = members.end()  # "the 11 members of | the Group of Friends …": the body they speak as
        if self.work.text[max(0, s - 12) : s].endswith(", ") and classify_mention(self.work.text, s, e).kind in (
                MentionKind.INDEFINITE, MentionKind.GROUP):
            person = self._person_ending_at(s - 2)
            if person is not None:
                # "Whitlow, | a towel still draped over her sequinned dress, said": the appositive is not who speaks
                return Resolution(person, "resolve:appositive")
        fronted = _FRONTED_PLACE.search(self.work.text, max(0, s - 12), s)
        comma = self.work.text.find(",", s, e)
        if fronted is not None and comma > s and classify_mention(self.work.text, s, comma).kind == MentionKind.NAME \
                and fold(self.work.text[s:comma].split()[-1]) in PLACE_WORDS:
            rest = comma + 1 + len(self.work.text[comma + 1 : e]) - len(self.work.text[comma + 1 : e].lstrip())
            if classify_mention(self.work.text, rest, e).kind in (MentionKind.NAME, MentionKind.APPOSITIVE):
                s = rest  # "On Lindsay Street, | Dev, 29, a delivery driver, told Pennock": where, then who
        tag = _GROUP_COUNTRY_TAG.search(self.work.text, s, e)
        if tag is not None and tag.start() > s and classify_mention(self.work.text, s, tag.start()).kind in (
                MentionKind.NAME, MentionKind.APPOSITIVE):
            e = tag.start()  # "rapporteur Kristiina Vaher | (Renew, Estonia)", "Tomasz Rędzia | (ECR, Poland), the …"
        kin_role = _OWNED_ROLE_BEFORE_NAME.match(self.work.text, s, e)
        if kin_role is not None and classify_mention(self.work.text, kin_role.end(), e).kind in (
                MentionKind.NAME, MentionKind.APPOSITIVE):
            s = kin_role.end()  # "Her classmate | Alfie, 10": the name, not whose classmate he is
        stamp = _LEADING_STAMP.match(self.work.text, s, e)
        if stamp is not None:
            s = stamp.end()  # "02:30 - One European negotiator": a live entry's time, then who
        adverbial = _ADVERBIAL_THEN_PRONOUN.fullmatch(self.work.text, s, e)
        if adverbial is not None:
            s = adverbial.start("pron")  # "Within minutes of the announcement she (wrote on Instagram:)": she
        setting = _LEADING_SETTING.match(self.work.text, s, e)
        if setting is not None and classify_mention(self.work.text, s, e).kind == MentionKind.UNKNOWN and (
                classify_mention(self.work.text, setting.end(), e).kind != MentionKind.UNKNOWN
                or self._body_opening(setting.end(), e).entity is not None):
            s = setting.end()  # "Outside parliament, Access Forward, a coalition of disability charities"
        place = _TRAILING_PLACE.search(self.work.text, s, e)
        if place is not None and place.start() > s and _OF_A_BODY.search(self.work.text, s, place.start()) \
                and classify_mention(self.work.text, s, e).kind != MentionKind.ORG:  # (not "the Group of … in Kessaria")
            e = place.start()  # "Kaveh Rostampour of the Aegean Marine Institute | in Heraklion, Greece"
        dangling = _DANGLING_TAIL.search(self.work.text, s, e)
        if dangling is not None and dangling.start() > s:
            e = dangling.start()  # "Sir Roland Ashdown | from the chair", "… Capital Partners | in (a note)"
        e = self._name_end_before_home(s, e)  # "Howard Kessler | of Oregon said"
        setting = _TRAILING_SETTING.search(self.work.text, s, e)
        if setting is not None and setting.start() > s:
            e = setting.start()  # "Arlo Finnegan, head of …, in a LinkedIn post that has since been shared"
        if _READ_BY.search(self.work.text, max(0, s - 30), s):
            # "In a statement read by Detective Sergeant Paul Hesketh, of West Marlshire Police, Ellie’s mother,
            # Joanne Brandwood, described …": the one whose statement it is, named last, not its reader
            people = [n for n in find_names(self.work.text, s, e) if n.type == "PERSON"]
            if len(people) >= 2 and people[-1].end == e:
                s = people[-1].start
        pair = self._two_named(s, e)
        if pair is not None:
            return Resolution(pair, "resolve:group")  # "Prime Minister A and President B said in a joint statement"
        if _PARTICIPLE_OPENER.fullmatch(self.work.text, s, e) and _AFTER_PARTICIPLE.match(self.work.text, e):
            # "Prosecuting, Helen Marsh KC told the court", "Writing on the fashion site Threadline, …": a fronted
            # participle, never a name
            return Resolution(None, "resolve:unknown")
        if e - s == 1 and self.work.text[s] in "AQ":
            return Resolution(None, "resolve:unknown")  # a transcript's "A:" or "Q:", no one's name
        m = classify_mention(self.work.text, s, e)
        known = self.table.mention_at(*m.span)
        if known is not None and m.kind not in (MentionKind.NAME, MentionKind.APPOSITIVE, MentionKind.PRONOUN) \
                and self.table.draft(known).type == "PERSON":
            if m.kind in _ROLE_KINDS and known in self._named_inside(cand.content, lambda i: True):
                return Resolution(None, "resolve:nominal")  # "“Congrats Tereza …” the world No. 1 wrote": not Tereza
            return Resolution(known, "resolve:nominal")  # an opening role given to its person
        its = _ITS_ROLE.fullmatch(m.text) if m.kind == MentionKind.UNKNOWN else None
        if its is not None and (fold(_head_word(its.group("role"))) in ROLE_NOUNS or fold(its.group("role")) in ROLE_TITLES):
            # "prompting its headteacher to accuse inspectors of …": the body's own officer, as "the headteacher"
            m = replace(m, kind=MentionKind.NOMINAL, text=f"the {its.group('role')}")
        handler = getattr(self, f"_resolve_{m.kind}", None)
        if handler is None:
            return self._body_opening(s, e)
        res: Resolution = handler(m, cand)
        if res.entity is not None and m.kind in _ROLE_KINDS and res.entity == self._asker(m.span[0]):
            # "Asked by Ms Gilchrist why …, the 54-year-old said": the one answering, never the one who asks
            asker = res.entity
            res = self._again_without(handler, m, cand, frozenset({asker}))
            if res.entity == asker:
                return Resolution(None, res.origin)
        if res.entity is not None and m.kind in _ROLE_KINDS and res.entity in self._named_inside(cand.content, lambda i: True):
            # "“The matter concerning Mr. Hatano is …,” the top government spokesman said": a role is never the
            # person its own words name; the one it fits besides them ("The 31-year-old said he had spoken to
            # Mabbott …" is the captain the story is about), else no one
            named = frozenset(self._named_inside(cand.content, lambda i: True))
            res = self._again_without(handler, m, cand, named)
            if res.entity is None or res.entity in named:
                return Resolution(None, res.origin)
        if res.entity is not None and m.kind not in _OWNED_KINDS:
            self.table.add_mention(res.entity, *m.span, subject=True)
        return res

    def _again_without(self, handler, m: SpeakerMention, cand: Candidate, excluded: frozenset[int]) -> Resolution:
        """``handler``'s resolution of ``m`` once more, with ``excluded`` out of every candidate set."""
        self._excluded = excluded
        try:
            return handler(m, cand)
        finally:
            self._excluded = frozenset()

    def _person_starting_at(self, start: int) -> int | None:
        """The person whose table mention starts at ``start`` ("Carla Benning" of "The woman, Carla Benning"), else
        None."""
        return next((r for r, _ in self._mentions_in(start, start + 1) if self.table.draft(r).type == "PERSON"), None)

    def _person_ending_at(self, end: int) -> int | None:
        """The person whose table mention ends at ``end`` ("Whitlow" of "Whitlow, a towel …"), else None."""
        return next((r for r, mr in self._mentions_in(end - 80, end)
                     if mr.end == end and self.table.draft(r).type == "PERSON"), None)

    def _body_opening(self, s: int, e: int) -> Resolution:
        """The organisation the table found opening a mention no rule could read, before its appositive
        ("Access Forward, a coalition of disability charities"), or closing it after the kind of body it is
        ("trade body UK Finance"), else no one."""
        k = bisect.bisect_left(self.table.mentions, s, key=_start_of)
        while k < len(self.table.mentions) and self.table.mentions[k].start < e:
            mr = self.table.mentions[k]
            r = self.table.root(mr.entity)
            k += 1
            if self.table.draft(r).type != "ORG":
                continue
            if mr.start == s and mr.end < e and self.work.text.startswith(",", mr.end):
                return Resolution(r, "resolve:org")
            if mr.end == e and self.work.text[s : mr.start].islower():
                return Resolution(r, "resolve:org")  # "trade body UK Finance": the kind of body, then its name
            last = self.work.text.rfind(", ", s, mr.start)
            described = re.sub(r"\S+-based\b", "", self.work.text[last + 2 : mr.start]) if last >= 0 else ""
            if mr.end == e and described.strip() and described.islower():
                # "Haneul's shirt sponsor, the Busan-based energy drink brand Vireo": an appositive ending in its name
                return Resolution(r, "resolve:org")
        return Resolution(None, "resolve:unknown")

    # -- kinds ---------------------------------------------------------------
    def _resolve_name(self, m: SpeakerMention, cand: Candidate) -> Resolution:
        assert m.name is not None and m.name_span is not None
        end = self._name_end_before_home(*m.name_span)
        if end != m.name_span[1]:  # "Sen. Howard Kessler | of Oregon, then the chairman of …"
            m = replace(m, name=self.work.text[m.name_span[0] : end], name_span=(m.name_span[0], end))
        parsed = parse_name(m.name)
        if parsed.first is None or fold(parsed.first) not in GIVEN_NAMES:
            employed = self._role_of_body(m, cand)  # "The former chief financial officer of Veranta Health"
            if employed is not None:
                return employed
        if is_role_word(m.name.split()[-1]) and (parsed.first is None or fold(parsed.first) not in GIVEN_NAMES):
            # "as First Minister insists …" in a headline: a title alone, for the one person the page gives it to
            titled = self._titled_person(m.name, m.span[0])
            if titled is not None:
                return Resolution(titled, "resolve:nominal")
        found = self.table.find_person(parsed, m.span[0])
        partial = not parsed.is_full
        if found is None and len(parsed.tokens) <= 2 and (
                parsed.first is None or fold(parsed.first) not in GIVEN_NAMES):
            body = body_named_by(self.table, " ".join(parsed.tokens))
            if body is not None:  # "Brindlemark" for "Brindlemark Inc.", when no person has that name
                self.table.add_mention(body, *m.name_span)
                return Resolution(body, "resolve:org")
            known = self.table.mention_at(*m.name_span) if len(parsed.tokens) == 1 else None
            if known is not None and self.table.draft(known).type == "ORG" and " " in self.table.draft(known).name:
                return Resolution(self.table.root(known), "resolve:org")  # "Corvane said", linked to Corvane Cloud
        if not parsed.honorific and self._only_a_place(m.name):
            # "now a paramedic in Preston, paid tribute", "reporting from Amman": a place, never a speaker
            return Resolution(None, "resolve:place")
        known = self.table.mention_at(*m.name_span) if found is None else None
        if known is not None and self.table.root(known) in self.table.place_named:
            # "Healthwatch Elmford, the independent patient champion for the area, said": the body the names
            # found typed so (see entities._retype_place_named), not a new person of that name
            return Resolution(self.table.root(known), "resolve:org")
        if found is None and len(parsed.tokens) == 1:
            if not parsed.honorific and _CAMEL_PRODUCT.fullmatch(parsed.tokens[0]):
                # "UltraEdge showed a flat line", "YouTube said": a product or a company, never a person
                return Resolution(self._org(parsed.tokens[0], m.name_span), "resolve:org")
            if not parsed.honorific and looks_like_company(self.table.text, parsed.tokens[0]):
                # "Orrin calls it …" where "Orrin CEO …" and "Orrin, the startup behind …" show a company
                return Resolution(self._org(parsed.tokens[0], m.name_span), "resolve:org")
        if found is None and self._names_a_work(*m.name_span):
            return Resolution(None, "resolve:unknown")  # "No Quiet Exit, which the Sentinel serialises": a book
        if found is None:
            name = " ".join(parsed.tokens) if parsed.is_full else m.name
            found = self.table.new(name, "PERSON", parsed)
            partial = False
        elif partial and self.table.draft(found).parsed and not self.table.draft(found).parsed.is_full:  # type: ignore[union-attr]
            partial = False
        d = self.table.draft(found)
        for desc in m.descriptors:
            d.add_descriptor(m.span[0], desc)
        if m.gender and d.gender is None:
            d.gender = m.gender  # "who gave her name as Mere": she
        self.table.add_mention(found, *m.name_span, subject=True)
        return Resolution(found, "resolve:partial-name" if partial else "resolve:name")

    def _names_a_work(self, s: int, e: int) -> bool:
        """Whether a table mention inside ``[s, e)`` is of a document the text names as a work ("the book, No
        Quiet Exit,")."""
        return any(self.table.draft(r).type == "DOCUMENT" for r, _ in self._mentions_in(s, e))

    def _only_a_place(self, name: str) -> bool:
        """:func:`_only_a_place` for this article, once per name (a 5 MB page names the same people thousands of
        times, and each answer scans the whole text)."""
        if name not in self._place_names:
            self._place_names[name] = _only_a_place(self.work.text, name, self.table.in_quote)
        return self._place_names[name]

    def _introduced_as(self, index: int, noun: str) -> bool:
        """Whether the text puts ``noun`` right before a mention of body ``index`` ("the charity Nile Mercy Relief",
        "marine insurer Carrow Mutual") or in an appositive after it ("Turismo Atlántico Galego, the consortium
        that markets the coast")."""
        text = self.table.text
        before = re.compile(r"\b(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+)?" + re.escape(noun) + r"\s+\Z", re.I)
        # (an appositive, closed as one: not "In a filing with the SEC, the company said")
        after = re.compile(r",\s+(?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,2}" + re.escape(noun)
                           + r"(?=\s*[,;)]|\s+(?:that|which|whose|behind|based|in|with|founded|owned|run|known|of|for)\b)", re.I)
        return any(before.search(text[max(0, s - 40) : s]) or after.match(text, e)
                   for s, e in self.table.drafts[index].mentions)

    def _announcer(self, cand: Candidate, fits) -> int | None:
        """The body that ``fits`` and whose name opens ``cand``'s statement as the one announcing ("Kestonbury
        Athletic can confirm that …", "Harlow Rail would like to apologise …"); None otherwise ("Helix sets the
        rules" names a rival)."""
        if not cand.content:
            return None
        opening = _ANNOUNCING.match(self.table.text, cand.content[0][0], cand.content[0][1])
        if opening is None:
            return None
        name = fold(opening.group("name"))
        return next((i for i, d in enumerate(self.table.drafts)
                     if d.merged_into is None and fits(i) and fold(d.name) == name), None)

    def _introduced_as_cause(self, index: int) -> bool:
        """Whether the text introduces body ``index`` as a cause's group or a charity ("the consumer group Holiday
        Rights", "Holiday Rights, a consumer group"): what "the company" never means."""
        text = self.table.text
        return any(_CAUSE_BODY_BEFORE.search(text[max(0, s - 60) : s]) or _CAUSE_BODY_AFTER.match(text, e)
                   for s, e in self.table.drafts[index].mentions)

    def _name_end_before_home(self, s: int, e: int) -> int:
        """Where a person's name in ``[s, e)`` ends when a place follows it ("Sen. Howard Kessler | of Oregon"),
        else ``e``: the place must close the span, hold no organisation word, and follow a full name."""
        home = _OF_A_PLACE.search(self.work.text, s, e)
        if home is None or home.start() <= s or any(fold(w) in ORG_WORDS for w in home.group(1).split()):
            home = _OF_A_UNIT.search(self.work.text, s, e)  # "Sergeant Mark Ellery | of the roads policing unit"
            if home is None or home.start() <= s:
                return e
        people = find_names(self.work.text, s, home.start())
        if people and people[-1].type == "PERSON" and people[-1].end == home.start() \
                and (fold(people[-1].text.split()[0]) in GIVEN_NAMES or fold(people[-1].text.split()[0]) in _PEERAGES):
            return home.start()  # (a peer's territorial designation too: "Lord Pemberton | of Hale")
        return e

    def _resolve_appositive(self, m: SpeakerMention, cand: Candidate) -> Resolution:
        if m.name and m.name_span and _describes_a_body(m):
            # "Pryvilskoblenergo, the regional power distribution company, said": an organisation
            return Resolution(self._org(m.name, m.name_span), "resolve:org")
        res = self._resolve_name(m, cand)
        return Resolution(res.entity, "resolve:appositive")

    def _resolve_org(self, m: SpeakerMention, cand: Candidate) -> Resolution:
        employed = self._role_of_body(m, cand)
        if employed is not None:
            return employed
        return Resolution(self._org(m.name or m.text, m.name_span or m.span), "resolve:org")

    def _role_of_body(self, m: SpeakerMention, cand: Candidate) -> Resolution | None:
        """"The 47-year-old former principal of Harwood East High School said": a person the body employs,
        the one in focus when a description fits, else no one named; never the body itself. None when the
        mention is no role of a body."""
        if m.name_span is None or m.name_span[0] <= m.span[0]:
            return None
        role = _ROLE_OF_BODY.fullmatch(self.work.text, m.span[0], m.name_span[0])
        if role is None or fold(role.group("role").split()[-1]) not in ROLE_NOUNS:
            return None
        sub = SpeakerMention(MentionKind.NOMINAL, role.group("role"), role.span("role"))
        res = self._resolve_nominal(sub, cand)
        if res.entity is not None and self.table.draft(res.entity).type == "PERSON":
            return res
        named = self._identified_next(sub)
        if named is not None:
            desc = normalise_descriptor(self.work.text[m.span[0] : m.span[1]])
            if desc:
                self.table.draft(named).add_descriptor(m.span[0], desc)  # "the former finance chief" later
        return Resolution(named, "resolve:nominal")

    def _story_subject_alone(self, pos: int, fits) -> int | None:
        """The person the story is about (:meth:`_story_subject`, anywhere before ``pos``) when they ``fit``
        and no one else at all, person or body (a parse may type a person as a body), is named outside
        quotation marks in this paragraph or the one before, nor speaks there by any mention but a pronoun."""
        subject = self._story_subject(pos, anywhere=True)
        if subject is None or not fits(subject):
            return None
        table = self.table
        lo = table.paragraphs[max(0, table.paragraph_of(pos) - 1)][0]
        k = bisect.bisect_left(table.mentions, lo, key=_start_of)
        while k < len(table.mentions) and table.mentions[k].start < pos:
            mr = table.mentions[k]
            k += 1
            r = table.root(mr.entity)
            if not mr.in_quote and r != subject and table.draft(r).type in ("PERSON", "ORG"):
                return None
        own = table.paragraphs[table.paragraph_of(pos)][0]
        for c in self.work.candidates:
            if c.speaker is not None and lo < c.end <= own and fold(self.text[c.speaker[0] : c.speaker[1]]) not in PRONOUNS:
                return None  # "“…,” the major said. / “…” / He said …": the one who just spoke, named or not
        return subject

    def _story_subject(self, pos: int, anywhere: bool = False) -> int | None:
        """The person a story is about: named before ``pos`` at least STORY_SUBJECT_MENTIONS times and three times
        as often as anyone else, and (unless ``anywhere``) within the window of paragraphs before ``pos``; None
        when no one stands out."""
        counts: Counter[int] = Counter()
        for mr in self.table.mentions:
            if mr.start >= pos:
                break
            r = self.table.root(mr.entity)
            if self.table.draft(r).type == "PERSON":
                counts[r] += 1
        top = counts.most_common(2)
        # anywhere in the story, twice as often as the next will do (a nearby mention is not asked for)
        ratio = 2 if anywhere else 3
        if not top or top[0][1] < STORY_SUBJECT_MENTIONS or (len(top) > 1 and top[0][1] < ratio * top[1][1]):
            return None
        r = top[0][0]
        if anywhere:
            return r
        lo = self.table.paragraphs[max(0, self.table.paragraph_of(pos) - WINDOW_PARAGRAPHS)][0]
        return r if any(lo <= mr.start < pos and self.table.root(mr.entity) == r for mr in self.table.mentions) else None

    def _identified_next(self, m: SpeakerMention) -> int | None:
        """A lede's role identified by name at the start of the next paragraph, a wire's delayed
        identification: "The former chief financial officer of Veranta Health testified … / Anneliese
        Korver, 46, who pleaded guilty …, said …". The person must be first named there and described by
        nothing that is another role ("John Smith, an opposition MP," is not "the minister")."""
        table = self.table
        para = table.paragraph_of(m.span[0])
        # the lede: the first paragraph of running text (a page's furniture lines come before it)
        lede = next((i for i, (a, b) in enumerate(table.paragraphs) if len(self.text[a:b].split()) >= LEDE_WORDS), None)
        if lede is None or para != lede or para + 1 >= len(table.paragraphs):
            return None
        ps, pe = table.paragraphs[para + 1]
        k = bisect.bisect_left(table.mentions, ps, key=_start_of)
        if k >= len(table.mentions) or table.mentions[k].start >= pe:
            return None
        mr = table.mentions[k]
        r = table.root(mr.entity)
        d = table.draft(r)
        if d.type != "PERSON" or mr.in_quote or not self._opens_sentence(mr.start) \
                or any(x.start < m.span[0] for x in table.mentions[:k] if table.root(x.entity) == r):
            return None
        roles = [x for x in d.descriptor_texts() if description_tokens(x) & ROLE_NOUNS]
        if roles and not fits_description(m.text, roles):
            return None
        return r

    def _org(self, name: str, span: tuple[int, int]) -> int:
        name = re.sub(r"^(?:the|The)\s+", "", name.strip())
        key = fold(name)
        if " " not in key:  # "Commission" for the "European Commission" already named
            longer = [i for i, d in enumerate(self.table.drafts)
                      if d.merged_into is None and d.type == "ORG" and fold(d.name).endswith(" " + key)]
            if len(longer) == 1:
                self.table.add_mention(longer[0], *span)
                return longer[0]
        for i, d in enumerate(self.table.drafts):
            if d.merged_into is None and d.type == "ORG" and fold(d.name) == key:
                self.table.add_mention(i, *span)
                return i
        shortened = body_named_by(self.table, name) if " " in key else None
        if shortened is not None:  # "Harvest Plate said" for "Harvest Plate Hawker Management" named before
            self.table.add_mention(shortened, *span)
            return shortened
        expanded = expansion_of(self.table, name)
        if expanded is not None:  # "the CDC" for the Centers for Disease Control and Prevention named before
            self.table.add_mention(expanded, *span)
            return expanded
        i = self.table.new(name, "ORG")
        self.table.add_mention(i, *span)
        return i

    def _resolve_pronoun(self, m: SpeakerMention, cand: Candidate, depth: int = 0) -> Resolution:
        questioner = self._question_just_before(m, cand)
        spokes = self._spokesperson_taken_up(m, cand) if questioner is None else None
        if spokes is not None:
            return Resolution(spokes, "resolve:pronoun")
        in_doc = _IN_THE_DOCUMENT.match(self.text, m.span[1]) if m.number == "pl" else None
        if in_doc is not None:
            # "They said in the statement that …": whoever issued the statement the text has named
            issuer = self._issuer_before(m.span[0], cand, fold(in_doc.group("doc")), reach=DOCUMENT_PARAGRAPHS)
            if issuer is not None and self.table.draft(issuer).type in ("GROUP", "ORG"):
                return Resolution(issuer, "resolve:pronoun")
        if m.number == "sg":
            found = self._relative_antecedent(m)
            asker = questioner if questioner is not None else self._asker(m.span[0], cand.start if cand.content else None, m.gender)
            silent = self._declined_to_comment(m.span[0], cand)
            if found is None and depth < CHAIN_DEPTH:
                found = self._chained_pronoun(m, cand, depth)
            if found is None:
                found = self._one_asked(m, cand)
            if found is None:
                found = self._indefinite_set_up(m, cand)
            if found is None:
                found = self._described_subject_before(m, cand)
            if found is None:
                found = self._member_of_body_before(m, cand)
            if found is None:
                found = self._speaker_adding(m, cand)
            if found is None and m.gender is not None and cand.content and m.span[0] > cand.start:
                known = self._alone_in_paragraph_before(cand, lambda i: self.table.draft(i).gender == m.gender)
                opener = self._paragraph_before_opener(cand) if known is not None else None
                if opener is not None and opener != known and self.table.draft(opener).gender is None:
                    # "Virtaranta, who has started all 10 of Kingsbridge's playoff games under Rennick, was
                    # typically unbothered by it. / “…,” he said": the subject the paragraph opens with, whose
                    # gender the text has not shown, over the one man it names in passing (and quoted before)
                    found = opener
            if found is None:
                setup = self._own_sentence_subject(m)
                if setup is not None and not self._fits_gender(setup, m.gender):
                    setup = None
                if setup is None and m.gender is not None:
                    # "… his daughter Camille, 29, …, now speaks for the family. / “…,” she said": the one woman
                    # the narration just before names, over the woman quoted before it
                    setup = self._alone_in_paragraph_before(cand, lambda i: self.table.draft(i).gender == m.gender)
                if setup is None:
                    # "… Halyna Sydorenko, 71, still feeds her chickens every morning. Her neighbours have left.
                    # Her son, she said, calls …": the one person this paragraph's narration has named so far
                    setup = self._alone_in_own_paragraph(cand, m)
                unsure = None
                if setup is None:
                    setup = self._setup_subject(cand, m.span[0])
                    if setup is not None and m.gender is not None and self.table.draft(setup).gender != m.gender:
                        unsure, setup = setup, None  # a subject only known to fit
                # a person known to be of that gender scores higher: "she" is Margaret, not Jo Lam, when both are near
                salient = functools.partial(
                    self._salient, m.span[0], cand, lambda i: self._fits_gender(i, m.gender) and i not in (asker, silent),
                    persons=True, prefer=lambda i: m.gender is not None and self.table.draft(i).gender == m.gender,
                    same_paragraph=_opens_its_sentence(self.text, m.span[0]) or self._cue_after_own_quote(m, cand),
                )
                found = salient(setup=setup)
                if unsure is not None and self._fits_gender(unsure, m.gender) and (
                        found is None or self.table.draft(found).gender != m.gender):
                    # "she" stays with the woman known to be one; where no one near is known to be, the person
                    # the sentence before set up ("Brigitte Asmussen, 51, leads a team … . She said …")
                    found = salient(setup=unsure)
            if found is None and m.gender is not None:
                found = self._only_one_of_gender(m.span[0], m.gender)
            if found is None and m.gender is not None:
                # "Later on Wednesday, the Grammy winner posted …. “…,” she wrote", no one named for
                # paragraphs: the woman the story is about
                found = self._story_subject_alone(m.span[0], lambda i: self._fits_gender(i, m.gender))
            if found is not None and m.gender and self.table.draft(found).gender is None:
                self.table.draft(found).gender = m.gender
        else:
            found = self._plural_subject_before(m, cand)
            if found is None:
                found = self._salient(
                    m.span[0], cand, lambda i: self.table.draft(i).type in ("GROUP", "ORG"), persons=False, pronoun=True
                )
        return Resolution(found, "resolve:pronoun")

    def _member_of_body_before(self, m: SpeakerMention, cand: Candidate) -> int | None:
        """The one person of the pronoun's gender the text has described as holding a role in the body that the
        narrating sentence right before names: "Gordon Ainsworth, the trust’s chair, said: … / That account was
        disputed by the trust. / “…,” he said" (the trust's man, not the woman quoted in between)."""
        if m.gender is None or not cand.content:
            return None
        before = self._sentence_before(m.span[0], cand.content[0][0])
        if before is None or any(ch in self.text[before[0] : before[1]] for ch in "\"“”") or self._persons_in(*before):
            return None  # (a cue may stand there: "That account was disputed by the trust"; no one named)
        # the body as the sentence's subject or its agent ("The trust disputed it", "disputed by the trust"), not
        # one a person acts on ("A woman … handed the board a petition")
        sentence = self.text[before[0] : before[1]]
        words = _BY_THE_BODY.findall(sentence) + [x.group(1) for x in [_THE_BODY_OPENS.match(sentence)] if x]
        nouns = {fold(w) for w in words} & (NAMED_BODY_NOUNS | COMPANY_NOUNS)
        if not nouns:
            return None
        found = [i for i in self.table.persons() if self.table.draft(i).gender == m.gender
                 and self.table.draft(i).mentions and self.table.draft(i).mentions[0][0] < before[0]
                 and any(nouns & {fold(w) for w in re.findall(r"[\w-]+", desc)} for desc in self.table.draft(i).descriptor_texts())]
        return found[0] if len(found) == 1 else None

    def _plural_subject_before(self, m: SpeakerMention, cand: Candidate) -> int | None:
        """The people a narrating sentence right before "they" opens with, by a plural noun: "Student leaders at
        the University of Belastra, who organised …, have called a fresh rally … / “…,” they wrote in a joint
        statement" (the student leaders, not the university they are named for)."""
        if m.number != "pl":
            return None
        before = self._sentence_before(m.span[0], cand.content[0][0] if cand.content else None)
        if before is None or not self._narration(*before):
            return None
        opening = _PLURAL_SUBJECT.match(self.text, before[0], before[1])
        if opening is None or fold(opening.group("head")) not in GROUP_NOUNS:
            return None
        # (a group, whatever body the noun phrase names: "classify_mention" reads "… at the University" as it)
        group = SpeakerMention(MentionKind.GROUP, opening.group("np"), opening.span("np"), number="pl")
        return self._resolve_group(group, cand).entity

    def _described_subject_before(self, m: SpeakerMention, cand: Candidate) -> int | None:
        """The person a narrating sentence right before the pronoun's own makes its subject by an office or a role
        ("…, the legally qualified chair intervened. / “…,” she said"; "The Premier is expected to be sworn in
        … . Speaking to reporters …, she said"): the one that description resolves to, of the pronoun's gender;
        not after a question ("The prosecutor asked her …": the one asked answers)."""
        text = self.text
        before = self._sentence_before(m.span[0], cand.content[0][0] if cand.content else None)
        if before is None:
            return None
        s, e = before
        if any(ch in text[s:e] for ch in "\"“”") or _ASKED.search(text, s, e):
            return None  # (a cue may stand there: "the chair intervened" sets up her words)
        opens = [s] + [c.end() for c in _CLAUSE_THEN_THE.finditer(text, s, e)]
        desc = None
        for start in opens:
            words = list(re.finditer(r"[\w’'-]+", text[start:e]))
            if not words or fold(words[0].group()) != "the":
                continue
            # the longest "the … <role>" (at most four words after "the") that a verb follows
            for k in range(min(4, len(words) - 2), 0, -1):
                head, verb = fold(words[k].group()), words[k + 1].group()
                if (head in ROLE_NOUNS or head in ROLE_TITLES or (k > 1 and head in PARTY_WORDS)) \
                        and (_SUBJECT_VERB.fullmatch(verb) or verb in ("who", "whose")):
                    # (past a restrictive relative: "The senior nurse who spoke to the Gazette has worked …")
                    desc = (start + words[0].start(), start + words[k].end())
                    break
            if desc is not None:
                break
        if desc is None:
            return None
        described = classify_mention(text, *desc)
        if described.kind != MentionKind.NOMINAL:
            return None
        found = self._resolve_nominal(described, cand).entity
        if found is None and len(described.text.split()) > 2:
            # "the legally qualified chair": the chair
            found = self._resolve_nominal(replace(described, text=f"the {described.text.split()[-1]}"), cand).entity
        if found is None:
            return None
        d = self.table.draft(found)
        if d.type == "GROUP" and d.individual and d.gender in (None, m.gender):
            return found  # the unnamed source the description takes up: "A senior nurse, who asked not to be named"
        if d.type != "PERSON" or not self._fits_gender(found, m.gender):
            return None
        return found

    def _speaker_adding(self, m: SpeakerMention, cand: Candidate) -> int | None:
        """The last speaker, when the pronoun's cue adds to what they said: "“…,” Mr Tilley said. / The retired
        postman led the minister through to his kitchen, while the area manager, Mark Hensley, took notes. / “…,”
        he added" (one named in the narration between is not who adds). Only a person of the pronoun's gender
        whose statement ended at most ADDING_PARAGRAPHS paragraphs before."""
        if self.previous is None or cand.cue is None or not _ADDING_CUE.fullmatch(self.text, *cand.cue):
            return None
        prev, entity, _ = self.previous
        if entity is None or self.table.draft(entity).type != "PERSON" or self.table.draft(entity).gender != m.gender:
            return None
        if self.table.paragraph_of(cand.start) - self.table.paragraph_of(prev.end - 1) > ADDING_PARAGRAPHS:
            return None
        return entity

    def _question_just_before(self, m: SpeakerMention, cand: Candidate) -> int | None:
        """Who asked the question the pronoun's statement replies to: "One resident asked why the city was
        spending $38 million … / “…,” she replied" (the resident is never "she"): the speaker of the statement
        right before, in the paragraph before, when its cue asks and this one's replies."""
        if self.previous is None or not cand.content or cand.cue is None:
            return None
        prev, entity, _ = self.previous
        if entity is None or prev.cue is None or not _REPLY_CUE.fullmatch(self.text, *cand.cue) \
                or not _ASK_CUE.fullmatch(self.text, *prev.cue):
            return None
        if self.table.paragraph_of(cand.start) - self.table.paragraph_of(prev.start) != 1:
            return None  # (the reply opens the paragraph after the question's)
        if prev.speaker is None or prev.speaker[1] > prev.cue[0]:
            return None  # one who asks, named before "asked" ("Asked by a reporter …, she replied" is not)
        return entity

    def _declined_to_comment(self, pos: int, cand: Candidate) -> int | None:
        """The person the sentence right before ``cand`` says did not speak ("Ms Tilsley … could not be reached for
        comment. / “…,” she said"), its subject; None when anything is narrated between ("… did not respond to a
        request for comment. Hours later, she posted …")."""
        table = self.table
        lo = table.paragraphs[max(0, table.paragraph_of(pos) - 1)][0]
        last = None
        for last in _NO_COMMENT.finditer(self.text, lo, pos):
            pass
        if last is None or self._in_content(last.start()):
            return None
        end = _SENTENCE_END.search(self.text, last.end(), pos)
        if end is None or self.text[end.end() : cand.start].strip(" \t\n\"“‘'"):
            return None
        start = _sentence_start(self.text, last.start())
        while start < last.start() and self.text[start] in " \t\n\"“‘'":
            start += 1
        return self._person_opening(start, last.start())

    def _own_sentence_subject(self, m: SpeakerMention) -> int | None:
        """The person opening the sentence a pronoun stands inside ("Kellaway took four for nine, removing
        A, B, C and D in what he called …"): the subject, over the people the sentence goes on to name."""
        start = _sentence_start(self.text, m.span[0])
        if not self.text[start:m.span[0]].strip(" \t\n\"“‘'"):
            return None  # the pronoun opens its sentence
        return self._person_opening(start, m.span[0])

    def _sentence_before(self, pos: int, start: int | None = None) -> tuple[int, int] | None:
        """The sentence right before the one that holds ``pos`` or ``start`` (a statement's), whichever comes
        first, as ``(start, end)`` without the white space and opening quotation marks between them; None at the
        top."""
        text = self.text
        e = _sentence_start(text, pos if start is None else min(start, pos))
        while e > 0 and text[e - 1] in " \t\n\"“‘'":
            e -= 1
        return (_sentence_start(text, e - 1), e) if e > 0 else None

    def _setup_subject(self, cand: Candidate, pos: int) -> int | None:
        """The person opening the sentence just before the one that holds ``cand`` (its content or the
        pronoun at ``pos``, whichever comes first), when that sentence is narration: no quotation marks and
        no attribution's cue in it. None otherwise."""
        text = self.text
        before = self._sentence_before(pos, cand.content[0][0] if cand.content else None)
        if before is None:
            return None
        s, e = before
        if not self._narration(s, e):
            return None
        table = self.table
        k = bisect.bisect_left(table.mentions, s, key=_start_of)
        while k < len(table.mentions) and table.mentions[k].start < e:
            mr = table.mentions[k]
            k += 1
            r = table.root(mr.entity)
            if table.draft(r).type == "PERSON" and not mr.in_quote:
                if k < len(table.mentions) and 0 <= table.mentions[k].start - mr.end <= 4:
                    continue  # "Netzah Yisrael MK | Menachem Tzadok": a party's name and a title before the person
                # the parse may miss a subject set off by a long apposition ("Finance Minister Rosalind Keble, who
                # represents …, interjected"): a name opening the sentence, not as a possessive, is its subject
                subject = mr.subject or not re.match(r"['’]s?\b", text[mr.end : mr.end + 2])
                return r if subject and self._opens_sentence(mr.start) else None
        return None

    def _set_up_alone(self, cand: Candidate, m: SpeakerMention) -> int | None:
        """The person a narrating sentence just before sets up, when it is about that person alone.

        "Moriarty, who went off … after the Garrigue tackle …, was more guarded. / “…,” said the
        Shannonside lock": see :meth:`_setup_subject`; besides the subject, the sentence may name people
        only as modifiers ("the Garrigue tackle"), not as others who act or are described ("kept the
        27-year-old quick on …, with Mitchell Hazlitt and Sam Okonjo holding the other end").
        """
        found = self._setup_subject(cand, m.span[0])
        if found is None:
            return None
        parties = description_tokens(m.text) & _PARTY_TOKENS
        known = {w for x in self.table.draft(found).descriptor_texts() for w in description_tokens(x) & _PARTY_TOKENS}
        if parties and known and not parties & known:
            return None  # "the Labour leader" is not the Tory MP the sentence before was about
        text = self.text
        anchor = _sentence_start(text, min(cand.content[0][0], m.span[0]) if cand.content else m.span[0])
        s = _sentence_start(text, max(0, len(text[:anchor].rstrip(" \t\n\"“‘'")) - 1))
        if _AGED_OTHER.search(text, s, anchor):
            return None
        k = bisect.bisect_left(self.table.mentions, s, key=_start_of)
        relative = None  # "Pat Fennelly, | who has trained Doyle since …, | was the calmest man": about the subject
        while k < len(self.table.mentions) and self.table.mentions[k].start < anchor:
            mr = self.table.mentions[k]
            k += 1
            r = self.table.root(mr.entity)
            if r == found and relative is None:
                relative = _SUBJECT_RELATIVE.match(text, mr.end, anchor)
            if relative is not None and relative.start() <= mr.start < relative.end():
                continue
            if r != found and self.table.draft(r).type == "PERSON" and not _MODIFIER_AFTER.match(text, mr.end):
                return None
        return found

    def _dominant_company(self, nearest: int, pos: int, fits, cand: Candidate | None = None) -> int:
        """"The company wrote in a blog post": the company the story is about, over a rival named once in passing.

        Counts how often each fitting organisation's name is written before
        ``pos`` (also inside longer name runs, "Orrin CEO Dana Okafor-Lind").
        """
        text = self.table.text[:pos]

        def count(i: int) -> int:
            # "Brindlemark" for Brindlemark Inc.; or the table's mentions, when the text shortens the name
            # ("Aurelia" for Aurelia Airways)
            name = _CORPORATE_SUFFIX.sub("", self.table.draft(i).name)
            written = len(word_occurrences(text, name))
            short = _short_company_name(name)
            if short is not None:
                written += sum(1 for at in word_occurrences(text, short, possessive=True)
                               if not re.match(r"[’']?s?\s+[A-Z]", text[at + len(short) : at + len(short) + 4]))
            return max(written, sum(1 for s, _ in self.table.draft(i).mentions if s < pos))

        if count(nearest) > 1 or any(self.table.root(ent) == nearest for _, ent in self.speakers):
            return nearest  # named before, or heard from: "the studio added" after the studio's statement
        said = self._statement_text(cand)
        # (never one the statement itself names: "“Helix sets the rules …,” the company said" is Helix's rival)
        others = [i for i, d in enumerate(self.table.drafts) if d.merged_into is None and i != nearest and fits(i)
                  and not word_occurrences(said, _CORPORATE_SUFFIX.sub("", d.name))]
        counts = {i: count(i) for i in others}
        many = [i for i in others if counts[i] >= DOMINANT_COMPANY_MENTIONS]
        # a company shown as one ("Orrin CEO …") over a product named as often ("the Halo 2")
        top = max(many, key=lambda i: (looks_like_company(text, self.table.draft(i).name), counts[i]), default=None)
        if top is None or not looks_like_company(text, self.table.draft(top).name):
            # a company the names found missed: "Orrin, the startup behind …" opening a paragraph, "Orrin CEO
            # Dana Okafor-Lind" read as one name
            found = self._page_company(pos, 0 if top is None else counts[top], cand)
            if found is not None:
                return found
        return top if top is not None else nearest

    def _statement_text(self, cand: Candidate | None) -> str:
        """What ``cand`` says, its pieces joined by spaces ("" for no candidate)."""
        return " ".join(self.table.text[s:e] for s, e in cand.content) if cand is not None else ""

    def _page_company(self, pos: int, at_least: int = 0, cand: Candidate | None = None) -> int | None:
        """The one-word company most written before ``pos`` that the names found missed ("Loopwave chief tells
        senators …", "the chief executive of Loopwave, the short-video app"), if written ``at_least`` times;
        never one that ``cand``'s own words name ("“Helix sets the rules …,” the company said")."""
        text = self.table.text[:pos]
        known = {fold(d.name) for d in self.table.drafts if d.merged_into is None}
        said = self._statement_text(cand)
        # what a word is, the whole page shows ("Glimmer executives" after the statement); how often it was
        # written before the mention, only the text before it
        page = {w: (at, len(word_occurrences(text, w))) for w, at in self._company_words().items()
                if fold(w) not in known and not word_occurrences(said, w)}
        page = {w: (at, n) for w, (at, n) in page.items() if n}
        best = max(page, key=lambda w: page[w][1], default=None)
        if best is None or page[best][1] < at_least:
            return None
        for i, d in enumerate(self.table.drafts):
            short = _short_company_name(_CORPORATE_SUFFIX.sub("", d.name)) if d.merged_into is None and d.type == "ORG" else None
            if short is not None and fold(short) == fold(best):
                return i  # "Veridane has set a list price …": Veridane Therapeutics, named once in full
        return self._org(best, (page[best][0], page[best][0] + len(best)))

    def _company_words(self) -> dict[str, int]:
        """:func:`company_words` of the whole page, once."""
        if self._page_companies is None:
            self._page_companies = company_words(self.table.text)
        return self._page_companies

    def _dominant_team(self, nearest: int | None, pos: int) -> int | None:
        """"The team said in a statement": the team just named ("Stampede forward Andre Kessler left … The team
        said"), else the team the story is about, which sports pages name by a plural ("the Pioneers",
        "Pioneers quarterback Cole Whitaker") more often than the rival named in full."""
        text = self.table.text[:pos]
        para = self.table.paragraph_of(pos)
        recent_from = self.table.paragraphs[max(0, para - 1)][0]

        def teams(found) -> list[tuple[int, str]]:
            out = []
            for m in found:
                word = m.group(1) or m.group(2)
                if fold(word) not in COUNTRY_NAMES and fold(word) not in ORG_WORDS:
                    out.append((m.start(), word))
            return out

        named = teams(_TEAM_PLURAL.finditer(text))
        recent = [(at, w) for at, w in named if at >= recent_from]
        if recent:
            at, word = recent[-1]
        elif named:
            word = Counter(w for _, w in named).most_common(1)[0][0]
            at = text.rindex(word)
            n = len(word_occurrences(text, word))  # "Pioneers quarterback …" too
            if n < 2:
                return nearest
            if nearest is not None:
                last = self.table.draft(nearest).name.split()[-1]
                if len(word_occurrences(text, last)) >= n or word_occurrences(text[recent_from:], last):
                    return nearest  # named as often, or just named
        else:
            return nearest
        if nearest is not None and fold(word) in {fold(w) for w in self.table.draft(nearest).name.split()}:
            return nearest
        return self._org(word, (at, at + len(word)))

    def _only_quoted(self, i: int, pos: int) -> bool:
        """True when every mention of ``i`` before ``pos`` is inside someone's quotation ("… before he went off to
        Ames."): a body only talked about is not what "the company" the reporter writes of means."""
        spans = [(s, e) for s, e in self.table.draft(i).mentions if s < pos]
        return bool(spans) and all(self.table.in_quote(s, e) for s, e in spans)

    def _only_a_channel(self, i: int, pos: int) -> bool:
        """True when every mention of ``i`` before ``pos`` names it as an outlet or platform: "told Variety",
        "obtained by Variety", "posted … to Instagram", "Variety has learned" (not "the streamer")"""
        seen = False
        for s, e in self.table.draft(i).mentions:
            if s >= pos:
                continue
            seen = True
            if not (_CHANNEL_BEFORE.search(self.text, max(0, s - 80), s) or _OUTLET_AFTER.match(self.text, e)
                    or _alone_on_line(self.text, s, e)  # a share button: "Telegram" on a line of its own
                    or _PICTURE_CREDIT.search(self.text, max(0, s - 80), s)):  # "(Photo: Kyle Marsden / Heartland Courier)"
                return False
        return seen

    def _chained_pronoun(self, m: SpeakerMention, cand: Candidate, depth: int) -> int | None:
        """Whom the same pronoun opening the sentence before the quotation means.

        "He brushed off a question about Meridian's Colin Ashgrove, who said …
        / “…,” he said": both "he"s are one man, the subject carried over, not
        the man named last. Only a sentence opened by the same pronoun, outside
        anyone's words, counts; it is resolved where it stands (chains of
        "He … / He …" a few deep).
        """
        if not cand.content:
            return None
        j = min([m.span[0]] + [s for s, _ in cand.content])
        while j > 0 and self.text[j - 1] in " \t\n\"“”‘’'.!?":
            j -= 1
        if j == 0:
            return None
        start = _sentence_start(self.text, j)
        opening = _OPENING_PRONOUN.match(self.text, start, j)
        if opening is None or opening.group(1).lower() != m.text.lower() or self._in_content(opening.start(1)):
            return None
        span = opening.span(1)
        probe = Candidate(content=[], speaker=span)
        return self._resolve_pronoun(replace(m, span=span), probe, depth + 1).entity

    def _indefinite_set_up(self, m: SpeakerMention, cand: Candidate) -> int | None:
        """An unnamed person a narrating sentence just before sets up, for the pronoun of the quotation after
        it: "At the next table, a man celebrating his 40th birthday was less convinced. “…,” he announced" is
        that man (a group named "a man"), not the chef named paragraphs before. The sentence must name no
        one and the person noun fit the pronoun's gender."""
        if not cand.content or m.span[0] < cand.start or m.gender is None:
            return None
        text = self.text
        e = cand.start
        while e > 0 and text[e - 1] in " \t\n\"“‘'":
            e -= 1
        if e == 0:
            return None
        s = _sentence_start(text, e - 1)
        # (or after the verb of an inverted sentence: "Standing at the back of the rotunda as he spoke was a woman
        # holding a framed photograph")
        opener = _INDEFINITE_PERSON.match(text, s, e) or _INDEFINITE_INVERTED.search(text, s, e)
        if opener is None or "“" in text[s:e] or '"' in text[s:e]:
            return None
        noun = opener.group("noun").lower()
        gender = "female" if noun in _FEMALE_ROLES else "male" if noun in _MALE_ROLES else None
        if gender != m.gender:
            return None
        k = bisect.bisect_left(self.table.mentions, s, key=_start_of)
        if k < len(self.table.mentions) and self.table.mentions[k].start < e \
                and self.table.draft(self.table.root(self.table.mentions[k].entity)).type == "PERSON":
            return None  # the sentence names someone: the usual salience decides
        named = self._named_after_as(noun, cand)
        if named is not None:
            return named
        name = re.sub(r"^(?:A|An|One)\b", lambda x: x.group().lower(), opener.group("who"))  # "a mother of two"
        found = next((i for i, d in enumerate(self.table.drafts) if d.merged_into is None and d.type == "GROUP"
                      and fold(d.name) == fold(name)), None)
        if found is None:
            found = self.table.new(name, "GROUP")
        self.table.add_mention(found, *opener.span("who"))
        return found

    def _kin_named_later(self, m: SpeakerMention) -> int | None:
        """A lede's "The mother of a disabled teenager who uses the centre has said …": the one person named in the
        paragraphs after as such a relative ("his father, David Harrowell", "Rachel Ashworth, whose son Callum, 16,
        …"), of that relative's gender."""
        lede = _KIN_LEDE.match(m.text)
        if lede is None:
            return None
        kin = lede.group("kin").lower()
        gender = "female" if kin in _FEMALE_KIN_LEDE else "male" if kin in _MALE_KIN_LEDE else None
        para = self.table.paragraph_of(m.span[1])
        hi = self.table.paragraphs[min(len(self.table.paragraphs) - 1, para + KIN_LEDE_PARAGRAPHS)][1]
        found = set()
        for r, mr in self._mentions_in(m.span[1], hi):
            d = self.table.draft(r)
            if d.type != "PERSON" or (gender and d.gender not in (None, gender)) or d.mentions[0][0] != mr.start:
                continue  # (only where the text first names them)
            before = KIN_BEFORE.search(self.text, max(0, mr.start - 30), mr.start)
            introduced = before is not None and before.group("noun").lower() == kin
            parent = kin in ("mother", "father", "parents") and _WHOSE_CHILD.match(self.text, mr.end)
            if introduced or parent:
                found.add(r)
        return next(iter(found)) if len(found) == 1 else None

    def _named_after_as(self, noun: str, cand: Candidate) -> int | None:
        """The person the paragraph after ``cand``'s names by the noun that set them up: "… a woman holding a
        framed photograph. / “…,” she said afterward. / The woman, Carla Benning of Hazard, lost her husband …"."""
        para = self.table.paragraph_of(cand.end)
        if para + 1 >= len(self.table.paragraphs):
            return None
        ns, ne = self.table.paragraphs[para + 1]
        hit = re.compile(rf"\b[Tt]he\s+{noun},\s+").match(self.text, ns, ne)
        if hit is None:
            return None
        return self._person_starting_at(hit.end())

    def _two_named(self, s: int, e: int) -> int | None:
        """Two people named as one speaker, "Prime Minister Halvard Brekkestad and President Catalina Ossandón
        said in a joint statement": a group named for both, found or made. Both names must be persons the
        table knows in full, and the phrase nothing but them (titles aside)."""
        text = self.work.text[s:e]
        if " and " not in text or "," in text:
            return None
        names = [n for n in find_names(self.work.text, s, e) if n.type == "PERSON"]
        if len(names) != 2 or self.work.text[names[0].end : names[1].start].strip() not in (
                "and", *(f"and {x}" for x in (names[1].prefix or "",) if x)):
            return None
        people = [self.table.find_person(parse_name(n.text), n.start) for n in names]
        if any(p is None for p in people) or people[0] == people[1] or not parse_name(names[0].text).is_full:
            return None
        name = " and ".join(self.table.draft(p).name for p in people)  # type: ignore[arg-type]
        found = next((i for i, d in enumerate(self.table.drafts) if d.merged_into is None and d.type == "GROUP"
                      and d.name == name), None)
        if found is None:
            found = self.table.new(name, "GROUP")
        self.table.add_mention(found, s, e)
        return found

    def _one_asked(self, m: SpeakerMention, cand: Candidate) -> int | None:
        """The one a narrating sentence just before asks, for the pronoun answering: "I asked Kilbride, at the
        end of our conversation, whether she would leave. “Not this year,” she said". The question must sit in
        the quotation's own paragraph, outside any content, and the person fit the pronoun."""
        if not cand.content or m.span[0] < cand.start:
            return None
        para = self.table.paragraphs[self.table.paragraph_of(cand.start)]
        asked = None
        for hit in _ASKED_WHOM.finditer(self.text, para[0], cand.start):
            asked = hit
        if asked is None or self._in_content(asked.start()):
            return None
        known = self.table.mention_at(*asked.span("whom"))
        if known is None or not self._fits_gender(self.table.root(known), m.gender):
            return None
        return self.table.root(known)

    def _asker(self, pos: int, start: int | None = None, gender: str | None = None) -> int | None:
        """Who asks, in a sentence opened by "Asked by Villaraza who …, she said", or in the narrating sentence
        before ("Board counsel Terrence Hwalde asked him why … / “…,” he said", for a pronoun of ``gender``,
        the one asked's): never the one answering."""
        sent = _sentence_start(self.text, pos)
        asked = _ASKED_BY.match(self.text, sent, pos)
        before = self._sentence_before(pos, start) if asked is None else None
        if before is not None:
            # (before the statement, when the pronoun follows a quotation: "“I believed …. In these waters …,” he
            # said" is answered after the sentence before "I believed")
            prev, back = before
            while prev < back and self.text[prev] in " \t\n\"“‘'":
                prev += 1
            them = _ASKED_THEM.search(self.text, prev, back)
            if them is None or any(ch in self.text[prev:back] for ch in "\"“”") \
                    or gender != ("male" if them.group("them") == "him" else "female"):
                return None  # ("… pressed her on the timing. He asked whether …": he asks on)
            # the person named right before "asked him", its subject (a cue the tagger may read there changes
            # nothing; "several members had already asked her" is no one named)
            persons = [r for r, mr in self._mentions_in(prev, them.start()) if self.table.draft(r).type == "PERSON"
                       and not mr.in_quote and _RIGHT_BEFORE_VERB.fullmatch(self.text, mr.end, them.start())]
            return persons[-1] if persons else None
        if asked is None:
            return None
        k = bisect.bisect_left(self.table.mentions, asked.end(), key=_start_of)
        if k < len(self.table.mentions) and self.table.mentions[k].start < pos:
            return self.table.root(self.table.mentions[k].entity)
        return None

    def _only_one_of_gender(self, pos: int, gender: str) -> int | None:
        """The one person of ``gender`` mentioned before ``pos``, when there is exactly one.

        "he wrote", six paragraphs after the councillor was last named, with
        only women named since: no one else can be meant. Two or more men (or
        a man of unknown gender) before it leave the pronoun unresolved.
        """
        k = bisect.bisect_left(self.table.mentions, pos, key=_start_of)
        seen = {self.table.root(mr.entity) for mr in self.table.mentions[:k] if not mr.in_quote}
        fitting = [r for r in seen if self.table.draft(r).type == "PERSON" and self._fits_gender(r, gender)]
        if len(fitting) == 1 and self.table.draft(fitting[0]).gender == gender:
            return fitting[0]
        return None

    def _relative_antecedent(self, m: SpeakerMention) -> int | None:
        """The subject of the clause a relative clause holding pronoun ``m`` hangs from.

        "A Conservative MP has withdrawn a statement in which he described ...":
        "he" is the MP, the sentence's subject, not the last person named before
        it. The sentence's first mention must be a subject mention of a person
        of compatible gender, outside quotation marks, before the relative word.
        """
        table = self.table
        pos = m.span[0]
        sent = _sentence_start(self.text, pos)
        rel = _RELATIVE_BEFORE.search(self.text, sent, pos)
        if rel is None:
            return None
        k = bisect.bisect_left(table.mentions, sent, key=lambda x: x.start)
        if k >= len(table.mentions):
            return None
        first = table.mentions[k]
        if first.start >= rel.start() or not first.subject or first.in_quote:
            return None
        r = table.root(first.entity)
        return r if self._fits_gender(r, m.gender) else None

    def _resolve_nominal(self, m: SpeakerMention, cand: Candidate) -> Resolution:
        apposed = _NAME_SET_OFF.match(self.text, m.span[1]) if m.text[:1] in "Tt" else None
        if apposed is not None:
            # "said the woman, Gloria Ashworth, 68": the name the description sets off, when the span stopped short
            person = self._person_starting_at(apposed.end())
            if person is not None:
                return Resolution(person, "resolve:appositive")
        firm = self._insolvency_firm(m, cand)
        if firm is not None:
            return Resolution(firm, "resolve:nominal")
        kin = self._kin_named_later(m)
        if kin is not None:
            return Resolution(kin, "resolve:nominal")
        own = _SELF_NAMED_AFTER.match(self.text, m.span[1])
        if own is not None:
            # "said the woman, who later identified herself as Lorna Fairweather": the name she gave
            parsed = parse_name(own.group("name"))
            found = self.table.find_person(parsed, own.start("name"))
            if found is None:
                found = self.table.new(" ".join(parsed.tokens), "PERSON", parsed)
                self.table.add_mention(found, *own.span("name"))
            return Resolution(found, "resolve:name")
        inner = _INTRODUCING_APPOSITIVE.search(m.text)
        if inner is not None and inner.start() > 0 and _DEFINITE_ROLE.fullmatch(m.text[: inner.start()]):
            # "The master, a 51-year-old Norwegian national, said", "The tanker’s master, who had been on watch
            # for six hours, told the panel": the description before its apposition or relative clause, which
            # follows it in the text (see the end of this method)
            return self._resolve_nominal(replace(m, text=m.text[: inner.start()],
                                                 span=(m.span[0], m.span[0] + inner.start())), cand)
        if m.text.lower().startswith("the ") and UNNAMED_AFTER.match(self.text, m.span[0] + len(m.text)):
            # "The driver, who has not been named, told investigators …": someone the article will not name,
            # known by that description, not a person named nearby who fits it
            return self._resolve_group(m, cand)
        body_of = _BODY_OF_MEMBERS.match(m.text)
        if body_of is not None and not any(d.merged_into is None and d.type == "ORG"
                                           and fold(d.name) == fold(m.text[body_of.end("the"):]) for d in self.table.drafts):
            # "The group of least developed countries said": a bloc named by whom it gathers
            return self._resolve_group(replace(m, kind=MentionKind.GROUP), cand)
        compound = _COMPOUND_BODY.fullmatch(m.text)
        if compound is not None:
            # "the auction house said": a company named by its trade, as "the company" would name it
            return self._resolve_nominal(replace(m, text=f"{compound.group(1)} company"), cand)
        branch = _BRANCH_OF.fullmatch(m.text)
        if branch is not None:
            # "the UCU branch said": the body it is a branch of, as the text names it ("… College Union (UCU)")
            key = fold(branch.group("name"))
            body = next((i for i, d in enumerate(self.table.drafts) if d.merged_into is None and d.type == "ORG" and (
                fold(d.name) == key or any(fold(self.text[a:b]) == key for a, b in d.mentions))), None)
            if body is not None:
                return Resolution(body, "resolve:org")
        head = fold(m.text.split()[-1])
        if head in _PAIR_HEADS and len(m.text.split()) <= 3:
            # "the couple said": two people, never the one person nearest
            return self._resolve_group(replace(m, kind=MentionKind.GROUP, number="pl"), cand)
        camp = _CANDIDATES_CAMPAIGN.fullmatch(m.text)
        if camp is not None and not is_role_word(camp.group("name")) and fold(camp.group("name")) not in NOT_NAME_WORDS:
            # "The Abernathy campaign said in a statement": a candidate's campaign, a body of its own
            return Resolution(self._org(f"{camp.group('name')} campaign", m.span), "resolve:org")
        seat = _SEAT_OF_POWER.fullmatch(m.text)
        if seat and not is_role_word(seat.group("name")) and not _EPITHET.match(m.text) \
                and fold(seat.group("name")) not in NOT_NAME_WORDS:
            # "The Élysée said in a statement", "the Kremlin said": a body known by one capitalised name
            return Resolution(self._org(seat.group("name"), (m.span[0] + seat.start("name"), m.span[1])), "resolve:org")
        named = _NAMED_WITH_THE.fullmatch(m.text)
        if named and not is_role_word(named.group("name").split()[-1]) \
                and fold(named.group("name").split()[-1]) not in PARTY_WORDS \
                and not any(fold(w) in GIVEN_NAMES for w in named.group("name").split()):  # (not "the Utah Republican")
            # "the Sunday Clarion said": a body's name the name finder cannot read ("Sunday" opens no name)
            start = m.span[0] + named.start("name")
            return Resolution(self._org(named.group("name"), (start, start + len(named.group("name")))), "resolve:org")
        if fold(m.text) == "the editor":
            # "The editor replies:" under a reader's letter: the paper's editor, named by no one
            found = self._salient(
                m.span[0], cand, lambda i: fits_description("the editor", self.table.draft(i).descriptor_texts()),
                persons=True, reach_back=True,
            )
            return Resolution(found, "resolve:nominal") if found is not None else self._resolve_group(m, cand)
        if len(m.text.split()) == 2 and head.endswith("s") and (head[:-1] in ROLE_NOUNS or head[:-1] in ROLE_TITLES):
            # "the bishops said" after "the Bishops' Conference of Patagonia": the body named for them
            body = self._salient(
                m.span[0], cand,
                lambda i: self.table.draft(i).type == "ORG"
                and head in {w.rstrip("'’") for w in _folded_words(self.table.draft(i).name)},
                persons=False,
            )
            if body is not None:
                return Resolution(body, "resolve:nominal")
        if _BODY_BY_FUNCTION.fullmatch(m.text):
            # "BASA said in a statement … / The governing body said any appeal …": the body in focus named so
            body = self._salient(
                m.span[0], cand,
                lambda i: self.table.draft(i).type == "ORG" and bool(_folded_words(self.table.draft(i).name) & _GOVERNING_BODY_WORDS)
                and not self._only_a_channel(i, m.span[0]),
                persons=False, reach_back=True,
            )
            if body is not None:
                return Resolution(body, "resolve:nominal")
        if len(m.text.split()) == 2 and head in _SPOKES_HEADS and self.last_spokesperson is not None:
            # "the spokesperson added": the spokesperson quoted last, for the body they spoke for
            return Resolution(self.last_spokesperson, "resolve:spokesperson")
        if len(m.text.split()) == 2 and fold(m.text.split()[0]) == "the" and fits_org_noun(head, "") is not None:
            # "“…,” one developer, who asked not to be named, said. / The developer, who left in July, said …":
            # the unnamed source just introduced, not the studio (a developer) the story is about
            unnamed = self._introduced_indefinite(m, head, anonymous=True)
            if unnamed is not None:
                return Resolution(unnamed, "resolve:group")
        if (len(m.text.split()) <= 3 or (head in _PUBLIC_BODY_HEADS and len(m.text.split()) <= 6)) \
                and fits_org_noun(head, "") is not None:  # ... "the state general administration department"
            # "the company said", "the agency said": the organisation of that kind in focus; a modifier
            # must be in its name too ("the interior ministry" is not the Senate nor the health ministry)
            words = m.text.split()
            modifiers = [fold(w) for w in words[1 if fold(words[0]) in ("the", "a", "an") else 0 : -1]]

            introduced = functools.cache(lambda i: self._introduced_as(i, head))  # asked again by fits and named_so

            def fits_kind(i: int) -> bool:
                d = self.table.draft(i)
                if (d.type != "ORG" and not (head == "force" and d.type == "GROUP")) \
                        or not (fits_org_noun(head, d.name) or introduced(i)) \
                        or self._only_a_channel(i, m.span[0]) or self._only_quoted(i, m.span[0]) \
                        or (head in COMPANY_NOUNS and head != "group" and self._introduced_as_cause(i)):
                    return False
                named = _folded_words(d.name)
                return all(w in named for w in modifiers)

            def named_so(i: int) -> bool:
                words = _folded_words(self.table.draft(i).name)
                return head in words or bool(words & _NAME_WORDS_OF.get(head, frozenset())) or introduced(i)

            # "the network said" when the Isan Rice Growers Network is named: a body with the word in its name
            # over any company ("Government House")
            bodies = [i for i, d in enumerate(self.table.drafts) if d.merged_into is None and fits_kind(i)]
            # (only a body named before: "The broadcaster said" is ITV, quoted so far, not the National Television
            # Awards the story names later)
            by_name = head not in _GENERIC_COMPANY_HEADS and any(
                named_so(i) and any(s < m.span[0] for s, _ in self.table.draft(i).mentions) for i in bodies)
            # "the animal rights group Hoofbeat Justice said … / “…,” the group said": the body introduced as a
            # group, over a horse or a company named more often
            as_group = head == "group" and any(introduced(i) for i in bodies)

            def fits(i: int) -> bool:
                return fits_kind(i) and (not by_name or named_so(i)) and (not as_group or introduced(i))

            announcer = self._announcer(cand, fits)
            if announcer is not None:
                # "“Kestonbury Athletic can confirm that …,” the club said": the body the statement opens with,
                # announcing, over a rival named more recently
                return Resolution(announcer, "resolve:nominal")
            leader = None
            if head in _JUDICIAL_NOUNS:
                # "the court said in a summary of the ruling": the court the report is about (named most),
                # not the lower court whose decision it overturned, named last
                counts: dict[int, int] = {}
                first: dict[int, int] = {}
                for mr in self.table.mentions:
                    r = self.table.root(mr.entity)
                    if mr.start < m.span[0] and fits(r):
                        counts[r] = counts.get(r, 0) + 1
                        first.setdefault(r, mr.start)
                if counts:
                    top = max(counts.values())
                    leaders = [r for r, n in counts.items() if n == top]
                    if top >= 2:
                        # named as often as the lower court: the one the report opened with
                        leader = min(leaders, key=lambda r: first[r])
            body = leader if leader is not None else self._salient(m.span[0], cand, fits, persons=False, reach_back=True)
            if body is not None and head in COMPANY_NOUNS:
                body = self._dominant_company(body, m.span[0], fits, cand)
            elif body is None and head in COMPANY_NOUNS and not modifiers:
                # "the company said" where the company is written only as "Loopwave chief" and "the chief
                # executive of Loopwave": a one-word name the name finder leaves out
                body = self._page_company(m.span[0], cand=cand)
            if head in TEAM_NOUNS:
                body = self._dominant_team(body, m.span[0])
            if body is None and (head in BODY_GROUP_NOUNS or (modifiers and head in _PUBLIC_BODY_HEADS)
                                 or head in ("ministry", "department")):
                # no body of that kind: "the group", "the interior ministry", "the Vologda Region prosecutor's office"
                return self._resolve_group(m, cand)
            if body is not None or head not in _JUDICIAL_NOUNS:
                return Resolution(body, "resolve:nominal")
            # "the court warned" with no court named in capitals: the judge who presides
            found = self._salient(m.span[0], cand, lambda i: fits_description("the judge", self.table.draft(i).descriptor_texts()),
                                  persons=True, reach_back=True)
            return Resolution(found, "resolve:nominal")
        if len(m.text.split()) <= 3 and head in ANONYMOUS_HEADS:
            # "The person said" after "according to a person familiar with the plans": that source
            source = self._salient(
                m.span[0], cand,
                lambda i: self.table.draft(i).type == "GROUP"
                and head in _folded_words(self.table.draft(i).name),
                persons=False,
            )
            if source is None and head in _TIPSTER_HEADS:
                # "a pal of the couple said … / The insider said": a tabloid's words for one unnamed source
                source = self._salient(
                    m.span[0], cand,
                    lambda i: self.table.draft(i).type == "GROUP" and bool(
                        _TIPSTER_HEADS & {fold(w) for w in _words_of(self.table.draft(i).name)[:2]}),
                    persons=False,
                )
            if source is None and len(m.text.split()) == 2:
                # "An adviser to the prime minister, speaking on condition of anonymity, was more blunt. / «…» the
                # adviser said": the unnamed person a sentence just introduced
                source = self._introduced_indefinite(m, head)
            if source is None and len(m.text.split()) in (2, 3):
                # "The chief executive of one large teaching hospital trust, who asked not to be named, … / “…,” the
                # chief executive said": one introduced by a definite description and said to be unnamed
                source = self._introduced_indefinite(m, head, anonymous=True)
            if source is None and m.text.lower().startswith("the "):
                # "“…,” said Yoon Hae-rin, a senior policy official at X. “…,” the official added": the person
                # near who was described so, not an unnamed source
                described_near = self._salient(
                    m.span[0], cand, lambda i: fits_description(m.text, self.table.draft(i).descriptor_texts()),
                    persons=True,
                )
                if described_near is not None:
                    return Resolution(described_near, "resolve:nominal")
            if source is not None or not (_TIME_MODIFIER.match(m.text) or head in ("adviser", "advisor")
                                          or _EPITHET.match(m.text)):
                # (an adviser, or "the 47-year-old driver", may be one named before)
                return Resolution(source, "resolve:group")
        if len(m.text.split()) in (2, 3) and fold(m.text.split()[0]) == "the":
            # "A veteran DRP lawmaker, speaking on condition of anonymity, said … / “…,” the lawmaker said": the
            # unnamed source just introduced, not the prime minister the lawmaker talks about
            unnamed = self._introduced_indefinite(m, head, anonymous=True)
            if unnamed is None:
                # "“…,” the paramedic said" a second time, paragraphs after "A paramedic who … was not named": the
                # unnamed one who spoke so, still in focus
                unnamed = self._salient(
                    m.span[0], cand,
                    lambda i: self.table.draft(i).type == "GROUP" and self.table.draft(i).individual
                    and _head_word(self.table.draft(i).name) == head,
                    persons=False,
                )
            if unnamed is None and len(m.text.split()) == 3:
                # "The senior nurse" paragraphs after "A senior nurse, who asked not to be named": the unnamed source
                # introduced in the same words, however long ago
                same = fold(" ".join(m.text.split()[1:]))
                unnamed = next((i for i, d in enumerate(self.table.drafts) if d.merged_into is None and d.type == "GROUP"
                                and d.individual and d.mentions and d.mentions[0][0] < m.span[0]
                                and fold(re.sub(r"^(?:an?|one)\s+", "", d.name, flags=re.I)) == same), None)
            if unnamed is not None:
                return Resolution(unnamed, "resolve:group")
        epithet = _EPITHET.match(m.text)
        described = epithet.group() if epithet else m.text
        found = None
        # asked by the age epithets' branch and again, when that finds no one, for any description
        echoed = functools.cache(lambda: self._description_echoed(m, _head_word(m.text)))
        if epithet and len(m.text.split()) > len(described.split()):
            # "the 61-year-old former Portuguese prime minister": the one described by the office, whose age the
            # text gives only now, over whoever is in focus
            found = self._salient(
                m.span[0], cand, lambda i: fits_description(m.text, self.table.draft(i).descriptor_texts()),
                persons=True, reach_back=True,
            )
        if found is None:
            found = self._salient(
                m.span[0], cand, lambda i: fits_description(described, self.table.draft(i).descriptor_texts()),
                persons=True, reach_back=True,
            )
        if found is None and fold(m.text.split()[0]) == "the":
            # "One senior Tory backbencher, a former Cabinet minister, was among … / the former Cabinet minister said"
            found = self._introduced_apposed(m)
        titles = _PROFESSOR_TITLES if head == "professor" else _DOCTOR_TITLES if head in _DOCTOR_HEADS else None
        if found is None and titles is not None and not self._unnamed_one_before(m, head):
            # "Dr Selvaraj … decided on a caesarean. Arlo was delivered … / “…,” said the consultant obstetrician":
            # the doctor in focus, over the baby named last; "the philosophy professor" is one called Professor
            # (not after "One consultant anaesthetist, who spoke on condition of anonymity,": that one, unnamed)
            found = self._salient(m.span[0], cand, lambda i: self._titled(i, titles), persons=True, reach_back=True)
        if found is not None and epithet is not None and epithet.group("age"):
            alone = self._alone_in_paragraph_before(cand)
            if alone is not None and alone != found and not self._other_age(alone, epithet.group("age")):
                # "For Oliver Brennan, the day started with a 5am alarm … / “…,” the 18-year-old said": the one
                # person the narration just before is about, over an 18-year-old quoted paragraphs earlier
                found = alone
        office = _CAPITALISED_OFFICE.fullmatch(m.text)
        if found is None and office is not None and is_role_word(office.group("office").split()[-1]) \
                and not re.search(re.escape(office.group("office")) + r"[ \u00a0]+[A-Z]", self.text):
            # "The Presiding Officer told members": an office of several capitalised words whose holder the text
            # never names ("Presiding Officer Elin Jones" would), so the office itself speaks, not the member
            # the sentence before is about (an office, not one person "he" or "she" takes up)
            return self._resolve_group(replace(m, kind=MentionKind.GROUP, number="sg"), cand, individual=False)
        role_age = _ROLE_AND_AGE.match(m.text)
        if found is None and (epithet or role_age):
            # "The 52-year-old admitted", "The Scot said", "the star, 31, wrote": a fact given in passing
            # about the person in focus, never one the text gives another age or nationality
            age = epithet.group("age") if epithet else role_age.group("age")  # type: ignore[union-attr]
            nation = nationality(epithet.group()) if epithet and not age else None

            def other(i: int) -> bool:
                return self._other_age(i, age) or self._other_nationality(i, nation)
            opener = self._previous_sentence_opener(m)
            # "the then 67-year-old": an age at a past moment, the way a profile or obituary speaks of its subject
            dominant = self._story_subject(m.span[0]) if epithet and epithet.group("age") \
                and re.match(r"(?i:the)\s+then\b", m.text) else None
            if dominant is not None and not other(dominant):
                # an obituary's or profile's "the then 67-year-old": the person the whole story is about,
                # over a rival quoted last
                found = dominant
            elif opener is not None and not other(opener):
                # "Okoye had been limited …, according to Vasquez. The 27-year-old guard said …": the person
                # the sentence before is about, over the speaker it credits
                found = opener
            elif (echo := echoed()) is not None and not other(echo):
                found = echo
            elif (setup := self._set_up_alone(cand, m)) is not None and not other(setup) \
                    and setup not in self._excluded and not (age and self._of_age_before(m.span[0], age) - {setup}):
                # "Manager Danny Orrell, who was handed a new contract by Petchey, was asked about … / “…,” the
                # 41-year-old said": the one the narration just before is about, over a woman quoted before it
                found = setup
            elif (alone := self._alone_in_paragraph_before(cand, lambda i: self.table.draft(i).type == "PERSON"
                                                           and self.table.draft(i).gender is not None
                                                           and not other(i))) is not None \
                    and alone not in self._excluded and not (age and self._of_age_before(m.span[0], age) - {alone}) \
                    and not self._spoken_of(cand, alone):
                # "Among those watching from the public gallery was Brenda Sowerby, who … / “…,” the 71-year-old
                # said": the one person the narrating paragraph just before turns to, wherever it names her (a
                # person of known gender: a parse's "West Cork" is none), unless the words speak of them ("He's got
                # ice in his veins, that boy," said the 52-year-old: the coach, of his player)
                found = alone
            else:
                found = self._salient(
                    m.span[0], cand,
                    lambda i: self.table.draft(i).type == "PERSON" and not other(i),
                    persons=True,
                )
            if found is None and epithet and epithet.group("age"):
                # "The 29-year-old, who has spoken openly …" with no one named nearby: the one the story is about
                found = self._story_subject_alone(m.span[0], lambda i: not other(i))
        gendered = _GENDERED_NOMINAL.match(m.text)
        if found is None and gendered:
            # "the actress, 34, said": like "she", the person in focus of that gender
            gender = "female" if gendered.group("noun").lower() in _FEMALE_ROLES else "male"
            found = self._salient(
                m.span[0], cand, lambda i: self._fits_gender(i, gender), persons=True,
                prefer=lambda i: self.table.draft(i).gender == gender,
            )
        if found is None and head in ROLE_NOUNS:
            found = self._previous_sentence_subject(m)
        if found is None and head in _CONTEST_NOUNS and not description_tokens(m.text) & _PARTY_TOKENS:
            # "“…,” said the governorship candidate" after a paragraph about Otunba Adesanya; "the aspirant
            # said" right after Okediran's quotation (a party named would have to fit: not taken up so)
            found = self._previous_paragraph_subject(m)
            if found is None:
                found = self._person_just_quoted(cand)
        if found is None and head in SEAT_HEADS:
            found = self._politician_just_quoted(m, cand)
        if found is None and fold(m.text.split()[0]) == "the" and _head_word(m.text).isalpha():
            found = echoed()
        if found is None:
            found = self._named_after(m)
        role_of = _ROLE_OF_BODY.match(m.text) if found is None else None
        if role_of is not None and fold(role_of.group("role").split()[-1]) in ROLE_NOUNS:
            # "The former chief financial officer of Veranta Health testified … / Anneliese Korver, 46, …": a
            # lede's role of a body, identified by name at the start of the next paragraph
            found = self._identified_next(replace(m, text=role_of.group("role"),
                                                  span=(m.span[0], m.span[0] + role_of.end("role"))))
        if found is None:
            found = self._titled_on_page(m)
        if found is None and fold(m.text.split()[0]) == "the" and head.replace("-", "").isalpha() and head.islower():
            # "Harrowdale manager Gary Pennock … . Speaking to Sky Sports, the former Wexham midfielder said":
            # any description right after a sentence opened by one person, in the same paragraph, is that person
            found = self._previous_sentence_subject(m)
            just = self._person_just_quoted(cand) if found is None and head in ANONYMOUS_HEADS else None
            if just is not None and not self.table.draft(just).descriptor_texts():
                # "“…,” Lindqvist said. / The 30-year resident said …": one described only now, right after
                # speaking (someone already described otherwise is not taken up so)
                found = just
        if found is None and fold(m.text.split()[0]) == "the" and len(m.text.split()) <= 4 \
                and ((head not in ROLE_NOUNS and head not in ROLE_TITLES)  # an office names its holder, not this,
                     or self._previous_in_role(head)):  # unless the one speaking before holds it ("the Boston attorney")
            # "Former Cork full-forward Name said … . / “…,” the three-time All-Star said": a description fitting
            # no one, right after one person's statement with no one else named between, is a fact given
            # in passing about that person
            found = self._speaker_continued(cand)
        if found is None and fold(m.text.split()[0]) == "the" and head.replace("-", "").isalpha() and head.islower():
            # "Moriarty … was more guarded. / “…,” said the Shannonside lock": the person a narrating
            # sentence just before sets up
            found = self._set_up_alone(cand, m)
        if found is not None:
            desc = normalise_descriptor(described)
            d = self.table.draft(found)
            if desc and not any(description_tokens(desc) <= description_tokens(x) for x in d.descriptor_texts()):
                d.add_descriptor(m.span[0], desc)
        introduced = _INTRODUCING_APPOSITIVE.match(self.text, m.span[1])
        if found is None and introduced is not None and fold(m.text.split()[0]) == "the" \
                and (_is_person_noun(m.text) or introduced.group("desc") is None):  # ("…, who": a person)
            # "The campaign's chairman, a retired teacher who has lived in the village for 31 years, said": one
            # person introduced by a role and a description, whom no one named fits; named by the role, and
            # "he said" after it takes them up
            res = self._resolve_group(replace(m, kind=MentionKind.GROUP, number="sg"), cand)
            desc = normalise_descriptor(introduced.group("desc")) if introduced.group("desc") else None
            if res.entity is not None and desc:
                self.table.draft(res.entity).add_descriptor(m.span[0], desc)
            if res.entity is not None and self.table.draft(res.entity).type == "GROUP":
                d = self.table.draft(res.entity)
                d.individual = True  # ("The tanker’s master, who …": one person, whatever the noun)
                own = _OWN_PRONOUN.match(self.text, cand.content[0][0]) if cand.content else None
                if d.gender is None and own is not None:
                    # "…, told the panel he had handed navigation to the pilot": reported in his own person
                    d.gender = "male" if own.group(1).lower() == "he" else "female"
            return res
        if found is None and fold(m.text.split()[0]) == "the" and len(m.text.split()) <= 5:
            found = self._owned_role_introduced(m)
            if found is not None:
                return Resolution(found, "resolve:group")
        return Resolution(found, "resolve:nominal")

    def _owned_role_introduced(self, m: SpeakerMention) -> int | None:
        """For "the director of nursing" whom no one named fits, the one a narrating sentence in this paragraph or
        the two before introduced by the same role and whose it is, and never named: "The trust's director of
        nursing, who joined from a London teaching hospital in September, was …" (a group of one)."""
        rest = m.text.split(None, 1)[1]
        if fold(_head_word(m.text)) not in ROLE_NOUNS and fold(_head_word(m.text)) not in ROLE_TITLES:
            return None
        para = self.table.paragraph_of(m.span[0])
        lo = self.table.paragraphs[max(0, para - 2)][0]
        pattern = re.compile(rf"(?<![\w’'])(?P<who>The\s+[\w’'-]+(?:['’]s?)\s+{re.escape(rest)})(?=,\s+who\b|\s+(?:was|is|has|had)\b)")
        found = None
        for hit in pattern.finditer(self.text, lo, m.span[0]):
            # (the tagger may read such narration as someone's content: quotation marks alone rule it out)
            if not self.table.in_quote(hit.start(), hit.end()):
                found = hit
        if found is None:
            return None
        group = self._unnamed_group(found.group("who"), found.span("who"))
        self._mark_individual(group, rest)
        return group

    def _introduced_indefinite(self, m: SpeakerMention, head: str, anonymous: bool = False) -> int | None:
        """The group named by "A|An|One <…> ``head`` <…>," opening a sentence in this paragraph or the one before,
        or after a quotation ("“…,” one developer, who asked not to be named, said"); with ``anonymous``, only
        one said to be unnamed ("…, speaking on condition of anonymity,")."""
        para = self.table.paragraph_of(m.span[0])
        # one said to be unnamed may be introduced as "The chief executive of one large trust, who asked not to be
        # named," two paragraphs before a statistics paragraph and "the chief executive said"
        lo = self.table.paragraphs[max(0, para - (2 if anonymous else 1))][0]
        openers = "[Aa]n?|[Oo]ne|[Tt]he" if anonymous else "[Aa]n?|[Oo]ne"
        # (one said to be unnamed may be introduced inside a sentence: "the panel heard from a former staff officer
        # in the chief constable's private office, who was granted anonymity", "Among those … was a volunteer
        # flood warden who has lived on the Wharf for four decades and asked not to be named")
        heard = r"|(?<=\bfrom\s)|(?<=\bby\s)|(?<=\bwas\s)|(?<=\bwere\s)" if anonymous else ""
        pattern = re.compile(rf"(?:(?:(?<=^)|(?<=[.!?\n]\s)|(?<=\n)|(?<=\d\s[-–—]\s))(?=[AOT])|(?<=[,!?][”\"’']\s){heard})"
                             rf"(?P<who>(?:{openers})\s+(?:[\w'’-]+\s+){{0,2}}(?i:{re.escape(head)})"
                             rf"(?:\s+(?:to|for|of|at|in|with|from)\s+[^,.;:\n]{{1,60}})?)(?=[,.;:]|\s+(?:was|is|who|said|told))",
                             re.MULTILINE)
        found = None
        for hit in pattern.finditer(self.text, lo, m.span[0]):
            if not self._in_content(hit.start()) and (not anonymous or UNNAMED_AFTER.match(self.text, hit.end("who"))):
                found = hit
        if found is None:
            return None
        return self._unnamed_group(found.group("who"), found.span("who"))

    def _unnamed_group(self, name: str, span: tuple[int, int]) -> int:
        """The group an unnamed source's introduction names ("One senior Tory backbencher"), made once."""
        existing = next((i for i, d in enumerate(self.table.drafts)
                         if d.merged_into is None and d.type == "GROUP" and fold(d.name) == fold(name)), None)
        group = existing if existing is not None else self.table.new(name, "GROUP")
        if existing is None:
            self._mark_individual(group, name)
        self.table.add_mention(group, *span)
        return group

    def _agent(self, agent: re.Match[str], cand: Candidate) -> int | None:
        """Who an :data:`_AGENT_OF_OWNER` match names: as a speaker mention would resolve, else, for a plural
        ("his solicitors, Hallam Pryce"), the firm by that name."""
        found = self.resolve(Candidate(content=list(cand.content), speaker=agent.span("name"))).entity
        if found is None and agent.group("noun").endswith("s"):
            found = self._org(agent.group("name"), agent.span("name"))
        return found

    def _unnamed_one_before(self, m: SpeakerMention, head: str) -> bool:
        """Whether "One|A|An … ``head``" stands in this paragraph or the WINDOW_PARAGRAPHS before ``m``."""
        lo = self.table.paragraphs[max(0, self.table.paragraph_of(m.span[0]) - WINDOW_PARAGRAPHS)][0]
        one = re.compile(rf"\b(?:[Oo]ne|[Aa]n?)\s+(?:[\w-]+\s+){{0,2}}{re.escape(head)}\b", re.I)
        return one.search(self.text, lo, m.span[0]) is not None

    def _titled(self, index: int, titles: frozenset[str]) -> bool:
        """Whether the text calls this person by one of ``titles`` ("Dr", "Prof") anywhere."""
        d = self.table.draft(index)
        if d.type != "PERSON":
            return False
        if d.parsed is not None and d.parsed.honorific and fold(d.parsed.honorific).rstrip(".") in titles:
            return True
        return any((t := _TITLE_BEFORE.search(self.text, max(0, s - 12), s)) and fold(t.group(1)) in titles
                   for s, _ in d.mentions)

    def _introduced_apposed(self, m: SpeakerMention) -> int | None:
        """The unnamed person introduced with the mention's own words in apposition, in this paragraph or the
        one before: "One senior Tory backbencher, a former Cabinet minister, was among … / “…,” the former
        Cabinet minister said" (a group named by the introduction, as :meth:`_introduced_indefinite`)."""
        rest = m.text.split(None, 1)[1] if len(m.text.split()) > 1 else ""
        if len(rest.split()) < 2:
            return None  # "the minister" alone is a role, not these words
        para = self.table.paragraph_of(m.span[0])
        lo = self.table.paragraphs[max(0, para - 1)][0]
        pattern = re.compile(rf"\b(?P<who>(?:An?|One|an?|one)\s+[^,.;:\n\"“”]{{1,50}}?),\s+an?\s+{re.escape(rest)},")
        found = None
        for hit in pattern.finditer(self.text, lo, m.span[0]):
            if not self._in_content(hit.start()):
                found = hit
        if found is None:
            return None
        return self._unnamed_group(found.group("who"), found.span("who"))

    def _cue_after_own_quote(self, m: SpeakerMention, cand: Candidate) -> bool:
        """Whether pronoun ``m`` follows its own quotation inside a paragraph that opened before it: "When I read
        Ashby-Reeve’s words back to Kilbride, she laughed … “…,” she said" (Kilbride, named in the paragraph
        before the quotation, over a woman quoted paragraphs earlier)."""
        if not cand.content or m.span[0] < cand.start:
            return False
        para = self.table.paragraph_of(cand.start)
        return para == self.table.paragraph_of(m.span[0]) and self.table.paragraphs[para][0] < cand.start - 1

    def _previous_in_role(self, head: str) -> bool:
        """Whether the person quoted just before is described by the role ``head`` ("Attorney Russell
        Penhallow … said …" before "“…,” the Boston attorney said")."""
        if self.previous is None or self.previous[1] is None:
            return False
        d = self.table.draft(self.previous[1])
        # (or one of its kind: "Graham Pickersgill, who has led the borough, … / the outgoing council leader")
        return d.type == "PERSON" and (any(x.split() and fold(x.split()[-1]) == head for x in d.descriptor_texts())
                                       or holds_role(head, d.descriptor_texts()))

    def _speaker_continued(self, cand: Candidate) -> int | None:
        """The person who spoke the statement just before ``cand``, when ``cand`` continues it (see _continues)."""
        if self.previous is None:
            return None
        prev, entity, _ = self.previous
        if entity is None or self.table.draft(entity).type != "PERSON" or prev.end > cand.start:
            return None
        return entity if _continues(self.table, prev, cand, entity) else None

    def _narration(self, lo: int, hi: int) -> bool:
        """Whether ``[lo, hi)`` quotes and reports no one: no quotation marks, no attribution's cue."""
        k = bisect.bisect_left(self._cue_starts, lo)
        return not any(ch in self.text[lo:hi] for ch in "\"“”") and not (k < len(self._cue_starts) and self._cue_starts[k] < hi)

    def _mentions_in(self, lo: int, hi: int) -> Iterator[tuple[int, MentionRef]]:
        """Each table mention starting in ``[lo, hi)`` with its entity's root, in text order (bisected)."""
        mentions = self.table.mentions
        k = bisect.bisect_left(mentions, lo, key=_start_of)
        while k < len(mentions) and mentions[k].start < hi:
            yield self.table.root(mentions[k].entity), mentions[k]
            k += 1

    def _persons_in(self, lo: int, hi: int) -> list[tuple[int, MentionRef]]:
        """The persons mentioned in ``[lo, hi)``, each mention with its entity's root, in text order."""
        return [(r, mr) for r, mr in self._mentions_in(lo, hi) if self.table.draft(r).type == "PERSON"]

    def _alone_in_own_paragraph(self, cand: Candidate, m: SpeakerMention) -> int | None:
        """The one person of a fitting gender that the narration of ``m``'s paragraph names in the sentences
        before ``cand``'s and ``m``'s, when it quotes and reports no one there."""
        ps = self.table.paragraphs[self.table.paragraph_of(m.span[0])][0]
        # in an earlier sentence: not one the pronoun's own sentence names ("In a 1998 interview with the
        # programme The Inner Life, she said", "Asked whether … Prime Minister Bertrand Aubanel, she said")
        end = _sentence_start(self.text, min(m.span[0], cand.start) if cand.content else m.span[0])
        if end <= ps or not self._narration(ps, end):
            return None
        named = self._persons_in(ps, end)
        people = {r for r, _ in named}
        if len(people) != 1 or not any(mr.subject or self._opens_sentence(mr.start) for _, mr in named):
            return None  # (one the paragraph is about: not "About 60 of her customers take Cardexa")
        person = people.pop()
        return person if self._fits_gender(person, m.gender) else None

    def _alone_in_paragraph_before(self, cand: Candidate, fits=None) -> int | None:
        """The one person named in the narration paragraph right before ``cand``'s, when ``cand`` opens its
        paragraph and that paragraph quotes no one: the person the writer has just turned to. With ``fits``,
        the one person there that ``fits`` (wherever the paragraph names them); without, one it opens with."""
        table = self.table
        if not cand.content:
            return None
        para = table.paragraph_of(cand.start)
        ps = table.paragraphs[para][0]
        if para == 0 or self.text[ps : cand.start].strip(" \t\n\"“‘'"):
            return None
        bs, be = table.paragraphs[para - 1]
        if not self._narration(bs, be):
            return None  # a paragraph that quotes or reports someone
        first: dict[int, int] = {}
        for r, mr in self._persons_in(bs, be):
            if fits is None or fits(r):
                first.setdefault(r, mr.start)
        if len(first) != 1:
            return None
        person, start = first.popitem()
        # with no test, the paragraph must open with them ("For Oliver Brennan, the day started …"), not a
        # caption's credit
        return person if fits is not None or start - bs <= OPENING_CHARS else None

    def _paragraph_before_opener(self, cand: Candidate) -> int | None:
        """The person whose name is the first words of the narration paragraph right before ``cand``'s, when
        ``cand`` opens its own paragraph."""
        para = self.table.paragraph_of(cand.start) if cand.content else 0
        ps = self.table.paragraphs[para][0]
        if para == 0 or self.text[ps : cand.start].strip(" \t\n\"“‘'"):
            return None
        bs, be = self.table.paragraphs[para - 1]
        while bs < be and self.text[bs] in " \t\"“‘'":
            bs += 1
        k = bisect.bisect_left(self.table.mentions, bs, key=_start_of)
        if k + 1 < len(self.table.mentions) and 0 <= self.table.mentions[k + 1].start - self.table.mentions[k].end <= 4:
            return None  # "Kadima Hadasha MK | Menachem Tzur": a party's name and a title before the person
        return self._person_opening(bs, bs + 1) if self._narration(bs, be) else None

    def _previous_sentence_opener(self, m: SpeakerMention) -> int | None:
        """The person whose name opens the sentence before ``m`` in its paragraph, even inside reported content
        ("Okoye had been limited …, according to Vasquez. The 27-year-old guard said …"), outside quotation marks."""
        table = self.table
        sent = _sentence_start(self.text, m.span[0])
        if sent <= table.paragraphs[table.paragraph_of(m.span[0])][0]:
            return None
        prev = _sentence_start(self.text, sent - 1)
        while prev < sent and self.text[prev] in " \t\n\"“‘'":
            prev += 1
        k = bisect.bisect_left(table.mentions, prev, key=_start_of)
        if k < len(table.mentions) and table.mentions[k].start == prev and not table.mentions[k].in_quote:
            r = table.root(table.mentions[k].entity)
            return r if table.draft(r).type == "PERSON" else None
        return None

    def _previous_sentence_subject(self, m: SpeakerMention) -> int | None:
        """The person opening the sentence just before a role in the same paragraph, outside any content.

        "Steve Dunmore did not see the turning point the same way. The
        Corrington manager said …": a role no descriptor fits, right after a
        sentence about one person, is that person.
        """
        table = self.table
        sent = _sentence_start(self.text, m.span[0])
        if sent <= table.paragraphs[table.paragraph_of(m.span[0])][0]:
            return None  # the role opens its paragraph: no sentence before it here
        return self._sentence_subject(_sentence_start(self.text, sent - 1), sent)

    def _sentence_subject(self, prev: int, sent: int) -> int | None:
        """The person a sentence ``[prev, sent)`` is about: the one whose name opens it, or the one person of a
        narrating sentence, its subject."""
        found = self._person_opening(prev, sent)
        if found is None:
            # "Across town, in the Victorian terraces …, Gareth Pennock has a clipboard and a theory. The Liberal
            # Democrat … said": the one person of a narrating sentence, its subject after a long fronted phrase
            named = self._persons_in(prev, sent)
            if len({r for r, _ in named}) == 1 and named[0][1].subject and self._narration(prev, sent):
                found = named[0][0]
        return found

    def _description_echoed(self, m: SpeakerMention, head: str) -> int | None:
        """The person an earlier sentence opening with a description of the same head took up.

        "Then Jonah Brisebois let them exhale. / The Foxes winger one-timed a
        cross-ice feed from captain Ryan Okonkwo-Hale … / “…,” said the
        23-year-old winger": the winger is the one the sentence before "The
        Foxes winger" was about, in this paragraph or the one before, not the
        captain named last.
        """
        table = self.table
        para = table.paragraph_of(m.span[0])
        lo = table.paragraphs[max(0, para - 1)][0]
        opening = re.compile(r"\b(?:The|the)\s+(?:[A-Z][\w’'.-]*\s+){0,3}" + re.escape(head) + r"\b")
        for hit in reversed(list(opening.finditer(self.text, lo, m.span[0]))):
            sent = _sentence_start(self.text, hit.start())
            if self.text[sent : hit.start()].strip(" \t\n\"“‘'") or self._in_content(hit.start()) \
                    or any(mr.start == hit.start() for _, mr in self._mentions_in(hit.start(), hit.end())):
                continue  # not a description opening narration, or one the name finder read as a name
            before = self._sentence_before(hit.start())
            return self._sentence_subject(*before) if before is not None else None
        return None

    def _person_opening(self, start: int, end: int) -> int | None:
        """The person whose mention opens the sentence at ``start`` (the first mention before ``end``),
        outside quotation marks; None when that mention is no person or does not open it."""
        table = self.table
        k = bisect.bisect_left(table.mentions, start, key=_start_of)
        if k < len(table.mentions) and table.mentions[k].start < end:
            mr = table.mentions[k]
            r = table.root(mr.entity)
            if table.draft(r).type == "PERSON" and not mr.in_quote and self._opens_sentence(mr.start):
                return r
        return None

    def _previous_paragraph_subject(self, m: SpeakerMention) -> int | None:
        """For a role whose sentence opens its paragraph: the person opening the last sentence of the
        paragraph before ("In his acceptance speech, Otunba Adesanya thanked the delegates.")."""
        table = self.table
        para = table.paragraph_of(m.span[0])
        if para == 0 or _sentence_start(self.text, m.span[0]) > table.paragraphs[para][0]:
            return None
        ps, pe = table.paragraphs[para - 1]
        return self._person_opening(max(ps, _sentence_start(self.text, max(ps, pe - 1))), pe)

    def _person_just_quoted(self, cand: Candidate) -> int | None:
        """The person who spoke the attribution before ``cand``, when it ends in this paragraph or the one before."""
        if self.previous is None:
            return None
        prev, entity, _ = self.previous
        if entity is None or self.table.draft(entity).type != "PERSON":
            return None
        if self.table.paragraph_of(cand.start) - self.table.paragraph_of(prev.end) > 1:
            return None
        return entity

    def _politician_just_quoted(self, m: SpeakerMention, cand: Candidate) -> int | None:
        """For a seat ("the Dublin Bay North TD said") that fits no one: the politician who spoke just before.

        The last speaker must be a person described by a party or an office
        ("Sinn Féin’s housing spokesperson"), whose statement ends in the
        paragraph before or this one, and of no other party than one the
        nominal names ("the Tory MP" is never Labour's spokesperson).
        """
        if self.previous is None:
            return None
        prev, entity, _ = self.previous
        if entity is None or self.table.paragraph_of(cand.start) - self.table.paragraph_of(prev.end) > 1:
            return None
        d = self.table.draft(entity)
        if d.type != "PERSON":
            return None
        have = {w for x in d.descriptor_texts() for w in description_tokens(x)}
        parties = description_tokens(" ".join(PARTY_WORDS))
        if not have & (parties | _OFFICE_TOKENS):
            return None
        named = description_tokens(m.text) & parties
        if named and not named <= have:
            return None
        return entity

    def _named_after(self, m: SpeakerMention) -> int | None:
        """For a role that fits no one before it, the person named next in that role.

        "…, the city's police chief said Thursday." in a lede, then "Chief
        Lorraine Haugen said" two paragraphs on: the first full-named person
        within CATAPHORA_PARAGRAPHS whose descriptors end in the role's noun.
        Not only in a lede: "Opening the police case, the licensing officer told
        the sub-committee that …" three paragraphs before "Sergeant Leanne
        Copley, who has been Eastmere Police's licensing officer for the
        district since 2019, asked …"; past the opening paragraphs the whole
        description must fit the later one.
        """
        table = self.table
        para = table.paragraph_of(m.span[0])
        head = fold(m.text.split()[-1])
        # past the opening, the description must fit as a whole: "the prime minister" is not one "previously a
        # junior minister at the Treasury"
        whole = para >= opening_end(table.text, table.paragraphs)
        limit = table.paragraphs[paragraphs_on(table.text, table.paragraphs, para, CATAPHORA_PARAGRAPHS) - 1][1]
        desc = normalise_descriptor(m.text)
        want = description_tokens(desc) if desc else frozenset()
        # ("Eastmere Police's licensing officer for the Halverton district since 2019": an officer; in the opening
        # too, "the prime minister" is no "junior minister")
        return self._first_person_after(m.span[1], limit, lambda r: any(
            x.split() and (fold(x.split()[-1]) == head or _head_word(x) == head)
            and not (description_tokens(x) & _NARROWER_OFFICE - want)
            and (not whole or fits_description(m.text, [x])) for x in table.draft(r).descriptor_texts()))

    def _first_person_after(self, pos: int, limit: int, fits) -> int | None:
        """The first person mentioned in ``[pos, limit)``, outside quotation marks, that ``fits``."""
        table = self.table
        k = bisect.bisect_left(table.mentions, pos, key=_start_of)
        for mr in table.mentions[k:]:
            if mr.start >= limit:
                break
            r = table.root(mr.entity)
            if table.draft(r).type == "PERSON" and not mr.in_quote and fits(r):
                return r
        return None

    def _named_in_lede_after(self, m: SpeakerMention, head: str) -> int | None:
        """For an unnamed person the lede makes its subject ("A former chief constable has insisted …", "…, a
        coroner has concluded.", "A mother of three has told councillors …"), the one the next paragraphs name:
        the first named in that role ("Assistant Coroner Imogen Thackray said", "Marguerite Ostrowski, the
        board's lead investigator, said"), else the full name opening one of the next LEDE_NAMED_PARAGRAPHS
        paragraphs ("Carolyn Ashdown, who led Fenwold Police for six years, faces …"), of the description's
        gender and described in no other role."""
        table = self.table
        para = table.paragraph_of(m.span[0])
        if para >= opening_end(table.text, table.paragraphs):
            return None
        last = paragraphs_on(table.text, table.paragraphs, para, LEDE_NAMED_PARAGRAPHS)
        limit = table.paragraphs[last - 1][1]
        noun = fold(_head_word(m.text))
        gender = "female" if noun in _FEMALE_ROLES else "male" if noun in _MALE_ROLES else None
        desc = normalise_descriptor(m.text)
        want = description_tokens(desc) if desc else frozenset()

        def in_role(i: int) -> bool:
            return any(_head_word(x) == noun and not (description_tokens(x) & _NARROWER_OFFICE - want)
                       for x in table.draft(i).descriptor_texts())

        lede = table.paragraphs[para]
        # (never one the lede itself names: "Imogen Tarrant has won … after a high court judge ruled …" is not
        # the judge, though "Ms Tarrant, 46, …" opens the next paragraph)
        in_lede = {table.root(mr.entity) for _, mr in self._mentions_in(*lede)}

        def in_other_role(i: int) -> bool:  # "Dr Helen Marsh, the unit's clinical director" is not "a coroner"
            return i in in_lede or any(_head_word(x) != noun and _head_word(x) in ROLE_NOUNS
                                       for x in table.draft(i).descriptor_texts())

        found = self._first_person_after(m.span[1], limit, lambda r: in_role(r) and r not in in_lede)
        for p in range(para + 1, last):
            if found is not None:
                break
            ps, pe = table.paragraphs[p]
            opener = self._person_opening(ps, pe)
            parsed = table.draft(opener).parsed if opener is not None else None
            if parsed is not None and parsed.is_full and self._fits_gender(opener, gender) and not in_other_role(opener):
                found = opener
        return found

    def _titled_on_page(self, m: SpeakerMention) -> int | None:
        """For a capitalised title that fits no one ("The First Minister replied"), the one person the page
        names with that title before their name, captions and headlines included ("First Minister
        Alasdair Rennick during First Minister's Questions (Image: PA)", "Cork manager Dónal Mac Cárthaigh on
        the sideline"), or set off after it, later on ("And the Treasurer, Michael Trewin, joins me now")."""
        words = m.text.split()
        if len(words) < 2 or fold(words[0]) != "the":
            return None
        return self._titled_person(" ".join(words[1:]), m.span[0])

    def _titled_person(self, title: str, pos: int) -> int | None:
        """The one person the page names right after ``title`` (see _titled_on_page)."""
        words = title.split()
        if not words or not words[0][:1].isupper() or fold(words[-1]) not in ROLE_NOUNS | ROLE_TITLES.keys():
            return None  # a title, or a team's or body's role ("Cork manager"), never a bare "manager"
        people = titled_people(self.work.text, title)
        if len(people) != 1:
            return None
        parsed = people[0]
        person = self.table.find_person(parsed, pos)
        if person is None:
            person = self.table.new(" ".join(parsed.tokens), "PERSON", parsed)
        self.table.draft(person).add_descriptor(pos, title)
        return person

    def _spoken_of(self, cand: Candidate, person: int) -> bool:
        """Whether ``cand``'s words speak of ``person`` in the third person: a pronoun of their gender in the
        first sentence of what was said ("He’s got ice in his veins, that boy")."""
        gender = self.table.draft(person).gender
        if not cand.content or gender is None:
            return False
        s, e = cand.content[0]
        first = re.split(r"(?<=[.!?])\s", self.text[s:e], maxsplit=1)[0]
        return re.search(r"\b(?:he|him|his)\b" if gender == "male" else r"\b(?:she|her|hers)\b", first, re.I) is not None

    def _of_age_before(self, pos: int, age: str) -> set[int]:
        """The persons mentioned before ``pos`` whom the text gives the age ``age`` ("Kayla Brightwell, 27")."""
        return {i for i, d in enumerate(self.table.drafts)
                if d.merged_into is None and d.type == "PERSON" and age in self._ages(i)
                and any(s < pos for s, _ in d.mentions)}

    def _ages(self, index: int) -> set[str]:
        """The ages the text gives a person ("aged 24", "52-year-old")."""
        return {m.group(1) or m.group(2) for d in self.table.draft(index).descriptor_texts() for m in _AGE_GIVEN.finditer(d)}

    def _other_age(self, index: int, age: str | None) -> bool:
        """Whether the person is described with an age other than ``age`` ("aged 24" for "the 52-year-old")."""
        if age is None:
            return False
        ages = self._ages(index)
        return bool(ages) and age not in ages

    def _other_nationality(self, index: int, nation: str | None) -> bool:
        """Whether the person is described with a nationality other than ``nation`` ("Finn" for "the Welshman")."""
        if nation is None:
            return False
        known = {nationality(d) for d in self.table.draft(index).descriptor_texts()} - {None}
        return bool(known) and nation not in known

    def _resolve_indefinite(self, m: SpeakerMention, cand: Candidate) -> Resolution:
        """"“…,” a 58-year-old electrician who spent four years on the site told CBC News": someone
        the article never names, known by what is said of them; an anonymous source named as written
        (a description of an office, "a Home Office minister", stays unresolved)."""
        if re.fullmatch(r"(?i:an?)\s+spokes(?:person|man|woman)", m.text):
            # "Brightwing has now agreed to pay … . A spokesperson said …": the body the sentence before names
            body = self._body_in_previous_sentence(m.span[0])
            if body is not None:
                return Resolution(body, "resolve:spokesperson")
        head = re.split(r",?\s+(?:who|whom|whose|which|that)\s", m.text, maxsplit=1)[0]  # "… electrician| who spent …"
        words = _words_of(head)
        unnamed = UNNAMED_AFTER.match(self.text, m.span[1]) or UNNAMED_AFTER.search(self.text, m.span[0], m.span[1])
        if unnamed and len(words) > MAX_ANONYMOUS_WORDS + 2 and ", " in head:
            # "One patient, a woman in her 60s from Co Longford who did not want to be identified": who, first
            head = head.partition(", ")[0]
            words = _words_of(head)
        if words and len(words) <= MAX_ANONYMOUS_WORDS + 2 * bool(unnamed) and unnamed:
            # "A veteran DRP lawmaker, speaking on condition of anonymity, said": an office, but one the story
            # will not name
            return self._resolve_group(replace(m, text=head), cand)
        noun = _head_word(head)
        if words and len(words) <= MAX_ANONYMOUS_WORDS and noun.isalpha() and noun not in _NOT_ANYONE \
                and fits_org_noun(noun, "") is None and noun not in _JUDICIAL_NOUNS | GROUP_NOUNS | {"jury"}:
            # (a person: "an employment tribunal", "a group of residents" is no one the next paragraph names)
            named = self._named_in_lede_after(m, head)
            if named is not None and named not in self._named_inside(cand.content, lambda i: True):
                # "A former chief constable has insisted …" opening the story, "Carolyn Ashdown, who led
                # Fenwold Police …" opening the next paragraph: the lede's unnamed subject, named there; the
                # description becomes theirs, so "the former chief constable" later finds them
                desc = normalise_descriptor(head)
                d = self.table.draft(named)
                if desc and not any(description_tokens(desc) <= description_tokens(x) for x in d.descriptor_texts()):
                    d.add_descriptor(m.span[0], desc)
                return Resolution(named, "resolve:lede")
        if len(words) > MAX_ANONYMOUS_WORDS or not words or fold(words[-1]) in ROLE_NOUNS | ROLE_TITLES.keys() \
                or fold(words[-1]) in _NOT_ANYONE:
            return Resolution(None, "resolve:group")  # "a DW translation", "a statement", "a Home Office minister"
        return self._resolve_group(replace(m, text=head), cand)

    def _insolvency_firm(self, m: SpeakerMention, cand: Candidate) -> int | None:
        """"“…,” the administrators said in a statement" after "Pellow Grant Restructuring was appointed": the
        firm of accountants in focus, for "the administrators", "the liquidators", "the receivers"."""
        words = m.text.split()
        if len(words) != 2 or fold(words[0]) != "the" or fold(words[1]) not in _INSOLVENCY_HEADS:
            return None
        # (by its name's words, or introduced as one: "Insolvency firm Brackley Finch was appointed")
        return self._salient(m.span[0], cand, lambda i: self.table.draft(i).type == "ORG"
                             and (bool(_folded_words(self.table.draft(i).name) & _ADVISORY_WORDS)
                                  or self._introduced_as(i, "insolvency firm") or self._introduced_as(i, "administrators")),
                             persons=False, reach_back=True)

    def _resolve_group(self, m: SpeakerMention, cand: Candidate, individual: bool = True) -> Resolution:
        named_team = _OWNED_NAMED_TEAM.fullmatch(m.text)
        if named_team is not None:
            # "His Solvenza-Aurum team said in a statement": the team by its name, not "Morvan's team"
            start = m.span[0] + named_team.start("name")
            return Resolution(self._org(named_team.group("name"), (start, start + len(named_team.group("name")))),
                              "resolve:org")
        name = re.sub(r"^(?:the|The)\s+", "", m.text)
        earlier = self._earlier_group(m, cand)
        if earlier is not None:
            return Resolution(earlier, "resolve:group")
        if m.owner and m.owner.lower() in ("his", "her", "their") and m.number == "sg" and m.gender is not None:
            # "Her daughter, speaking to the BBC": whose daughter is the story's subject more often than the
            # woman named last (a former pupil quoted just before); named as written, not guessed, unless the
            # one whose relative it is has a namesake of that gender ("Sophie and Dan Whitlock … / said Ms
            # Whitlock … / Her husband, 38, a paramedic, said": Dan)
            kin = self._kin_namesake(m, cand)
            if kin is not None:
                return Resolution(kin, "resolve:group")
        elif m.owner and m.owner.lower() in ("his", "her", "their", "its"):
            owner = self._owner_entity(m, cand)
            if owner is None:
                return Resolution(None, "resolve:group")
            name = re.sub(r"^(?:his|her|their|its)\b", self.table.draft(owner).name + "'s", name, flags=re.I)
        elif m.owner and m.owner_span and m.span[0] < m.owner_span[0] and not re.search(r"['’]s?\s", m.text):
            # "a source close to Hartley": named for whom it is close to, by that one's full name
            name = self._intermediary_name(m, cand, name)
        type_ = "GROUP"
        head, comma, _rest = name.partition(", ")
        if comma and len(head.split()) >= 2:
            name = head  # "A senior administration official, granted anonymity to …": who, not how they spoke
        acronym = _NAMED_WITH_ACRONYM.match(m.text)
        if acronym:  # "the Confédération française des salariés (CFS), the country's largest union": a body's name
            name, type_ = re.sub(r"^(?:the|The)\s+", "", acronym.group("name")), "ORG"
        key = fold(name)
        for i, d in enumerate(self.table.drafts):
            if d.merged_into is None and d.type == type_ and fold(d.name) == key:
                return Resolution(i, "resolve:group")
        group = self.table.new(name, type_)
        if type_ == "GROUP" and m.number != "pl" and individual:
            self._mark_individual(group, m.text, m.gender)
        return Resolution(group, "resolve:group")

    def _mark_individual(self, group: int, mention: str, gender: str | None = None) -> None:
        """Mark an unnamed group as one person when ``mention``'s head is a singular person noun ("The daughter of
        one resident, who asked not to be named": one woman, whom "she said" takes up), with the gender its head
        or ``gender`` gives."""
        word = _head_word(mention)
        if not _is_person_noun(mention) or word == "people" or (word.endswith("s") and word[:-1] in ANONYMOUS_HEADS | ROLE_NOUNS):
            return
        d = self.table.draft(group)
        d.individual = True
        d.gender = d.gender or gender or ("female" if word in _FEMALE_ROLES else "male" if word in _MALE_ROLES else None)

    def _kin_namesake(self, m: SpeakerMention, cand: Candidate) -> int | None:
        """The one other person of the relative's gender who shares the surname of the person ``m``'s owner
        pronoun stands for (see :meth:`_resolve_group`), else None."""
        owner = self._owner_entity(m, cand)
        if owner is None:
            return None
        d = self.table.draft(owner)
        kin = re.escape(m.text.split()[-1])
        if d.type == "PERSON" and any(re.search(rf"\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+{kin},?\s+\Z", self.text[max(0, a - 30) : a])
                                      for a, _ in d.mentions):
            # "Her mother, Lucia Marchetti, … / “…,” her mother says": the pronoun found the mother herself,
            # introduced as that relative
            return owner
        last = d.parsed.last if d.type == "PERSON" and d.parsed else None
        if not last:
            return None
        same = [i for i, x in enumerate(self.table.drafts)
                if x.merged_into is None and i != owner and x.type == "PERSON" and x.parsed and x.parsed.last
                and fold(x.parsed.last) == fold(last) and x.gender in (None, m.gender)]
        return same[0] if len(same) == 1 else None

    def _earlier_group(self, m: SpeakerMention, cand: Candidate) -> int | None:
        """The group a short definite mention takes up again: "the officials" after "two officials familiar with …".

        The mention must be "the" and at most two words before a plural head,
        with no owner; the group must be a speaker group named with the same
        head word in this paragraph or the WINDOW_PARAGRAPHS before it.
        """
        words = m.text.split()
        if m.owner or not 2 <= len(words) <= 4 or words[0].lower() != "the" or m.number != "pl":
            return None
        head = fold(words[-1])

        def fits(i: int) -> bool:
            d = self.table.draft(i)
            return d.type == "GROUP" and fold(d.name) != fold(" ".join(words[1:])) \
                and head in _folded_words(d.name)

        return self._salient(m.span[0], cand, fits, persons=False)

    def _intermediary_name(self, m: SpeakerMention, cand: Candidate, name: str) -> str:
        """``a source close to Rupert Hartley`` for "A source close to Hartley" (the owner's canonical name)."""
        assert m.owner is not None and m.owner_span is not None
        if m.owner.lower() in ("him", "her", "them"):
            gender = {"him": "male", "her": "female"}.get(m.owner.lower())
            owner = self._salient(m.owner_span[0], cand,
                                  (lambda i: self._fits_gender(i, gender)) if gender else (lambda i: True),
                                  persons=gender is not None)
        else:
            owner = self._owner_entity(m, cand)
        cut = m.owner_span[0] - m.span[0]
        lead = re.sub(r"^(A|An|One)\b", lambda x: x.group(1).lower(), m.text[:cut])
        return lead + (self.table.draft(owner).name if owner is not None else m.owner)

    def _resolve_document(self, m: SpeakerMention, cand: Candidate) -> Resolution:
        if m.owner and m.owner.startswith("the ") and m.owner[4:] in BODY_MAKERS and m.owner_span is not None:
            # "a cabinet statement" (mentions._BODY_BEFORE_DOC): the body in focus, as "the cabinet said",
            # else the body by that noun
            body = SpeakerMention(MentionKind.NOMINAL, m.owner, m.owner_span)
            found = self._resolve_nominal(body, cand)
            if found.entity is None:
                found = self._resolve_group(replace(body, kind=MentionKind.GROUP), cand)
            if found.entity is not None:
                self.table.add_mention(found.entity, *m.owner_span)
            return found
        agent = _AGENT_OF_OWNER.match(self.text, m.owner_span[0], m.span[1]) if m.owner_span is not None else None
        if agent is not None:
            # "A letter from his solicitors, Hallam Pryce, … states": the firm or person who wrote it, not the client
            found = self._agent(agent, cand)
            if found is not None:
                return Resolution(found, "resolve:document-owner")
        if m.owner:
            owner = self._owner_entity(m, cand)
            voice = fold(m.text.split()[-1])
            if owner is not None and voice in VOICE_NOUNS and self.table.draft(owner).type == "PERSON":
                # "the minister's office said": the office speaks, named for its holder, not the holder in person
                return self._owned_group(m, self.table.draft(owner).name, voice, "resolve:document-owner")
            if owner is not None:
                self._document_makers[fold(m.text.split()[-1])] = (m.span[0], owner)
                return Resolution(owner, "resolve:document-owner")
            return Resolution(None, "resolve:document-owner")
        # the document's noun, before an aside: "The letter, dated 3 March and sent before the cabinet vote, adds:"
        core = m.text.split(",")[0]
        if m.text.lower().startswith(("the ", "this ", "that ")):
            # "the statement said": a document already introduced; it speaks for whoever issued it
            issuer = self._issuer_before(m.span[0], cand, fold(core.split()[-1]))
            if issuer is not None:
                return Resolution(issuer, "resolve:document-issuer")
            made = self._document_makers.get(fold(core.split()[-1]))
            if made is not None and self.table.paragraph_of(m.span[0]) - self.table.paragraph_of(made[0]) <= WINDOW_PARAGRAPHS:
                # "Department for Education guidance … says … / The guidance also says": the same maker's
                return Resolution(made[1], "resolve:document-owner")
        name = m.text
        reduced = HEAD_DOC_PARTICIPLE.search(name)
        if reduced is not None:
            name = name[: reduced.end(1)]  # "A Liberal Democrat leaflet | delivered to homes …": the document
        key = fold(name)
        found = next(
            (i for i, d in enumerate(self.table.drafts) if d.merged_into is None and d.type == "DOCUMENT" and fold(d.name) == key),
            None,
        )
        if found is None:
            found = self.table.new(name, "DOCUMENT")
        self.table.add_mention(found, *m.span)
        return Resolution(found, "resolve:document")

    def _issuer_before(self, pos: int, cand: Candidate, head: str, reach: int = ISSUER_PARAGRAPHS) -> int | None:
        """Who issued the document a definite mention refers to ("the MSP issued an apology").

        Looks back over this paragraph and the ISSUER_PARAGRAPHS before for the last
        "X issued / published / released / posted / put out / sent" or "In a
        statement …, X said", and resolves X as a speaker mention would be.
        A match that names its document must name ``head``, the mention's noun
        ("the memo" is not the letter the mayor sent), except that "the
        statement" is any document issued; one that names none ("X tweeted")
        only stands for a post.
        """
        para = self.table.paragraph_of(pos)
        lo = self.table.paragraphs[max(0, para - reach)][0]
        text = self.work.clean or self.work.text
        head = head.rstrip("s") if head.endswith("s") and head != "press" else head
        last = None
        for pattern in (_ISSUED, _ISSUED_FRONTED):
            for found in pattern.finditer(text, lo, pos):
                doc = next((found.group(g) for g in ("doc", "doc2") if g in pattern.groupindex and found.group(g)), None)
                doc = doc.lower() if doc else None
                if doc is None and head not in _POSTED_DOCS:
                    continue
                if doc is not None and doc != head and (head != "statement" or doc in _PASSED_DOCS):
                    continue  # "the statement" is whatever was issued (an apology, a release, a letter), not a
                    # resolution a body passed
                if last is None or found.start("who") > last.start("who"):
                    last = found
        read = None
        for hit in _READ_OUT.finditer(text, lo, pos):
            read = hit
        if read is not None and (last is None or read.start() > last.start()) \
                and head in ("statement", read.group("doc").lower()):
            # "Haldane read her written statement into the record": whose statement it is, not who read it
            owner = read.group("owner").lower()
            if owner in ("her", "his"):
                gender = "female" if owner == "her" else "male"
                reader = self._salient(read.start(), cand, lambda i: True, persons=True)
                found = self._salient(read.start("owner"), cand,
                                      lambda i: self._fits_gender(i, gender) and i != reader, persons=True)
                if found is not None:
                    return found
        sent = None
        for hit in _DOC_FROM.finditer(text, lo, pos):
            if head in (hit.group("doc").lower().rstrip("s"), "statement"):
                sent = hit
        if sent is not None and (last is None or sent.start() > last.start()):
            # "A letter from his solicitors, Hallam Pryce, … / “…,” the letter continues": who it is from
            agent = _AGENT_OF_OWNER.match(text, sent.start("who"))
            if agent is not None:
                return self._agent(agent, cand)
            return self.resolve(Candidate(content=list(cand.content), speaker=sent.span("who"))).entity
        if last is None:
            return None
        who = last.span("who")
        both = _FIRST_OF_TWO.search(text, max(0, who[0] - 60), who[0])
        if both is None and text.startswith("and ", who[0]):  # the issuer's pattern took "and" for a role word
            both = _NAME_BEFORE.search(text, max(0, who[0] - 60), who[0])
        if both is not None:
            who = (both.start(), who[1])  # "Prime Minister A and President B said in a joint statement": both
        earlier = next((ent for (s, e), ent in self.resolved_at.items() if s <= who[0] < e or who[0] <= s < who[1]), None)
        if earlier is not None:
            # "“…,” the club said in a statement. / The statement added that …": whom that attribution named
            return self.table.root(earlier)
        probe = Candidate(content=list(cand.content), speaker=who)
        res = self.resolve(probe)
        if res.entity is None:
            # "the Student Government Association’s senate voted 31–4 to pass a resolution": the body whose
            # organ issued it, when the organ itself is named by no one
            owned = _BODY_ORGAN.fullmatch(text, *last.span("who"))
            if owned is not None and _folded_words(owned.group("org")) & ORG_WORDS:
                return self._org(owned.group("org"), owned.span("org"))
        return res.entity

    def _resolve_spokesperson(self, m: SpeakerMention, cand: Candidate) -> Resolution:
        named = self._named_spokesperson(m, cand)
        if named is not None:
            return Resolution(named, "resolve:nominal")
        if m.owner and m.owner_span and m.owner.startswith("the ") and m.owner_span[0] >= m.span[0] \
                and m.owner_span[1] <= m.span[1] and (m.owner[4:] in ORG_WORDS or fits_org_noun(m.owner[4:], "") is not None):
            # "a club spokesman", "a spokesperson for the council": the body of that kind in focus, else a group
            noun = m.owner[4:]
            # "Healthwatch Elmford, the independent patient champion, said it had received more than 300 complaints
            # about Elmford General. “…,” a spokesperson for the organisation said": the body the sentence before
            # opens with, whatever its name
            body = self._body_opening_previous_sentence(m.span[0]) if noun in ("organisation", "organization") else None
            if body is None:
                # ("a spokeswoman for the group" after "The Kentucky Motor Carriers Alliance, an industry group")
                def fits(i: int) -> bool:
                    name = self.table.draft(i).name
                    if noun in _GENERIC_BODY_NOUNS or noun not in ORG_WORDS:  # ("a force spokesman": a police force)
                        return bool(fits_org_noun(noun, name))
                    return noun in {fold(w) for w in name.split()}  # ("a club spokesman" is no supporters' trust's)

                body = self._salient(m.span[0], cand, lambda i: self.table.draft(i).type == "ORG" and fits(i), persons=False)
            if body is not None:
                return Resolution(body, "resolve:spokesperson")
            return self._spokesperson_group(m, m.owner)
        if m.owner and re.sub(r"^(?:the|The)\s+", "", m.owner) in _TITLE_INITIALS:
            # "the PM’s official spokesman": the office's spokesman, named as the lobby names him (not a body "PM")
            return self._spokesperson_group(m, re.sub(r"^(?:the|The)\s+", "", m.owner))
        if m.owner_span is not None and m.owner and m.owner[:1].isupper():
            body = _BODY_AFTER_OWNER.fullmatch(self.text, m.owner_span[1], m.span[1])
            if body is not None:
                # "a spokeswoman for Russia’s foreign ministry", "a spokesperson for the US delegation": that body,
                # not the country
                return Resolution(self._org(self.text[m.owner_span[0] : body.end("body")], m.owner_span), "resolve:spokesperson")
        owner = self._owner_entity(m, cand)
        if owner is None and m.owner and m.owner[:1].islower() and m.owner.split()[0] == "the":
            # "a spokesperson for the party": the group, named for whom it speaks
            return self._spokesperson_group(m, m.owner)
        if owner is None:
            return Resolution(None, "resolve:spokesperson")
        d = self.table.draft(owner)
        if d.type == "PERSON":
            return self._spokesperson_group(m, d.name)
        return Resolution(owner, "resolve:spokesperson")

    def _body_opening_previous_sentence(self, pos: int) -> int | None:
        """The organisation whose name opens the sentence before the one holding ``pos``, outside quotation marks."""
        sent = _sentence_start(self.text, pos)
        if sent == 0:
            return None
        prev = _sentence_start(self.text, sent - 1)
        while prev < sent and self.text[prev] in " \t\n":
            prev += 1
        first = next(iter(self._mentions_in(prev, sent)), None)
        if first is None or first[1].start != prev or first[1].in_quote or self.table.draft(first[0]).type != "ORG":
            return None
        return first[0]

    def _body_in_previous_sentence(self, pos: int) -> int | None:
        """The one organisation named (outside quotation marks) in the sentence before the one holding ``pos``,
        or whose name's first word that sentence writes; None when none or several."""
        sent = _sentence_start(self.text, pos)
        if sent == 0:
            return None
        prev = _sentence_start(self.text, sent - 1)
        found = {r for r, mr in self._mentions_in(prev, sent) if self.table.draft(r).type == "ORG" and not mr.in_quote}
        if not found:
            # "Brightwing has now agreed …" for Brightwing Airways: a body by the first word of its name
            words = set(re.findall(r"[A-Z][\w'’-]{3,}", self.text[prev:sent]))
            found = {i for i, d in enumerate(self.table.drafts) if d.merged_into is None and d.type == "ORG"
                     and " " in d.name and d.name.split()[0] in words and fold(d.name.split()[0]) not in NOT_NAME_WORDS}
        return next(iter(found)) if len(found) == 1 else None

    def _named_spokesperson(self, m: SpeakerMention, cand: Candidate) -> int | None:
        """The person named as a spokesperson whom "the X spokesman" takes up, or None.

        "Matteo Galliani, director of the Holy See press office, told reporters
        … / the Vatican spokesman said": a definite mention, a person in focus
        described as one; the description must fit the mention's words or be the
        only such person in the article. A spokesman is a man, a spokeswoman a
        woman.
        """
        if not m.text.lower().startswith("the "):
            return None
        noun = re.search(r"spokes(?:wo)?man|spokesperson", m.text, re.I)
        if noun is None:
            return None
        gender = {"spokeswoman": "female", "spokesman": "male"}.get(noun.group().lower())

        def spokes(i: int) -> bool:
            d = self.table.draft(i)
            return d.type == "PERSON" and (gender is None or d.gender in (None, gender)) \
                and any("spokesperson" in description_tokens(x) for x in d.descriptor_texts())

        described = [i for i, d in enumerate(self.table.drafts) if d.merged_into is None and spokes(i)]
        if not described:
            return None
        only = len(described) == 1
        return self._salient(
            m.span[0], cand,
            lambda i: spokes(i) and (only or fits_description(m.text, self.table.draft(i).descriptor_texts())),
            persons=True,
        )

    def _spokesperson_group(self, m: SpeakerMention, owner: str) -> Resolution:
        """The group "<owner>'s spokesperson" (found or made), with ``m`` as its mention."""
        noun = re.search(r"spokes\w+|representative|\brep\b", m.text, re.I)
        return self._owned_group(m, owner, noun.group().lower() if noun else "spokesperson", "resolve:spokesperson")

    def _owned_group(self, m: SpeakerMention, owner: str, noun: str, origin: str) -> Resolution:
        """The group "<owner>'s <noun>" ("Tom Smith's spokesman", "Deborah Kessling's office"), found or made."""
        name = f"{owner}'s {noun}"
        found = next(
            (i for i, g in enumerate(self.table.drafts) if g.merged_into is None and g.type == "GROUP" and g.name == name),
            None,
        )
        if found is None:
            found = self.table.new(name, "GROUP")
        self.table.add_mention(found, *m.span)
        return Resolution(found, origin)

    # -- helpers -------------------------------------------------------------
    def _owner_entity(self, m: SpeakerMention, cand: Candidate) -> int | None:
        """The entity that owns a group, document or spokesperson."""
        assert m.owner_span is not None and m.owner is not None
        low = m.owner.lower()
        if low in ("his", "her"):
            gender = "male" if low == "his" else "female"
            return self._salient(m.owner_span[0], cand, lambda i: self._fits_gender(i, gender), persons=True)
        if low in ("their", "its"):
            return self._salient(
                m.owner_span[0], cand, lambda i: self.table.draft(i).type in ("GROUP", "ORG"), persons=False
            )
        bare_owner = re.sub(r"^(?:the|The)\s+", "", m.owner)
        names = find_names(bare_owner)
        if _ORG_WORDS_ONLY.fullmatch(bare_owner) and _folded_words(bare_owner) & ORG_WORDS \
                and not (names and names[-1].type == "PERSON" and names[-1].prefix):  # not "Local Government Minister X"
            # "the Department for Levelling Up, Housing and Communities": one organisation name
            return self._org(bare_owner, m.owner_span)
        owner = classify_mention(self.work.text, *m.owner_span)
        if owner.kind in (MentionKind.NAME, MentionKind.APPOSITIVE) and owner.name:
            parsed = parse_name(owner.name)
            found = self.table.find_person(parsed, owner.span[0])
            if found is not None and parsed.first is None and len(parsed.tokens) == 1 and not parsed.honorific:
                d = self.table.draft(found)
                # (a "first name" no list knows may be a word run into the name: "Met Northmere’s claims director")
                if not (d.parsed and d.parsed.first and fold(d.parsed.first) in GIVEN_NAMES) and any(
                        x.merged_into is None and x.type == "ORG" and fold(x.name).startswith(fold(owner.name) + " ")
                        for x in self.table.drafts):
                    found = None  # "a Kestrel spokeswoman": Kestrel Community Living, not a one-word "person" Kestrel
            if found is None and parsed.first is None:
                # "A Tessaly spokesperson": an organisation named in short ("Tessaly Systems")
                key = fold(owner.name) + " "
                short = next((i for i, d in enumerate(self.table.drafts) if d.merged_into is None
                              and d.type == "ORG" and fold(d.name).startswith(key)), None)
                if short is None and m.kind in _OWNED_KINDS and len(parsed.tokens) == 1:
                    full = _full_name_of(self.work.text, parsed.tokens[0])
                    if full is not None:
                        # "A rep for Castellanos" where "Castellanos, who stars as …" or a caption's "Theo
                        # Castellanos" shows a person: the person the rep speaks for
                        found = self.table.new(" ".join(full.tokens), "PERSON", full)
                        self.table.add_mention(found, *(owner.name_span or owner.span))
                        return found
                    # "A Lumenfold spokesperson", "an Ifop survey", no one of that name: a body named by one word
                    return self._org(owner.name, owner.name_span or owner.span)
                return short
            if found is None:
                found = self.table.new(" ".join(parsed.tokens), "PERSON", parsed)
            self.table.add_mention(found, *(owner.name_span or owner.span))
            return found
        bare = re.sub(r"^(?:the|The)\s+", "", m.owner)
        if owner.kind == MentionKind.ORG and owner.name:
            if _ORG_WORDS_ONLY.fullmatch(bare):  # "Scottish Government", not just "Government"
                return self._org(bare, m.owner_span)
            return self._org(owner.name, owner.name_span or owner.span)
        if bare[:1].isupper():
            return self._org(bare, m.owner_span)
        if bare.isalpha() and bare.islower() and fits_org_noun(fold(bare), "") is not None:
            # "The company’s first status-page post": the company in focus, as "the company said" would be
            found = self._resolve_nominal(SpeakerMention(MentionKind.NOMINAL, m.owner, m.owner_span), cand).entity
            if found is not None:
                return found
        if bare.isalpha() and bare.islower():
            # "A police spokesperson said" after "Northdale Police": the body in focus with that word in its name
            word = fold(bare)
            body = self._salient(
                m.owner_span[0], cand,
                lambda i: self.table.draft(i).type == "ORG"
                and word in _folded_words(self.table.draft(i).name),
                persons=False, reach_back=True,
            )
            if body is not None:
                return body
        if bare[:1].islower() and description_tokens(bare):
            # "the senator's office": the person that description fits
            return self._salient(
                m.owner_span[0], cand, lambda i: fits_description(bare, self.table.draft(i).descriptor_texts()),
                persons=True, reach_back=True,
            )
        return None

    def _named_inside(self, spans, fits) -> set[int]:
        """The fitting persons named (not just pronouns) inside ``spans``, a candidate's own content."""
        return {r for r in _persons_named_in(self.table, spans) if fits(r)}

    def _salient_before(self, pos: int, fits) -> int | None:
        """The entity that fits and was mentioned last before ``pos``, however far back.

        Each entity is tested once; the walk back from ``pos`` happens only
        when some entity fits, and stops at its latest mention.
        """
        fitting = {i for i, d in enumerate(self.table.drafts) if d.merged_into is None and fits(i)}
        if not fitting:
            return None  # nothing to walk back to
        mentions = self.table.mentions
        k = bisect.bisect_left(mentions, pos, key=_start_of)
        while k > 0:
            k -= 1
            mr = mentions[k]
            if not mr.in_quote and self.table.root(mr.entity) in fitting:
                return self.table.root(mr.entity)
        return None

    def _fits_gender(self, index: int, gender: str | None) -> bool:
        d = self.table.draft(index)
        if d.type == "GROUP" and d.individual:
            # (only one whose gender the text gives: "An insider" is no one "her rep" belongs to)
            return d.gender is not None and (gender is None or d.gender == gender)
        if d.type != "PERSON" or (" " not in d.name and self._only_a_place(d.name)) \
                or (" " in d.name and fold(d.name.split()[-1]) in PLACE_WORDS):
            return False  # (not "Demak", a regency the text only ever writes as a place, nor "Muhlenberg Township")
        return gender is None or d.gender is None or d.gender == gender

    def _salient(
        self, pos: int, cand: Candidate, fits, persons: bool, reach_back: bool = False, prefer=None,
        pronoun: bool = False, same_paragraph: bool = False, setup: int | None = None,
    ) -> int | None:
        """The most salient entity mentioned before ``pos`` that ``fits``.

        Candidates are the entities mentioned in this paragraph or the
        WINDOW_PARAGRAPHS before it (outside ``cand``'s own content) plus
        recent speakers. Each scores by recency among the fitting entities,
        a subject mention, having spoken the previous quote, and is marked
        down when its last mention was inside quotation marks or, for
        persons and pronouns, inside what someone said.
        """
        table = self.table
        para = table.paragraph_of(pos)
        lo = table.paragraphs[max(0, para - WINDOW_PARAGRAPHS)][0]
        own = cand.content
        if self._excluded:
            fits = functools.partial(lambda f, i: i not in self._excluded and f(i), fits)
        fits = _memo(fits)

        def outside(mr: MentionRef) -> bool:
            return not any(s <= mr.start < e for s, e in own)

        latest: dict[int, MentionRef] = {}
        named_inside = self._named_inside(own, fits) if (persons or pronoun) else set()
        # only the window's mentions: bisect to its start instead of scanning the article
        k = bisect.bisect_left(table.mentions, lo, key=_start_of)
        while k < len(table.mentions) and table.mentions[k].start < pos:
            mr = table.mentions[k]
            k += 1
            if not outside(mr):
                continue
            r = table.root(mr.entity)
            if fits(r):
                latest[r] = mr
        recent_speakers = self._speakers_between(lo, pos)
        for ent in recent_speakers:
            if ent not in latest and fits(ent):
                latest[ent] = MentionRef(lo, lo, ent)
        if not latest and reach_back and lo > 0:
            # a description names its person however far back ("The Tory MP" ten paragraphs on)
            return self._salient_before(pos, fits)
        if not latest:
            return None
        order = sorted(latest, key=lambda r: (latest[r].start, latest[r].end), reverse=True)
        last_speaker = recent_speakers[-1] if recent_speakers else None
        best, best_score = None, float("-inf")
        for rank, r in enumerate(order):
            mr = latest[r]
            score = 1.0 / (1 + rank)
            score += SUBJECT_BONUS if mr.subject else 0.0
            if rank == 0 and mr.subject and not mr.in_quote and self._opens_sentence(mr.start):
                score += RECENT_SUBJECT_BONUS
            # named inside what someone said ("Tolliver said his deputy, Sgt. Kyle Ramos, was treated …"):
            # talked about, not the next "he"
            score -= IN_QUOTE_PENALTY if mr.in_quote or ((persons or pronoun) and self._in_content(mr.start)) else 0.0
            if prefer is not None and prefer(r):
                score += KNOWN_GENDER_BONUS
            if r in named_inside:
                score -= NAMED_IN_OWN_QUOTE_PENALTY
            if same_paragraph and not mr.in_quote and table.paragraph_of(mr.start) == para and not self._in_content(mr.start) \
                    and (not cand.content or mr.start < cand.start):
                # "… go to Dutch MEP Joost van der Heijden (EPP), who steered … . He told Euractiv …": a pronoun
                # opening its sentence takes up the person its own paragraph has just introduced
                score += SAME_PARAGRAPH_BONUS
            if r == setup:
                # "Mr ap Gwyn later turned his fire on Mr Prys-Roberts, who … / “…,” he said": the subject of
                # the narrative sentence just before, over the man it names and the last speaker
                score += SETUP_SUBJECT_BONUS
            if r == last_speaker:
                score += LAST_SPEAKER_BONUS
            elif r in recent_speakers:
                score += EARLIER_SPEAKER_BONUS
            if score > best_score:
                best, best_score = r, score
        return best

