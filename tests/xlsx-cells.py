#!/usr/bin/env python3
"""What a workbook holds, read from its XML with nothing but the standard
library, one fact a line (for the shell tests to grep):

    sheet NAME
    merge NAME A1:D1
    pane NAME XSPLIT YSPLIT
    cell NAME REF n VALUE FORMAT     a number, its number format's code
    cell NAME REF s TEXT             a string
    cell NAME REF - -                a cell with a style and no value

Usage: xlsx-cells.py FILE.xlsx
"""
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
      'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'}
BUILTIN = {0: 'General', 1: '0', 2: '0.00'}


def text_of(si):
    return ''.join(t.text or '' for t in si.iter('{%s}t' % NS['m']))


def main(path):
    z = zipfile.ZipFile(path)
    book = ET.fromstring(z.read('xl/workbook.xml'))
    rels = ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))
    target = {r.get('Id'): r.get('Target') for r in rels}
    strings = []
    if 'xl/sharedStrings.xml' in z.namelist():
        sst = ET.fromstring(z.read('xl/sharedStrings.xml'))
        strings = [text_of(si) for si in sst.findall('m:si', NS)]
    styles = ET.fromstring(z.read('xl/styles.xml'))
    codes = dict(BUILTIN)
    for f in styles.findall('m:numFmts/m:numFmt', NS):
        codes[int(f.get('numFmtId'))] = f.get('formatCode')
    xfs = [int(x.get('numFmtId', 0)) for x in styles.findall('m:cellXfs/m:xf', NS)]
    out = []
    for sh in book.findall('m:sheets/m:sheet', NS):
        name = sh.get('name')
        out.append('sheet %s' % name)
        xml = ET.fromstring(z.read('xl/' + target[sh.get('{%s}id' % NS['r'])]))
        for m in xml.findall('m:mergeCells/m:mergeCell', NS):
            out.append('merge %s %s' % (name, m.get('ref')))
        for p in xml.findall('m:sheetViews/m:sheetView/m:pane', NS):
            out.append('pane %s %s %s' % (name, p.get('xSplit'), p.get('ySplit')))
        for c in xml.findall('m:sheetData/m:row/m:c', NS):
            v = c.find('m:v', NS)
            ref = c.get('r')
            if v is None:
                out.append('cell %s %s - -' % (name, ref))
            elif c.get('t') == 's':
                out.append('cell %s %s s %s' % (name, ref, strings[int(v.text)]))
            else:
                fmt = codes.get(xfs[int(c.get('s', 0))], '?')
                out.append('cell %s %s n %s %s' % (name, ref, v.text, fmt))
    sys.stdout.write('\n'.join(out) + '\n')


if __name__ == '__main__':
    main(sys.argv[1])
