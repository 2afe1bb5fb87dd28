"""The package's layers, as docs/design.md draws them, checked on the source itself.

Imports are read with `ast` (nothing is imported), every one of them,
including those inside functions; only `if TYPE_CHECKING:` blocks, which
never run, are left out.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "assistant"

# Which subpackages (or top-level modules) each part of the package may import.
BOTTOM = {"config", "errors", "records", "text", "atomic_file"}
ALLOWED = {
    "bottom": {"bottom"},
    "embedding": {"bottom", "embedding"},
    "store": {"bottom", "store"},
    "database": {"bottom", "database"},
    "ingest": {"bottom", "ingest", "embedding", "store", "database"},
    "retrieval": {"bottom", "retrieval", "embedding", "store"},
    "answering": {"bottom", "answering", "embedding"},
    "evaluation": {"bottom"},
    "export": {"bottom"},
    "testing": {"bottom"},
    "core": {"bottom", "embedding", "store", "database", "ingest", "retrieval", "answering"},
}
# Third-party libraries that only one part may import.
OWNERS = {
    "chromadb": {"store"},
    "torch": {"embedding"},
    "onnxruntime": {"embedding"},
    "transformers": {"embedding"},
    "tokenizers": {"embedding"},
    "gradio": {"web"},
    "sqlalchemy": {"database"},
    "llama_index": {"embedding", "answering"},
    "httpx": {"ingest", "answering"},
    "httpcore": {"ingest"},
    "trafilatura": {"ingest"},
    "feedparser": {"ingest"},
    "pypdfium2": {"ingest"},
    "docx": {"ingest"},
}
FACES = {"cli", "web", "__main__"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def part_of(module: str) -> str:
    """The layer a module belongs to: its subpackage, or the module name at the top."""
    parts = module.split(".")
    if len(parts) == 1:
        return "package"
    name = parts[1]
    return "bottom" if name in BOTTOM else name


def imports(path: Path) -> Iterator[str]:
    """Every module `path` imports, resolved to submodules where a name is one."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(child) for inner in node.body for child in ast.walk(inner))
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                as_file = REPO / Path(*candidate.split("."))
                is_module = as_file.with_suffix(".py").is_file() or as_file.is_dir()
                yield candidate if is_module else node.module


SOURCES = [*sorted(PACKAGE.rglob("*.py")), REPO / "app.py"]
GRAPH = {module_name(path): set(imports(path)) for path in SOURCES}


@pytest.mark.parametrize("library", sorted(OWNERS))
def test_heavy_libraries_live_in_one_part_each(library: str) -> None:
    users = {
        module
        for module, imported in GRAPH.items()
        if any(i == library or i.startswith(f"{library}.") for i in imported)
    }
    assert users, f"nothing imports {library} any more: drop the rule"
    assert {part_of(m) for m in users} <= OWNERS[library], sorted(users)


def test_each_part_imports_only_the_parts_below_it() -> None:
    wrong = []
    for module, imported in GRAPH.items():
        part = part_of(module)
        if part not in ALLOWED:
            continue
        for target in imported:
            if target.startswith("assistant.") and part_of(target) not in ALLOWED[part]:
                wrong.append(f"{module} -> {target}")
    assert not wrong, wrong


def test_the_faces_use_the_public_api_only() -> None:
    """The command line, the web app and app.py import `assistant` itself, not its insides
    (a face may import its own modules, and app.py the web face it starts)."""
    wrong = []
    for module, imported in GRAPH.items():
        part = part_of(module)
        if part not in FACES and module != "app":
            continue
        own = {"assistant.web"} if part in ("web", "cli") or module == "app" else set()
        own |= {"assistant.cli"} if part in ("cli", "__main__") else set()
        for target in imported:
            if not target.startswith("assistant."):
                continue
            if not any(target == face or target.startswith(f"{face}.") for face in own):
                wrong.append(f"{module} -> {target}")
    assert not wrong, wrong


def test_the_public_api_is_the_only_door_the_faces_need() -> None:
    import assistant

    faces = [path for path in SOURCES if part_of(module_name(path)) in FACES]
    for path in [*faces, REPO / "app.py"]:
        module = module_name(path)
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "assistant":
                for alias in node.names:
                    assert alias.name in assistant.__all__, f"{module} uses {alias.name}"


def test_there_are_no_import_cycles() -> None:
    internal = {m: {t for t in ts if t in GRAPH} for m, ts in GRAPH.items()}
    state: dict[str, str] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for target in sorted(internal[module]):
            if state.get(target) == "open":
                cycle = [*path[path.index(target) :], target]
                pytest.fail(f"import cycle: {' -> '.join(cycle)}")
            if target not in state:
                visit(target, [*path, target])
        state[module] = "done"

    for module in sorted(internal):
        if module not in state:
            visit(module, [module])
