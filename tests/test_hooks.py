"""One extension mechanism (`training.hooks`): every hook is listed, contributed to in
order, and documented in the README's table."""

import re
from pathlib import Path

from wagtail import hooks

from training.hooks import HOOKS, ORDER, contributions

ROOT = Path(__file__).resolve().parent.parent


def test_every_hook_has_a_contribution_from_a_higher_app():
    for hook in HOOKS:
        found = contributions(hook)
        assert found, hook.name
        for fn in found:
            app = fn.__module__.split(".")[1]
            assert ORDER[app] > ORDER.get(hook.asked_by, 0), (hook.name, fn.__module__)


def test_contributions_run_in_order_of_the_app_levels():
    for hook in HOOKS:
        levels = [ORDER[fn.__module__.split(".")[1]] for fn in contributions(hook)]
        assert levels == sorted(levels), hook.name


def test_a_temporary_contribution_is_seen_and_then_gone():
    hook = HOOKS[0]

    def extra(**kwargs):
        return {}

    with hooks.register_temporarily(hook.name, extra, order=1000):
        assert contributions(hook)[-1] is extra
    assert extra not in contributions(hook)


def test_a_function_registered_twice_contributes_once():
    hook = HOOKS[0]

    def extra(**kwargs):
        return {}

    with hooks.register_temporarily([(hook.name, extra), (hook.name, extra)], order=1000):
        assert contributions(hook).count(extra) == 1


def test_the_readme_lists_every_hook():
    readme = (ROOT / "README.md").read_text()
    listed = set(re.findall(r"^\| `(lotgenoot_[a-z_]+)` \|", readme, re.MULTILINE))
    assert listed == {hook.name for hook in HOOKS}


def test_no_app_keeps_a_registry_of_its_own():
    """The old pattern: a module-level list that `register_…` functions append to."""
    pattern = re.compile(r"^_[A-Za-z_]+: list\[(Callable|type|[A-Z][A-Za-z]*Provider)")
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "training").rglob("*.py")
        for line in path.read_text().splitlines()
        if pattern.match(line)
    ]
    assert offenders == []
