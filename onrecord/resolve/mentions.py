"""What kind of source a speaker mention is, read from its words alone.

Attribution stages hand resolution the speaker mention as written: "he",
"Mr Blunt", "The Tory MP", "Khalid Mahmood, a Labour MP", "Khan's legal
team", "a statement published on Blunt's website", "the Home Office".
:func:`classify_mention` says which of these it is and pulls out the parts
resolution needs (the name, the owner of a document or group, the gender of
a pronoun), without looking at the rest of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..text.letters import unicode_caps
from .descriptors import RELATIVE, TOP_PARTY_MEMBER, normalise_descriptor, split_roles
from .names import (
    COMPANY_NOUNS,
    FEMALE_KIN,
    GIVEN_NAMES,
    HONORIFICS,
    MALE_KIN,
    NOT_NAME_WORDS,
    ORG_WORDS,
    POSTNOMINALS,
    PARTY_WORDS,
    PERFORMER_NOUNS,
    PLACE_FIRST_WORDS,
    ROLE_NOUNS,
    ROLE_TITLES,
    find_names,
    fits_org_noun,
    fold,
    parse_name,
    strip_postnominals,
)

__all__ = ["MentionKind", "SpeakerMention", "classify_mention"]

#: Pronouns that can stand for a speaker, with (gender, number); hand-listed.
PRONOUNS: dict[str, tuple[str | None, str]] = {
    "he": ("male", "sg"), "him": ("male", "sg"), "his": ("male", "sg"),
    "she": ("female", "sg"), "her": ("female", "sg"),
    "they": (None, "pl"), "them": (None, "pl"), "their": (None, "pl"),
    "it": (None, "org"), "its": (None, "org"),
}
#: Pronouns of the writer and the reader ("I asked her", "you"), never a quoted source.
_FIRST_SECOND_PERSON = frozenset("i me we us you".split())
#: Head nouns of written sources ("a statement", "court documents"); hand-listed.
DOCUMENT_NOUNS = frozenset(
    "statement statements post posts tweet tweets letter letters report reports website blog "
    "release filing filings email emails memo memos transcript documents document papers "
    "notice note notes message messages video article column op-ed interview submission judgment ruling "
    "complaint lawsuit affidavit indictment update updates paper summary resolution motion petition bulletin "
    "draft drafts diary diaries journal journals memoir memoirs notebook notebooks logbook minutes".split()
)
#: Document nouns that make one only as the mention's head, being too common inside a speaker's phrase
#: ("Marsh, speaking … before the verdict was published"): what a body issues or a campaign delivers
#: ("Department for Education guidance says", "a leaflet claims"), a critic's judgement ("Her verdict on the
#: ending was blunter still:"), what a forecaster or a summit publishes ("the OBR's economic and fiscal
#: outlook", "The conclusions").
HEAD_DOCUMENT_NOUNS = frozenset(
    "guidance leaflet leaflets manifesto brochure verdict review outlook index conclusions findings".split()
)
#: Head nouns of collective sources ("Khan's legal team"); hand-listed.
GROUP_NOUNS = frozenset(
    "team lawyers attorneys solicitors barristers family relatives aides allies friends supporters "
    "campaigners colleagues officials sources critics representatives advisers advisors parents "
    "mps members residents protesters staff executives ministers organisers organizers voters "
    "neighbours neighbors spokesmen investigators prosecutors police officers experts doctors "
    "teachers workers union unions group groups board committee panel lawmakers legislators senators "
    "councillors councilors analysts economists scientists researchers academics nurses paramedics "
    "firefighters farmers fishermen traders investors shareholders fans players students "
    "sons daughters children siblings brothers sisters grandchildren inspectors engineers employees staffers "
    "agents detectives authors co-authors stewards umpires referees jurors trustees authorities leaders "
    # the armed forces, a body of the state no one names ("the army said on Saturday")
    "army military navy junta".split()
)
#: Group nouns that, with "the" alone, take up an organisation in focus ("the group" for the Alliance).
BODY_GROUP_NOUNS = frozenset("group union board committee panel team".split())
SPOKES_NOUNS = frozenset("spokesman spokeswoman spokesperson representative".split())
#: The short "rep" of US entertainment copy ("a rep for Tully told PEOPLE"), lower case only:
#: "Rep. Ann Wagner" is a congresswoman.
_REP = re.compile(r"\brep\b(?![.\w])")

#: What one company is to another, before its one-word name ("ticketing partner Tixora", "catering contractor
#: Brakewell"): a company, though "the partner said" alone may be a person (a law firm's), so these are read only
#: in front of a name; hand-listed from a blind article's festival story.
_TRADING_PARTNER_NOUNS = frozenset("partner sponsor contractor subcontractor provider vendor agency".split())

#: Heads of findings and rulings that speak for themselves ("according to the study", "the poll found",
#: "the opinion said"), only
#: as the last word of a short mention ("a co-author of the study" is a person); hand-listed.
FINDING_NOUNS = frozenset(
    "study studies survey surveys poll polls research analysis opinion order decision estimate estimates forecast "
    # numbers published by a body: "WHO figures show", "The data also showed"
    "data figures statistics".split()
)
#: A head-only document noun followed by a reduced relative clause: "a leaflet delivered to homes …".
HEAD_DOC_PARTICIPLE = re.compile(
    r"\b(" + "|".join(sorted(HEAD_DOCUMENT_NOUNS)) + r")\s+(?:delivered|published|issued|sent|released|distributed"
    r"|seen|obtained|posted|circulated|handed|pushed)\b"
)
#: Heads that speak for their holder ("the senator's office", "Smith's campaign"); hand-listed.
VOICE_NOUNS = frozenset("office campaign camp".split())
_ORG_NAME = unicode_caps(r"[A-Z][\w'’-]*\+?(?:(?:\s+|,\s*|\s+(?:of|for|and|&|on|the)\s+(?:the\s+)?)[A-Z][\w'’-]*\+?)*")
#: "A Scottish Government spokesperson", "The Home Office's spokesman".
_ORG_BEFORE_SPOKES = re.compile(
    rf"^(?:(?i:a|an|the)\s+)?(?P<org>(?!(?:A|An|The)\s){_ORG_NAME})(?:['’]s?)?\s+(?:[a-z]+\s+)?(?:spokes\w+|representative|rep(?![.\w]))\b"
)
#: "a spokesperson for the Department for Levelling Up, Housing and Communities".
#: ... and "a spokesperson for the city’s Office of Management and Budget" (whose office it is, in lower case).
_ORG_AFTER_SPOKES = re.compile(
    rf"(?:spokes\w+|representative|rep(?![.\w]))\s+(?:for|of|from|at)\s+(?:the\s+)?(?:[a-z]+['’]s\s+)?(?P<org>{_ORG_NAME})"
)
#: "Liberal Democrat spokesperson Owen Pryce": the role used as a title before the person's name.
_NAME_AFTER_SPOKES = re.compile(unicode_caps(r"\b(?:spokes\w+|representative)\s+(?P<name>(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+)$"))
#: "A club spokesman", "a council spokeswoman": the body named by a lower-case noun before the role.
_NOUN_BEFORE_SPOKES = re.compile(r"^(?i:a|an|the)\s+(?P<org>[a-z]+)\s+(?:spokes\w+|representative)$")
_NOMINAL_AFTER_SPOKES = re.compile(r"(?:spokes\w+|representative|rep(?![.\w]))\s+(?:for|of|from)\s+(?P<org>the\s+[a-z]+)$")
_DEFINITE = re.compile(r"^(?:the|this|that)\s+", re.I)
_INDEFINITE = re.compile(r"^(?:a|an|one|another)\s+", re.I)
_POSSESSOR = re.compile(unicode_caps(
    r"((?:[A-Z][\w'’-]*\s+(?:(?:of|for|and|on)\s+(?=[A-Z]))?)*[A-Z][\w-]*)['’]s?(?=\s)|\b((?i:his|her|their|its))\b"
    r"|^((?i:the)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)['’]s(?=\s)"
))
#: ... a body's name may hold lower-case joining words: "from the Kenya National Bureau of Statistics"
_OWNER_PREP = re.compile(unicode_caps(
    r"\b(?:from|by|of|for)\s+((?:the\s+)?[A-Z][\w'’-]*\.?(?:(?:\s+(?:of|for|and|&|the))*\s+[A-Z][\w'’-]*\.?)*)"
))
#: An appositive part that is a relative clause: "…, which is releasing her new film".
_RELATIVE_PART = re.compile(r"\s*(?:who|which|that|whose|whom)\b", re.IGNORECASE)
#: Prepositions that put a person somewhere ("a nurse at Stanmoor General", "a source from the club"), so the
#: capitalised name after them is where the speaker is, not the speaker.
_PLACE_PREPOSITIONS = frozenset("at from in of for with inside within near".split())
#: Where a person named in an appositive works, after the name: "… Aisling Carew | of the University of Northbridge".
_AFFILIATION_AFTER_NAME = re.compile(unicode_caps(r"\s+(?:of|at)\s+the\s+[A-Z]"))
#: A short description before a body's name: "Japanese automaker | Kanemori Motor Co.", "the US chipmaker |".
_DESCRIBED_ORG = re.compile(r"(?P<desc>(?:(?:the|a|an)\s+)?(?:[A-Z][a-z]+\s+)?(?:[a-z][\w-]*\s+){1,3})(?=[A-Z])")
#: An appositive description whose own relative clause may name others: "a conservative advocacy group that
#: has spent nearly $2 million supporting Ms. Ardmore".
_DESCRIPTION_WITH_CLAUSE = re.compile(r"(?:a|an|the)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,4}\s+(?:who|which|that)\s")
#: Heads of anonymous sources: "one insider", "a source", "two senior officials", "one worker",
#: "a resident"; hand-listed from UK and US local, business and tech news.
ANONYMOUS_SOURCE_HEADS = (
    r"insiders?|sources?|officials?|workers?|employees?|staff\s+members?|staffers?|engineers?|executives?|"
    r"residents?|neighbou?rs?|fans?|supporters?|witness(?:es)?|parents?|passengers?|shoppers?|patients?|nurses?|"
    r"teachers?|students?|locals?|drivers?|officers?|diplomats?|aides?|staffers?|principals?|headteachers?|"
    r"doctors?|managers?|carers?|care\s+workers?|relatives?"
)
#: Words between the determiner and an anonymous source's head: "a senior KUMRCL official", "one EU
#: diplomat", "a former White House aide" (up to two capitalised words after a modifier).
_ANONYMOUS_MODIFIERS = (
    r"(?:(?i:senior|former|close|longtime|anonymous|local|junior|second)\s+)?(?:[A-Z][\w&.-]*\s+){0,2}"
)
#: An anonymous source with nothing said of it.
_BARE_SOURCE = re.compile(
    r"^(?i:a|an|one|two|three|several|some|other|another)\s+" + _ANONYMOUS_MODIFIERS
    + rf"(?i:{ANONYMOUS_SOURCE_HEADS})(?:\s+(?:at|from|in|with)\s+(?:a|an|the|one)\s+.+)?$"
)
#: The same with what is said of it in a restrictive relative clause: "One engineer who was laid off, and
#: who spoke to The Verge on the condition of anonymity": the source is "One engineer".
_ANONYMOUS_WHO = re.compile(
    r"^(?i:a|an|one|two|three|several|some|other|another)\s+" + _ANONYMOUS_MODIFIERS
    + rf"(?i:{ANONYMOUS_SOURCE_HEADS})(?=\s+(?:who|that)\b)"
)
#: People who work at a body and speak as its members: "researchers at Cascadia State University",
#: "scientists from the Met Office"; heads hand-listed from science and business reporting.
_STAFF_OF_ORG = re.compile(unicode_caps(
    r"^(?:(?i:the|a\s+team\s+of|a\s+group\s+of)\s+)?(?i:researchers|scientists|doctors|academics|experts|"
    r"economists|analysts|engineers|staff)\s+(?:at|from|with)\s+(?P<org>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)$"
))
#: What joins a person to the body they belong to inside one mention ("… of the Janata Vikas Paksha").
_OF_BODY = re.compile(r"\s+(?:of|from|at)\s+(?:the\s+)?")
#: A name's possessive, a relation and another name right after a mention: "Ryan['s mum Bev Colley]".
_POSSESSED_NAME = re.compile(unicode_caps(
    r"['’]s[ \u00a0]+(?:[a-z-]+[ \u00a0]+)?(?P<role>[a-z-]+)[ \u00a0]+(?P<name>[A-Z][\w'’-]+(?:[ \u00a0]+[A-Z][\w'’-]+)+)"
))
#: Relations that name another person after a possessive ("Ryan's mum Bev Colley", "Tully's co-star
#: Dev Malhotra"); hand-listed kin and working relations.
_RELATION_NOUNS = frozenset(
    "mum mom mother dad father wife husband sister brother son daughter partner girlfriend boyfriend fiance "
    "fiancee co-star costar manager agent lawyer attorney friend pal spokesman spokeswoman spokesperson "
    "aunt uncle cousin grandmother grandfather niece nephew teammate colleague boss".split()
)
#: A relative named by whose relative they are, perhaps with what they were doing: "Her daughter,
#: speaking to the BBC on Tuesday", "his widow".
_KIN = re.compile(
    r"(?P<owner>his|her|their)\s+(?:late\s+|eldest\s+|youngest\s+|elder\s+|younger\s+|older\s+)?"
    r"(?P<noun>" + "|".join(sorted(FEMALE_KIN | MALE_KIN | {"partner"})) + r")"
    # ", speaking to the BBC", ", who …", or an age and a job: "Her husband, 38, a paramedic,"
    r"(?:\s*,\s*(?:[a-z]+ing\b[^,]*|who\b[^,]*|\d{1,3}(?:\s*,\s*an?\s+[a-z][\w -]*)?|an?\s+[a-z][\w -]*))?,?$",
    re.IGNORECASE,
)
#: A lead and their team: "she and her co-authors", "Harwood and her colleagues".
_AND_COLLEAGUES = re.compile(
    r"^(?P<lead>.+?)\s+and\s+(?:his|her|their)\s+(?:co-?authors|colleagues|team|fellow researchers|students)$", re.I
)
#: A first name, a nickname in quotation marks, a surname: 'Harold "Hal" Tibbetts'.
_NICKNAMED = re.compile(unicode_caps(
    r"(?P<first>[A-Z][\w'’-]+)[ \u00a0]+[\"“‘'][A-Z][\w'’-]*(?:[ \u00a0][A-Z][\w'’-]*){0,2}[\"”’'][ \u00a0]+"
    r"(?P<last>[A-Z][\w'’-]+)"
))
#: Who saw or obtained a document, after it ("… seen by POLITICO", "… obtained by The Verge").
_SEEN_BY = re.compile(
    r"\s+(?:(?:seen|obtained|reviewed|viewed|leaked)\s+(?:by|to)\s+.*"
    r"|(?:released|published|issued)\s+(?:(?:on|last|this|late|early)\s+)?\w+(?:\s+(?:morning|afternoon|evening|night))?)$"
    # "The RSIB report, published": a participle set off by a comma, cut where the tagger ended the source
    r"|,\s*(?:released|published|issued)\b.*$",
    re.S
)
#: An outlet that relayed a source's words, closing the source's span: "quoted by Channel 12", "cited by Reuters".
_RELAYED_BY = re.compile(r",?\s+(?:quoted|cited|interviewed)\s+(?:by|in)\s+.*$", re.S)
#: Nouns for a sportsperson, which no organisation is ("the three-time Olympian").
_ATHLETE_NOUNS = frozenset("athlete olympian paralympian champion medallist medalist swimmer runner cyclist rower "
                           "boxer golfer sprinter skater skier gymnast veteran".split())
#: A definite description of a person: "the three-time Olympian", "the former captain".
_PERSON_DESCRIPTION = re.compile(
    r"(?i:the)\s+(?:[\w'’-]+\s+){0,3}(?P<head>[\w'’-]+)",
)
#: One party member known by a place: "the Utah Republican", "the Minnesota Democrat", "the Kent Tory".
_PLACE_PARTY_MEMBER = re.compile(
    r"(?:[Tt]he)\s+(?:[A-Z][a-z]+\s+){1,2}(?:Republican|Democrat|Tory|Conservative|Liberal|Socialist|Green)"
)
#: Function words that never end a source phrase ("federal prosecutors in", "… Capital Partners in"): what the
#: tagger took from the phrase after it.
DANGLING_WORDS = "in|on|at|from|to|with|for|by|of|and"
#: "the top Republican on the panel": one member of a committee, not the committee (see TOP_PARTY_MEMBER).
_THE_TOP_PARTY_MEMBER = re.compile(r"(?:the)\s+" + TOP_PARTY_MEMBER.pattern, re.IGNORECASE)
#: A meeting's minutes, not a length of time: "the minutes", "The minutes of the meeting".
_MINUTES = re.compile(r"(?:(?:the|The)\s+)?(?:[A-Z][\w'’-]*\s+)*minutes\b(?!\s+(?:in|later|after|before|ago)\b)")
#: A body named before a document's noun: "an internal Commission note", "a Home Office memo".
_MAKER_BEFORE_DOC = re.compile(unicode_caps(
    r"^(?:[Aa]n?|[Tt]he)\s+(?:[a-z]+\s+){0,2}(?P<maker>[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})(?:\s+\([A-Z]{2,}\))?\s+[a-z]+$"
))
#: A body's whole name, with its "of" or "for", opening a document's mention: "Department for Education guidance".
_NAMED_BODY_DOC = re.compile(unicode_caps(
    r"^(?:[Tt]he\s+)?(?P<maker>[A-Z][\w&-]*(?:\s+(?:of|for|and|on)\s+[A-Z][\w&-]*|\s+[A-Z][\w&-]*){0,5})\s+[a-z]+$"
))
#: A public body named in lower case before a document's noun: "a cabinet statement", "a police report".
BODY_MAKERS = frozenset(
    "cabinet government ministry police army military presidency palace council court company party union club "
    "school hospital university agency commission department".split()
)
_BODY_BEFORE_DOC = re.compile(r"^(?:a|an|the)\s+(?P<maker>" + "|".join(sorted(BODY_MAKERS)) + r")\s+[a-z]+$")
#: A place-based description before a noun: "the Columbus, Ohio-based | retailer".
_PLACE_BASED = re.compile(unicode_caps(r"^(?i:the)\s+(?:[A-Z][\w.'’-]*,?\s+){0,3}[A-Z][\w.'’-]*-based\s+(?=[a-z])"))
#: What the author of a document did with it, after the author's name in a reduced relative clause.
_SENT_VERB = re.compile(r"\s+(?:sent|submitted|published|issued|released|prepared|filed|wrote|delivered|presented|"
                        r"commissioned|drafted|compiled|circulated|posted)\b")
#: A noun and a reduced relative clause's subject: "a ruling | the county's top elected official [called]",
#: "a figure | he [described as]".
_REDUCED_RELATIVE = re.compile(r"^(?:a|an)\s+[a-z]+\s+(?=(?:the|his|her|its|their)\s|(?:he|she|they)$)")
#: Where something was said, closing a speaker span: ", in the statement", "in an email".
_CHANNEL_TAIL = re.compile(
    r",?\s+(?:in|on|via)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+)?"
    r"(?:statement|email|e-mail|post|interview|letter|release|video|podcast|note|memo|report)"
    r"(?:\s+to\s+(?:clients|investors|staff|members|employees|shareholders))?$"  # "in a note to clients"
)
#: A body's initials in brackets after its name: "(ESA)", "(NTPF)".
_ACRONYM_TAG = re.compile(
    r"\s*\([A-Z][A-Z&]{1,7}(?:,\s*(?:by|from|after)\s+its\s+(?:[A-Z][a-z]+\s+)?(?:acronym|initials|abbreviation))?\)\s*$"
)  # "(CEANL, by its Spanish acronym)"
#: A party tag after a politician's name: "(D)", "(R-Ohio)", "(D-Md.)", Brazil's party and state "(PDM-PE)",
#: Westminster's party and seat "(Con, Forest of Dean)".
_PARTY_TAG = re.compile(r"\s*\((?:(?:D|R|I|Ind|Dem|Rep)(?:[-–,]\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?|[A-Z]{2,6}[-–][A-Z]{2}"
                        r"|(?:Con|Lab|LD|Lib\s?Dem|SNP|Green|Reform|DUP|SDLP|SF|PC|Plaid|Alliance|Ind)(?:,\s*[A-Z][\w'’ -]{1,40})?"
                        r"|[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]{1,12}"  # ... a name in its own script: "(陳怡萱)"
                        r"|(?:[A-Z]{2,8}:\s*[A-Z][A-Z0-9.]{0,7}(?:[,;]\s*)?)+)\)\s*$")  # ... or a ticker: "(NASDAQ: HLVD)"
#: Figures with who published them: "figures published yesterday by the National Treatment Purchase Fund"
#: (not "data compiled by LSEG": a data vendor is no source of what the figures mean).
#: ... and data from a body ("data from the Kenya National Bureau of Statistics"), but not data a vendor compiled.
_FIGURES_BY = re.compile(
    r"^(?:(?:the|new|latest|official)\s+)*(?:(?:figures|statistics|numbers|estimates)\s+(?:\w+\s+){0,3}?(?:by|from)"
    r"|data\s+(?:published\s+by|from))\s+"
)
#: A relative clause that gives a role ("who is the union's organiser", "which was a subsidiary"),
#: kept for the descriptors; "who was granted anonymity" says what happened, not who it is.
_ROLE_CLAUSE = re.compile(RELATIVE.pattern + r"(?:(?:also|now|still|formerly)\s+)?(?:a|an|the|his|her|its|their)\s", re.I)
#: A name given in a relative clause: "One woman, who gave her name only as Mere", "a man who identified
#: himself only as Tom".
_GAVE_NAME = re.compile(unicode_caps(
    r",?\s*who\s+(?:gave\s+(?P<pron>her|his|their)\s+name\s+(?:only\s+)?as|identified\s+(?P<pron2>herself|himself|themselves)"
    r"\s+(?:only\s+)?as|asked\s+to\s+be\s+identified\s+(?:only\s+)?(?:as|by))\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
))
#: A relative clause closing a mention (", who asked the question at estimates").
_TRAILING_CLAUSE = re.compile(r",\s*(?:who|which|whose|whom)\b.*$", re.S)
#: An organisation placed somewhere: "The US Attorney's Office in Las Vegas", "the embassy in Washington".
_LOCATED_ORG = re.compile(unicode_caps(r"^(?P<org>.+?)\s+(?:in|at)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}$"))
#: People who speak *about* someone without being them: "a source close to Hartley",
#: "a friend of Mr Hartley", "an aide to the minister", "lawyers for Khan"; hand-listed.
_INTERMEDIARY = re.compile(unicode_caps(
    r"^(?i:(?:a|an|the|one|two|three|several|some|other|senior|former|longtime|long-time|close)\s+){0,3}"
    r"(?P<head>(?i:sources?|friends?|pals?|mates?|chums?|aides?|ally|allies|advis[eo]rs?|confidant[es]?|confidantes|insiders?|"
    r"associates?|colleagues?|relatives?|lawyers?|attorneys?|solicitors?|barristers?|people|persons?|figures?))"
    r"\s+(?:(?:close|closest|near|loyal)\s+to|familiar\s+with(?:\s+the\s+thinking\s+of)?|of|to|for|around|inside)"
    r"\s+(?P<owner>(?:(?:the|The)\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*|him|her|them|the\s+[a-z][\w-]*)$"
))

#: Anonymous sources named by a head noun and what qualifies them: "two law enforcement
#: officials familiar with the matter", "people briefed on the talks", "an official who
#: spoke on condition of anonymity". Heads and qualifiers hand-listed from US and UK
#: wire style (AP, Reuters, CNN, BBC).
_QUALIFIED_SOURCE = re.compile(
    r"^(?:(?i:the|a|an|one|two|three|four|five|six|several|some|many|other|a\s+few|a\s+number\s+of|\d+)\s+)?"
    r"(?:[\w-]+\s+){0,3}?"
    r"(?P<head>(?i:officials?|sources?|people|persons?|individuals?|insiders?|aides?|staffers?|officers?|executives?|diplomats?|"
    r"investigators?|prosecutors?|employees?|analysts?|lawmakers?|legislators?))"
    r",?\s+(?:familiar\s+with|with\s+(?:direct\s+)?knowledge\s+of|briefed\s+on|close\s+to|involved\s+in|"
    r"who\s+(?:spoke|asked|requested|declined|were|was|are|is|had|have)|speaking\s+on|granted\s+anonymity|"
    r"not\s+authori[sz]ed|in\s+the|at\s+the|from\s+the)\b"
)


class MentionKind:
    """The kinds of speaker mention (plain strings, listed here)."""

    PRONOUN = "pronoun"
    NAME = "name"
    APPOSITIVE = "appositive"
    NOMINAL = "nominal"
    INDEFINITE = "indefinite"
    GROUP = "group"
    DOCUMENT = "document"
    SPOKESPERSON = "spokesperson"
    ORG = "org"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class SpeakerMention:
    """A speaker mention taken apart.

    ``name`` is the name part (for names and appositives) with its offsets in
    ``name_span``; ``owner`` is the possessor or sponsor of a group, document
    or spokesperson ("Blunt", "his", "the Home Office") with ``owner_span``;
    ``descriptors`` are roles given inside the mention itself.
    """

    kind: str
    text: str
    span: tuple[int, int]
    name: str | None = None
    name_span: tuple[int, int] | None = None
    owner: str | None = None
    owner_span: tuple[int, int] | None = None
    gender: str | None = None
    number: str = "sg"
    descriptors: tuple[str, ...] = ()


def _words(text: str) -> list[str]:
    return [fold(w) for w in re.findall(r"[\w'’-]+", text)]


def _owner(text: str, offset: int) -> tuple[str | None, tuple[int, int] | None]:
    """The possessor ("Blunt's", "his") or prepositional owner ("from the Home Office")."""
    m = _POSSESSOR.search(text)
    if m:
        g = 1 if m.group(1) else 2 if m.group(2) else 3
        name = m.group(g)
        s = m.start(g)
        # drop a sentence-initial article or function word caught by the capital run
        lead = re.match(r"(?:The|A|An|In|On)\s+", name)
        if lead and (m.group(1) or m.group(3)):
            s += lead.end()
            name = name[lead.end() :]
        return name, (offset + s, offset + s + len(name))
    m = _OWNER_PREP.search(text)
    if m:
        name = m.group(1).strip()
        s = m.start(1)
        return name, (offset + s, offset + s + len(name))
    return None, None


def _spokes_owner(text: str, offset: int) -> tuple[str | None, tuple[int, int] | None]:
    """Who a spokesperson speaks for: "A Department of Health and Social Care spokesperson",
    "a spokesperson for the Department for Levelling Up, Housing and Communities",
    "his spokesman", "a spokesperson for the party", "a club spokesman"."""
    for m in (_ORG_BEFORE_SPOKES.match(text), _ORG_AFTER_SPOKES.search(text)):
        if m:
            org = re.sub(r"['’]s?$", "", m.group("org"))
            return org, (offset + m.start("org"), offset + m.start("org") + len(org))
    m = _NOUN_BEFORE_SPOKES.match(text)
    if m and (m.group("org") in ORG_WORDS or fits_org_noun(m.group("org"), "") is not None):  # ("a force spokesman")
        # "a club spokesman": "the club", an owner the text names elsewhere (or not at all)
        return "the " + m.group("org"), (offset + m.start("org"), offset + m.end("org"))
    owner = _owner(text, offset)
    if owner[0] is None:
        m = _NOMINAL_AFTER_SPOKES.search(text)
        if m:  # "a spokesperson for the party": an owner the text names elsewhere
            return m.group("org"), (offset + m.start("org"), offset + m.end("org"))
    return owner


def _only_postnominals(tail: str) -> bool:
    """True when ``tail`` holds only seats and honours ("MS", "MP QC"): "Rhodri ap Gwyn MS"."""
    words = tail.split()
    return bool(words) and all(w in POSTNOMINALS for w in words)


def _is_person_part(part: str) -> bool:
    """True when an appositive part is a person's name written out ("Neil Baird", "Dr Jo Lam")."""
    words = part.split()
    return (
        0 < len(words) <= 5
        and all(w[:1].isupper() for w in words)
        and not any(fold(w) in ORG_WORDS for w in words)
        and any(n.type == "PERSON" for n in find_names(part))
    )


def _is_name(part: str) -> bool:
    """True when an appositive part is a name: a found person, or bare capitalised words ("Blunt")."""
    if any(n.type == "PERSON" for n in find_names(part)):
        return True
    words = part.split()
    return (
        0 < len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and not any(fold(w) in NOT_NAME_WORDS or fold(w) in ORG_WORDS or fold(w) in ROLE_NOUNS for w in words)
        and not (len(words) > 1 and fold(words[0]) in PLACE_FIRST_WORDS and fold(words[0]) not in GIVEN_NAMES)
    )  # (not a place or a storm: "Lake Sikuaq", "Hurricane Ines")


def _prenominal_split(part: str) -> tuple[str, int] | None:
    """The role written before a person's name in an appositive part, and where the name starts.

    "State Senate Minority Leader Gordon Pike" and "Former Harbourside striker
    Dean Whitlock" are a role and a name; an honorific ("Dame Helen Frost")
    stays with the name. None when the part is a name alone.

    >>> _prenominal_split("Former Harbourside striker Dean Whitlock")
    ('Former Harbourside striker', 27)
    >>> _prenominal_split("Dame Helen Frost") is None, _prenominal_split("Neil Baird") is None
    (True, True)
    """
    persons = [n for n in find_names(part) if n.type == "PERSON" and n.end == len(part)]
    if not persons or persons[-1].start == 0:
        return None
    n = persons[-1]
    before = part[: n.start].strip()
    words = before.split()
    if not words or all(fold(w) in HONORIFICS for w in words):
        return None
    if n.prefix is None and not any(w[:1].islower() for w in words):
        return None  # capitalised words before a name with no role among them: leave the name whole
    return before, n.start


#: Initials of a person's title, not of a body ("the PM said"); hand-listed.
_TITLE_INITIALS = frozenset("pm dpm ceo cfo coo cto md ag da dj".split())


def _is_acronym(word: str) -> bool:
    """Whether ``word`` is an organisation's initials ("GMB", "FDA"), not a title ("PM", "MP").

    >>> _is_acronym("GMB"), _is_acronym("PM"), _is_acronym("Jones")
    (True, False, False)
    """
    f = fold(word)
    return (
        f not in _TITLE_INITIALS
        and word.isalpha() and word.isupper() and 2 <= len(word) <= 6
        and f not in ROLE_TITLES and f not in ROLE_NOUNS and f not in HONORIFICS and f not in NOT_NAME_WORDS
        and word.rstrip(".,") not in POSTNOMINALS
    )


#: A short capitalised name (one to three words).
_ONE_NAME = re.compile(r"[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,2}")


def _titled_person(part: str) -> bool:
    """ "Cabinet Secretary Naomi Koros": a capitalised title, then a full name (not "the MP for St Andrew South
    West")."""
    whole = strip_postnominals(part.strip())
    cut = _prenominal_split(whole)
    if cut is None or re.search(r"^(?:the|a|an)\b|\b(?:of|for|from|at|in)\b", cut[0], re.IGNORECASE):
        return False
    rest = whole[cut[1]:]
    return len(rest.split()) >= 2 and _is_person_part(rest)


def _someone_at(mention: str, org_start: int, span: tuple[int, int]) -> SpeakerMention | None:
    """ "One consultant anaesthetist at Stanmoor General": someone at the body named at ``org_start``, not the
    body (unnamed: indefinite or a nominal); None when the words before the body do not put a person there."""
    before = mention[:org_start].split()
    if len(before) < 2 or before[-1].lower() not in _PLACE_PREPOSITIONS:
        return None
    if _INDEFINITE.match(mention):
        return SpeakerMention(MentionKind.INDEFINITE, mention, span)
    if _DEFINITE.match(mention):
        return SpeakerMention(MentionKind.NOMINAL, mention, span)
    return None


def classify_mention(text: str, start: int, end: int) -> SpeakerMention:
    """Take apart the speaker mention ``text[start:end]``.

    Args:
        text: the article (offsets index into it).
        start: where the mention begins.
        end: where it ends.

    Returns:
        The mention's kind and parts.

    >>> classify_mention("he said", 0, 2).kind
    'pronoun'
    >>> m = classify_mention("Khan's legal team said", 0, 17); (m.kind, m.owner)
    ('group', 'Khan')
    >>> m = classify_mention("a statement published on Blunt's website", 0, 40); (m.kind, m.owner)
    ('document', 'Blunt')
    >>> m = classify_mention("Khalid Mahmood, a Labour MP", 0, 27); (m.kind, m.name, m.descriptors)
    ('appositive', 'Khalid Mahmood', ('Labour MP',))
    >>> m = classify_mention("The chief executive of Harlow Rail, Martin Doyle", 0, 48); (m.name, m.descriptors)
    ('Martin Doyle', ('chief executive of Harlow Rail',))
    >>> classify_mention("The Tory MP", 0, 11).kind
    'nominal'
    >>> m = classify_mention("A Home Office spokesperson", 0, 26); (m.kind, m.owner)
    ('spokesperson', 'Home Office')
    >>> m = classify_mention("A source close to Hartley", 0, 25); (m.kind, m.owner)
    ('group', 'Hartley')
    >>> classify_mention("the Home Office", 0, 15).kind
    'org'
    >>> classify_mention("Mr Blunt", 0, 8).name
    'Mr Blunt'
    """
    raw = text[start:end]
    lead = len(raw) - len(raw.lstrip())
    s, e = start + lead, start + len(raw.rstrip())
    mention = text[s:e].rstrip(",;:")
    e = s + len(mention)
    span = (s, e)
    owned = _POSSESSED_NAME.match(text, e)
    if owned and fold(owned.group("role")) in _RELATION_NOUNS and len(mention.split()) <= 3:
        # the tagger's "Ryan" of "Ryan's mum Bev Colley": the person named after the relation speaks
        return SpeakerMention(MentionKind.NAME, text[s : owned.end()], (s, owned.end()), name=owned.group("name"),
                              name_span=(owned.start("name"), owned.end("name")))
    lead = _AND_COLLEAGUES.match(mention)
    if lead:  # "she and her co-authors wrote": the lead author, as "X et al." is
        return replace(classify_mention(text, s, s + lead.end("lead")), span=span)
    nick = _NICKNAMED.match(text, s)
    if nick and nick.start("first") == s and e <= nick.end():
        # 'Harold "Hal" Tibbetts': the name without the nickname in quotation marks
        return SpeakerMention(MentionKind.NAME, mention, span, name=f"{nick.group('first')} {nick.group('last')}",
                              name_span=(s, nick.end()))
    based = _PLACE_BASED.match(mention)
    if based:
        # "the Columbus, Ohio-based retailer": the retailer, wherever it is based
        return SpeakerMention(MentionKind.NOMINAL, "the " + mention[based.end():], span)
    if _PLACE_PARTY_MEMBER.fullmatch(mention):
        # "the Utah Republican said": a member of the party from that state, not a body named Utah Republican
        return SpeakerMention(MentionKind.NOMINAL, mention, span)
    reduced = _REDUCED_RELATIVE.match(mention)
    if reduced:
        # "a ruling the county's top elected official [called …]": the thing said, then who said it; "a report
        # the Ministry of Transport sent to the government last week": who, up to what they did with it
        verb = _SENT_VERB.search(mention, reduced.end())
        return replace(classify_mention(text, s + reduced.end(), s + verb.start() if verb else e), span=span)
    channel = _CHANNEL_TAIL.search(mention)
    if channel and channel.start() > 0:
        # "Jonas Eriksen, ESA’s project scientist, in the statement": where it was said, not who said it
        return replace(classify_mention(text, s, s + channel.start()), span=span)
    relayed = _RELAYED_BY.search(mention)
    if relayed and relayed.start() > 0:
        # "A senior official quoted by Channel 12": who spoke, not the outlet that quoted them
        return replace(classify_mention(text, s, s + relayed.start()), span=span)
    seen = _SEEN_BY.search(mention)
    if seen and seen.start() > 0 and (_words(mention[: seen.start()]) or [""])[-1] in DOCUMENT_NOUNS | FINDING_NOUNS:
        # "a CBO estimate released Monday", "a memo seen by POLITICO": the document, not when or who saw it
        return replace(classify_mention(text, s, s + seen.start()), span=span)
    acronym = _ACRONYM_TAG.search(mention)
    if acronym and acronym.start() > 0:
        # "the European Space Agency (ESA)": the body, its initials in brackets after it
        inner = classify_mention(text, s, s + acronym.start())
        if inner.kind in (MentionKind.NOMINAL, MentionKind.UNKNOWN):
            # "the Confédération française des salariés (CFS)": a body's name in lower case, known by its initials
            return SpeakerMention(MentionKind.GROUP, mention, span)
        return replace(inner, span=span)
    tag = _PARTY_TAG.search(mention)
    if tag and tag.start() > 0:
        # "County Executive Marcus Delahunt (D)": the party tag is not part of who speaks
        return replace(classify_mention(text, s, s + tag.start()), span=span)
    anonymous = _ANONYMOUS_WHO.match(mention)
    if anonymous:
        return replace(classify_mention(text, s, s + anonymous.end()), span=span)
    given = _GAVE_NAME.search(mention)
    if given:  # "One woman, who gave her name only as Mere": the name she gave
        return SpeakerMention(MentionKind.NAME, mention, span, name=given.group("name"),
                              name_span=(s + given.start("name"), s + given.end("name")),
                              gender={"her": "female", "herself": "female", "his": "male", "himself": "male"}.get(
                                  (given.group("pron") or given.group("pron2") or "").lower()))
    kin = _KIN.match(mention)
    if kin:
        # "Her daughter, speaking to the BBC on Tuesday,": a relative never named, known by whose she is
        noun = kin.group("noun").lower()
        return SpeakerMention(MentionKind.GROUP, mention[: kin.end("noun")], span, owner=kin.group("owner"),
                              owner_span=(s, s + len(kin.group("owner"))), number="sg",
                              gender="female" if noun in FEMALE_KIN else "male" if noun in MALE_KIN else None)
    clause = _TRAILING_CLAUSE.search(mention)
    if clause and clause.start() > 0 and not _ROLE_CLAUSE.match(mention[clause.start() :].lstrip(", ")):
        # "Hamish Lund, who asked the question", "The GMB, which represents 60 workers": the
        # clause says what the speaker did, not who it is ("…, who is the union's organiser" stays)
        return replace(classify_mention(text, s, s + clause.start()), span=span)
    low = mention.lower()
    words = _words(mention)
    if low in _FIRST_SECOND_PERSON:
        return SpeakerMention(MentionKind.UNKNOWN, mention, span)  # the writer or the reader: no source to name
    if low in PRONOUNS:
        gender, number = PRONOUNS[low]
        return SpeakerMention(MentionKind.PRONOUN, mention, span, gender=gender, number=number)
    if not words:
        return SpeakerMention(MentionKind.UNKNOWN, mention, span)
    wordset = set(words)
    named_person = "," in mention and any(_is_person_part(t.strip()) for t in re.findall(r"[^,]+", mention))
    titled = _NAME_AFTER_SPOKES.search(mention)
    named_person = named_person or bool(titled and _is_person_part(titled.group("name")))
    if not named_person and wordset & SPOKES_NOUNS:
        # "Opposition Spokesman on Justice Garfield Samuda-Hylton, the MP for …": a person holds the title
        named_person = any(n.type == "PERSON" and n.prefix for n in find_names(mention))
    spokes = wordset & SPOKES_NOUNS
    if spokes == {"representative"} and not re.search(r"\brepresentative\b", mention):
        # "the Office of the U.S. Trade Representative": a capitalised Representative is part of a name
        spokes = set()
    if (spokes or _REP.search(mention)) and not named_person:
        # a person named in the mention wins: "Labour's spokesperson, Neil Baird"
        owner, owner_span = _spokes_owner(mention, s)
        # (a group noun may be the owner itself: "A police spokesperson")
        if owner and not wordset & GROUP_NOUNS - SPOKES_NOUNS - {fold(w) for w in owner.split()}:
            return SpeakerMention(MentionKind.SPOKESPERSON, mention, span, owner=owner, owner_span=owner_span)
    if words[-1] in VOICE_NOUNS and mention.split()[-1].islower() and not named_person and len(words) <= 8:
        owner, owner_span = _owner(mention, s)
        if owner:  # "The senator's office said": the office speaks for its holder
            return SpeakerMention(MentionKind.DOCUMENT, mention, span, owner=owner, owner_span=owner_span)
    # (a document named inside a relative clause is what the speaker did, not who speaks: "Jonas Ekholm, a
    # 34-year-old Swede who has read the notes for Lindqvist")
    relative = re.search(r"\b(?:who|whom|whose)\b", low)
    before_relative = len(_words(mention[: relative.start()])) if relative else len(words)
    documents = {w for i, w in enumerate(words) if i < before_relative and w in DOCUMENT_NOUNS and not (
        w == "ruling" and i + 1 < len(words) and words[i + 1] not in ("of", "by", "in", "on"))  # "the ruling party"
                 and not (w == "minutes" and not _MINUTES.match(mention))}  # not "About 20 minutes in, as …"
    if words[-1] in HEAD_DOCUMENT_NOUNS and mention.split()[-1].islower():
        documents.add(words[-1])
    reduced = HEAD_DOC_PARTICIPLE.search(mention)
    if reduced:  # "A Liberal Democrat leaflet | delivered to homes across the constituency this week"
        documents.add(reduced.group(1))
    if (documents or (words[-1] in FINDING_NOUNS and len(words) <= 4 and mention.split()[-1].islower())
            or _FIGURES_BY.match(mention)) \
            and not re.search(r"\bsaid\b", low):
        seen = _SEEN_BY.search(mention)
        if seen:  # "an internal Commission note seen by POLITICO": who saw it did not write it
            inner = classify_mention(text, s, s + seen.start())
            return replace(inner, span=span) if inner.kind == MentionKind.DOCUMENT else inner
        named_maker = _NAMED_BODY_DOC.match(mention)
        maker_words = named_maker.group("maker").split() if named_maker else []
        if named_maker and ((len(maker_words) > 1 and {fold(w) for w in maker_words} & ORG_WORDS)
                            or re.fullmatch(r"[A-Z]{2,6}", named_maker.group("maker"))):  # "WHO figures"
            # (not "Court documents": one word, a kind of source)
            # "Department for Education guidance says": the body's whole name, not "for Education" as an owner
            owner, owner_span = named_maker.group("maker"), (s + named_maker.start("maker"), s + named_maker.end("maker"))
        else:
            owner, owner_span = _owner(mention, s)
        if owner is None:
            maker = _MAKER_BEFORE_DOC.match(mention)
            if maker:  # "an internal Commission note", "a Home Office memo": the body named before it
                owner, owner_span = maker.group("maker"), (s + maker.start("maker"), s + maker.end("maker"))
            body = _BODY_BEFORE_DOC.match(mention)
            if body:  # "a cabinet statement": the cabinet, as "the cabinet said" would name it
                owner, owner_span = "the " + body.group("maker"), (s + body.start("maker"), s + body.end("maker"))
        return SpeakerMention(MentionKind.DOCUMENT, mention, span, owner=owner, owner_span=owner_span)
    whole = find_names(mention) if "," in mention else []
    if len(whole) == 1 and whole[0].type == "ORG" and whole[0].end == len(mention.rstrip()) \
            and mention[: whole[0].start].strip().lower() in ("", "the"):
        # "The Department for Environment, Food and Rural Affairs": one body's name holding a comma
        n = whole[0]
        return SpeakerMention(MentionKind.ORG, mention, span, name=n.text, name_span=(s + n.start, s + n.end))
    if "," in mention:
        parts = [(m.start(), m.group()) for m in re.finditer(r"[^,]+", mention)]
        # a relative clause ("…, which is releasing X's new film") names no one, whatever it mentions
        # ... nor does a description holding its own clause ("a conservative group that has spent $2 million
        # supporting Ms. Ardmore")
        named = [(p, t) for p, t in parts if _is_name(t.strip()) and not _RELATIVE_PART.match(t)
                 and not _DESCRIPTION_WITH_CLAUSE.match(t.strip())]
        org = [n for n in find_names(parts[0][1]) if n.type == "ORG"]
        tail = parts[-1][1].strip()
        described = _PERSON_DESCRIPTION.fullmatch(tail)
        if not named and org and len(parts) == 2 and described \
                and fold(described.group("head")) in ROLE_NOUNS | PERFORMER_NOUNS | _ATHLETE_NOUNS:
            # "(a statement released through his management company,) Pinnacle Athlete Group, the three-time
            # Olympian": the person described after the comma, the company ending the phrase before
            at = s + parts[-1][0] + len(parts[-1][1]) - len(parts[-1][1].lstrip())
            return replace(classify_mention(text, at, e), span=span)
        if not named and org and org[-1].end == len(parts[0][1].rstrip()):
            # "Meridian Pictures, which is releasing …": the organisation before its description
            n = org[-1]
            return SpeakerMention(MentionKind.ORG, mention, span, name=n.text, name_span=(s + n.start, s + n.end))
        # a name written out ("Judge Helen Carraway") beats a bare surname left of it,
        # which is then the tail of a fronted clause ("[Sentencing] Keogh, Judge Helen Carraway")
        full = [(p, t) for p, t in named if _is_person_part(t.strip()) and len(t.split()) >= 2]
        if named:
            # ... and beats a description left of it ("The chief executive of Harlow Rail, Martin Doyle")
            first = named[0][1].strip()
            described = bool(re.match(r"(?:(?:the|a|an|his|her|its|their)\s+)?[a-z]", first, re.IGNORECASE)) and any(
                w[:1].islower() for w in first.split()[1:])
            p, t = full[0] if full and (len(first.split()) == 1 or described) else named[0]
            if len(named) >= 2 and named[-1][1] is parts[-1][1] and _titled_person(named[0][1]) \
                    and _titled_person(named[-1][1]) and fold(named[0][1].split()[-1]) != fold(named[-1][1].split()[-1]):
                # "[Responding to a question from] Nyandarua Senator Peter Gichuru, Energy and Petroleum Cabinet
                # Secretary Naomi Koros [told]": two titled people, not a person and a description of them;
                # the one next to the cue speaks
                p, t = named[-1]
            inner = len(t) - len(t.lstrip())
            name = strip_postnominals(t.strip())  # "Carys Morgan MS": the seat is not the name
            affiliation = _AFFILIATION_AFTER_NAME.search(name)
            if affiliation and len(name[: affiliation.start()].split()) >= 2:
                # "Professor Aisling Carew of the University of Northbridge": where she works is not her name
                name = name[: affiliation.start()]
            tagged = _PARTY_TAG.search(name)
            if tagged and tagged.start() > 0:  # "Senator Luiz Bezerra dos Anjos (PDM-PE)": the party tag is no part
                name = name[: tagged.start()]
            descs = []
            titled_name = _prenominal_split(name)
            if titled_name is not None and _is_person_part(name[titled_name[1]:]):
                # "State Senate Minority Leader Gordon Pike, a Republican": the role is a descriptor
                role, cut = titled_name
                d = normalise_descriptor(role)
                if d:
                    descs.append(d)
                inner += cut
                name = name[cut:]
            for _, other in parts:
                if other is not t:
                    for _, role in split_roles(RELATIVE.sub("", other.strip())):
                        d = normalise_descriptor(role)
                        if d:
                            descs.append(d)
            ns = s + p + inner
            return SpeakerMention(
                MentionKind.APPOSITIVE, mention, span, name=name, name_span=(ns, ns + len(name)),
                descriptors=tuple(descs),
            )
    inter = _INTERMEDIARY.match(mention)
    if inter and inter.group("head")[:1].isupper() and inter.group("owner").startswith("the "):
        inter = None  # "Friends of the Earth": an organisation's name
    if inter and not named_person:
        # the speaker is someone around the person named, never that person
        o = inter.start("owner")
        plural = inter.group("head").lower().endswith("s") or inter.group("head").lower() in ("people", "allies")
        return SpeakerMention(MentionKind.GROUP, mention, span, owner=inter.group("owner"),
                              owner_span=(s + o, s + inter.end("owner")), number="pl" if plural else "sg")
    staff = _STAFF_OF_ORG.match(mention)
    if staff and not named_person:
        # "researchers at Cascadia State University": people of a body, not the body itself
        return SpeakerMention(MentionKind.GROUP, mention, span, owner=staff.group("org"),
                              owner_span=(s + staff.start("org"), s + staff.end("org")), number="pl")
    qualified = _QUALIFIED_SOURCE.match(mention)
    if qualified and not named_person:
        # an anonymous source, named by what the text says of it
        head = qualified.group("head").lower()
        plural = head.endswith("s") or head == "people"
        return SpeakerMention(MentionKind.GROUP, mention, span, number="pl" if plural else "sg")
    if _BARE_SOURCE.match(mention):
        # "one insider", "a source", "two officials": anonymous, named as written, never someone named nearby
        plural = words[-1].endswith("s") or words[-1] == "people"
        return SpeakerMention(MentionKind.GROUP, mention, span, number="pl" if plural else "sg")
    last = words[-1]
    if len(words) == 2 and last in BODY_GROUP_NOUNS and _DEFINITE.match(mention):
        return SpeakerMention(MentionKind.NOMINAL, mention, span)  # "the group said": the body in focus
    if _THE_TOP_PARTY_MEMBER.fullmatch(mention):
        return SpeakerMention(MentionKind.NOMINAL, mention, span)  # "the top Republican on the panel": one member
    if last in GROUP_NOUNS or (len(words) > 1 and words[-2] in GROUP_NOUNS and last in {"members"}):
        owner, owner_span = _owner(mention, s)
        return SpeakerMention(MentionKind.GROUP, mention, span, owner=owner, owner_span=owner_span, number="pl")
    located = _LOCATED_ORG.match(mention) if "," not in mention else None
    if located and any(n.type == "ORG" for n in find_names(located.group("org"))):
        # "The US Attorney's Office in Las Vegas": the office speaks, not the place it is in
        bare = _DEFINITE.sub("", mention)
        return SpeakerMention(MentionKind.ORG, mention, span, name=bare, name_span=(e - len(bare), e))
    names = find_names(mention)
    if mention.split()[-1] in POSTNOMINALS and len(words) > 2 and (
            _DEFINITE.match(mention) or not (names or _INDEFINITE.match(mention))):
        return SpeakerMention(MentionKind.NOMINAL, mention, span)  # "(the) St Andrew South West MP": a seat, no name
    if len(names) >= 2 and names[-1].end == len(mention) and names[-2].type == "PERSON" \
            and _OF_BODY.fullmatch(mention, names[-2].end, names[-1].start):
        names = names[:-1]  # "C.N. Prakash Reddy of the Janata Vikas Paksha": the person, of a body
        n = names[-1]
        descs = tuple(d for d in (normalise_descriptor(x) for x in ((n.prefix,) if n.prefix else ())) if d)
        return SpeakerMention(
            MentionKind.NAME, mention, span, name=n.text, name_span=(s + n.start, s + n.end), descriptors=descs
        )
    if names and (names[-1].end == len(mention) or _only_postnominals(mention[names[-1].end :])):
        n = names[-1]
        someone = _someone_at(mention, n.start, span) if n.type == "ORG" else None
        if someone is not None:
            return someone
        if n.type == "ORG":
            name = n.text
            return SpeakerMention(MentionKind.ORG, mention, span, name=name, name_span=(s + n.start, s + n.end))
        descs = (n.prefix,) if n.prefix else ()
        descs = tuple(d for d in (normalise_descriptor(x) for x in descs) if d)
        return SpeakerMention(
            MentionKind.NAME, mention, span, name=n.text, name_span=(s + n.start, s + n.end), descriptors=descs
        )
    bare = _DEFINITE.sub("", mention)
    if len(words) == 1 and (words[0] in ROLE_NOUNS or words[0] in ROLE_TITLES or mention in POSTNOMINALS):
        return SpeakerMention(MentionKind.NOMINAL, mention, span)  # "MP said": a role cut from its article, no name
    if _DEFINITE.match(mention) and ((words[-1] in ROLE_NOUNS or words[-1] in ROLE_TITLES) or re.search(r"\d+-year-old$", low)):
        return SpeakerMention(MentionKind.NOMINAL, mention, span)
    if bare and all(w[:1].isupper() for w in bare.split()):
        if set(_words(bare)) & (ORG_WORDS | PARTY_WORDS) or _is_acronym(bare):
            ns = e - len(bare)
            return SpeakerMention(MentionKind.ORG, mention, span, name=bare, name_span=(ns, e))
        first_word = fold(bare.split()[0])
        if not _DEFINITE.match(mention) and not (len(bare.split()) > 1 and first_word in PLACE_FIRST_WORDS
                                                  and first_word not in GIVEN_NAMES):  # not "Hurricane Ines"
            owner_cut = re.match(r"[^\s]+['’]s\s+(?=\S)", bare)  # "Ethiopia’s Meseret Haile": whose, then who
            if owner_cut:
                bare = bare[owner_cut.end() :]
            parsed = parse_name(bare)
            if parsed.last:
                return SpeakerMention(MentionKind.NAME, mention, span, name=bare, name_span=(e - len(bare), e))
    described_org = _DESCRIBED_ORG.match(mention)
    if described_org:
        orgs = [n for n in find_names(mention) if n.type == "ORG" and n.start >= described_org.end("desc")]
        someone = _someone_at(mention, orgs[-1].start, span) if orgs else None
        if someone is not None:
            return someone
        if orgs and len(mention.rstrip(". ")) - orgs[-1].end <= 1:
            # "Japanese automaker Kanemori Motor Co.", "rival Tessaly Networks": a company after what it is
            n = orgs[-1]
            return SpeakerMention(MentionKind.ORG, mention, span, name=n.text, name_span=(s + n.start, s + n.end))
        kind_noun = described_org.group("desc").split()[-1].lower()
        bare_name = mention[described_org.end("desc") :].rstrip(". ")
        if (kind_noun in COMPANY_NOUNS or kind_noun in _TRADING_PARTNER_NOUNS) and _ONE_NAME.fullmatch(bare_name) \
                and fold(bare_name.split()[0]) not in GIVEN_NAMES:
            # "The online furniture retailer Brookmere": a one-word company after what it is
            ns = s + described_org.end("desc")
            return SpeakerMention(MentionKind.ORG, mention, span, name=bare_name, name_span=(ns, ns + len(bare_name)))
    if _DEFINITE.match(mention):
        return SpeakerMention(MentionKind.NOMINAL, mention, span)
    if _INDEFINITE.match(mention):
        return SpeakerMention(MentionKind.INDEFINITE, mention, span)
    return SpeakerMention(MentionKind.UNKNOWN, mention, span)
