#!/usr/bin/env python3
"""gen-drafts: writes N drafts for bench/check-bench.sh, from the sample
drafts: the seed report (sample-data/jinzhai-2024.yaml) under N different
bodies' names, with a seeded random choice of them given errors: a figure
of a table row or of table 四 changed by a few, so that its sums no longer
hold.  A few are the sample with deliberate errors and the empty draft
(every cell unfilled), each under a name of its own too.  The drafts go
into DIR/NNN/ (100 to a directory), named dNNNNN.yaml; FIRST numbers the
first one (and its body), so that two sets of drafts name different bodies.

Usage: gen-drafts.py N DIR [SEED [FIRST]]   (from the top of the tree)
"""
import os
import random
import re
import sys

ROW = re.compile(r'^(\s+\w+: \[)([0-9, ]+)(\].*)$')
FLOW = re.compile(r'^(\s+\w+: \{)(.*)(\}.*)$')
ORG = re.compile(r'^organization: .*$', re.M)


def lines_of(path):
    with open(path, encoding='utf-8') as f:
        return f.read().split('\n')


def break_a_figure(lines, rnd):
    """A copy of lines with one figure of a row or a flow group changed."""
    places = [i for i, l in enumerate(lines)
              if ROW.match(l) or (FLOW.match(l) and 'total:' in l)]
    out = list(lines)
    i = rnd.choice(places)
    m = ROW.match(out[i])
    if m:
        nums = [int(x) for x in m.group(2).split(',')]
        k = rnd.randrange(len(nums))
        nums[k] += rnd.randint(1, 5)
        out[i] = m.group(1) + ', '.join(str(x) for x in nums) + m.group(3)
        return out
    m = FLOW.match(out[i])
    parts = m.group(2).split(', ')
    k = rnd.randrange(len(parts))
    key, val = parts[k].split(': ')
    if val.isdigit():
        parts[k] = '%s: %d' % (key, int(val) + rnd.randint(1, 5))
    out[i] = m.group(1) + ', '.join(parts) + m.group(3)
    return out


def main():
    n = int(sys.argv[1])
    top = sys.argv[2]
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 2024)
    first = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    seed = lines_of('sample-data/jinzhai-2024.yaml')
    errors = '\n'.join(lines_of('sample-data/jinzhai-2024-errors.yaml'))
    empty = '\n'.join(lines_of('sample-data/empty.yaml'))
    kinds = {'valid': 0, 'broken': 0, 'errors': 0, 'empty': 0}
    for i in range(first, first + n):
        name = '测试县第%05d单位' % i
        r = rnd.random()
        if r < 0.02:
            text, kind = errors, 'errors'
        elif r < 0.04:
            text, kind = empty, 'empty'
        elif r < 0.34:
            text, kind = '\n'.join(break_a_figure(seed, rnd)), 'broken'
        else:
            text, kind = '\n'.join(seed), 'valid'
        kinds[kind] += 1
        text = ORG.sub('organization: ' + name, text, count=1)
        d = os.path.join(top, '%03d' % (i // 100))
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, 'd%05d.yaml' % i), 'w', encoding='utf-8') as f:
            f.write(text)
    print('%d drafts in %s: %d valid, %d with a figure changed, '
          '%d with the sample errors, %d empty' %
          (n, top, kinds['valid'], kinds['broken'], kinds['errors'], kinds['empty']))


main()
