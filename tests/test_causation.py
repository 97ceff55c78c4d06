"""Pure tests of cause resolution, including properties over arbitrary context chains."""

from __future__ import annotations

import ast
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from custom_components.audit_trail.causation import ChangeFacts, ContextMemo
from custom_components.audit_trail.models import CAUSE_KINDS, EntityMeta

PACKAGE = Path(__file__).parent.parent / "custom_components" / "audit_trail"
PURE = ("models.py", "causation.py", "policy.py", "store/chain.py", "store/schema.py")

ids = st.sampled_from([f"c{i}" for i in range(8)])
maybe = st.none() | ids
users = st.none() | st.sampled_from(["u1", "u2"])
entities = st.sampled_from(["light.a", "light.b", "sensor.t"])

step = st.one_of(
    st.tuples(
        st.just("run"), st.sampled_from(["automation", "script"]), ids, users, maybe, entities
    ),
    st.tuples(st.just("service"), ids, users, maybe, st.lists(entities, max_size=2)),
    st.tuples(st.just("event"), ids, users, maybe),
    st.tuples(st.just("change"), ids, users, maybe, entities),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(step, max_size=40), st.integers(min_value=2, max_value=10))
def test_resolution_never_raises_and_always_has_a_kind(steps: list[tuple], size: int) -> None:
    memo = ContextMemo(max_size=size, stale_after=2.0)
    refs: list[int] = []
    for time, item in enumerate(steps):
        if item[0] == "run":
            _, kind, ctx, user, parent, entity = item
            memo.note_run(
                kind, ctx, user, parent, entity.replace("light", kind), "Name", "why", time
            )
        elif item[0] == "service":
            _, ctx, user, parent, targets = item
            memo.note_service(ctx, user, parent, "light.turn_on", targets, time)
        elif item[0] == "event":
            _, ctx, user, parent = item
            memo.note_event(ctx, user, parent, time)
        else:
            _, ctx, user, parent, entity = item
            ref = time + 1
            cause, cause_ref = memo.resolve(
                ChangeFacts(entity, ref, float(time), ctx, user, parent, EntityMeta())
            )
            assert cause.kind in CAUSE_KINDS
            assert cause.confidence in ("high", "low")
            # A cause can only point back in time, at a change already seen.
            assert cause_ref is None or cause_ref in refs
            refs.append(ref)
        assert len(memo) <= size


def test_user_is_carried_down_a_chain() -> None:
    memo = ContextMemo(100, 2.0)
    memo.note_service("c1", "u1", None, "script.turn_on", ["script.s"], 0)
    memo.note_run("script", "c1", "u1", None, "script.s", "S", None, 0)
    memo.note_service("c1", None, None, "automation.trigger", ["automation.a"], 0)
    memo.note_run("automation", "c2", None, "c1", "automation.a", "A", "action", 1)
    cause, _ = memo.resolve(
        ChangeFacts("light.a", 1, 1.0, "c2", None, "c1", EntityMeta(device_id="d1"))
    )
    assert (cause.kind, cause.user_id, cause.entity_id) == ("automation", "u1", "automation.a")


def test_unknown_parent_is_not_guessed() -> None:
    memo = ContextMemo(100, 2.0)
    cause, ref = memo.resolve(ChangeFacts("light.a", 1, 0.0, "c9", None, "gone", EntityMeta()))
    assert (cause.kind, cause.reason, ref) == ("unknown", "parent_not_seen", None)


def test_device_cause_names_device_and_platform() -> None:
    memo = ContextMemo(100, 2.0)
    meta = EntityMeta(device_id="dev1", platform="zha")
    cause, ref = memo.resolve(ChangeFacts("light.a", 1, 0.0, "c1", None, None, meta))
    assert (cause.kind, cause.device_id, cause.platform, ref) == ("device", "dev1", "zha", None)
    assert cause.actor is None


def test_pure_modules_do_not_import_home_assistant() -> None:
    for name in PURE:
        tree = ast.parse((PACKAGE / name).read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith("homeassistant"), name
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith("homeassistant") for a in node.names), name
