"""Personal names without a parser: a capitalised-token name finder, titles and gender cues.

The fast and GPU pipelines have no spaCy parse, so resolution needs a cheap
way to find the people an article names. :func:`find_names` scans a text for
runs of capitalised tokens ("Tory MP Crispin Blunt", "Mr Blunt", "Sen. Ted
Cruz"), peels pre-nominal titles and roles off the front and classifies what
remains as a person or an organisation. :func:`parse_name` splits one name
into honorific, first, middle and last names; :func:`gender_of` reads gender
from an honorific or a common first name.

Everything here is lexical and deliberately conservative: a run of
capitalised words with no sign of being a name (no title, no known first
name, an organisation word) is not called a person.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..text.letters import unicode_caps

__all__ = [
    "GIVEN_NAMES",
    "HONORIFICS",
    "NameSpan",
    "ParsedName",
    "find_names",
    "fold",
    "gender_of",
    "is_role_word",
    "parse_name",
]

#: Honorifics and the gender they mark (None: either). Hand-listed from UK and
#: US news usage (BBC, AP and Guardian style guides' forms of address).
HONORIFICS: dict[str, str | None] = {
    "mr": "male", "mister": "male", "sir": "male", "lord": "male", "baron": "male",
    "mrs": "female", "ms": "female", "miss": "female", "dame": "female", "lady": "female",
    "baroness": "female", "mx": None, "dr": None, "prof": None, "professor": None,
    "rev": None, "reverend": None, "revd": None, "ven": None, "venerable": None, "cllr": None, "councillor": None,
    # South Asian and West African honorifics ("Smt Sunita Sehgal", "Shri R.N. Kapoor", "Alhaji Musibau Lawal")
    "smt": "female", "shrimati": "female", "kumari": "female", "shri": "male", "sri": "male",
    "alhaji": "male", "alhaja": "female", "hajia": "female", "otunba": None, "adv": None,
    "barrister": None, "engr": None, "hon": None,
    # Singapore and Malaysia: "Madam Lim Siew Hoon"
    "madam": "female", "madame": "female",
    # Pakistan, before a name ("Syed Zulqarnain Hamdani", "Makhdoom Ahsan ur-Rehman Bukhari", "Chaudhry Tariq
    # Mehmood Wattoo", "Sheikh Naveed Khokhar", "Begum Nusrat Iqbal"); "Rana", "Malik" and "Mian" are left out:
    # they are as often the name itself
    "syed": "male", "makhdoom": "male", "chaudhry": "male", "sheikh": "male", "begum": "female",
    "nawabzada": "male", "sahibzada": "male",
    # Ethiopia: "Ato Gemechu Bekele" (Mr); "W/ro" and "W/rt" (Woizero, Woizerit) are read in entities
    "ato": "male",
}

#: Role titles that stand before a name and are also descriptors ("Senator
#: Ted Cruz"), with the gender they mark. Same sources as HONORIFICS.
ROLE_TITLES: dict[str, str | None] = {
    "president": None, "senator": None, "sen": None, "rep": None, "representative": None,
    "gov": None, "governor": None, "mayor": None, "judge": None, "justice": None,
    "chancellor": None, "secretary": None, "minister": None, "premier": None,
    "king": "male", "queen": "female", "prince": "male", "princess": "female",
    "congressman": "male", "congresswoman": "female", "speaker": None, "chairman": "male",
    "chairwoman": "female", "chair": None, "leader": None, "general": None, "gen": None,
    "col": None, "capt": None, "captain": None, "sgt": None, "detective": None,
    # UK police ranks as the press shortens them: "Det Supt Dawn Kettering", "DI Marion Castell", "Ch Insp X"
    "det": None, "supt": None, "insp": None, "dci": None, "di": None, "ds": None, "pcso": None, "cmdr": None, "pc": None,
    "inspector": None, "superintendent": None, "constable": None, "chief": None,
    "bishop": None, "archbishop": None, "mp": None, "msp": None, "mep": None, "mk": None,
    "director-general": None, "secretary-general": None,
    "attorney": None, "commissioner": None, "ambassador": None, "spokesman": "male",
    "spokeswoman": "female", "spokesperson": None, "backbencher": None, "peer": None,
    # military ranks ("Major General Hamdan bin Saif al-Ruwaili", "Lt Col Ana Reyes")
    "major": None, "maj": None, "lieutenant": None, "lt": None, "colonel": None, "brigadier": None,
    "brig": None, "admiral": None, "adm": None, "commander": None, "cmdr": None, "sergeant": None,
    "corporal": None, "cpl": None, "marshal": None,
    # the bench and the inquest ("Recorder Nadeem Qureshi", "Sheriff Alan Hogg", "Coroner Katharine Mabry")
    "recorder": None, "sheriff": None, "coroner": None, "magistrate": None,
    # clergy ("Pope Anselm II", "Cardinal Teodoro Marchetti", "Rabbi Miriam Adler", "Imam Yusuf Barre")
    "pope": "male", "cardinal": "male", "patriarch": "male", "rabbi": None, "imam": "male", "pastor": None,
    "archdeacon": None, "vicar": None, "chaplain": None, "rector": None, "deacon": None, "monsignor": "male",
}

#: Lower-case role nouns and modifiers that may open a pre-nominal
#: description ("former Tory backbencher Crispin Blunt"); hand-listed.
ROLE_NOUNS = frozenset(
    "mp mps msp mep mla mlas td minister secretary senator congressman congresswoman representative "
    "governor mayor leader chair chairman chairwoman chief executive president spokesman "
    "spokeswoman spokesperson backbencher peer councillor lawyer barrister solicitor judge "
    "director founder candidate lawmaker legislator politician campaigner activist member "
    "deputy shadow whip speaker chancellor ambassador commissioner officer adviser aide "
    "head boss manager coach captain economist analyst professor author journalist "
    # contests for office: "the aspirant said", "the governorship candidate"
    "aspirant nominee contender challenger incumbent frontrunner "
    # executives by initials, school and police heads: "CEO Jonah Trevelyan", "Headteacher Joanna Pritchard"
    "ceo cfo coo cto headteacher headmaster headmistress principal superintendent sheriff "
    # finance offices: "the Treasurer" (Australia), "the county treasurer", "the comptroller"
    "treasurer comptroller "
    # law and insolvency: "Crown prosecutor Daniel Marchetti", "liquidator Anthony Mirabella"
    "prosecutor attorney counsel liquidator administrator receiver auditor "
    # players by position: "Brazilian forward Kauã Medeiros", "the midfielder"
    "striker forward midfielder defender goalkeeper keeper winger full-back fullback centre-back "
    "quarterback pitcher batsman bowler "
    # rugby positions: "the Munster lock", "the fly-half", "tighthead prop Mathis Garrigue"
    "lock prop hooker flanker fly-half scrum-half out-half outhalf tighthead loosehead wing "
    # Gaelic games: "Former Cork full-forward Tadhg Ó Cróinín"
    "full-forward half-forward half-back centre-forward corner-back corner-forward wing-back wing-forward "
    # clergy: "the pontiff", "Italian cardinal Teodoro Marchetti"
    "pope pontiff cardinal bishop archbishop rabbi imam pastor priest vicar "
    # health, science and inquests: "Senior coroner Katharine Mabry", "paramedic Liam Corrigan", "the former postdoc"
    "coroner paramedic pharmacist physician surgeon nurse midwife meteorologist postdoc "
    "scientist registrar pathologist "
    # emergency services and motor sport: "the town's fire marshal", "his co-driver"
    "marshal firefighter co-driver "
    # inspectors and curators: "planning inspector Gareth Pennock", "the breeding programme coordinator"
    "inspector examiner curator coordinator organiser organizer "
    # racing, the arts and fieldwork: "trainer Maggie Tolland", "His rider, Sam Whitcombe", "the envoy",
    # "producer Gideon Marsh-Tully", "the pollster", "the archaeologist"
    "trainer jockey rider envoy critic producer pollster archaeologist detectorist referee "
    # musicians and parliaments: "the singer said", "the crossbencher told a packed chamber"
    "singer rapper musician guitarist drummer bassist vocalist frontman frontwoman crossbencher "
    # kitchens, orchestras, broadcasting and the sea: "TV chef Marcus Tandridge", "the maestro", "the skipper"
    "chef restaurateur conductor maestro violinist cellist pianist composer presenter broadcaster architect "
    "lecturer skipper investigator sponsor engineer academic trustee".split()
)
#: Lower-case portfolio words inside a role ("the housing minister"); hand-listed
#: from UK and US cabinet titles.
POLICY_WORDS_LOWER = frozenset(
    "justice health foreign home education defence defense transport culture business trade environment "
    "housing security immigration energy finance interior labor work pensions treasury care social "
    "local junior senior".split()
)
#: Modifiers allowed inside a pre-nominal description; hand-listed.
ROLE_MODIFIERS = frozenset("former ex veteran senior junior deputy shadow fellow then-".split())

#: Political parties and their adjectives, UK and US; hand-listed.
PARTY_WORDS = frozenset(
    "tory tories conservative conservatives labour liberal democrat democrats democratic "
    "republican republicans lib dem snp dup sdlp plaid cymru green greens reform ukip gop "
    "independent sinn fein alliance".split()
)

#: Words that mark a capitalised run as an organisation; hand-listed from UK
#: and US news (government bodies, parties, companies, media).
ORG_WORDS = frozenset(
    "office statistics department ministry party council committee court police constabulary service services trust administration palace "
    "unit mutual "
    "union association commission agency government university college school bank company networks "
    "group inc ltd plc llc corp corporation news times guardian telegraph mail express post "
    "bbc itv cnn nbc abc cbs fox reuters jazeera twitter facebook instagram youtube parliament commons "
    "congress senate house assembly board authority foundation institute society club network "
    "conference archdiocese diocese organisation organization federation league campaign coalition fund nhs fbi cia alliance collective forum "
    "partnership consortium caucus municipality municipalities ratepayers governance affairs parents citizens "
    "pentagon whitehall downing labour conservatives tories democrats republicans snp ukip "
    "gop appg un eu nato home treasury cabinet "
    # sports clubs' name words (UK and US football, rugby, cricket): "Northbank Rovers", "Harbourside City"
    "fc afc city united town rovers rangers athletic wanderers albion hotspur "
    # ... and motor racing's ("Brannock Racing", "Orvault Rally Team", "Valtessa Motorsport"); local papers'
    # mastheads ("Kelstow Echo", "Northern Argus"); promoters and organisers ("Ironside Promotions")
    "team racing motorsport motorsports echo argus sentinel advertiser examiner promotions events "
    # companies' name words (US and UK business pages): "Tessaly Systems", "Kessler Automation"
    "systems technologies holdings partners robotics motors airlines airways energy pharmaceuticals "
    "logistics management markets capital securities advisors advisers automation industries solutions software ventures therapeutics biosciences "
    "semiconductors telecom insurance brands foods retail manufacturers exporters importers producers co motor gmbh "
    "merchants seafoods fisheries "  # ("Kinnaird Fish Merchants, which employs 180 people")
    # sectors that end companies' names ("TrackLink Infrastructure", "Palisade Interactive", "Albion Rail"), and
    # stand in ministries' portfolios too ("Ministry of Transport and Infrastructure"): see SECTOR_WORDS
    "infrastructure interactive rail railways utilities developments construction engineering "
    # operators and utilities: "Severn Vale Trains", "Thames Water", "Harbour Buses", "Bramblewood Commerce"
    "trains buses railway water commerce pharma "
    # cultural and trade bodies: "Caledonian Restaurant Guild", "Lydgate Museum", "Northern Ballet"
    "guild museum gallery library theatre orchestra opera ballet zoo aquarium "
    # travel companies: "Sunvista Holidays", "Aegean Cruises"
    "holidays travel tours cruises hotels resorts coaches buses "
    # studios, labels and broadcasters: "Meridian Pictures", "Harbor Records"
    "pictures studios studio entertainment films records media productions television tv radio sports sport "
    "standard bureau "
    # papers and magazines: "Schools Week", "the Oxford Gazette", "Daily Herald"
    "week weekly daily journal gazette herald chronicle tribune observer courier bulletin magazine mag annals press "
    # institutions by a shortened name: "Cascadia State", "Lakeshore Medical Center", "Castellan Insights"
    "state center centre centers centres medical insights research laboratories labs "
    # events: "Sundance Film Festival", "Golden Globe Awards"
    "festival awards olympics championship championships summit expo "
    # trade bodies and movements: "Rawalpindi-Islamabad Traders Chamber", "Qaumi Jamhoori Mahaz"
    "chamber mahaz movement "
    # leagues by their tier: "Premier Division Rugby" (a title word opens it)
    "division "
    # insolvency and advisory firms: "Pellow Grant Restructuring", "Nordlys Advisory"
    "restructuring advisory consulting consultancy accountants "
    # hospitals and health bodies: "St Brendan's Hospital", "Royal Infirmary"
    "hospital hospitals infirmary clinic surgery hospice care healthcare "
    # housebuilders, contractors, providers, studios: "Corvell Homes", "Harrowden Field Archaeology", "Kestrel Community
    # Living", "Halcyon Forge Games", "Calderstone Estates", "London Metro Transport"
    "homes archaeology exchange community games estates properties transport "
    # racing: "Aintree Racecourse", "the Irish Gold Cup", "National Gambling Helpline"
    "racecourse cup stakes helpline "
    # shipping and ferry companies, and corporate suffixes no name shares: "Halvard Tankers AS", "Tarrant Island
    # Ferries", "Nordhavn Oyj" (not "Line": "The Orchard Line" is a drama; not "AS" nor "ASA", which fold
    # to "as" and "Åsa")
    "tankers shipping ferries freight maritime container containers oyj pty llp "
    # the state's services: "HM Coastguard"
    "coastguard "
    # French houses of auction and fashion: "Maison Verlaine"; quarrying companies: "Harrowdene Aggregates"
    "maison aggregates quarries quarrying minerals".split()
)
#: Organisation words that also name what a ministry is "of" ("Ministry of Transport and Infrastructure").
SECTOR_WORDS = frozenset(
    "statistics infrastructure rail railways railway utilities developments construction engineering affairs water commerce".split()
)
#: Last words of place names, which are never people ("Marlow Crossing", "Leinster House" is a body);
#: hand-listed from UK, US and Irish local news.
PLACE_WORDS = frozenset(
    "crossing junction bridge street road avenue lane square park valley vale heights beach island harbour harbor "
    "lake river hill hills springs falls creek bay station airport stadium arena rd ave blvd hwy highway islands isles courthouse "
    "mosque temple chapel synagogue shrine district constituency county province region governorate prefecture oblast "
    "motorway terrace crescent cape province region territory oval township borough parish village "
    # a festival's grounds and stages: "Lodmoor Fields", "the Harbour Stage"; "the West Midlands"; "the Melbourne
    # Cricket Ground"
    "fields stage midlands ground "
    # streets a story names with its suffix: "Lakeshore Drive", "Sunset Boulevard"
    "drive boulevard parkway gardens "
    # an escarpment or a moor's edge ("Kingsholt Edge", "Wenlock Edge")
    "edge".split()
)
#: Last words of buildings' names that are also surnames ("Brantwhistle Mill" / "John Stuart Mill", "Kelsey Abbey",
#: "Harrowden Manor"): a place only when no given name, honorific or title opens the name; hand-listed.
BUILDING_WORDS = frozenset("mill mills abbey priory cathedral castle manor tower barn farm cottage warehouse".split())
#: Countries and a few regions by their common English short names, lower case (hand-listed from the UN
#: member states and the places wire copy names as actors: "South Africa", "the Netherlands", "Taiwan").
#: A run that is one, or ends in one ("Cricket South Africa", "Football Australia"), is no person.
COUNTRY_NAMES = frozenset(
    """
    afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain
    bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria
    burkina burundi cambodia cameroon canada chad chile china colombia comoros congo croatia cuba cyprus
    czechia denmark djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france
    gabon gambia georgia germany ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland
    india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati kosovo
    kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar
    malawi malaysia maldives mali malta mauritania mauritius mexico micronesia moldova monaco mongolia
    montenegro morocco mozambique myanmar namibia nauru nepal netherlands nicaragua niger nigeria norway oman
    pakistan palau palestine panama paraguay peru philippines poland portugal qatar romania russia rwanda
    samoa senegal serbia seychelles singapore slovakia slovenia somalia spain sudan suriname sweden
    switzerland syria taiwan tajikistan tanzania thailand togo tonga tunisia turkey turkmenistan tuvalu
    uganda ukraine uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe scotland wales england
    europe africa asia
    """.split()
) | frozenset(
    ("south africa", "new zealand", "united states", "united kingdom", "great britain", "northern ireland",
     "saudi arabia", "south korea", "north korea", "sri lanka", "costa rica", "el salvador", "puerto rico",
     "dominican republic", "czech republic", "hong kong", "new guinea", "papua new guinea", "sierra leone",
     "south sudan", "united arab emirates", "ivory coast", "cape verde", "east timor", "west indies")
)


def _ends_in_country(folded: list[str]) -> bool:
    """Whether folded words end in a country's name after a word of their own ("cricket south africa")."""
    return any(" ".join(folded[i:]) in COUNTRY_NAMES for i in range(max(1, len(folded) - 4), len(folded)))


#: Points of the compass ending a constituency's name ("St Andrew South West", "Dublin Bay North").
COMPASS_WORDS = frozenset("north south east west central".split())
#: First words of place names ("Lake Sikuaq", "Mount Hood", "Port Talbot"); hand-listed.
PLACE_FIRST_WORDS = frozenset("lake mount mt port fort cape glen loch wadi colonia barrio kampung upper lower "
                              "hurricane typhoon cyclone storm tropical "  # ... and storms: "Hurricane Ines"
                              "rally".split())  # ... and rallies, events: "Rally Cambria"
#: Last words of utilities' names that are also surnames ("Cascade Ridge Power" / "Samantha Power").
UTILITY_WORDS = frozenset("power electric gas water health".split())  # ("Harmon Valley Health": a health system)
#: Common nouns that take up a company ("the company said", "the firm's chief executive");
#: hand-listed from business reporting.
COMPANY_NOUNS = frozenset(
    "company firm business carmaker retailer lender insurer airline carrier operator manufacturer supplier "
    "startup start-up chain conglomerate group studio label broadcaster network publisher utility streamer "
    "platform brand maker automaker developer distributor".split()
)
#: Nouns that take up a sports club ("the club said", "the team's statement").
CLUB_NOUNS = frozenset("club team side".split())
#: Words in a sports club's name ("Ashcombe United", "Northbank Rovers FC"); from UK and US sport.
CLUB_WORDS = frozenset("club fc afc city united town rovers rangers athletic wanderers albion hotspur county".split())
#: UK and US trade unions written by their initials or short names, which "the union" takes up; hand-listed.
TRADE_UNIONS = frozenset("gmb unite unison usdaw rmt aslef neu nasuwt bma rcn ucu pcs fbu cwu eis afl-cio seiu uaw".split())
#: Nouns that take up a body whose name holds them ("the trust" for "Oakhurst Learning Trust"); hand-listed.
NAMED_BODY_NOUNS = frozenset(
    "trust charity school academy university college hospital council party board foundation association "
    "federation institute society league court inquiry committee panel bank municipality district shire "
    "corporation office center centre government cabinet campaign consortium coalition alliance collective "
    "guild hospice museum gallery library theatre orchestra zoo aquarium "
    # "the service said" for the Azores Civil Protection Service; "the coastguard said" for HM Coastguard
    "service coastguard".split()
)
#: Nouns that take up a public body ("the agency said", "the regulator said").
PUBLIC_BODY_NOUNS = frozenset("agency regulator watchdog authority commission department ministry".split())
#: Words in the name of a public body: such an organisation is never "the company".
PUBLIC_BODY_WORDS = frozenset(
    "commission department ministry agency authority council court government police parliament congress "
    "senate committee office service administration regulator bureau centers centres".split()
)


#: Body words of Spanish, Portuguese, French and Italian names and the English noun that takes them up ("the
#: association said" for the Asociación de Terminales Portuarios del Pacífico); folded, hand-listed.
_BODY_WORDS_IN_ENGLISH = {
    "asociacion": "association", "associacao": "association", "associazione": "association",
    "sindicato": "union", "syndicat": "union", "sindacato": "union", "federacion": "federation",
    "federacao": "federation", "federazione": "federation", "confederacion": "confederation",
    "ministerio": "ministry", "ministere": "ministry", "ministero": "ministry", "comision": "commission",
    "comissao": "commission", "commissione": "commission", "consejo": "council", "conselho": "council",
    "consiglio": "council", "conseil": "council", "partido": "party", "partito": "party", "parti": "party",
    "camara": "chamber", "chambre": "chamber", "camera": "chamber", "tribunal": "court", "corte": "court",
    "universidad": "university", "universidade": "university", "universite": "university", "universita": "university",
    "empresa": "company", "societe": "company", "banco": "bank", "banque": "bank",
}


#: Unions of states and their bodies, by the short names news uses: never "the company".
INTERGOVERNMENTAL = frozenset("eu un nato imf opec ecb asean wto oecd who unicef unhcr au".split())
#: Words of a police force's name, which "the force" takes up; hand-listed from UK and US reporting.
POLICE_FORCE_WORDS = frozenset("police constabulary force pd sheriff's gendarmerie garda".split())
#: Seats of government that stand for a government ("a Whitehall source", "the Kremlin said"); hand-listed.
GOVERNMENT_SEATS = frozenset("whitehall westminster kremlin pentagon elysee élysée holyrood stormont "
                             "zhongnanhai quirinale".split())
#: Words of bodies that are members' or public-benefit bodies, never "the company": "the company said" is not the
#: Association of British Flight Crew, whose members fly for it.
_MEMBERS_BODY_WORDS = frozenset(
    "association union federation confederation league society institute charity foundation coalition alliance "
    "campaign party university college school church diocese synod ombudsman".split()
)
#: Words of a public body's name that "the company" never takes up ("the Coastal Transport Safety Board", "the
#: Health Technology Value Board", the NHS), besides the public bodies "the agency" takes up.
_STATUTORY_BODY_WORDS = frozenset("board tribunal inquiry panel inspectorate watchdog nhs hse".split())
#: Institutions "the company" never takes up: a GP practice, a school, a hospital, a museum, a church, a charity.
_INSTITUTION_WORDS = frozenset("practice surgery hospital school academy university college museum library church "
                               "parish charity".split())
_NOT_A_COMPANY = PUBLIC_BODY_WORDS | _STATUTORY_BODY_WORDS | INTERGOVERNMENTAL | GOVERNMENT_SEATS | _INSTITUTION_WORDS


#: Last words of bodies that gather people of a kind ("University Workers’ Federation", "Hospital Doctors' Union").
_GATHERING_HEADS = frozenset("federation union association society alliance network congress".split())


def fits_org_noun(noun: str, name: str) -> bool | None:
    """Whether an organisation named ``name`` is one that "the ``noun``" can take up.

    None when ``noun`` is no organisation noun.

    >>> fits_org_noun("company", "Tessaly Systems"), fits_org_noun("company", "Securities and Exchange Commission")
    (True, False)
    >>> fits_org_noun("company", "EU")
    False
    >>> fits_org_noun("agency", "Federal Trade Commission"), fits_org_noun("agency", "Tessaly Systems")
    (True, False)
    >>> fits_org_noun("minister", "Home Office") is None
    True
    >>> fits_org_noun("company", "Whitehall")
    False
    >>> fits_org_noun("force", "Westvale Police"), fits_org_noun("force", "Westvale Council")
    (True, False)
    >>> fits_org_noun("organisation", "Healthwatch Elmford"), fits_org_noun("organisation", "France")
    (True, False)
    >>> fits_org_noun("university", "Kelsbury University"), fits_org_noun("university", "University Workers’ Federation")
    (True, False)
    """
    words = {fold(w) for w in re.findall(r"[\w'’-]+", name)}
    words |= {_BODY_WORDS_IN_ENGLISH[w] for w in words if w in _BODY_WORDS_IN_ENGLISH}  # "Asociación": an association
    if noun in ("organisation", "organization"):  # "a spokesperson for the organisation": any body, not a country
        return fold(name) not in COUNTRY_NAMES
    if noun in CLUB_NOUNS:
        return bool(words & CLUB_WORDS)
    if noun == "union":
        return "union" in words or bool(words & TRADE_UNIONS)
    if noun == "bloc":  # "the bloc says": a negotiating group ("the Equatorial Forest Alliance")
        return bool(words & {"alliance", "bloc", "coalition", "group", "caucus", "union", "countries", "nations"})
    if noun == "party":
        return "party" in words or bool(words & PARTY_WORDS)
    if noun == "house":  # "the house said": a fashion or auction house ("Maison Corvel"), or a body named a House
        return bool(words & {"maison", "house"})
    if noun == "force":  # "the force said": a police force ("Westvale Police", "Northshire Constabulary")
        return bool(words & POLICE_FORCE_WORDS)
    if noun in NAMED_BODY_NOUNS:  # "the trust said": a body with that word in its name
        # ... as what it is, not whom it gathers: "the university" is no "University Workers’ Federation"
        # (the head of "X of Y" is X: "the council" is the Victorian Council of Social Service)
        head_part = re.split(r"\s+(?:of|for)\s+", name, maxsplit=1)[0]
        last = fold(re.findall(r"[\w'’-]+", head_part)[-1]) if re.search(r"\w", head_part) else ""
        return noun in words and not (last != noun and last in NAMED_BODY_NOUNS | _GATHERING_HEADS)
    if noun in COMPANY_NOUNS:
        # (nor a country: "the company" is never the United States); "the group" may be a campaign or an alliance
        members = _MEMBERS_BODY_WORDS if noun != "group" else frozenset()
        # (nor a sports club: "The firm said Saturday's home fixture would go ahead" is its administrators)
        clubs = {"club", "rugby", "fc", "afc"} if noun in ("firm", "company", "business") else frozenset()
        return not words & (_NOT_A_COMPANY | members | clubs) and fold(name) not in COUNTRY_NAMES
    if noun in ("ministry", "department"):
        return noun in words  # "the ministry" is a ministry, not the Industrial Police
    if noun in PUBLIC_BODY_NOUNS:
        return noun in words or bool(words & PUBLIC_BODY_WORDS)
    return None

#: Capitalised words that are not names wherever they stand: function words
#: that open sentences, days, months, places of government; hand-listed.
NOT_NAME_WORDS = frozenset(
    "the a an he she they it we i you his her their its our my your this that these those "
    "there here but and or so yet if when while as at in on of for from by with after before "
    "however meanwhile speaking according asked last next today yesterday tomorrow also then "
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    # a date line's "Posted Thu 13 Mar 2025", "Published Mon"
    "mon tue tues wed thu thur thurs fri posted published updated "
    "may june july august september october november december read more related share "
    "subscribe sign photo image picture getty pa ap afp mps one two three what why how who "
    "congrats congratulations thanks thank dear hi hello welcome "
    "where which did does do is was were are has have had will would should could can not "
    "no yes it's im i'm we're don't mrs. mr. dr. st st. new uk us usa britain british "
    "english scotland scottish wales welsh england american america london washington "
    "brexit covid god christmas easter even though although because since until instead "
    "despite during under over about into through later earlier now still only just both all "
    "many some several most other another each every separately elsewhere writing outside "
    "inside above below amid among again already indeed instead thus hence sadly".split()
)

#: Common first names by gender, UK and US (hand-picked from the ONS and SSA
#: most-common lists, plus names frequent in UK and US politics).
MALE_NAMES = frozenset(
    "adam alan alex alexander alistair andrew angus anthony arthur barack ben benjamin bernie "
    "bill bob boris brandon brian charles charlie chris christopher chuck colin craig crispin "
    "dan daniel david dominic donald douglas ed edward eric frank gavin george gordon graham "
    "grant greg harry henry iain ian imran jack jacob jake james jamie jason jeff jeremy jim "
    "jimmy joe john jonathan joseph josh keir kevin khalid kwasi lee liam lindsay malcolm mark "
    "martin matt matthew michael mike mitch neil nicholas nick nigel oliver owen patrick paul "
    "pete peter philip rishi richard rob robert ron ross ryan sadiq sam samuel scott sean "
    "simon stephen steve steven stuart ted thomas tim timothy tom tony vince wes william "
    "ahmed ali hamza mohammed muhammad omar tariq yusuf "
    "aaron aidan alasdair alistair andy archie barry barrie callum calum cameron carl clive connor "
    "dale darren dean declan derek dennis duncan dylan euan ewan finlay fraser gareth gary gerald "
    "gerry glen glenn gregory hamish harold hugh hugo jay jerry jon jordan justin keith ken kenneth "
    "kieran kyle lewis luke marcus mario mick miles murray nathan nathaniel neville noel norman "
    "oscar phil raymond ray rhys roger rory roy russell shaun stanley terry theo toby travis "
    "trevor victor wayne zach zachary nadim rahul raj sanjay sunil".split()
)
FEMALE_NAMES = frozenset(
    "alexandria alice alison amanda amy andrea angela angie ann anna anne caroline catherine "
    "charlotte chloe claire diane elizabeth ellie emily emma grace hannah harriet helen hillary "
    "jacinda jane janet jennifer jess jessica jo joanna julia julie kamala karen kate katherine "
    "kathleen kemi laura layla lisa liz louise lucy margaret maria mary megan melania michelle "
    "nadine nancy natalie nicola nikki olivia penny pamela priti rachel rebecca rosie ruth "
    "sarah sharon sophie stella susan suella theresa tulip victoria yvette zarah ayesha fatima "
    "nadia nusrat rosena shabana "
    "abigail ada agnes aileen ailsa alexandra amber anita annabel annie audrey barbara beatrice "
    "bethany brenda bridget carla carol carole cheryl christine clare deborah debbie dawn eilidh "
    "eileen eleanor elaine ella eloise esther eve evelyn fiona frances gemma georgia gillian "
    "gloria heather hazel holly imogen irene isla isabel isobel jackie jacqueline jean jenny "
    "joan josephine joyce judith judy karen katie kirsty kristen leah linda lorna lynn lynne "
    "maggie mairi marie marion martha maureen mhairi monica morag nina nora patricia paula "
    "pauline priya rhiannon rita rose sally samantha sandra shirley siobhan sonia stephanie "
    "tessa tracey valerie vanessa wendy".split()
)

#: First names common beyond the UK and US (Irish, Nordic and German, Spanish, Italian and Portuguese,
#: South African, West African, South Asian, Maori), hand-picked from national most-common lists: a
#: pronoun finds a woman or a man named in any of them.
_MORE_FEMALE = frozenset(
    # French and Irish given names ("Delphine Ashgrove" had no gender: a blind article); French compounds and
    # Wolof, Mandinka and Fula ones (a blind wire story's "Ndèye Fatou Camara-Lobé")
    "delphine clodagh aisling eimear marie-claire marie-christine marie-france anne-marie isabelle sylvie "
    "nathalie céline celine brigitte chantal ndèye ndeye fatou aminata awa mariama aïssatou aissatou "
    # Malay given names ("Nurul Huda Salleh" lost "Nurul" as a sentence's opening word)
    "nurul siti nur noor "
    # common English given names the lists lacked (blind rounds 27 and 28)
    "rosalind bronwyn joanne catriona eliza marisol anneliese annette bernadette beth clara constance cynthia "
    "daisy diana donna doreen dorothy edith geraldine gwen hilary iris jill lorraine marian melanie miriam "
    "norma olive penelope philippa phyllis rosemary sheila suzanne sylvia tanya vera violet yvonne imani "
    "niamh aoife ciara sinead roisin mairead deirdre nuala brigid maeve orla grainne katrin lena annika ingrid "
    "astrid greta lucia sofia valentina camila isabella elena carmen nosipho thandiwe ngozi chiamaka amara "
    "aparna anjali deepa kavita mere aroha marissa tess renata corinne kayleigh shannon bev janice morven "
    "marguerite helena gail kirsten naomi teresa celeste jasmine camille maren colleen alicia anneline bec "
    "josee blessing chioma adaeze funmilayo folake lise ilse sanne carys "
    # Spanish, Portuguese and Catalan given names
    "maria maría carmen lucia lucía ana isabel pilar dolores rosa montserrat nuria núria marta laura "
    # Arabic given names, and "Umm" ("mother of") opening a woman's kunya: "Umm Yazan al-Sharif"
    "umm fatima fatma aisha mariam maryam layla leila huda rania salma amal hana zeinab zaynab yasmin "
    "yasmine dina rana samira nadia lina reem rasha ghada manal "
    # Yoruba, Igbo and Hausa given names
    "folasade funmilayo yetunde bukola adaeze chioma ifeoma nneka amaka titilayo bolanle omolara folake "
    "abimbola tolulope adunni zainab hadiza "
    # Hebrew given names
    "miri ayelet orit tzipi merav michal shira tamar noa yael limor galit hila keren einat orly rivka "
    # Bangladeshi: "Mst" (Mosammat) opens a woman's name
    "mst "
    # Egyptian given names
    "nermine nermeen shaimaa heba mona noha sherine shereen dalia doaa marwa azza nevine eman iman rehab abeer "
    # Nordic, Brazilian and Spanish given names
    "liv sigrid solveig ragnhild kari ingeborg hanne tove silje marit gabriela juliana fernanda mariana "
    "liisa aino anneke marieke agnieszka katarzyna malgorzata małgorzata "
    "beatriz leticia letícia daniela valeria valéria "
    # given names common among UK and US under-40s (ONS and SSA lists, 1985-2005)
    "ellen eleanor helen denise kayla brittany ashley courtney chelsea danielle jade jodie kelly kerry lauren leanne lindsey "
    "madison mia molly natasha paige rebekah robyn shauna stacey tiffany toni zoe zara abbie amelia ava "
    "freya poppy scarlett skye tia "
    # Indian given names
    "sunita anita kavya ananya priya pooja neha shreya divya lakshmi meera radha rekha sushma nirmala "
    # Cornish, Welsh, Irish and older British given names (a blind article's "Dr Morwenna Trask" had no gender)
    "morwenna tamsin jenna demelza keira kerensa bronwen cerys ffion nia sian siân eluned catrin saoirse caoimhe "
    "shona araminta cressida octavia letitia henrietta priscilla marjorie muriel beverley mabel akiko".split()
)
_MORE_MALE = frozenset(
    # French compounds and West African given names ("Jean-Baptiste Ilboudo-Sané", "Souleymane Ba-Toé": a
    # blind wire story; a bare "Jean" stays the English woman's name)
    "jean-baptiste jean-pierre jean-paul jean-claude jean-marc jean-luc jean-louis jean-michel pierre jacques "
    "françois francois philippe alain patrice emmanuel mamadou moussa ibrahima ousmane amadou souleymane "
    "lamine cheikh abdoulaye boubacar "
    "bernard adrian albert alec alfred basil bruce cyril damian desmond edmund elliot ernest eugene "
    "frederick geoffrey howard jeffrey leonard maurice ronald terence tobias vincent warren darnell "
    "sean seamus padraig cathal eoin ciaran donal colm fergal tadhg lorcan paudie jorg jurgen klaus henrik "
    "bernd lars nils anders olav tomas jonas stefan mateo rafael alejandro diego javier carlos miguel marco "
    "luca giovanni zukile luyolo sipho thabo kwame kofi sandeep rahul arjun vikram rawiri wiremu bradley "
    "wilfred walter dalton winston garfield alvin curtis wade leighton lachlan jonah hal teodoro eliseo "
    # Spanish, Portuguese and Catalan given names
    "juan jose josé antonio manuel francisco luis pedro pablo alvaro álvaro ramon ramón jordi xavier joao joão "
    # Arabic given names, and "Abu" ("father of") opening a man's kunya: "Abu Faris el-Naqeeb"
    "abu sami khalid hamdan faris omar ahmed ahmad mohammed muhammad mohamed mahmoud mustafa ali hassan "
    "hussein ibrahim youssef yusuf tariq karim nabil walid rami ziad fadi hani bassam jamal nasser saif "
    "abdullah abdul majid rashid salim saleh adel amr osama bilal hamza marwan ayman samir imad yahya imran "
    "irfan faisal shahid zahid asif arif tahir "
    # Yoruba, Igbo and Hausa given names
    "adewale olalekan tunde babatunde segun olusegun chinedu emeka ikenna obinna kunle femi wale tobiloba "
    "dapo gbenga kayode bayo nnamdi uche chukwuemeka "
    # Hebrew given names
    "menachem moshe yosef avraham yitzhak eli gideon yair benny itamar bezalel aryeh yoav avigdor naftali gilad "
    "ehud shlomo ofir uri oded chaim nachum amnon dov tzachi "
    # Bangladeshi: "Md" (Mohammed) opens a man's name
    "md "
    # Egyptian given names
    "sherif hisham tarek tarik wael hazem ashraf essam hatem mostafa moustafa khaled sameh magdy medhat "
    # Nordic, Brazilian and Spanish given names
    "kaua kauã thiago tiago gabriel lucas matheus vinicius vinícius rodrigo felipe gustavo bruno leonardo "
    "eduardo marcelo ricardo andre andré fernando sergio sérgio inaki iñaki gonzalo ignacio joaquin joaquín "
    "sigurd magnus erik olav bjorn björn halvard "
    # Dutch, Polish and Finnish given names
    "joost pieter jan sander bram ruud wouter tomasz piotr krzysztof marek pawel paweł mikko juha antti jukka "
    # given names common among UK and US under-40s (ONS and SSA lists, 1985-2005)
    "ashton brady brett chad cody corey dominick dwayne ethan jared jesse joel kane kai logan mason "
    "reece riley shane tyler tyrone zane zac zack "
    # Indian given names
    "naveen vivek rajesh suresh ramesh amit anil sunil vijay sanjay rakesh kapil ashok arvind manoj deepak "
    "pradeep rohit rahul "
    # older British, Welsh and Irish given names ("the then procurement minister, Julian Strand" had no gender,
    # so a "she said" could go to him)
    "julian rupert giles felix jasper quentin cormac fergus graeme vernon garry lionel percy reginald rodney "
    "cedric horace tristan benedict barnaby rufus ivor gwyn dafydd emrys rhodri owain iwan huw gethin aled "
    "idris chidi mehmet emre kenji hiroshi takeshi "
    # more Irish and Indian given names ("She said" went to "Ronan Figgis", of no known gender: a blind article)
    "ronan cian oisin niall darragh conor diarmuid anand ravi sanjeev farid kamal "
    # Canadian short forms ("Gord Pelletier asked why …; “…,” she replied" went to him: a blind town hall)
    "gord "
    # Slavic and German forms ("Commissioner General Petar Ilunga" had no gender, so "she said" went to him)
    "petar dragan goran zoran milan nikola ferdinand florian jens teodor gerrit rolf".split()
)
#: Kin nouns that tell a relative's gender ("his mother, Edith", "Her daughter, speaking to the BBC").
FEMALE_KIN = frozenset("daughter wife mother mum sister widow niece granddaughter grandmother aunt".split())
MALE_KIN = frozenset("son husband father dad brother widower nephew grandson grandfather uncle".split())
MALE_NAMES = MALE_NAMES | _MORE_MALE
FEMALE_NAMES = FEMALE_NAMES | _MORE_FEMALE
#: Every given name above, either gender (built once: a set union in a loop costs a copy each time).
GIVEN_NAMES = MALE_NAMES | FEMALE_NAMES

#: a capitalised word (any letters after the capital), or stacked initials ("S.R.", "H.W."); a plural
#: possessive inside a name keeps its apostrophe ("Supporters' Trust")
#: ... or an Arabic name with its article or particle joined by a hyphen ("al-Mannai", "el-Naqeeb", "Abd al-Rahman"),
#: or a French one with its elided "d'" ("Colleen d'Entremont");
#: a streaming service's "+" ends a word ("Lumen+", "Apple TV+")
_WORD = unicode_caps(
    r"(?:(?:[A-Z]\.){2,}|(?:(?:al|el|ad|ar|as|ash|at|az|an|ud|ul|ur|ed)[-‐‑]|d['’])?"
    r"[A-Z][^\W\d_]*(?:[-'’][^\W\d_]+)*(?:(?<=s)['’](?=[ \u00a0][A-Z]))?(?:\.|\+(?![\w+]))?)"
)
_PARTICLE = r"(?:de|da|das|dos|van|von|der|den|bin|ibn|bint|al|el|la|le|du|di|della|ter|los|las|del|y|i|ap|ab)"
#: a run of capitalised words joined by single spaces, particles allowed inside
#: a nickname in quotation marks between a first name and a surname: 'Margaret “Maggie” Thorne'
_NICKNAME = unicode_caps(r"(?:[\"“‘][A-Z][\w'’-]*[\"”’][ \u00a0])")
_RUN = re.compile(rf"(?<![\w'’-]){_WORD}(?:[ \u00a0]{_NICKNAME}?(?:{_PARTICLE}[ \u00a0]){{0,2}}{_WORD})*")
_POSSESSIVE = re.compile(r"['’]s?$")
#: Words that open a surname of two words or more: Irish ("Ní Mhurchú", "Ó Súilleabháin", "Mac
#: Lochlainn"), French, Dutch, German, Italian, Spanish and Portuguese ("du Roure", "van der Berg").
SURNAME_PARTICLES = frozenset(
    "ni nic o ui mac mhic du de des le la los las van von der den da di del della dos das ter "
    "ap ab".split()  # Welsh: "Rhodri ap Gwyn", "Mr ap Gwyn"
)
_NONSPACE = re.compile(r"\S+")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_ALLCAPS_KEEP = frozenset("mp mps msp mep snp dup gop appg bbc nhs uk us eu".split())


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Fold a word for comparison: lower case, accents and final dots removed.

    >>> fold("Müller.")
    'muller'
    """
    decomposed = unicodedata.normalize("NFKD", word)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.lower().rstrip(".").replace("’", "'")


def is_role_word(word: str) -> bool:
    """Return True when ``word`` is a role or party word that can precede a name.

    >>> is_role_word("MP"), is_role_word("Tory"), is_role_word("Crispin")
    (True, True, False)
    """
    w = fold(word)
    return w in ROLE_TITLES or w in ROLE_NOUNS or w in PARTY_WORDS


@dataclass(frozen=True)
class ParsedName:
    """A personal name split into its parts (all as written, without dots)."""

    honorific: str | None
    first: str | None
    middle: tuple[str, ...]
    last: str | None
    #: a nickname written in quotation marks inside the name ('Margaret “Maggie” Thorne'), not one of its tokens
    nickname: str | None = field(default=None, repr=False)
    #: the words in written order, where the surname does not come last ("Tan Boon Kiat")
    written: tuple[str, ...] | None = field(default=None, repr=False)

    @property
    def tokens(self) -> tuple[str, ...]:
        """The name's own words in written order, honorific excluded."""
        if self.written:
            return self.written
        parts = ([self.first] if self.first else []) + list(self.middle) + ([self.last] if self.last else [])
        return tuple(parts)

    @property
    def is_full(self) -> bool:
        """True when both a first and a last name are known."""
        return self.first is not None and self.last is not None


def parse_name(name: str) -> ParsedName:
    """Split ``name`` into honorific, first, middle and last names.

    A single word after an honorific is a surname ("Mr Blunt"); a single bare
    word is taken as a surname too, the usual partial form in news.

    >>> parse_name("Mr Crispin Blunt")
    ParsedName(honorific='Mr', first='Crispin', middle=(), last='Blunt')
    >>> parse_name("Imran Ahmad Khan").middle
    ('Ahmad',)
    >>> parse_name("Blunt")
    ParsedName(honorific=None, first=None, middle=(), last='Blunt')
    >>> parse_name("Aoife Ní Mhurchú").last, parse_name("Ní Mhurchú").last, parse_name("Mark van der Berg").last
    ('Ní Mhurchú', 'Ní Mhurchú', 'van der Berg')
    >>> parse_name("Margaret “Maggie” Thorne").tokens, parse_name("Margaret “Maggie” Thorne").nickname
    (('Margaret', 'Thorne'), 'Maggie')
    >>> parse_name("Lady Justice Carrowby")
    ParsedName(honorific='Lady Justice', first=None, middle=(), last='Carrowby')
    >>> parse_name("Madam Lim Siew Hoon").last, parse_name("Kelvin Ong Jia Wei").last, parse_name("Tan Boon Kiat").tokens
    ('Lim', 'Ong', ('Tan', 'Boon', 'Kiat'))
    """
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    quoted = [w for w in words if len(w) > 2 and w[0] in "\"“‘" and w[-1] in "\"”’"]  # a nickname in quotes
    nickname = quoted[0][1:-1] if quoted else None
    words = [w for w in words if w not in quoted]
    words = [_POSSESSIVE.sub("", w) if i == len(words) - 1 else w for i, w in enumerate(words)]
    honorific = None
    while words and (fold(words[0]) in HONORIFICS or fold(words[0]) in ROLE_TITLES) and len(words) > 1:
        # the last title, after a gendered honorific kept with it ("Lady Justice", "Mr Justice")
        honorific = f"{honorific} {words[0].rstrip('.')}" if honorific and HONORIFICS.get(fold(honorific)) \
            else words[0].rstrip(".")
        words = words[1:]
    # generational suffixes are not surnames
    while len(words) > 1 and fold(words[-1]) in {"jr", "sr", "ii", "iii", "mp", "qc", "kc"}:
        words = words[:-1]
    words = [w.rstrip(",") for w in words if w.rstrip(",")]
    if not words:
        return ParsedName(honorific, None, (), None)
    # "Aoife Ní Mhurchú", "Nathalie du Roure", "Mark van der Berg": the particles belong to the surname
    while len(words) >= 2 and fold(words[-2]) in SURNAME_PARTICLES:
        words = [*words[:-2], f"{words[-2]} {words[-1]}"]
    # "Carmen de los Ríos Albarrán": two surnames, the first opened by particles
    inner = next((k for k in range(1, len(words) - 1) if fold(words[k]) in SURNAME_PARTICLES), None)
    if inner is not None and all(fold(w) in SURNAME_PARTICLES for w in words[inner:-2]):
        words = [*words[:inner], " ".join(words[inner:])]
    if len(words) >= 4 and fold(words[-2]) in ("y", "i"):  # "Juan Carlos Ruiz y Sánchez": both surnames
        words = [*words[:-3], " ".join(words[-3:])]
    if len(words) == 1:
        return ParsedName(honorific, None, (), words[0])
    chinese = _surname_first(words)
    if chinese is not None:
        return chinese if honorific is None else replace(chinese, honorific=honorific)
    return ParsedName(honorific, words[0], tuple(words[1:-1]), words[-1], nickname)


#: Common Chinese surnames as romanised in Singapore, Malaysia, Hong Kong, Taiwan and mainland China.
CHINESE_SURNAMES = frozenset(
    "tan lim lee ng ong wong goh chua chan koh teo ang yeo tay ho low toh sim chong chia lau leong chew "
    "loh quek heng yap foo kwok lai cheng chen wang li zhang liu yang huang zhao wu zhou xu sun ma zhu hu "
    "guo lin luo liang song zheng xie han tang feng deng cao peng zeng xiao tian dong yuan pan cai jiang "
    "yu du ye cheung leung yip tsang fung siu kwan mok lam chow chu au kong poon tse".split()
)
#: Syllables of Chinese given names as romanised there ("Boon Kiat", "Siew Hoon", "Jia Wei", "Ka-chiu").
CHINESE_SYLLABLES = frozenset(
    "boon kiat siew hoon jia wei mei ling wai kin hui min kok keong chee seng kah yew chin choon hock soon beng "
    "teck tiong ah lay kim eng ying xin yi jun hao ming hong hua jie yan zhi qiang wen jing fang ping lei tao "
    "kai kah poh geok swee guan hwee leng yong heng kwang chuan siang liang sheng long chun ka yan wing "
    "man kit fai sze ngai hin tsz lok yat kwok shu xiao yun lan feng hai tian yong zhen rui han bin bo".split()
)


#: Common Korean surnames as romanised in English-language news ("Park Seong-ho", "Lee Ga-eun").
KOREAN_SURNAMES = frozenset(
    "kim lee yi park pak choi choe jung jeong chung kang cho jo yoon yun jang chang lim im han oh seo suh shin "
    "kwon hwang ahn an song yoo yu hong jeon jun ko go moon mun yang son bae baek paik heo huh nam noh roh ha "
    "kwak sung cha joo woo min ryu na jin ji chae won bang gong hyun byun yeo do seok ma ban".split()
)
#: A Korean given name romanised with a hyphen: "Seong-ho", "Ga-eun", "Hyun-woo".
_KOREAN_GIVEN = re.compile(r"[A-Z][a-z]{1,4}-[a-z]{1,4}")


def _surname_first(words: list[str]) -> ParsedName | None:
    """A Chinese name written surname first, with or without an English given name before it: "Tan Boon
    Kiat" and "Kelvin Ong Jia Wei" are Mr Tan and Mr Ong; a Korean one: "Lee Ga-eun" is Ms Lee, of no
    gender a list of English first names could tell ("Lee" is one).

    >>> _surname_first(["Lee", "Ga-eun"]).last, _surname_first(["Park", "Seong-ho"]).first
    ('Lee', 'Seong-ho')
    """
    if len(words) == 2 and fold(words[0]) in KOREAN_SURNAMES and _KOREAN_GIVEN.fullmatch(words[1]):
        return ParsedName(None, words[1], (), words[0], written=tuple(words))
    if len(words) not in (3, 4) or fold(words[-3]) not in CHINESE_SURNAMES:
        return None
    given = [fold(w) for w in words[-2:]]
    if not all(g in CHINESE_SYLLABLES for g in given):
        return None
    if len(words) == 4:
        return ParsedName(None, words[0], tuple(words[-2:]), words[-3], written=tuple(words))
    return ParsedName(None, words[-2], (words[-1],), words[-3], written=tuple(words))


def gender_of(name: ParsedName | str) -> str | None:
    """Return ``"male"``, ``"female"`` or None from an honorific or a first name.

    >>> gender_of("Mrs Khan"), gender_of("Crispin Blunt"), gender_of("Dr Smith")
    ('female', 'male', None)
    """
    parsed = parse_name(name) if isinstance(name, str) else name
    if parsed.honorific:
        h = fold(parsed.honorific.split()[0])  # ("Lady Justice": a woman)
        g = HONORIFICS.get(h, ROLE_TITLES.get(h))
        if g:
            return g
    if parsed.first:
        f = fold(parsed.first)
        if f in MALE_NAMES:
            return "male"
        if f in FEMALE_NAMES:
            return "female"
    return None


@dataclass(frozen=True)
class NameSpan:
    """A name found in a text.

    ``start``/``end`` cover the name itself (honorific included, possessive
    "'s" and pre-nominal roles excluded); ``prefix`` is the pre-nominal role
    as written ("Tory MP") and ``prefix_start`` where it begins; ``type`` is
    PERSON or ORG; ``possessive`` says the name carried "'s".
    """

    start: int
    end: int
    text: str
    type: str
    prefix: str | None = None
    prefix_start: int | None = None
    possessive: bool = False


def _classify(words: list[str]) -> str | None:
    """PERSON, ORG or None for a run of capitalised words (roles peeled off)."""
    folded = [fold(w) for w in words]
    if any(w in ORG_WORDS for w in folded) or words[-1].endswith("+") or "&" in words:
        return "ORG"  # ... and a streaming service: "Lumen+", "Apple TV+"; "Marlowe & Finch"
    if len(words) > 1 and folded[-1] == "general" and folded[0] not in ROLE_TITLES:
        return "ORG"  # "Fernleigh General", "Massachusetts General": a hospital ("General Smith" is a person)
    if len(words) > 1 and folded[-1] in UTILITY_WORDS and folded[0] not in MALE_NAMES and folded[0] not in FEMALE_NAMES:
        return "ORG"  # "Cascade Ridge Power", not "Samantha Power"
    if len(words) > 1 and (folded[-1] in ROLE_NOUNS or folded[-1] in PARTY_WORDS):
        return None  # "Texas Republican": a description, not a name
    if all(w in NOT_NAME_WORDS for w in folded):
        return None
    if len(words) > 1 and (folded[-1] in PLACE_WORDS or (folded[0] in PLACE_FIRST_WORDS and folded[0] not in GIVEN_NAMES)):
        return None  # "Marlow Crossing", "Lake Sikuaq": a place, not a person (but "Glen Abernathy" is one)
    if len(words) > 1 and folded[-1] in BUILDING_WORDS and folded[0] not in GIVEN_NAMES and folded[0] not in HONORIFICS \
            and folded[0] not in ROLE_TITLES:
        return None  # "Brantwhistle Mill", "Kelsey Abbey": a building (but "Barbara Castle" is a person)
    if len(words) > 1 and folded[-1] in COMPASS_WORDS and folded[0] not in GIVEN_NAMES:
        return None  # "Ogbomoso North", "Dublin Bay North": a constituency or district
    if folded[0] in HONORIFICS or folded[0] in ROLE_TITLES:
        return "PERSON" if len(words) > 1 else None
    if folded[0] in MALE_NAMES or folded[0] in FEMALE_NAMES:
        return "PERSON"
    if " ".join(folded) in COUNTRY_NAMES:
        return None  # "South Africa": a place, as "Lake Sikuaq" is (not a company "it" can take)
    if _ends_in_country(folded):
        return "ORG"  # "Cricket South Africa", "Football Australia": a body named for a country
    if any(f in NOT_NAME_WORDS for w, f in zip(words, folded) if not (w.islower() and f in SURNAME_PARTICLES)):
        # (a surname's particle is no stop word: "Rhodri ap Gwyn")
        return None
    if len(words) >= 2 and all(not w.isupper() or len(w) <= 2 or _INITIALS.fullmatch(w + ".") for w in words):
        return "PERSON"  # stacked initials are a name's: "S.R. Kempanna", "George H.W. Bush"
    return None


#: Letters after a name that are not part of it: seats (MP, MSP, MS and AM in Wales, MLA, MEP,
#: TD) and honours or ranks (QC, KC, OBE, ...). Written in capitals; "Ms" before a name is an honorific.
POSTNOMINALS = frozenset("MP MPS MSP MS AM MLA MEP TD MK QC KC OBE MBE CBE KBE DBE".split())


def _is_postnominal(word: str) -> bool:
    return word.rstrip(".,") in POSTNOMINALS


def strip_postnominals(name: str) -> str:
    """``name`` without the letters after it that are not part of it.

    >>> strip_postnominals("Carys Morgan MS"), strip_postnominals("Jane Smith MP QC"), strip_postnominals("Ms Smith")
    ('Carys Morgan', 'Jane Smith', 'Ms Smith')
    """
    words = name.split()
    while len(words) > 1 and _is_postnominal(words[-1]):
        words.pop()
    return name[: name.rfind(words[-1]) + len(words[-1])] if words else name


#: National and place words in NOT_NAME_WORDS that open the names of bodies ("UK Health Security Agency", "Scottish Water",
#: "London Metro Transport").
NATIONAL_WORDS = frozenset("uk us usa british american english scottish welsh london washington scotland wales england britain america".split())


def find_names(text: str, start: int = 0, end: int | None = None) -> list[NameSpan]:
    """Find personal and organisation names in ``text[start:end]``.

    Single unprefixed capitalised words are not returned (they are matched
    later against the surnames of people already found).

    Args:
        text: the text to scan (offsets are indices into it).
        start: where to begin.
        end: where to stop; the end of ``text`` when None.

    Returns:
        Names in text order.

    >>> [(n.text, n.prefix, n.type) for n in find_names("TORY MP Crispin Blunt has apologised to Mr Khan.")]
    [('Crispin Blunt', 'TORY MP', 'PERSON'), ('Mr Khan', None, 'PERSON')]
    >>> [(n.text, n.type) for n in find_names("A Home Office spokesperson said.")]
    [('Home Office', 'ORG')]
    >>> [(n.text, n.type) for n in find_names("Northbank Rovers captain Kirsty Dunbar")]
    [('Northbank Rovers', 'ORG'), ('Kirsty Dunbar', 'PERSON')]
    >>> [(n.text, n.prefix) for n in find_names("He met Harvest Plate chief executive Desmond Chia.")]
    [('Desmond Chia', 'Harvest Plate chief executive')]
    >>> [(n.text, n.prefix) for n in find_names("Opposition Leader in the National Assembly Syed Ali Hamdani said.")]
    [('Syed Ali Hamdani', 'Opposition Leader in the National Assembly')]
    >>> [(n.text, n.type) for n in find_names("The Rawalpindi-Islamabad Traders Chamber said.")]
    [('Rawalpindi-Islamabad Traders Chamber', 'ORG')]
    >>> [(n.text, n.type) for n in find_names("The Kelbrook Residents' Association said.")]
    [("Kelbrook Residents' Association", 'ORG')]
    >>> [(n.text, n.type) for n in find_names("Rusdi, 52, the head of Sidomulyo village, said so.")]
    [('Rusdi', 'PERSON')]
    >>> [(n.text, n.type) for n in find_names("Among them was Amna, a 27-year-old mother of four.")]
    [('Amna', 'PERSON')]
    >>> [(n.text, n.type) for n in find_names("the British Track Federation said. US President Dana Hale said.")]
    [('British Track Federation', 'ORG'), ('Dana Hale', 'PERSON')]
    """
    end = len(text) if end is None else end
    found: list[NameSpan] = []
    for run_start, run in _joined_runs(text, start, end):
        for sentence_start, sentence_part in _split_sentences(run_start, run):
            for offset, part in _possessive_parts(sentence_start, sentence_part):
                if part in _TITLE_HEADS and _TITLE_OF.match(text, offset + len(part)):
                    continue  # "Dean | of Students Rebecca Anand": a title's head, not a man named Dean
                gerund = _GERUND_OPENER.match(part)
                if gerund and _opens_sentence(text, offset) and _COMMA_THEN_SUBJECT.match(text, offset + len(part)):
                    # "Opening Question Time, Te Whata asked …": a fronted participle's object, not a name (but
                    # "Brightwing Airways, which operates …" is a company's)
                    continue
                names = [_without_former(n) for n in _split_run(text, offset, part) if not _premodifies_role(text, n)]
                if not names and " " not in part and AGE_AFTER.match(text, offset + len(part)) \
                        and fold(part) not in NOT_NAME_WORDS and fold(part) not in COUNTRY_NAMES and part[1:].islower():
                    # "Rusdi, 52, the head of …", "said Socorro, 67,": one name and an age is a person
                    names = [NameSpan(offset, offset + len(part), part, "PERSON")]
                found.extend(names)
    return found


_NOT_OF_THE_NAME = re.compile(
    r"(?:Former|FORMER|Ex|[A-Z][\w'’]*-(?:based|born|bred|headquartered|listed|owned|registered)"
    r"|Grade[ \u00a0]+I{1,2}\*?-listed)[ \u00a0-]+(?=[A-Z])"
)


def _without_former(n: NameSpan) -> NameSpan:
    """A name run opened by a headline's "Former" ("Former Kestrel boss tells …"), or by a place's adjective
    ("Hamburg-based Veltmar Container Line", "Dublin-born Aoife Brennan"): the name after it."""
    m = _NOT_OF_THE_NAME.match(n.text)
    if m is None or n.prefix is not None:
        return n
    return NameSpan(n.start + m.end(), n.end, n.text[m.end() :], n.type, n.prefix, n.prefix_start, n.possessive)


#: The comma after a fronted participle's phrase and the subject after it: ", Te Whata asked", ", she said".
_COMMA_THEN_SUBJECT = re.compile(r",\s+(?:[A-Z]|(?:he|she|they|it|we|I)\b)")
#: A participle opening a capitalised run: "Opening Question Time", "Closing the debate".
_GERUND_OPENER = re.compile(r"[A-Z][a-z]+ing\s+[A-Z]")
#: Title heads that take a portfolio before a name ("Dean of Students Rebecca Anand"); see _PORTFOLIO_BEFORE.
_TITLE_HEADS = frozenset("Dean Director Chief Head Provost".split())
_TITLE_OF = re.compile(r"[ \u00a0]+(?:of|for)[ \u00a0]+(?:the[ \u00a0]+)?[A-Z][\w'’-]*(?:[ \u00a0]+[A-Z][\w'’-]*){1,5}")


#: What makes a source unnamed right after it is introduced: ", speaking on condition of anonymity", ", who
#: asked not to be named", ", who declined to be identified", ", who has not been named".
UNNAMED_AFTER = re.compile(r",?\s+(?:speaking\s+on\s+(?:the\s+)?condition\s+of\s+anonymity|who\s+(?:asked|declined|requested|wished)"
                           r"\s+(?:not\s+)?to\s+(?:be\s+)?(?:named|identified|give)|speaking\s+anonymously"
                           r"|who\s+asked\s+(?:me|us|the\s+\w+)\s+not\s+to\s+(?:print|publish|use)\s+(?:his|her|their)\s+(?:full\s+)?name"
                           r"|who\s+(?:did\s+not|didn['’]t)\s+(?:want|wish)\s+to\s+(?:be\s+(?:named|identified)"
                           r"|give\s+(?:his|her|their)\s+(?:full\s+)?(?:sur)?name)"
                           r"|who\s+(?:has|have|had)\s+not\s+been\s+(?:named|identified)|who\s+cannot\s+be\s+(?:named|identified)"
                           # "One paramedic, who has worked for the trust for 14 years and did not want to be named,"
                           r"|who\s+[^,.;]{0,80}?\band\s+(?:(?:did\s+not|didn['’]t)\s+(?:want|wish)|asked\s+not)\s+to\s+be\s+(?:named|identified)"
                           # "who was granted anonymity", "who was given anonymity to speak freely"
                           r"|who\s+(?:was|were|had\s+been)\s+(?:granted|given|offered)\s+anonymity"
                           # "A paramedic who was among the first clinicians to treat Ellie gave evidence from behind a
                           # screen and was not named in court": unnamed, said later in the same sentence
                           r"|[^.;]{0,120}?\b(?:was|were|is|are)\s+not\s+(?:named|identified)\b"
                           r"|[^.;]{0,120}?\b(?:cannot|could\s+not|can\s+not)\s+be\s+(?:named|identified)\b"
                           # "A senior lecturer …, who has worked at the university for 17 years, asked not to be named"
                           r"|(?:who\s+[^,.;]{1,80},\s+)?(?:(?:asked|requested)\s+not|declined)\s+to\s+be\s+(?:named|identified))")

#: An age in commas after a name: "Rusdi, 52,", "Amna, a 27-year-old mother of four".
AGE_AFTER = re.compile(r",[ \u00a0]+(?:\d{1,3},|an?[ \u00a0]+\d{1,3}-year-old\b)")


#: Honorifics that only ever open a person's name, so a run is cut before one ("National Assembly | Syed
#: Zulqarnain Hamdani"); not "Lord", "Lady" or "Sir", which stand inside the names of places and bodies.
_NAME_OPENERS = frozenset("mr mrs ms dr syed makhdoom chaudhry sheikh begum smt shri alhaji madam".split())


def _possessive_parts(offset: int, run: str) -> list[tuple[int, str]]:
    """Cut a run after an inner singular possessive, unless the rest names an organisation.

    "Nigeria's Ngozi Okonjo-Iweala" is a country and a person, and "Tully's
    Harbor Lights" a person and her film; "Lloyd's Banking Group" stays one name.

    >>> _possessive_parts(0, "Nigeria’s Ngozi Okonjo-Iweala"), _possessive_parts(0, "Lloyd's Banking Group")
    ([(0, 'Nigeria’s'), (10, 'Ngozi Okonjo-Iweala')], [(0, "Lloyd's Banking Group")])
    >>> _possessive_parts(0, "Eastern Cape’s Mthombo Local Municipality")
    [(0, 'Eastern Cape’s'), (15, 'Mthombo Local Municipality')]
    """
    for m in _INNER_POSSESSIVE.finditer(run):
        rest = run[m.end() :]
        owner = fold(run[: m.start()].rsplit(None, 1)[-1])
        # a place owns the body after it: "the Eastern Cape's Mthombo Local Municipality", "London's Met"
        if owner in PLACE_WORDS or owner in NOT_NAME_WORDS or not any(fold(w) in ORG_WORDS for w in rest.split()):
            return [(offset, run[: m.end() - 1]), *_possessive_parts(offset + m.end(), rest)]
    return [(offset, run)]


#: A word ending in a singular possessive inside a run ("Tully’s Harbor Lights"), with the space after it.
_INNER_POSSESSIVE = re.compile(r"(?<=\w)['’]s[ \u00a0](?=\S)")
#: Lower-case nouns for a person's part in a film, band, team or story, which open a pre-nominal
#: description like the roles in :data:`ROLE_NOUNS` ("Harbor Lights co-star Dev Malhotra"); hand-listed.
PERFORMER_NOUNS = frozenset(
    "actor actress star co-star costar singer rapper guitarist drummer frontman frontwoman bandmate castmate "
    "presenter host reporter producer writer creator player teammate striker midfielder defender goalkeeper "
    "winger forward".split()
)
#: A capitalised run followed by a lower-case role and another name: the run modifies the role.
_ROLE_THEN_NAME = re.compile(
    # the role is the last of up to three lower-case words: "Harvest Plate chief executive Desmond Chia"
    r"[ \u00a0]+(?:(?:former|fellow|new|longtime|veteran)[ \u00a0]+)?(?:[a-z][a-z-]*[ \u00a0]+){0,2}?([a-z][a-z-]*)[ \u00a0]+[A-Z]"
)


def _premodifies_role(text: str, name: NameSpan) -> bool:
    """Whether an unprefixed 'person' is really a title before a role ("Harbor Lights co-star Dev Malhotra").

    Only a run with no first name, honorific or role of its own is judged
    this way: "Jane Smith lawyer Tom Jones" is rare, "Harbor Lights co-star
    Dev Malhotra" and "Grey Lantern actor Tom Jones" are not.
    """
    if name.type != "PERSON" or name.prefix is not None:
        return False
    first = fold(name.text.split()[0])
    if first in MALE_NAMES or first in FEMALE_NAMES or first in HONORIFICS or first in ROLE_TITLES:
        return False
    m = _ROLE_THEN_NAME.match(text, name.end)
    return bool(m) and (m.group(1) in ROLE_NOUNS or m.group(1) in PERFORMER_NOUNS)


#: A role title and the "for"/"of" of its portfolio, just before a run ("Minister for | Housing Martin
#: Cusack", "Secretary of State for | Scotland Ian Murray").
_PORTFOLIO_BEFORE = re.compile(
    r"\b(?:(?:Minister|Secretary|Commissioner|Spokesperson|Spokesman|Spokeswoman|Minister of State|Secretary of State|MEC)"
    r"[ \u00a0]+(?:for|of|on)"
    # "Dutch Ambassador to Ukraine Maarten Verhoeven", "Leader of (the) Opposition Kamla Ahirwar"
    r"|(?:Ambassador|Envoy|High Commissioner|Consul(?:-General)?)[ \u00a0]+to|(?:Leader|Speaker)[ \u00a0]+of"
    # "Liberal senator for Tasmania Bronwyn Astley", "Labour MP for Wakefield Jo Bell"
    r"|(?:[Ss]enator|MP|MSP|MLA|TD|[Mm]ember|[Cc]ouncill?or)[ \u00a0]+for"
    # "Dean of Students Rebecca Anand", "Director of Athletics Tom Reyes", "Chief of Staff Jo Bell"
    r"|(?:(?:Associate|Assistant|Deputy|Vice)[ \u00a0]+)?(?:Dean|Director|Chief|Head|Provost|Vice[ -]President)[ \u00a0]+(?:of|for)"
    # "Opposition Leader in the National Assembly Syed Zulqarnain Hamdani"
    r"|(?:[A-Z][a-z]+[ \u00a0]+)?(?:Leader|Speaker|Whip)[ \u00a0]+in)"
    r"[ \u00a0]+(?:the[ \u00a0]+)?(?:(?:[A-Z][\w'’-]*[ \u00a0]+){1,4}(?:and|&)[ \u00a0]+)?$"
)
#: Heads of organisation names that take "of"/"for"/"on" after them ("Bank of England", "Union of Wales").
ORG_HEADS = frozenset(
    "bank union department ministry office council committee commission agency authority association "
    "institute foundation federation board service services society college university court trust friends "
    "center centre centers centres conference archdiocese diocese coalition league network forum "
    "congress assembly confederation parents families citizens chamber".split()
)
#: Last words of organisation names joined by "and" ("Securities and Exchange Commission").
ORG_TAILS = ORG_HEADS | {"administration", "corporation", "company", "group"}
#: Offices held by one person that are named as bodies ("the Independent Standards Commissioner for …").
_OFFICE_HEADS = frozenset({"commissioner", "ombudsman"})
_JOIN = re.compile(r"(?:[ \u00a0](?:(?P<of>of|for|on)(?:[ \u00a0]the)?|and|&)|(?P<comma>,))[ \u00a0]$")


def _joined_runs(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """Capitalised runs, those of one organisation's name joined across "of", "for", "on", "and" or "&".

    >>> [r for _, r in _joined_runs("The Bank of England and the Securities and Exchange Commission said", 0, 67)]
    ['The Bank of England', 'Securities and Exchange Commission']
    """
    runs = [(m.start(), m.end()) for m in _RUN.finditer(text, start, end)]
    out: list[tuple[int, int]] = []
    for s, e in runs:
        if out:
            ps, pe = out[-1]
            gap = text[pe:s]
            joined = _JOIN.match(gap) if len(gap) <= 10 else None
            if joined and joined.group("comma") and not _in_portfolio(text[ps:pe], text[s:e]):
                joined = None  # a comma joins only the portfolios of a department ("Environment, Food and …")
            if joined and (_org_join(text[ps:pe], text[s:e], bool(joined.group("of")))
                           or (gap.strip() == "&" and _ampersand_join(text[ps:pe], text[s:e]))):
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return [(s, text[s:e]) for s, e in out]


def _titled_before(text: str, prefix: str | None, start: int) -> bool:
    """Whether a role or a title stands right before the name at ``start``: a pre-nominal ``prefix`` the run held
    ("Sen."), or a lower-case role word ("council member", "spokeswoman")."""
    if prefix is not None:
        return True
    before = text[max(0, start - 24) : start].split()
    return bool(before) and (fold(before[-1]) in _ROLE_WORDS_BEFORE or fold(before[-1].rstrip(".")) in ROLE_TITLES
                             or fold(before[-1].rstrip(".")) in HONORIFICS)


def _in_portfolio(left: str, right: str) -> bool:
    """Whether ``right`` goes on the list of what a body is "of": "Department of Water | Regional Resilience".

    The left part must be an organisation's head with "of" or "for" ("Ministry
    of Housing", "Department for Environment"), the right part at most three
    capitalised words naming no person, role or body of its own.

    >>> _in_portfolio("Department of Water", "Regional Resilience"), _in_portfolio("Department of Justice", "Attorney General Ann Lee")
    (True, False)
    >>> _in_portfolio("Office for Crime", "Justice Statistics"), _in_portfolio("Department of Health", "Justice Ann")
    (True, False)
    """
    words = [fold(w.strip(".,")) for w in left.split()]
    heads = [i for i, w in enumerate(words[:-1]) if w in ORG_HEADS and words[i + 1] in ("of", "for")]
    if not heads:
        return False
    rest = [fold(w.strip(".,")) for w in right.split()]
    return len(rest) <= 3 and not any(
        w in HONORIFICS or w in MALE_NAMES or w in FEMALE_NAMES or w in ROLE_NOUNS
        # "… and Justice Statistics", "… and Infrastructure" end a portfolio, not a body
        or (w in ORG_WORDS and w not in SECTOR_WORDS)
        # "Justice" is a judge's title, and a portfolio too: "Office for Crime and Justice Statistics"
        or (w in ROLE_TITLES and not (w in POLICY_WORDS_LOWER and len(rest) > 1))
        for w in rest
    ) and not right.isupper()


def _ampersand_join(left: str, right: str) -> bool:
    """Whether "left & right" is one firm's name ("Marlowe & Finch", "Procter & Gamble"): two short runs,
    neither opening with an honorific or a given name.

    >>> _ampersand_join("Marlowe", "Finch"), _ampersand_join("Mr Smith", "Jones")
    (True, False)
    """
    parts = [left.split(), right.split()]
    return all(0 < len(p) <= 2 for p in parts) and not any(
        fold(p[0]) in HONORIFICS or fold(p[0]) in MALE_NAMES or fold(p[0]) in FEMALE_NAMES for p in parts)


def _org_join(left: str, right: str, of: bool) -> bool:
    words = [fold(w.strip(".,")) for w in left.split()]
    if of:  # "Bank | of | England": the left part ends with an organisation's head
        if words[-1] in _OFFICE_HEADS:
            # "Independent Standards Commissioner | for | Local Government", an office that speaks as a body;
            # not "EU Commissioner for | Trade Cecilia Malmström", a title before its holder's name: what the
            # office is for must end as a body's name does
            return fold(right.split()[-1].strip(".,")) in ORG_WORDS
        return words[-1] in ORG_HEADS
    if _in_portfolio(left, right):  # "Department of Water | and | Regional Resilience"
        return True
    # "Securities | and | Exchange Commission": the right part ends with one, the left names no person (a
    # place may open it when a paired sector closes it: "Severn Valley Fire | and | Rescue Service")
    return fold(right.split()[-1].strip(".,")) in ORG_TAILS and (len(words) <= 2 or words[-1] in _PAIRED_SECTORS) \
        and not any(w in HONORIFICS or w in MALE_NAMES or w in FEMALE_NAMES for w in words)


#: First halves of the paired sectors UK and US public bodies are named for ("Fire and Rescue Service", "Police and
#: Crime Commissioner", "Health and Social Care Partnership"); hand-listed.
_PAIRED_SECTORS = frozenset("fire police health food environment arts culture trade science heritage".split())


def _split_sentences(offset: int, run: str) -> list[tuple[int, str]]:
    """Cut a run after a full stop that ends a word, not an initial or a title ("Dorries. She")."""
    parts = []
    begin = 0
    for m in _NONSPACE.finditer(run):
        word = m.group()
        if word.endswith(".") and len(word) > 2 and fold(word) not in HONORIFICS and (
                fold(word) not in ROLE_TITLES or len(word) > 6):  # "Gen." and "Supt." go on; "Mr Speaker. The" ends
            if not _INITIALS.fullmatch(word):
                parts.append((offset + begin, run[begin : m.end() - 1]))
                begin = m.end() + 1
    if begin < len(run):
        parts.append((offset + begin, run[begin:]))
    return [(o, r) for o, r in parts if r.strip()]


#: A campaign named by its demand: "Save Our Libraries", "Keep Our NHS Public", "Stop The Pylons" (a verb and "Our" or
#: "The" open no other name).
_CAMPAIGN_NAME = re.compile(r"(?:Save|Stop|Keep|Protect|Defend)[ \u00a0]+(?:Our|The)[ \u00a0]+[A-Z]\S*(?:[ \u00a0]+\S+)*")


def _split_run(text: str, offset: int, run: str) -> list[NameSpan]:
    """Turn one capitalised run into names: drop leading function words, peel roles."""
    words = [(m.start() + offset, m.group()) for m in _NONSPACE.finditer(run)]
    if _CAMPAIGN_NAME.fullmatch(run):
        # "Save Our Libraries, which handed in a petition …, said": one campaign group
        return [NameSpan(offset, offset + len(run), run, "ORG")]
    portfolio = (_PORTFOLIO_BEFORE.search(text, max(0, offset - 60), offset)
                 if text.endswith(("for ", "of ", "on ", "the ", "and ", "& ", "to "), max(0, offset - 4), offset) else None)
    if portfolio and len(words) > 2:
        # "Minister for | Housing Martin Cusack": the portfolio runs up to the first name
        first = next((i for i, (_, w) in enumerate(words)
                      if fold(w) in MALE_NAMES or fold(w) in FEMALE_NAMES or fold(w) in _NAME_OPENERS), None)
        if not first:
            # no given name known: the portfolio ends at its last policy or body word ("Supply and Internal
            # Trade | Sherif Abdel Rahman El-Sayed", "the House | Hisham Saad el-Din Ghoneim"), else two words
            # are the name
            last = max((i for i, (_, w) in enumerate(words[:-2])
                        if fold(w) in POLICY_WORDS_LOWER or fold(w) in ORG_WORDS), default=None)
            first = last + 1 if last is not None else len(words) - 2
        cut = first
        if cut > 0:
            prefix_start = portfolio.start()
            s, e = words[cut][0], words[-1][0] + len(words[-1][1])
            kind = _classify([w for _, w in words[cut:]])
            return [NameSpan(s, e, text[s:e], kind, text[prefix_start : words[cut - 1][0] + len(words[cut - 1][1])],
                             prefix_start)] if kind == "PERSON" else []
    inner = next((i for i, (_, w) in enumerate(words[1:-1], 1) if fold(w.rstrip(".")) in _NAME_OPENERS), None)
    if inner is not None and not all(_is_prenominal(w) for _, w in words[:inner]):
        # "Opposition Leader in the | National Assembly Syed Zulqarnain Hamdani": a body, then a person
        # whose honorific opens his name
        cut = words[inner][0]
        return _split_run(text, offset, run[: cut - offset].rstrip()) + _split_run(text, cut, run[cut - offset :])
    possessive = False
    last_pos, last_word = words[-1]
    stripped = _POSSESSIVE.sub("", last_word) if _POSSESSIVE.search(last_word) else last_word
    if stripped != last_word and stripped:
        possessive = True
        words[-1] = (last_pos, stripped)
    words = [(p, w.rstrip(".") if fold(w) not in HONORIFICS and fold(w) not in ROLE_TITLES else w) for p, w in words]
    bare_words = [w for _, w in words]
    while len(bare_words) > 1 and _is_postnominal(bare_words[-1]):
        bare_words.pop()
    if len(bare_words) > 2 and fold(bare_words[0]) in ("st", "saint") and fold(bare_words[-1]) in COMPASS_WORDS:
        return []  # "St Andrew South West (MP)": a constituency, not a person
    lead = None
    while words and fold(words[0][1]) in NOT_NAME_WORDS:
        lead = words[0]
        words = words[1:]
    if lead and words and fold(lead[1]) in NATIONAL_WORDS and _classify([w for _, w in words]) == "ORG":
        words = [lead, *words]  # "the UK Health Security Agency", "the British Track Federation": part of its name
    # a sentence-opening word before a known first name or honorific is not part of the name
    if len(words) >= 3 and _opens_sentence(text, words[0][0]):
        second = fold(words[1][1])
        first = fold(words[0][1])
        if (second in MALE_NAMES or second in FEMALE_NAMES or second in HONORIFICS) and not _is_prenominal(words[0][1]) \
                and first not in MALE_NAMES and first not in FEMALE_NAMES \
                and _classify([w for _, w in words[1:]]) != "ORG":
            # ("Imran Ahmad Khan" keeps Imran; "Pellow Grant Restructuring" keeps Pellow: the rest names a firm, not
            # a man called Grant; "Centre Tyler Mbeki" loses the position)
            words = words[1:]
    if not words:
        return []
    # a trailing "MP"/"QC" is not part of the name ("Crispin Blunt MP")
    while len(words) > 1 and _is_postnominal(words[-1][1]):
        words = words[:-1]
    # "Sun Seekers' Kayla Brightwell": a show's or a team's plural possessive before a person's name
    owner_end = max((i for i, (_, w) in enumerate(words[:-1]) if w[-1:] in "'’" and w[-2:-1] == "s"), default=-1)
    rest = [w for _, w in words[owner_end + 1 :]]
    if owner_end >= 0 and _classify(rest) == "PERSON" and (len(rest) > 1 or fold(rest[0]) in GIVEN_NAMES):
        words = words[owner_end + 1 :]
    # peel a pre-nominal role: everything up to the last role/party word
    prefix = prefix_start = None
    name_words = words
    role_end = max(
        (i for i, (_, w) in enumerate(words[:-1]) if _is_prenominal(w)),
        default=-1,
    )
    if role_end >= 0:
        head, rest = words[: role_end + 1], words[role_end + 1 :]
        if _classify([w for _, w in rest]) != "ORG":
            prefix_start = head[0][0]
            prefix = text[prefix_start : head[-1][0] + len(head[-1][1])]
            name_words = rest
            # a bare surname keeps its role title ("President Biden"), and the honorific before it ("Lady Justice
            # Carrowby", "Mr Justice Hanbury": the way English judges are named)
            if len(rest) == 1 and fold(head[-1][1]) in ROLE_TITLES:
                name_words = [head[-1], *rest]
                if len(head) >= 2 and HONORIFICS.get(fold(head[-2][1])):
                    name_words = [head[-2], *name_words]  # (the title stays its prefix: "the judge" later)
    given = [i for i, (_, w) in enumerate(name_words) if fold(w) in GIVEN_NAMES] \
        if len(name_words) >= 4 and fold(name_words[0][1]) not in HONORIFICS else []  # not "Dr Haris | Bilal Awan"
    if given and given[0] >= 2 and _classify([w for _, w in name_words[given[0]:]]) == "PERSON":
        # "hautū Te Tai Whenua Ellen Parata": a group's name before the person's, who starts at her given name
        prefix_start = name_words[0][0] if prefix_start is None else prefix_start
        cut = name_words[given[0] - 1]
        prefix = text[prefix_start : cut[0] + len(cut[1])]
        name_words = name_words[given[0]:]
    kind = _classify([w for _, w in name_words])
    if kind is None and len(name_words) == 2 and fold(name_words[0][1]) in GIVEN_NAMES \
            and fold(name_words[1][1]) in PLACE_WORDS and _titled_before(text, prefix, name_words[0][0]):
        # "Council member Lena Park", "Sen. Jane Hill": a title or a role before a given name makes a person of a
        # surname that also ends places ("Victoria Park" has none)
        kind = "PERSON"
    if kind is None:
        return []
    if kind == "ORG" and len(name_words) == 1 and not name_words[0][1].isupper() \
            and not name_words[0][1].endswith("+") and _opens_sentence(text, name_words[0][0]):
        return []  # "Court documents said": a sentence-opening common noun, not a body
    s = name_words[0][0]
    e = name_words[-1][0] + len(name_words[-1][1])
    if kind == "PERSON":
        lead = prefix_start if prefix_start is not None else s
        before = text[max(0, lead - 24) : lead].split()
        roles = (_LOWER_ROLES_BEFORE.search(text, max(0, lead - 60), lead)
                 if before and fold(before[-1]) in _ROLE_WORDS_BEFORE else None)
        taken = _role_words_before(roles.group().split(), titled=prefix is not None) if roles else 0
        if taken:
            # "founder and CEO Jonah Trevelyan", "police chief Lorraine Haugen": lower-case roles before
            # the name (or its title) belong to its description
            start = roles.end()
            for w in reversed(roles.group().split()[-taken:]):
                start = text.rindex(w, 0, start)
            prefix_start = start
            owner = _OWNER_BEFORE_ROLE.search(text, max(0, start - 40), start)
            if owner:
                # "Cork manager Dónal Mac Cárthaigh", "Harrowdale manager Gary Pennock": whose role it is
                at = owner.start("owner")
                for w in owner.group("owner").split():
                    if fold(w) not in NOT_NAME_WORDS:
                        prefix_start = at
                        break
                    at = text.index(w, at) + len(w) + 1
            prefix = text[prefix_start:s].strip()
    return [NameSpan(s, e, text[s:e], kind, prefix, prefix_start, possessive)]


#: One or two capitalised words right before a lower-case role: the team, place or body it belongs to.
_OWNER_BEFORE_ROLE = re.compile(r"(?<![\w'’-])(?P<owner>[A-Z][\w'’-]*(?:[ \u00a0][A-Z][\w'’-]*)?)[ \u00a0]+$")
#: Words that may stand last before a name or its title in a lower-case role (a cheap test first).
_ROLE_WORDS_BEFORE = ROLE_NOUNS | ROLE_MODIFIERS | POLICY_WORDS_LOWER | {"and", "co-founder", "police"}


def _role_words_before(words: list[str], titled: bool) -> int:
    """How many of the lower-case ``words`` before a name are its role ("police chief", "founder and").

    The word next to the name must be a role noun, unless a capitalised title
    stands between ("founder and | CEO"); the rest may be role nouns,
    modifiers ("former"), portfolios ("housing") or "and".
    """
    allowed = _ROLE_WORDS_BEFORE
    n = 0
    for w in reversed(words):
        f = fold(w)
        if f not in allowed or (n == 0 and not titled and f not in ROLE_NOUNS):
            break
        n += 1
    while n and fold(words[len(words) - n]) == "and":
        n -= 1  # never open on "and"
    return n


#: Lower-case role words just before a name or its title ("founder and | CEO Jonah Trevelyan").
_LOWER_ROLES_BEFORE = re.compile(r"(?<![\w-])(?:[A-Za-z][\w-]*[ \u00a0]+){1,3}$")


def _opens_sentence(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos].rstrip(" \u00a0\"“‘'")
    return not before or before[-1] in ".!?\n"


def _is_prenominal(word: str) -> bool:
    f = fold(word)
    if f.endswith("-elect"):
        f = f[: -len("-elect")]  # "Mayor-elect Darnell Whitfield", "President-elect"
    return f not in HONORIFICS and (f in ROLE_NOUNS or f in PARTY_WORDS or f in ROLE_TITLES or f in _PEOPLE_BEFORE_NAMES)


#: Who someone is, opening a sentence before their name: "Passenger Tom Reddy, 34, said", "Pensioner Ann Cole".
_PEOPLE_BEFORE_NAMES = frozenset("passenger pensioner shopper commuter resident neighbour neighbor customer".split())


def descriptor_case(phrase: str) -> str:
    """Undo headline capitals in a descriptor, keeping known acronyms.

    >>> descriptor_case("TORY MP")
    'Tory MP'
    >>> descriptor_case("Labour MP")
    'Labour MP'
    """
    words = phrase.split()
    if any(ch.islower() for ch in phrase):
        return phrase
    return " ".join(w if fold(w) in _ALLCAPS_KEEP else w.capitalize() for w in words)
