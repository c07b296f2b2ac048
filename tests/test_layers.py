"""The layers of docs/architecture.md hold: no package imports one that sits above it.

Every import of every module of the packages is read with ast, including those inside
functions (the command line's lazy `ui.app`, the reports' openpyxl), so an import cannot slip
past by being lazy. Tests, `bench/` and `docs/` scripts drive the packages from outside and are
not checked.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("cli", "intake", "db", "ui", "labels", "devices")
# The domain's core: what an item, an event and a quantity are, with no storage beneath them.
CORE = ("intake.model", "intake.events", "intake.lifecycle", "intake.order", "intake.units",
        "intake.codes", "intake.errors")


@dataclass(frozen=True)
class Import:
    """One import statement: which module makes it, where, and what it imports."""

    module: str
    path: Path
    line: int
    target: str


def within(name: str, *packages: str) -> bool:
    """Whether the dotted `name` is one of `packages` or inside one."""
    return any(name == package or name.startswith(f"{package}.") for package in packages)


@dataclass(frozen=True)
class Rule:
    """Modules for which `applies` holds import nothing `within` one of `forbidden`."""

    name: str
    applies: Callable[[str], bool]
    forbidden: tuple[str, ...]


RULES = [
    Rule("intake's core (model, events, lifecycle, order, units, codes, errors) imports no db",
         lambda module: module in CORE, ("db",)),
    Rule("nothing but ui and the entry point (cli) imports ui",
         lambda module: not within(module, "ui", "cli"), ("ui",)),
    Rule("labels and devices import neither db nor ui",
         lambda module: within(module, "labels", "devices"), ("db", "ui")),
    Rule("db imports no ui and no cli", lambda module: within(module, "db"), ("ui", "cli")),
    Rule("nothing imports cli (but tests)", lambda module: not within(module, "cli"), ("cli",)),
]


def module_name(path: Path, root: Path) -> str:
    """`intake/model.py` -> `intake.model`; a package's `__init__.py` is the package."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, root: Path) -> list[Import]:
    """Every import in the module at `path`, at any depth, relative ones made absolute."""
    module = module_name(path, root)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            parts = package.split(".")
            base = ".".join(parts[:len(parts) - node.level + 1]) if node.level else ""
            absolute = ".".join(part for part in (base, node.module) if part)
            # `from .. import db` names the package it imports only in its names
            targets = [absolute] if absolute else [alias.name for alias in node.names]
        else:
            continue
        found += [Import(module, path, node.lineno, target) for target in targets]
    return found


def all_imports(root: Path) -> list[Import]:
    """The imports of every module of the packages under `root`."""
    return [found for package in PACKAGES for path in sorted((root / package).rglob("*.py"))
            for found in imports_of(path, root)]


def offences(rule: Rule, imports: list[Import]) -> list[Import]:
    """The imports that break `rule`."""
    return [found for found in imports
            if rule.applies(found.module) and within(found.target, *rule.forbidden)]


def report(rule: Rule, broken: list[Import], root: Path) -> str:
    """The broken rule and a line per offending import, as a failure message."""
    lines = sorted({f"  {found.path.relative_to(root)}:{found.line}: {found.module} imports "
                    f"{found.target}" for found in broken})
    return f"{rule.name}; broken by:\n" + "\n".join(lines)


@pytest.mark.parametrize("rule", RULES, ids=[rule.name for rule in RULES])
def test_the_packages_keep_their_layers(rule: Rule) -> None:
    broken = offences(rule, all_imports(ROOT))
    assert not broken, report(rule, broken, ROOT)


def test_every_core_module_is_there() -> None:
    """A renamed core module would leave its rule checking nothing."""
    assert [name for name in CORE if not (ROOT / f"{name.replace('.', '/')}.py").is_file()] == []


def test_an_import_inside_a_function_is_read() -> None:
    found = all_imports(ROOT)
    assert any(f.module == "cli.main" and f.target == "ui.app" for f in found)


def test_a_broken_layer_is_named_with_its_place(tmp_path: Path) -> None:
    for package in PACKAGES:
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text("")
    (tmp_path / "labels" / "render.py").write_text(
        "from . import layout\n\n\ndef draw():\n    from db.store import Store\n    return Store\n")
    (tmp_path / "intake" / "model.py").write_text("from .. import db\nfrom ..db import files\n")
    (tmp_path / "db" / "store.py").write_text("import intake.model\n")
    (tmp_path / "db" / "tool.py").write_text("from cli.main import main\n")
    imports = all_imports(tmp_path)
    messages = [report(rule, offences(rule, imports), tmp_path)
                for rule in RULES if offences(rule, imports)]
    assert messages == [
        f"{RULES[0].name}; broken by:\n"
        "  intake/model.py:1: intake.model imports db\n"
        "  intake/model.py:2: intake.model imports db",
        f"{RULES[2].name}; broken by:\n"
        "  labels/render.py:5: labels.render imports db.store",
        f"{RULES[3].name}; broken by:\n"
        "  db/tool.py:1: db.tool imports cli.main",
        f"{RULES[4].name}; broken by:\n"
        "  db/tool.py:1: db.tool imports cli.main",
    ]
