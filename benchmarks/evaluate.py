"""Precision and recall of the audit against a labelled evaluation set.

    python benchmarks/evaluate.py                      # the Skylark set in benchmarks/eval/
    python benchmarks/evaluate.py --json benchmarks/out/eval.json
    python benchmarks/evaluate.py --check-files        # only validate the labels and import the files
    python benchmarks/evaluate.py --eval-dir DIR       # another set with the same five files
    python benchmarks/evaluate.py --all                # every set in benchmarks/ (held-out parts too):
                                                       # precision and recall per kind, one table

Imports touchpoints.csv, promises.csv, scripts.csv and observations.csv from the set into
a fresh temporary project, runs ``auditor.audit.run_audit`` on it, joins the checks to
labels.csv and prints, per finding kind and per language: TP, FP, FN, TN, precision and
recall, then every disagreement with the check's reason and evidence.

How a label meets a check (see benchmarks/eval/README.md for the label format):

* positive = verdict ``broken``. A ``review`` verdict is positive only where the label is
  ``review_ok``; elsewhere it is *undecided* (UND): neither TP nor FP nor FN, but listed.
  Recall is TP / (TP + FN), so an undecided positive lowers neither figure — read the
  UND column next to them.
* expected ``kept``: no check or a kept check is a TN (a missing check on an observation
  is counted as MISS and listed, because SPEC §5 wants a kept check there).
* expected ``none`` (the target is outside its validity window, does not apply, or the
  transcript is empty): no check is a TN; a kept check is a TN counted as XTRA and listed;
  a broken check is an FP.
* checks without a label are not counted; those with a broken/review verdict are counted
  as OUT and listed (the set labels every applicable target, so they are suspects).
* several checks with the same key (say two ``inconsistent_claim`` checks for one line)
  are judged by the most severe verdict.

Exit code 0 whenever the measurement ran, whatever it found (it is a measuring tool);
2 when it cannot measure (no ``auditor.audit`` yet, a set that does not import, bad labels).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import asdict, is_dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_DIR = Path(__file__).resolve().parent / "eval"
FILES = ("touchpoints", "promises", "scripts", "observations")
KINDS = ("broken_promise", "missing_phrase", "forbidden_phrase", "inconsistent_claim", "uncovered_promise",
         "duplicate_transcript")
EXPECTED = ("kept", "broken", "review_ok", "none")
LANGS = ("en", "zh-hans", "zh-hant", "mixed")
TARGET_TYPES = ("promise", "script_line", "observation")
SEVERITY = {"broken": 2, "review": 1, "kept": 0}


class SetupError(Exception):
    """The measurement cannot run; the message says why in one sentence."""


# --------------------------------------------------------------------------- labels

def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(handle)]


def label_key(label: dict) -> tuple:
    kind = label["kind"]
    if kind == "duplicate_transcript":
        return ("dup", frozenset((label["observation"], label["target"])))
    if kind == "inconsistent_claim":
        return ("inc", label["target"])
    if kind == "uncovered_promise":
        return ("unc", label["target"], label.get("touchpoint", ""))
    return ("obs", label["observation"], label["target_type"], label["target"])


def load_labels(eval_dir: Path) -> list[dict]:
    path = eval_dir / "labels.csv"
    if not path.exists():
        raise SetupError(f"{path} does not exist.")
    labels = read_csv(path)
    observations = {row["key"]: row for row in read_csv(eval_dir / "observations.csv")}
    targets = {
        "promise": {row["key"] for row in read_csv(eval_dir / "promises.csv")},
        "script_line": {row["key"] for row in read_csv(eval_dir / "scripts.csv")},
        "observation": set(observations),
    }
    touchpoints = {row["key"] for row in read_csv(eval_dir / "touchpoints.csv")}
    problems, seen = [], {}
    for number, label in enumerate(labels, start=2):
        before = len(problems)
        label["_row"] = number
        where = f"labels.csv row {number}"
        if label.get("expected") not in EXPECTED:
            problems.append(f"{where}: expected '{label.get('expected')}' is not one of {', '.join(EXPECTED)}")
        if label.get("kind") not in KINDS:
            problems.append(f"{where}: kind '{label.get('kind')}' is not a finding kind")
        if label.get("target_type") not in TARGET_TYPES:
            problems.append(f"{where}: target_type '{label.get('target_type')}' is not one of {', '.join(TARGET_TYPES)}")
        elif label.get("target") not in targets[label["target_type"]]:
            problems.append(f"{where}: target '{label.get('target')}' is not a {label['target_type']} of the set")
        if label.get("lang") not in LANGS:
            problems.append(f"{where}: lang '{label.get('lang')}' is not one of {', '.join(LANGS)}")
        project_level = label.get("kind") in ("inconsistent_claim", "uncovered_promise")
        if project_level and label.get("observation"):
            problems.append(f"{where}: a {label['kind']} label has no observation")
        if not project_level and label.get("observation") not in observations:
            problems.append(f"{where}: observation '{label.get('observation')}' is not in observations.csv")
        if label.get("kind") == "uncovered_promise" and label.get("touchpoint") not in touchpoints:
            problems.append(f"{where}: an uncovered_promise label needs the touchpoint column")
        if len(problems) == before:
            key = label_key(label)
            if key in seen:
                problems.append(f"{where}: the same check is labelled on row {seen[key]}")
            seen[key] = number
    if problems:
        raise SetupError("labels.csv has problems:\n  " + "\n  ".join(problems))
    for label in labels:
        obs = observations.get(label["observation"]) if label["kind"] not in ("inconsistent_claim", "uncovered_promise") else None
        label["_transcript"] = obs["transcript"] if obs else None
    return labels


# --------------------------------------------------------------------------- running the audit

def load_engine():
    try:
        from auditor.audit import run_audit  # noqa: PLC0415
    except ModuleNotFoundError as error:
        if error.name in ("auditor.audit", "auditor"):
            raise SetupError("auditor.audit does not exist yet: the audit engine (issue 3) has to be written "
                             "before it can be measured. `--check-files` validates the set meanwhile.") from None
        raise SetupError(f"auditor.audit cannot be imported: module '{error.name}' is missing.") from None
    except Exception as error:  # the engine is being written: a broken module must not give a traceback
        import traceback  # noqa: PLC0415
        frame = traceback.extract_tb(error.__traceback__)[-1]
        raise SetupError(f"auditor.audit cannot be imported: {type(error).__name__}: {error} "
                         f"({frame.filename}:{frame.lineno})") from None
    return run_audit


def import_set(eval_dir: Path, project_path: Path):
    from auditor.errors import AuditorError, InputError  # noqa: PLC0415
    from auditor.importer import import_file  # noqa: PLC0415
    from auditor.store import Project  # noqa: PLC0415

    project = Project.open(project_path, create=True)
    try:
        for kind in FILES:
            path = eval_dir / f"{kind}.csv"
            try:
                result = import_file(project, kind, path)
            except InputError as error:
                details = "\n  ".join(str(problem) for problem in error.problems)
                raise SetupError(f"{error}\n  {details}") from None
            except AuditorError as error:
                raise SetupError(str(error)) from None
            if result.warnings:
                print(f"note: {path.name}: " + "; ".join(result.warnings), file=sys.stderr)
    except BaseException:
        project.close()
        raise
    return project


def field(check, name, default=None):
    if isinstance(check, dict):
        return check.get(name, default)
    return getattr(check, name, default)


def evidence_of(check) -> dict | None:
    evidence = field(check, "evidence")
    if evidence is None:
        return None
    if is_dataclass(evidence):
        return asdict(evidence)
    if isinstance(evidence, dict):
        return evidence
    return {"text": str(evidence)}


def check_key(check) -> tuple:
    observation = field(check, "observation")
    target_type = field(check, "target_type")
    target = field(check, "target")
    if target_type == "observation":
        return ("dup", frozenset((observation, target)))
    if observation is None and target_type == "script_line":
        return ("inc", target)
    if observation is None and target_type == "promise":
        return ("unc", target, field(check, "touchpoint") or "")
    return ("obs", observation, target_type, target)


def check_kind(check, key: tuple) -> str:
    kind = field(check, "kind")
    if kind in KINDS:
        return kind
    return {"dup": "duplicate_transcript", "inc": "inconsistent_claim", "unc": "uncovered_promise"}.get(
        key[0], "broken_promise" if key[2] == "promise" else "missing_phrase")


def plain_check(check) -> dict:
    return {
        "observation": field(check, "observation"), "touchpoint": field(check, "touchpoint"),
        "target_type": field(check, "target_type"), "target": field(check, "target"),
        "verdict": field(check, "verdict"), "kind": field(check, "kind"), "score": field(check, "score"),
        "evidence": evidence_of(check), "reason": field(check, "reason") or "",
    }


def group_checks(checks) -> dict[tuple, dict]:
    """key -> the most severe check with that key (as a plain dict), with how many there were."""
    grouped: dict[tuple, dict] = {}
    for check in checks:
        key = check_key(check)
        plain = plain_check(check)
        plain["kind"] = check_kind(check, key)
        current = grouped.get(key)
        if current is None or SEVERITY.get(plain["verdict"], 0) > SEVERITY.get(current["verdict"], 0):
            plain["count"] = (current or {}).get("count", 0) + 1
            grouped[key] = plain
        else:
            current["count"] += 1
    return grouped


# --------------------------------------------------------------------------- scoring

def outcome(expected: str, verdict: str | None) -> tuple[str, str | None]:
    """(cell, flag): cell is TP/FP/FN/TN/UND; flag is MISS, XTRA or None."""
    positive = expected in ("broken", "review_ok")
    if positive:
        if verdict == "broken" or (verdict == "review" and expected == "review_ok"):
            return "TP", None
        if verdict == "review":
            return "UND", None
        return "FN", None
    if verdict == "broken":
        return "FP", ("XTRA" if expected == "none" else None)
    if verdict == "review":
        return "UND", ("XTRA" if expected == "none" else None)
    if verdict == "kept" and expected == "none":
        return "TN", "XTRA"
    if verdict is None and expected == "kept":
        return "TN", "MISS"
    return "TN", None


def new_cells() -> Counter:
    return Counter({name: 0 for name in ("TP", "FP", "FN", "TN", "UND", "MISS", "XTRA", "OUT")})


def ratio(numerator: int, denominator: int) -> float | None:
    return None if denominator == 0 else numerator / denominator


def summarise(cells: Counter) -> dict:
    data = dict(cells)
    data["n"] = cells["TP"] + cells["FP"] + cells["FN"] + cells["TN"] + cells["UND"]
    data["precision"] = ratio(cells["TP"], cells["TP"] + cells["FP"])
    data["recall"] = ratio(cells["TP"], cells["TP"] + cells["FN"])
    return data


def evaluate(labels: list[dict], grouped: dict[tuple, dict]) -> dict:
    by_kind: dict[str, Counter] = defaultdict(new_cells)
    by_kind_lang: dict[tuple[str, str], Counter] = defaultdict(new_cells)
    by_phenomenon: dict[str, Counter] = defaultdict(new_cells)
    disagreements, missing, extra, unlabelled = [], [], [], []
    labelled_keys = set()
    for label in labels:
        key = label_key(label)
        labelled_keys.add(key)
        check = grouped.get(key)
        verdict = check["verdict"] if check else None
        cell, flag = outcome(label["expected"], verdict)
        # A kept label on a project-level kind needs no check: only observations must get one.
        if flag == "MISS" and cell == "TN" and key[0] != "obs":
            flag = None
        kind, lang = label["kind"], label["lang"]
        for counter in (by_kind[kind], by_kind_lang[(kind, lang)]):
            counter[cell] += 1
            if flag:
                counter[flag] += 1
        for tag in filter(None, label["phenomenon"].split(";")):
            by_phenomenon[tag][cell] += 1
        record = {
            "row": label["_row"], "kind": kind, "lang": lang, "observation": label["observation"] or None,
            "target_type": label["target_type"], "target": label["target"],
            "touchpoint": label.get("touchpoint") or (check or {}).get("touchpoint"),
            "expected": label["expected"], "verdict": verdict, "outcome": cell, "flag": flag,
            "phenomenon": label["phenomenon"], "note": label["note"],
            "check": check, "transcript": label["_transcript"],
        }
        if cell in ("FP", "FN", "UND"):
            disagreements.append(record)
        elif flag == "MISS":
            missing.append(record)
        elif flag == "XTRA":
            extra.append(record)
    for key, check in grouped.items():
        if key in labelled_keys or check["verdict"] not in ("broken", "review"):
            continue
        by_kind[check["kind"]]["OUT"] += 1
        unlabelled.append(check)
    english = new_cells()
    chinese = new_cells()
    for (kind, lang), cells in by_kind_lang.items():
        (english if lang == "en" else chinese).update(cells)
    total = new_cells()
    for cells in by_kind.values():
        total.update(cells)
    return {
        "by_kind": {kind: summarise(by_kind[kind]) for kind in KINDS},
        "by_kind_lang": {f"{kind}/{lang}": summarise(cells) for (kind, lang), cells in sorted(by_kind_lang.items())},
        "by_language": {"en": summarise(english), "zh (zh-hans, zh-hant, mixed)": summarise(chinese)},
        "by_phenomenon": {tag: summarise(cells) for tag, cells in sorted(by_phenomenon.items())},
        "total": summarise(total),
        "disagreements": disagreements, "missing_checks": missing, "extra_checks": extra,
        "unlabelled_findings": unlabelled,
    }


# --------------------------------------------------------------------------- printing

def pct(value: float | None) -> str:
    return "   —  " if value is None else f"{value:6.3f}"


HEADER = f"{'':40} {'n':>4} {'TP':>4} {'FP':>4} {'FN':>4} {'TN':>4} {'UND':>4}  {'prec':>6} {'recall':>6}   " \
         f"{'MISS':>4} {'XTRA':>4} {'OUT':>4}"


def row(name: str, data: dict) -> str:
    return (f"{name:40} {data['n']:4d} {data['TP']:4d} {data['FP']:4d} {data['FN']:4d} {data['TN']:4d} "
            f"{data['UND']:4d}  {pct(data['precision'])} {pct(data['recall'])}   {data['MISS']:4d} {data['XTRA']:4d} "
            f"{data['OUT']:4d}")


def shorten(text: str | None, limit: int = 240) -> str:
    if not text:
        return ""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(record: dict) -> str:
    where = record["observation"] or "project"
    target = f"{record['target_type']} {record['target']}"
    if record["kind"] == "uncovered_promise":
        target += f" @ {record['touchpoint']}"
    lines = [f"[{record['outcome']}{'/' + record['flag'] if record['flag'] else ''}] {record['kind']} "
             f"{where} → {target}  ({record['lang']}; labels.csv row {record['row']})",
             f"    expected {record['expected']}, got {record['verdict'] or 'no check'}"
             f"   phenomenon: {record['phenomenon']}" + (f"   note: {record['note']}" if record["note"] else "")]
    check = record["check"]
    if check:
        evidence = check.get("evidence") or {}
        score = check.get("score")
        lines.append(f"    reason: {check.get('reason') or '—'}" + (f"   score: {score:.1f}" if isinstance(score, (int, float)) else ""))
        if evidence:
            span = f" [{evidence.get('start')}:{evidence.get('end')}]" if "start" in evidence else ""
            lines.append(f"    evidence{span}: {shorten(evidence.get('text'), 160)!r}")
        if check.get("count", 1) > 1:
            lines.append(f"    ({check['count']} checks share this key; the most severe is shown)")
    if record["transcript"] is not None:
        lines.append(f"    transcript: {shorten(record['transcript']) or '(empty)'}")
    return "\n".join(lines)


def print_report(results: dict, *, elapsed: float, n_checks: int, n_labels: int, limit: int | None) -> None:
    print(f"Audit: {n_checks} checks in {elapsed:.2f} s; {n_labels} labels.\n")
    print("Per finding kind (positive = broken; review counts only where the label is review_ok, else UND)")
    print(HEADER)
    for kind in KINDS:
        print(row(kind, results["by_kind"][kind]))
    print(row("all kinds", results["total"]))
    print()
    print("Per finding kind and language")
    print(HEADER)
    for name, data in results["by_kind_lang"].items():
        print(row(name, data))
    for name, data in results["by_language"].items():
        print(row(f"all kinds / {name}", data))
    print()
    errors = {tag: data for tag, data in results["by_phenomenon"].items() if data["FP"] + data["FN"] + data["UND"]}
    if errors:
        print("Phenomena with disagreements (a label may carry several)")
        print(HEADER)
        for tag, data in sorted(errors.items(), key=lambda item: -(item[1]["FP"] + item[1]["FN"] + item[1]["UND"])):
            print(row(tag, data))
        print()
    print("MISS = expected kept, but the observation got no check for this target (SPEC §5 wants a kept check);")
    print("XTRA = a check exists where none should (validity window, not applicable, empty transcript);")
    print("OUT  = broken/review checks with no label (the set labels every applicable target: suspects).\n")

    sections = [("Disagreements (FP, FN, undecided)", results["disagreements"]),
                ("Checks that should not exist (XTRA)", results["extra_checks"]),
                ("Missing checks (MISS)", results["missing_checks"])]
    for title, records in sections:
        if not records:
            continue
        records = sorted(records, key=lambda r: (KINDS.index(r["kind"]), r["outcome"], r["observation"] or "",
                                                  r["target"]))
        print(f"{title}: {len(records)}")
        for record in records[:limit] if limit else records:
            print(describe(record))
        if limit and len(records) > limit:
            print(f"    … {len(records) - limit} more (use --limit 0 or --json)")
        print()
    if results["unlabelled_findings"]:
        print(f"Unlabelled findings (OUT): {len(results['unlabelled_findings'])}")
        shown = results["unlabelled_findings"][:limit] if limit else results["unlabelled_findings"]
        for check in shown:
            evidence = check.get("evidence") or {}
            print(f"[OUT] {check['kind']} {check['observation'] or 'project'} → {check['target_type']} {check['target']}"
                  f" ({check.get('touchpoint')}): {check['verdict']}; {check['reason']}"
                  + (f"; evidence {shorten(evidence.get('text'), 80)!r}" if evidence else ""))
        print()


def to_json(results: dict, **meta) -> dict:
    def clean(record: dict) -> dict:
        return {k: v for k, v in record.items()}
    return {
        **meta,
        "by_kind": results["by_kind"], "by_kind_lang": results["by_kind_lang"],
        "by_language": results["by_language"], "by_phenomenon": results["by_phenomenon"],
        "total": results["total"],
        "disagreements": [clean(r) for r in results["disagreements"]],
        "extra_checks": [clean(r) for r in results["extra_checks"]],
        "missing_checks": [clean(r) for r in results["missing_checks"]],
        "unlabelled_findings": results["unlabelled_findings"],
    }


# --------------------------------------------------------------------------- main

GOAL = 0.97  # precision and recall for every finding kind (issue 10)


def measure(eval_dir: Path) -> dict:
    """Audit one set in a temporary project and join the checks to its labels."""
    labels = load_labels(eval_dir)
    run_audit = load_engine()
    with tempfile.TemporaryDirectory(prefix="auditor-eval-") as folder:
        project = import_set(eval_dir, Path(folder) / "eval.auditor")
        try:
            checks = list(field(run_audit(project), "checks", []) or [])
        finally:
            project.close()
    return evaluate(labels, group_checks(checks))


def print_all(folders: list[Path]) -> None:
    """One table: precision / recall per kind for every set. Held-out parts are measured
    like the others, but none of their records is printed (nobody tunes on them)."""
    print(f"Precision / recall per finding kind (goal >= {GOAL:.2f} each; '—' where the set has no positive)")
    print(f"{'set':<24}" + "".join(f"{kind:>22}" for kind in KINDS))
    below = []
    for folder in folders:
        results = measure(folder)
        cells = []
        for kind in KINDS:
            data = results["by_kind"][kind]
            p, r = data["precision"], data["recall"]
            cells.append(f"{pct(p)} / {pct(r)}")
            if any(value is not None and value < GOAL for value in (p, r)):
                below.append(f"{folder.name} {kind}")
        print(f"{folder.name:<24}" + "".join(f"{cell:>22}" for cell in cells))
    print(f"Below the goal: {', '.join(below) if below else 'none'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_DIR, help="folder with the five CSV files")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures and disagreements here")
    parser.add_argument("--check-files", action="store_true",
                        help="validate labels.csv and import the four files into a temporary project, without auditing")
    parser.add_argument("--keep-project", type=Path, metavar="PATH",
                        help="build the project here (kept afterwards) instead of in a temporary folder")
    parser.add_argument("--limit", type=int, default=0, help="list at most N records per section (0 = all)")
    parser.add_argument("--all", action="store_true",
                        help="measure every set in benchmarks/ (eval*, held-out parts included) and print one table")
    args = parser.parse_args(argv)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    if args.all:
        folders = sorted(path for path in DEFAULT_DIR.parent.glob("eval*") if (path / "labels.csv").is_file())
        try:
            print_all(folders)
        except SetupError as error:
            print(f"evaluate.py: {error}", file=sys.stderr)
            return 2
        return 0

    try:
        labels = load_labels(args.eval_dir)
        run_audit = None if args.check_files else load_engine()
        with tempfile.TemporaryDirectory(prefix="auditor-eval-") as folder:
            path = args.keep_project or Path(folder) / "eval.auditor"
            if args.keep_project and path.exists():
                raise SetupError(f"{path} already exists; give a new path to --keep-project.")
            project = import_set(args.eval_dir, path)
            try:
                if args.check_files:
                    counts = project.counts() if hasattr(project, "counts") else {}
                    kinds = Counter(label["kind"] for label in labels if label["expected"] != "none")
                    langs = Counter(label["lang"] for label in labels if label["expected"] != "none")
                    print(f"{args.eval_dir}: the four files import without a problem {counts or ''}")
                    print(f"{len(labels)} labels, {sum(kinds.values())} judged (expected other than none)")
                    print("  by kind: " + ", ".join(f"{k} {kinds[k]}" for k in KINDS))
                    print("  by lang: " + ", ".join(f"{k} {langs[k]}" for k in LANGS))
                    return 0
                started = time.perf_counter()
                try:
                    result = run_audit(project)
                except Exception as error:  # report the engine's bug with its traceback, then stop
                    import traceback  # noqa: PLC0415
                    traceback.print_exc()
                    raise SetupError(f"the audit raised {type(error).__name__}: {error}; nothing was measured.") from None
                elapsed = time.perf_counter() - started
                checks = list(field(result, "checks", []) or [])
            finally:
                project.close()
    except SetupError as error:
        print(f"evaluate.py: {error}", file=sys.stderr)
        return 2

    grouped = group_checks(checks)
    results = evaluate(labels, grouped)
    print_report(results, elapsed=elapsed, n_checks=len(checks), n_labels=len(labels), limit=args.limit or None)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        data = to_json(results, eval_dir=str(args.eval_dir), audit_seconds=round(elapsed, 3), checks=len(checks),
                       labels=len(labels))
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
        print(f"Wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
