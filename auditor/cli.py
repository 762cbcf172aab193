"""The ``brand-auditor`` command line (SPEC §4).

Exit codes: 0 success, 2 wrong usage, 3 invalid input data (nothing written), 4 project
file problem. Errors are printed as one sentence each; a traceback only with --debug.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from auditor import __version__, cli_audit
from auditor.errors import AuditorError, InputError
from auditor.exporter import EXPORTABLE, export_table
from auditor.importer import KINDS, import_file
from auditor.paths import default_project_path
from auditor.sample import load_sample
from auditor.store import Project

COMMANDS = ("gui", "init", "import", "export", "audit", "findings", "report")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one sentence, exit 2, as argparse does, minus the usage dump
        self.exit(2, f"{self.prog}: {message}. See '{self.prog} --help'.\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="brand-auditor", description="Check whether a brand keeps its promises at every touchpoint.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--debug", action="store_true", help="show a full traceback on unexpected errors")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    gui = commands.add_parser("gui", help="open the desktop app (the default)")
    gui.add_argument("project", nargs="?", type=Path, help="project file (default: your data folder)")
    gui.add_argument("--screenshot", metavar="DIR", type=Path,
                     help="render every page to PNG files in DIR and exit (no display needed)")
    gui.add_argument("--lang", choices=("en", "zh"), help="the app's language (default: the setting or the system's)")
    gui.set_defaults(func=_gui)

    init = commands.add_parser("init", help="create a project file")
    init.add_argument("project", type=Path)
    init.add_argument("--sample", action="store_true", help="load the bundled sample brand")
    init.set_defaults(func=_init)

    load = commands.add_parser("import", help="import touchpoints, promises, scripts or observations")
    load.add_argument("project", type=Path)
    load.add_argument("kind", choices=KINDS)
    load.add_argument("file", type=Path)
    load.add_argument("--encoding", help="the file's text encoding (detected if not given)")
    load.add_argument("--sheet", help="the Excel sheet to read (default: the first)")
    load.add_argument("--dry-run", action="store_true", help="check the file and report, but write nothing")
    load.set_defaults(func=_import)

    export = commands.add_parser("export", help="export a table as CSV, XLSX or JSON")
    export.add_argument("project", type=Path)
    export.add_argument("kind", choices=EXPORTABLE)
    export.add_argument("-o", "--output", required=True, type=Path, help="file to write (.csv, .xlsx or .json)")
    export.set_defaults(func=_export)
    cli_audit.add_commands(commands)
    return parser


def _init(args: argparse.Namespace) -> int:
    existed = args.project.exists() and args.project.stat().st_size > 0
    with Project.open(args.project, create=True) as project:
        print(f"{'Opened existing' if existed else 'Created'} project {args.project}")
        if args.sample:
            for result in load_sample(project):
                print(f"  sample {result.kind}: {result.summary}")
    return 0


def _import(args: argparse.Namespace) -> int:
    with Project.open(args.project) as project:
        result = import_file(project, args.kind, args.file, encoding=args.encoding, sheet=args.sheet,
                             dry_run=args.dry_run)
    for warning in result.warnings:
        print(f"{args.file}: note: {warning}", file=sys.stderr)
    print(f"{args.file}: {result.kind}: {result.summary}")
    return 0


def _export(args: argparse.Namespace) -> int:
    with Project.open(args.project) as project:
        count = export_table(project, args.kind, args.output)
    print(f"Exported {count} {args.kind} to {args.output}")
    return 0


def _gui(args: argparse.Namespace) -> int:
    # The one hand-off from the engine to the desktop app; imported by name so the
    # engine itself never imports Qt.
    try:
        app = importlib.import_module("ui.app")
    except ImportError as error:
        raise AuditorError(f"The desktop app cannot start: {error}. Reinstall with 'pip install .'.") from None
    if args.screenshot is not None:
        screenshots = importlib.import_module("ui.screenshots")
        written = screenshots.take_screenshots(args.project or default_project_path(), args.screenshot, args.lang)
        print("\n".join(f"wrote {path}" for path in written))
        return 0
    return app.run(args.project or default_project_path(), lang=args.lang)


def _report(error: AuditorError) -> None:
    print(f"error: {error}", file=sys.stderr)
    if isinstance(error, InputError):
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        hidden = error.total - len(error.problems)
        if hidden > 0:
            print(f"  … and {hidden} more problems", file=sys.stderr)


def _looks_like_a_project(arg: str) -> bool:
    """A file that exists, or a path (``brand.btaproj``, ``~/p``); not a mistyped command."""
    path = Path(arg)
    return path.exists() or bool(path.suffix) or len(path.parts) > 1


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv  # accepted anywhere on the line
    argv = [arg for arg in argv if arg != "--debug"]
    # `brand-auditor` and `brand-auditor PROJECT` open the desktop app.
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
        if len(argv) > 1 or (argv and not _looks_like_a_project(argv[0])):
            print(f"brand-auditor: '{argv[0]}' is not a command or an existing project file. "
                  "See 'brand-auditor --help'.", file=sys.stderr)
            return 2
        argv.insert(0, "gui")
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.func
    try:
        return handler(args)
    except AuditorError as error:  # expected: bad data, bad file; --debug changes nothing here
        _report(error)
        return error.exit_code
    except BrokenPipeError:  # `brand-auditor findings P | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("Interrupted; nothing more was written.", file=sys.stderr)
        return 130
    except Exception as error:  # a bug: say so plainly, never dump a traceback on the user
        if debug:
            raise
        print(f"error: unexpected {type(error).__name__}: {error}. Run again with --debug and report it.",
              file=sys.stderr)
        return 1

