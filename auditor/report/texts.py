"""Every static word of the report, in English and Chinese, and numbers and dates as each
language writes them. The data (promise texts, touchpoint names, quotes) is shown as the
brand wrote it; only the report's own words change with ``--lang``."""

from __future__ import annotations

import re
from datetime import date, datetime

LANGUAGES = ("en", "zh")

_EN = {
    "title": "Promise audit",
    "subtitle": "{title} · {period}",
    "period": "{start} to {end}",
    "visits_of": "visits of {period}",
    "no_visits": "no visits",
    "generated": "Audit run {run} of {date}",
    "toc": "Contents",
    "toc_placeholder": "Right-click and choose Update Field to show the table of contents.",
    "page": "Page {PAGE} of {NUMPAGES}",
    "consistency_index": "Consistency index",
    "promise_keeping": "Promise keeping",
    "script_adherence": "Script adherence",
    "first_run": "first audit",
    "since_previous": "{delta} since the previous audit",
    "unchanged": "unchanged since the previous audit",
    "ci": "95% CI {low}–{high}",
    "n_a": "n/a",
    "worst_gaps": "The three largest gaps",
    "no_gaps": "No promise was found broken in this period.",
    "gap": "At {touchpoint}, {broken} of {decided} checked {decided|visit|visits} broke the promise “{promise}”",
    "gap_quote": "; the record most often reads “{quote}”",
    "gap_measured": "; most often {quote}",
    "by_touchpoint_chart": "Promise keeping and script adherence by touchpoint",
    "worst_of": " (the {shown} lowest of {total})",
    "findings_line": "{open} {open|finding|findings} to act on: {kinds}.",
    "findings_review": "{review} of them still {review|needs|need} a person's review.",
    "findings_review_none": "None of them needs a person's review.",
    "findings_line_none": "No findings to act on.",
    "sec_touchpoints": "Results by touchpoint",
    "sec_heat_map": "Promises across touchpoints",
    "heat_map_note": "Share of checked visits in which each promise was kept; n = visits checked. "
                     "Blank: the promise does not apply there or nothing was checked.",
    "heat_map_cut": "Shown: the {promises} {promises|promise|promises} (of {all_promises}) broken most often, at the "
                    "{touchpoints} {touchpoints|touchpoint|touchpoints} with the most visits. Every figure is in the "
                    "scorecards and findings below.",
    "sec_scorecards": "Touchpoint scorecards",
    "sec_findings": "Findings",
    "findings_intro": "Open and confirmed findings, most severe first. Dismissed findings are left out. "
                      "The words the audit matched are highlighted.",
    "sec_inconsistent": "Inconsistent claims across touchpoints",
    "inconsistent_intro": "Script lines that state a promise with a different figure than the promise itself.",
    "sec_uncovered": "Promises the scripts never state",
    "sec_duplicates": "Suspected copied records",
    "duplicates_intro": "Pairs of visits whose transcripts are near-identical; check them with the agency.",
    "sec_voice": "The customer's view: SERVQUAL, NPS and CES",
    "sec_trend": "Trend across audits",
    "sec_method": "Methodology",
    "touchpoint": "Touchpoint",
    "location": "Location",
    "observations": "Visits",
    "checks": "Checks",
    "promise": "Promise",
    "script_line": "Script line",
    "nps": "NPS",
    "ces": "CES",
    "kept": "kept",
    "broken": "broken",
    "review": "review",
    "severity": "Severity",
    "when": "When",
    "shopper": "Shopper",
    "visit": "Visit",
    "status_confirmed": "confirmed",
    "status_new": "open",
    "needs_review": "needs review",
    "more_like_this": "… and {count} more {count|finding|findings} like these ({visits}).",
    "kind_broken_promise": "Broken promises",
    "kind_missing_phrase": "Required wording not said",
    "kind_forbidden_phrase": "Forbidden wording used",
    "kind_inconsistent_claim": "Inconsistent claims",
    "kind_uncovered_promise": "Promises not in the script",
    "kind_duplicate_transcript": "Copied records",
    "count_broken_promise": "{n} broken {n|promise|promises}",
    "count_missing_phrase": "{n} missing script {n|line|lines}",
    "count_forbidden_phrase": "{n} forbidden {n|phrase|phrases}",
    "count_inconsistent_claim": "{n} inconsistent {n|claim|claims}",
    "count_uncovered_promise": "{n} uncovered {n|promise|promises}",
    "count_duplicate_transcript": "{n} copied {n|record|records}",
    "group_promise": "“{target}” at {touchpoint}",
    "group_line": "“{target}” at {touchpoint}",
    "not_said": "Not said in {count} {count|visit|visits}.",
    "measured": "measured {value}",
    "reported": "reported {value}",
    "promise_says": "The promise says",
    "script_says": "The script says",
    "not_stated_at": "Not stated at",
    "copy_of": "{later} is {score}% identical to {earlier}",
    "dimension": "Dimension",
    "perceived": "Perceived (1–5)",
    "expected": "Expected",
    "gap_col": "Gap",
    "answers": "Answers",
    "servqual_chart": "SERVQUAL: perception against expectation",
    "nps_line": "Net Promoter Score: {nps} (−100 to 100). Customer Effort Score: {ces} (1–7, lower is easier).",
    "run": "Audit",
    "date": "Date",
    "dim_tangibles": "Tangibles",
    "dim_reliability": "Reliability",
    "dim_responsiveness": "Responsiveness",
    "dim_assurance": "Assurance",
    "dim_empathy": "Empathy",
    "no_servqual": "No SERVQUAL ratings were recorded in these visits.",
    "method_period": "Period of the visits: {period}. Visits: {observations}. Checks: {checks} "
                     "({kept} kept, {broken} broken, {review} for review).",
    "method_checks": "Each visit is checked against every promise that applies to its touchpoint and date "
                     "and every line of that touchpoint's script. A promise with a measurable target is "
                     "compared with the measurement or with a figure the shopper reported, in the promise's "
                     "unit; its breach cues are searched for in the transcript, tolerant of typos, Traditional "
                     "and Simplified characters, number words and synonyms, and ignored when negated "
                     "(“not a robot”).",
    "method_rates": "Promise keeping = kept ÷ (kept + broken) over promise checks; script adherence likewise over "
                    "script-line checks; the consistency index is the same share weighted by each promise's or "
                    "line's weight (1–5), from 0 to 100. The 95% intervals are Wilson score intervals: with few "
                    "visits they are wide, and a difference inside them may be chance.",
    "method_thresholds": "A phrase counts as found at a match score of {match} or more (0–100); between {review} "
                         "and {match} the check is marked review.",
    "method_review": "Review means the audit is not sure: a person should read the record and confirm or "
                     "dismiss the finding. Review checks are counted separately and never as kept or broken.",
    "method_voice": "NPS = % of 9–10 answers minus % of 0–6 answers. CES is the mean effort score. SERVQUAL gap = "
                    "mean perceived rating minus the expectation set for the dimension (default 4.0).",
    "method_redacted": "Shoppers' names are replaced by S1, S2…; staff names are masked.",
    "author": "Brand Touchpoint Auditor",
}

_ZH = {
    "title": "品牌承诺审计报告",
    "subtitle": "{title} · {period}",
    "period": "{start}至{end}",
    "visits_of": "走访期间：{period}",
    "no_visits": "无走访",
    "generated": "第{run}次审计 · {date}",
    "toc": "目录",
    "toc_placeholder": "右键单击并选择“更新域”以显示目录。",
    "page": "第 {PAGE} 页，共 {NUMPAGES} 页",
    "consistency_index": "一致性指数",
    "promise_keeping": "承诺兑现率",
    "script_adherence": "话术执行率",
    "first_run": "首次审计",
    "since_previous": "较上次审计{delta}",
    "unchanged": "与上次审计持平",
    "ci": "95%置信区间 {low}–{high}",
    "n_a": "无数据",
    "worst_gaps": "三大差距",
    "no_gaps": "本期未发现未兑现的承诺。",
    "gap": "在{touchpoint}，{decided}次受检走访中有{broken}次未兑现承诺“{promise}”",
    "gap_quote": "；最常见的记录是“{quote}”",
    "gap_measured": "；最常见的是{quote}",
    "by_touchpoint_chart": "各触点的承诺兑现率与话术执行率",
    "worst_of": "（{total}个触点中最低的{shown}个）",
    "findings_line": "共有{open}项待处理发现：{kinds}。",
    "findings_review": "其中{review}项仍需人工复核。",
    "findings_review_none": "均无需人工复核。",
    "findings_line_none": "没有待处理的发现。",
    "sec_touchpoints": "各触点结果",
    "sec_heat_map": "承诺在各触点的兑现情况",
    "heat_map_note": "每格为该承诺在该触点受检走访中的兑现比例；n为受检走访数。空白表示该承诺不适用于该触点或未受检。",
    "heat_map_cut": "图中仅列出未兑现次数最多的{promises}项承诺（共{all_promises}项）及走访最多的{touchpoints}个触点；"
                    "全部数据见下文记分卡与审计发现。",
    "sec_scorecards": "触点记分卡",
    "sec_findings": "审计发现",
    "findings_intro": "列出待处理和已确认的发现，按严重程度排序；已驳回的发现不列入。高亮部分为审计匹配到的原话。",
    "sec_inconsistent": "各触点说法不一致",
    "inconsistent_intro": "以下话术对承诺给出了与承诺本身不同的数字。",
    "sec_uncovered": "话术中从未提及的承诺",
    "sec_duplicates": "疑似抄袭的记录",
    "duplicates_intro": "以下走访记录几乎完全相同，请与调研机构核实。",
    "sec_voice": "顾客视角：SERVQUAL、NPS与CES",
    "sec_trend": "历次审计趋势",
    "sec_method": "方法说明",
    "touchpoint": "触点",
    "location": "地点",
    "observations": "走访数",
    "checks": "检查项",
    "promise": "承诺",
    "script_line": "话术",
    "nps": "净推荐值",
    "ces": "费力度",
    "kept": "兑现",
    "broken": "未兑现",
    "review": "待复核",
    "severity": "严重程度",
    "when": "时间",
    "shopper": "神秘顾客",
    "visit": "走访",
    "status_confirmed": "已确认",
    "status_new": "待处理",
    "needs_review": "需复核",
    "more_like_this": "……另有{count}项同类发现（{visits}）。",
    "kind_broken_promise": "未兑现的承诺",
    "kind_missing_phrase": "未说出的规定话术",
    "kind_forbidden_phrase": "使用了禁用话术",
    "kind_inconsistent_claim": "说法不一致",
    "kind_uncovered_promise": "话术未覆盖的承诺",
    "kind_duplicate_transcript": "疑似抄袭的记录",
    "count_broken_promise": "{n}项未兑现承诺",
    "count_missing_phrase": "{n}项缺失话术",
    "count_forbidden_phrase": "{n}项禁用话术",
    "count_inconsistent_claim": "{n}项说法不一致",
    "count_uncovered_promise": "{n}项未覆盖承诺",
    "count_duplicate_transcript": "{n}项疑似抄袭",
    "group_promise": "{touchpoint}：“{target}”",
    "group_line": "{touchpoint}：“{target}”",
    "not_said": "{count}次走访中未说出。",
    "measured": "实测{value}",
    "reported": "顾客记录{value}",
    "promise_says": "承诺内容",
    "script_says": "话术内容",
    "not_stated_at": "未提及的触点",
    "copy_of": "{later}与{earlier}的相似度为{score}%",
    "dimension": "维度",
    "perceived": "感知（1–5）",
    "expected": "期望",
    "gap_col": "差距",
    "answers": "回答数",
    "servqual_chart": "SERVQUAL：感知与期望对比",
    "nps_line": "净推荐值（NPS）：{nps}（−100至100）。顾客费力度（CES）：{ces}（1–7，越低越省力）。",
    "run": "审计",
    "date": "日期",
    "dim_tangibles": "有形性",
    "dim_reliability": "可靠性",
    "dim_responsiveness": "响应性",
    "dim_assurance": "保证性",
    "dim_empathy": "移情性",
    "no_servqual": "这些走访中没有记录SERVQUAL评分。",
    "method_period": "走访期间：{period}。走访{observations}次，检查{checks}项（兑现{kept}项，未兑现{broken}项，待复核{review}项）。",
    "method_checks": "每次走访都会与适用于该触点和日期的所有承诺以及该触点的全部话术逐一核对。有可量化目标的承诺，"
                     "以测量值或顾客记录的数字按承诺的单位比较；违约线索在记录中模糊查找，可容忍错别字、繁简体、"
                     "中文数字与同义词，被否定时（如“不是机器人”）不计为违约。",
    "method_rates": "承诺兑现率 = 兑现 ÷（兑现 + 未兑现），按承诺检查计算；话术执行率同理按话术检查计算；"
                    "一致性指数为按承诺或话术权重（1–5）加权的兑现比例，范围0–100。95%区间为Wilson区间："
                    "走访次数少时区间较宽，区间内的差异可能只是偶然。",
    "method_thresholds": "匹配分数达到{match}（0–100）即视为找到该说法；介于{review}与{match}之间的检查标记为待复核。",
    "method_review": "“待复核”表示审计无法确定，需要人工阅读记录后确认或驳回。待复核的检查单独计数，"
                     "不计入兑现或未兑现。",
    "method_voice": "NPS = 9–10分的比例减去0–6分的比例。CES为费力度评分的平均值。SERVQUAL差距 = "
                    "该维度的平均感知评分减去设定的期望值（默认4.0）。",
    "method_redacted": "神秘顾客姓名以S1、S2……代替；员工姓名已隐去。",
    "author": "品牌触点审计",
}

_TABLES = {"en": _EN, "zh": _ZH}
_MEASURED = re.compile(r"^(measured|reported) (.+)$")
_PLURAL = re.compile(r"\{(\w+)\|([^{}|]*)\|([^{}|]*)\}")  # {n|visit|visits}
_UNITS_ZH = {"min": "分钟", "h": "小时", "workday": "个工作日", "day": "天", "week": "周", "%": "%"}
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class Texts:
    """The report's words and number formats in one language."""

    def __init__(self, lang: str) -> None:
        if lang not in _TABLES:
            raise ValueError(f"--lang must be one of {', '.join(LANGUAGES)}, not '{lang}'.")
        self.lang = lang
        self._table = _TABLES[lang]

    def __call__(self, key: str, **values: object) -> str:
        """The words of ``key`` with ``values`` filled in. ``{n|visit|visits}`` in the
        catalogue is the singular when ``n`` is 1, else the plural."""
        text = _PLURAL.sub(lambda match: match.group(2) if _is_one(values[match.group(1)]) else match.group(3),
                           self._table[key])
        return text.format(**values)

    def raw(self, key: str) -> str:
        """The words with their ``{placeholders}`` left in (the page-number template)."""
        return self._table[key]

    def percent(self, rate: float | None) -> str:
        return self("n_a") if rate is None else f"{rate * 100:.0f}%"

    def interval(self, bounds: list[float] | None) -> str:
        if not bounds:
            return ""
        return self("ci", low=f"{bounds[0] * 100:.0f}%", high=f"{bounds[1] * 100:.0f}%")

    def number(self, value: float | int | None, digits: int = 0) -> str:
        if value is None:
            return self("n_a")
        return f"{value:,.{digits}f}"

    def signed(self, value: float, digits: int = 1) -> str:
        return f"{value:+.{digits}f}".replace("-", "−")

    def date(self, when: str | date | datetime | None) -> str:
        """``22 Nov 2026`` / ``2026年11月22日``."""
        if not when:
            return self("n_a")
        day = when if isinstance(when, date) else datetime.fromisoformat(str(when).replace(" ", "T")[:19])
        if self.lang == "zh":
            return f"{day.year}年{day.month}月{day.day}日"
        return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"

    def datetime(self, when: str | None) -> str:
        if not when:
            return self("n_a")
        moment = datetime.fromisoformat(str(when).replace(" ", "T")[:19])
        clock = f"{moment.hour:02d}:{moment.minute:02d}"
        return f"{self.date(moment)} {clock}"

    def period(self, start: str | None, end: str | None) -> str:
        """The days of the visits: ``3 Sep 2026 to 28 Nov 2026``, one day alone, or "no visits"."""
        if not start and not end:
            return self("no_visits")
        first, last = self.date(start or end), self.date(end or start)
        return first if first == last else self("period", start=first, end=last)

    def visits_of(self, start: str | None, end: str | None) -> str:
        """``visits of 3 Sep 2026 to 28 Nov 2026`` / ``走访期间：…`` (the cover and properties)."""
        if not start and not end:
            return self("no_visits")
        return self("visits_of", period=self.period(start, end))

    @staticmethod
    def is_measurement(text: str | None) -> bool:
        return bool(text and _MEASURED.match(text))

    def observed(self, text: str | None) -> str:
        """The audit's "measured 45 min" / "reported 2 h" in this language."""
        if not text:
            return ""
        match = _MEASURED.match(text)
        if not match:
            return text
        value = match.group(2)
        if self.lang == "en":
            number, _, unit = value.partition(" ")
            if unit == "workday":
                value = f"{number} working day{'s' if number != '1' else ''}"
            elif unit in ("day", "week") and number != "1":
                value = f"{number} {unit}s"
            return f"{match.group(1)} {value}"
        for unit, word in _UNITS_ZH.items():
            if value.endswith(" " + unit):
                value = value[: -len(unit) - 1] + word
                break
        return self(match.group(1), value=value)


def _is_one(value: object) -> bool:
    return value == 1 or str(value).strip() == "1"
