"""Property tests: the stage never crashes and only emits well-formed acts, targets and links."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onrecord.model import LINK_TYPES, Entity
from onrecord.statements.acts import ACTS
from onrecord.statements.stage import annotate_statements
from onrecord.work import Candidate, Work

WORDS = st.sampled_from(
    [
        "said", "told", "the", "BBC", "Twitter", "“", "”", '"', "'", "\n", "\n\n", "I", "retract", "apologise",
        "deny", "Samir", "Qureshi", "Ashdown", "in", "a", "statement", "on", "his", "website", ".", ",", ":", "he",
        "she", "never", "not", "resign", "letter", "court", "Mr.", "No.", "10", "defence", "of", "sorry", "—",
    ]
)


@st.composite
def works(draw):
    text = " ".join(draw(st.lists(WORDS, min_size=1, max_size=80)))
    n = len(text)
    cands = []
    for _ in range(draw(st.integers(0, 6))):
        s = draw(st.integers(0, n - 1))
        e = draw(st.integers(s + 1, n))
        content = [(s, e)]
        if draw(st.booleans()) and e < n:
            s2 = draw(st.integers(e, n - 1))
            content.append((s2, draw(st.integers(s2 + 1, n))))
        cue = speaker = None
        if draw(st.booleans()):
            cs = draw(st.integers(0, n - 1))
            cue = (cs, draw(st.integers(cs + 1, n)))
        if draw(st.booleans()):
            ss = draw(st.integers(0, n - 1))
            speaker = (ss, draw(st.integers(ss + 1, n)))
        c = Candidate(content, draw(st.sampled_from(["direct", "indirect", "mixed"])), cue, speaker)
        c.speaker_id = draw(st.sampled_from([None, "e1", "e2"]))
        cands.append(c)
    entities = [
        Entity("e1", "Rupert Ashdown", "PERSON", tuple((m, m + 7) for m in range(n) if text.startswith("Ashdown", m))),
        Entity("e2", "Samir Qureshi", "PERSON", tuple((m, m + 7) for m in range(n) if text.startswith("Qureshi", m))),
        Entity("e3", "a statement", "DOCUMENT"),
    ]
    return Work(id="w", text=text, candidates=cands, entities=entities)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(works())
def test_stage_output_is_well_formed(work):
    annotate_statements(work)
    ids = {c.id for c in work.candidates}
    assert len(ids) == len(work.candidates)
    for c in work.candidates:
        assert c.act in ACTS
        assert c.channel is None or (isinstance(c.channel, str) and c.channel.strip())
        assert set(c.about) <= {"e1", "e2"}
        assert c.speaker_id is None or c.speaker_id not in c.about
    for link in work.links:
        assert link.type in LINK_TYPES
        assert link.source in ids and link.target in ids and link.source != link.target
