"""The lexicon is data, written once (resources/lexicon, auditor/lexicon.py)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from auditor import lexicon

ENGINE = Path(lexicon.__file__).resolve().parent
_NON_ASCII_RANGE = re.compile("[^\x00-\x7f]-[^\x00-\x7f]")


def _engine_sources() -> list[Path]:
    return sorted(path for path in ENGINE.rglob("*.py") if path.name != "lexicon.py")


def _string_constants(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node


def _is_surrogate_range(text: str) -> bool:
    return all(0xD800 <= ord(ch) <= 0xDFFF or ch == "-" for ch in text)


def test_no_module_writes_a_character_range_of_its_own():
    found = []
    for path in _engine_sources():
        for node in _string_constants(path):
            for hit in _NON_ASCII_RANGE.finditer(node.value):
                if not _is_surrogate_range(hit.group()):  # XML's illegal characters are no script
                    found.append(f"{path.relative_to(ENGINE.parent)}:{node.lineno} {hit.group()!r}")
    assert not found, "character ranges belong in resources/lexicon/script.json: " + ", ".join(found)


def test_the_harness_finds_a_range_written_in_code(tmp_path):
    """The check above can fail: a module with its own Han range is caught."""
    module = tmp_path / "rogue.py"
    module.write_text('import re\nHAN = re.compile("[\\u4e00-\\u9fff]")\n', encoding="utf-8")
    assert any(_NON_ASCII_RANGE.search(node.value) for node in _string_constants(module))


def _lexicon_lists() -> dict[str, frozenset[str]]:
    lists = {}
    for language in lexicon.LANGUAGES:
        for name, section in lexicon._load(language).items():
            if isinstance(section, dict) and isinstance(section.get("words"), list):
                lists[f"{language}.{name}"] = frozenset(lexicon.words(language, name))
    return lists


def test_no_module_keeps_a_word_list_of_the_lexicon():
    """A literal list of four or more words that all come from one lexicon list is a copy."""
    lists = _lexicon_lists()
    found = []
    for path in _engine_sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, (ast.List, ast.Tuple, ast.Set)):
                continue
            strings = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if len(strings) < 4:
                continue
            for name, words in lists.items():
                if sum(word in words for word in strings) >= 4:
                    found.append(f"{path.relative_to(ENGINE.parent)}:{node.lineno} copies {name}")
    assert not found, "; ".join(found)


def test_character_classes():
    latin, han = lexicon.char_set("latin"), lexicon.char_set("han")
    assert {"a", "z", "0", "é", "ü", "ñ"} <= latin and not {"A", "×", "÷", " ", "-"} & latin
    assert {"机", "機", "㐀", "冇"} <= han and not {"a", "。", "ア"} & han
    assert lexicon.is_char("han", "\U00020000") and lexicon.is_char("cjk", "ア")
    assert re.fullmatch(lexicon.char_class("han") + "+", "機器人")
    assert lexicon.char_set("han") <= lexicon.char_set("cjk") <= lexicon.char_set("east_asian") | {
        chr(c) for c in range(0xA960, 0xD800)} | lexicon.char_set("full_width")
    assert chr(lexicon.TOKEN_BASE) in lexicon.char_set("synonym_tokens")


@pytest.mark.parametrize("language", lexicon.LANGUAGES)
def test_every_list_has_a_comment_and_entries(language):
    for name, section in lexicon._load(language).items():
        if name.startswith("_"):
            continue
        assert isinstance(section, dict) and section.get("_comment"), f"{language}.{name} says what it is for"
        assert len(section) > 1, f"{language}.{name} is empty"


def test_word_patterns():
    claim = lexicon.word_pattern("en", "claim_words")
    assert claim.search("the banner promised 48h") and not claim.search("an unpromising start")
    assert lexicon.find_word("zh", "claim_words", "她说30分钟") is not None
    assert lexicon.find_word("zh", "claim_words", "打电话给会员") is None  # 话 of 电话, 会 of 会员
    assert lexicon.find_word("zh", "claim_words", "电话里她会") is not None


def test_units_of_both_languages():
    units = lexicon.units()
    assert units["minutes"] == units["分钟"] == "min" and units["個鐘"] == "h" and units["hk$"] == "HKD"
