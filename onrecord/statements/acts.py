"""Speech acts: what a statement does (retracts, apologises, denies, resigns, ...).

The act comes from three places, strongest first:

1. the **cue** (``apologised``, ``denied``, ``retracted``);
2. the **content**, where the speaker performs the act in their own words
   (``I apologise``, ``I have decided to retract my statement``, ``That is
   simply not true``; ``he was retracting his initial statement`` in reported
   speech);
3. the **frame**, the attribution's sentence outside the quote (``retracting
   his remarks, he said``; ``denied the allegations, saying``).

A hit counts only when the act is the speaker's own: negated (``I will not
apologise``, ``refused to retract``) or someone else's (``Ashdown should
apologise``, said by another MP) it does not. The strongest source wins; at
equal strength :data:`PRECEDENCE` decides. Every act found is kept in
:attr:`ActFinding.acts` (a retraction that also apologises links both ways).

>>> detect_act("said", "On reflection I retract my statement and I apologise", "", "direct").acts
('retraction', 'apology')
>>> detect_act("said", "Ashdown should apologise", "", "indirect").act
'demand'
>>> detect_act("said", "I will not apologise", "", "direct").act
'statement'
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from .lexicon import FIRST_PERSON, NEUTRAL_SUBJECTS, THIRD_PERSON, is_negated, subject_before

__all__ = ["ACTS", "PRECEDENCE", "ActFinding", "detect_act"]

#: Every act onrecord assigns; ``statement`` is the default.
ACTS = (
    "statement",
    "retraction",
    "apology",
    "denial",
    "resignation",
    "accusation",
    "demand",
    "defence",
    "criticism",
    "promise",
)
#: Order among acts found at the same strength: events that change the
#: record of a statement (retract, resign, apologise, deny) before
#: evaluative ones. Chosen on our gold cases (tests/cases/statements.jsonl).
PRECEDENCE = ACTS[1:]

#: Strength of a hit by where it was found.
CUE, CONTENT, FRAME = 3, 2, 1

#: Acts the speaker performs on themself: the subject must be the speaker.
SELF_ACTS = frozenset({"retraction", "apology", "resignation", "promise"})
#: Acts aimed at someone else: the subject must not be the speaker (direct speech).
OTHER_ACTS = frozenset({"accusation"})


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_STATEMENT_NOUNS = r"(?:statement|remark|comment|word|claim|tweet|post|support|endorsement|allegation|letter|apolog(?:y|ies)|view|suggestion|accusation)s?"

#: Cue words per act (the cue is the reporting expression itself).
CUE_PATTERNS: dict[str, re.Pattern[str]] = {
    "retraction": _rx(r"\b(?:retract\w*|withdr[ae]w\w*|rescind\w*|recant\w*|took back|tak(?:e|es|en|ing) back|backtrack\w*|u-turn\w*)\b"),
    "apology": _rx(r"\b(?:apologi[sz]\w*|(?:said|says|saying) sorry)\b"),
    "denial": _rx(r"\b(?:den(?:y|ies|ied|ying)|rebut\w*|refut\w*)\b"),
    "resignation": _rx(r"\b(?:resign\w*|quit(?:s|ting)?|step(?:s|ped|ping)? down|stood down|stand(?:s|ing)? down)\b"),
    "accusation": _rx(r"\b(?:accus\w*|alleg\w*)\b"),
    "demand": _rx(r"\b(?:call(?:s|ed|ing)? (?:on|for)|urg(?:e|es|ed|ing)|demand\w*)\b"),
    "defence": _rx(r"\b(?:defend\w*)\b"),
    "criticism": _rx(
        r"\b(?:criticis\w*|criticiz\w*|condemn\w*|attack\w*|slam\w*|blast\w*|lambast\w*|hit(?:ting)? out|"
        r"denounc\w*|castigat\w*|rebuk\w*|decr(?:y|ied|ies))\b"
    ),
    "promise": _rx(r"\b(?:promis\w*|pledg\w*|vow\w*)\b"),
}

#: Cues that deny only with an object that is a claim ("rejected the suggestion").
_DENIAL_OBJECT_CUES = _rx(r"\b(?:reject\w*|dismiss\w*)\b")
_DENIAL_OBJECTS = _rx(r"\b(?:allegation|claim|accusation|suggestion|report|charge|speculation|rumou?r|criticism)s?\b")

#: The speaker performing the act in their own words (or reported words).
CONTENT_PATTERNS: dict[str, re.Pattern[str]] = {
    "retraction": _rx(
        r"\b(?:retract\w*|rescind\w*|recant\w*"
        rf"|withdr(?:aw|aws|awing|awn|ew)(?=\s+(?:\w+\s+){{0,3}}?{_STATEMENT_NOUNS}\b)"
        r"|\bI withdraw (?:them|it|that)\b"  # "My comments were wrong, and I withdraw them"
        r"|take (?:it|that|this|those \w+|these \w+|my \w+) back|taking back|took back"
        r"|(?:was|am) wrong to (?:say|suggest|question|describe|post|write|tweet|claim|defend|call|imply)"
        r"|wrong of (?:me|us|him|her) to (?:say|suggest|question|describe|post|write|tweet|claim|defend"
        r"|call|imply)"
        r"|should not have (?:said|written|posted|tweeted|suggested|claimed|described|questioned|defended)"
        r"|shouldn't have (?:said|written|posted|tweeted|suggested|claimed|described|questioned|defended)"
        r"|no longer stand by)"
    ),
    "apology": _rx(
        r"\b(?:apologi[sz](?:e|es|ed|ing)\b(?! for nothing)|(?:my|an|our|unreserved|sincere"
        r"|full) apolog(?:y|ies)"
        r"|sorry\b(?! to hear| for (?:your|their|his|her) loss)|regret (?!to )(?:\w+ ){0,2}?(?:comments?"
        r"|remarks?|words|statement|tweet|post|hurt|offence|distress|upset|any)"
        r"|deeply regret)"
    ),
    "denial": _rx(
        r"\b(?:den(?:y|ies|ied|ying)\b|categorically (?:untrue|false)"
        r"|(?:is|are|was|were|be) (?:simply |completely |entirely |totally |wholly |utterly |absolutely "
        r"|just |categorically |total |pure |complete )?"
        r"[\"“‘']?(?:untrue|false|baseless|unfounded|without (?:any )?foundation|fabricated|nonsense|a lie"
        r"|lies|not true|fiction)"
        r"|(?:reports?|claims?|allegations?|stor(?:y|ies)|suggestions?|accusations?|rumou?rs?) (?:is|are"
        r"|was|were) "
        r"(?:simply |completely |entirely |totally |just |plain )?[\"“‘']?wrong"
        r"|there (?:is|are|was|were) no (?:plan|plans|truth|evidence|basis|question)\b"
        r"|(?:I|we|he|she|they) (?:have |has |had )?never (?:ever )?[a-z]+ed\b"
        r"|not true\b|untrue\b|(?:did|have done|had done|has done|done) nothing wrong"
        r"|reject (?:these|the|those|all|any|this|that|such) (?:\w+ )?(?:allegations?|claims?|accusations?"
        r"|suggestions?|characteri[sz]ations?)"
        r"|at no (?:point|time)\b"
        r"|(?:do not|don't|cannot|can't|does not|doesn't) accept (?:that|this|the|these|those|any) (?:\w+ )?"
        r"(?:characteri[sz]ation|claims?|suggestions?|allegations?|description|account|version)"
        r"|never (?:been |ever )?(?:took|taken|received|accepted|asked|knew|known|said|met|did|done|made"
        r"|submitted|sought|broke|broken|misled|lied|harassed|bullied|touched|paid|promised)"
        r"|(?:did not|didn't|have not|haven't|has not|hasn't) (?:\w+ )?(?:take|taken|receive|received"
        r"|accept|accepted|ask|know|say|said|submit|submitted|mislead|misled|lie|lied|break|broken|profit"
        r"|profited|seek|sought|pay|paid|harass|harassed|bully|bullied|hide|hidden|lie)\b)"
    ),
    "resignation": _rx(
        r"\b(?:(?:offer|tender|submit|hand)(?:ed|ing|s)? (?:in )?(?:my|his|her|our|their) resignation"
        r"|my resignation|resign(?:ed|ing|s)?\b|(?:stand|stood|standing|step|stepped"
        r"|stepping) down"
        r"|step(?:ped|ping)? back from (?:my|his|her|their) (?:role|post|position|job)|quit(?:ting)? (?:as"
        r"|my|his|her))"
    ),
    "accusation": _rx(
        r"\b(?:lied|lying|liar|misled|misleading|corrupt|corruption|cover(?:ed)?[- ]up|covering up"
        r"|fearmongering|"
        r"hypocrit\w*|deceiv\w*|dishonest\w*|accus(?:e|es|ed|ing)|rigged|fraudulent|hid(?:ing)? the truth"
        r"|hidden the truth)\b"
    ),
    "demand": _rx(
        r"\b(?:(?:should|must|needs? to|ought to|has to|have to) (?:now |immediately |urgently |also "
        r"|at once )?"
        r"(?:be sacked|be removed|be suspended|(?!be\b|have\b|not\b|never\b)[a-z]{2,})\b"
        r"|(?:I|we) (?:urge|demand|call on|call for|ask)\b|calls? (?:on|for)\b|demand\w*)"
    ),
    "defence": _rx(
        r"\b(?:stand(?:ing)? by (?!(?:my|what|every|our|the|this|that|those|these|it)\b)\w+"
        r"|miscarriage of justice|clears? (?:his|her|their) name|maintains? (?:his|her|their) innocence"
        r"|(?:is|was) (?:an? )?(?:good|decent|honest|honourable|honorable|innocent|fine|dedicated) (?:man"
        r"|woman|person|colleague|friend|public servant|minister)"
        r"|never had cause to doubt)"
    ),
    "criticism": _rx(
        r"\b(?:disgrace\w*|shameful|scandal\w*|appall\w*|outrage\w*|unacceptable|irresponsible|reckless|"
        r"betrayal|deplorable|insult\w*|nothing short of|a joke|too little,? too late|treated \w+ like fools|"
        r"shambolic|shambles|chaotic|incompetent|incompetence|disastrous|fiasco|troubling|botched"
        r"|a fantasy)\b"
    ),
    "promise": _rx(
        r"\b(?:(?:I|we) (?:promise|pledge|vow|guarantee|give you my word)"
        r"|(?:I|we) will (?:\w+ ){0,2}?(?:pay|write|writing|make sure|ensure|deliver|fund|invest|publish"
        r"|review|fix|compensate|refund|freeze)\b)"
    ),
}

#: The attribution sentence around the quote (outside it).
FRAME_PATTERNS: dict[str, re.Pattern[str]] = {
    "retraction": _rx(
        rf"\b(?:retract\w*|withdr\w+ (?:\w+ ){{0,3}}?{_STATEMENT_NOUNS}|u-turn\w*|climb(?:ed|s|ing)? down|"
        r"backtrack\w*|deleted (?:the |his |her |a )?(?:tweet|post))"
    ),
    "apology": _rx(r"\b(?:apologi[sz](?:e|es|ed|ing)|(?:said|saying|says) sorry|(?:in|issued|offered|made) an apology)\b"),
    "denial": _rx(
        r"\b(?:den(?:y|ies|ied|ying)\b|(?:reject|dismiss)(?:ed|ing|es|s)? (?:\w+ ){0,3}?"
        r"(?:allegation|claim|accusation|suggestion|report|charge|speculation|criticism)s?)"
    ),
    "resignation": _rx(
        r"\b(?:resign(?:ed|ing|s)?\b|announc\w+ (?:his|her|their) resignation|in (?:his|her"
        r"|their) resignation|"
        r"step(?:s|ped|ping)? down|stood down|quit(?:s|ting)?\b)"
    ),
    "accusation": _rx(r"\b(?:accus\w*|alleg(?:ed|ing|es)\b)"),
    "demand": _rx(r"\b(?:call(?:s|ed|ing)? (?:on|for)|urg(?:e|es|ed|ing)\b|demand(?:s|ed|ing)\b)"),
    "defence": _rx(r"\b(?:defen[cs]e of|defend(?:s|ed|ing)\b|in support of|came to the defen[cs]e|leapt to the defen[cs]e)"),
    "criticism": CUE_PATTERNS["criticism"],
    "promise": CUE_PATTERNS["promise"],
}


#: Cues that refuse what their content names ("refused to apologise", "declined to resign").
_REFUSING = _rx(r"\b(?:refus\w*|declin\w*|rul(?:ed|es|ing) out|reject\w*)\b")
#: A relative clause between a frame word and the cue puts the word in another clause.
_RELATIVE = re.compile(r"\b(?:in which|which|where|whom)\b")
#: A subordinator right before the cue does too ("apologised after | describing").
_SUBORDINATE = re.compile(r"\b(?:after|before|for|over|since|when|while)\s+(?:\w+\s+)?$")

def _union(patterns: dict[str, re.Pattern[str]]) -> re.Pattern[str]:
    """One pattern matching wherever any of ``patterns`` does: most texts need no other look."""
    return _rx("|".join(f"(?:{rx.pattern})" for rx in patterns.values()))


_ANY_CUE = _union(CUE_PATTERNS)
_ANY_CONTENT = _union(CONTENT_PATTERNS)
_ANY_FRAME = _union(FRAME_PATTERNS)


@dataclass(frozen=True)
class ActFinding:
    """The act of one statement and why.

    Attributes:
        act: the act chosen (``statement`` when nothing else was found).
        acts: every act found, the chosen one first.
        reason: where the chosen act was found, e.g. ``content:apologise``.
    """

    act: str
    acts: tuple[str, ...]
    reason: str


def detect_act(
    cue: str,
    content: str,
    frame: str,
    kind: str = "direct",
    speaker_words: Collection[str] = (),
    cue_lemma: str | None = None,
    cue_after: str = "",
) -> ActFinding:
    """Find the speech act of one statement.

    Args:
        cue: the cue's text ("" when none).
        content: the statement's words (the joined content).
        frame: the attribution sentence with quotation contents blanked.
        kind: ``direct``, ``indirect`` or ``mixed``.
        speaker_words: words of the speaker's mention and name, to recognise
            the speaker as a subject ("Blunt apologised").
        cue_lemma: the cue verb's lemma from a parse, when there is one.
        cue_after: the few characters after the cue in the input ("called"
            + " for" is a demand).

    Returns:
        The act and every act found, strongest first.
    """
    speaker = {w.lower() for w in speaker_words}
    hits: list[tuple[int, int, str, str]] = []  # (strength, -precedence, act, reason)

    cue_text = f"{cue}{cue_after} {cue_lemma}" if cue_lemma else f"{cue}{cue_after}"
    for act, rx in CUE_PATTERNS.items() if _ANY_CUE.search(cue_text) else ():
        m = rx.search(cue_text)
        if m and not is_negated(frame, _find(frame, cue)):
            hits.append((CUE, -PRECEDENCE.index(act), act, f"cue:{m.group(0).lower()}"))
    if _DENIAL_OBJECT_CUES.search(cue) and (_DENIAL_OBJECTS.search(frame) or _DENIAL_OBJECTS.search(content[:40])):
        hits.append((CUE, -PRECEDENCE.index("denial"), "denial", f"cue:{cue.lower()}"))

    reported = kind in ("indirect", "mixed")
    # A refusing cue negates what the speaker is reported to refuse: "refused | to apologise".
    refused = bool(_REFUSING.search(cue))
    for act, rx in CONTENT_PATTERNS.items() if _ANY_CONTENT.search(content) else ():
        for m in rx.finditer(content):
            if refused and act in SELF_ACTS and m.start() < 40:
                continue
            if _holds(act, content, m, in_speech=True, reported=reported, speaker=speaker):
                hits.append((CONTENT, -PRECEDENCE.index(act), act, f"content:{m.group(0).lower()}"))
                break

    cue_at = frame.find(cue) if cue else -1
    for act, rx in FRAME_PATTERNS.items() if _ANY_FRAME.search(frame) else ():
        for m in rx.finditer(frame):
            in_cue = cue_at >= 0 and cue_at <= m.start() < cue_at + len(cue)
            if not in_cue and cue_at > m.end() and (
                _RELATIVE.search(frame, m.end(), cue_at) or _SUBORDINATE.search(frame[m.end() : cue_at])
            ):
                # "deleted a post in which he called ...", "apologised after describing ...":
                # the main clause's act, not the quote's.
                continue
            if in_cue or _holds(act, frame, m, in_speech=False, reported=True, speaker=speaker):
                # A frame phrase that starts at the cue ("called for") is the cue's own.
                strength, source = (CUE, "cue") if in_cue else (FRAME, "frame")
                hits.append((strength, -PRECEDENCE.index(act), act, f"{source}:{m.group(0).lower()}"))
                break

    if not hits:
        return ActFinding("statement", ("statement",), "default")
    hits.sort(reverse=True)
    acts: list[str] = []
    for _, _, act, _ in hits:
        if act not in acts:
            acts.append(act)
    return ActFinding(hits[0][2], tuple(acts), hits[0][3])


def _find(frame: str, cue: str) -> int:
    if not cue:
        return 0
    at = frame.find(cue)
    return at if at >= 0 else 0


def _holds(act: str, text: str, m: re.Match[str], *, in_speech: bool, reported: bool, speaker: set[str]) -> bool:
    """Whether a hit is the speaker's own, unnegated act."""
    pos = m.start()
    if act == "denial":
        # Denials carry their own negation; only "I do not deny" undoes them.
        return not (m.group(0).lower().startswith("den") and is_negated(text, pos, 20))
    if act == "demand":
        return _holds_demand(text, m, in_speech=in_speech)
    if is_negated(text, pos):
        return False
    subject = subject_before(text, pos, quotes=in_speech)
    if act in SELF_ACTS:
        return _is_speaker(subject, in_speech=in_speech, reported=reported, speaker=speaker)
    if act in OTHER_ACTS and in_speech and not reported:
        return subject not in FIRST_PERSON
    return True


def _holds_demand(text: str, m: re.Match[str], *, in_speech: bool) -> bool:
    word = m.group(0).lower()
    if word.startswith(("should", "must", "need", "ought", "has to", "have to")):
        subject = subject_before(text, m.start(), quotes=in_speech)
        # "I must apologise" is an apology, "it must be said" no demand.
        if subject is not None and (subject.lower() in FIRST_PERSON or subject.lower() in NEUTRAL_SUBJECTS):
            return False
        return not is_negated(text, m.start(), 15)
    return not is_negated(text, m.start(), 15)


def _is_speaker(subject: str | None, *, in_speech: bool, reported: bool, speaker: set[str]) -> bool:
    if subject is None:
        return True
    low = subject.lower()
    if low in FIRST_PERSON or low in NEUTRAL_SUBJECTS:
        return True
    if low in THIRD_PERSON:
        return reported or not in_speech
    if subject[0].isupper():
        # A name or title as subject is the speaker only when it is one of the speaker's words.
        return low in speaker
    return False
