#!/usr/bin/env python3
"""Writes src/pinyin/table.txt: the toneless pinyin readings of the characters the
customer search knows.

Which characters: GB2312 level 1 (the 3,755 common characters, bytes B0A1-D7F9), plus
the characters common in personal names that GB2312 puts in level 2 or leaves out
(NAME_EXTRAS below). Readings come from pypinyin's character dictionary (all the
readings it lists, tones removed, so polyphones such as 曾 zeng/ceng or 单 dan/shan/chan
match each of them). "ü" is written both "v" (as pinyin keyboards type it) and "u".

Format: one syllable per line, then a space, then every character with that reading:
    wang 王网往望忘旺汪枉亡妄
A polyphonic character appears on several lines. Lines are sorted by syllable.

Run (needs network access to PyPI once):
    python3 -m venv /tmp/pinyin-venv && /tmp/pinyin-venv/bin/pip install pypinyin==0.55.0
    /tmp/pinyin-venv/bin/python .build/pinyin/generate.py > src/pinyin/table.txt
"""
import sys
import unicodedata

from collections import Counter

from pypinyin.phrases_dict import phrases_dict
from pypinyin.pinyin_dict import pinyin_dict

NAME_EXTRAS = (
    "琪瑶璐琳瑜璇琦玥萱馨蕾芸茜莹晗昊昕晟煜熠烨炜睿彦翊翰澜瀚涵淼沁泓潇蔚菁蓉岚"
    "峥嵘钰铭锦鑫骏骐麒麟彬斌琛瑾瑄瑛珏珂玮璟璋祺祎禹羿曦旻昱暄晏皓赟岑逯佟邝靳"
    "芮闫邸郗郜郦阚殷缪褚濮诸葛尉迟琰骞筱婕妤嫣姝娅婧"
)

# Surnames read differently from the character's usual reading.
SURNAME_READINGS = {
    "区": "ou", "单": "shan", "仇": "qiu", "朴": "piao", "查": "zha", "解": "xie",
    "曾": "zeng", "盖": "ge", "缪": "miao", "乐": "yue", "覃": "qin", "员": "yun",
    "秘": "bi", "种": "chong", "繁": "po", "句": "gou", "召": "shao", "尉": "yu",
    "翟": "zhai", "黑": "he", "折": "she", "能": "nai", "万": "mo", "长": "zhang",
}


def level_one():
    for high in range(0xB0, 0xD8):
        for low in range(0xA1, 0xFF):
            if high == 0xD7 and low > 0xF9:
                break
            yield bytes([high, low]).decode("gb2312")


def toneless(reading):
    plain = "".join(
        c for c in unicodedata.normalize("NFD", reading) if not unicodedata.combining(c)
    )
    # NFD splits ü into u + diaeresis; the diaeresis was dropped above, so look again.
    if "ü" in unicodedata.normalize("NFC", reading) or "\u0308" in unicodedata.normalize("NFD", reading):
        return [plain.replace("u", "v", 1) if plain.count("u") else plain, plain]
    return [plain]


def main():
    chars = list(level_one())
    known = set(chars)
    chars += [c for c in dict.fromkeys(NAME_EXTRAS) if c not in known]
    used = Counter()
    for phrase, readings in phrases_dict.items():
        for c, reading in zip(phrase, readings):
            used[(c, reading[0])] += 1
    by_syllable = {}
    for c in chars:
        readings = pinyin_dict.get(ord(c))
        if not readings:
            print(f"no reading for {c}", file=sys.stderr)
            continue
        for rank, reading in enumerate(readings.split(",")):
            common = rank == 0 or used[(c, reading)] > 0
            surname = SURNAME_READINGS.get(c) in toneless(reading)
            if not (common or surname):
                continue
            for syllable in toneless(reading):
                if not syllable.isascii() or not syllable.isalpha():
                    continue
                group = by_syllable.setdefault(syllable, [])
                if c not in group:
                    group.append(c)
    for syllable in sorted(by_syllable):
        print(syllable, "".join(by_syllable[syllable]))
    print(f"{len(chars)} characters, {len(by_syllable)} syllables", file=sys.stderr)


main()
