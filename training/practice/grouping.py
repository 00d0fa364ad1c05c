"""Forming practice groups and rotating roles: pure functions, no database.

Rules, in order: everyone who opted in is placed; groups are threes; a pair
only when the numbers leave no other way (two or five people); a leftover
learner joins a group as a fourth, never alone; a single person is not
grouped at all. Among the possible groups, people who share moments of the
week and have not practised together before are preferred.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Roles:
    speaker: int
    listener: int
    observers: tuple[int, ...]


def group_sizes(count: int) -> list[int]:
    """The sizes of the groups for `count` people (empty for fewer than two)."""
    if count < 2:
        return []
    if count in (2, 3):
        return [count]
    if count == 5:
        return [3, 2]
    threes, rest = divmod(count, 3)
    sizes = [3] * threes
    for index in range(rest):  # rest 1: one four; rest 2: two fours (threes >= 2 here)
        sizes[index] = 4
    return sizes


def groups_form(
    people: Mapping[Hashable, Iterable[str]],
    *,
    together_before: Iterable[frozenset] = (),
) -> list[list[Hashable]]:
    """Place every person of `people` (id -> their slots) in a group.

    `together_before` holds pairs of ids who already practised together; the
    order of ids in the input does not matter to the result's validity.
    """
    ids = sorted(people, key=lambda pid: (len(set(people[pid])), str(pid)))
    slots = {pid: set(people[pid]) for pid in ids}
    seen = {frozenset(pair) for pair in together_before}
    groups: list[list[Hashable]] = []
    unplaced = list(ids)
    for size in group_sizes(len(ids)):
        group = [unplaced.pop(0)]  # the most constrained person first
        while len(group) < size:
            shared = set.intersection(*(slots[pid] for pid in group))

            def score(candidate, group=group, shared=shared):
                repeats = sum(1 for member in group if frozenset((member, candidate)) in seen)
                return (-repeats, len(shared & slots[candidate]))

            best = max(unplaced, key=score)
            unplaced.remove(best)
            group.append(best)
        groups.append(group)
    return _improve(groups, slots=slots, seen=seen)


def _cost(group, *, slots, seen) -> int:
    """Lower is better: practising again together weighs far more than a missed moment."""
    repeats = sum(
        1 for i, a in enumerate(group) for b in group[i + 1 :] if frozenset((a, b)) in seen
    )
    shared = set.intersection(*(slots[pid] for pid in group))
    return repeats * 100 - min(len(shared), 1) * 10 - len(shared)


def _improve(groups, *, slots, seen, max_passes: int = 5):
    """Swap people between groups while that lowers the total cost (sizes stay)."""
    for _ in range(max_passes):
        improved = False
        for gi in range(len(groups)):
            for gj in range(gi + 1, len(groups)):
                for a in list(groups[gi]):
                    for b in list(groups[gj]):
                        before = _cost(groups[gi], slots=slots, seen=seen) + _cost(
                            groups[gj], slots=slots, seen=seen
                        )
                        first = [b if pid == a else pid for pid in groups[gi]]
                        second = [a if pid == b else pid for pid in groups[gj]]
                        after = _cost(first, slots=slots, seen=seen) + _cost(
                            second, slots=slots, seen=seen
                        )
                        if after < before:
                            groups[gi], groups[gj] = first, second
                            improved = True
                            break
                    if improved:
                        break
        if not improved:
            break
    return groups


def rounds_needed(*, planned: int, size: int) -> int:
    """Enough rounds for every member to listen once."""
    return max(planned, size)


def round_roles(*, round_index: int, size: int) -> Roles:
    """Roles of the members (by position) in round `round_index` (0-based)."""
    listener = round_index % size
    speaker = (round_index + 1) % size
    observers = tuple(p for p in range(size) if p not in (listener, speaker))
    return Roles(speaker=speaker, listener=listener, observers=observers)


def round_roles_with_trainer(*, round_index: int, learners: int) -> tuple[int, int | None]:
    """(listener, speaker) by learner position in a group a trainer completed.

    Only learners listen (a trainer's listening would count for no one); the
    next learner speaks, or the trainer (None) when one learner practises
    alone with them. The trainer observes every round.
    """
    listener = round_index % learners
    speaker = (round_index + 1) % learners if learners > 1 else None
    return listener, speaker
