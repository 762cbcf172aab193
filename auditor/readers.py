"""Read CSV, XLSX and JSON files as a header and rows, whatever their encoding.

Rows are numbered as a spreadsheet user counts them: the header is row 1, so the first
record is row 2 (for JSON, the first object is "row 2" too, i.e. item 1 + 1).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from auditor.errors import InputError, Problem

csv.field_size_limit(64 * 1024 * 1024)  # huge cells are reported by the field checks, not by csv

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass
class Table:
    header: list[object]
    rows: Iterator[tuple[int, list[object]]]
    encoding: str | None = None
    delimiter: str | None = None


def read_table(path: str | Path, *, encoding: str | None = None, sheet: str | None = None) -> Table:
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), [Problem(None, None, "the file does not exist")])
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet)
    if suffix == ".json":
        return _read_json(path, encoding)
    return _read_csv(path, encoding)


def detect_encoding(path: Path) -> str:
    """BOM first; otherwise UTF-8 if the whole file decodes as UTF-8, else GB18030.

    GB18030 is a superset of GBK and GB2312, which is what Chinese agencies' Excel saves.
    """
    with path.open("rb") as handle:
        start = handle.read(4)
        for bom, name in _BOMS:
            if start.startswith(bom):
                return name
        handle.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            while chunk := handle.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "gb18030"
    return "utf-8"


def _sniff_delimiter(first_line: str) -> str:
    counts = {delimiter: first_line.count(delimiter) for delimiter in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _read_csv(path: Path, encoding: str | None) -> Table:
    encoding = encoding or detect_encoding(path)
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(str(path), [Problem(None, None, f"'{encoding}' is not an encoding Python knows")]) from None
    handle = path.open("r", encoding=encoding, newline="", errors="strict")
    try:
        first_line = handle.readline()
    except UnicodeDecodeError:
        handle.close()
        raise InputError(str(path), [Problem(None, None, f"the file is not valid {encoding} text; try --encoding")]) from None
    handle.seek(0)
    delimiter = _sniff_delimiter(first_line)
    reader = csv.reader(handle, delimiter=delimiter)
    try:
        header = next(reader, None)
    except (csv.Error, UnicodeDecodeError) as error:
        handle.close()
        raise InputError(str(path), [Problem(1, None, f"the header cannot be read ({error})")]) from None
    if not header:
        handle.close()
        raise InputError(str(path), [Problem(None, None, "the file is empty")])
    return Table(header, _csv_rows(path, handle, reader, encoding), encoding, delimiter)


def _csv_rows(path: Path, handle: io.TextIOBase, reader, encoding: str) -> Iterator[tuple[int, list[object]]]:
    with handle:
        row_number = 1
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError:
                raise InputError(str(path), [Problem(row_number + 1, None,
                                 f"the file is not valid {encoding} text from here on; try --encoding")]) from None
            except csv.Error as error:
                raise InputError(str(path), [Problem(row_number + 1, None, f"the CSV is malformed ({error})")]) from None
            row_number += 1
            # Skip blank lines; the first cell (the key) usually settles it at once.
            if any(cells) and (cells[0].strip() or any(cell.strip() for cell in cells)):
                yield row_number, cells


def _read_xlsx(path: Path, sheet: str | None) -> Table:
    from openpyxl import load_workbook  # imported here: only Excel files need it

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise InputError(str(path), [Problem(None, None, f"the Excel file cannot be opened ({type(error).__name__})")]) from None
    if sheet is not None and sheet not in workbook.sheetnames:
        names = ", ".join(workbook.sheetnames)
        workbook.close()
        raise InputError(str(path), [Problem(None, None, f"there is no sheet named '{sheet}' (sheets: {names})")])
    worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
    rows = worksheet.iter_rows(values_only=True)
    header = next(rows, None)
    if not header:
        workbook.close()
        raise InputError(str(path), [Problem(None, None, "the sheet is empty")])

    def numbered() -> Iterator[tuple[int, list[object]]]:
        try:
            for number, cells in enumerate(rows, start=2):
                if any(cell not in (None, "") for cell in cells):
                    yield number, list(cells)
        finally:
            workbook.close()

    return Table(list(header), numbered())


def _read_json(path: Path, encoding: str | None) -> Table:
    try:
        data = json.loads(path.read_text(encoding=encoding or detect_encoding(path)))
    except (UnicodeDecodeError, LookupError):
        raise InputError(str(path), [Problem(None, None, "the file is not readable text; try --encoding")]) from None
    except json.JSONDecodeError as error:
        raise InputError(str(path), [Problem(None, None, f"the JSON is malformed at line {error.lineno}, column {error.colno}")]) from None
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise InputError(str(path), [Problem(None, None, "the JSON must be a list of objects")])
    header: list[object] = []
    for item in data:
        for name in item:
            if name not in header:
                header.append(name)

    def numbered() -> Iterator[tuple[int, list[object]]]:
        for number, item in enumerate(data, start=2):
            yield number, [_json_cell(item.get(name)) for name in header]

    return Table(header, numbered())


def _json_cell(value: object) -> object:
    if isinstance(value, list):
        return ";".join(str(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value
