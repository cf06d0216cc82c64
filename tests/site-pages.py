#!/usr/bin/env python3
"""Published report pages as government portals write them, made from
nianbao's own .html export of a draft (so the figures they must import to
are the draft's), for tests/import-sites.sh and tests/sites-clients.sh.

    site-pages.py EXPORT.html OUTDIR

writes OUTDIR/TEMPLATE.html for each template below, the page in the
encoding it declares, and beside each the text a browser gives when the
whole page is selected and copied: TEMPLATE.tabs.txt (table rows with a
tab between cells, as Chromium copies them) and TEMPLATE.cells.txt (each
cell on a line of its own, as the seed report's text has them).

Each template is the markup of one kind of site: its navigation,
breadcrumbs, the 发布时间/来源/字号 bar, share buttons and footer around
the report, its own way of writing headings, paragraphs and tables, and
of titling the parts of section 五."""

import html
import os
import re
import sys
from html.parser import HTMLParser


# ---- the report, from the export ----

class Export(HTMLParser):
    """The blocks of an export: ('title', [lines]), ('h2'|'h3'|'p', text),
    ('table', [[(text, colspan, rowspan), ...], ...])."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.text, self.tag = [], None, None
        self.rows = self.cell = None
        self.nested = 0     # tables inside a cell (a merged label's repeat)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self.cell is not None and tag == 'table':
            self.nested += 1
        elif self.nested:
            return
        elif tag in ('h1', 'h2', 'h3', 'p') and self.rows is None:
            self.tag, self.text = tag, ['']
        elif tag == 'br' and self.text is not None:
            self.text.append('')
        elif tag == 'table':
            self.rows = []
        elif tag == 'tr':
            self.rows.append([])
        elif tag in ('td', 'th'):
            self.cell = [int(a.get('colspan', 1)), int(a.get('rowspan', 1)), '']

    def handle_endtag(self, tag):
        if self.nested:
            self.nested -= tag == 'table'
            return
        if tag in ('td', 'th') and self.cell:
            self.rows[-1].append((self.cell[2].strip(), self.cell[0], self.cell[1]))
            self.cell = None
        elif tag == 'table':
            self.blocks.append(('table', self.rows))
            self.rows = None
        elif tag == self.tag and self.text is not None:
            lines = [t.strip() for t in self.text]
            if tag == 'h1':
                self.blocks.append(('title', lines))
            elif ''.join(lines):
                self.blocks.append((tag, ''.join(lines)))
            self.text = self.tag = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell[2] += data
        elif self.text is not None:
            self.text[-1] += data


def blocks_of(path):
    p = Export()
    with open(path, encoding='utf-8') as f:
        p.feed(f.read())
    return p.blocks


def esc(s):
    return html.escape(s, quote=False)


def title_of(blocks):
    return ''.join(next(v for k, v in blocks if k == 'title'))


# ---- what sites put around the report ----

NAV = ('<div class="header"><div class="logo">某某市人民政府</div>'
       '<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>'
       '<li><a href="/hdjl/">互动交流</a></li><li><a href="/bsfw/">办事服务</a></li></ul>'
       '<form class="search"><input type="text" value="请输入关键词"><button>搜索</button></form></div>\n')
CRUMBS = '<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/ndbg/">政府信息公开年报</a></div>\n'
INFO = ('<div class="info"><span>发布时间：2024-01-20 09:30</span>&nbsp;&nbsp;<span>来源：本机关</span>'
        '&nbsp;&nbsp;<span>浏览次数：<script>document.write(1024)</script></span>'
        '&nbsp;&nbsp;<span>字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></span></div>\n')
META_TABLE = ('<table class="meta"><tr><td>索引号：</td><td>11340000/2024-00012</td><td>发布机构：</td><td>本机关</td></tr>'
              '<tr><td>主题分类：</td><td>政务公开</td><td>发文日期：</td><td>2024-01-20</td></tr></table>\n')
SHARE = ('<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>\n'
         '<div class="tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>\n')
PREV = '<div class="prevnext"><p>上一篇：关于2023年度政务公开工作的通知</p><p>下一篇：没有了</p></div>\n'
FOOT = ('<div class="footer"><p>主办单位：某某市人民政府办公室　承办单位：某某市数据资源管理局</p>'
        '<p>网站标识码：3400000001　<a href="https://beian.miit.gov.cn">皖ICP备05001234号</a>　皖公网安备 34010202000001号</p>'
        '<p><a href="/lxwm/">联系我们</a> | <a href="/wzdt/">网站地图</a></p></div>\n')
STYLE = '<style>body{font-size:16px} .nav li{display:inline;margin:0 1em} td{padding:2px 4px}</style>\n'
SCRIPT = '<script>var _hmt = _hmt || []; (function(){ var s = "<p>不是正文</p>"; })();</script>\n'


def page(charset, title, body, http_equiv=False):
    meta = ('<meta http-equiv="Content-Type" content="text/html; charset=%s">' % charset
            if http_equiv else '<meta charset="%s">' % charset)
    return ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
            '<html><head>%s\n<title>%s_某某市人民政府</title>\n%s%s</head>\n<body>\n%s%s</body></html>\n'
            % (meta, esc(title), STYLE, SCRIPT, body, SCRIPT))


def around(title, content, title_markup=None):
    t = title_markup or '<h1 class="title">%s</h1>\n' % esc(title)
    return NAV + CRUMBS + '<div class="main">' + t + INFO + content + SHARE + PREV + '</div>\n' + FOOT


# ---- tables ----

def table(rows, open_tag, cell, row_open='<tr>'):
    out = [open_tag]
    for r in rows:
        out.append(row_open)
        for text, cs, rs in r:
            span = (' colspan="%d"' % cs if cs > 1 else '') + (' rowspan="%d"' % rs if rs > 1 else '')
            out.append(cell(text, span))
        out.append('</tr>\n')
    out.append('</table>\n')
    return ''.join(out)


def wrapped(text, width):
    """A label as a page breaks it with <br> in a narrow cell."""
    if len(text) <= width or text.isdigit():
        return esc(text)
    return '<br>'.join(esc(text[i:i + width]) for i in range(0, len(text), width))


# Section 五's parts as sites title them: the export's "上年改进情况：…"
# paragraphs rewritten, a template's way.
PARTS = {'上年改进情况': ('（一）上年度问题整改情况', '1.上年度问题整改情况', '上年度问题整改情况'),
         '本年存在问题': ('（二）存在的主要问题', '2.本年度存在的主要问题', '存在的主要问题'),
         '下一步改进举措': ('（三）下一步改进举措', '3.下一步工作打算', '下一步改进措施')}


def part(text):
    """(titles, the text after the label) of a paragraph of 五, or None."""
    for label, titles in PARTS.items():
        if text.startswith(label + '：'):
            return titles, text[len(label) + 1:]
    return None


def is_group(text):
    return re.match(r'^（[三四五六]）', text) is not None or text.startswith('三、本年度')


# ---- the templates ----

def render(blocks, table_of, block_of, title_of_block=lambda lines: ''):
    """The markup of the report's blocks: its tables by table_of(rows),
    its headings and paragraphs by block_of(kind, text), its title by
    title_of_block(lines) (none: the page shows it above the report)."""
    out = []
    for kind, v in blocks:
        if kind == 'title':
            out.append(title_of_block(v))
        elif kind == 'table':
            out.append(table_of(v))
        else:
            out.append(block_of(kind, v))
    return ''.join(out)


def trs(blocks):
    """A TRS portal: TRS_Editor, headings in <strong>, text-indent styles."""
    title = title_of(blocks)

    def block(kind, v):
        if part(v):
            (heading, _, _), v = part(v)
            return '<p style="text-indent:2em"><strong>%s</strong></p>\n' % esc(heading) + block('p', v)
        if kind in ('h2', 'h3'):
            return '<p style="text-indent:2em"><strong>%s</strong></p>\n' % esc(v)
        return '<p style="text-indent:2em;line-height:2">%s</p>\n' % esc(v)
    content = render(blocks, lambda v: table(v, '<table border="1" cellspacing="0" cellpadding="0" width="100%" '
                                                'style="border-collapse:collapse">\n',
                                             lambda t, s: '<td%s style="text-align:center"><p>%s</p></td>' % (s, esc(t))),
                     block)
    content = '<div class="TRS_Editor"><div class="Custom_UnionStyle">\n' + content + '</div></div>\n'
    return page('utf-8', title, around(title, content)), 'utf-8'


def gbk(blocks):
    """A GBK page declared by http-equiv, article-content, <h3>/<h4>
    headings, the table three rows of header with <th>."""
    title = title_of(blocks)

    def block(kind, v):
        if kind == 'h2':
            return '<h3 style="font-size:18px">%s</h3>\n' % esc(v)
        if kind == 'h3':
            return '<h4>%s</h4>\n' % esc(v)
        return '<p>　　%s</p>\n' % esc(v)
    content = render(blocks, lambda v: table(v, '<table class="table" border="1" style="width:100%;border-collapse:collapse">\n',
                                             lambda t, s: ('<td%s>%s</td>' if re.match(r'^[0-9.]+$', t)
                                                           else '<th%s>%s</th>') % (s, esc(t))),
                     block)
    content = ('<div class="article">' + META_TABLE + '<div class="article-content">\n' + content
               + '</div></div>\n')
    return page('gb2312', title, around(title, content), http_equiv=True), 'gb18030'


def word(blocks):
    """Pasted from Word: MsoNormal paragraphs of spans, <o:p>, &nbsp;,
    MsoNormalTable with each cell's text in a <p class=MsoNormal>, a
    label split over runs and over lines."""
    title = title_of(blocks)

    def para(text, bold=False):
        runs = re.findall(r'.{1,12}', text) or ['']
        body = ''.join('<span style="font-size:16.0pt;font-family:仿宋_GB2312">%s</span>' % esc(r) for r in runs)
        if bold:
            body = '<b>' + body + '</b>'
        return ('<p class=MsoNormal style="text-indent:32.0pt;line-height:28.0pt;mso-line-height-rule:exactly">%s'
                '<span lang=EN-US><o:p></o:p></span></p>\n' % body)

    def block(kind, v):
        if part(v):
            (_, _, heading), v = part(v)
            return para(heading, bold=True) + para(v)
        return para(v, bold=kind in ('h2', 'h3'))

    def cell(t, s):
        inner = wrapped(t, 6) if is_group(t) else esc(t)
        return ('<td%s valign=top style="border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt">'
                '<p class=MsoNormal align=center style="text-align:center"><span lang=EN-US '
                'style="font-size:10.5pt">%s<o:p></o:p></span></p></td>' % (s, inner))

    def head(v):
        return ('<p class=MsoNormal align=center style="text-align:center"><b><span '
                'style="font-size:22.0pt">%s</span></b></p>\n' % '<br>'.join(esc(x) for x in v)
                + '<p class=MsoNormal><span lang=EN-US>&nbsp;</span></p>\n')
    content = render(blocks, lambda v: table(v, '<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 '
                                                'style="border-collapse:collapse;border:none;'
                                                'mso-border-alt:solid windowtext .5pt">\n',
                                             cell, '<tr style="mso-yfti-irow:0;height:20.0pt">'),
                     block, head)
    content = '<div class="zoom" id="zoom">\n' + content + '</div>\n'
    return page('utf-8', title, around(title, content, '<!-- title in the text -->')), 'utf-8'


def layout(blocks):
    """A portal laid out with tables: the article in a cell of a layout
    table beside a column of links, its data tables inside it, their
    cells apart (cellspacing, each cell ruled on its own)."""
    title = title_of(blocks)

    def block(kind, v):
        if kind in ('h2', 'h3'):
            return '<div style="font-weight:bold;text-indent:2em">%s</div>\n' % esc(v)
        return '<div style="text-indent:2em">%s</div>\n' % esc(v)
    article = render(blocks, lambda v: table(v, '<table width="96%" border="1" align="center" cellpadding="3" '
                                                'cellspacing="1">\n',
                                             lambda t, s: '<td%s align="center">%s</td>' % (s, esc(t))),
                     block)
    links = ('<table width="100%"><tr><td><a href="#">政府信息公开指南</a></td></tr>'
             '<tr><td><a href="#">政府信息公开制度</a></td></tr><tr><td><a href="#">政府信息公开年报</a></td></tr></table>')
    content = ('<table width="1000" align="center" border="0" cellspacing="0" cellpadding="0"><tr>'
               '<td width="200" valign="top" class="left">' + links + '</td>'
               '<td width="800" valign="top"><table width="100%"><tr><td class="biaoti" align="center">'
               + esc(title) + '</td></tr><tr><td class="info">发布日期：2024-01-20　信息来源：本机关</td></tr>'
               '<tr><td class="pages_content" id="UCAP-CONTENT">\n' + article
               + '</td></tr></table></td></tr></table>\n')
    return page('utf-8', title, NAV + CRUMBS + content + SHARE + FOOT), 'utf-8'


def lines(blocks):
    """The report as paragraphs of lines split by <br> (a site's editor),
    the tables between them with <br> inside their narrow cells."""
    title = title_of(blocks)

    def block(kind, v):
        if part(v):
            (_, heading, _), rest = part(v)
            v = heading + '。' + rest
        return '&nbsp;&nbsp;&nbsp;&nbsp;' + esc(v) + '<br>\n'
    content = render(blocks, lambda v: '</p>\n' + table(v, '<table border="1" cellspacing="0">\n',
                                                         lambda t, s: '<td%s>%s</td>'
                                                         % (s, wrapped(t, 4 if is_group(t) else 8))) + '<p>',
                     block, lambda v: '<strong>%s</strong><br>\n' % esc(''.join(v)))
    content = '<div class="pages_content" id="zoom">\n<p>' + content + '</p>\n</div>\n'
    return page('utf-8', title, around(title, content, '<!-- -->')), 'utf-8'


def spans(blocks):
    """A page whose table 三 header is written as most sites write it, the
    group labels of its body one character a line, its cells with
    inline styles and light grey rules, and the table in a scrolling
    wrapper."""
    title = title_of(blocks)

    def cell(t, s):
        if t.startswith('三、本年度') or t in ('自然人', '总计'):
            inner = '<br>'.join(esc(c) for c in t)
        elif t in ('商业企业', '科研机构', '社会公益组织', '法律服务机构'):
            inner = wrapped(t, 2)
        else:
            inner = esc(t)
        return ('<td%s style="border:1px solid #c0c0c0;text-align:center;vertical-align:middle;'
                'font-size:14px"><span style="font-family:宋体">%s</span></td>' % (s, inner))

    def block(kind, v):
        font = {'h2': ';font-family:黑体', 'h3': ';font-family:楷体'}.get(kind, '')
        return '<p style="text-indent:2em%s">%s</p>\n' % (font, esc(v))
    content = render(blocks, lambda v: '<div class="table-wrap" style="overflow-x:auto">'
                     + table(v, '<table style="border-collapse:collapse;margin:0 auto" width="100%">\n<tbody>\n',
                             cell) + '</div>\n',
                     block)
    content = '<div class="article-content" id="Zoom">\n' + content + '</div>\n'
    return page('utf-8', title, around(title, content)), 'utf-8'


TEMPLATES = [trs, gbk, word, layout, lines, spans]


# ---- the text a browser copies ----

BLOCK = {'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'form', 'table', 'title'}


class Copy(HTMLParser):
    """The page's text as innerText gives it: a line per block, table rows
    a line each, a tab (or, with cells=True, a line end) between cells."""

    def __init__(self, cells):
        super().__init__(convert_charrefs=True)
        self.cells, self.out, self.skip, self.first = cells, [''], 0, True

    def nl(self):
        if self.out[-1].strip(' \t'):
            self.out.append('')
        else:
            self.out[-1] = ''

    def handle_starttag(self, tag, attrs):
        if tag in ('script', 'style', 'head'):
            self.skip += 1
        elif tag in BLOCK or tag == 'tr':
            self.nl()
            self.first = True
        elif tag == 'br':
            self.out.append('')
        elif tag in ('td', 'th'):
            if self.cells:
                self.nl()
            elif not self.first:
                self.out[-1] += '\t'
            self.first = False

    def handle_endtag(self, tag):
        if tag in ('script', 'style', 'head'):
            self.skip -= 1
        elif tag in BLOCK or tag == 'tr':
            self.nl()

    def handle_data(self, data):
        if not self.skip:
            self.out[-1] += re.sub(r'[ \r\n\t]+', ' ', data).replace('\xa0', ' ')

    def text(self):
        ls = [l.strip(' ') for l in self.out]
        return '\n'.join(l for l in ls if l.strip(' \t')) + '\n'


def copied(markup, cells):
    c = Copy(cells)
    body = markup[markup.find('<body'):]
    c.feed(body)
    return c.text()


def main():
    if len(sys.argv) != 3:
        sys.exit('usage: site-pages.py EXPORT.html OUTDIR')
    blocks = blocks_of(sys.argv[1])
    os.makedirs(sys.argv[2], exist_ok=True)
    for t in TEMPLATES:
        markup, enc = t(blocks)
        base = os.path.join(sys.argv[2], t.__name__)
        with open(base + '.html', 'wb') as f:
            f.write(markup.encode(enc))
        for mode in ('tabs', 'cells'):
            with open('%s.%s.txt' % (base, mode), 'w', encoding='utf-8') as f:
                f.write(copied(markup, mode == 'cells'))


if __name__ == '__main__':
    main()
