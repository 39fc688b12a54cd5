#!/usr/bin/env python3
"""Makes assets/report/deck.pptx, the built-in look of `kompass report --format pptx`.

It starts from the default template of the `pptx` crate (python-pptx's Office theme,
4:3, MIT licence) and makes it the deck's own:
- 16:9 (13.333 x 7.5 in): the master's and layouts' x positions and widths scaled by 4/3;
- the report's colours in the theme (accent1 is this evaluation, accent2 the earlier ones,
  accent3 the averages: charts take their series colours from there, as they do from a
  consultancy's template);
- left-aligned 32 pt titles in the report's blue, 20 pt body text, a left-aligned title slide;
- a thin blue rule at the foot of every slide;
- no thumbnail, no printer settings (neither describes this deck).

Usage: python3 scripts/make_deck_template.py \
    ~/.cargo/registry/src/*/pptx-0.1.0/src/templates/default.pptx assets/report/deck.pptx
"""

import re
import sys
import zipfile

SCALE = 4 / 3
WIDTH, HEIGHT = 12192000, 6858000

COLOURS = {
    "dk2": "1D2733",
    "lt2": "EAF0F6",
    "accent1": "1F4E79",
    "accent2": "97ADC4",
    "accent3": "C8702A",
    "accent4": "5B8A3C",
    "accent5": "8B5A9E",
    "accent6": "7893B0",
}

RULE = (
    '<p:sp><p:nvSpPr><p:cNvPr id="90" name="Kompass rule"/><p:cNvSpPr/><p:nvPr userDrawn="1"/>'
    "</p:nvSpPr><p:spPr><a:xfrm><a:off x=\"0\" y=\"6781800\"/><a:ext cx=\"12192000\" cy=\"76200\"/>"
    '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:schemeClr val="accent1"/>'
    "</a:solidFill><a:ln><a:noFill/></a:ln></p:spPr></p:sp>"
)


def scale_x(xml: str) -> str:
    """Every horizontal position and width, times 4/3."""

    def off(m):
        return f'{m.group(1)}x="{round(int(m.group(2)) * SCALE)}"'

    def ext(m):
        return f'{m.group(1)}cx="{round(int(m.group(2)) * SCALE)}"'

    xml = re.sub(r'(<a:off )x="(\d+)"', off, xml)
    return re.sub(r'(<a:ext )cx="(\d+)"', ext, xml)


def main(src: str, dst: str) -> None:
    with zipfile.ZipFile(src) as zin:
        parts = {n: zin.read(n) for n in zin.namelist()}
    drop = {"docProps/thumbnail.jpeg", "ppt/printerSettings/printerSettings1.bin"}
    for name in drop:
        parts.pop(name, None)
    out = {}
    for name, data in parts.items():
        if not (name.endswith(".xml") or name.endswith(".rels")):
            out[name] = data
            continue
        xml = data.decode("utf-8")
        if name == "ppt/presentation.xml":
            xml = re.sub(r"<p:sldSz [^>]*/>", f'<p:sldSz cx="{WIDTH}" cy="{HEIGHT}"/>', xml)
        if name.startswith("ppt/slideMasters/") or name.startswith("ppt/slideLayouts/"):
            if not name.endswith(".rels"):
                xml = scale_x(xml)
        if name == "ppt/slideLayouts/slideLayout1.xml":
            # The title slide reads from the left, as the titles do.
            xml = xml.replace('algn="ctr"', 'algn="l"')
            xml = xml.replace(
                '<a:off x="1828800" y="3886200"/><a:ext cx="8534400"',
                '<a:off x="914400" y="3886200"/><a:ext cx="10363200"',
            )
        if name == "ppt/slideMasters/slideMaster1.xml":
            xml = re.sub(
                r'(<p:titleStyle><a:lvl1pPr) algn="ctr"', r'\1 algn="l"', xml
            )
            xml = xml.replace(
                '<a:defRPr sz="4400" kern="1200"><a:solidFill><a:schemeClr val="tx1"/>',
                '<a:defRPr sz="3200" b="1" kern="1200"><a:solidFill><a:schemeClr val="accent1"/>',
            )
            for old, new in (("3200", "2000"), ("2800", "1800"), ("2400", "1600")):
                xml = xml.replace(
                    f'<a:defRPr sz="{old}" kern="1200">', f'<a:defRPr sz="{new}" kern="1200">', 1
                )
            xml = xml.replace("</p:spTree>", RULE + "</p:spTree>", 1)
        if name == "ppt/theme/theme1.xml":
            for key, rgb in COLOURS.items():
                xml = re.sub(
                    rf"<a:{key}>.*?</a:{key}>",
                    f'<a:{key}><a:srgbClr val="{rgb}"/></a:{key}>',
                    xml,
                    count=1,
                )
            xml = xml.replace('<a:clrScheme name="Office">', '<a:clrScheme name="Kompass">')
        if name.endswith(".rels"):
            xml = re.sub(r'<Relationship [^>]*(thumbnail|printerSettings)[^>]*/>', "", xml)
        if name == "[Content_Types].xml":
            xml = re.sub(r'<Override PartName="/ppt/printerSettings[^>]*/>', "", xml)
        out[name] = xml.encode("utf-8")
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        # [Content_Types].xml first, as Office writes it.
        for name in sorted(out, key=lambda n: (n != "[Content_Types].xml", n)):
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(info, out[name])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
