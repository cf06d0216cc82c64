#!/usr/bin/env python3
"""export-check.py EXPECT TEXT LAYOUT: does a PDF's text show a report?
export-check.py --html EXPECT HTML: does pandoc's HTML of the .md?

EXPECT is a file of H/S/L/F lines (see tests/data/jinzhai-2024-expect.txt);
TEXT and LAYOUT are what `pdftotext` and `pdftotext -layout` made of the
PDF.  Checks that every heading is there in order, every table label after
its section's heading (before the next one), and the tables' figures in
reading order.  In a PDF's text layer a label that wraps inside a narrow
cell is interleaved with its neighbours' lines, so labels are looked for
in the layout text as a stack of pieces, each on a later line (within a
few) than the one before and roughly below it.
With --html the headings are looked for in order among h1-h3, the labels
in the text after their section's heading (GFM tables cannot merge cells,
so a table's heading rows may stand in bold before it), the figures are
the cells holding only a number.
Prints what is missing and exits 1, or exits 0 silently.
"""
import re
import sys


def flat(s):
    return re.sub(r'\s+', '', s)


def stack_from(lines, i, c, rest):
    """Is rest at column c of line i, or starting there and going on in a
    piece at about the same columns of one of the next few lines?"""
    line = lines[i]
    k, p = 0, c
    while k < len(rest) and p < len(line):
        if line[p] == rest[k]:
            k, p = k + 1, p + 1
        elif line[p] == ' ' and p + 1 < len(line) and line[p + 1] != ' ' and k:
            p += 1      # pdftotext spaces out digits among CJK
        else:
            break
    if k == 0:
        return False
    if k == len(rest):
        return True
    for j in range(i + 1, min(i + 6, len(lines))):
        c2 = lines[j].find(rest[k])
        while c2 >= 0:
            if c - 6 <= c2 <= p + 2 and stack_from(lines, j, c2, rest[k:]):
                return True
            c2 = lines[j].find(rest[k], c2 + 1)
    return False


def in_layout(lines, label):
    for i, line in enumerate(lines):
        c = line.find(label[0])
        while c >= 0:
            if stack_from(lines, i, c, label):
                return True
            c = line.find(label[0], c + 1)
    return False


def read_expect(expect):
    heads, sections, figures = [], [], []
    for line in open(expect, encoding='utf-8'):
        kind, _, rest = line.rstrip('\n').partition(' ')
        if kind == 'H':
            heads.append(rest)
        elif kind == 'S':
            sections.append((rest, []))
        elif kind == 'L':
            sections[-1][1].append(rest)
        elif kind == 'F':
            figures = rest.split()
    return heads, sections, figures


def check_html(expect, path):
    import html
    heads, sections, figures = read_expect(expect)
    doc = open(path, encoding='utf-8').read()
    bad = []
    found = [(m.start(), flat(html.unescape(re.sub(r'<[^>]*>', '', m.group(2)))))
             for m in re.finditer(r'<(h[1-3])[^>]*>(.*?)</\1>', doc, re.S)]
    text = ''.join(t for _, t in found)
    pos = 0
    for h in heads:
        i = text.find(flat(h), pos)
        if i < 0:
            bad.append('heading missing or out of order: ' + h)
        else:
            pos = i + len(flat(h))
    cells = [(m.start(), html.unescape(re.sub(r'<[^>]*>', '', m.group(2))).strip())
             for m in re.finditer(r'<(td|th)[^>]*>(.*?)</\1>', doc, re.S)]
    starts = [a for a, _ in found]
    for sec, labels in sections:
        at = next((a for a, t in found if t == flat(sec)), None)
        if at is None:
            bad.append('section missing: ' + sec)
            continue
        later = [a for a in starts if a > at]
        end = min(later) if later else len(doc)
        region = flat(html.unescape(re.sub(r'<[^>]*>', '', doc[at:end])))
        for label in labels:
            if flat(label) not in region:
                bad.append('table label missing under %s: %s' % (sec, label))
    got = [t for _, t in cells if re.fullmatch(r'\d+(?:\.\d+)?', t)]
    if got != figures:
        bad.append('figures differ: got %d, want %d' % (len(got), len(figures)))
    for b in bad:
        print('# ' + b)
    return 1 if bad else 0


def main():
    if sys.argv[1] == '--html':
        return check_html(sys.argv[2], sys.argv[3])
    expect, raw, layout = sys.argv[1:4]
    heads, sections, figures = read_expect(expect)
    text = flat(open(raw, encoding='utf-8').read())
    bad = []

    pos = 0
    for h in heads:
        i = text.find(flat(h), pos)
        if i < 0:
            bad.append('heading missing or out of order: ' + h)
            continue
        pos = i + len(flat(h))
    lines = open(layout, encoding='utf-8').read().splitlines()
    heads_at = [next((i for i, l in enumerate(lines) if flat(h) in flat(l)), None)
                for h in heads]
    for sec, labels in sections:
        a = heads_at[heads.index(sec)] if sec in heads else None
        later = [x for x in heads_at if x is not None and a is not None and x > a]
        region = lines[a:min(later) if later else len(lines)] if a is not None else lines
        for label in labels:
            if not in_layout(region, flat(label)):
                bad.append('table label missing under %s: %s' % (sec, label))

    first = next((i for i, l in enumerate(lines) if '二、主动公开政府信息情况' in l), None)
    last = next((i for i, l in enumerate(lines) if '五、存在的主要问题及改进情况' in l), None)
    if first is None or last is None:
        bad.append('the tables\' sections were not found in the layout text')
    else:
        got = []
        for l in lines[first:last]:
            l = l.replace('\f', '')
            if re.fullmatch(r'\s*[—-]\s*\d+\s*[—-]\s*', l):
                continue        # a page number
            got += re.findall(r'(?<!\S)\d+(?:\.\d+)?(?!\S)', l)
        if got != figures:
            bad.append('figures differ: got %d, want %d' % (len(got), len(figures)))
            for k, (a, b) in enumerate(zip(got, figures)):
                if a != b:
                    bad.append('  first difference at figure %d: %s, want %s' % (k + 1, a, b))
                    break
    for b in bad:
        print('# ' + b)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
