"""Only SQLite opens the database, its -wal and its -shm (issue 11, point 1).

On Linux, closing any descriptor of a file drops every POSIX lock the process holds on it,
SQLite's own included (sqlite.org/howtocorrupt.html, 2.2): a header check with a plain `open()`
once let another program delete the WAL under the running app. This test reads every module of
the app with `ast` and lists each call that opens or copies a file by name other than through
SQLite: `open()`, `Path.open`/`read_bytes`/`write_bytes`/`read_text`/`write_text`/`touch`,
`os.open`/`fdopen`/`truncate`, `io.open`/`FileIO`, `mmap`, `shutil`'s copies and `move`,
`tempfile`'s files, and the libraries that write or read a named file (reportlab's Canvas,
Qt's QFile/QSaveFile/QPdfWriter/QImageWriter, openpyxl's load_workbook, `.save(x)`, `.load(x)`).
Each must be in ALLOWED with the reason it never touches a database file; a new one fails here
until someone has looked at it. `tests/test_shared_file.py` checks the same at run time.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("intake", "db", "ui", "labels", "devices", "cli")

FILE_FUNCTIONS = {
    "open", "io.open", "io.FileIO", "os.open", "os.fdopen", "os.truncate", "mmap.mmap",
    "shutil.copy", "shutil.copy2", "shutil.copyfile", "shutil.copyfileobj", "shutil.copytree",
    "shutil.move", "tempfile.mkstemp", "tempfile.NamedTemporaryFile", "tempfile.TemporaryFile",
    "tempfile.SpooledTemporaryFile", "reportlab.pdfgen.canvas.Canvas",
    "PySide6.QtCore.QFile", "PySide6.QtCore.QSaveFile", "PySide6.QtGui.QPdfWriter",
    "PySide6.QtGui.QImageWriter", "openpyxl.load_workbook",
}
FILE_METHODS = {"open", "read_bytes", "write_bytes", "read_text", "write_text", "touch"}
ONE_ARGUMENT_METHODS = {"save", "load"}  # book.save(out), document.load(path)
# `.open()` on these, or on a new ...Panel(...), opens a window, not a file; Store.open goes
# through SQLite.
NOT_FILES = {"panel", "keypad", "choice", "typed", "Store"}

# (module, function, call) -> why it never opens a database, a backup, a -wal or a -shm.
ALLOWED = {
    ("ui/widgets/keyboard.py", "TextEntryPanel.open", "super().open"):
        "the on-screen keyboard opens as a window (`Panel.open`), then takes a physical "
        "keyboard's keys; no file",
    ("intake/report_reuse.py", "reused", "_kept(copy_path).read_text"):
        "reads a site's last report kept beside its hub copy (`.last-report.json`), never a "
        "database",
    ("ui/sounds/make_sounds.py", "write", "wave.open"):
        "a developer's script writes the app's two WAV files beside itself, never a database",
    ("db/files.py", "sync_folder", "os.open"):
        "opens the folder (O_RDONLY) to fsync a new name, not a file in it",
    ("intake/outfiles.py", "OutputFile.write", "os.open"):
        "writes the temporary file reserve() made for a user's --out/--label/--note, which "
        "reserve() refused if it names the database, its -wal/-shm or a backup",
    ("intake/outfiles.py", "reserve", "tempfile.mkstemp"):
        "makes a new, empty temporary file beside a checked output path",
    ("labels/printing.py", "sync_folder", "os.open"):
        "opens the folder (O_RDONLY) to fsync a new name, not a file in it",
    ("intake/export_places.py", "Volumes._linux", "self.mounts.read_text"):
        "reads the mount table (/proc/self/mounts) to find USB sticks",
    ("intake/export_places.py", "Volumes._removable", "(disk / 'removable').read_text"):
        "reads the kernel's removable flag of a block device under /sys",
    ("cli/main.py", "_silence_stdout", "os.open"):
        "opens /dev/null to put under stdout once its reader has gone",
    ("intake/exports.py", "report_xlsx", "book.save"): "saves the workbook into a BytesIO",
    ("labels/render.py", "render_pdf", "Canvas"): "draws the label PDF into a BytesIO",
    ("labels/receipt.py", "receipt_pdf", "Canvas"):
        "draws a till receipt on label stock into a BytesIO",
    ("labels/printing.py", "save_new_file", "tempfile.NamedTemporaryFile"):
        "a new .part file for a label PDF or a report in the label or documents folder",
    ("ui/qt_printer.py", "QtPrinter.print_pdf", "path.write_bytes"):
        "the label PDF into a temporary folder of its own, for QtPdf",
    ("ui/qt_printer.py", "QtPrinter.print_pdf", "document.load"):
        "QtPdf reads that label PDF back",
    ("ui/widgets/icons.py", "icon", "path.read_text"): "an SVG icon shipped with the app",
    ("ui/i18n.py", "Language.apply", "translator.load"):
        "Qt reads a .qm translation shipped with the app",
    ("ui/translations/build.py", "main", "ts.read_text"):
        "the translation source, in a developer's build step",
    ("devices/serial_link.py", "SerialWorker._run", "self.settings.open"):
        "opens the serial port of a scale or scanner (pyserial)",
}


def _imports(tree: ast.Module) -> dict[str, str]:
    """Local name -> what it was imported as ('shutil', 'shutil.copy2', ...)."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                names[alias.asname or alias.name] = alias.name
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return names


def _opens_a_file(call: ast.Call, imports: dict[str, str]) -> bool:
    func = call.func
    if isinstance(func, ast.Name):
        return imports.get(func.id, func.id) in FILE_FUNCTIONS
    if not isinstance(func, ast.Attribute):
        return False
    receiver = func.value
    if (func.attr == "open" and isinstance(receiver, ast.Call)
            and isinstance(receiver.func, ast.Name) and receiver.func.id.endswith("Panel")):
        return False
    if isinstance(receiver, ast.Name):
        if f"{imports.get(receiver.id, receiver.id)}.{func.attr}" in FILE_FUNCTIONS:
            return True
        if (receiver.id in NOT_FILES or receiver.id.endswith("_panel")) and func.attr == "open":
            return False
    if func.attr in FILE_METHODS:
        return True
    return func.attr in ONE_ARGUMENT_METHODS and len(call.args) + len(call.keywords) == 1


def file_openings(source: str, module: str) -> list[tuple[str, str, str, int]]:
    """(module, enclosing function, call, line) of every call in `source` that opens a file."""
    tree = ast.parse(source)
    imports = _imports(tree)
    found = []

    def visit(node: ast.AST, scope: list[str]) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                visit(child, [*scope, child.name])
                continue
            if isinstance(child, ast.Call) and _opens_a_file(child, imports):
                found.append((module, ".".join(scope) or "<module>",
                               ast.unparse(child.func), child.lineno))
            visit(child, scope)

    visit(tree, [])
    return found


def all_file_openings() -> list[tuple[str, str, str, int]]:
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            module = path.relative_to(ROOT).as_posix()
            found += file_openings(path.read_text(encoding="utf-8"), module)
    return found


def test_no_module_opens_a_file_that_was_not_reviewed() -> None:
    unreviewed = [f"{module}:{line} {call}() in {function}"
                  for module, function, call, line in all_file_openings()
                  if (module, function, call) not in ALLOWED]
    assert not unreviewed, (
        "a file is opened other than through SQLite; if it can never be the database, a "
        "backup, a -wal or a -shm, add it to ALLOWED with the reason:\n" + "\n".join(unreviewed))


def test_every_allowed_call_still_exists() -> None:
    """The list stays the list of what is there: a call that went leaves with its reason."""
    present = {(module, function, call) for module, function, call, _ in all_file_openings()}
    assert sorted(set(ALLOWED) - present) == []


def test_the_old_header_check_is_caught() -> None:
    """The check that cost the gate its items, and the other usual ways, are all found."""
    source = '''
import shutil
from shutil import copy2 as cp
def _check_is_ambacht(path):
    with path.open("rb") as handle:
        handle.read(16)
    with open(path, "rb"):
        pass
    path.read_bytes()
    shutil.copy(path, "x")
    cp(path, "y")
'''
    calls = [call for _, _, call, _ in file_openings(source, "db/connection.py")]
    assert calls == ["path.open", "open", "path.read_bytes", "shutil.copy", "cp"]
