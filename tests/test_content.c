/* The content checks (content.h) sentence by sentence, in the phrasings
 * real reports use: for every kind of figure statements that agree with
 * the tables, that disagree, and figures about other things that must
 * never be taken for a table's.  Then the patterns themselves, the year,
 * placeholders, the parts the text must have, last year's words, and
 * where a finding points. */

#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/buf.h"
#include "core/content.h"
#include "core/judge.h"
#include "core/text.h"
#include "core/textpat.h"
#include "testutil.h"

/* ---- the reports the sentences are read against ---- */

static void
set_row(nb_report_t *r, const char *path, const int64_t *v)
{
	const nb_field_t *f = nb_form_field(form, path);
	size_t i;

	assert_non_null(f);
	for (i = 0; i < f->ncells; i++)
		nb_report_set_num(r, f->cell + i, v[i], 0);
}

static void
set(nb_report_t *r, const char *path, int64_t v)
{
	const nb_field_t *f = nb_form_field(form, path);

	assert_non_null(f);
	nb_report_set_num(r, f->cell, v, 0);
}

static const int64_t zero[7] = { 0 };

/* The seed's texts over a fuller table: 新收 15 (自然人 12, 商业企业 3),
 * 上年结转 2, 办结 14 (予以公开 8, 部分公开 3, 不予公开 1, 无法提供 1,
 * 不予处理 1), 结转下年度 3; 行政复议 1, 行政诉讼 1; 规范性文件 制发 3,
 * 废止 1, 现行有效 12; 行政许可 120, 行政处罚 45, 行政强制 2; 行政事业性
 * 收费 5949.088667 万元. */
static nb_report_t *
full_table(void)
{
	static const int64_t new[7] = { 12, 3, 0, 0, 0, 0, 15 },
	    carried_in[7] = { 2, 0, 0, 0, 0, 0, 2 },
	    public_[7] = { 6, 2, 0, 0, 0, 0, 8 }, partial[7] = { 3, 0, 0, 0, 0, 0, 3 },
	    one0[7] = { 1, 0, 0, 0, 0, 0, 1 }, one1[7] = { 0, 1, 0, 0, 0, 0, 1 },
	    total[7] = { 11, 3, 0, 0, 0, 0, 14 }, carried_out[7] = { 3, 0, 0, 0, 0, 0, 3 };
	nb_report_t *r = tu_sample(form, "sample-data/jinzhai-2024.yaml");

	set_row(r, "requests.new", new);
	set_row(r, "requests.carried_in", carried_in);
	set_row(r, "requests.public", public_);
	set_row(r, "requests.partial", partial);
	set_row(r, "requests.withheld.state_secret", one0);
	set_row(r, "requests.unable.not_held", one0);
	set_row(r, "requests.rejected.complaint", one1);
	set_row(r, "requests.total", total);
	set_row(r, "requests.carried_out", carried_out);
	set(r, "review.reconsideration.upheld", 1);
	set(r, "review.reconsideration.total", 1);
	set(r, "review.litigation_direct.pending", 1);
	set(r, "review.litigation_direct.total", 1);
	set(r, "proactive.normative_documents.issued", 3);
	set(r, "proactive.normative_documents.repealed", 1);
	set(r, "proactive.normative_documents.in_force", 12);
	set(r, "proactive.licensing", 120);
	set(r, "proactive.punishment", 45);
	set(r, "proactive.enforcement", 2);
	nb_report_set_num(r, nb_form_field(form, "proactive.fees")->cell,
	                  5949088667000LL, 6);
	(void)zero;
	return r;
}

enum { FULL, SEED };

typedef struct {
	const char *text;
	int table;              /* FULL or SEED */
	const char *rule;       /* the findings expected, all of this rule */
	int n;                  /* how many (0: none at all) */
} case_t;

/* The content findings of r, with text as its 依申请公开 subsection. */
static void
judge_text(nb_report_t *r, const char *text, nb_findings_t *f)
{
	const nb_field_t *items = nb_form_field(form, "overview.items");
	nb_value_t *v = &r->values[items->cell];

	free(v->items[1].text);
	v->items[1].text = strdup(text);
	nb_findings_init(f);
	assert_int_equal(nb_content_eval(r, NULL, f), 0);
}

static void
run_cases(const case_t *c, size_t n)
{
	nb_report_t *full = full_table(), *seed = tu_sample(form, "sample-data/jinzhai-2024.yaml");
	size_t i, k, bad = 0;

	for (i = 0; i < n; i++) {
		nb_findings_t f;
		size_t hits = 0;
		judge_text(c[i].table == SEED ? seed : full, c[i].text, &f);
		for (k = 0; k < f.n; k++)
			hits += c[i].rule && !strcmp(f.v[k].rule_id, c[i].rule);
		if (hits != (size_t)c[i].n || f.n != (size_t)c[i].n) {
			print_error("“%s”: want %d of %s, got:\n", c[i].text, c[i].n,
			            c[i].rule ? c[i].rule : "-");
			for (k = 0; k < f.n; k++)
				print_error("  %s [%s]\n", f.v[k].message, f.v[k].rule_id);
			bad++;
		}
		nb_findings_free(&f);
	}
	nb_report_free(full);
	nb_report_free(seed);
	assert_int_equal(bad, 0);
}

#define RUN(cases) run_cases(cases, sizeof cases / sizeof cases[0])

/* ---- applications received ---- */

static void
received(void **state)
{
	static const case_t c[] = {
		{ "2024年共收到政府信息公开申请15件。", FULL, NULL, 0 },
		{ "全年共受理政府信息公开申请17件（含上年结转2件）。", FULL, NULL, 0 },
		{ "本年度共收到政府信息公开申请十五件。", FULL, NULL, 0 },
		{ "共受理依申请公开申请17件，均已按时答复。", FULL, NULL, 0 },
		{ "全年共接收政府信息公开申请15件，其中自然人提出申请12件，法人或其他组织提出申请3件。", FULL, NULL, 0 },
		{ "本年新收政府信息公开申请15件，上年结转2件。", FULL, NULL, 0 },
		{ "本机关共收到政府信息公开申请15件，其中网上申请13件、信函申请2件。", FULL, NULL, 0 },
		{ "2024年共受理依申请公开线上申请10件，线下申请5件。", FULL, NULL, 0 },
		{ "共收到各类政府信息公开申请15件。", FULL, NULL, 0 },
		{ "全年登记政府信息公开申请15件。", FULL, NULL, 0 },
		{ "本年度新收政府信息公开申请15件，其中自然人12件、法人或其他组织3件。", FULL, NULL, 0 },
		{ "全年共收到依申请公开申请1件。", SEED, NULL, 0 },
		{ "本年度未收到政府信息公开申请。", SEED, "text-requests-none-received", 1 },
		{ "2024年共收到政府信息公开申请4件。", FULL, "text-requests-received", 1 },
		{ "共受理政府信息公开申请20件（含上年结转2件）。", FULL, "text-requests-received-with-carried", 1 },
		{ "本年度共收到政府信息公开申请十二件。", FULL, "text-requests-received", 1 },
		{ "全年共接收政府信息公开申请15件，其中自然人提出申请10件，法人或其他组织提出申请3件。", FULL, "text-requests-received", 2 },
		{ "共收到政府信息公开申请15件，其中网上申请10件、信函申请2件。", FULL, "text-requests-received", 1 },
		{ "2024年共受理依申请公开线上申请10件，线下申请2件。", FULL, "text-requests-received-by-channel", 1 },
		{ "本年新收政府信息公开申请17件。", FULL, "text-requests-new", 1 },
		{ "本年度未收到政府信息公开申请。", FULL, "text-requests-none-received", 1 },
		{ "全年共收到依申请公开申请四件。", SEED, "text-requests-received", 1 },
		/* other things, never a table's figure */
		{ "12345热线共受理群众诉求1200件。", FULL, NULL, 0 },
		{ "全年共收到意见建议15条。", FULL, NULL, 0 },
		{ "共受理政务服务事项申请3000件。", FULL, NULL, 0 },
		{ "通过网上平台收到申请12件。", FULL, NULL, 0 },
		{ "共收到政府信息公开申请约20件。", FULL, NULL, 0 },
		{ "共收到政府信息公开申请20余件。", FULL, NULL, 0 },
		{ "共受理群众来信来访23件。", FULL, NULL, 0 },
		{ "本年度未收到申请人的补正材料。", FULL, NULL, 0 },
		{ "其中县政府本级收到政府信息公开申请3件。", FULL, NULL, 0 },
		{ "2022年，全区各职能部门、镇街共收到政府信息公开申请1499件。", FULL, NULL, 0 },
		{ "本年度，共受理政府信息公开申请2件，都在法定期限内予以答复。", FULL, "text-requests-received", 1 },
		{ "全年共收到政府信息公开申请52件（其中上年结转2件）。", FULL, "text-requests-received", 1 },
		{ "全年共收到政府信息公开申请17件（其中上年结转2件）。", FULL, NULL, 0 },
		{ "共办理政府信息公开申请17件，其中本年度新收15件。", FULL, NULL, 0 },
		{ "全年共受理依申请公开事项15件，均在法定时限内答复。", FULL, NULL, 0 },
	};

	(void)state;
	RUN(c);
}

/* ---- carried over, handled ---- */

static void
carried_and_handled(void **state)
{
	static const case_t c[] = {
		{ "上年结转政府信息公开申请2件。", FULL, NULL, 0 },
		{ "上年结转申请2件，办结14件。", FULL, NULL, 0 },
		{ "上年度结转的2件申请已全部办结。", FULL, NULL, 0 },
		{ "累计办结依申请公开件14件。", FULL, NULL, 0 },
		{ "全年共收到政府信息公开申请4件，办结1件。", SEED, "text-requests-received", 1 },
		{ "全年共收到政府信息公开申请1件，办结3件。", SEED, "text-requests-handled", 1 },
		{ "答复申请人咨询30件。", FULL, NULL, 0 },
		{ "结转下年度继续办理3件。", FULL, NULL, 0 },
		{ "另有3件结转至下一年度办理。", FULL, NULL, 0 },
		{ "共办结政府信息公开申请14件，结转下年度3件。", FULL, NULL, 0 },
		{ "全年共答复政府信息公开申请14件。", FULL, NULL, 0 },
		{ "办理政府信息公开申请17件。", FULL, NULL, 0 },
		{ "本年度办结依申请公开申请十四件。", FULL, NULL, 0 },
		{ "上一年度结转申请两件。", FULL, NULL, 0 },
		{ "依申请公开按时办结率100%。", FULL, NULL, 0 },
		{ "上年结转政府信息公开申请5件。", FULL, "text-requests-carried-in", 1 },
		{ "结转下年度继续办理1件。", FULL, "text-requests-carried-out", 1 },
		{ "共办结政府信息公开申请12件。", FULL, "text-requests-handled", 1 },
		{ "办理政府信息公开申请20件。", FULL, "text-requests-handled-all", 1 },
		{ "全年共答复政府信息公开申请10件。", FULL, "text-requests-handled", 1 },
		{ "另有5件转入下一年度办理。", FULL, "text-requests-carried-out", 1 },
		{ "上年结转政府信息公开申请1件。", SEED, "text-requests-carried-in", 1 },
		{ "上年结转资金300万元。", FULL, NULL, 0 },
		{ "全年办结群众诉求1200件。", FULL, NULL, 0 },
		{ "政务服务事项办结12000件。", FULL, NULL, 0 },
		{ "审结案件120件。", FULL, NULL, 0 },
		{ "结转下年度的资金50万元。", FULL, NULL, 0 },
	};

	(void)state;
	RUN(c);
}

/* ---- outcomes and their shares ---- */

static void
outcomes(void **state)
{
	static const case_t c[] = {
		{ "其中予以公开8件，部分公开3件，不予公开1件，无法提供1件，不予处理1件。", FULL, NULL, 0 },
		{ "予以公开8件，占57.1%。", FULL, NULL, 0 },
		{ "予以公开和部分公开共11件。", FULL, NULL, 0 },
		{ "同意公开8件。", FULL, NULL, 0 },
		{ "不予公开1件（属于国家秘密）。", FULL, NULL, 0 },
		{ "无法提供的1件。", FULL, NULL, 0 },
		{ "部分公开3件，占比21.4%。", FULL, NULL, 0 },
		{ "予以公开8件，占比约57%。", FULL, NULL, 0 },
		{ "其他处理0件。", FULL, NULL, 0 },
		{ "予以公开8件，占收到申请总数的53.3%。", FULL, NULL, 0 },
		{ "不予处理一件。", FULL, NULL, 0 },
		{ "予以公开1件，占100%。", SEED, NULL, 0 },
		{ "予以公开6件。", FULL, "text-outcome-public", 1 },
		{ "部分公开5件。", FULL, "text-outcome-partial", 1 },
		{ "不予公开3件。", FULL, "text-outcome-withheld", 1 },
		{ "无法提供2件。", FULL, "text-outcome-unable", 1 },
		{ "不予处理4件。", FULL, "text-outcome-rejected", 1 },
		{ "其他处理2件。", FULL, "text-outcome-other", 1 },
		{ "予以公开和部分公开共9件。", FULL, "text-outcome-public-and-partial", 1 },
		{ "予以公开8件，占40%。", FULL, "text-outcome-public", 1 },
		{ "部分公开3件，占比31.4%。", FULL, "text-outcome-partial", 1 },
		{ "依申请公开信息237条。", FULL, NULL, 0 },
		{ "主动公开政府信息1200条。", FULL, NULL, 0 },
		{ "不予公开的信息3条。", FULL, NULL, 0 },
		{ "予以公开的政府信息共23条。", FULL, NULL, 0 },
	};

	(void)state;
	RUN(c);
}

/* ---- 行政复议 and 行政诉讼 ---- */

static void
review(void **state)
{
	static const case_t c[] = {
		{ "因政府信息公开被申请行政复议1件，被提起行政诉讼1件。", FULL, NULL, 0 },
		{ "全年发生政府信息公开行政复议案件1起。", FULL, NULL, 0 },
		{ "因政府信息公开被申请行政复议一件。", FULL, NULL, 0 },
		{ "未发生行政复议和行政诉讼案件。", SEED, NULL, 0 },
		{ "全年未发生因政府信息公开引起的行政复议、行政诉讼。", SEED, NULL, 0 },
		{ "无因政府信息公开引发的行政复议和行政诉讼。", SEED, NULL, 0 },
		{ "未被申请行政复议，也未被提起行政诉讼。", SEED, NULL, 0 },
		{ "全年未发生行政诉讼。", SEED, NULL, 0 },
		{ "全年未发生因政府信息公开引起的行政复议、行政诉讼。", FULL, "text-review-none", 1 },
		{ "未发生因政府信息公开工作被申请行政复议或提起行政诉讼的情况。", FULL, "text-review-none", 1 },
		{ "本年度未发生政府信息公开行政复议案件。", FULL, "text-review-no-reconsideration", 1 },
		{ "没有发生因政府信息公开引起的行政诉讼。", FULL, "text-review-no-litigation", 1 },
		{ "因政府信息公开被申请行政复议3件。", FULL, "text-review-reconsideration", 1 },
		{ "因政府信息公开被提起行政诉讼2件。", FULL, "text-review-litigation", 1 },
		{ "行政复议和行政诉讼案件均为0件。", FULL, "text-review-none", 1 },
		{ "因政府信息公开被申请行政复议1件。", SEED, "text-review-reconsideration", 1 },
		{ "全年未发生行政诉讼。", FULL, "text-review-no-litigation", 1 },
		{ "未发生因政府信息公开被行政复议纠错或行政诉讼败诉的情况。", FULL, NULL, 0 },
		{ "未发生行政复议和行政诉讼被纠错的情况。", FULL, NULL, 0 },
		{ "全年办理行政复议案件120件，其中政府信息公开类12件。", FULL, NULL, 0 },
		{ "全年被申请行政复议5件，均维持原决定。", FULL, NULL, 0 },
		{ "涉及政府信息公开的行政复议1件、行政诉讼1件。", FULL, NULL, 0 },
	};

	(void)state;
	RUN(c);
}

/* ---- 行政许可, 行政处罚, 行政强制 ---- */

static void
decisions(void **state)
{
	static const case_t c[] = {
		{ "全年作出行政处罚决定45件。", FULL, NULL, 0 },
		{ "公开行政处罚决定书45份。", FULL, NULL, 0 },
		{ "办理行政许可事项120件。", FULL, NULL, 0 },
		{ "作出行政许可决定120件。", FULL, NULL, 0 },
		{ "实施行政强制措施2件。", FULL, NULL, 0 },
		{ "行政强制决定2件。", FULL, NULL, 0 },
		{ "作出行政处罚四十五件。", FULL, NULL, 0 },
		{ "办结行政许可事项一百二十件。", FULL, NULL, 0 },
		{ "作出行政处罚决定4件。", SEED, NULL, 0 },
		{ "全年作出行政处罚决定40件。", FULL, "text-punishment", 1 },
		{ "办理行政许可事项100件。", FULL, "text-licensing", 1 },
		{ "实施行政强制措施5件。", FULL, "text-enforcement", 1 },
		{ "公开行政处罚决定书44份。", FULL, "text-punishment", 1 },
		{ "作出行政许可决定1,200件。", FULL, "text-licensing", 1 },
		{ "作出行政处罚决定十件。", SEED, "text-punishment", 1 },
		{ "公示行政处罚信息45条。", FULL, NULL, 0 },
		{ "梳理行政许可事项85项。", FULL, NULL, 0 },
		{ "受理行政许可申请300件。", FULL, NULL, 0 },
		{ "行政处罚案件办理时限压缩30%。", FULL, NULL, 0 },
		{ "公开行政许可信息120条。", FULL, NULL, 0 },
		{ "行政处罚金额共计12万元。", FULL, NULL, 0 },
		{ "查办行政处罚案件50件。", FULL, NULL, 0 },
		{ "作出行政处罚决定约40件。", FULL, NULL, 0 },
	};

	(void)state;
	RUN(c);
}

/* ---- 规章 and 规范性文件 ---- */

static void
documents(void **state)
{
	static const case_t c[] = {
		{ "本年制发行政规范性文件3件，废止1件，现行有效12件。", FULL, NULL, 0 },
		{ "印发规范性文件三件。", FULL, NULL, 0 },
		{ "现行有效的行政规范性文件共12件。", FULL, NULL, 0 },
		{ "废止规范性文件1件。", FULL, NULL, 0 },
		{ "行政规范性文件现行有效12件。", FULL, NULL, 0 },
		{ "出台行政规范性文件3件。", FULL, NULL, 0 },
		{ "本年未制定规章。", FULL, NULL, 0 },
		{ "本年制发行政规范性文件5件。", FULL, "text-normative-issued", 1 },
		{ "本年制发行政规范性文件3件，废止2件。", FULL, "text-normative-issued", 1 },
		{ "现行有效的行政规范性文件共10件。", FULL, "text-normative-in-force", 1 },
		{ "废止规范性文件3件。", FULL, "text-normative-repealed", 1 },
		{ "制定政府规章1件。", FULL, "text-regulations-issued", 1 },
		{ "本年制发行政规范性文件3件，现行有效15件。", FULL, "text-normative-issued", 1 },
		{ "印发规范性文件2件。", SEED, "text-normative-issued", 1 },
		{ "清理规范性文件12件。", FULL, NULL, 0 },
		{ "公开规范性文件3件。", FULL, NULL, 0 },
		{ "制定内部规章制度5项。", FULL, NULL, 0 },
		{ "对12件规范性文件进行解读。", FULL, NULL, 0 },
		{ "征集规范性文件意见建议20条。", FULL, NULL, 0 },
		{ "制发规范性文件解读材料3篇。", FULL, NULL, 0 },
		{ "备案审查规范性文件8件。", FULL, NULL, 0 },
	};

	(void)state;
	RUN(c);
}

/* ---- fees ---- */

static void
fees(void **state)
{
	static const case_t c[] = {
		{ "全年行政事业性收费5949.09万元。", FULL, NULL, 0 },
		{ "行政事业性收费金额为5949.088667万元。", FULL, NULL, 0 },
		{ "行政事业性收费共计5949万元。", FULL, NULL, 0 },
		{ "行政事业性收费59490886.67元。", FULL, NULL, 0 },
		{ "本年度未收取行政事业性收费。", SEED, NULL, 0 },
		{ "没有产生行政事业性收费。", SEED, NULL, 0 },
		{ "行政事业性收费0万元。", SEED, NULL, 0 },
		{ "行政事业性收费6000万元。", FULL, "text-fees", 1 },
		{ "行政事业性收费金额为5948.5万元。", FULL, "text-fees", 1 },
		{ "本年度未收取行政事业性收费。", FULL, "text-fees-none", 1 },
		{ "行政事业性收费5000元。", FULL, "text-fees-yuan", 1 },
		{ "行政事业性收费12万元。", SEED, "text-fees", 1 },
		{ "信息处理费0元。", FULL, NULL, 0 },
		{ "收取信息处理费120元。", FULL, NULL, 0 },
		{ "公开行政事业性收费目录清单3项。", FULL, NULL, 0 },
		{ "项目预算资金1200万元。", FULL, NULL, 0 },
		{ "行政事业性收费标准调整涉及金额20万元。", FULL, NULL, 0 },
		{ "全年未收取信息处理费。", FULL, NULL, 0 },
		{ "减免行政事业性收费300万元。", FULL, NULL, 0 },
		{ "行政事业性收费较上年减少300万元。", FULL, NULL, 0 },
	};

	(void)state;
	RUN(c);
}

/* ---- the report's year ---- */

static void
years(void **state)
{
	static const case_t c[] = {
		{ "本报告中使用数据统计期限为2024年1月1日至2024年12月31日。", FULL, NULL, 0 },
		{ "本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。", FULL, NULL, 0 },
		{ "统计时限为2024年1月1日至12月31日。", FULL, NULL, 0 },
		{ "2024年，我局共收到政府信息公开申请15件。", FULL, NULL, 0 },
		{ "2025年，我局将继续深化政务公开。", FULL, NULL, 0 },
		{ "2024年共受理依申请公开线上申请10件，线下申请5件。", FULL, NULL, 0 },
		{ "本年度（2024年）共收到申请15件。", FULL, NULL, 0 },
		{ "本报告中使用数据统计期限为2023年1月1日至2023年12月31日。", FULL, "text-year-period", 1 },
		{ "统计期限为2024年1月1日至2023年12月31日。", FULL, "text-year-period", 1 },
		{ "2023年，我局共收到政府信息公开申请15件。", FULL, "text-year-statement", 1 },
		{ "2023年共受理依申请公开申请15件。", FULL, "text-year-statement", 1 },
		{ "本年度（2023年）共收到申请15件。", FULL, "text-year-statement", 1 },
		{ "2023年度，本机关共主动公开政府信息1200条。", FULL, "text-year-statement", 1 },
		{ "与2023年相比，申请数量增长25%。", FULL, NULL, 0 },
		{ "2023年12月印发的实施方案。", FULL, NULL, 0 },
		{ "2025年，计划制发规范性文件5件。", FULL, NULL, 0 },
		{ "根据《关于做好2024年度政府信息公开年度报告编制和发布的工作提示》编制。", FULL, NULL, 0 },
		{ "2022年以来，累计收到申请50件。", FULL, NULL, 0 },
		{ "较2023年的12件增加3件。", FULL, NULL, 0 },
		{ "2023年共收到申请12件，2024年共收到申请15件。", FULL, NULL, 0 },
		{ "2023年度报告发布后，我局认真听取意见。", FULL, NULL, 0 },
		{ "2023年，我局主动公开政府信息120条。", FULL, NULL, 0 },
	};

	(void)state;
	RUN(c);
}

/* ---- placeholders and template text ---- */

static void
placeholders(void **state)
{
	static const case_t c[] = {
		{ "全年共发布信息XX条。", FULL, "text-placeholder", 1 },
		{ "本机关××××年共收到申请。", FULL, "text-placeholder", 1 },
		{ "（此处填写主动公开情况）", FULL, "text-placeholder", 1 },
		{ "待补充。", FULL, "text-placeholder", 1 },
		{ "具体数据待填写。", FULL, "text-placeholder", 1 },
		{ "TODO：补充数据。", FULL, "text-placeholder", 1 },
		{ "详见【】。", FULL, "text-placeholder", 1 },
		{ "共收到申请（ ）件。", FULL, "text-placeholder", 1 },
		{ "工作开展情况……", FULL, "text-placeholder", 1 },
		{ "某某县人民政府办公室负责本项工作。", FULL, "text-placeholder", 1 },
		{ "XXX局做好信息发布。", FULL, "text-placeholder", 1 },
		{ "留空则按联系方式自动生成", FULL, "text-template", 1 },
		{ "详见http://www.ahjinzhai.gov.cn/xxgk/index.html。", FULL, NULL, 0 },
		{ "在本机关网站XXGK栏目发布。", FULL, NULL, 0 },
		{ "做好“一站式”服务。", FULL, NULL, 0 },
		{ "（一）主动公开情况", FULL, NULL, 0 },
		{ "公开目录（2024年版）已更新。", FULL, NULL, 0 },
		{ "按照《条例》第二十条第（八）项公开。", FULL, NULL, 0 },
		{ "升级MAX版服务平台。", FULL, NULL, 0 },
		{ "开设【政策解读】专栏。", FULL, NULL, 0 },
	};

	(void)state;
	RUN(c);
}

/* ---- the patterns themselves ---- */

static const char *
no_words(void *ctx, const char *name)
{
	(void)ctx;
	return !strcmp(name, "w") ? "(甲|乙)" : NULL;
}

/* The first match of pattern in text: its captures' values (in whole
 * units) into caps; -1 when there is none. */
static int
first_match(const char *pattern, const char *text, int64_t *caps)
{
	static const uint32_t stops[] = { 0xFF0C };       /* ， */
	nb_tpat_env_t env = { no_words, NULL, stops, 1 };
	nb_arena_t a;
	const char *why;
	size_t at, n = 0, i = 0, len = strlen(text);
	uint32_t s[256];
	nb_tpat_t *p;
	nb_tmatch_t m;
	int rc = -1;

	nb_arena_init(&a);
	p = nb_tpat_compile(&a, pattern, &env, &why, &at);
	assert_non_null(p);
	while (i < len)
		i += nb_utf8_next(text + i, len - i, &s[n++]);
	if (nb_tpat_find(p, s, n, 0, &m)) {
		for (i = 0; i < m.ncap; i++)
			caps[i] = m.cap[i].value / 1000000000;
		rc = (int)m.ncap;
	}
	nb_arena_free(&a);
	return rc;
}

static void
patterns(void **state)
{
	int64_t v[8];

	(void)state;
	assert_int_equal(first_match("申请<n>件", "申请一百零三件", v), 1);
	assert_int_equal(v[0], 103);
	assert_int_equal(first_match("申请<n>件", "申请十二件", v), 1);
	assert_int_equal(v[0], 12);
	assert_int_equal(first_match("申请<n>件", "申请两万件", v), 1);
	assert_int_equal(v[0], 20000);
	assert_int_equal(first_match("申请<n>件", "申请1,234件", v), 1);
	assert_int_equal(v[0], 1234);
	assert_int_equal(first_match("申请<n>件", "申请\xef\xbc\x91\xef\xbc\x92件", v), 1);
	assert_int_equal(v[0], 12);      /* full-width digits */
	assert_int_equal(first_match("<n>件", "2024件", v), 1);
	assert_int_equal(v[0], 2024);
	assert_int_equal(first_match("申请<n>件", "申请1.5件", v), -1);
	assert_int_equal(first_match("<d>%", "占57.1%", v), 1);
	assert_int_equal(first_match("共~<n>件", "共收到各类申请5件", v), 1);
	assert_int_equal(v[0], 5);
	assert_int_equal(first_match("共~<n>件", "共收到，各类申请5件", v), -1);
	assert_int_equal(first_match("<w>公开", "乙公开", v), 0);
	assert_int_equal(first_match("公开!<w>", "公开甲", v), -1);
	assert_int_equal(first_match("!^[A-Z]XX", "AXX", v), -1);
	assert_int_equal(first_match("!^[A-Z]XX", "1XX", v), 0);
	assert_int_equal(first_match("^XX", "aXX", v), -1);
	assert_int_equal(first_match("(甲|乙)?<y>年", "甲2024年", v), 1);
	assert_int_equal(v[0], 2024);
}

/* A group of more alternatives than are looked up by their bits (64)
 * tries them in order all the same, the last one too. */
static void
many_alternatives(void)
{
	char pat[1024];
	size_t len = 0, i;
	int64_t v[8];

	pat[len++] = '(';
	for (i = 0; i < 70; i++)
		len += (size_t)snprintf(pat + len, sizeof pat - len, "%s乙%zu", i ? "|" : "", i % 10);
	snprintf(pat + len, sizeof pat - len, "|甲<n>)件");
	assert_int_equal(first_match(pat, "乙7件", v), 0);
	assert_int_equal(first_match(pat, "丙甲12件", v), 1);
	assert_int_equal(v[0], 12);
	assert_int_equal(first_match(pat, "乙件", v), -1);
}

/* Alternatives are passed over by the characters they can start with:
 * those that start with a lookbehind, a group, a capture, the sentence's
 * start, or can be empty, match as they always did. */
static void
alternatives_by_their_starts(void **state)
{
	int64_t v[8];

	(void)state;
	assert_int_equal(first_match("(!^[A-Z]XX|(此处|在此)填写)", "请在此填写", v), 0);
	assert_int_equal(first_match("(!^[A-Z]XX|(此处|在此)填写)", "见1XX", v), 0);
	assert_int_equal(first_match("(!^[A-Z]XX|(此处|在此)填写)", "见AXX，在此处", v), -1);
	assert_int_equal(first_match("(甲|(此处|在此)?填写)", "填写", v), 0);
	assert_int_equal(first_match("((此处|在此)?填写|甲)", "此填写", v), 0);
	assert_int_equal(first_match("(甲|)乙", "丙乙", v), 0);
	assert_int_equal(first_match("(^甲|乙)", "甲", v), 0);
	assert_int_equal(first_match("(^甲|乙)", "丙甲", v), -1);
	assert_int_equal(first_match("(无|<n>件)", "共十二件", v), 1);
	assert_int_equal(v[0], 12);
	assert_int_equal(first_match("(无|!甲~<n>件)", "乙3件", v), 1);
	assert_int_equal(v[0], 3);
	many_alternatives();
}

static void
bad_patterns(void **state)
{
	static const char *const bad[] = {
		"(甲|乙", "[", "[]", "<x>", "<n", "?甲", "!", "!^(甲)", "甲)", "",
	};
	nb_tpat_env_t env = { no_words, NULL, NULL, 0 };
	nb_arena_t a;
	const char *why;
	size_t at, i;

	(void)state;
	nb_arena_init(&a);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_null(nb_tpat_compile(&a, bad[i], &env, &why, &at));
		assert_non_null(why);
	}
	nb_arena_free(&a);
}

/* What a summary keeps for a pattern: the characters a match starts with
 * (marked as such) and needs, the digits and numerals with their flags,
 * nothing else. */
static void
what_summaries_keep(void **state)
{
	nb_tpat_env_t env = { no_words, NULL, NULL, 0 };
	unsigned char *keep = calloc(NB_TKEEP_SIZE, 1);
	nb_arena_t a;
	const char *why;
	size_t at;
	nb_tpat_t *p;

	(void)state;
	assert_non_null(keep);
	nb_arena_init(&a);
	p = nb_tpat_compile(&a, "(申请|受理)~<n>件", &env, &why, &at);
	assert_non_null(p);
	nb_tpat_keep_add(keep, p);
	assert_int_equal(keep[0x7533], NB_TKEEP_BIT | NB_TKEEP_FIRST);  /* 申 */
	assert_int_equal(keep[0x53D7], NB_TKEEP_BIT | NB_TKEEP_FIRST);  /* 受 */
	assert_int_equal(keep[0x4EF6], NB_TKEEP_BIT);  /* 件: needed */
	assert_int_equal(keep[0x8BF7], 0);             /* 请: neither */
	assert_int_equal(keep['7'], NB_TKEEP_BIT | NB_TKEEP_DIGIT);
	assert_int_equal(keep[0xFF17], NB_TKEEP_BIT | NB_TKEEP_DIGIT);
	assert_int_equal(keep[0x5341], NB_TKEEP_BIT | NB_TKEEP_NUMERAL); /* 十 */
	nb_arena_free(&a);
	free(keep);
}

/* The places of a sentence split among its patterns: each finds with its
 * share what it finds with all of them, from every character on; a
 * pattern that can start with anything, one that matches at the
 * sentence's start, an empty sentence, one whose only candidate is its
 * last character, places outside the sentence (trimmed blanks). */
static void
split_places_find_the_same(void **state)
{
	static const char *const pats[] = {
		"(甲|乙)<n>件", "^<y>年", "~丙", "(，|,)?占~<d>%", "甲!乙",
		"[甲乙]+丙", "丁",
	};
	static const char *const sents[] = {
		"", "甲", "丁", "乙3件甲乙丙", "2024年甲，占5%", "丙丙甲", "甲乙甲丙丁",
		"占比，占12.5%", "乙乙乙", "戊戊戊丁",
	};
	enum { NPATS = sizeof pats / sizeof pats[0], NP = 10 * NPATS }; /* over 64 */
	nb_tpat_env_t env = { no_words, NULL, NULL, 0 };
	unsigned char *keep = calloc(NB_TKEEP_SIZE, 1);
	const nb_tpat_t *p[NP];
	nb_tplaces_t all, part[NP];
	size_t at, i, k, from, n, len, npl, places[64], buf[NP * 64];
	uint32_t text[64];
	nb_tmatch_t m1, m2;
	nb_tseen_t z;
	nb_arena_t a;
	const char *why;
	int r1, r2;

	(void)state;
	assert_non_null(keep);
	nb_arena_init(&a);
	for (k = 0; k < NP; k++) {
		assert_non_null(p[k] = nb_tpat_compile(&a, pats[k % NPATS], &env, &why, &at));
		nb_tpat_keep_add(keep, p[k]);
	}
	for (i = 0; i < sizeof sents / sizeof sents[0]; i++) {
		/* the sentence at text[2], after two kept characters and before
		 * one, as a text's trimmed blanks stand */
		len = strlen(sents[i]);
		text[0] = text[1] = 0x4E01;     /* 丁 */
		for (n = 0, at = 0; at < len; n++)
			at += nb_utf8_next(sents[i] + at, len - at, &text[2 + n]);
		text[2 + n] = 0x4E01;
		for (npl = 0, at = 0; at < n + 3; at++)
			if (text[at] >= NB_TKEEP_SIZE || keep[text[at]] & NB_TKEEP_FIRST)
				places[npl++] = at;
		all.at = places;
		all.n = npl;
		all.base = 2;
		nb_tpat_seen(&z, text + 2, n);
		nb_tpat_split_places(p, NP, &all, text + 2, n, buf, part);
		for (k = 0; k < NP; k++)
			for (from = 0; from <= n + 1; from++) {
				r1 = nb_tpat_find_seen(p[k], &z, &all, text + 2, n, from, &m1);
				r2 = nb_tpat_may_occur(p[k], &z) &&
				     nb_tpat_find_places(p[k], &part[k], text + 2, n, from, &m2);
				assert_int_equal(r1, r2);
				if (r1) {
					assert_int_equal(m1.start, m2.start);
					assert_int_equal(m1.end, m2.end);
					assert_int_equal(m1.ncap, m2.ncap);
				}
			}
	}
	assert_int_equal(nb_tpat_find_places(p[NP - 1], &part[NP - 1], text + 2, n, 0, &m1), 1);
	assert_int_equal(m1.start, n - 1);      /* 丁, the last */
	nb_arena_free(&a);
	free(keep);
}

/* ---- required parts ---- */

static void
improvement_only_none(void **state)
{
	static const char *const empty[] = { "无", "无。", "暂无。", "不涉及", "  无 \n" };
	static const char *const real[] = { "无明显问题，但公开质量有待提升。", "一是加强培训；二是完善制度。" };
	nb_report_t *r = tu_sample(form, "sample-data/jinzhai-2024.yaml");
	size_t cell = nb_form_field(form, "improvement.problems")->cell, i;
	nb_findings_t f;

	(void)state;
	for (i = 0; i < sizeof empty / sizeof empty[0] + sizeof real / sizeof real[0]; i++) {
		int is_empty = i < sizeof empty / sizeof empty[0];
		nb_report_set_text(r, cell, is_empty ? empty[i] : real[i - sizeof empty / sizeof empty[0]]);
		nb_findings_init(&f);
		assert_int_equal(nb_content_eval(r, NULL, &f), 0);
		assert_int_equal(f.n, is_empty);
		assert_int_equal(tu_count_rule(&f, "text-improvement-content"), is_empty);
		if (is_empty)
			assert_true(!strncmp(f.v[0].message, "“本年存在问题”只写了“",
			                     strlen("“本年存在问题”只写了“")));
		nb_findings_free(&f);
	}
	nb_report_free(r);
}

static void
opening_states_the_period(void **state)
{
	nb_report_t *r = tu_sample(form, "sample-data/jinzhai-2024.yaml");
	size_t cell = nb_form_field(form, "preamble")->cell;
	nb_findings_t f;

	(void)state;
	nb_report_set_text(r, cell, "本报告依据《中华人民共和国政府信息公开条例》编制。");
	nb_findings_init(&f);
	assert_int_equal(nb_content_eval(r, NULL, &f), 0);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.v[0].rule_id, "text-opening-period");
	assert_true(f.v[0].in_text);
	nb_findings_free(&f);
	nb_report_set_text(r, cell, "");      /* generated: it has the period */
	nb_findings_init(&f);
	assert_int_equal(nb_content_eval(r, NULL, &f), 0);
	assert_int_equal(f.n, 0);
	nb_findings_free(&f);
	nb_report_free(r);
}

static void
fees_are_mentioned(void **state)
{
	nb_report_t *r = tu_sample(form, "sample-data/jinzhai-2024.yaml");
	size_t fees = nb_form_field(form, "proactive.fees")->cell;
	size_t six = nb_form_field(form, "other_matters")->cell;
	nb_findings_t f;

	(void)state;
	nb_report_set_num(r, fees, 12500000000LL, 1);        /* 12.5 万元 */
	nb_report_set_text(r, six, "本年度未收取信息处理费。");
	nb_findings_init(&f);
	assert_int_equal(nb_content_eval(r, NULL, &f), 0);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.v[0].rule_id, "text-fees-mentioned");
	assert_int_equal(f.v[0].severity, NB_SEV_SUGGESTION);
	assert_int_equal(f.v[0].cell, fees);
	nb_findings_free(&f);
	nb_report_set_text(r, six, "本年度未收取信息处理费，行政事业性收费12.5万元。");
	nb_findings_init(&f);
	assert_int_equal(nb_content_eval(r, NULL, &f), 0);
	assert_int_equal(f.n, 0);
	nb_findings_free(&f);
	nb_report_free(r);
}

static void
same_as_last_year(void **state)
{
	nb_report_t *r = tu_sample(form, "sample-data/jinzhai-2024.yaml");
	nb_report_t *prev = tu_sample(form, "sample-data/jinzhai-2024.yaml");
	size_t measures = nb_form_field(form, "improvement.measures")->cell;
	nb_findings_t f;
	size_t n;

	(void)state;
	nb_findings_init(&f);
	assert_int_equal(nb_content_eval(r, prev, &f), 0);
	n = tu_count_rule(&f, "text-same-as-last-year");
	assert_true(n >= 8);       /* every paragraph of 20 characters or more */
	nb_findings_free(&f);
	nb_report_set_text(r, measures, "今年换了新的改进举措，一是加强培训，二是完善制度建设。");
	nb_findings_init(&f);
	assert_int_equal(nb_content_eval(r, prev, &f), 0);
	assert_int_equal(tu_count_rule(&f, "text-same-as-last-year"), n - 1);
	nb_findings_free(&f);
	nb_findings_init(&f);
	assert_int_equal(nb_content_eval(r, NULL, &f), 0);  /* no last year: none */
	assert_int_equal(f.n, 0);
	nb_findings_free(&f);
	nb_report_free(prev);
	nb_report_free(r);
}

/* A sentence of more statements than a sentence keeps: as many findings
 * as it keeps, no more, and nothing written past its room. */
static void
many_statements_in_one_sentence(void **state)
{
	nb_report_t *r = tu_sample(form, "sample-data/jinzhai-2024.yaml");
	nb_findings_t f;
	nb_buf_t b;
	int i;

	(void)state;
	nb_buf_init(&b);
	for (i = 0; i < 200; i++)
		nb_buf_puts(&b, "收到政府信息公开申请9件，予以公开9件，");
	judge_text(r, b.data, &f);
	assert_int_equal(f.n, 64);
	nb_findings_free(&f);
	nb_buf_free(&b);
	nb_report_free(r);
}

/* ---- where findings point ---- */

static void
the_seed_is_clean(void **state)
{
	nb_report_t *r = tu_sample(form, "sample-data/jinzhai-2024.yaml");
	nb_findings_t f;

	(void)state;
	nb_findings_init(&f);
	assert_int_equal(nb_content_eval(r, NULL, &f), 0);
	assert_int_equal(f.n, 0);
	nb_findings_free(&f);
	nb_report_free(r);
}

static void
a_finding_points_at_its_sentence(void **state)
{
	static const char draft[] =
		"format: gov-info-annual-report/2021\n"
		"year: 2024\n"
		"overview:\n"
		"  items:\n"
		"  - title: 依申请公开\n"
		"    text: |\n"
		"      本年度工作扎实。全年共收到政府信息公开申请4件；\n"
		"        按时答复。\n"
		"requests:\n"
		"  new: [1, 0, 0, 0, 0, 0, 1]\n"
		"  carried_in: [0, 0, 0, 0, 0, 0, 0]\n";
	nb_report_t *r = NULL;
	nb_error_t err = { 0 };
	nb_findings_t f;
	const char *path = tu_tempfile(draft, sizeof draft - 1);

	(void)state;
	assert_int_equal(nb_draft_load(form, path, &r, &err), 0);
	unlink(path);
	nb_findings_init(&f);
	assert_int_equal(nb_content_eval(r, NULL, &f), 0);
	assert_int_equal(f.n, 1);
	assert_int_equal(f.v[0].line, 7);
	assert_int_equal(f.v[0].col, 15);      /* after "本年度工作扎实。" */
	assert_int_equal(f.v[0].item, 0);
	assert_string_equal(f.v[0].message,
	    "正文说收到申请 4 件，而表三“一、本年新收”总计为1，"
	    "“一”加“二”为1");
	assert_int_equal(f.v[0].start, strlen("本年度工作扎实。"));
	assert_int_equal(f.v[0].end, strlen("本年度工作扎实。全年共收到政府信息公开申请4件"));
	nb_findings_free(&f);
	nb_report_free(r);
}

/* ---- texts that are not all CJK, or not well formed ---- */

static const char stated[] = "2024年共收到政府信息公开申请4件";

/* The one finding of before + stated + after: where it starts and ends,
 * from the start of `stated`. */
static void
stated_at(nb_report_t *r, const char *before, const char *after, size_t *start,
          size_t *end)
{
	nb_findings_t f;
	nb_buf_t b;

	nb_buf_init(&b);
	nb_buf_puts(&b, before);
	nb_buf_puts(&b, stated);
	nb_buf_puts(&b, after);
	judge_text(r, b.data, &f);
	if (f.n != 1)
		print_error("%zu findings after %zu bytes, before %zu\n", f.n,
		            strlen(before), strlen(after));
	assert_int_equal(f.n, 1);
	assert_string_equal(f.v[0].rule_id, "text-requests-received");
	assert_true(f.v[0].start >= strlen(before));
	*start = f.v[0].start - strlen(before);
	*end = f.v[0].end - strlen(before);
	nb_findings_free(&f);
	nb_buf_free(&b);
}

/* Whatever stands in the sentences around it, well formed or not, the
 * finding points at the same bytes of the statement. */
static void
a_finding_points_past_any_bytes(void **state)
{
	static const char *const odd[] = {
		"", "a", "\xE5", "\xE5\xA5", "\xFF", "\x80", "\xC0\xAF", "\xC3\xA9",
		"\xE0\x80\x80", "\xE0\xA4\x85", "\xED\x95\x9C", "\xED\xA0\x80",
		"\xEF\xBF\xBF", "\xEF\xBF\xBD", "\xF0\x90\x80\x80", "\xF0\xA0\x80\x80",
		"\xF4\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xF0\xA0\x80", "\xF0",
		"\xE5\xA5\xE5\xA5\xBD", "\xE3\x80", "\xE2\x80\x82",
	};
	static const unsigned char bad[] = { 0xFF, 0x80, 0xBF, 0xC0, 'x', 0xE0, 0xED, 0xF0, 0 };
	nb_report_t *r = full_table();
	size_t s0, e0, s, e, i, j, k;
	char before[64], after[64];

	(void)state;
	stated_at(r, "。", "。", &s0, &e0);
	assert_true(e0 > s0 && e0 <= strlen(stated));
	for (i = 0; i < sizeof odd / sizeof odd[0]; i++) {
		/* in the sentence before, alone or after a run of CJK */
		snprintf(before, sizeof before, "%s。", odd[i]);
		stated_at(r, before, "。", &s, &e);
		assert_int_equal(s, s0);
		assert_int_equal(e, e0);
		snprintf(before, sizeof before, "本年度工作扎实%s。", odd[i]);
		stated_at(r, before, "", &s, &e);
		assert_int_equal(s, s0);
		assert_int_equal(e, e0);
		/* after it, up to the text's end (a character cut short there) */
		snprintf(after, sizeof after, "。%s", odd[i]);
		stated_at(r, "", after, &s, &e);
		assert_int_equal(s, s0);
		assert_int_equal(e, e0);
		snprintf(after, sizeof after, "。本年度%s", odd[i]);
		stated_at(r, "。", after, &s, &e);
		assert_int_equal(s, s0);
		assert_int_equal(e, e0);
	}
	/* a bad byte at every place of a CJK character after a run of them,
	 * and the character cut short there */
	for (j = 0; j < 3; j++) {
		for (k = 0; k < sizeof bad; k++) {
			snprintf(before, sizeof before, "本年度工作扎实好。");
			if (bad[k])
				before[strlen("本年度工作扎实") + j] = (char)bad[k];
			else
				strcpy(before + strlen("本年度工作扎实") + j, "。");
			stated_at(r, before, "。", &s, &e);
			assert_int_equal(s, s0);
			assert_int_equal(e, e0);
		}
	}
	nb_report_free(r);
}

/* Texts of nothing but blanks and line ends say as little as empty ones. */
static void
blank_texts_say_nothing(void **state)
{
	static const char *const blank[] = { " ", "\t", "　", "\n", " \n　\t\n ", "　　" };
	nb_report_t *r = full_table();
	nb_findings_t f0, f;
	size_t i, k;

	(void)state;
	judge_text(r, "", &f0);
	for (i = 0; i < sizeof blank / sizeof blank[0]; i++) {
		judge_text(r, blank[i], &f);
		assert_int_equal(f.n, f0.n);
		for (k = 0; k < f.n; k++)
			assert_string_equal(f.v[k].rule_id, f0.v[k].rule_id);
		nb_findings_free(&f);
	}
	nb_findings_free(&f0);
	nb_report_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(received),
		cmocka_unit_test(carried_and_handled),
		cmocka_unit_test(outcomes),
		cmocka_unit_test(review),
		cmocka_unit_test(decisions),
		cmocka_unit_test(documents),
		cmocka_unit_test(fees),
		cmocka_unit_test(years),
		cmocka_unit_test(placeholders),
		cmocka_unit_test(patterns),
		cmocka_unit_test(alternatives_by_their_starts),
		cmocka_unit_test(bad_patterns),
		cmocka_unit_test(what_summaries_keep),
		cmocka_unit_test(split_places_find_the_same),
		cmocka_unit_test(improvement_only_none),
		cmocka_unit_test(opening_states_the_period),
		cmocka_unit_test(fees_are_mentioned),
		cmocka_unit_test(same_as_last_year),
		cmocka_unit_test(many_statements_in_one_sentence),
		cmocka_unit_test(the_seed_is_clean),
		cmocka_unit_test(a_finding_points_at_its_sentence),
		cmocka_unit_test(a_finding_points_past_any_bytes),
		cmocka_unit_test(blank_texts_say_nothing),
	};

	return cmocka_run_group_tests(tests, tu_setup, tu_teardown);
}
