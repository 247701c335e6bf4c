// Interface text in Chinese (default) and English. The language lives in the URL (?lang=en), so a shared link
// reproduces the view and every page can be cached per URL.
import { METRIC_LABELS, type Lang } from "./metrics";
import type { Metric, RegionLevel } from "../extract/types";

/** The value of `<html lang>` for a page in `lang`. */
export function htmlLang(lang: Lang): string {
  return lang === "en" ? "en" : "zh-CN";
}

export function parseLang(value: unknown): Lang {
  return value === "en" ? "en" : "zh";
}

/** `path` with the language and extra parameters in its query string. */
export function localHref(path: string, lang: Lang, params: Record<string, string | undefined> = {}): string {
  const [base, hash] = path.split("#");
  const [pathname, existing] = base.split("?");
  const query = new URLSearchParams(existing);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, value);
  if (lang === "en") query.set("lang", "en");
  else query.delete("lang");
  const search = query.toString();
  return `${pathname}${search ? `?${search}` : ""}${hash !== undefined ? `#${hash}` : ""}`;
}

export const LEVEL_LABELS: Record<RegionLevel, Record<Lang, string>> = {
  province: { zh: "省级", en: "province" },
  prefecture_city: { zh: "地级市", en: "prefecture-level city" },
  prefecture: { zh: "地区（州、盟）", en: "prefecture" },
  county_city: { zh: "县级市", en: "county-level city" },
  county: { zh: "县", en: "county" },
  banner: { zh: "旗", en: "banner" },
  district: { zh: "市辖区", en: "district" },
  township: { zh: "乡镇（街道）", en: "township" },
};

/** Provinces in English as the central government writes them (Shaanxi with its double a, Tibet, Inner Mongolia). */
const PROVINCES_EN: Record<string, string> = {
  北京市: "Beijing", 天津市: "Tianjin", 上海市: "Shanghai", 重庆市: "Chongqing", 河北省: "Hebei", 山西省: "Shanxi",
  内蒙古自治区: "Inner Mongolia", 辽宁省: "Liaoning", 吉林省: "Jilin", 黑龙江省: "Heilongjiang", 江苏省: "Jiangsu",
  浙江省: "Zhejiang", 安徽省: "Anhui", 福建省: "Fujian", 江西省: "Jiangxi", 山东省: "Shandong", 河南省: "Henan",
  湖北省: "Hubei", 湖南省: "Hunan", 广东省: "Guangdong", 广西壮族自治区: "Guangxi", 海南省: "Hainan", 四川省: "Sichuan",
  贵州省: "Guizhou", 云南省: "Yunnan", 西藏自治区: "Tibet", 陕西省: "Shaanxi", 甘肃省: "Gansu", 青海省: "Qinghai",
  宁夏回族自治区: "Ningxia", 新疆维吾尔自治区: "Xinjiang", 台湾省: "Taiwan", 香港特别行政区: "Hong Kong",
  澳门特别行政区: "Macao",
};

export function provinceName(province: string, lang: Lang): string {
  if (lang === "zh" || !province) return province;
  return PROVINCES_EN[province] ?? province;
}

/**
 * A region's English name from the gazetteer: its pinyin name already carries the suffixes English translates
 * (Zhen'an County, Haixi Prefecture); both kinds of city say which they are: Linfen (prefecture-level city).
 */
export function englishRegionName(region: { nameEn: string; level?: RegionLevel }): string {
  if (region.level === "prefecture_city" || region.level === "county_city") return `${region.nameEn} (${LEVEL_LABELS[region.level].en})`;
  return region.nameEn;
}

const STRINGS = {
  siteName: { zh: "动员图谱", en: "Mobilization Atlas" },
  tagline: {
    zh: "新冠疫情期间各地党组织动员情况对比，每个数字均可追溯至原文。",
    en: "How Chinese regions mobilized party organizations during COVID-19 — every figure traced to its source sentence.",
  },
  overview: { zh: "概览", en: "Overview" },
  compare: { zh: "地区对比", en: "Compare" },
  searchRegions: { zh: "搜索地区", en: "Search regions" },
  searchPlaceholder: { zh: "地区名、拼音或省份", en: "Name, pinyin or province" },
  search: { zh: "搜索", en: "Search" },
  provinceFilter: { zh: "按省份筛选", en: "Filter by province" },
  allProvinces: { zh: "全部省份", en: "All provinces" },
  levelFilter: { zh: "按行政级别筛选", en: "Filter by level" },
  allLevels: { zh: "全部级别", en: "All levels" },
  noRegions: { zh: "没有找到地区。", en: "No regions found." },
  regionsFound: { zh: "个地区", en: "regions" },
  page: { zh: "页", en: "Page" },
  previous: { zh: "上一页", en: "Previous" },
  next: { zh: "下一页", en: "Next" },
  headlines: { zh: "头条数字", en: "Headline figures" },
  noFigure: { zh: "无数据", en: "no figure" },
  reportDate: { zh: "报道日期", en: "Report date" },
  outlet: { zh: "来源媒体", en: "Outlet" },
  authors: { zh: "作者", en: "Authors" },
  reports: { zh: "报道", en: "Reports" },
  allFacts: { zh: "全部数字", en: "Every figure" },
  value: { zh: "数值", en: "Value" },
  approximation: { zh: "约数类型", en: "Approximation" },
  subject: { zh: "对象", en: "Subject" },
  scope: { zh: "范围", en: "Scope" },
  regionWide: { zh: "全域", en: "region-wide" },
  metric: { zh: "指标", en: "Metric" },
  quote: { zh: "原文", en: "Source sentence" },
  restated: { zh: "重复提及", en: "restated" },
  partOf: { zh: "分项", en: "part of a total" },
  methodology: { zh: "方法说明", en: "Methodology" },
  kind: { zh: "口径", en: "Kind" },
  notReported: { zh: "未报告", en: "not reported" },
  scopedFigures: { zh: "下辖地区、单个单位和“每个”数字（不与全域数字比较）", en: "Sub-region, unit and per-unit figures (never compared with region-wide ones)" },
  levelsDiffer: { zh: "两地行政级别不同（{a} / {b}），数字规模不可直接比较。", en: "The two regions are of different levels ({a} / {b}): their figures differ in scale." },
  periodsDiffer: { zh: "两地报道时间不同（{a} / {b}）。", en: "The two regions' reports are from different periods ({a} / {b})." },
  reportText: { zh: "报道全文（数字已标出）", en: "Report text (figures highlighted)" },
  repairs: { zh: "原始文本修复记录", en: "Repairs made to the raw text" },
  repairKind: { zh: "类型", en: "Kind" },
  before: { zh: "修复前", en: "Before" },
  after: { zh: "修复后", en: "After" },
  downloadPng: { zh: "下载 PNG", en: "Download PNG" },
  downloadSvg: { zh: "下载 SVG", en: "Download SVG" },
  downloadCsv: { zh: "下载 CSV", en: "Download CSV" },
  chartHint: {
    zh: "方向键在各条之间移动；按回车或点击打开该数字的原句。",
    en: "Arrow keys move between bars; Enter or a click opens the sentence the figure comes from.",
  },
  dataTable: { zh: "数据表", en: "Data table" },
  source: { zh: "来源", en: "Source" },
  noFacts: { zh: "该报道中没有此类数字。", en: "The reports give no figure for this metric." },
  regionA: { zh: "地区 A", en: "Region A" },
  regionB: { zh: "地区 B", en: "Region B" },
  swap: { zh: "交换", en: "Swap" },
  show: { zh: "对比", en: "Compare" },
  scopedNote: {
    zh: "按类别和口径对齐；下辖地区、单个单位和“每个”数字单独列出，不计入全域数字。",
    en: "Figures are aligned by family and kind; sub-region, unit and per-unit figures are listed apart, with their names, and never added to region-wide ones.",
  },
  showOriginal: { zh: "显示原始文字（修复前、繁体）", en: "Show the original characters (as received, before repair)" },
  original: { zh: "原文（收到时）", en: "As received" },
  clean: { zh: "整理后（简体）", en: "Clean (simplified)" },
  notFound: { zh: "找不到该页面", en: "Page not found" },
  backHome: { zh: "返回概览", en: "Back to the overview" },
  encoding: { zh: "编码", en: "Encoding" },
  topRegions: { zh: "前 {n} 个地区（共 {total} 个）", en: "Top {n} of {total} regions" },
  figuresShown: { zh: "点击任一数字可查看原句。", en: "Click any number to see the sentence it comes from." },
  databaseDown: { zh: "数据库暂时无法连接", en: "The database is unavailable" },
  databaseDownDetail: {
    zh: "页面数据暂时无法读取，请稍后刷新。",
    en: "The figures cannot be read right now. The page will work again as soon as the database is back; try reloading.",
  },
  retry: { zh: "重试", en: "Try again" },
  notice: { zh: "提示", en: "Notice" },
  skipToContent: { zh: "跳到正文", en: "Skip to main content" },
  about: { zh: "关于", en: "About" },
  searchLabel: { zh: "搜索地区、报道和数字", en: "Search regions, reports and figures" },
  siteSearchPlaceholder: { zh: "地名、拼音或词语", en: "Place, pinyin or word" },
  searchTitle: { zh: "搜索", en: "Search" },
  searchResultsFor: { zh: "“{query}”的搜索结果", en: "Results for “{query}”" },
  searchHint: {
    zh: "可输入简体或繁体地名、简称或全称（海西、海西州），拼音（qinghai、lin fen），或报道中的词语（临时党支部）。",
    en: "Type a place in simplified or traditional characters, short or full (海西, 海西州), in pinyin (qinghai, lin fen), or a word from the reports (临时党支部).",
  },
  resultsRegions: { zh: "地区", en: "Regions" },
  searchReports: { zh: "报道", en: "Reports" },
  searchFigures: { zh: "数字", en: "Figures" },
  searchNone: { zh: "没有找到。", en: "Nothing found." },
  searchReportCount: { zh: "{count} 篇报道", en: "{count} reports" },
  searchNoReports: { zh: "暂无报道", en: "no reports yet" },
  searchProvinceRegions: { zh: "省内 {count} 个地区有报道", en: "{count} regions in it have reports" },
  dataset: { zh: "下载全部数据", en: "Download the whole dataset" },
  // Editors (issue 12): accounts, upload, corrections, history.
  signIn: { zh: "登录", en: "Sign in" },
  signOut: { zh: "退出", en: "Sign out" },
  signedInAs: { zh: "已登录：{email}（{role}）", en: "Signed in as {email} ({role})" },
  email: { zh: "邮箱", en: "Email" },
  password: { zh: "密码", en: "Password" },
  signInTitle: { zh: "编辑登录", en: "Editor sign-in" },
  signInNote: { zh: "浏览无需登录；上传和更正需要编辑账号（由管理员创建）。", en: "Browsing needs no account; uploading and correcting need an editor account (created by an admin)." },
  wrongPassword: { zh: "邮箱或密码不正确。", en: "Wrong email or password." },
  tooManyAttempts: { zh: "尝试次数过多，请 {seconds} 秒后再试。", en: "Too many attempts; try again in {seconds} s." },
  signInFailed: { zh: "登录失败：{message}", en: "Sign-in failed: {message}" },
  addReport: { zh: "上传报道", en: "Add a report" },
  history: { zh: "修改记录", en: "History" },
  uploadTitle: { zh: "上传报道", en: "Add a report" },
  uploadNote: { zh: "保存前会先显示预览：识别出的地区、标题、日期、修复记录、句子和数字。", en: "Nothing is stored until you have seen the preview: region, title, date, repairs, sentences and figures." },
  reportFile: { zh: "报道文件（UTF-8、UTF-16、GBK/GB18030、Big5；文本或网页）", en: "Report file (UTF-8, UTF-16, GBK/GB18030, Big5; text or a saved page)" },
  orPaste: { zh: "或粘贴全文", en: "or paste the text" },
  sourceUrl: { zh: "原文网址（可选）", en: "Source URL (optional)" },
  dateOptional: { zh: "报道日期（可选）", en: "Report date (optional)" },
  preview: { zh: "预览", en: "Preview" },
  save: { zh: "保存", en: "Save" },
  region: { zh: "地区", en: "Region" },
  detectedRegion: { zh: "识别出的地区", en: "Detected region" },
  otherCandidates: { zh: "其他候选", en: "Other candidates" },
  searchGazetteer: { zh: "搜索全部地区", en: "Search every region" },
  title: { zh: "标题", en: "Title" },
  sentences: { zh: "句子", en: "Sentences" },
  figures: { zh: "数字", en: "Figures" },
  duplicateReport: { zh: "该报道已保存（SHA-256 相同）：", en: "This report is stored already (same SHA-256): " },
  working: { zh: "处理中…", en: "Working…" },
  chooseFile: { zh: "请选择文件或粘贴全文。", en: "Choose a file or paste the text." },
  noFiguresFound: { zh: "没有找到数字。", en: "No figures found." },
  statusMachine: { zh: "机器提取", en: "machine" },
  statusConfirmed: { zh: "已核实", en: "confirmed" },
  statusCorrected: { zh: "已更正", en: "corrected" },
  statusAdded: { zh: "人工补充", en: "added by hand" },
  correctionBy: { zh: "{status}：{editor}，{at}，理由：{reason}", en: "{status} by {editor} on {at}: {reason}" },
  status: { zh: "状态", en: "Status" },
  correctFigures: { zh: "核对与更正数字", en: "Check and correct figures" },
  confirm: { zh: "核实", en: "Confirm" },
  notAFact: { zh: "不是事实", en: "Not a fact" },
  edit: { zh: "更正", en: "Correct" },
  addFigure: { zh: "补充遗漏的数字", en: "Add a missed figure" },
  addSelected: { zh: "在上方句子中选中文字后点击此处", en: "Select characters in a sentence above, then click here" },
  sentenceNumber: { zh: "句子编号", en: "Sentence" },
  characters: { zh: "文字", en: "Characters" },
  unit: { zh: "单位", en: "Unit" },
  reason: { zh: "理由（必填）", en: "Reason (required)" },
  cancel: { zh: "取消", en: "Cancel" },
  staleFigure: { zh: "该数字已被他人修改，请刷新页面后再试。", en: "Someone else changed this figure meanwhile; reload the page to see their change." },
  needsReview: { zh: "{n} 项更正在重新提取后与原文不再对应，需要复核（见修改记录）。", en: "{n} corrections no longer match the text after re-extraction and need review (see the history)." },
  historyTitle: { zh: "修改记录", en: "History of changes" },
  editor: { zh: "编辑", en: "Editor" },
  report: { zh: "报道", en: "Report" },
  change: { zh: "修改", en: "Change" },
  when: { zh: "时间", en: "When" },
  revert: { zh: "撤销", en: "Revert" },
  reverted: { zh: "已撤销（{who}）", en: "reverted by {who}" },
  filter: { zh: "筛选", en: "Filter" },
  noChanges: { zh: "没有修改记录。", en: "No changes." },
  deleteReport: { zh: "删除报道", en: "Delete report" },
  deleteConfirm: { zh: "确定删除这篇报道及其所有数字吗？修改记录会保留。", en: "Delete this report and all its figures? The history keeps a record." },
  reextractAll: { zh: "重新提取全部报道", en: "Re-extract every report" },
  deleted: { zh: "已删除", en: "deleted" },
  untitled: { zh: "无标题", en: "Untitled" },
  untitledNote: { zh: "原文没有标题，以下为开头文字：", en: "The text has no headline; it opens:" },
  sourceLink: { zh: "原文链接", en: "Source" },
  period: { zh: "时期", en: "Period" },
  periodInferred: { zh: "据内容推断", en: "inferred from the content" },
  precisionDay: { zh: "精确到日", en: "to the day" },
  precisionMonth: { zh: "精确到月", en: "to the month" },
  precisionYear: { zh: "精确到年", en: "to the year" },
  differentPeriods: {
    zh: "注意：两地报道属于不同时期（{a}：{pa}；{b}：{pb}），数字不宜直接比较。",
    en: "Note: the reports are of different periods ({a}: {pa}; {b}: {pb}); their figures are not directly comparable.",
  },
  cite: { zh: "引用", en: "Cite" },
  citeFigure: { zh: "引用此数字", en: "Cite this figure" },
  copy: { zh: "复制", en: "Copy" },
  copied: { zh: "已复制", en: "Copied" },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof STRINGS;

export function t(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ""));
}

/** 湖北省 › 黄冈市 › 麻城市: the region with the regions above it (Chinese names in both languages, as in the sources). */
export function regionChain(region: { name: string; chain: { name: string }[] }): string {
  return [...region.chain.map((r) => r.name), region.name].join(" › ");
}

/**
 * A subject as written (Chinese), glossed in English with the kind of thing it counts: 临时党支部 (party branches).
 */
export function subjectGloss(metric: Metric, lang: Lang): string | null {
  return lang === "en" ? METRIC_LABELS[metric].en.toLowerCase() : null;
}

/** The region's name in the page's language: 临汾市; Linfen (prefecture-level city), Zhen'an County. */
export function regionName(region: { name: string; nameEn: string; level?: RegionLevel }, lang: Lang): string {
  return lang === "en" ? englishRegionName(region) : region.name;
}
