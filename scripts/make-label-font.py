#!/usr/bin/env python3
"""
Makes printer/fonts/PackdeskCJK-SC.otf, the CJK font Packdesk draws label text with: a subset of
Noto Sans CJK SC Regular (SIL Open Font License 1.1, see printer/fonts/OFL.txt) holding the 6,763
hanzi of GB 2312, kana, CJK and full-width punctuation, and Latin with Vietnamese, renamed as the
licence asks of a modified version. Level 1 alone (3,755 everyday hanzi) would be 0.9 MB instead
of 1.6 MB but lacks place-name characters such as 圳 (深圳, where many sellers ship from).
Characters outside the subset are drawn with the computer's own fonts. Vertical-writing forms are
left out: labels are written across, and they would double the file.

Run on Debian/Ubuntu:
    sudo apt-get install fonts-noto-cjk python3-fonttools
    python3 scripts/make-label-font.py [/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc]
The output is byte-for-byte the same for the same input font and fontTools version.
"""
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection

SOURCE = sys.argv[1] if len(sys.argv) > 1 else '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
OUT = os.path.join(os.path.dirname(__file__), '..', 'printer', 'fonts', 'PackdeskCJK-SC.otf')
FAMILY = 'Packdesk CJK SC'


def gb2312_hanzi():
    """Rows 16-55 (level 1) and 56-87 (level 2) of GB 2312, decoded."""
    out = []
    for row in range(0xB0, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                out.append(ord(bytes([row, cell]).decode('gb2312')))
            except UnicodeDecodeError:
                pass  # the gaps at the end of row 55
    return out


def ranges(*pairs):
    return [cp for start, end in pairs for cp in range(start, end + 1)]


def codepoints():
    return sorted(set(gb2312_hanzi() + ranges(
        (0x0020, 0x007E),  # ASCII
        (0x00A0, 0x017F),  # Latin-1, Latin Extended-A
        (0x01A0, 0x01B0),  # Vietnamese horned letters (ơ, ư)
        (0x0300, 0x0323),  # combining accents Vietnamese uses
        (0x1EA0, 0x1EF9),  # Vietnamese precomposed letters
        (0x2000, 0x206F),  # general punctuation
        (0x2100, 0x2122),  # letterlike symbols (№, ™)
        (0x2190, 0x2193),  # arrows
        (0x2460, 0x2473),  # circled numbers
        (0x3000, 0x303F),  # CJK symbols and punctuation
        (0x3040, 0x30FF),  # hiragana, katakana
        (0xFF01, 0xFF5E),  # full-width forms
        (0xFFE0, 0xFFE6),  # full-width signs (￥)
    )))


def sc_face(collection_path):
    collection = TTCollection(collection_path, lazy=True)
    for number, font in enumerate(collection.fonts):
        if font['name'].getDebugName(1) == 'Noto Sans CJK SC':
            return number
    sys.exit(f'No "Noto Sans CJK SC" face in {collection_path}')


def rename(font):
    """OFL: a modified version must not go by the original's name; the notices stay."""
    names = {1: FAMILY, 3: f'{FAMILY} Regular; subset of Noto Sans CJK SC 2.004', 4: f'{FAMILY} Regular', 6: 'PackdeskCJK-SC', 16: FAMILY, 17: 'Regular'}
    table = font['name']
    table.names = [n for n in table.names if n.nameID not in names]
    for name_id, text in names.items():
        table.setName(text, name_id, 3, 1, 0x409)
        table.setName(text, name_id, 1, 0, 0)
    if 'CFF ' in font:
        cff = font['CFF '].cff
        cff.fontNames = ['PackdeskCJK-SC']
        top = cff.topDictIndex[0]
        top.FullName = f'{FAMILY} Regular'
        top.FamilyName = FAMILY


def main():
    options = subset.Options()
    options.font_number = sc_face(SOURCE)
    options.layout_features = ['kern', 'ccmp']
    options.name_IDs = ['*']
    options.name_languages = ['*']
    options.notdef_outline = True
    options.hinting = False
    options.recalc_timestamp = False
    font = subset.load_font(SOURCE, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints())
    subsetter.subset(font)
    rename(font)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    subset.save_font(font, OUT, options)
    print(f'{os.path.relpath(OUT)}: {os.path.getsize(OUT):,} bytes, {len(codepoints()):,} characters')


if __name__ == '__main__':
    main()
