"""Reported speech: *X said (that) ...*, *X expressed his hope that ...*, *According to X,
...*, *..., X told reporters.*, *A and B agreed to ...*, *..., saying ...*: the reported
clause (one per reporting verb) and its cue."""

from __future__ import annotations

import re

from natojp_tui.core.lexicon.datelines import WIRE_DATELINE_RE
from natojp_tui.core.lexicon.speech import (
    DIRECT_ONLY,
    NOUN_ONLY,
    PARTICIPLES,
    THAT_ONLY,
    verb_class,
)
from natojp_tui.core.quotes.classify import ACCORDING_RE, Intervals, Item, ends_sentence, skip
from natojp_tui.core.quotes.cues import Cue, cue_after, cue_before, verb_phrase_end
from natojp_tui.core.quotes.subjects import participle_subject, shared_subject, subject_before_aside
from natojp_tui.core.text.document import AnalysedText

_LEADING_PREP_RE = re.compile(r"(?:in|at|on|during|after|before|to|with|in a statement|later)\b")
# what a leading prepositional phrase names when it sets the scene, not the content
_SETTING_RE = re.compile(
    r"[A-Z\d]|\b(?:statement|remarks|speech|interview|conference|meeting|call|message|letter|"
    r"talks|session|briefing|today|yesterday|morning|afternoon|evening|week|month|year)\b"
)
_TRAILING_PUNCT = " \u00a0,.;:!?”’\"'—–-)"
_ATTITUDE_OBJECT_NOUNS = frozenset(
    [
        "hope",
        "concern",
        "concerns",
        "appreciation",
        "gratitude",
        "support",
        "thanks",
        "respect",
        "view",
        "interest",
        "regret",
        "expectation",
        "condolences",
        "congratulations",
        "congratulation",
        "commitment",
        "opposition",
        "sympathy",
    ]
)
# "..., and discussed China's ...", " and held talks": a second thing the subject did
_AND_DID_RE = re.compile(
    r",? and (?:also )?(?:discussed|held|met|visited|signed|attended|inspected|exchanged|toured|reviewed)\b"
)
_NAMING_PARTICIPLE_RE = re.compile(r", (?:calling|describing|terming|dubbing) ")
_TO_NOUNS = frozenset(
    ["appreciation", "gratitude", "thanks", "condolences", "opposition", "sympathy", "support"]
)


def reported_speech(t: AnalysedText, p: int, blocked: Intervals, direct: Intervals) -> list[Item]:
    """Reported speech: *X said (that) ...*, *X expressed his hope that ...*,
    *According to X, ...*, *..., X told reporters.*"""
    text = t.text
    items: list[Item] = []

    def free(pos: int) -> bool:
        return not blocked.covers(pos) and not any(i.start <= pos < i.end for i in items[-3:])

    for m in ACCORDING_RE.finditer(text):
        if not free(m.start()):
            continue
        cue = cue_after(text, m.end())
        if cue is None:
            continue
        s_start, s_end = t.sentence_bounds(m.start())
        cue = _extend_appositives(text, cue, s_end)
        after = skip(text, cue.end, " \u00a0")
        if text[after : after + 1] == "," and text[s_start : m.start()].strip() == "":
            start, end = _clause(t, after + 1, s_end)
        else:
            if _has_speaker_verb(t, s_start, m.start()):
                continue  # "The two leaders agreed that ..., according to a readout"
            start, end = trim(text, s_start, m.start())
        if _valid_clause(text, start, end, direct):
            items.append(Item("indirect", p, start, end, cue, p, "according to"))
    for m in t.verbs_in(0, len(text)):
        verb = m.group()
        if verb in DIRECT_ONLY or blocked.covers(m.start()):
            continue
        nested = None
        if not free(m.start()):  # inside another report: only a report of its own counts
            nested = _nested_report(text, m, items)
            if nested is None:
                continue
        s_start, s_end = t.sentence_bounds(m.start())
        participle = verb in PARTICIPLES
        cue = nested or (None if participle else cue_before(text, m.start(), s_start))
        if cue is not None and verb in _COMMITS and text.startswith(" with ", m.end()):
            joint = _agreed_with(t, m, cue, s_end)  # "A agreed with B ... that ..."
            if joint is not None:
                cue, start, end = joint
                if _valid_clause(text, start, end, direct):
                    items.append(Item("indirect", p, start, end, cue, p, verb))
            continue
        if cue is None and text[max(s_start, m.start() - 5) : m.start()] == " and ":
            cue = shared_subject(t, s_start, m.start())
            if cue is not None and verb in _JOINT:
                cue = _met_and_agreed(t, cue, s_start, m.start()) or cue
        elif cue is None and participle:
            cue = participle_subject(t, s_start, m.start())  # "he said, adding that ..."
        elif cue is None:
            cue = subject_before_aside(text, s_start, m.start())
        joint_we = cue is not None and cue.text.lower() == "we" and verb in WE_JOINT
        if cue is None or (cue.text.lower() in ("it", "we", "i", "you") and not joint_we):
            continue
        if verb.startswith("welcome"):
            obj = cue_after(text, m.end())
            possessive = obj is not None and obj.text.endswith(("’s", "'s", "s'", "s’"))
            if (
                obj is not None
                and not possessive
                and obj.kind in ("name", "role", "pronoun", "group")
                and not text.startswith(" on ", obj.end)
                and _EVENT_OBJECT_RE.search(obj.text) is None
            ):
                continue  # "welcomed the Foreign Minister to NATO Headquarters": hosting
        phrase_end = verb_phrase_end(text, m.end(), verb)
        if verb in NOUN_ONLY and phrase_end == m.end():
            continue  # "offered a seat": no attitude named, no speech
        tail = None if verb in _JOINT else _ATTRIBUTION_TAIL_RE.match(text, phrase_end, s_end)
        if tail and text[s_start : cue.start].rstrip().endswith(","):
            phrase_end = tail.end()  # "..., the ministry said in a statement."
        elif (
            verb in ("told", "tells")
            and text[s_start : cue.start].rstrip().endswith(",")
            and " that " not in text[m.end() : s_end]
            and not _OPENS_QUOTE_RE.match(text, phrase_end)
        ):  # "Japan will do more, Aoki told the alliance’s governing body, the Council."
            phrase_end = len(text[:s_end].rstrip(" \u00a0.!?;"))
        if (
            ends_sentence(text, phrase_end)
            and text[s_start : cue.start].rstrip().endswith(",")
            and not _OPENS_QUOTE_RE.match(text, phrase_end)
            and (verb_phrase_end(text, m.end(), verb) == m.end() or verb in ("told", "tells"))
        ):
            # "Japan will stand with Ukraine, the minister said."
            start, end = trim(text, s_start, text.rindex(",", s_start, cue.start))
            start = _after_dateline(text, start, end)
            verb_text = text[m.start() : phrase_end].split(",", 1)[0]  # "told the Council"
        else:
            start, end = _clause(t, phrase_end, s_end, verb_class(verb) == "stance")
            has_that = text[m.start() : start].rstrip().endswith("that")
            if verb in THAT_ONLY and not has_that and not _reports_without_that(text, m, start):
                continue
            verb_text = text[m.start() : phrase_end]
        short = phrase_end > m.end() or verb_class(verb) == "stance"
        if _valid_clause(text, start, end, direct, short):
            items.append(Item("indirect", p, start, end, cue, p, verb_text))
    return items


# what is welcomed when a capitalised object is a thing, not a guest: "welcomed the Quad
# Leaders' Summit", "welcomed the Joint Declaration"
_EVENT_OBJECT_RE = re.compile(
    r"\b(?:Summit|Meeting|Conference|Dialogue|Forum|Talks|Visit|Declaration|Agreement|"
    r"Statement|Initiative|Strategy|Concept|Programme|Program|Plan|Decision|Exercise)s?\b"
)


def _nested_report(text: str, verb: re.Match[str], items: list[Item]) -> Cue | None:
    """*Lee told reporters that the three sides agreed to connect …*: inside a report, a
    second report whose subject opens the reported clause is one of its own too."""
    outer = next((i for i in reversed(items[-3:]) if i.start <= verb.start() < i.end), None)
    if outer is None or verb.group() not in _JOINT:
        return None
    cue = cue_after(text, outer.start)
    if (
        cue is not None
        and (cue.kind in ("group", "pair") or cue.text.endswith(" sides"))
        and not text[cue.end : verb.start()].strip(" \u00a0")
    ):
        return Cue(cue.start, cue.end, cue.text, "group")
    return None


# a time or place phrase after an inverted attribution verb, up to the clause end
_ATTRIBUTION_TAIL_RE = re.compile(
    r"\s+(?:on|in|at|during|after|before|later|earlier|late|today|yesterday|last|this)\b"
    r"[^,.;:!?“”\"]{0,90}?(?=[.,;!?](?:\s|$))"
)
_COMMITS = frozenset(("agreed", "agree", "agreeing", "concurred"))
# what two people do together in a readout ("met with Y and agreed", "... and affirmed")
_JOINT = _COMMITS | frozenset(
    ("affirmed", "reaffirmed", "confirmed", "shared", "pledged", "vowed", "concurred")
)
# what "we" do together in a speaker's own words ("we agreed", "we both affirm"): a
# transcript turn gives them to the speaker and the one they met
WE_JOINT = _JOINT | frozenset(("affirm", "agree", "decided"))
# "X met (with) Y and agreed": the meeting's other side agreed too
_MET_WITH_RE = re.compile(
    r"\b(?:met|talked|spoke|held (?:talks|a meeting|a telephone call|a call)) (?:with )?"
)


def _met_and_agreed(t: AnalysedText, cue: Cue, s_start: int, verb_start: int) -> Cue | None:
    """*Park met with his counterpart Hayashi and agreed on ...*: both agreed."""
    if cue.kind not in ("name", "role"):
        return None
    text = t.text
    m = next(reversed(list(_MET_WITH_RE.finditer(text, cue.end, verb_start))), None)
    if m is None:
        return None
    other = _object_person(text, m.end())
    if other is None or other.end > verb_start:
        return None
    return Cue(cue.start, other.end, f"{cue.text} and {other.text}", "pair")


def _object_person(text: str, pos: int) -> Cue | None:
    """The person after a meeting verb, over *his/her/their (Japanese) counterpart*."""
    k = skip(text, pos, " \u00a0")
    lead = _COUNTERPART_RE.match(text, k)
    if lead is not None:
        k = lead.end()
    other = cue_after(text, k)
    return other if other is not None and other.kind in ("name", "role") else None


_COUNTERPART_RE = re.compile(r"(?:his|her|their) (?:[A-Z][a-z]+ )?counterparts?,? ")


def _reports_without_that(text: str, verb: re.Match[str], start: int) -> bool:
    """*agreed to strengthen ...*, *agreed (on Friday) the two countries would ...*,
    *shared the view to continue ...*: a report without *that*; *agreed with Y* is not."""
    if verb.group() == "shared":
        return verb_phrase_end(text, verb.end(), "shared") > verb.end()
    if verb.group() not in _COMMITS:
        return False
    return not text.startswith(("with ", "upon "), start)


def _agreed_with(
    t: AnalysedText, verb: re.Match[str], cue: Cue, s_end: int
) -> tuple[Cue, int, int] | None:
    """*Kishida agreed with President Yoon in a call that ...*: both agreed; the clause
    follows *that*. (*agreed with the proposal* names no person: no report.)"""
    text = t.text
    other = _object_person(text, verb.end() + 6)
    if other is None:
        return None
    pair = Cue(cue.start, other.end, f"{cue.text} and {other.text}", "pair")
    k = text.find(" that ", other.end, min(s_end, other.end + 80))
    if k >= 0:
        start, end = _clause(t, k + 1, s_end)
        return pair, start, end
    # "agreed with Jens Stoltenberg, secretary general of NATO, to cooperate ...": the
    # clause after the other side (and its appositive) begins with "to" or "on"
    to = _AGREED_TO_RE.match(text, other.end, s_end)
    if to is None:
        return None
    start, end = _clause(t, to.end() - len(to.group("lead")), s_end)
    return pair, start, end


_AGREED_TO_RE = re.compile(r"(?:,[^,;.]{3,90},)?\s+(?:on \w+day\s+)?(?P<lead>(?:to|on) )")


def _has_speaker_verb(t: AnalysedText, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a report of its own (*X agreed that ...*)."""
    text = t.text
    for v in t.verbs_in(start, end):
        if v.group() in DIRECT_ONLY:
            continue
        cue = cue_before(text, v.start(), start)
        if cue is None:
            continue
        if text.startswith(" that ", verb_phrase_end(text, v.end(), v.group())):
            return True
        if cue.kind in ("name", "role", "pair") and not text[start : cue.start].strip():
            return True  # "Bauer expressed his gratitude for …, according to the ministry"
    return False


def _extend_appositives(text: str, cue: Cue, s_end: int) -> Cue:
    """*According to the Assistant Secretary General for Innovation, Hybrid and Cyber,
    Jane Doe, ...*: the cue runs over comma-separated segments made only of cue words."""
    end = cue.end
    while end < s_end and text[end] == ",":
        nxt = text.find(",", end + 1, s_end)
        if nxt < 0:
            break
        segment = text[end + 1 : nxt].split()
        if not segment or not all(_cue_word(w) for w in segment):
            break
        end = nxt
    if end == cue.end:
        return cue
    return Cue(cue.start, end, text[cue.start : end], "name")


def _cue_word(word: str) -> bool:
    return word[:1].isupper() or word in ("and", "of", "for", "the")


def _after_dateline(text: str, start: int, end: int) -> int:
    """Skip a wire dateline (*BRUSSELS (Reuters) —*) opening a reported clause."""
    m = WIRE_DATELINE_RE.match(text, start, end)
    return m.end() if m else start


def _clause(t: AnalysedText, pos: int, s_end: int, stance: bool = False) -> tuple[int, int]:
    """The reported clause from ``pos`` to the sentence end, cut before a coordinated
    second report (*..., and he expressed hope that ...*)."""
    text = t.text
    pos = skip(text, pos, " \u00a0,")
    if _LEADING_PREP_RE.match(text, pos):
        k = text.find(" that ", pos, min(s_end, pos + 60))
        if k >= 0 and len(text[pos:k].split()) <= 5 and _SETTING_RE.search(text, pos, k):
            pos = k + 1  # "said on Monday that", "stated in a statement that"
    if text.startswith("and ", pos) and any(
        v.start() == pos + 4 for v in t.verbs_in(pos + 4, pos + 5)
    ):
        return pos, pos  # "expressed concern and reaffirmed ...": the next verb reports
    if text.startswith(("that ", "that,"), pos) and not stance:
        pos = skip(text, pos + 5, " \u00a0,")  # "stated that, next year, ..."
        # (after "welcomed", "that" is a determiner: "welcomed that announcement")
    noun = text[max(0, pos - 16) : pos].split()[-1:]
    if noun and noun[0] in _ATTITUDE_OBJECT_NOUNS:
        for lead in ("for ", "about ", "over ", "regarding ", "on ", "to "):
            # "expressed his appreciation for X", "their opposition to X": X ("to" only
            # after an attitude to something: "the view to continue ..." keeps it)
            if text.startswith(lead, pos) and (lead != "to " or noun[0] in _TO_NOUNS):
                pos += len(lead)
                break
    end = s_end
    for conj in (", as ", ", ahead of ", ", though ", ", although ", ", according to "):
        # narrated background or a source, not the report
        k = text.find(conj, pos, s_end)
        if conj == ", as " and k >= 0 and _AS_APPOSITION_RE.match(text, k + 5):
            continue  # "welcomed X's visit, as his first visit to ...", "goods, as well as"
        if k >= 0 and not text.endswith("that", 0, k):  # "and that, as ..., ..."
            end = k
    naming = _NAMING_PARTICIPLE_RE.search(text, pos, end)
    if naming is not None:
        end = naming.start()  # "urged ... to keep up pressure, calling the tests “...”"
    done = _AND_DID_RE.search(text, pos, end)
    if done is not None and not t.verbs_in(done.start() + 5, done.start() + 6):
        end = done.start()  # "agreed to expand X and discussed Y": the subject did Y too
    for v in t.verbs_in(pos, end):
        if v.group() == "shared" and not _SHARED_VERB_RE.match(text, v.end()):
            continue  # "economic growth and shared prosperity": an adjective, not a report
        if v.group() in _CUTTING_PARTICIPLES:
            m = _PARTICIPLE_LEAD_RE.search(text, max(pos, v.start() - 16), v.start())
            if m is not None:
                return trim(text, pos, m.start())  # "..., noting that ...": a report of its own
        if v.group() not in DIRECT_ONLY and text[max(pos, v.start() - 6) : v.start()] == ", and ":
            return trim(text, pos, v.start() - 6)  # "..., and expressed his hope that ..."
        if v.group() not in DIRECT_ONLY and text[max(pos, v.start() - 5) : v.start()] == " and ":
            return trim(text, pos, v.start() - 5)  # "... partners and expressed his ..."
        if v.group() in DIRECT_ONLY:
            continue  # "Japan's continued alignment": not a report of its own
        cue = cue_before(text, v.start(), pos)
        if cue is None or cue.text.endswith(("'s", "’s")):
            continue
        before = text[pos : cue.start].rstrip()
        if _CONJOINED_RE.search(before):
            continue  # "said he and Kishida agreed ...": one subject of the reported clause
        if before.endswith(",") and ends_sentence(text, _attribution_tail_end(text, v, end)):
            return trim(text, pos, len(before) + pos - 1)  # "..., the ministry said."
        for conj in (", and", " and", ", but", " but", ";", ", while", " while"):
            if before.endswith(conj):
                end = pos + len(before) - len(conj)
                return trim(text, pos, end)
    return trim(text, pos, end)


# "shared" as a verb: "and shared their concerns", "shared the view"
_SHARED_VERB_RE = re.compile(
    r"[ \u00a0]+(?:their|the|his|her|its|our|a|an|concerns?|views?|information|assessments?)\b"
)
_AS_APPOSITION_RE = re.compile(r"(?:well as|his|her|their|its|a|an|part of)\b")
_OPENS_QUOTE_RE = re.compile(r"\s*[,:]\s*[“\"«「]")  # '..., X said, “': not inverted
_PARTICIPLE_LEAD_RE = re.compile(r"(?:,|,? while| and|,? along with)(?: also)?[ \u00a0]+$")
# participles that open a report of their own inside a longer one ("..., noting that ...");
# "expressing readiness", "welcoming the move" stay part of the clause they end
_CUTTING_PARTICIPLES = PARTICIPLES - {"expressing", "welcoming", "thanking"}
# "he and", "she and": a pronoun joined to the next cue is one subject
_CONJOINED_RE = re.compile(r"(?:^|[\s,])(?:he|she|I|we)[ \u00a0]+and$")


def _attribution_tail_end(text: str, verb: re.Match[str], limit: int) -> int:
    """Where an attribution verb's phrase ends, over a trailing time or place phrase."""
    end = verb_phrase_end(text, verb.end(), verb.group())
    tail = _ATTRIBUTION_TAIL_RE.match(text, end, limit + 1)
    return tail.end() if tail else end


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \u00a0":
        start += 1
    while end > start and text[end - 1] in _TRAILING_PUNCT:
        if text[end - 1] in "”’\"'" and any(c in text[start : end - 1] for c in "“‘\"'"):
            break  # keep a closing mark that ends a partial quote inside the clause
        if text[end - 1] == ")" and "(" in text[start : end - 1]:
            break  # "... Programme (ITPP)"
        end -= 1
    return start, end


_SHORT_OBJECT = frozenset(("the", "that", "this", "these", "those", "his", "her", "their", "its"))


def _valid_clause(text: str, start: int, end: int, direct: Intervals, short: bool = False) -> bool:
    """A reported clause of three words or more; two for the object of an attitude
    (*expressed his gratitude for Japan's hospitality*, *indicated his support for the idea*)."""
    words = text[start:end].split()
    if len(words) < 3 and not (len(words) == 2 and (short or words[0].lower() in _SHORT_OBJECT)):
        return False
    if text[start] in '“"«「‘':
        return False
    return not direct.starts_within(start, end)  # a clause never holds a direct quote
