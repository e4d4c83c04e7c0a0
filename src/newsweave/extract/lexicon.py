"""The PLOVER trigger lexicon: which verbs and nouns signal which event type and mode.

Curated tables first (they win), then a fallback generated from the CAMEO verb dictionary by
`scripts/build_lexicon.py` (`data/cameo_verbs.json`, `data/cameo_plover.json`). A trigger maps
to `(type, mode)`; a mode of None means the type's plain form.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"

Trigger = tuple[str, str | None]

# Verbs whose lemma alone says what happened (news usage, checked on conflict reporting).
VERB_TRIGGERS: dict[str, Trigger] = {
    # AGREE: commitments and settlements
    "agree": ("AGREE", None), "pledge": ("AGREE", None), "promise": ("AGREE", None),
    "vow": ("AGREE", None), "offer": ("AGREE", None), "commit": ("AGREE", None),
    "settle": ("AGREE", None), "guarantee": ("AGREE", None),
    # CONSULT: meetings, visits, calls
    "meet": ("CONSULT", "meet"), "visit": ("CONSULT", "visit"), "telephone": ("CONSULT", "phone"),
    "phone": ("CONSULT", "phone"), "host": ("CONSULT", "visit"), "negotiate": ("CONSULT", "meet"),
    "discuss": ("CONSULT", "meet"), "confer": ("CONSULT", "meet"), "mediate": ("CONSULT", "mediate"), "broker": ("CONSULT", "mediate"),
    "consult": ("CONSULT", "meet"), "welcome": ("CONSULT", "visit"), "convene": ("CONSULT", "meet"),
    # SUPPORT: verbal and diplomatic backing
    "support": ("SUPPORT", None), "back": ("SUPPORT", None), "praise": ("SUPPORT", None),
    "endorse": ("SUPPORT", None), "defend": ("SUPPORT", None), "bolster": ("SUPPORT", None),
    "recognize": ("SUPPORT", None), "recognise": ("SUPPORT", None), "sign": ("SUPPORT", None),
    "apologize": ("SUPPORT", None), "apologise": ("SUPPORT", None), "upgrade": ("SUPPORT", None),
    "commend": ("SUPPORT", None), "congratulate": ("SUPPORT", None), "thank": ("SUPPORT", None),
    "forgive": ("SUPPORT", None), "pardon": ("SUPPORT", None),
    # praise (CAMEO 051), as in the CAMEO verb dictionary
    "hail": ("SUPPORT", None), "applaud": ("SUPPORT", None), "laud": ("SUPPORT", None),
    "salute": ("SUPPORT", None), "extol": ("SUPPORT", None),
    # COOPERATE: working together
    "cooperate": ("COOPERATE", None), "collaborate": ("COOPERATE", None),
    "share": ("COOPERATE", None), "coordinate": ("COOPERATE", None),
    "extradite": ("COOPERATE", None),  # CAMEO 063 "engage in judicial cooperation"
    # AID: giving material help (mode military when arms are what is given)
    "aid": ("AID", None), "donate": ("AID", None), "grant": ("AID", None),
    "supply": ("AID", None), "deliver": ("AID", None), "ship": ("AID", None),
    "arm": ("AID", "military"), "fund": ("AID", None), "finance": ("AID", None),
    "train": ("AID", "military"), "equip": ("AID", "military"), "assist": ("AID", None),
    "help": ("AID", None), "provide": ("AID", None), "send": ("AID", None),
    "contribute": ("AID", None), "airlift": ("AID", None), "airdrop": ("AID", "humanitarian"),
    "rescue": ("AID", "humanitarian"), "shelter": ("AID", "asylum"),  # CAMEO 073, 075
    "give": ("AID", None),  # with an object only ("gave $2 million to Nigeria"), see events.py
    "return": ("RETREAT", "release"),  # handing back people or property (CAMEO 084), with an object
    # CONCEDE: yielding to demands
    "concede": ("CONCEDE", None), "ease": ("CONCEDE", None), "allow": ("CONCEDE", None),
    "permit": ("CONCEDE", None),
    "relax": ("CONCEDE", None), "yield": ("CONCEDE", None), "accept": ("AGREE", None),
    # giving in to demands (CAMEO 08 "yield")
    "accede": ("CONCEDE", None), "comply": ("CONCEDE", None), "acquiesce": ("CONCEDE", None),
    "relent": ("CONCEDE", None), "capitulate": ("CONCEDE", None), "legalize": ("CONCEDE", None),
    "legalise": ("CONCEDE", None), "unblock": ("CONCEDE", None), "reinstate": ("CONCEDE", None),
    # RETREAT: withdrawals, releases, truces
    "withdraw": ("RETREAT", "withdraw"), "retreat": ("RETREAT", "withdraw"),
    "release": ("RETREAT", "release"), "free": ("RETREAT", "release"), "lift": ("RETREAT", None),
    "resign": ("RETREAT", None), "surrender": ("RETREAT", "disarm"), "disarm": ("RETREAT", "disarm"),
    "evacuate": ("RETREAT", "withdraw"), "demobilize": ("RETREAT", "disarm"),
    "demobilise": ("RETREAT", "disarm"), "disband": ("RETREAT", "disarm"),
    "decommission": ("RETREAT", "disarm"), "revoke": ("SANCTION", None), "vacate": ("RETREAT", "withdraw"),
    "repatriate": ("RETREAT", "release"), "de-escalate": ("RETREAT", None),
    # REQUEST: demands and appeals
    "demand": ("REQUEST", None), "urge": ("REQUEST", None), "ask": ("REQUEST", None),
    "request": ("REQUEST", None), "appeal": ("REQUEST", None), "press": ("REQUEST", None),
    "pressure": ("REQUEST", None), "pressurize": ("REQUEST", None), "seek": ("REQUEST", None),
    "insist": ("REQUEST", None), "invite": ("REQUEST", "meet"), "implore": ("REQUEST", None),
    "plead": ("REQUEST", None), "petition": ("REQUEST", None), "lobby": ("REQUEST", None),
    "beg": ("REQUEST", None), "exhort": ("REQUEST", None), "entreat": ("REQUEST", None),
    "beseech": ("REQUEST", None), "solicit": ("REQUEST", None), "importune": ("REQUEST", None),
    # ACCUSE: criticism and allegations
    "accuse": ("ACCUSE", "allege"), "criticize": ("ACCUSE", "disapprove"),
    "criticise": ("ACCUSE", "disapprove"), "condemn": ("ACCUSE", "disapprove"),
    "denounce": ("ACCUSE", "disapprove"), "blame": ("ACCUSE", "allege"),
    "complain": ("ACCUSE", "allege"), "charge": ("ACCUSE", "allege"), "slam": ("ACCUSE", "disapprove"),
    "censure": ("ACCUSE", "disapprove"), "deplore": ("ACCUSE", "disapprove"),
    "sue": ("ACCUSE", "allege"), "convict": ("ACCUSE", "disapprove"),
    "lambast": ("ACCUSE", "disapprove"), "rebuke": ("ACCUSE", "disapprove"), "chide": ("ACCUSE", "disapprove"),
    "castigate": ("ACCUSE", "disapprove"), "reproach": ("ACCUSE", "disapprove"), "decry": ("ACCUSE", "disapprove"),
    "berate": ("ACCUSE", "disapprove"), "scold": ("ACCUSE", "disapprove"), "deride": ("ACCUSE", "disapprove"),
    "ridicule": ("ACCUSE", "disapprove"), "allege": ("ACCUSE", "allege"),
    "fault": ("ACCUSE", "disapprove"), "excoriate": ("ACCUSE", "disapprove"),
    "vilify": ("ACCUSE", "disapprove"), "reprimand": ("ACCUSE", "disapprove"),
    "admonish": ("ACCUSE", "disapprove"), "indict": ("ACCUSE", "allege"),
    "implicate": ("ACCUSE", "allege"),
    # REJECT: refusals
    "reject": ("REJECT", None), "refuse": ("REJECT", None), "oppose": ("REJECT", None),
    "veto": ("REJECT", None), "decline": ("REJECT", None), "rebuff": ("REJECT", None),
    "defy": ("REJECT", None), "violate": ("REJECT", None), "deny": ("REJECT", None),
    "dismiss": ("REJECT", None), "spurn": ("REJECT", None), "snub": ("REJECT", None),
    "rebut": ("REJECT", None), "refute": ("REJECT", None), "contact": ("CONSULT", "phone"),
    "repudiate": ("REJECT", None), "boycott": ("PROTEST", "boycott"),  # CAMEO 143 -> PROTEST
    # going back on a promise, defying a rule (CAMEO 12)
    "renege": ("REJECT", None), "backtrack": ("REJECT", None), "balk": ("REJECT", None),
    "flout": ("REJECT", None), "disavow": ("REJECT", None), "disregard": ("REJECT", None),
    # THREATEN
    "threaten": ("THREATEN", None), "warn": ("THREATEN", None), "menace": ("THREATEN", None),
    "blackmail": ("THREATEN", None), "intimidate": ("THREATEN", None),
    # PROTEST
    "protest": ("PROTEST", "demo"), "demonstrate": ("PROTEST", "demo"), "rally": ("PROTEST", "demo"),
    "riot": ("PROTEST", "riot"), "march": ("PROTEST", "demo"), "picket": ("PROTEST", "demo"),
    "walkout": ("PROTEST", "boycott"),
    "strike": ("ASSAULT", None),  # in conflict news a verb "strike" is an attack, not a walkout
    # SANCTION: cutting ties and aid
    "sanction": ("SANCTION", None), "suspend": ("SANCTION", None), "halt": ("SANCTION", None),
    "expel": ("SANCTION", "expel"), "cancel": ("SANCTION", None), "sever": ("SANCTION", None),
    "recall": ("SANCTION", "withdraw"), "freeze": ("SANCTION", None), "cut": ("SANCTION", None),
    "blacklist": ("SANCTION", None), "withhold": ("SANCTION", None),  # CAMEO 16 reduce aid
    # MOBILIZE: shows of force
    "mobilize": ("MOBILIZE", "troops"), "mobilise": ("MOBILIZE", "troops"),
    "deploy": ("MOBILIZE", "troops"), "patrol": ("MOBILIZE", "troops"),
    "amass": ("MOBILIZE", "troops"), "reinforce": ("MOBILIZE", "troops"),
    "mass": ("MOBILIZE", "troops"), "station": ("MOBILIZE", "troops"),
    # COERCE: arrests, bans, blockades, seizures
    "arrest": ("COERCE", "arrest"), "detain": ("COERCE", "arrest"), "ban": ("COERCE", "ban"),
    "blockade": ("COERCE", "restrict"), "seize": ("COERCE", "seize"), "confiscate": ("COERCE", "seize"),
    "deport": ("COERCE", "deport"), "kidnap": ("COERCE", "detain"), "impose": ("COERCE", "restrict"),
    "reimpose": ("COERCE", "restrict"), "occupy": ("COERCE", "seize"), "block": ("COERCE", "restrict"),
    "censor": ("COERCE", "censor"), "jail": ("COERCE", "arrest"), "imprison": ("COERCE", "arrest"),
    "deface": ("COERCE", "censor"), "annex": ("COERCE", "seize"), "blow": ("COERCE", "destroy"),
    "destroy": ("COERCE", "destroy"), "capture": ("ASSAULT", "heavy-weapons"),
    # repression, bans and expulsions (CAMEO 17)
    "disperse": ("COERCE", None), "evict": ("COERCE", "deport"), "outlaw": ("COERCE", "ban"),
    "prohibit": ("COERCE", "ban"), "restrict": ("COERCE", "restrict"), "repress": ("COERCE", None),
    "suppress": ("COERCE", None), "quell": ("COERCE", None), "expropriate": ("COERCE", "seize"),
    "besiege": ("COERCE", "restrict"), "harass": ("COERCE", None), "persecute": ("COERCE", None),
    # ASSAULT: violence
    "attack": ("ASSAULT", None), "bomb": ("ASSAULT", "aerial"), "shell": ("ASSAULT", "heavy-weapons"),
    "kill": ("ASSAULT", None), "shoot": ("ASSAULT", "firearms"), "fire": ("ASSAULT", "firearms"),
    "fight": ("ASSAULT", None), "invade": ("ASSAULT", None), "raid": ("ASSAULT", None),
    "assault": ("ASSAULT", None), "ambush": ("ASSAULT", None), "hit": ("ASSAULT", None),
    "massacre": ("ASSAULT", "massacre"), "torture": ("ASSAULT", "torture"), "beat": ("ASSAULT", "beat"),
    "abuse": ("ASSAULT", "beat"), "assassinate": ("ASSAULT", "assassinate"),
    "abduct": ("ASSAULT", "abduct"), "bombard": ("ASSAULT", "heavy-weapons"), "clash": ("ASSAULT", None),
    "wound": ("ASSAULT", None), "retake": ("ASSAULT", "heavy-weapons"), "recapture": ("ASSAULT", "heavy-weapons"),
    "storm": ("ASSAULT", None), "execute": ("ASSAULT", None), "murder": ("ASSAULT", None),
    "behead": ("ASSAULT", None), "rape": ("ASSAULT", "sexual"),
    "detonate": ("ASSAULT", "explosives"), "explode": ("ASSAULT", "explosives"),
    "retaliate": ("ASSAULT", None), "slay": ("ASSAULT", None), "slaughter": ("ASSAULT", "massacre"),
    "stab": ("ASSAULT", None), "lynch": ("ASSAULT", None), "strafe": ("ASSAULT", "aerial"),
    "pound": ("ASSAULT", "heavy-weapons"), "overrun": ("ASSAULT", None), "injure": ("ASSAULT", None),
    "maim": ("ASSAULT", None), "skirmish": ("ASSAULT", None), "battle": ("ASSAULT", None),
    "hijack": ("ASSAULT", "abduct"), "mortar": ("ASSAULT", "heavy-weapons"),
    "dynamite": ("ASSAULT", "explosives"), "machinegun": ("ASSAULT", "firearms"),
    "sabotage": ("COERCE", "destroy"),
    # INVESTIGATE
    "investigate": ("INVESTIGATE", None), "probe": ("INVESTIGATE", None), "inspect": ("INVESTIGATE", None),
    "inquire": ("INVESTIGATE", None), "enquire": ("INVESTIGATE", None),
}

# Nouns that name an event; they need an actor attached (possessive, "by X", "between X and Y").
NOUN_TRIGGERS: dict[str, Trigger] = {
    "talk": ("CONSULT", "meet"), "meeting": ("CONSULT", "meet"), "negotiation": ("CONSULT", "meet"),
    "conversation": ("CONSULT", "phone"), "call": ("CONSULT", "phone"), "visit": ("CONSULT", "visit"),
    "summit": ("CONSULT", "meet"), "consultation": ("CONSULT", "meet"), "mediation": ("CONSULT", "mediate"),
    "welcome": ("CONSULT", "visit"), "chat": ("CONSULT", "phone"),
    "discussion": ("CONSULT", "meet"), "dialogue": ("CONSULT", "meet"), "dialog": ("CONSULT", "meet"),
    "deal": ("AGREE", None), "agreement": ("AGREE", None), "accord": ("AGREE", None),
    "treaty": ("AGREE", None), "pact": ("AGREE", None), "contract": ("AGREE", None),
    "consensus": ("AGREE", None),
    "support": ("SUPPORT", None), "backing": ("SUPPORT", None), "endorsement": ("SUPPORT", None),
    "cooperation": ("COOPERATE", None), "coordination": ("COOPERATE", None),
    "aid": ("AID", None), "assistance": ("AID", None), "delivery": ("AID", None),
    "shipment": ("AID", None), "supply": ("AID", None), "donation": ("AID", None),
    "asylum": ("AID", "asylum"),
    # a ceasefire reached is an agreement (PLOVER AGREE); one declared alone a retreat (below)
    "withdrawal": ("RETREAT", "withdraw"), "ceasefire": ("AGREE", "ceasefire"),
    "truce": ("AGREE", "ceasefire"), "release": ("RETREAT", "release"),
    "demand": ("REQUEST", None), "request": ("REQUEST", None), "appeal": ("REQUEST", None),
    "accusation": ("ACCUSE", "allege"), "criticism": ("ACCUSE", "disapprove"),
    "condemnation": ("ACCUSE", "disapprove"), "complaint": ("ACCUSE", "allege"),
    "rejection": ("REJECT", None), "refusal": ("REJECT", None), "opposition": ("REJECT", None),
    "threat": ("THREATEN", None), "ultimatum": ("THREATEN", None), "warning": ("THREATEN", None),
    "curfew": ("COERCE", "restrict"), "warfare": ("ASSAULT", None),
    "cessation": ("AGREE", "ceasefire"), "cease-fire": ("AGREE", "ceasefire"),
    "peacekeeping": ("AID", None),  # "joined the peacekeeping mission": CAMEO 0743 "provide peacekeepers"
    "protest": ("PROTEST", "demo"), "demonstration": ("PROTEST", "demo"), "rally": ("PROTEST", "demo"),
    "riot": ("PROTEST", "riot"), "strike": ("ASSAULT", None), "hunger": ("PROTEST", "hunger"),
    "sit-in": ("PROTEST", "demo"), "march": ("PROTEST", "demo"), "vigil": ("PROTEST", "demo"),
    "walkout": ("PROTEST", "boycott"), "boycott": ("PROTEST", "boycott"), "picket": ("PROTEST", "demo"),
    "plea": ("REQUEST", None), "petition": ("REQUEST", None),
    "sanction": ("SANCTION", None), "suspension": ("SANCTION", None), "embargo": ("COERCE", "restrict"),
    "expulsion": ("SANCTION", "expel"),
    "deployment": ("MOBILIZE", "troops"), "landing": ("MOBILIZE", "troops"),
    "mobilization": ("MOBILIZE", "troops"), "patrol": ("MOBILIZE", "police"),
    "arrest": ("COERCE", "arrest"), "blockade": ("COERCE", "restrict"), "ban": ("COERCE", "ban"),
    "siege": ("COERCE", "restrict"), "occupation": ("COERCE", "seize"), "crackdown": ("COERCE", None),
    "attack": ("ASSAULT", None), "airstrike": ("ASSAULT", "aerial"), "raid": ("ASSAULT", None),
    "bombing": ("ASSAULT", "aerial"), "shelling": ("ASSAULT", "heavy-weapons"),
    "offensive": ("ASSAULT", None), "invasion": ("ASSAULT", None), "assault": ("ASSAULT", None),
    "fighting": ("ASSAULT", None), "clash": ("ASSAULT", None), "battle": ("ASSAULT", None),
    "ambush": ("ASSAULT", None), "massacre": ("ASSAULT", "massacre"), "fire": ("ASSAULT", "firearms"),
    "cleansing": ("ASSAULT", "massacre"),
    "investigation": ("INVESTIGATE", None), "probe": ("INVESTIGATE", None), "inquiry": ("INVESTIGATE", None),
    "inspection": ("INVESTIGATE", None),
    # more event nouns per type (CAMEO/PLOVER codebook vocabulary)
    "trip": ("CONSULT", "visit"), "parley": ("CONSULT", "meet"),
    "praise": ("SUPPORT", None),
    "extradition": ("COOPERATE", None), "rapprochement": ("COOPERATE", None),
    "loan": ("AID", None), "relief": ("AID", "humanitarian"), "airlift": ("AID", None),
    "concession": ("CONCEDE", None), "amnesty": ("CONCEDE", None),
    "pullout": ("RETREAT", "withdraw"), "pull-out": ("RETREAT", "withdraw"),
    "retreat": ("RETREAT", "withdraw"), "handover": ("RETREAT", "release"),
    "repatriation": ("RETREAT", "release"), "disarmament": ("RETREAT", "disarm"),
    "demobilization": ("RETREAT", "disarm"), "armistice": ("AGREE", "ceasefire"),
    "denunciation": ("ACCUSE", "disapprove"),
    "rebuke": ("ACCUSE", "disapprove"), "reprimand": ("ACCUSE", "disapprove"),
    "lawsuit": ("ACCUSE", "allege"), "indictment": ("ACCUSE", "allege"),
    "veto": ("REJECT", None),
    "deportation": ("COERCE", "deport"), "detention": ("COERCE", "arrest"),
    "expropriation": ("COERCE", "seize"), "eviction": ("COERCE", "deport"),
    "abduction": ("ASSAULT", "abduct"), "kidnapping": ("ASSAULT", "abduct"),
    "assassination": ("ASSAULT", "assassinate"), "killing": ("ASSAULT", None),
    "murder": ("ASSAULT", None), "slaying": ("ASSAULT", None),
    "shooting": ("ASSAULT", "firearms"), "bombardment": ("ASSAULT", "heavy-weapons"),
    "incursion": ("ASSAULT", None), "skirmish": ("ASSAULT", None),
    "torture": ("ASSAULT", "torture"), "genocide": ("ASSAULT", "massacre"),
}

# Verbs that say little alone but name the event in their object ("held talks", "signed a deal",
# "launched strikes"): the object noun decides the type, the verb carries the actors.
LIGHT_VERBS = frozenset({
    "hold", "have", "conduct", "carry", "launch", "stage", "make", "reach", "sign", "give",
    "impose", "begin", "start", "continue", "complete", "announce", "take", "issue", "mount",
    "conclude", "resume", "open", "receive", "pay", "lead", "order", "seal", "strike", "win",
    "organize", "organise", "call", "lodge", "file", "go", "renew", "join",
    "declare", "wage", "extend", "set",  # "declared a curfew", "waged war", "set a deadline"
    "inflict",  # "inflicted the worst bombardment on Aleppo": the noun names the attack
    "express", "voice",  # "expressed support for X": the noun is the act
    "exchange", "trade",  # "exchanged fire", "traded artillery fire": done to each other
})

# Nouns of a ceasefire.
CEASEFIRE_NOUNS = ("ceasefire", "truce", "cessation", "cease-fire", "armistice")

# Light verb + noun pairs where the verb changes the type the noun alone would give.
LIGHT_VERB_OVERRIDES: dict[tuple[str, str], Trigger] = {
    ("sign", "agreement"): ("SUPPORT", None), ("sign", "deal"): ("SUPPORT", None),
    ("sign", "treaty"): ("SUPPORT", None), ("sign", "accord"): ("SUPPORT", None),
    ("impose", "sanction"): ("SANCTION", None), ("lift", "sanction"): ("RETREAT", None),
    ("take", "delivery"): ("AID", None), ("receive", "support"): ("AID", None),
    ("give", "welcome"): ("CONSULT", "visit"), ("give", "support"): ("SUPPORT", None),
    # a strike that is staged, called or organised is a walkout, not an air strike
    ("stage", "strike"): ("PROTEST", "boycott"), ("call", "strike"): ("PROTEST", "boycott"),
    ("organize", "strike"): ("PROTEST", "boycott"), ("organise", "strike"): ("PROTEST", "boycott"),
    ("hold", "strike"): ("PROTEST", "boycott"), ("begin", "strike"): ("PROTEST", "boycott"),
    ("open", "fire"): ("ASSAULT", "firearms"),
    # a protest lodged or filed with someone is a complaint, not a demonstration
    ("lodge", "protest"): ("ACCUSE", "disapprove"), ("file", "protest"): ("ACCUSE", "disapprove"),
    ("lodge", "complaint"): ("ACCUSE", "allege"), ("file", "complaint"): ("ACCUSE", "allege"),
    ("file", "lawsuit"): ("ACCUSE", "allege"), ("file", "suit"): ("ACCUSE", "allege"),
    ("join", "force"): ("COOPERATE", None),
    # a deadline set or given to someone is an ultimatum (CAMEO 13)
    ("set", "deadline"): ("THREATEN", None), ("give", "deadline"): ("THREATEN", None),
    ("issue", "deadline"): ("THREATEN", None),
    # a state of emergency declared or extended is a restriction (CAMEO 1724)
    ("declare", "emergency"): ("COERCE", "restrict"), ("impose", "emergency"): ("COERCE", "restrict"),
    ("extend", "emergency"): ("COERCE", "restrict"), ("wage", "war"): ("ASSAULT", None),
    ("give", "permission"): ("CONCEDE", None), ("give", "access"): ("CONCEDE", None),
    # a ceasefire one party declares or announces alone is a retreat (CAMEO 0871)
    **{(v, n): ("RETREAT", "ceasefire") for v in ("declare", "announce", "order", "observe")
       for n in CEASEFIRE_NOUNS},
}

# Modifiers that make the noun "operation" an attack ("a military operation against X").
ATTACK_OPERATION_MODIFIERS = frozenset({"military", "offensive", "combat", "ground", "air",
                                        "counter-terrorism", "counterterrorism", "anti-terror",
                                        "punitive", "armed", "assault"})

# Nouns whose "for" or "on" phrase makes them an appeal ("calls for a ceasefire").
APPEAL_NOUNS = frozenset({"call", "appeal", "plea"})

# Subjects that make the verb "strike" a walkout ("teachers struck for higher pay").
WORKER_WORDS = frozenset({"worker", "employee", "teacher", "doctor", "nurse", "miner", "union",
                          "driver", "staff", "labourer", "laborer", "docker", "pilot", "student"})

# Modifiers that make the noun "strike" a walkout ("a general strike", "a hunger strike": CAMEO
# 142/143, PLOVER PROTEST with mode hunger or boycott).
WALKOUT_MODIFIERS = frozenset({"general", "hunger", "labor", "labour", "worker", "workers",
                               "nationwide", "national", "transport", "teacher", "teachers",
                               "one-day", "day", "token", "sit-down"})

# Verb + particle or preposition that together name an event ("called for", "cracked down on").
# Types of verbs that judge an act done by someone else ("condemned the killing", "protested the
# kidnapping", "investigated the bombing"): the act is its own event, not the judge's.
JUDGING_TYPES = frozenset({"ACCUSE", "PROTEST", "INVESTIGATE"})
# Verbs of harm that, done by an explosion, are a bombing ("a blast damaged the bank").
BLAST_VERBS = frozenset({"damage", "rock", "shake", "wreck", "devastate", "gut", "shatter"})
BLAST_WORDS = frozenset({"explosion", "blast", "detonation"})
# What is set off or planted in a bombing ("set off a car bomb", "the charges were set off by X").
EXPLOSIVE_WORDS = frozenset({"bomb", "explosive", "charge", "dynamite", "device", "grenade", "mine",
                             "car-bomb", "carbomb"})

PHRASAL_TRIGGERS: dict[tuple[str, str], Trigger] = {
    ("call", "for"): ("REQUEST", None), ("call", "on"): ("REQUEST", None),
    ("call", "upon"): ("REQUEST", None), ("crack", "down"): ("COERCE", None),
    ("pull", "out"): ("RETREAT", "withdraw"), ("step", "down"): ("RETREAT", None),
    ("hand", "over"): ("RETREAT", "release"), ("shut", "down"): ("COERCE", "restrict"),
    ("break", "off"): ("SANCTION", None), ("open", "fire"): ("ASSAULT", "firearms"),
    ("push", "for"): ("REQUEST", None), ("hit", "out"): ("ACCUSE", "disapprove"),
    ("lash", "out"): ("ACCUSE", "disapprove"), ("turn", "down"): ("REJECT", None),
    ("object", "to"): ("REJECT", None), ("look", "into"): ("INVESTIGATE", None),
    ("pull", "back"): ("RETREAT", "withdraw"), ("team", "up"): ("COOPERATE", None),
    ("lay", "down"): ("RETREAT", "disarm"),  # "will lay down their arms" (CAMEO 0831)
    ("rule", "out"): ("REJECT", None),  # "ruled out talks with Pakistan"
    ("engage", "with"): ("CONSULT", "meet"),  # "Rubio engaged with Modi": talks, not combat
    ("reach", "out"): ("CONSULT", "phone"), ("push", "back"): ("REJECT", None),
    ("speak", "to"): ("CONSULT", "phone"), ("speak", "with"): ("CONSULT", "phone"),
    ("talk", "to"): ("CONSULT", "phone"), ("talk", "with"): ("CONSULT", "phone"),
}

# Verb + preposition + noun idioms that name an event ("took to the streets").
PREP_OBJECT_TRIGGERS: dict[tuple[str, str, str], Trigger] = {
    ("take", "to", "street"): ("PROTEST", "demo"), ("pour", "into", "street"): ("PROTEST", "demo"),
}

# Verbs that, done by protesters, are protest (CAMEO 144 "obstruct passage" -> PROTEST obstruct):
# "protesters blocked the highway", as against "Israel blocked aid" (COERCE).
OBSTRUCT_VERBS = frozenset({"block", "barricade", "obstruct", "blockade", "occupy", "paralyze",
                            "paralyse"})
PROTESTER_WORDS = frozenset({"protester", "protestor", "demonstrator", "rioter", "activist",
                             "striker", "marcher", "crowd", "mob"})

# Verbs that, done by protesters, are a demonstration or a riot ("protesters gathered outside
# the embassy", "demonstrators clashed with police": CAMEO 141/145).
PROTESTER_VERBS: dict[str, Trigger] = {
    **{v: ("PROTEST", "demo") for v in ("gather", "assemble", "chant", "converge", "mass", "throng",
                                        "march", "rally", "occupy")},
    **{v: ("PROTEST", "riot") for v in ("clash", "scuffle", "torch", "loot", "smash", "stone", "hurl")},
}

# Words that say someone is to blame ("X said Y was responsible for", "held Y accountable").
BLAME_WORDS = frozenset({"responsible", "accountable", "behind", "culpable", "guilty"})

# Military exercises: joint ones are cooperation, one side's a show of force.
EXERCISE_NOUNS = frozenset({"exercise", "drill", "maneuver", "manoeuvre", "wargame"})

# Verb + object pairs where the object changes the type the verb alone would give.
VERB_OBJECT_OVERRIDES: dict[tuple[str, str], Trigger] = {
    # planting or throwing explosives is a bombing ("placed a bomb in the bank")
    **{(v, w): ("ASSAULT", "explosives") for v in ("place", "plant", "hurl", "throw", "toss", "lob")
       for w in ("bomb", "bombs", "explosive", "explosives", "dynamite", "grenade", "grenades",
                 "charge", "charges", "device", "devices", "car-bomb")},
    # evacuating people is humanitarian help; evacuating a place is a withdrawal
    **{("evacuate", w): ("AID", "humanitarian") for w in (
        "wounded", "injured", "civilian", "civilians", "refugee", "refugees", "family",
        "families", "resident", "residents", "casualty", "casualties", "child", "children")},
    # ties and relations: cut is a sanction, restored or normalised is cooperation
    **{(v, o): ("SANCTION", None) for v in ("break", "sever", "cut", "downgrade", "suspend")
       for o in ("tie", "ties", "relation", "relations")},
    **{(v, o): ("COOPERATE", None) for v in ("restore", "renew", "resume", "normalize",
                                              "normalise", "re-establish", "reestablish", "mend")
       for o in ("tie", "ties", "relation", "relations")},
    # welcoming a decision or a step is praise (CAMEO 051), welcoming a visitor a meeting
    **{("welcome", o): ("SUPPORT", None) for o in (
        "decision", "move", "agreement", "deal", "plan", "proposal", "resolution", "step", "initiative",
        "announcement", "offer", "release", "election", "outcome", "result", "ruling", "verdict",
        "accord", "ceasefire", "truce", "effort", "efforts", "progress", "statement", "report",
        "mediation", "intervention", "involvement", "role", "talks", "dialogue")},
    # closing a border or crossing restricts movement (CAMEO 1724 as coded by PLOVER COERCE);
    # closing an embassy reduces relations (CAMEO 16)
    **{(v, o): ("COERCE", "restrict") for v in ("close", "shut")
       for o in ("border", "borders", "crossing", "crossings", "airspace", "port", "ports", "checkpoint")},
    **{(v, o): ("SANCTION", None) for v in ("close", "shut")
       for o in ("embassy", "embassies", "consulate", "consulates")},
    # lifting a political restriction gives way (CAMEO 081 "ease administrative sanctions")
    **{("lift", o): ("CONCEDE", None) for o in ("curfew", "ban", "restriction", "restrictions",
                                                "emergency", "law")},
    # permits and clearances withdrawn or cancelled are sanctions ("withdrew the firm's clearance")
    **{(v, o): ("SANCTION", None) for v in ("withdraw", "cancel", "suspend", "revoke", "pull")
       for o in ("clearance", "authorisation", "authorization", "license", "licence", "visa", "visas",
                 "accreditation", "permit", "permits", "approval", "status")},
    # loans and bailouts approved or disbursed are aid given (CAMEO 071 "provide economic aid")
    **{(v, o): ("AID", "economic") for v in ("approve", "disburse", "release", "extend", "sanction")
       for o in ("loan", "loans", "bailout", "tranche", "package", "grant", "credit", "funding", "aid")},
    # protests prevented or broken up are repression (CAMEO 175 as PLOVER COERCE)
    **{(v, o): ("COERCE", "restrict") for v in ("prevent", "stop", "thwart", "foil", "disperse",
                                               "break", "forbid", "suppress")
       for o in ("demonstration", "demonstrations", "protest", "protests", "rally", "rallies",
                 "march", "marches", "sit-in", "gathering", "gatherings", "demonstrator",
                 "demonstrators", "protester", "protesters")},
    # workers who stop work strike (CAMEO 143)
    ("stop", "work"): ("PROTEST", "boycott"),
    # fire returned is shooting back; forces strengthened are a show of force (CAMEO 15)
    ("return", "fire"): ("ASSAULT", "firearms"),
    **{(v, o): ("MOBILIZE", "troops") for v in ("strengthen", "boost", "increase", "bolster")
       for o in ("force", "forces", "troop", "troops", "presence")},
    # restrictions removed or reduced are eased (CAMEO 081 "ease administrative sanctions");
    # "lift" keeps its own entry
    **{(v, o): ("CONCEDE", None) for v in ("remove", "reduce", "cut", "lower", "ease", "repeal",
                                           "scrap", "drop", "roll", "waive", "relax", "suspend")
       for o in ("sanction", "sanctions", "tariff", "tariffs", "restriction", "restrictions", "ban",
                 "embargo", "duty", "duties", "tax", "taxes", "curfew", "blockade")},
    # borders opened to people are refuge given (CAMEO 075 "grant asylum")
    ("open", "border"): ("AID", "asylum"), ("open", "borders"): ("AID", "asylum"),
    # control taken of a place is a seizure, as "occupy" and "seize" are
    **{(v, "control"): ("COERCE", "seize") for v in ("take", "seize", "gain", "wrest", "assume")},
    # harm inflicted or a defeat delivered is an attack, not a coercion or a gift
    **{(v, o): ("ASSAULT", None) for v in ("inflict", "deliver", "deal")
       for o in ("casualty", "casualties", "loss", "losses", "damage", "defeat", "blow", "injury",
                 "injuries", "setback")},
}

# Nouns after "under" that make the subject the one acted upon ("came under attack",
# "was put under investigation", "placed under arrest").
# "went on strike", "are on hunger strike": the subject protests; "put on high alert": mobilises.
ON_NOUNS: dict[str, Trigger] = {"strike": ("PROTEST", "boycott"), "alert": ("MOBILIZE", "troops")}
UNDER_NOUNS = frozenset({"attack", "fire", "siege", "investigation", "arrest", "bombardment",
                         "shelling", "probe", "sanction", "blockade", "occupation",
                         "detention"})

# Object words that make AID (or SUPPORT) military: what was given is arms or soldiers.
MILITARY_OBJECTS = frozenset({
    "arm", "arms", "weapon", "weaponry", "jet", "fighter", "tank", "missile", "drone", "ammunition",
    "equipment", "vehicle", "aircraft", "helicopter", "launcher", "troop", "soldier", "adviser",
    "advisor", "officer", "military", "rocket", "munition", "artillery", "system", "unit",
})

# Military sites: striking them is striking the armed forces that hold them
# ("targeted air defence radars", "strikes at three Pakistani air bases").
MILITARY_SITES = frozenset({
    "base", "airbase", "airfield", "airstrip", "radar", "garrison", "barracks", "outpost", "post",
    "bunker", "cantonment", "installation", "depot", "arsenal", "battery", "launchpad", "position",
    "checkpoint", "headquarters",
})

# Object words that make an attack aerial.
AERIAL_WORDS = frozenset({"air", "aerial", "airstrike", "jet", "warplane", "aircraft", "drone",
                          "helicopter", "bomber", "plane", "bomb"})

# Triggers that frame another action ("agreed to", "threatened to", "demanded that"):
# the framed action is not asserted, so it is not coded as its own event.
FRAMING_TYPES = frozenset({"AGREE", "THREATEN", "REQUEST", "REJECT", "ACCUSE"})

# Symmetric types: coordinated actors of these act with each other ("X and Y agreed").
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# Words of fighting done to each other: coordinated actors of these fight each other
# ("India and Pakistan clashed", "engaged in fighting", "exchanged fire").
MUTUAL_FIGHT_WORDS = frozenset({"clash", "fight", "fighting", "skirmish", "battle", "exchange",
                                "trade", "duel", "firefight", "hostility", "hostilities", "war", "warfare"})

# CAMEO verbs too vague to be coded without a curated entry (they flood the fallback).
CAMEO_BLOCKED = frozenset({
    "die", "perish",  # "13,000 people have died": a toll, the subject did nothing
    "add", "come", "go", "check", "break", "best", "circle", "aim", "address", "conduct",
    "command", "consider", "face", "brave", "call", "hear", "approach", "arrive", "depart",
    "attach", "bind", "blend", "buy", "better", "benefit", "affect", "claim", "argue",
    "contend", "contest", "contrast", "counter", "compete", "clear", "fill", "free", "mean",
    "ready", "groom", "prepare", "plan", "intend", "signal", "ensure", "assure", "need",
    "want", "push", "bill", "catch", "contain", "extract", "enclose", "tend", "ward",
    "disclose", "confess", "admit", "acknowledge", "associate", "deal", "correlate", "concert",
    "conform", "innovate", "insert", "contemplate", "egress", "embark", "elicit", "flock",
    "compound", "constitute", "chain", "connect", "combine", "coalesce", "attire",
    "annoy", "bother", "upset", "distress", "disturb", "agitate", "arouse", "provoke",
    "corrupt", "crack", "damage", "risk", "caution", "endanger", "exclude", "bar", "enforce",
    "constrain", "curb", "disorder", "disarray", "spy", "garner", "overfly", "parade",
    "summon", "marshal",
    # standing states and descriptions, not acts ("India controls the eastern rivers")
    "control", "administer", "govern", "allocate", "stabilize", "stabilise",
    "safeguard", "expose", "own", "hold", "host", "house", "border", "neighbour", "neighbor",
})


@lru_cache(maxsize=1)
def cameo_tables() -> tuple[dict, dict, dict]:
    """(CAMEO code -> (type, mode), verb -> code, verb -> {object word -> code})."""
    try:
        plover = json.loads((DATA / "cameo_plover.json").read_text("utf-8"))
        verbs = json.loads((DATA / "cameo_verbs.json").read_text("utf-8"))
    except OSError:
        return {}, {}, {}
    table = {code: (kind, mode) for code, (kind, mode) in plover.items()}
    return table, verbs.get("verbs", {}), verbs.get("objects", {})


def cameo_to_plover(code: str) -> Trigger | None:
    """The PLOVER type and mode of a CAMEO code, by the code, else by its root."""
    table = cameo_tables()[0]
    code = code.strip()
    for key in (code, code[:3], code[:2]):
        if key in table:
            return table[key]
    return None


def verb_trigger(lemma: str, object_words: list[str]) -> tuple[Trigger, bool] | None:
    """The trigger for a verb (and its objects' lemmas and words): `((type, mode), curated)` or None.

    A curated verb + object pair wins, then the curated verb, then the CAMEO verb + object
    patterns, then the CAMEO verb.
    """
    lemma = lemma.lower()
    words = [w.lower() for w in object_words]
    for word in words:
        if (lemma, word) in VERB_OBJECT_OVERRIDES:
            return VERB_OBJECT_OVERRIDES[(lemma, word)], True
    if lemma in VERB_TRIGGERS:
        return VERB_TRIGGERS[lemma], True
    if lemma in CAMEO_BLOCKED:
        return None
    _, verbs, objects = cameo_tables()
    for word in words:
        code = objects.get(lemma, {}).get(word)
        found = cameo_to_plover(code) if code else None
        if found:
            return found, False
    code = verbs.get(lemma)
    found = cameo_to_plover(code) if code else None
    return (found, False) if found else None
