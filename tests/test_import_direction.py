"""Apps depend one way: no module under `training/` imports an app above its own.

The order, lowest first (apps on one level may not import each other either):
accounts, worker < courses < academies < learning < files, assessments < practice < certificates
< credentials < continuing < associations < groups < privacy, demo < operations. The top-level modules
(`training/http.py`, `spreadsheets.py`, `policies.py`, `actions.py`, `versioning.py`,
`errors.py`, `converters.py`, `blocks.py`, `mail.py`, `hooks.py`, `admin_toolkit.py`,
`protected_files.py`) are shared helpers: every app may
import them and they import no app (only each other). `training/api.py` may import any app.

Every `import` and `from … import` counts, at any depth (inside functions
too), relative imports resolved; migrations are left out (they name other
apps' migrations, which is how Django orders them).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

TRAINING = Path(__file__).resolve().parent.parent / "training"

LEVELS = {
    "accounts": 0,
    "worker": 0,
    "courses": 1,
    "academies": 2,
    "learning": 3,
    "files": 4,
    "assessments": 4,
    "practice": 5,
    "certificates": 6,
    "credentials": 7,
    "continuing": 8,
    "associations": 9,
    "groups": 10,
    "privacy": 11,
    "demo": 11,
    "operations": 12,
}
SHARED_HELPERS = {
    "http",
    "spreadsheets",
    "policies",
    "actions",
    "errors",
    "converters",
    "blocks",
    "versioning",
    "mail",
    "hooks",
    "admin_toolkit",
    "protected_files",
}
# May import any app; no app may import it (it would close a loop through it).
TOP = {"api"}

# Edges still allowed, each with who removes it: (module, imported app). Empty: the graph is clean.
KNOWN_OFFENDERS: set[tuple[str, str]] = set()


@dataclass(frozen=True)
class Edge:
    module: str
    line: int
    imported: str
    target: str

    def __str__(self) -> str:
        return f"{self.module}:{self.line} imports {self.imported} ({self.target})"


def _owner(dotted: str) -> str | None:
    """The unit of the ordering a dotted module name belongs to, or None outside training."""
    parts = dotted.split(".")
    if parts[0] != "training" or len(parts) < 2:
        return None
    return parts[1]


def _imported_names(node: ast.AST, package: str) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        if node.level:
            base = package.split(".")
            base = base[: len(base) - (node.level - 1)]
            module = ".".join([*base, node.module] if node.module else base)
        else:
            module = node.module or ""
        # `from training import api` imports the module training.api.
        return [module, *(f"{module}.{alias.name}" for alias in node.names)]
    return []


def _allowed(source: str, target: str) -> bool:
    if source == target:
        return True
    if source in TOP:
        return True
    if target in TOP:
        return False
    if target in SHARED_HELPERS:
        return True
    if source not in LEVELS or target not in LEVELS:
        return False  # an unknown app: put it in the order first
    return LEVELS[target] < LEVELS[source]


def upward_imports(source: str, *, module: str, is_package: bool = False) -> list[Edge]:
    """Every import in `source` (the text of `module`) that goes against the order."""
    owner = _owner(module)
    package = module if is_package else module.rpartition(".")[0]
    edges = []
    for node in ast.walk(ast.parse(source)):
        for name in _imported_names(node, package):
            target = _owner(name)
            if target is None or owner is None:
                continue
            if not _allowed(owner, target):
                edges.append(Edge(module=module, line=node.lineno, imported=target, target=name))
                break  # one entry per import statement
    return edges


def _modules():
    for path in sorted(TRAINING.rglob("*.py")):
        relative = path.relative_to(TRAINING.parent).with_suffix("")
        if "migrations" in relative.parts:
            continue
        is_package = relative.name == "__init__"
        parts = relative.parts[:-1] if is_package else relative.parts
        yield path, ".".join(parts), is_package


def test_training_apps_depend_one_way():
    edges = [
        edge
        for path, module, is_package in _modules()
        for edge in upward_imports(path.read_text(), module=module, is_package=is_package)
        if (edge.module, edge.imported) not in KNOWN_OFFENDERS
    ]
    assert not edges, "Imports against the app order:\n" + "\n".join(map(str, edges))


def test_every_app_is_in_the_order():
    apps = {
        path.name
        for path in TRAINING.iterdir()
        if path.is_dir() and (path / "__init__.py").exists()
    }
    assert apps <= set(LEVELS), f"Put these apps in LEVELS: {sorted(apps - set(LEVELS))}"


def test_the_checker_finds_upward_imports_at_any_depth():
    source = (
        "import training.learning.models\n"
        "from training.courses.pillars import Pillar\n"
        "from training import api\n"
        "\n"
        "def page_context():\n"
        "    from ..certificates.models import Certificate\n"
        "    from training.associations import selectors\n"
        "    from . import selectors as own\n"
        "    return Certificate, selectors, own\n"
    )
    edges = upward_imports(source, module="training.courses.models")
    assert [(edge.line, edge.imported) for edge in edges] == [
        (1, "learning"),
        (3, "api"),
        (6, "certificates"),
        (7, "associations"),
    ]
    assert "training.courses.models:6 imports certificates" in str(edges[2])


def test_the_checker_keeps_shared_helpers_free_of_apps_and_apps_on_one_level_apart():
    helper = upward_imports("from training.accounts.models import User\n", module="training.http")
    assert [edge.imported for edge in helper] == ["accounts"]
    sibling = upward_imports("from training.demo import seed\n", module="training.privacy.views")
    assert [edge.imported for edge in sibling] == ["demo"]
    api = upward_imports("from training.demo import seed\n", module="training.api")
    assert api == []
    shared = upward_imports("from training.http import no_store\n", module="training.demo.seed")
    assert shared == []
