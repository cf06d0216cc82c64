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
With --pages [--repeat] EXPECT PDF the pages are looked at one by one
(pdftotext -layout -f N -l N): every page shows its number "— N —"; the
table of requests (the section whose labels start a row with "一、") has
its heading on the page of its first row, no label of it broken across
two pages, its head on every page that holds any of its rows, and no
page before its heading or among its rows left more than half blank; with
--repeat, a merged group label (三、本年度办理结果, （三）不予公开 …) on
every page that holds a row of its group.
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


def pdf_pages(path):
    import subprocess
    info = subprocess.run(['pdfinfo', path], capture_output=True, text=True).stdout
    n = int(re.search(r'^Pages:\s+(\d+)', info, re.M).group(1))
    return [subprocess.run(['pdftotext', '-layout', '-f', str(i), '-l', str(i), path, '-'],
                           capture_output=True, text=True).stdout.splitlines()
            for i in range(1, n + 1)]


def filled(path, page):
    """How far down the page (0 to 1) its text reaches, the page number in
    the bottom margin left out."""
    import subprocess
    box = subprocess.run(['pdftotext', '-bbox', '-f', str(page), '-l', str(page), path, '-'],
                         capture_output=True, text=True).stdout
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', box).group(1))
    bottoms = [float(y) for y in re.findall(r'<word [^>]*yMax="([\d.]+)"', box)]
    body = [y for y in bottoms if y < 0.88 * height]
    return max(body) / height if body else 0.0


def groups_of(rows):
    """The merged labels among a table's row labels and the rows each
    covers: a label of 三、 or （N） followed by rows of a lower order."""
    out = []
    for i, label in enumerate(rows):
        if re.match(r'三、本年度', label):
            end = next(j for j in range(i + 1, len(rows)) if re.match(r'四、', rows[j]))
        elif re.match(r'（[一二三四五六七]）', label):
            end = i + 1
            while end < len(rows) and re.match(r'\d+\.', rows[end]):
                end += 1
        else:
            continue
        if end > i + 1:
            out.append((label, rows[i + 1:end]))
    return out


def check_pages(expect, path, repeat):
    heads, sections, _ = read_expect(expect)
    pages = pdf_pages(path)
    bad = []
    for i, lines in enumerate(pages, 1):
        if not any(re.fullmatch(r'\s*—\s*%d\s*—\s*' % i, l) for l in lines):
            bad.append('page %d of %d shows no "— %d —"' % (i, len(pages), i))
    sec, labels = next((s, l) for s, l in sections if any(re.match('一、', x) for x in l))
    first = next(k for k, x in enumerate(labels) if re.match('一、', x))
    head, rows = labels[:first], labels[first:]
    on = [[p for p, lines in enumerate(pages, 1) if in_layout(lines, flat(x))] for x in rows]
    for x, where in zip(rows, on):
        if not where:
            bad.append('no page shows the whole label %s' % x)
    holding = sorted(set(p for where in on for p in where))
    heading = [p for p, lines in enumerate(pages, 1) if any(flat(sec) in flat(l) for l in lines)]
    if not heading or not on[0] or heading[0] != on[0][0]:
        bad.append('the heading %s is on page %s, its first row on page %s' %
                   (sec, heading[:1], on[0][:1]))
    for p in holding:
        missing = [x for x in head if not in_layout(pages[p - 1], flat(x))]
        if missing:
            bad.append('page %d holds rows of %s without its head (%s)' % (p, sec, missing[0]))
    if heading and holding:
        for p in range(max(heading[0] - 1, 1), holding[-1]):
            if filled(path, p) < 0.55:
                bad.append('page %d is left more than half blank (text to %.0f%% of it)'
                           % (p, 100 * filled(path, p)))
    for label, members in groups_of(rows) if repeat else []:
        for p in sorted(set(p for x in members for p in on[rows.index(x)])):
            if not in_layout(pages[p - 1], flat(label)):
                bad.append('page %d holds rows of %s without that label' % (p, label))
    for b in bad:
        print('# ' + b)
    return 1 if bad else 0


def main():
    if sys.argv[1] == '--html':
        return check_html(sys.argv[2], sys.argv[3])
    if sys.argv[1] == '--pages':
        repeat = sys.argv[2] == '--repeat'
        return check_pages(sys.argv[2 + repeat], sys.argv[3 + repeat], repeat)
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
