"""Property-based tests of group forming and role rotation."""

from hypothesis import given
from hypothesis import strategies as st

from training.practice.grouping import group_sizes, groups_form, round_roles, rounds_needed
from training.practice.slots import SLOT_KEYS

people_strategy = st.dictionaries(
    keys=st.integers(min_value=1, max_value=10_000),
    values=st.lists(st.sampled_from(SLOT_KEYS), max_size=6),
    max_size=40,
)
history_strategy = st.lists(
    st.tuples(st.integers(1, 60), st.integers(1, 60)).map(frozenset), max_size=30
)


@given(people=people_strategy, history=history_strategy)
def test_everyone_who_opted_in_is_placed_once(people, history):
    groups = groups_form(people, together_before=history)
    placed = [pid for group in groups for pid in group]
    if len(people) < 2:
        assert placed == []
    else:
        assert sorted(placed) == sorted(people)


@given(people=people_strategy)
def test_no_group_below_two_or_above_four(people):
    for group in groups_form(people):
        assert 2 <= len(group) <= 4


@given(count=st.integers(min_value=0, max_value=200))
def test_pairs_only_when_the_cohort_is_too_small(count):
    sizes = group_sizes(count)
    assert sum(sizes) == (count if count >= 2 else 0)
    if 2 in sizes:
        assert count in (2, 5)


@given(size=st.integers(min_value=2, max_value=4), planned=st.integers(min_value=2, max_value=6))
def test_rotation_gives_every_member_the_listener_role(size, planned):
    rounds = rounds_needed(planned=planned, size=size)
    listeners = set()
    for index in range(rounds):
        roles = round_roles(round_index=index, size=size)
        assert roles.speaker != roles.listener
        assert roles.listener not in roles.observers and roles.speaker not in roles.observers
        assert len(roles.observers) == size - 2
        listeners.add(roles.listener)
    assert listeners == set(range(size))


def test_people_who_practised_together_are_split_when_possible():
    people = {pid: ["0-evening"] for pid in range(1, 10)}
    history = [frozenset((1, 2)), frozenset((1, 3)), frozenset((2, 3))]
    groups = groups_form(people, together_before=history)
    for group in groups:
        assert len({1, 2, 3} & set(group)) <= 1


def test_people_who_share_a_moment_are_grouped_together():
    people = {
        1: ["0-evening"],
        2: ["3-morning"],
        3: ["0-evening"],
        4: ["3-morning"],
        5: ["0-evening"],
        6: ["3-morning"],
    }
    groups = groups_form(people)
    assert sorted(sorted(g) for g in groups) == [[1, 3, 5], [2, 4, 6]]


def test_one_person_alone_is_not_grouped():
    assert groups_form({7: ["0-evening"]}) == []
