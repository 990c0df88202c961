"""Descriptors: the roles and descriptions an article gives a person (issue 6).

Four shapes are read, all from the text around a name, without a parser:

- pre-nominal titles: "Tory MP Crispin Blunt" -> "Tory MP";
- appositives: "Khan, 48, a gay Muslim elected to Parliament in 2019," ->
  "aged 48", "gay Muslim elected to Parliament in 2019";
- relative and predicative roles: "Blunt, who is chair of the APPG on ...",
  "Khan is MP for Wakefield" -> "chair of the APPG on ...", "MP for Wakefield";
- definite descriptions resolved to the person elsewhere ("the Wakefield MP"
  -> "Wakefield MP"), added by :mod:`onrecord.resolve.speakers`.

:func:`fits_description` then decides whether a nominal mention ("The Tory
MP", "the 48-year-old") fits a person's descriptors.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .names import (
    HONORIFICS,
    NOT_NAME_WORDS,
    PARTY_WORDS,
    PERFORMER_NOUNS,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    ROLE_TITLES,
    descriptor_case,
    fold,
)

__all__ = [
    "describe_after",
    "split_roles",
    "describe_before",
    "description_tokens",
    "fits_description",
    "nationality",
    "normalise_descriptor",
]

#: Longest appositive or predicative phrase taken, in words; longer runs are
#: clauses, not descriptions (set by hand on our gold cases).
MAX_DESCRIPTOR_WORDS = 16

#: Lower-case portfolio words that sit inside a role ("former justice minister");
#: hand-listed from UK and US cabinet titles.
POLICY_WORDS = frozenset(
    "justice health foreign home education defence defense transport culture business trade "
    "environment housing security immigration energy finance interior state labor work pensions "
    "treasury party cabinet government opposition armed forces veterans policing equalities".split()
)

_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.I)
RELATIVE = re.compile(
    r"^(?:who|which)\s+(?:is|was|has\s+been|had\s+been|became|becomes|serves\s+as|served\s+as|remains"
    r"|acted\s+as|acts\s+as|(?:is|was)\s+acting\s+as)\s+",  # ("who acted as returning officer for the count")
    re.I,
)
#: A relative clause whose second verb gives the role: "who founded Starline Coaches in 1989 and is still its
#: managing director".
_AND_IS_ROLE = re.compile(
    r"^(?:who|which)\s+[^,;]*?\s+and\s+(?:is|was|has\s+been|remains|became)\s+(?:still\s+|now\s+|also\s+)?(?:its\s+|his\s+|her\s+|their\s+)?",
    re.I,
)
_COPULA = re.compile(
    r"\s+(?:is|was|has\s+been|had\s+been|became|serves\s+as|served\s+as|remains)\s+(?:also\s+|now\s+|still\s+)?",
    re.I,
)
#: where an appositive segment stops: a comma, a semicolon, a sentence end, a line break
_SEGMENT = re.compile(r"[^,;\n]*?(?=,|;|\.(?:\s|$)|\n|$)")

#: Words that name the same role, for matching "the Conservative MP" to "Tory MP";
#: hand-listed UK/US equivalences.
_SYNONYMS = {
    "tories": "tory", "conservative": "tory", "conservatives": "tory",
    "democrat": "democratic", "democrats": "democratic", "republicans": "republican",
    "gop": "republican", "sen": "senator", "rep": "representative", "congressman": "representative",
    "congresswoman": "representative", "gov": "governor", "chairman": "chair",
    "chairwoman": "chair", "chairperson": "chair", "chairs": "chair", "spokeswoman": "spokesperson",
    "spokesman": "spokesperson", "mps": "mp", "retired": "former", "ex": "former",
    # a judge is "the bench" and "Justice A.K. Verma" in Indian and UK court reporting
    "justice": "judge", "bench": "judge",
    # "head of rates strategy at Calloway Securities" is "the strategist"; "head of economics", "the economist";
    # "head of equity research at Creekview Securities", "the analyst"
    "strategist": "strategy", "economist": "economics", "analyst": "research",
    # "According to the prosecution" is the Crown prosecutor arguing the case
    "prosecution": "prosecutor",
    # the pope is "the pontiff"
    "pontiff": "pope",
    # "Her solicitor, Declan Ashworth-Price … The lawyer added"
    "solicitor": "lawyer", "barrister": "lawyer", "attorney": "lawyer", "counsel": "lawyer",
    # "Gideon Fairlie, representing the club, said … The barrister accepted": one representing a party at a
    # hearing is its lawyer
    "representing": "lawyer",
    "cllr": "councillor",
    # an orchestra's conductor is "the maestro"
    "maestro": "conductor",
    # "the Tolliver County Republican who sponsored the bill" is "the sponsor"; "who authored it", its author
    "sponsored": "sponsor", "authored": "author",
    # "the zoo’s veterinary surgeon, Dr Sian Morrow" is "the vet"
    "vet": "veterinary", "veterinarian": "veterinary", "vets": "veterinary",
}
#: Several words for one role: a police "public relations officer" (Nigeria) is its spokesperson.
#: So is the director of a press office ("Matteo Galliani, director of the Holy See press office" is "the Vatican
#: spokesman") and a communications director.
_PHRASE_SYNONYMS = re.compile(
    r"\b(?:public relations officer|press (?:officer|secretary)|publicity secretary|pro"
    r"|(?:director|head|chief)\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?press\s+office|press\s+office\s+(?:director|head|chief)"
    r"|communications\s+director|director\s+of\s+communications)\b",
    re.IGNORECASE,
)
#: A committee's senior member of a party: "the top Republican on the panel", in congressional reporting its
#: ranking member (what description_tokens makes of it); mentions.py reads it as one person, not the panel.
TOP_PARTY_MEMBER = re.compile(
    r"\b(?:top|senior|ranking)\s+(?:republican|democrat|conservative|labour|tory)\s+on\s+the\s+(?:[\w-]+\s+)?"
    r"(?:panel|committee|subcommittee)\b",
    re.IGNORECASE,
)
#: A company's chief officers, however written: "chief financial officer", "finance chief" and "finance
#: director" are the CFO; "chief technology officer" the CTO; "chief operating officer" the COO.
_CHIEF_OFFICERS = (
    (re.compile(r"\b(?:chief financial officer|finance (?:chief|director|boss))\b"), "cfo"),
    (re.compile(r"\b(?:chief technology officer|technology chief)\b"), "cto"),
    (re.compile(r"\bchief operating officer\b"), "coo"),
)
#: A length of time before a role ("the 30-year resident", "the 12-year veteran", "the two-term mayor"), not an
#: age ("48-year-old").
_YEARS_OF = re.compile(r"\d+-years?|(?:one|two|three|four|five|first|second|third|fourth|fifth|\d+)-terms?")
#: Modifiers that make an office another one: a shadow chancellor is not the chancellor.
_OTHER_OFFICE = frozenset("shadow deputy vice assistant under".split())
#: Roles whose assistant or deputy, presiding, is the role itself: an inquest's "Assistant Coroner Helen
#: Marchbank" is "the coroner".
_PRESIDING_ROLES = frozenset({"coroner"})
#: Head nouns that fit any political office-holder ("the politician").
_POLITICIAN = frozenset("politician lawmaker legislator".split())
_OFFICES = frozenset(
    "mp minister secretary senator representative governor mayor councillor leader president "
    "chancellor peer msp mep whip speaker".split()
)
#: A relative clause saying whom a person heads: "who has led the borough for nine years", "who chairs the panel".
#: A relative clause's later office: "… before being appointed headteacher in 2021", "… until he was made chief
#: executive".
_THEN_APPOINTED = re.compile(
    r"\s+(?:before|until)\s+(?:being|he\s+was|she\s+was|they\s+were)\s+(?:appointed|named|made|promoted\s+to|elected)"
    r"\s+(?:as\s+)?(?:the\s+)?(?P<role>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)(?=\s+(?:in|at|of|last|this)\b|$)"
)
#: What someone went on to do, ending a relative clause's office: "… before entering politics", "… until
#: retiring in 2020".
_BEFORE_DOING = re.compile(r"\s+(?:before|until)\s+[a-z]+ing\b")
#: How long someone held an office, after it: "… for nine years", "… since 2019".
_FOR_A_TIME = re.compile(r"\s+(?:for\s+(?:\w+\s+){1,2}(?:years?|months|decades?)|since\s+\d{4})\s*$")
_LED = re.compile(
    r"who\s+(?:has\s+|had\s+)?(?P<verb>led|leads|headed|heads|runs|ran|run|chaired|chairs|coordinates|coordinated"
    r"|manages|managed|directs|directed)\s+"
    r"(?:the|its|his|her|their)\s+(?P<what>[\w'’ -]{2,60}?)(?:\s+(?:since|for|from|in)\b.*)?$"
)
#: A relative clause saying whom someone serves: "who has coached Marlowe since she was 14", "who represents Khan".
_SERVES_SOMEONE = re.compile(
    r"who\s+(?:has\s+|had\s+)?(?P<verb>coached|coaches|trained|trains|represented|represents|advised|advises)\s+"
    r"(?P<whom>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\b"
)
#: The role a :data:`_SERVES_SOMEONE` verb gives, by its first five letters.
_ROLE_OF_SERVING = {"coach": "coach", "train": "trainer", "repre": "lawyer", "advis": "adviser"}
#: The role a :data:`_LED` verb gives, by its first five letters ("who coordinates the programme": its coordinator).
_ROLE_OF_VERB = {"chair": "chair", "coord": "coordinator", "manag": "manager", "direc": "director"}
#: A secretary who is a government minister ("work and pensions secretary", "Secretary of State for …"), not
#: a union's general secretary or a press secretary.
_CABINET_SECRETARY = re.compile(
    # "Secretary for Housing", Hong Kong's and Malta's form of a minister's title
    r"(?i)\bsecretary\s+of\s+state\b|^(?:the\s+)?secretary\s+for\s+(?!.*\b(?:club|union|society|association|company|committee|board)\b)[\w' ’-]+$"
    r"|^(?!.*\b(?:general|press|private|permanent|executive|company|parliamentary|"
    r"cabinet|shadow|assistant|deputy|under)\s+secretary\b)(?:the\s+)?[\w' ’-]+\ssecretary$"
)
#: Nationality words that a description may add to a role it repeats; hand-listed (UK, US).
_DEMONYMS = frozenset("scottish welsh english british irish northern american uk us".split())
#: Nationality words as news writes them of a person, noun or adjective, keyed by one form ("the Finn",
#: "Finnish leader Aatu Lindqvist", "a 34-year-old Swede", "the Welshman"); hand-listed from sports and politics
#: copy, with the nationality epithets speakers.py reads.
_NATIONALITY_FORMS = {
    form: key for key, forms in {
        "scot": "scot scottish scotsman scotswoman", "welsh": "welsh welshman welshwoman",
        "irish": "irish irishman irishwoman", "english": "english englishman englishwoman",
        "briton": "briton british", "american": "american", "canadian": "canadian",
        "french": "french frenchman frenchwoman", "dutch": "dutch dutchman dutchwoman", "spanish": "spanish spaniard",
        "german": "german", "italian": "italian", "portuguese": "portuguese", "danish": "danish dane",
        "swedish": "swedish swede", "norwegian": "norwegian", "finnish": "finnish finn", "belgian": "belgian",
        "swiss": "swiss", "austrian": "austrian", "polish": "polish pole", "croatian": "croatian croat",
        "serbian": "serbian serb", "australian": "australian aussie", "kiwi": "kiwi", "argentine": "argentine argentinian",
        "brazilian": "brazilian", "uruguayan": "uruguayan", "colombian": "colombian", "mexican": "mexican",
        "nigerian": "nigerian", "ghanaian": "ghanaian", "senegalese": "senegalese", "egyptian": "egyptian",
        "moroccan": "moroccan", "japanese": "japanese", "korean": "korean", "chinese": "chinese", "indian": "indian",
        "pakistani": "pakistani", "kenyan": "kenyan", "jamaican": "jamaican", "ukrainian": "ukrainian",
        "russian": "russian", "greek": "greek", "turkish": "turkish turk", "czech": "czech", "hungarian": "hungarian",
        "romanian": "romanian", "icelandic": "icelandic icelander", "estonian": "estonian", "latvian": "latvian",
        "lithuanian": "lithuanian", "slovenian": "slovenian slovene", "slovak": "slovak", "bulgarian": "bulgarian",
        "georgian": "georgian", "israeli": "israeli", "iranian": "iranian", "filipino": "filipino",
        "indonesian": "indonesian", "chilean": "chilean", "peruvian": "peruvian", "ethiopian": "ethiopian",
        "ugandan": "ugandan", "zimbabwean": "zimbabwean", "cameroonian": "cameroonian", "ivorian": "ivorian",
        "tongan": "tongan", "samoan": "samoan", "fijian": "fijian", "thai": "thai", "vietnamese": "vietnamese",
    }.items() for form in forms.split()
}
#: Descriptors longer than this say where a body is from more often than a person's nationality ("chief
#: executive of British Airways"); only short ones ("Finnish leader", "34-year-old Swede") count.
_NATIONALITY_DESCRIPTOR_WORDS = 3


def nationality(description: str) -> str | None:
    """The nationality a short description of a person states, as one key per nationality, else None.

    >>> nationality("the Finn"), nationality("Finnish leader"), nationality("34-year-old Swede")
    ('finnish', 'finnish', 'swedish')
    >>> nationality("the Welshman") == nationality("Welsh"), nationality("team principal")
    (True, None)
    >>> nationality("chief executive of British Airways") is None
    True
    """
    words = [w for w in re.findall(r"[\w-]+", description) if w.lower() not in ("the", "a", "an")]
    if not words or len(words) > _NATIONALITY_DESCRIPTOR_WORDS:
        return None
    found = {_NATIONALITY_FORMS[w.lower()] for w in words if w[:1].isupper() and w.lower() in _NATIONALITY_FORMS}
    return found.pop() if len(found) == 1 else None


#: A body's possessive before a role ("the company's", "the union's"): which body is the story's.
_BODY_POSSESSIVE = re.compile(
    r"(?:company|firm|club|team|union|party|government|council|trust|school|charity|group|board|department|"
    r"agency|startup|business|university|hospital|force|organisation|organization)['’]s"
)
_POSSESSIVE_END = re.compile(r"['’]s$")
_STOP = frozenset("a an the of for on in at to and his her their its who since".split())


def normalise_descriptor(phrase: str) -> str | None:
    """Tidy a descriptor: strip articles and punctuation, undo headline capitals.

    Returns None when nothing is left.

    >>> normalise_descriptor(" a Labour MP, ")
    'Labour MP'
    >>> normalise_descriptor("TORY MP")
    'Tory MP'
    """
    p = re.sub(r"\s+", " ", phrase).strip(" ,;:.\u00a0")
    p = _ARTICLE.sub("", p)
    if not p:
        return None
    return descriptor_case(p)


#: "MP for Hexley Vale and chair of the APPG on ...": where one appositive holds two roles.
#: One of the first three words after "and" (an article aside) must be a lower-case role
#: noun or an acronym, so "chair of the Home Affairs and Justice Committee" stays whole.
_ROLE_JOIN = re.compile(r",?\s+and\s+(?:(?:a|an|the|also)\s+)?(?P<rest>(?:[\w-]+\s*){1,3})", re.I)


_AND = re.compile(r",?\s+and\s+", re.I)


def split_roles(phrase: str) -> list[tuple[int, str]]:
    """Split a phrase holding several roles joined by "and" into its roles.

    Args:
        phrase: a descriptor-sized phrase (article may lead).

    Returns:
        ``(offset in phrase, part)`` pairs; the whole phrase when it holds one role.

    >>> [p for _, p in split_roles("the MP for Hexley Vale and chair of the APPG on Access to Justice")]
    ['the MP for Hexley Vale', 'chair of the APPG on Access to Justice']
    >>> [p for _, p in split_roles("chair of the Home Affairs and Justice Committee")]
    ['chair of the Home Affairs and Justice Committee']
    >>> [p for _, p in split_roles("mayor of Eastfield and a former state representative")]
    ['mayor of Eastfield', 'a former state representative']
    """
    parts: list[tuple[int, str]] = []
    start = 0
    for m in _ROLE_JOIN.finditer(phrase):
        if not any(fold(w) in ROLE_NOUNS and (w.islower() or w.isupper()) for w in m.group("rest").split()):
            continue  # "Home Affairs and Justice Committee": a capitalised word belongs to a name
        left = phrase[start : m.start()]
        if not _is_rolelike(_ARTICLE.sub("", left.strip())):
            continue
        parts.append((start, left))
        start = m.start() + len(_AND.match(m.group()).group())  # type: ignore[union-attr]
    parts.append((start, phrase[start:]))
    return parts


def _is_rolelike(phrase: str) -> bool:
    """True when a phrase (article stripped) opens like a role or description."""
    words = phrase.split()
    if not words:
        return False
    f = fold(words[0])
    if f in ROLE_NOUNS or f in ROLE_MODIFIERS or f in PARTY_WORDS or f in ROLE_TITLES:
        return True
    return any(fold(w) in ROLE_NOUNS or fold(w) in PARTY_WORDS for w in words[:4])


#: A verb of saying inside an appositive's segment: it is a clause with its own subject, not a description.
_SPEECH_VERB = re.compile(r"\b(?:said|says|told|added|insisted|admitted|warned|claimed|explained|replied)\b")
#: A role set off before a name: "the Ireland captain, Cathal Moriarty,", "their head coach, Grant Whitelaw".
_ROLE_COMMA_BEFORE = re.compile(r"(?P<role>(?:[\w'’-]+[ \u00a0]+){0,4}[\w-]+),[ \u00a0]+$")


def describe_before_comma(text: str, name_start: int) -> tuple[int, str] | None:
    """A role set off by a comma before a name: ``the Ireland captain, Cathal Moriarty``.

    >>> describe_before_comma("a shoulder to the head of the Ireland captain, Cathal Moriarty", 47)
    (29, 'Ireland captain')
    >>> describe_before_comma("In Dublin, Cathal Moriarty", 11) is None
    True
    """
    m = _ROLE_COMMA_BEFORE.search(text, max(0, name_start - 80), name_start)
    if m is None:
        return _role_of_before_comma(text, name_start)
    words = list(re.finditer(r"[\w'’-]+", m.group("role")))
    last = fold(words[-1].group())
    if last not in ROLE_NOUNS and last not in ROLE_TITLES:
        return _role_of_before_comma(text, name_start)
    # the nearest opener before the role's last word: "the Ireland captain", not "the head of the …"
    for w in reversed(words[:-1]):
        if w.group().lower() in ("the", "his", "her", "their", "its") or re.fullmatch(r"[A-Z][\w-]*['’]s?", w.group()) \
                and w.group()[-2:] in ("'s", "’s"):
            start = m.start("role") + w.end()
            d = normalise_descriptor(text[start : m.end("role")])
            return (start, d) if d else None
    return None


#: A role "of" a body set off before a name: "the chief inspector of rail accidents, Gareth Penhaligon".
_ROLE_OF_COMMA_BEFORE = re.compile(
    # (or a country's: "Greece’s minister for climate crisis and civil protection, Andreas Kyriazopoulos")
    r"(?<![\w'’-])(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[A-Z][\w-]*['’]s)[ \u00a0]+"
    r"(?P<role>(?:[\w'’-]+[ \u00a0]+){0,2}(?P<head>[\w-]+)"
    r"[ \u00a0]+(?:of|at|for)[ \u00a0]+(?:the[ \u00a0]+)?(?:[\w'’-]+[ \u00a0]+){0,4}[\w'’-]+),[ \u00a0]+"
    # (a cleric's style after the comma: "The Archdeacon of Hallowmere, the Ven Patricia Lowe")
    r"(?:the[ \u00a0]+)?$"
)


def _role_of_before_comma(text: str, name_start: int) -> tuple[int, str] | None:
    """A role of a body set off by a comma before a name.

    >>> t = "Speaking in Derby, the chief inspector of rail accidents, Gareth Penhaligon, said"
    >>> _role_of_before_comma(t, t.index("Gareth"))
    (23, 'chief inspector of rail accidents')
    >>> t = "Greece’s minister for climate crisis and civil protection, Andreas Kyriazopoulos, said"
    >>> _role_of_before_comma(t, t.index("Andreas"))
    (9, 'minister for climate crisis and civil protection')
    >>> t = "The Archdeacon of Hallowmere, the Ven Patricia Lowe, who chairs the group"
    >>> _role_of_before_comma(t, t.index("Ven"))
    (4, 'Archdeacon of Hallowmere')
    >>> t = "In a letter to the council, Jane Smith said"
    >>> _role_of_before_comma(t, t.index("Jane")) is None
    True
    """
    m = _ROLE_OF_COMMA_BEFORE.search(text, max(0, name_start - 100), name_start)
    if m is None or (fold(m.group("head")) not in ROLE_NOUNS and fold(m.group("head")) not in ROLE_TITLES):
        return None
    d = normalise_descriptor(m.group("role"))
    return (m.start("role"), d) if d else None


def describe_before(text: str, name_start: int) -> tuple[int, str] | None:
    """Find a pre-nominal description ending just before ``name_start``.

    Args:
        text: the article.
        name_start: where the name (honorific included) begins.

    Returns:
        ``(start, descriptor)`` or None.

    >>> describe_before("said former Tory MP Crispin Blunt", 20)
    (5, 'former Tory MP')
    >>> describe_before("Labour leader Keir Starmer", 14)
    (0, 'Labour leader')
    >>> describe_before("said Crispin Blunt", 5) is None
    True
    >>> describe_before("Castellano told host Garrett Oyelaran", 21)
    (16, 'host')
    """
    words: list[tuple[int, str]] = []
    pos = name_start
    while True:
        m = re.search(r"(\S+)([ \u00a0])$", text[max(0, pos - 60) : pos])
        if not m:
            break
        word = m.group(1)
        wstart = pos - len(m.group(0))
        f = fold(word)
        if re.search(r"[,.;:!?\"“”()]$", word) or f in HONORIFICS:
            break
        capital = word[:1].isupper() and f not in NOT_NAME_WORDS
        if not (capital or f in ROLE_NOUNS or f in ROLE_MODIFIERS or f in PARTY_WORDS or f in POLICY_WORDS
                or (f in PERFORMER_NOUNS and pos == name_start)):  # "told host Garrett Oyelaran"
            break
        words.insert(0, (wstart, word))
        pos = wstart
    # the phrase must end in a role word; leading capitalised non-roles stay
    while words and not (fold(words[-1][1]) in ROLE_NOUNS or fold(words[-1][1]) in ROLE_TITLES
                         or (fold(words[-1][1]) in PERFORMER_NOUNS and words[-1][0] + len(words[-1][1]) + 1 == name_start)):
        words.pop()
    if not words:
        return None
    start = words[0][0]
    end = words[-1][0] + len(words[-1][1])
    phrase = normalise_descriptor(text[start:end])
    return (start, phrase) if phrase else None


#: An age in an appositive: "a 67-year-old (retired fisherman)".
_AGED = re.compile(r"(?:an?\s+)(\d{1,3})-year-old(?P<age_end>)\s*")
#: A bracketed aside right after a name ("(no relation to Ásgeir)", "(pictured)"), not a party tag or initials.
_ASIDE = re.compile(r"[ \t]+\((?=[a-z])[^()\n]{1,60}\)(?=,)")
#: Words that point at a picture from a bracket after a name: "Jo Bell (pictured)", "(left)".
PICTURE_POINTERS = frozenset("pictured left right above below inset centre center top bottom".split())
#: A US college class year after a name: "Maya Ortiz ’27", "Aisha Bello GRD ’28".
CLASS_YEAR = re.compile(r"[ \t\u00a0]+(?:[A-Z]{2,4}[ \t\u00a0]+)?['’]\d{2}(?!\w)")


def describe_after(text: str, name_end: int, limit: int | None = None) -> list[tuple[int, str]]:
    """Find appositive and predicative descriptions following a name.

    Args:
        text: the article.
        name_end: where the name (or its possessive) ends.
        limit: do not read past this offset (the paragraph's end).

    Returns:
        ``(start, descriptor)`` pairs in text order.

    >>> [d for _, d in describe_after("Khan, 48, a gay Muslim elected to Parliament in 2019, was", 4)]
    ['aged 48', 'gay Muslim elected to Parliament in 2019']
    >>> [d for _, d in describe_after("Blunt, who is chair of the APPG on Global LGBT+ Rights, said", 5)]
    ['chair of the APPG on Global LGBT+ Rights']
    >>> [d for _, d in describe_after("Ashworth, who founded Starline Coaches in 1989 and is still its managing director, said", 8)]
    ['managing director']
    >>> [d for _, d in describe_after("Ray Dunmore, who has coached Marlowe since she was 14, sat beside her", 11)]
    ['coach of Marlowe']
    >>> [d for _, d in describe_after("Khan has been MP for Wakefield since December 2019.", 4)]
    ['MP for Wakefield since December 2019']
    >>> [d for _, d in describe_after("Ashdown, the MP for Hexley Vale and chair of the APPG on Access to Justice, said", 7)]
    ['MP for Hexley Vale', 'chair of the APPG on Access to Justice']
    >>> describe_after("Blunt, Khan and Smith", 5)
    []
    >>> [d for _, d in describe_after("Magnusson (no relation to Asgeir), a 67-year-old retired fisherman, said", 9)]
    ['aged 67', 'retired fisherman']
    >>> describe_after("Medeiros, and club president Ramón Echeverría has insisted he stays", 8)
    []
    """
    limit = len(text) if limit is None else min(limit, len(text))
    found: list[tuple[int, str]] = []
    aside = _ASIDE.match(text, name_end, limit) or CLASS_YEAR.match(text, name_end, limit)
    if aside:  # "Bjarki Magnússon (no relation to Ásgeir), a 67-year-old …": past the bracketed aside
        name_end = aside.end()
    m = _COPULA.match(text, name_end, limit)
    if m:
        seg = _SEGMENT.match(text, m.end(), limit)
        if seg:
            for off, part in split_roles(seg.group()):
                phrase = _ARTICLE.sub("", part.strip())
                if _is_rolelike(phrase) and len(phrase.split()) <= MAX_DESCRIPTOR_WORDS:
                    d = normalise_descriptor(phrase)
                    if d:
                        found.append((m.end() + off, d))
                elif not found:
                    break
        return found
    pos = name_end
    while pos < limit and text.startswith(",", pos):
        start = pos + 1
        while start < limit and text[start] in " \u00a0":
            start += 1
        seg = _SEGMENT.match(text, start, limit)
        if not seg or not seg.group().strip():
            break
        raw = seg.group().strip()
        if re.match(r"(?:and|but|or|while|although|though|as)\s", raw):
            break  # "…, and club president Ramón Echeverría has insisted …": the next clause, not a description
        if re.fullmatch(r"\d{1,3}", raw):
            found.append((start, f"aged {raw}"))
        else:
            aged = _AGED.match(raw)
            if aged:  # "…, a 67-year-old retired fisherman, …": an age, then what the rest says
                found.append((start, f"aged {aged.group(1)}"))
                if not raw[aged.end() :].strip():
                    pos = seg.end()
                    if pos >= limit or not text.startswith(",", pos):
                        break
                    continue
                start += aged.end("age_end") - 2
                raw = "a " + raw[aged.end("age_end") :].strip()  # the article was the age's: "a | retired fisherman"
            led = _LED.match(raw)
            serves = _SERVES_SOMEONE.match(raw) if led is None else None
            if serves:
                # "Ray Dunmore, who has coached Marlowe since she was 14,": her coach
                found.append((start, f"{_ROLE_OF_SERVING[serves.group('verb')[:5]]} of {serves.group('whom')}"))
            if led:
                # "Dr Rosalind Mercer, who has led the museum since 2019,": its head ("the director")
                role = _ROLE_OF_VERB.get(led.group("verb")[:5], "head")
                found.append((start, f"{role} of {led.group('what')}"))
            if led or serves:
                pos = seg.end()
                if pos >= limit or not text.startswith(",", pos):
                    break
                continue
            rel = RELATIVE.match(raw) or _AND_IS_ROLE.match(raw)
            whole = raw[rel.end() :] if rel else raw
            then = _THEN_APPOINTED.search(whole) if rel else None
            before = _BEFORE_DOING.search(whole) if rel and then is None else None
            if then is not None:
                # "who was deputy head at Hawthorn Lane for nine years before being appointed headteacher in
                # 2021": a former office, and the one held now
                found.append((start + rel.end() + then.start("role"), normalise_descriptor(then.group("role"))))
            if then is not None or before is not None:
                # ... or "who served as an army medic in Afghanistan before entering politics": a former one
                cut = (then or before).start()  # type: ignore[union-attr]
                whole = "former " + _ARTICLE.sub("", _FOR_A_TIME.sub("", whole[:cut]).strip())
                start -= len("former ")
            parts = split_roles(whole)
            if any(len(p.split()) > MAX_DESCRIPTOR_WORDS for _, p in parts):
                break
            taken = 0
            for off, part in parts:
                has_article = bool(_ARTICLE.match(part.strip()))
                body = _ARTICLE.sub("", part.strip())
                if not body or not (_is_rolelike(body) or (has_article and not rel and body[:1].islower())):
                    break
                if not rel and _SPEECH_VERB.search(body):
                    break  # "Asked about the Grand Slam, the captain said nobody …": the next clause's subject
                d = normalise_descriptor(body)
                if d:
                    found.append((start + (rel.end() if rel else 0) + off, d))
                    taken += 1
            if not taken:
                break
        pos = seg.end()
        if pos >= limit or not text.startswith(",", pos):
            break
    return found


@lru_cache(maxsize=4096)
def description_tokens(phrase: str, owners: bool = False) -> frozenset[str]:
    """Fold a description into comparable content words; with ``owners``, a body's possessive stays as the body
    ("council's leader": council, leader), as a description to be fitted says who it belongs to.

    >>> sorted(description_tokens("the 48-year-old Conservative MPs"))
    ['48', 'mp', 'tory']
    >>> sorted(description_tokens("the Australian-born executive"))
    ['executive']
    >>> sorted(description_tokens("the council’s leader")), sorted(description_tokens("the council’s leader", owners=True))
    (['leader'], ['council', 'leader'])
    """
    folded = _PHRASE_SYNONYMS.sub("spokesperson", phrase.lower())
    folded = TOP_PARTY_MEMBER.sub("ranking member", folded)  # US usage: the committee's ranking member
    for pattern, initials in _CHIEF_OFFICERS:
        folded = pattern.sub(initials, folded)
    words = re.findall(r"[\w+'’-]+", folded)
    out = set()
    for w in words:
        w = fold(w)
        age = re.fullmatch(r"(\d{1,3})-year-old", w)
        if age:
            w = age.group(1)
        if w in _STOP or w == "aged" or (_BODY_POSSESSIVE.fullmatch(w) and not owners):
            continue  # "the company's founder" is the founder of the company in the story
        if w.endswith("-born") and len(w) > len("-born"):
            continue  # "the Australian-born executive": where one was born is a fact in passing, not the role
        w = _POSSESSIVE_END.sub("", w)  # "Labour’s housing spokesperson": the party, Labour
        out.add(_SYNONYMS.get(w, w))
    return frozenset(out)


def fits_description(nominal: str, descriptors: list[str] | tuple[str, ...]) -> bool:
    """Return True when a nominal mention fits one of ``descriptors``.

    Every content word of the nominal must occur in one descriptor; a
    generic head ("the politician") fits any office.

    >>> fits_description("The Tory MP", ["Tory MP", "chair of the APPG"])
    True
    >>> fits_description("the Wakefield MP", ["MP for Wakefield since December 2019"])
    True
    >>> fits_description("the 48-year-old", ["aged 48"])
    True
    >>> fits_description("the Labour MP", ["Tory MP"])
    False
    >>> fits_description("the politician", ["Tory MP"])
    True
    >>> fits_description("The GMB organiser", ["union's Scotland organiser"])
    True
    >>> fits_description("the former bus driver", ["retired school bus driver"])
    True
    >>> fits_description("the chancellor", ["shadow chancellor"]), fits_description("the shadow chancellor", ["shadow chancellor"])
    (False, True)
    >>> fits_description("the coroner", ["Assistant Coroner"])
    True
    >>> fits_description("The 30-year resident", ["Resident"]), fits_description("the 48-year-old", ["Resident"])
    (True, False)
    >>> fits_description("the Cork boss", ["Cork manager"]), fits_description("the Clare boss", ["Cork manager"])
    (True, False)
    >>> fits_description("the union leader", ["general secretary of the National Association of Head Teachers"])
    True
    >>> fits_description("the union leader", ["education secretary"])
    False
    >>> fits_description("The minister", ["work and pensions secretary"]), fits_description("the minister", ["former pensions minister"])
    (True, False)
    >>> fits_description("the minister", ["general secretary of the union"]), fits_description("the former minister", ["former pensions minister"])
    (False, True)
    >>> fits_description("the minister", ["prime minister"]), fits_description("the prime minister", ["prime minister"])
    (False, True)
    >>> fits_description("the 61-year-old former prime minister", ["former prime minister"])
    True
    >>> fits_description("the 61-year-old former prime minister", ["former prime minister", "aged 58"])
    False
    >>> fits_description("the former minister", ["housing minister until last year's reshuffle"])
    True
    >>> fits_description("the minister", ["Secretary for Housing"]), fits_description("the minister", ["secretary for the club"])
    (True, False)
    """
    want = description_tokens(nominal)
    if want - _DEMONYMS:
        want = want - _DEMONYMS  # "the Scottish Labour MSP" is the Labour MSP of a Scottish story
    spans = {w for w in want if _YEARS_OF.fullmatch(w)}
    if want - spans:
        want = want - spans  # "the 30-year resident" is the resident, however long the text says she has lived there
    if not want:
        return False
    if want <= _POLICE_OFFICER and any(description_tokens(d) & _POLICE_RANKS for d in descriptors):
        return True  # "the officer", "the police officer" for "Sergeant Mark Ellery of the roads policing unit"
    ages = {w for w in want if w.isdigit()}
    # whether any descriptor gives an age already (then the nominal's must be it)
    aged = bool(ages) and any(w.isdigit() for d in descriptors for w in description_tokens(d))
    for d in descriptors:
        have = description_tokens(d, owners=True)  # ("the council leader" is "the council's leader")
        if d.startswith("one of "):
            # "one of the first paramedics on the scene" is "the paramedic"
            have = have | {w[:-1] for w in have if w.endswith("s") and len(w) > 3}
        if have & _OTHER_OFFICE - want and not want & _PRESIDING_ROLES:
            continue  # "the chancellor" is not "the shadow chancellor", nor "the chief executive" the deputy
        if "former" in have and "former" not in want and want & _OFFICES:
            continue  # "the minister" is not "the former pensions minister" who leads the revolt against one
        if "minister" in want and "prime" in have and "prime" not in want:
            continue  # nor the prime minister, who is "the prime minister"
        if "minister" in want and "minister" not in have and _CABINET_SECRETARY.search(d):
            have = have | {"minister"}  # "the work and pensions secretary" is a minister
        if "former" in want and "former" not in have and _PAST_TENURE.search(d):
            have = have | {"former"}  # "housing minister until last year's reshuffle" is the former minister
        if want <= have:
            return True
        if ages and want - ages <= have and (want - ages) & _OFFICES and not aged:
            return True  # "the 61-year-old former Portuguese prime minister": an office given, an age not yet
        rest = want - have
        if rest and rest <= _POLITICIAN and have & _OFFICES and want - rest <= have:
            return True
        if "union" in rest and (have & _UNION_BODIES or {"general", "secretary"} <= have):
            # "the union leader" for "general secretary of the National Association of Secondary Teachers"
            rest = rest - {"union"}
            if not rest or (rest <= _UNION_HEADS and {"general", "secretary"} <= have):
                return True  # ... and "the union chief", "the union boss" for its general secretary
        words = d.split()
        # "general secretary | of the National Association …": the role before the body it is of
        role_of = re.match(r"(?P<role>.+?)\s+(?:of|at|for)\s+(?:the\s+)?[A-Z]", d) or _HEAD_OF.match(d)
        role = role_of.group("role").split() if role_of else []
        if rest in ({"boss"}, {"chief"}) and have & {"chief", "ceo", "coo", "cfo", "cto"} and want - rest <= have:
            return True  # "the airport boss" for "chief operating officer at Carnbrook Airport"
        if len(rest) == 1 and words and next(iter(rest)) in _HEAD_SYNONYMS \
                and (fold(words[-1]) in _HEAD_SYNONYMS[next(iter(rest))]
                     or (role and fold(role[-1]) in _HEAD_SYNONYMS[next(iter(rest))])):
            return True  # "the Cork boss" for "Cork manager", the other words all there
    return _fits_by_head(nominal, descriptors)


def _fits_by_head(nominal: str, descriptors: Sequence[str]) -> bool:
    """The same role of a body named in capitals: "the GMB organiser" for "the union's Scotland organiser".

    The nominal's last word must be a descriptor's last word and every other
    word an organisation's initials; a party never stands in ("the Labour MP"
    is not a "Tory MP").
    """
    words = nominal.split()
    if len(words) < 2:
        return False
    head = fold(words[-1])
    modifiers = [w for w in words[:-1] if fold(w) not in _STOP]
    if not modifiers or not all((w.isupper() and w.isalpha() and len(w) >= 2) or fold(w) in _BODY_NOUNS for w in modifiers):
        return False
    if any(fold(w) in PARTY_WORDS for w in modifiers):
        return False
    heads = _HEAD_SYNONYMS.get(head, {_SYNONYMS.get(head, head)})
    # a lower-case body ("the union boss") needs one named in capitals in the descriptor ("BLV chief"): an
    # "education secretary" runs a department, not a union
    initials = all(w.isupper() for w in modifiers)

    def fits(d: str) -> bool:
        words = d.split()
        return _SYNONYMS.get(fold(words[-1]), fold(words[-1])) in heads \
            and (initials or len(words) == 1 or any(w[:1].isupper() for w in words[:-1]))

    return any(fits(d) for d in descriptors if d.split())


#: What a police officer of any rank is called later ("the officer", "the police officer"), and the ranks of UK and
#: US police forces that make one; hand-listed.
_POLICE_OFFICER = frozenset("officer police".split())
_POLICE_RANKS = frozenset("sergeant constable pc ds dc di dci detective superintendent inspector sheriff "
                          "trooper patrolman".split())
#: Headline words for a body's head and the descriptor heads they stand for ("the HSE boss" is its
#: chief executive); hand-listed.
#: What :data:`_LED` makes of "who has led the museum": its head ("head of museum").
_HEAD_OF = re.compile(r"(?P<role>head|chair)\s+of\s+")


def holds_role(head: str, descriptors: Sequence[str]) -> bool:
    """Whether one of ``descriptors`` gives a role ``head`` names ("leader" for "head of borough").

    >>> holds_role("leader", ["head of borough"]), holds_role("leader", ["aged 61"])
    (True, False)
    """
    wanted = _HEAD_SYNONYMS.get(head, {_SYNONYMS.get(head, head)})
    for d in descriptors:
        role = re.split(r"\s+(?:of|at|for)\s+", d, maxsplit=1)[0].split()
        if role and _SYNONYMS.get(fold(role[-1]), fold(role[-1])) in wanted:
            return True
    return False


_HEAD_SYNONYMS = {
    "boss": {"boss", "executive", "ceo", "head", "director", "chair", "manager", "chief", "leader", "president",
             "secretary", "director-general", "secretary-general", "principal"},
    "chief": {"chief", "executive", "ceo", "head", "director", "leader", "director-general", "secretary-general"},
    "leader": {"leader", "chief", "head", "president", "secretary", "director-general", "secretary-general"},
    "director": {"director", "head", "director-general"},
}
#: A role held until some time past: "(who served as) housing minister until last year's reshuffle".
_PAST_TENURE = re.compile(r"\buntil\s+(?:last|\d{4}\b|(?:January|February|March|April|May|June|July|August|September|"
                          r"October|November|December)\b|her|his|the\s+(?:last|previous)\b)")
#: What headlines call a union's general secretary.
_UNION_HEADS = frozenset("chief boss leader head".split())
#: Words that name a trade union, whatever it calls itself ("National Association of Secondary Teachers").
_UNION_BODIES = frozenset("union association federation guild confederation".split())
#: Lower-case bodies a headline role may name ("the union boss" of "BLV chief Jörg Weißmann").
_BODY_NOUNS = frozenset("union party company firm club council trust charity bank board".split())
