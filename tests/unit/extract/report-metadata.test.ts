// Headline, outlet, date and period on small reports written for this test, modelled on the variety of real pages:
// breadcrumbs, site names, photo credits, ICP and copyright footers, contributor lines, datelines with paper names,
// every common date form, and texts with no headline or no date at all. Each goes through the whole pipeline
// (text stage included), as a saved page would.
import { describe, expect, it } from "vitest";
import { findDates, parseDateInput, periodOfDate, periodsDiffer, periodSpan } from "../../../lib/extract/dates";
import { inferPeriod, pageLineKind } from "../../../lib/extract/metadata";
import { parseSourceUrl } from "../../../lib/extract/source-url";
import { extractReport, ReportInputError } from "../../../lib/pipeline";

const extract = (text: string, options = {}) => extractReport(Buffer.from(text, "utf8"), options);
const BODY = "疫情发生以来，青山县委组织部迅速行动，全县成立临时党支部35个，组织党员志愿者1200余名投入一线。全县各级党组织冲锋在前。";

describe("the headline is the article's own", () => {
  it.each([
    ["a 当前位置 breadcrumb", "当前位置: 首页>>新闻中心>>基层动态\n青山县：党员先锋岗筑牢防疫墙\n"],
    ["a 您当前的位置 breadcrumb with a site", "您当前的位置 : 青山新闻网 >> 本地新闻 >> 正文\n青山县：党员先锋岗筑牢防疫墙\n"],
    ["a 首页 > breadcrumb", "首页 > 新闻动态 > 工作动态\n青山县：党员先锋岗筑牢防疫墙\n"],
    ["a site name and navigation", "青山县人民政府\n设为首页 | 加入收藏 | 网站地图\n青山县：党员先锋岗筑牢防疫墙\n"],
    ["a welcome line", "欢迎访问青山县政务网\n青山县：党员先锋岗筑牢防疫墙\n"],
    ["a date and source line", "2020-02-18 09:30  来源：青山日报\n青山县：党员先锋岗筑牢防疫墙\n"],
    ["a font size switch", "【字体：大 中 小】\n青山县：党员先锋岗筑牢防疫墙\n"],
  ])("skips %s", (_, top) => {
    expect(extract(`${top}${BODY}`).title).toBe("青山县：党员先锋岗筑牢防疫墙");
  });

  it("takes the headline above the date line and source", () => {
    expect(extract(`青山县：党员先锋岗筑牢防疫墙\n发布时间：2020-02-18 09:30:12  来源：青山日报  浏览次数：128\n${BODY}`).title).toBe("青山县：党员先锋岗筑牢防疫墙");
  });

  it.each([
    ["the first sentence", BODY],
    ["a photo credit", `通讯员供图\n${BODY}`],
    ["a caption and a credit", `图为青山县党员志愿者在卡点值守。\n（记者 王小明 摄）\n${BODY}`],
    ["a breadcrumb only", `当前位置：首页 > 要闻\n${BODY}`],
    ["an ICP footer", `${BODY}\n版权所有：青山县人民政府办公室  京ICP备05012345号-1\n京公网安备 11010502030000号`],
    ["a copyright footer above", `Copyright © 2020 青山县融媒体中心 All Rights Reserved\n${BODY}`],
    ["a contributor line", `${BODY}\n（县委组织部供稿）`],
    ["a dateline", `本报讯（记者 张三）${BODY}`],
    ["a numbered section", `一、强化组织领导\n${BODY}`],
    ["a site name", `青山新闻网\n${BODY}`],
  ])("is null with only %s", (_, text) => {
    expect(extract(text).title).toBeNull();
  });

  it("drops a site name the page appended", () => {
    expect(extract(`党旗在防疫一线高高飘扬_青山县人民政府网\n${BODY}`).title).toBe("党旗在防疫一线高高飘扬");
    expect(extract(`党旗在防疫一线高高飘扬 - 青山新闻网\n${BODY}`).title).toBe("党旗在防疫一线高高飘扬");
  });

  it("joins a ——subtitle and keeps a headline ending in 防控网", () => {
    expect(extract(`党旗在防疫一线高高飘扬\n——青山县组织部门抗疫纪实\n${BODY}`).title).toBe("党旗在防疫一线高高飘扬 ——青山县组织部门抗疫纪实");
    expect(extract(`党建引领织密疫情防控网\n${BODY}`).title).toBe("党建引领织密疫情防控网");
  });

  it("keeps the headline, not the byline with a position under it", () => {
    expect(extract(`张三：让党旗在抗疫一线高高飘扬\n青山县委常委、组织部长 张三\n${BODY}`).title).toBe("张三：让党旗在抗疫一线高高飘扬");
  });

  it("classifies page furniture", () => {
    expect(pageLineKind("当前位置：首页 > 新闻中心")).toBe("breadcrumb");
    expect(pageLineKind("通讯员供图")).toBe("photo-credit");
    expect(pageLineKind("蜀ICP备12345678号")).toBe("footer");
    expect(pageLineKind("主办单位：青山县人民政府办公室")).toBe("footer");
    expect(pageLineKind("（县委组织部供稿）")).toBe("byline");
    expect(pageLineKind("青山县融媒体中心")).toBe("site");
    expect(pageLineKind("党旗在防疫一线高高飘扬")).toBeNull();
    expect(pageLineKind("织密筑牢防控网")).toBeNull();
  });
});

describe("the outlet", () => {
  it("comes from a 来源 line", () => {
    expect(extract(`青山县：党员先锋岗筑牢防疫墙\n2020-02-18 来源：青山日报\n${BODY}`).outlet).toBe("青山日报");
    expect(extract(`青山县：党员先锋岗筑牢防疫墙\n信息来源：青山县人民政府  发布时间：2020-02-18\n${BODY}`).outlet).toBe("青山县人民政府");
  });

  it("comes from a dateline naming its outlet", () => {
    expect(extract(`青山新闻网讯 ${BODY}`).outlet).toBe("青山新闻网");
    expect(extract(`新华社武汉2月10日电（记者 李四）${BODY}`).outlet).toBe("新华社");
  });

  it("takes 本报 as the paper the page names", () => {
    const result = extract(`《青山日报》2020年2月18日 第2版\n青山县：党员先锋岗筑牢防疫墙\n本报讯（记者 张三）${BODY}`);
    expect(result.outlet).toBe("青山日报");
    expect(extract(`本报讯（记者 张三）${BODY}`).outlet).toBeNull();
  });

  it("comes from a masthead", () => {
    expect(extract(`青山新闻网\n青山县：党员先锋岗筑牢防疫墙\n${BODY}`).outlet).toBe("青山新闻网");
  });

  it("never comes from a contributor, correspondent, reporter, author or editor line", () => {
    expect(extract(`${BODY}\n（市委组织部供稿）`).outlet).toBeNull();
    expect(extract(`青山县：党员先锋岗筑牢防疫墙\n通讯员 王五\n${BODY}`).outlet).toBeNull();
    expect(extract(`青山县：党员先锋岗筑牢防疫墙\n作者：县委组织部\n${BODY}\n责任编辑：赵六`).outlet).toBeNull();
    expect(extract(`青山县：党员先锋岗筑牢防疫墙\n来源：县委组织部供稿\n${BODY}`).outlet).toBeNull();
  });

  it("is not guessed from a damaged masthead", () => {
    expect(extract(`青山日□报讯 (记者 张三)${BODY}`).outlet).toBeNull();
  });
});

describe("the publication date", () => {
  it.each([
    ["2020-02-16", "2020-02-16 09:14:00  来源：青山日报"],
    ["2020-02-16", "发布日期：2020年2月16日"],
    ["2020-02-16", "时间：2020/02/16 09:14"],
    ["2020-02-16", "发布时间：2020.02.16"],
    ["2020-02-16", "２０２０年２月１６日 星期日"],
    ["2020-02-06", "发布时间：2020-2-6 8:05"],
  ])("reads %s from a header line: %s", (date, line) => {
    const result = extract(`青山县：党员先锋岗筑牢防疫墙\n${line}\n${BODY}`);
    expect(result).toMatchObject({ publishedAt: date, datePrecision: "day", period: "2020-Q1", periodBasis: "published" });
  });

  it("reads a month or a year alone, with that precision", () => {
    expect(extract(`青山县：党员先锋岗筑牢防疫墙\n发布日期：2020年3月\n${BODY}`)).toMatchObject({ publishedAt: "2020-03", datePrecision: "month", period: "2020-Q1" });
    expect(extract(`青山县：党员先锋岗筑牢防疫墙\n发布时间：2021年\n${BODY}`)).toMatchObject({ publishedAt: "2021", datePrecision: "year", period: "2021" });
  });

  it("reads a dateline's month and day with the year the text writes", () => {
    const result = extract(`本报青山2月10日讯（记者 李四）2020年春节以来，青山县委组织部迅速行动，全县成立临时党支部35个。`);
    expect(result).toMatchObject({ publishedAt: "2020-02-10", datePrecision: "day", periodBasis: "published" });
  });

  it("takes a dateline's year from what the report cites when it writes none", () => {
    const result = extract(`本报青山2月10日讯 春节期间，青山县打响疫情防控阻击战，全县成立临时党支部35个。`);
    expect(result).toMatchObject({ publishedAt: "2020-02-10", period: "2020-Q1", periodBasis: "inferred" });
  });

  it("reads a signature date closing the text, in Chinese numerals too", () => {
    expect(extract(`${BODY}\n青山县委组织部\n二〇二〇年二月十六日`).publishedAt).toBe("2020-02-16");
    expect(extract(`${BODY}\n2020年3月2日`).publishedAt).toBe("2020-03-02");
  });

  it("prefers the header date to dates the body mentions as events", () => {
    const result = extract(`青山县：党员先锋岗筑牢防疫墙\n2020-03-05 来源：青山日报\n截至2月27日，全县成立临时党支部35个。4月1日起全面复学。`);
    expect(result.publishedAt).toBe("2020-03-05");
  });

  it("never takes an event date in the body for the publication date", () => {
    const result = extract(`截至2月27日，青山县成立临时党支部35个。2020年1月25日以来，全县党员志愿者1200余名投入一线。`);
    expect(result.publishedAt).toBeNull();
    expect(result.datePrecision).toBeNull();
  });

  it("skips impossible dates", () => {
    expect(extract(`青山县：党员先锋岗筑牢防疫墙\n发布时间：2020-02-30\n${BODY}`).publishedAt).toBeNull();
  });
});

describe("dates as written", () => {
  it("finds every form with its precision", () => {
    const read = (text: string) => findDates(text).map((d) => [d.year, d.month, d.day]);
    expect(read("2020-02-16")).toEqual([[2020, 2, 16]]);
    expect(read("2020年2月16日")).toEqual([[2020, 2, 16]]);
    expect(read("2020/02/16 09:14")).toEqual([[2020, 2, 16]]);
    expect(read("二〇二〇年二月十六日")).toEqual([[2020, 2, 16]]);
    expect(read("二〇二二年十二月三十一日")).toEqual([[2022, 12, 31]]);
    expect(read("2020年2月")).toEqual([[2020, 2, null]]);
    expect(read("二〇二〇年")).toEqual([[2020, null, null]]);
    expect(read("2月16日")).toEqual([[null, 2, 16]]);
    expect(read("电话 0912-20200216 编号 12020年")).toEqual([]);
    expect(read("2020-13-01 与 2021年2月29日")).toEqual([]);
  });

  it("parses a date given on the command line, whole or not at all", () => {
    expect(parseDateInput("2020-02-16")).toEqual({ date: "2020-02-16", precision: "day" });
    expect(parseDateInput("2020-02")).toEqual({ date: "2020-02", precision: "month" });
    expect(parseDateInput("2020")).toEqual({ date: "2020", precision: "year" });
    expect(parseDateInput("2020年2月16日")).toEqual({ date: "2020-02-16", precision: "day" });
    for (const bad of ["", "yesterday", "2020-02-30", "2020-13", "16/02/2020", "2月16日", "2020-02-16x", "1850"]) expect(parseDateInput(bad)).toBeNull();
  });

  it("places dates in periods and tells periods apart", () => {
    expect(periodOfDate({ date: "2020-02-16", precision: "day" })).toBe("2020-Q1");
    expect(periodOfDate({ date: "2022-12", precision: "month" })).toBe("2022-Q4");
    expect(periodOfDate({ date: "2022", precision: "year" })).toBe("2022");
    expect(periodSpan("2020-Q2")).toEqual(["2020-04-01", "2020-06-30"]);
    expect(periodsDiffer("2020-Q1", "2022-Q4")).toBe(true);
    expect(periodsDiffer("2020-Q1", "2020-Q2")).toBe(true);
    expect(periodsDiffer("2020", "2020-Q1")).toBe(false);
    expect(periodsDiffer("2020-Q1", "2020-Q1")).toBe(false);
    expect(periodsDiffer(null, "2020-Q1")).toBe(false);
  });
});

describe("the period of a report without a date", () => {
  it("is late 2022 for one citing 二十条 and 新十条", () => {
    expect(inferPeriod("坚持第九版、二十条和新十条一体把握，全市2472个小区建立临时党支部。")).toBe("2022-Q4");
    expect(inferPeriod("认真落实新十条，优化调整防控措施。")).toBe("2022-Q4");
  });

  it("is early 2020 for the first battle over the Spring Festival", () => {
    expect(inferPeriod("春节期间，全县打响新冠肺炎疫情防控阻击战。")).toBe("2020-Q1");
    expect(inferPeriod("坚决打赢疫情防控阻击战，统筹推进复工复产。")).toBe("2020");
  });

  it("does not take a 2020 package of twenty measures for the 2022 one", () => {
    expect(inferPeriod("出台支持企业复工复产二十条措施，春节后打赢疫情防控阻击战。")).toBe("2020-Q1");
  });

  it("lets the latest clue win: a 2022 report recalling 2020 is of 2022", () => {
    expect(inferPeriod("回望2020年春节的疫情防控阻击战，今天我们落实新十条。")).toBe("2022-Q4");
  });

  it("is null without a clue, and marked inferred when found", () => {
    expect(inferPeriod("全县成立临时党支部35个。")).toBeNull();
    expect(extract(BODY)).toMatchObject({ period: null, periodBasis: null });
    expect(extract(`春节以来，青山县打响疫情防控阻击战。${BODY}`)).toMatchObject({ publishedAt: null, period: "2020-Q1", periodBasis: "inferred" });
  });
});

describe("title, date and URL given with the report", () => {
  it("replace the detected ones", () => {
    const result = extract(BODY, { title: "  青山县  抗疫纪实 ", date: "2020-02", url: "https://news.example.cn/a/1.html" });
    expect(result).toMatchObject({ title: "青山县 抗疫纪实", publishedAt: "2020-02", datePrecision: "month", period: "2020-Q1", periodBasis: "published", sourceUrl: "https://news.example.cn/a/1.html" });
    expect(extract(BODY).sourceUrl).toBeNull();
  });

  it("are refused when malformed", () => {
    expect(() => extract(BODY, { date: "2020-02-30" })).toThrow(ReportInputError);
    expect(() => extract(BODY, { url: "javascript:alert(1)" })).toThrow(ReportInputError);
    expect(() => extract(BODY, { title: "   " })).toThrow(ReportInputError);
  });

  it("keep only http and https source URLs", () => {
    expect(parseSourceUrl("http://www.example.gov.cn/xw/2020/0216.html")).toBe("http://www.example.gov.cn/xw/2020/0216.html");
    for (const bad of ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "ftp://example.cn/a", "www.example.cn", "https://", "https://exa mple.cn"]) {
      expect(parseSourceUrl(bad)).toBeNull();
    }
  });
});
