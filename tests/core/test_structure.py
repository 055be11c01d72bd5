"""The shape of ``journal.core``: no module imports, directly or through others, a module that
imports it back.

The import graph is read from the source with ``ast`` (nothing is imported), so a cycle hidden in a
function-local import counts as much as one at the top of a file. Imports under
``if TYPE_CHECKING:`` are left out: they never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import journal.core

CORE_DIR = Path(journal.core.__file__).parent
PACKAGE = "journal.core"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(CORE_DIR).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join([PACKAGE, *parts])


def _core_modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(CORE_DIR.rglob("*.py"))}


def _is_type_checking_guard(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imported_names(tree: ast.AST, module: str, is_package: bool,
                    known: set[str] | frozenset[str] = frozenset()) -> set[str]:
    """Every module an import statement anywhere in ``tree`` names, relative ones resolved.
    ``from X import y`` names ``X.y`` when that is one of the ``known`` modules, else ``X``."""
    found: set[str] = set()
    base = module.split(".") if is_package else module.split(".")[:-1]

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking_guard(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = base[:len(base) - (node.level - 1)]
                target = ".".join([*anchor, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in known else target)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def import_graph() -> dict[str, set[str]]:
    """module → the journal.core modules it imports (a package stands for its ``__init__``)."""
    modules = _core_modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        names = _imported_names(tree, name, path.name == "__init__.py", set(modules))
        graph[name] = {n for n in names if n in modules and n != name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle as a list of modules (first == last), or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def walk(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt):], nxt]
            if nxt not in state:
                cycle = walk(nxt)
                if cycle:
                    return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state:
            cycle = walk(start)
            if cycle:
                return cycle
    return None


def test_journal_core_has_no_import_cycle() -> None:
    graph = import_graph()
    assert len(graph) > 30  # the walk really found the core's modules
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle in journal.core: " + " -> ".join(cycle or [])


def test_graph_sees_function_local_and_relative_imports() -> None:
    source = (
        "from . import sibling\n"
        "from .db import Database\n"
        "import typing\n"
        "if typing.TYPE_CHECKING:\n"
        "    from journal.core import only_for_types\n"
        "def f():\n"
        "    from journal.core.store import Journal\n"
        "    import journal.core.audit\n"
    )
    known = {"journal.core.store.sibling", "journal.core.only_for_types"}
    names = _imported_names(ast.parse(source), "journal.core.store.entries", False, known)
    assert names == {"journal.core.store.sibling", "journal.core.store.db", "journal.core.store",
                     "journal.core.audit", "typing"}


def test_find_cycle_reports_a_two_module_loop_and_accepts_a_tree() -> None:
    assert find_cycle({"a": {"b"}, "b": {"a"}}) == ["a", "b", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


# reaching into another object's private attributes, with the reason it is allowed
_PRIVATE_ACCESS_ALLOWED = {
    # the facade's own classmethod finishing the object it has just built
    ("journal.core.store", "journal._migrations"),
    ("journal.core.store", "journal._signing_key"),  # likewise: the key made on create/first open
    ("journal.core.store", "journal._index"),  # likewise: the search index rebuilt on open if stale
    ("journal.core.store", "journal._overview"),  # likewise: the overview's aggregates
    ("journal.core.store", "journal._upgrade_plan"),  # likewise: the steps of that first open
    # reportlab reads a paragraph's outline level from this attribute (its convention, not ours)
    ("journal.core.report.sections.base", "p._outline"),
    # reportlab 5's own internals, read and written as reportlab itself does, where the PDF's
    # layout skips steps of its own (tests compare the result with reportlab's, attribute for
    # attribute or byte for byte): the page code and state of a canvas (one-line flowables)...
    *(("journal.core.report.layout", expression) for expression in (
        "canv._doc", "canv._escape", "canv._extgstate", "canv._fillMode", "canvas._code",
        "rl_canvas.Canvas._escape", "type(canv)._escape",
        # ...and a paragraph's line breaking (lines of plain text that fit)
        "p._hyphenations", "p._splitLongWordCount", "p._width_max", "rp._FK_BREAK",
        "rp._FK_TEXT", "rp._FUZZ", "rp._HSFrag", "rp._getFragWords", "wi._fkind")),
}


def private_access() -> set[tuple[str, str]]:
    """(module, expression) for every ``x._name`` in journal.core where ``x`` is not self/cls."""
    found: set[tuple[str, str]] = set()
    for name, path in _core_modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and node.attr.startswith("_")
                    and not node.attr.startswith("__")
                    and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))):
                found.add((name, ast.unparse(node)))
    return found


def test_no_module_reaches_into_another_objects_private_parts() -> None:
    """The store's parts talk through public methods (no mixins sharing private state), and no
    module outside the store touches the journal's connection or lock behind its back."""
    assert private_access() - _PRIVATE_ACCESS_ALLOWED == set()


def _popen_calls(tree: ast.AST) -> list[ast.Call]:
    return [n for n in ast.walk(tree) if isinstance(n, ast.Call)
            and isinstance(n.func, ast.Attribute) and n.func.attr == "Popen"]


def test_every_helper_process_is_started_without_a_console_window() -> None:
    """On Windows each helper process the app starts would open a console window of its own
    beside the app unless started with ``creationflags=NO_CONSOLE`` (journal.core.childproc)."""
    src = CORE_DIR.parent
    calls = {p.relative_to(src).as_posix(): _popen_calls(ast.parse(p.read_text("utf-8")))
             for p in sorted(src.rglob("*.py"))}
    started = {path: found for path, found in calls.items() if found}
    assert len(started) >= 4  # the picture helper, the import sandbox, recognition, verify
    without = [f"{path}:{c.lineno}" for path, found in started.items() for c in found
               if not any(k.arg == "creationflags" and isinstance(k.value, ast.Name)
                          and k.value.id == "NO_CONSOLE" for k in c.keywords)]
    assert without == []
