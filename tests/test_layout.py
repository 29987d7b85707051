"""The layout shows the design: no import cycles in mailer/ and storage/, and the pure reader stays pure.

Imports are read with ``ast`` from the source (nothing is imported): top-level and function-level imports alike,
except those under ``if TYPE_CHECKING:``, which only annotations use.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("mailer", "storage")
# What the pure reader may never import (its __init__ says why).
FORBIDDEN_IN_READING = ("sqlalchemy", "alembic", "psycopg", "imapclient", "aiosmtplib", "smtplib", "imaplib",
                        "socket", "ssl", "asyncio", "urllib.request", "http", "storage", "mailer.desk",
                        "mailer.edges", "mailer.digest", "mailer.commands", "mailer.pipeline", "mailer.worker")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def sources() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" not in path.parts:
                found[module_name(path)] = path
    return found


def _type_checking_only(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def imported_names(path: Path, module: str) -> set[str]:
    """Every module *path* imports, as dotted names (``from a import b`` gives ``a.b`` and ``a``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if _type_checking_only(child):
                continue
            if isinstance(child, ast.Import):
                names.update(a.name for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package.split(".")[: len(package.split(".")) - (child.level - 1)]
                    base = ".".join(anchor + ([base] if base else []))
                names.add(base)
                names.update(f"{base}.{a.name}" for a in child.names)
            visit(child)

    visit(tree)
    return names


def graph() -> dict[str, set[str]]:
    """module -> the project modules it imports (a package's __init__ is not counted as a dependency)."""
    mods = sources()
    edges = {}
    for name, path in mods.items():
        targets = {n for n in imported_names(path, name) if n in mods and n != name}
        # `from mailer.desk import confirm` names both the package and the module: keep the module only
        edges[name] = {t for t in targets if not (mods[t].name == "__init__.py"
                                                  and any(o.startswith(t + ".") for o in targets))}
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def strong(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            strong(v)
    return found


def test_no_import_cycle_between_modules_of_mailer_and_storage():
    assert cycles(graph()) == []


def test_the_cycle_finder_sees_a_cycle():
    """The check above can fail: a made-up edge back from the reader to the pipeline is a cycle."""
    edges = graph()
    edges["mailer.reading.parse"] = edges["mailer.reading.parse"] | {"mailer.pipeline"}
    assert any("mailer.pipeline" in c and "mailer.reading.parse" in c for c in cycles(edges))


@pytest.mark.parametrize("module", sorted(m for m in sources() if m.startswith("mailer.reading")))
def test_the_reader_imports_no_database_network_or_desk(module):
    path = sources()[module]
    bad = sorted(n for n in imported_names(path, module)
                 if any(n == f or n.startswith(f + ".") for f in FORBIDDEN_IN_READING))
    assert bad == [], f"{module} imports {bad}: mailer/reading must stay pure (see its __init__)"


def test_mailer_has_at_most_ten_modules_at_its_top():
    top = sorted(p.name for p in (ROOT / "mailer").glob("*.py"))
    assert len(top) <= 10, top


def test_every_subpackage_says_what_lives_there_and_what_it_may_import():
    for init in (ROOT / "mailer").glob("*/__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert "import" in doc.lower() and len(doc) > 120, f"{init.parent.name}/__init__.py: no such docstring"
