"""Channels: the medium a statement was made through, normalised to a short name.

The channel is read from the statement's frame (its attribution sentence,
quotation contents blanked) and from the speaker mention as written ("a
statement published on Blunt's website" -> ``website``), never from the
speaker's own words: "I said on Twitter last week" inside a quote is about
another statement.

Several expressions may name channels at once ("In a statement on
Twitter"); the most specific wins: a platform, an outlet or a website, then
a venue or a form (court, committee, letter, press conference, interview), then the generic
``statement`` and ``social media``. Ties go to the earliest mention.

>>> detect_channel("In a statement on Twitter on Wednesday, Ashdown said").name
'Twitter'
>>> detect_channel("", speaker="a statement published on Ashdown's website").name
'website'
>>> detect_channel("she told BBC Radio 4's Today programme").name
'BBC'
>>> detect_channel("he said") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

__all__ = ["OUTLETS", "PLATFORMS", "ChannelFinding", "detect_channel", "normalise_channel"]


@dataclass(frozen=True)
class ChannelFinding:
    """A channel and the words that named it.

    Attributes:
        name: the normalised channel ("Twitter", "BBC", "letter").
        evidence: the matched words.
        rank: specificity, lower is more specific.
    """

    name: str
    evidence: str
    rank: int


def _rx(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(pattern, flags)


#: News outlets by the short name onrecord reports, with the spellings that
#: name them. Provenance: the national broadcasters, papers and agencies of
#: the UK, Ireland and the US most quoted in political news (our own list).
OUTLETS: dict[str, tuple[str, ...]] = {
    "BBC": ("BBC",),
    "Sky Sports": ("Sky Sports",),
    "Sky News": ("Sky News", "Sky"),
    "ITV": ("ITV News", "ITV"),
    "Channel 4 News": ("Channel 4 News", "Channel 4"),
    "GB News": ("GB News",),
    "LBC": ("LBC",),
    "Times Radio": ("Times Radio",),
    "Guardian": ("Guardian",),
    "Observer": ("Observer",),
    "Sunday Times": ("Sunday Times",),
    "Times": ("Times of London", "The Times", "Times"),
    "Telegraph": ("Daily Telegraph", "Sunday Telegraph", "Telegraph"),
    "Daily Mail": ("Daily Mail", "Mail on Sunday", "MailOnline"),
    "Sun": ("The Sun", "Sun"),
    "Independent": ("Independent",),
    "Financial Times": ("Financial Times", "FT"),
    "Mirror": ("Daily Mirror", "Mirror"),
    "Daily Express": ("Daily Express",),
    "Evening Standard": ("Evening Standard",),
    "Spectator": ("Spectator",),
    "New Statesman": ("New Statesman",),
    "Economist": ("Economist",),
    "PA": ("PA Media", "Press Association", "PA news agency"),
    "Reuters": ("Reuters",),
    "AP": ("Associated Press", "AP"),
    "AFP": ("Agence France-Presse", "AFP"),
    "Bloomberg": ("Bloomberg",),
    "CNN": ("CNN",),
    "Fox News": ("Fox News", "Fox"),
    "MSNBC": ("MSNBC",),
    "NBC": ("NBC News", "NBC"),
    "ABC": ("ABC News", "ABC"),
    "CBS": ("CBS News", "CBS", "60 Minutes"),
    "NPR": ("NPR",),
    "PBS": ("PBS",),
    "New York Times": ("New York Times",),
    "Washington Post": ("Washington Post",),
    "Wall Street Journal": ("Wall Street Journal",),
    "USA Today": ("USA Today",),
    "Los Angeles Times": ("Los Angeles Times",),
    "Politico": ("Politico",),
    "Axios": ("Axios",),
    "The Hill": ("The Hill",),
    "Atlantic": ("The Atlantic",),
    "Al Jazeera": ("Al Jazeera",),
    "RTÉ": ("RTÉ", "RTE"),
    "Irish Times": ("Irish Times",),
    "STV": ("STV",),
    "Scotsman": ("Scotsman",),
    "Herald": ("The Herald",),
    "Daily Record": ("Daily Record",),
    "Yorkshire Post": ("Yorkshire Post",),
}

_OUTLET_ALT = "|".join(
    sorted((re.escape(s) for names in OUTLETS.values() for s in names), key=len, reverse=True)
)
_OUTLET_NAME = {s.lower(): short for short, names in OUTLETS.items() for s in names}
_OUTLET_RX = re.compile(
    r"(?:\b(?i:told|telling|tells|tell|speaking to|spoke to|speaks to|to|on|in|with|via|for|by|from|"
    r"appear\w* on|interview with|writing in|wrote in|wrote for|writing for|asked by|quoted by)\s+"
    r"(?:[Tt]he\s+|an?\s+)?)(" + _OUTLET_ALT + r")(?![\w-])"
)

#: Legislature, court and similar venues; their words are not outlets.
_VENUE_WORDS = frozenset(
    "house commons lords parliament senate congress assembly court tribunal committee council holyrood senedd "
    "stormont dáil jury judge magistrates inquiry government party".split()
)
_GENERIC_OUTLET = re.compile(
    r"\b(?:told|telling|speaking to|spoke to|in an interview with|interview with|writing in|wrote in|"
    r"an op-ed (?:in|for)|a column (?:in|for)|appearance on|appearing on)\s+[Tt]he\s+"
    r"((?:[A-Z][\w&'’-]*)(?: [A-Z][\w&'’-]*){0,3})"
)
_INTERVIEW_WITH_NAME = re.compile(
    r"\b(?:in an interview with|interview with|speaking to"
    r"|spoke to)\s+((?:[A-Z][\w&'’-]*)(?: [A-Z][\w&'’-]*){0,3})"
)

#: (rank, channel, pattern): the lexicon of channels. Ranks: 0 platforms,
#: outlets and websites; 1 courts and committees (more specific than the
#: house they sit in); 2 other venues and forms; 3 generic statements and posts.
CHANNEL_PATTERNS: tuple[tuple[int, str, re.Pattern[str]], ...] = (
    (0, "Twitter", _rx(r"\bTwitter\b|\btweet(?:s|ed|ing)?\b")),
    (0, "Twitter", _rx(r"\b(?:on|to|via) X\b(?![-\w])|\bX,? (?:\(?formerly (?:known as )?Twitter\)?)", 0)),
    (0, "Facebook", _rx(r"\bFacebook\b")),
    (0, "Instagram", _rx(r"\bInstagram\b")),
    (0, "TikTok", _rx(r"\bTikTok\b")),
    (0, "YouTube", _rx(r"\bYouTube\b")),
    (0, "LinkedIn", _rx(r"\bLinkedIn\b")),
    (0, "Threads", _rx(r"\bon Threads\b", 0)),
    (0, "Bluesky", _rx(r"\bBluesky\b")),
    (0, "Truth Social", _rx(r"\bTruth Social\b")),
    (0, "Telegram", _rx(r"\b(?:on|via) Telegram\b", 0)),
    (0, "WhatsApp", _rx(r"\bWhatsApp\b")),
    (0, "Substack", _rx(r"\bSubstack\b")),
    (0, "website", _rx(r"\bweb ?sites?\b|\bweb ?pages?\b")),
    (0, "blog", _rx(r"\bblog(?:s|post)?\b")),
    (1, "court", _rx(
        r"(?<!outside )(?<!outside the )\b(?:in|to|told|before|at"
        r"|from) (?:the )?(?:[A-Z][\w']* )*(?:[Cc]ourt|[Tt]ribunal|inquest)\b"
        # "a jury at Southwark Crown Court found him guilty": the court acts in a clause of its own
        r"(?! (?:found|ruled|heard|convicted|sentenced|decided|cleared|acquitted|jailed|ordered|dismissed|rejected)\b)"
        r"|\btold (?:the )?(?:jury|jurors|judge|magistrates|hearing)\b|\b(?:in|giving|gave) (?:his |her "
        r"|their )?evidence\b"
        r"|\bwitness (?:stand|box)\b|\bunder oath\b"
    )),
    (1, "committee", _rx(r"\b(?:select |congressional |senate |house )?committee\b|\bat a hearing\b|\bhearing\b")),
    (2, "Parliament", _rx(
        r"\b(?:in|to|told|before|at) (?:the )?(?:House of Commons|House of Lords|Commons|Lords|Parliament"
        r"|Holyrood|Senedd|Stormont|Dáil)\b"
        r"|\btold (?:fellow )?(?:MPs|MSPs|MSs|peers|the House)\b|\bPMQs\b|\bPrime Minister's Questions\b"
        r"|\bCommons debate\b",
    )),
    (2, "Congress", _rx(r"\bon the (?:Senate|House) floor\b|\b(?:before|to|in) Congress\b|\bcongressional testimony\b|\btestif(?:y|ied|ying|ies)\b")),
    (2, "letter", _rx(r"\bletters?\b|\b(?:wrote|written|writing|writes) to\b")),
    (2, "email", _rx(r"\be-?mails?\b|\bemailed\b")),
    (2, "press release", _rx(r"\b(?:press|news) release\b")),
    (2, "press conference", _rx(r"\b(?:press|news) (?:conference|briefing)\b|\bbriefing\b|\bpress event\b")),
    (2, "speech", _rx(r"\bspeech\b|\bat a rally\b|\btold (?:supporters|delegates|activists|a rally|the rally|the crowd)\b|\baddress(?:ing|ed)? (?:a |the )?(?:rally|conference|crowd|supporters)\b")),
    (2, "podcast", _rx(r"\bpodcast\b")),
    (2, "video", _rx(r"\bvideo\b")),
    (2, "radio", _rx(r"\bradio\b")),
    (2, "television", _rx(r"\b(?:on |on national |in a )?(?:television|TV)\b", 0)),
    (2, "television", _rx(r"\bon air\b|\btold viewers\b|\bon (?:\w+['’]s |the |his |her |their )?(?:show|programme|program)\b")),
    (2, "newsletter", _rx(r"\bnewsletter\b")),
    (2, "reporters", _rx(r"\btold (?:reporters|journalists|the press|the media|news media)\b|\bspeaking to (?:reporters|journalists)\b")),
    (2, "interview", _rx(r"\binterview(?:ed|s)?\b")),
    (3, "statement", _rx(
        r"\b(?:in|via|through|issued|released|published|put out|gave) (?:a|an|his|her|their|its"
        r"|the) (?:\w+ ){0,2}?statements?\b"
        r"|\bstatements? (?:said|read|added|issued|released|published|posted|continued|went on)\b|^\s*(?:a"
        r"|the) (?:\w+ ){0,2}?statement\b"
        r"|\b(?:according to|from) (?:a|an|the|his|her|its|their) (?:\w+ ){0,2}?statement\b"
    )),
    (3, "social media", _rx(r"\b(?:in|on) (?:a|an|his|her|their|its) (?:\w+ )?post\b|\bposted\b|\bsocial media\b|\bonline\b")),
)


#: Social media platforms: what "my earlier post" can point at.
PLATFORMS = frozenset(
    name for rank, name, _ in CHANNEL_PATTERNS if rank == 0 and name not in ("website", "blog")
) | {"social media"}

#: Lower-case words one of which a channel's patterns need, so that most
#: frames ("he said") skip most patterns; a test checks they cover every match.
NEEDLES: dict[str, tuple[str, ...]] = {
    "Twitter": ("twitter", "tweet", " x"),
    "Facebook": ("facebook",),
    "Instagram": ("instagram",),
    "TikTok": ("tiktok",),
    "YouTube": ("youtube",),
    "LinkedIn": ("linkedin",),
    "Threads": ("threads",),
    "Bluesky": ("bluesky",),
    "Truth Social": ("truth social",),
    "Telegram": ("telegram",),
    "WhatsApp": ("whatsapp",),
    "Substack": ("substack",),
    "website": ("web",),
    "blog": ("blog",),
    "court": ("court", "tribunal", "inquest", "jury", "juror", "judge", "magistrates", "hearing", "evidence",
              "witness", "oath"),
    "committee": ("committee", "hearing"),
    "Parliament": ("commons", "lords", "parliament", "holyrood", "senedd", "stormont", "dáil", "mps", "msps", "mss",
                   "peers", "house", "pmqs", "questions", "debate"),
    "Congress": ("senate", "house", "congress", "testif"),
    "letter": ("letter", "wrote to", "written to", "writing to", "writes to"),
    "email": ("mail",),
    "press release": ("release",),
    "press conference": ("conference", "briefing", "press event"),
    "speech": ("speech", "rally", "supporters", "delegates", "activists", "crowd", "address"),
    "podcast": ("podcast",),
    "video": ("video",),
    "radio": ("radio",),
    "television": ("television", "tv", "on air", "viewers", "show", "programme", "program"),
    "newsletter": ("newsletter",),
    "reporters": ("reporters", "journalists", "the press", "media"),
    "interview": ("interview",),
    "statement": ("statement",),
    "social media": ("post", "online", "social media"),
}
_OUTLET_NEEDLES = tuple(sorted({s.lower() for names in OUTLETS.values() for s in names}))
_GENERIC_NEEDLES = ("told", "telling", "speaking", "spoke", "interview", "writing in", "wrote in", "op-ed",
                    "column", "appear")


def _any_of(needles: Iterable[str]) -> re.Pattern[str]:
    """One pattern that finds any of ``needles`` as a substring (a C scan instead of a loop of ``in`` tests)."""
    return re.compile("|".join(sorted(map(re.escape, needles), key=len, reverse=True)))


#: The needle tests above, compiled: whether a pattern can match at all, decided in one scan.
_OUTLET_PREFILTER = _any_of(_OUTLET_NEEDLES)
_GENERIC_PREFILTER = _any_of(_GENERIC_NEEDLES)
_PREFILTER = {name: _any_of(needles) for name, needles in NEEDLES.items()}


def normalise_channel(name: str | None) -> str | None:
    """Return the short name for a channel as written, or None when unknown.

    >>> normalise_channel("the Daily Telegraph")
    'Telegraph'
    >>> normalise_channel("X")
    'Twitter'
    """
    if not name:
        return None
    finding = detect_channel(f"on {name.strip()}")
    if finding is not None:
        return finding.name
    bare = re.sub(r"^(?:the|on|in)\s+", "", name.strip(), flags=re.IGNORECASE)
    return _OUTLET_NAME.get(bare.lower(), bare)


#: A medium something was taken off ("deleted the post from his website and posted … on X").
_REMOVED_FROM = re.compile(r"\b(?:from|off)\s+(?:(?:his|her|their|its|the)\s+)?$", re.IGNORECASE)


def detect_channel(frame: str, speaker: str = "", persons: Collection[str] = ()) -> ChannelFinding | None:
    """Find the channel a frame names.

    Args:
        frame: the attribution sentence, quotation contents blanked.
        speaker: the speaker mention as written ("a statement published on
            Blunt's website").
        persons: names of the article's people, so that "in an interview
            with Jane Doe" is an interview, not an outlet called Jane Doe.

    Returns:
        The most specific channel named, or None.
    """
    text = f"{frame} | {speaker}" if speaker else frame
    low = text.lower()
    found: list[tuple[int, int, ChannelFinding]] = []
    if _OUTLET_PREFILTER.search(low):
        for m in _OUTLET_RX.finditer(text):
            short = _OUTLET_NAME.get(m.group(1).lower(), m.group(1))
            found.append((0, m.start(1), ChannelFinding(short, m.group(0), 0)))
    if _GENERIC_PREFILTER.search(low):
        found.extend(_generic_outlets(text, persons))
    for rank, name, rx in CHANNEL_PATTERNS:
        if not _PREFILTER[name].search(low):
            continue
        for m in rx.finditer(text):
            if _REMOVED_FROM.search(text, max(0, m.start() - 30), m.start()):
                continue  # "removed the statement from his website": not where this one was made
            found.append((rank, m.start(), ChannelFinding(name, m.group(0), rank)))
            break
    if not found:
        return None
    found.sort(key=lambda t: (t[0], t[1]))
    return found[0][2]


def _generic_outlets(text: str, persons: Collection[str]) -> list[tuple[int, int, ChannelFinding]]:
    """Outlets not in :data:`OUTLETS` ("told the Harrogate Advertiser") and interviews with people."""
    found = []
    for m in _GENERIC_OUTLET.finditer(text):
        name = m.group(1).rstrip(".'’")
        words = {w.lower() for w in name.split()}
        if name.lower() in _OUTLET_NAME or words & _VENUE_WORDS:
            continue
        found.append((0, m.start(1), ChannelFinding(_possessive_free(name), m.group(0), 0)))
    for m in _INTERVIEW_WITH_NAME.finditer(text):
        name = m.group(1)
        if name.lower() in _OUTLET_NAME or name.split()[0].lower() == "the":
            continue
        if any(name == p or name in p.split() or p in name for p in persons) or len(name.split()) >= 2:
            found.append((2, m.start(1), ChannelFinding("interview", m.group(0), 2)))
    return found


def _possessive_free(name: str) -> str:
    return re.sub(r"['’]s$", "", name)
