"""Import files and helpers shared by the engine tests.

The files are small but carry what real agency files carry: Chinese and English text
in one record, multi-line transcripts, measurements written with units, and user text
that a spreadsheet would run as a formula (``=HYPERLINK(...)``, ``+86 …``, ``@name``).
"""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

TOUCHPOINTS_CSV = """\
key,name,channel,location,notes
hotline,客服热线 Hotline,phone,上海,=1+1 is not a formula here
sh-jingan,静安旗舰店,门店,上海,旗舰店
bj-sanlitun,三里屯店,store,北京,
web,官网 Website,website,,
app,App 小程序,app,,
chat,在线客服 Live chat,chat,,"-24/7, they say"
"""

PROMISES_CSV = """\
key,text,touchpoints,dimension,metric,operator,target,unit,breach_cues,weight,valid_from,valid_to,source
P-CALLBACK,专属顾问1小时内与您沟通 / callback within 1 hour,hotline;web,responsiveness,callback_time,<=,60,min,没人回电；no one called back,5,2026-01-01,,官网首页
P-24H,24/7 customer service,*,responsiveness,,,,,机器人;only a robot,4,,,
P-RETURNS,30天无理由退货,sh-jingan;bj-sanlitun;web,reliability,return_days,>=,30,day,,3,2026/1/1,2026年12月31日,+ in-store poster
"""

SCRIPTS_CSV = """\
key,touchpoint,text,kind,step,promise,weight
S-1,hotline,您好，欢迎致电,required,greeting,,3
S-2,sh-jingan,我们提供30天无理由退货,required,close,P-RETURNS,4
S-3,bj-sanlitun,退货只有7天,禁说,,,2
S-4,chat,@客户 您好,必说,greeting,,
"""

OBSERVATION_COLUMNS = (
    "key", "touchpoint", "observed_at", "shopper", "scenario", "transcript", "rating_tangibles",
    "rating_reliability", "rating_responsiveness", "rating_assurance", "rating_empathy", "nps", "ces",
    "measure:callback_time", "measure:return_days",
)

OBSERVATION_ROWS = (
    ("V-001", "hotline", "2026-11-03 21:40", "王芳", "晚间来电", "只有机器人回复，没有真人。",
     "3", "2", "1", "3", "2", "3", "6", "两个半小时", ""),
    ("V-002", "sh-jingan", "2026/11/4 10:15", "Li Wei", "退货咨询",
     "Greeted within a minute; 30-day returns explained.", "5", "5", "4", "5", "5", "9", "2", "", "30 天"),
    ("V-003", "web", "2026年11月5日", "Chen", "", '-5 minutes? =HYPERLINK("http://evil.example","x")',
     "", "", "", "", "", "", "", "25", ""),
    ("V-004", "bj-sanlitun", "2026-11-06T09:05", "@张伟", "", "+86 hotline said: 退货只有7天",
     "4", "3", "3", "3", "3", "6", "4", "", "7天"),
    ("V-005", "chat", "2026-11-07", "Zhao 赵", "多行\n场景", "第一行\nline two 客戶",
     "", "", "", "", "", "10", "1", "半小时", ""),
)

# What the rows above must be stored as (observations minus updated_at, then measurements).
EXPECTED_OBSERVED_AT = {
    "V-001": "2026-11-03 21:40",
    "V-002": "2026-11-04 10:15",
    "V-003": "2026-11-05",
    "V-004": "2026-11-06 09:05",
    "V-005": "2026-11-07",
}
EXPECTED_MEASUREMENTS = [
    ("V-001", "callback_time", 2.5, "h", "两个半小时"),
    ("V-002", "return_days", 30.0, "day", "30 天"),
    ("V-003", "callback_time", 25.0, None, "25"),
    ("V-004", "return_days", 7.0, "day", "7天"),
    ("V-005", "callback_time", 0.5, "h", "半小时"),
]

# The same observations with the Chinese headers of SPEC §3.
CHINESE_HEADER = (
    "键", "触点", "观察时间", "神秘顾客", "场景", "对话记录", "有形性", "可靠性", "响应性", "保证性", "移情性",
    "推荐意愿", "费力度", "测量:callback_time", "测量：return_days",
)

# A file with errors in several rows, and the problems the importer must report.
_GOOD_ROW = ["V-010", "hotline", "2026-11-08 20:00", "Wang", "", "multi\nline\ntranscript", "", "", "", "", "", "5", "",
         "10 min", ""]


def observation_row(**changes) -> list[str]:
    """A valid observations row (in OBSERVATION_COLUMNS order) with some cells changed."""
    row = dict(zip(OBSERVATION_COLUMNS, _GOOD_ROW))
    row.update(changes)
    return [row[name] for name in OBSERVATION_COLUMNS]


BAD_ROWS = [
    observation_row(),  # row 2: fine
    observation_row(key="V-011", observed_at=""),  # row 3
    observation_row(key="V-012", touchpoint="sh-pudong"),  # row 4
    observation_row(key="V-013", observed_at="2026-02-30"),  # row 5
    observation_row(key="V-014", rating_empathy="6"),  # row 6
    observation_row(key="V-015", **{"measure:callback_time": "很久"}),  # row 7
    observation_row(key="V-010"),  # row 8: the key of row 2 again
    observation_row(key="V-016", transcript="只有机器人\x07回复"),  # row 9
    observation_row(key="V-017", shopper="x" * 1001),  # row 10
    observation_row(key="V-018", nps="11"),  # row 11
    observation_row(key="V-001", shopper="changed"),  # row 12: fine, would update an existing observation
]

EXPECTED_PROBLEMS = [
    (3, "observed_at", "is empty; a value is required"),
    (4, "touchpoint", "touchpoint 'sh-pudong' does not exist in this project"),
    (5, "observed_at", "'2026-02-30' is not a real date or time"),
    (6, "rating_empathy", "'6' is not a rating from 1 to 5"),
    (7, "measure:callback_time", "'很久' is not a measurement"),
    (8, "key", "'V-010' is already used in row 2"),
    (9, "transcript", "control character (U+0007)"),
    (10, "shopper", "is 1,001 characters long; the limit is 1,000"),
    (11, "nps", "'11' is not an NPS score from 0 to 10"),
]

CONTENT_TABLES = ("touchpoints", "promises", "promise_touchpoints", "script_lines", "observations", "measurements")


def csv_text(header, rows, delimiter: str = ",") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def observations_csv(delimiter: str = ",", header=OBSERVATION_COLUMNS) -> str:
    return csv_text(header, OBSERVATION_ROWS, delimiter)


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def rows_of(path: Path, table: str, *, drop: tuple[str, ...] = ()) -> list[tuple]:
    """A table's rows, sorted, read with a plain sqlite3 connection (not the app's); it only reads."""
    conn = sqlite3.connect(path)  # read-write, so that closing it removes the -wal and -shm files
    try:
        cursor = conn.execute(f"SELECT * FROM [{table}]")
        names = [d[0] for d in cursor.description]
        keep = [i for i, name in enumerate(names) if name not in drop]
        return sorted((tuple(row[i] for i in keep) for row in cursor), key=repr)
    finally:
        conn.close()


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every table of a project file with all its rows: the project's whole content."""
    conn = sqlite3.connect(path)  # read-write, so that closing it removes the -wal and -shm files
    try:
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {table: sorted(map(tuple, conn.execute(f"SELECT * FROM [{table}]")), key=repr) for table in tables}
    finally:
        conn.close()


def content(path: Path) -> dict[str, list[tuple]]:
    """The tables a person imports, without the bookkeeping column updated_at."""
    return {table: rows_of(path, table, drop=("updated_at",)) for table in CONTENT_TABLES}


def observation_content(path: Path) -> dict[str, list[tuple]]:
    return {table: rows_of(path, table, drop=("updated_at",)) for table in ("observations", "measurements")}
