"""Find scraping junk in article text and blank it out without moving anything.

Scraped news text carries lines that are not the article: "READ MORE: …"
link lines, image captions doubled by the scraper ("Caption textCaption
text"), share/subscribe/newsletter/cookie prompts, photo credits, "Advertisement"
and other page furniture. They are recognised by their *shape* (a link label
and a separator at the start of a line, a line that repeats itself, a
call-to-action verb with a channel word, a credit label followed by a name),
not by one site's strings, so they generalise across outlets.

:func:`explain_junk` returns each junk range with its reason;
:func:`find_junk` returns the bare ranges. :class:`CleanStage` blanks the
ranges with spaces in a same-length copy of the text (``Work.clean``; newlines
are never touched), so every offset still points into the input as read.

Bylines and timestamps ("Published: 10:30, 12 April 2022") are left alone: they
hold no quotations and may help later stages.

Everything here is one pass over the lines with anchored or bounded regular
expressions: linear in the length of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..work import Range, Work

__all__ = ["CleanStage", "Junk", "blank_ranges", "byline_lines", "explain_junk", "find_junk", "find_paragraphs", "is_headline_line",
           "is_listed_headline"]

#: Longest line (chars) that can be a caption, credit or prompt; real captions
#: and prompts run to ~200 chars, so 300 leaves room without reaching paragraphs.
MAX_FURNITURE_LINE = 300
#: Longest line examined for doubling; captions are short, and this bounds the
#: work per line.
MAX_DOUBLED_LINE = 1000
#: Shortest repeated unit that counts as a doubled caption ("Caption text" is 12);
#: shorter repeats ("No no") are ordinary text.
MIN_DOUBLED_UNIT = 10
#: Share of the text that, when junk, earns a warning (the brief: "more than half").
JUNK_WARN_SHARE = 0.5

#: One line: a run of anything but a line break (the breaks ``str.splitlines`` knows).
_LINE = re.compile(r"[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")
_BULLET = r"(?:[-–—•*·>»|]\s*)?"

#: Line-start patterns; the name of the group that matched is the reason.
_LINE_START = re.compile(
    _BULLET
    + r"(?:"
    # "READ MORE: …", "Related:", "SEE ALSO", "MORE:" — a link label, then a separator or nothing
    r"(?P<link>(?i:(?:read more(?: about)?|read next|read also|also read|see also|more on this(?: story)?|go deeper"
    r"|related (?:articles?|stories|content|links?|reading|topics|coverage)"
    r"|recommended (?:reading|stories|for you)"
    r"|you (?:may|might) (?:also )?(?:like|be interested in)|don['’]?t miss"
    r"|most (?:read|popular|viewed)(?: (?:stories|articles|news))?"
    r"|top stories|in pictures|more from [\w ]{1,30}?|most (?:read|popular|viewed) from [\w ]{1,30}?"
    r"|more stories|about the authors?)\s*(?:[:|>»–—-]|$)"
    # "Related article Hurricane Ines: How to track …": CNN's label run into the headline it links
    r"|(?i:related\s+articles?)\s+(?=[A-Z])"
    # single words only with a separator ("Analysis:", "Latest:" head real content, so they are left out)
    r"|(?:read|more|related|recommended|trending|watch|listen)\s*(?:[:|>»]|$)))"
    # page furniture that is the whole line
    r"|(?P<furniture>(?i:(?:advertisement|advert|ad|sponsored(?: content)?|promoted(?: content)?"
    r"|(?:story|article) continues below(?: this)?(?: advert(?:isement)?)?"
    r"|continue reading(?: below| the main story)?"
    r"|scroll (?:down )?to continue(?: with content)?|skip (?:to (?:main )?content|advert(?:isement)?|ad)"
    r"|back to top|show more|load more|loading|view (?:all )?comments|\d* ?comments?(?: \(\d+\))?"
    r"|join the (?:conversation|discussion|debate)|print(?: this (?:article|page))?|e-?mail|share|tweet"
    r"|copy link|link copied|menu|close|image|video|gallery|open image in gallery|expand|toggle caption"
    r"|hide caption|enlarge this image|all rights reserved\.?|reuse this content"
    r"|explore more on (?:these|this) topics?|show key events only|key events|peer-reviewed publication"
    r"|news release(?: \d{1,2}-[a-z]{3}-\d{4})?"
    r"|(?:please )?(?:turn on|enable) javascript(?: to use this feature)?)\s*[.!:…]*)$)"
    # "Click here to …", "Tap here"; a video's play link ("▶ Watch Question Time in full")
    r"|(?P<click>(?i:(?:click|tap) (?:here|on|to|the link)\b)|[▶►]\s*(?i:watch|listen|play)\b)"
    # a credit that is the whole line: "Image: Getty", "(Photo: PA)", "Credit: …", "© Reuters"
    r"|(?P<credit>[(\[]?\s*(?i:(?:(?:main|top|header|file|feature|lead|cover) )?"
    r"(?:photo(?:graph)?s?|pictures?|pics?|images?|illustrations?|graphics?|videos?|credits?|copyright"
    r"|(?:photo|image|picture|video) credits?)\s*[:©/]|©))"
    # "Tags: …", "Topics: …"
    r"|(?P<tags>(?i:(?:tags|topics|related topics|filed under|categories)\s*:))"
    r")"
)

#: A line that is only an agency credit: "Getty Images", "AFP via Getty Images",
#: "PA Wire/PA Images". Possessive, so it cannot backtrack; tried only on short lines.
_AGENCY = re.compile(
    r"\(?(?i:(?:getty(?: images)?|pa(?: wire| media| images| archive)?|reuters|afp|ap(?: photo)?"
    r"|epa(?:-efe)?|shutterstock|alamy|bloomberg|rex(?: features)?|xinhua|anadolu(?: agency)?"
    r"|(?:family |police |supplied |[\w]+ )?handout|supplied|bbc|family photo)"
    r"(?:\s*(?:via\s|[/,])[^/,()]{1,40}+)*+)\)?\s*$"
)
#: A line that is the writer's biography: "Jane Doe is a staff writer at The Atlantic.", "John Roe
#: is the Guardian's political editor". Hand-written from UK and US author boxes.
_AUTHOR_BIO = re.compile(
    r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3} (?:is|was) (?:a|an|the) (?:[\w'’-]+ ){0,5}?"
    r"(?:writer|reporter|correspondent|editor|columnist|journalist|contributor)\b"
    # "Jacob Ellsworth covers courts, crime and public safety in Utah County for KSL.com."
    r"|[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3} (?:covers|writes about|reports on) [^.]{3,120}\bfor [A-Z]"
)
#: The label of a box summarising the article above its text ("KEY TAKEAWAYS", "Key points", "In brief");
#: the lines under it, up to a blank line, are the box's bullets. From US, UK and Australian news sites.
_SUMMARY_BOX = re.compile(
    r"(?i:key (?:takeaways|points|facts)|in brief|at a glance|story highlights|quick read|the short version"
    r"|summary|tl;?dr)\s*:?"
)
#: The label of a listing that is the page's, not the story's: a fact-check's sources, a press
#: release's contact and metadata ("DOI", "Article Title", "COI Statement", "Funder"), featured
#: teasers. Lines under it, up to a blank line, belong to it. From fact-check and press-release sites.
_LISTING_LABEL = re.compile(
    r"(?i:sources|references|further reading|media contacts?|press contacts?|contact information"
    r"|featured (?:fact-?checks?|stories|articles|posts)|journal|doi|method of research|subject of research"
    r"|article title|article publication date|coi statement|funders?|keywords)\s*:?"
)
#: Most lines such a listing holds.
MAX_LISTING_LINES = 20
#: Most lines a summary box holds, its label included (three to five bullets and an AI notice), so
#: that text whose paragraphs are split by single line breaks is not swallowed after a "Summary" line.
MAX_SUMMARY_LINES = 7
#: Longest line tried against ``_AUTHOR_BIO``.
MAX_BIO_LINE = 240
#: Longest line tried against ``_AGENCY``.
MAX_AGENCY_LINE = 80

#: Calls to action that are junk on sight in a short line with no quotation
#: (this and the next three match the lowered line).
_PROMPT_STRONG = re.compile(
    _BULLET + r"(?:(?:please )?(?:subscribe|sign[- ]?up|sign in|log ?in|register (?:now|for|to|here)"
    r"|follow us|share (?:this|on|via|the)|never miss|don['’]?t miss|like us on|unlock|become a member"
    r"|already (?:a subscriber|have an account)|we use cookies|this (?:site|website) uses cookies"
    r"|(?:accept|reject|manage)(?: all)? cookies|cookie (?:policy|settings|preferences)"
    r"|support (?:our|independent) journalism)\b)"
)
#: Softer call-to-action verbs: junk only with a channel word in the line.
_PROMPT_VERB = re.compile(
    _BULLET + r"(?:(?:follow|join|download|get|want|receive|enter|stay|keep up|be the first|listen to"
    r"|watch|read|find out|discover|try)\b)"
)
#: Channels that calls to action point at.
_CHANNEL = re.compile(
    r"(?:newsletters?|inbox|e-?mail (?:address|alerts?|updates)|\bapp\b|twitter|facebook|instagram|whatsapp"
    r"|telegram|youtube|tiktok|linkedin|podcasts?\b|updates\b|alerts\b|notifications|subscri\w+|sign[- ]?up"
    r"|for free|free trial|account\b|breaking news|cookies)"
)
#: Promotional phrases anywhere in a short line.
_PROMPT_ANYWHERE = re.compile(
    r"(?:sign up (?:to|for) (?:our|the)\b|subscribe (?:to|for) (?:our|the)\b"
    r"|(?:delivered|sent|straight) to your inbox|in (?:this|our) (?:weekly|daily|free) newsletter"
    r"|delivered (?:every|each) (?:day|week|weekday|morning|evening|monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday)"
    r"|we use cookies|uses cookies|cookie (?:policy|settings)|by (?:clicking|signing up|subscribing)\b"
    r"|unsubscribe at any time|follow us on|terms (?:of|and) (?:service|use|conditions)"
    r"|(?:will|we['’]ll) (?:notify|alert|email) you|breaking news alerts?\b"
    # a newsletter's pitch: "we’ll point you to all the business news and analysis you need every morning"
    r"|we['’]ll (?:point|bring|send|take) you (?:to )?(?:all )?the\b[^.\n]{0,60}\bevery (?:morning|day|week|evening)"
    r"|privacy (?:policy|notice)"
    # a comment section's invitation: "Do you have an opinion on the issues raised in this article? If you would like …"
    r"|do you have an opinion on the issues raised|if you would like to submit a (?:response|letter)"
    # a tip line: "if you have a news tip, correction or comment, let us know at …"
    r"|(?:news )?tips?,? corrections? or comments?|let us know at\b|send (?:us )?your (?:news )?tips?"
    r"|all rights reserved"
    # a pitch that ends in a bare call to action: "… every Tuesday. Sign up here."
    r"|(?:^|[.!?] )(?:sign[- ]?up|subscribe|register|click|tap) (?:here|now|today|for free)[.!]?$)"
)
#: A promo label in capitals ("LIVE:", "POLL:", "QUIZ |") opening a short line; junk
#: when the rest is a call to action (``_PROMO_ACTION``), whatever the label word.
_PROMO_LABEL = re.compile(_BULLET + r"[A-Z][A-Z'’]+(?: [A-Z][A-Z'’]+)?\s*[:|>»–—-]\s*")
#: Calls to action after a promo label (lowered line): "Follow the latest ...",
#: "... ? Vote now", "Have your say", "Watch the video", "Take our quiz".
_PROMO_ACTION = re.compile(
    r"^(?:follow|watch|listen|read|vote|join|get|see|find out|take (?:our|the|part)|have your say|tell us"
    r"|sign up|subscribe|click|tap|download|play|test your|catch up|keep up|stay up)\b"
    r"|\b(?:vote now|have your say|take (?:our|the) (?:poll|quiz|survey)|comment below|let us know"
    r"|tell us (?:what|in)|sign up|click here|tap here|join the debate)\b"
)
#: Comment-section furniture: "Comments: Our rules", "We want our comments to be a
#: lively ... part of our community", community guidelines, moderation notices.
_COMMENT_POLICY = re.compile(
    r"^(?:comments?|community|commenting)\s*(?:[:|]|\((?:\d+)\)|$)"
    r"|\bour comments?\b.{0,80}\b(?:community|lively|debate|rules|policy|guidelines|moderat\w*)\b"
    r"|\b(?:comments? (?:policy|rules|guidelines)|community (?:guidelines|standards|rules)|house rules"
    r"|comments (?:are|have been) (?:closed|disabled|moderated|open)|(?:pre|post)-moderated)\b"
)
#: A row of share buttons: "Facebook Twitter WhatsApp Email" (lowered line).
_SHARE_ROW = re.compile(
    r"(?:(?:facebook|twitter|x|whatsapp|e-?mail|linkedin|reddit|pinterest|messenger|flipboard|telegram|print"
    r"|copy link|link|share)\s*[|·•,/]?\s*){2,}$"
)
#: What a quoted or reported sentence has and a prompt does not.
_SPEECH = re.compile(r"[\"“”«»„]|(?i:\b(?:said|says|told|tells|asked|added|according to)\b)")
#: A caption line that ends with a credit: "… at Westminster. Photograph: Stefan Rousseau/PA".
_TRAILING_CREDIT = re.compile(
    r"(?:^|[\s.(|–—-])"
    r"(?:Photo(?:graph)?|PHOTO(?:GRAPH)?|Pictures?|PICTURES?|Pic|PIC|Images?|IMAGES?|Credit|CREDIT"
    r"|(?:Photo|Image|Picture) credit)s?\s*:\s*[A-Z][\w'&.\-]*(?:[ /,][\w'&.\-]+){0,6}\s*\)?\s*$"
)
#: A credit naming who drew or took the picture: "(Sketch by …)", "(Illustration by …)".
_BY_CREDIT = re.compile(r"[(\[](?:Sketch|Illustration|Drawing|Photo|Photograph)\s+by\s")
#: A credit in brackets anywhere: "(Photo: PA)", "[Image: Getty Images]", "(Sketch by Lorraine Abernathy-Cole for
#: The Ledger)", "(Illustration by …)".
_BRACKET_CREDIT = re.compile(
    r"[(\[](?:(?:Photo(?:graph)?|PHOTO|Pictures?|PICTURE|Pic|Images?|IMAGE|Credit|CREDIT)s?(?: [Cc]redit)?\s*:"
    r"|(?:Sketch|Illustration|Drawing|Photo|Photograph)\s+by\s)"
    r"[^()\[\]\n]{1,80}[)\]]"
)
#: A wire credit closing a caption line: an agency in capitals and a slash ("REUTERS/Jane Doe/File
#: Photo Purchase Licensing Rights", "AFP/Getty Images"), as Reuters and AFP pages print it.
_TRAILING_AGENCY_CREDIT = re.compile(r"\s+[A-Z]{2,}(?:[ -][A-Z]{2,})?/[^/\n]{2,60}(?:/[^/\n]{2,60}){0,3}$")
#: An upper-case link label inside a line: junk from there to the end of the line.
_INLINE_LINK = re.compile(
    r"\b(?:READ MORE|READ NEXT|SEE ALSO|ALSO READ|RELATED ARTICLES?|MORE ON THIS STORY)\b\s*[:|>»–—-]"
)
#: The link an embedded post ends with, printed as text: "pic.twitter.com/rF8kL2qPzX", "https://t.co/x1".
_EMBED_LINK = re.compile(r"(?:https?://)?\b(?:pic\.twitter\.com|t\.co|instagram\.com/p)/\w+/?")
#: A live blog's time stamp alone on its line: "12m ago", "2h ago", "15.52 GMT", "Updated at 15.58 GMT".
_ZONE = r"(?:GMT|BST|UTC|CET|CEST|EST|EDT|CST|CDT|PST|PDT|IST|AEST|AEDT|SAST)"
_LIVE_STAMP = re.compile(
    rf"(?:\d{{1,2}}\s?(?:m|min|mins|h|hr|hrs)\s+ago|(?:Updated at\s+)?\d{{1,2}}[.:]\d{{2}}(?:\s?[ap]\.?m\.?)?\s+{_ZONE}"
    # a video's or a programme's duration: "02:31", "0:00 / 2:47", "4m 12s"
    r"|\d{1,2}:\d{2}(?:\s*/\s*\d{1,2}:\d{2})?|\d{1,3}m(?: \d{1,2}s)?)"
)
#: A key-event link of a live blog: "2h ago Fenwick responds to budget".
_KEY_EVENT = re.compile(r"\d{1,2}\s?(?:m|min|mins|h|hr|hrs)\s+ago\s+\S")
#: Where a scraper glued a caption to its copy: a letter or closing mark, then
#: a capital with no space ("…textCaption"), the only places a doubled tail can start.
_GLUE = re.compile(r"(?<=[a-z0-9.!?)\]'\"’”])(?=[A-Z0-9\"“‘'(])")


@dataclass(frozen=True)
class Junk:
    """A junk range of the text and why it is junk."""

    start: int
    end: int
    reason: str


def explain_junk(text: str) -> list[Junk]:
    """Find scraping junk, with a reason for each range.

    Args:
        text: the article text as read.

    Returns:
        Sorted, disjoint, non-empty ranges; none contains a line break.

    >>> explain_junk("He spoke.\\nREAD MORE: Tory row erupts\\nShe left.")
    [Junk(start=10, end=36, reason='link')]
    """
    found: list[Junk] = []
    previous = ""
    previous_start = 0
    in_list = False  # inside the headlines listed under a bare link label ("More Stories")
    in_box = False  # inside a summary box under "KEY TAKEAWAYS", up to the next blank line
    box_lines = 0
    listing = False  # inside a listing under "Sources:" or a press release's metadata, up to a blank line
    stamped = False  # the line before was a live blog's time stamp
    credited = False  # the line before was a picture credit alone ("Getty Images")
    list_label = ""  # the bare label heading the list of links being read ("More on this story")
    for m in _LINE.finditer(text):
        raw = m.group()
        line = raw.strip()
        if not line:
            continue
        start = m.start() + (len(raw) - len(raw.lstrip()))
        adjacent = text.count("\n", previous_start + len(previous), start) <= 1  # no blank line between
        if in_list and _headline_like(line, question=adjacent) and (adjacent or _links_below(list_label)):
            # the next headline of the same list, on the next line (or after a blank line, under a bare label)
            reason: str | None = "link"
        elif credited and adjacent and len(line) <= MAX_FURNITURE_LINE:
            reason = "credit"  # the caption under a credit standing alone ("Getty Images" over its picture's text)
        elif _SUMMARY_BOX.fullmatch(line):
            reason = "summary"
        elif _LISTING_LABEL.fullmatch(line):
            reason, listing = "credit", True  # "Sources:", "Media Contact", "DOI": the block under it is the page's
        elif listing and adjacent and box_lines < MAX_LISTING_LINES and len(line) <= MAX_FURNITURE_LINE:
            reason = "credit"
        elif _LIVE_STAMP.fullmatch(line):
            reason = "furniture"  # a live blog's "12m ago", "15.52 GMT", "Updated at 15.58 GMT"
        elif _KEY_EVENT.match(line) and len(line) <= MAX_FURNITURE_LINE:
            reason = "link"  # "2h ago Fenwick responds to budget": a link to an entry
        elif stamped and adjacent and _headline_like(line, question=True):
            reason = "link"  # the title of a live blog's entry, under its time stamp
        elif in_box and adjacent and box_lines < MAX_SUMMARY_LINES and len(line) <= MAX_FURNITURE_LINE:
            reason = "summary"  # a bullet of the box: a summary of the article, not its reporting
        else:
            reason = _line_reason(line, previous)
        stamped = reason == "furniture" and _LIVE_STAMP.fullmatch(line) is not None
        in_box = reason == "summary"
        listing = listing and reason == "credit"
        box_lines = box_lines + 1 if in_box or listing else 0
        in_list = reason == "link" and (_links_below(line) or _links_below(previous) or in_list)
        if in_list and _links_below(line):
            list_label = line
        elif not in_list:
            list_label = ""
        credited = reason == "credit" and _AGENCY.match(line) is not None
        if reason == "repeated" and not (found and found[-1].start == previous_start):
            # a caption printed twice: both copies are page furniture, not the first one's text
            # (the whole first copy replaces what was found inside it, such as its "(Photo: …)" credit)
            while found and found[-1].start >= previous_start:
                found.pop()
            found.append(Junk(previous_start, previous_start + len(previous), reason))
        previous, previous_start = line, start
        if reason:
            found.append(Junk(start, start + len(line), reason))
            continue
        cut = _INLINE_LINK.search(line)
        end = cut.start() if cut else len(line)
        if "/" in line:
            for embed in _EMBED_LINK.finditer(line, 0, end):
                found.append(Junk(start + embed.start(), start + embed.end(), "link"))
        if "(" in line or "[" in line:
            credits = list(_BRACKET_CREDIT.finditer(line, 0, end))
            if credits and credits[-1].end() == len(line.rstrip()) and not cut \
                    and _BY_CREDIT.match(credits[-1].group()):
                # "A courtroom sketch shows … looks on. (Sketch by Lorraine Abernathy-Cole for The Ledger)": a
                # line that ends in its artist's credit is the picture's caption ("(Image: …)" alone is blanked,
                # the line kept: it may be the only place a name is introduced)
                found.append(Junk(start, start + len(line), "credit"))
                continue
            for credit in credits:
                found.append(Junk(start + credit.start(), start + credit.end(), "credit"))
        if cut:
            found.append(Junk(start + cut.start(), start + len(line), "link"))
    return found


def find_junk(text: str) -> list[tuple[int, int]]:
    """Return the scraping-junk ranges of ``text`` (sorted, disjoint).

    >>> find_junk("Advertisement\\nShe said it was over.")
    [(0, 13)]
    """
    return [(j.start, j.end) for j in explain_junk(text)]


def blank_ranges(text: str, ranges: list[tuple[int, int]]) -> str:
    """Replace the characters in ``ranges`` with spaces, keeping line breaks.

    >>> blank_ranges("ab\\ncd", [(1, 4)])
    'a \\n d'
    """
    parts = []
    at = 0
    for s, e in sorted(ranges):
        s = max(s, at)  # overlapping ranges blank once: the result keeps the text's length
        if e <= s:
            continue
        parts.append(text[at:s])
        parts.append(_LINE.sub(lambda m: " " * len(m.group()), text[s:e]))
        at = e
    parts.append(text[at:])
    return "".join(parts)


def find_paragraphs(clean: str) -> list[Range]:
    """Return the non-blank lines of ``clean``, trimmed of surrounding white space.

    A paragraph is a line: scraped text often separates paragraphs with single
    newlines, and a blank line separates them too.

    >>> find_paragraphs("  One.\\n\\n Two. \\n   ")
    [(2, 6), (9, 13)]
    """
    paragraphs = []
    for m in _LINE.finditer(clean):
        raw = m.group()
        stripped = raw.strip()
        if stripped:
            start = m.start() + (len(raw) - len(raw.lstrip()))
            paragraphs.append((start, start + len(stripped)))
    return paragraphs


class CleanStage:
    """Pipeline stage: blank scraping junk and find the paragraphs that remain."""

    name = "clean"
    needs = ("text",)
    gives = ("clean", "junk", "paragraphs")
    critical = True

    def __call__(self, work: Work) -> None:
        junk = find_junk(work.text)
        work.junk = junk
        work.clean = blank_ranges(work.text, junk)
        work.paragraphs = find_paragraphs(work.clean)
        junk_chars = sum(e - s for s, e in junk)
        kept_chars = sum(e - s for s, e in work.paragraphs)
        if junk_chars > JUNK_WARN_SHARE * (junk_chars + kept_chars):
            share = round(100 * junk_chars / (junk_chars + kept_chars))
            work.warn(
                f"{share}% of the text looks like scraping junk (link lines, captions, prompts); "
                "check that the input is the article's text"
            )


def _line_reason(line: str, previous: str) -> str | None:
    """Say why a whole (trimmed) line is junk, or return None."""
    if _links_below(previous) and _headline_like(line):
        return "link"  # the headline under a bare "RELATED COVERAGE" / "Read more" label
    m = _LINE_START.match(line)
    if m:
        reason = m.lastgroup
        if reason == "credit" and line[0] in "([" and line[-1] not in ")]":
            pass  # "(Photo: PA) He said …": only the bracket is junk (found inline)
        elif reason in ("link", "click", "tags") or len(line) <= MAX_FURNITURE_LINE:
            return reason
    if len(line) <= MAX_AGENCY_LINE and _AGENCY.match(line):
        return "credit"
    if len(line) <= MAX_BIO_LINE and _AUTHOR_BIO.match(line):
        return "credit"  # "Nathaniel Brisco is a staff writer at The Atlantic, where he covers …"
    short = len(line) <= MAX_FURNITURE_LINE
    if short and line == previous and len(line) >= MIN_DOUBLED_UNIT and " " in line:
        return "repeated"
    if 2 * MIN_DOUBLED_UNIT <= len(line) <= MAX_DOUBLED_LINE and _is_doubled(line):
        return "doubled"
    credit = _TRAILING_AGENCY_CREDIT.search(line)
    if credit and 2 * MIN_DOUBLED_UNIT <= credit.start() <= MAX_DOUBLED_LINE and _is_doubled(line[: credit.start()]):
        return "doubled"  # "CaptionCaption REUTERS/Carlos Mendel/File Photo Purchase Licensing Rights"
    if not short:
        return None
    if ":" in line and _TRAILING_CREDIT.search(line):
        return "credit"
    if _SPEECH.search(line):
        return None
    # the prompt patterns are lower case: matching a lowered line is several
    # times faster than a case-insensitive alternation in ``re``
    low = line.lower()
    label = _PROMO_LABEL.match(line)
    if label and _PROMO_ACTION.search(low[label.end() :]):
        return "prompt"
    if _COMMENT_POLICY.search(low) or _SHARE_ROW.match(low):
        return "prompt"
    if _PROMPT_STRONG.match(low) or _PROMPT_ANYWHERE.search(low):
        return "prompt"
    if _PROMPT_VERB.match(low) and _CHANNEL.search(low):
        return "prompt"
    return None


#: A byline alone on its line: "By Jane Doe", "By Chris Ashworth, Sky Sports News chief reporter" (not
#: "By Monday, the council had voted": after the comma only a role may follow).
_BYLINE = re.compile(
    r"(?i:by)\s+[A-Z][\w'’.-]*(?:\s+(?:and\s+)?[A-Z][\w'’.-]*){0,5}"
    r"(?:,\s+[\w'’ -]{0,40}?\b(?:reporter|editor|correspondent|writer|columnist|journalist|staff|producer))?\s*"
)


def is_byline(line: str) -> bool:
    """Whether a (trimmed) line is a byline. Bylines stay in the text (the tagger reads them as it was
    trained to); what a line like this yields is never a quote.

    >>> is_byline("By Chris Ashworth, Sky Sports News chief reporter"), is_byline("By Monday, the council had voted.")
    (True, False)
    """
    return len(line) <= MAX_AGENCY_LINE and bool(_BYLINE.fullmatch(line))


#: A dateline under an author's name: "Published 3h ago", "Updated 7:38 PM, September 23, 2025".
_DATELINE = re.compile(r"(?i:(?:first |last )?(?:published|updated|posted))\b")
#: An author's name alone on its line, two to four capitalised words: "Lulama Ndlovu", "Bea Lumbao-Santos".
_NAME_LINE = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}")


def byline_lines(text: str) -> list[tuple[int, int]]:
    """The ranges of the byline lines in ``text``: :func:`is_byline` lines, datelines ("Posted Wed,
    Apr 16, 2025 at 10:14 am ET"), and a name alone on its line directly above a dateline ("Lulama
    Ndlovu" over "Published 3h ago").

    >>> t = "Taps dry for 19 days\\n\\nLulama Ndlovu\\nPublished 3h ago\\n\\nBy Jo Lam\\nHe said so."
    >>> [t[s:e] for s, e in byline_lines(t)]
    ['Lulama Ndlovu', 'Published 3h ago', 'By Jo Lam']
    """
    lines = [(m.start(), m.end(), m.group().strip()) for m in _LINE.finditer(text)]
    lines = [(s + (len(text[s:e]) - len(text[s:e].lstrip())), t) for s, e, t in lines if t]
    found = []
    for k, (start, line) in enumerate(lines):
        below = lines[k + 1] if k + 1 < len(lines) else None
        dated = _DATELINE.match(line) and any(ch.isdigit() for ch in line) and len(line) <= 2 * MAX_AGENCY_LINE
        if is_byline(line) or dated or (
            below is not None
            and _NAME_LINE.fullmatch(line)
            and text.count("\n", start, below[0]) == 1
            and _DATELINE.match(below[1])
        ):
            found.append((start, start + len(line)))
    return found


def is_headline_line(line: str) -> bool:
    """Whether a stripped line has a headline's shape: short, no closing stop or quotation mark."""
    return bool(line) and _headline_like(line)


def is_listed_headline(line: str) -> bool:
    """Whether a stripped line has the shape of a headline in a list of them: as :func:`is_headline_line`,
    or a question, or ending in a quoted phrase ("Liam Ó Catháin: ‘Galway have the hunger back’")."""
    return bool(line) and _headline_like(line, question=True)


#: A sentence closed by its source in brackets: "… contract. (Daily Courier)", "… season. (Il Pallone - in Italian)".
_SOURCE_TAG_END = re.compile(r"[.!?]\s*\([A-Z][^()\n]{1,60}\)$")


def _headline_like(line: str, question: bool = False) -> bool:
    """A short line with no closing stop or quotation mark, as listed headlines are.

    With ``question``, a line asking something or ending in a quoted phrase
    counts too ("Championship predictions: Who will win promotion this
    season?", 'Seniors Say Shuttle Changes "Left Us Stranded"'): inside a list
    of headlines, not under a label alone, where a reader's question could follow.
    """
    if len(line) > MAX_FURNITURE_LINE:
        return False
    if _SOURCE_TAG_END.search(line):
        return False  # "… amid interest from Kingsmere. (Daily Courier)": a sentence and its source, no headline
    if question:
        return line[-1] not in ".!:" and not (line[-1] in "\"”'’" and line[-2:-1] in ".,!")
    return line[-1] not in ".!?\"”'’:"


def _links_below(line: str) -> bool:
    """Whether ``line`` is a link label standing alone ("RELATED COVERAGE", "Read more"), heading the link under it.

    >>> _links_below("RELATED COVERAGE"), _links_below("READ MORE: Tory row erupts"), _links_below("He said more.")
    (True, False, False)
    """
    m = _LINE_START.match(line) if line else None
    return bool(m) and m.lastgroup == "link" and m.end() >= len(line.rstrip(" :|>»–—-"))


def _is_doubled(line: str) -> bool:
    """Whether ``line`` ends in a unit written twice back to back ("textCaption textCaption text").

    The doubled tail must cover at least half the line (a short label such as
    "The National: " may precede it) and hold at least two words.
    """
    n = len(line)
    half = n // 2
    if n % 2 == 0 and half >= MIN_DOUBLED_UNIT and line[:half] == line[half:]:
        return " " in line[:half].strip()
    if n % 2 == 1 and line[half] == " " and half >= MIN_DOUBLED_UNIT and line[:half] == line[half + 1 :]:
        return " " in line[:half].strip()
    # a tail of length k starting at i needs 2k <= n (room for its copy) and
    # 2k >= n/2 (it covers half the line): n/2 <= i <= 3n/4
    for glue in _GLUE.finditer(line, half, n - n // 4 + 1):
        i = glue.start()
        k = n - i
        if k < MIN_DOUBLED_UNIT:
            break
        if line[i - 1] == line[-1] and line[i - k : i] == line[i:] and " " in line[i:].strip():
            return True
    return False
