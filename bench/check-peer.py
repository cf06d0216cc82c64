#!/usr/bin/env python3
"""check-peer: the same check as `nianbao check` done the short way in
Python, for bench/check-bench.sh to compare with: each draft loaded with
PyYAML's C loader (yaml.CSafeLoader, libyaml underneath) and judged by the
rules *read from the form file*, as nianbao does: sums (with their `for`
over columns, rows or a list, PATH.* and "-" terms; the rules that read
last year's draft are skipped, as without --previous), `required` and
`mentions`, and a note for every unfilled cell.  One line a finding,
"FILE: RULE", and the counts at the end.  It does not check what nianbao
refuses in a malformed draft (keys, types, characters).

Usage: check-peer.py FORM.yaml DRAFT|DIR...
"""
import os
import sys
from decimal import Decimal

import yaml

LOADER = yaml.CSafeLoader


def load(path):
    with open(path, 'rb') as f:
        return yaml.load(f, Loader=LOADER)


class Form:
    def __init__(self, path):
        doc = load(path)
        self.colsets = {k: [c['label'] for c in v] for k, v in doc['columns'].items()}
        self.fields = {}
        self.leaves = []
        for f in doc['fields']:
            self.add_field(f, '')
        self.checks = []
        for rule in doc['rules']:
            self.add_rule(rule)

    def add_field(self, f, prefix):
        path = prefix + f['key']
        self.fields[path] = f
        kids = f.get('fields')
        if kids:
            f['kids'] = [path + '.' + k['key'] for k in kids]
            for k in kids:
                self.add_field(k, path + '.')
        elif f['type'] not in ('text', 'items', 'format'):
            self.leaves.append(path)

    def rows_under(self, path):
        f = self.fields[path]
        if f['type'] == 'row':
            return [path]
        return [r for k in f.get('kids', []) for r in self.rows_under(k)]

    def loop(self, spec):
        if spec is None:
            return None, ['']
        (var, over), = spec.items()
        if isinstance(over, list):
            return var, over
        if 'columns' in over:
            return var, [str(i) for i in range(len(self.colsets[over['columns']]))]
        return var, self.rows_under(over['rows'])

    def terms(self, side, var, val):
        out = []
        for t in side:
            t = t.replace('{%s}' % var, val) if var else t
            sign = -1 if t.startswith('-') else 1
            t = t.lstrip('-')
            if t.startswith('previous:'):
                return None
            col = None
            if t.endswith(']'):
                t, col = t[:-1].split('[')
                col = int(col)
            paths = self.fields[t[:-2]]['kids'] if t.endswith('.*') else [t]
            out += [(p.split('.'), col, sign) for p in paths]
        return out

    def add_rule(self, rule):
        kind = rule.get('kind', 'sum')
        if kind == 'required':
            for p in rule['fields']:
                self.checks.append((rule['id'], 'required', p, None))
        elif kind == 'mentions':
            self.checks.append((rule['id'], 'mentions', rule['field'], rule['text']))
        else:
            var, vals = self.loop(rule.get('for'))
            for v in vals:
                lhs = self.terms(rule['lhs'], var, v)
                rhs = self.terms(rule['rhs'], var, v)
                if lhs is not None and rhs is not None:
                    self.checks.append((rule['id'], 'sum', lhs, rhs))


def value(draft, parts, col):
    v = draft
    for p in parts:
        if not isinstance(v, dict):
            return None
        v = v.get(p)
    if col is not None:
        v = v[col] if isinstance(v, list) and col < len(v) else None
    return v


def side_sum(draft, terms):
    s = Decimal(0)
    for parts, col, sign in terms:
        v = value(draft, parts, col)
        if v is None or isinstance(v, (str, bool)):
            return None
        s += sign * Decimal(str(v))
    return s


def has_text(v):
    if isinstance(v, list):
        return bool(v) and all(isinstance(i, dict) and str(i.get('text') or '').strip()
                               for i in v)
    return bool(str(v or '').strip())


def judge(form, draft):
    found = []
    for rule_id, kind, a, b in form.checks:
        if kind == 'sum':
            l, r = side_sum(draft, a), side_sum(draft, b)
            if l is not None and r is not None and l != r:
                found.append(rule_id)
        else:
            v = value(draft, a.split('.'), None)
            if kind == 'required' and not has_text(v):
                found.append(rule_id)
            elif kind == 'mentions' and has_text(v) and b not in str(v):
                found.append(rule_id)
    for path in form.leaves:
        v = value(draft, path.split('.'), None)
        cells = v if isinstance(v, list) else [v]
        if v is None or any(c is None or c == '' for c in cells):
            found.append('unfilled')
    return found


def drafts(args):
    for a in args:
        if not os.path.isdir(a):
            yield a
            continue
        for top, dirs, files in os.walk(a):
            dirs[:] = sorted(d for d in dirs if not d.startswith('.'))
            for f in sorted(files):
                if f.endswith(('.yaml', '.yml')) and not f.startswith('.'):
                    yield os.path.join(top, f)


def main():
    form = Form(sys.argv[1])
    files = bad = failing = 0
    for path in drafts(sys.argv[2:]):
        files += 1
        try:
            draft = load(path)
        except (OSError, yaml.YAMLError) as e:
            bad += 1
            print('%s: %s' % (path, e), file=sys.stderr)
            continue
        found = judge(form, draft if isinstance(draft, dict) else {})
        failing += bool(found)
        sys.stdout.write(''.join('%s: %s\n' % (path, r) for r in found))
    print('%d files, %d with findings, %d unreadable' % (files, failing, bad),
          file=sys.stderr)


main()
