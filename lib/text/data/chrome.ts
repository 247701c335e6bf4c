// Page chrome: lines that belong to the web page, not to the report. Patterns are tried against whole lines
// (after trimming); `kind` says what a line carries, for the metadata extractor. Written in both scripts
// because chrome is removed before conversion to simplified Chinese.
export const CHROME_LINE_PATTERNS: { kind: string; pattern: RegExp }[] = [
  { kind: "editor", pattern: /^[(（]?(责编|責編|责任编辑|責任編輯|编辑|編輯|审核|審核|校对|校對)\s*[:：]\s*\S{1,12}[)）]?$/u },
  { kind: "date", pattern: /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(\s+\d{1,2}:\d{2}(:\d{2})?)?(\s+\S.{0,30})?$/u },
  { kind: "outlet", pattern: /^(来源|來源|稿源|出处|出處)\s*[:：].{1,30}$/u },
  { kind: "social", pattern: /^(微信公众号|微信公眾號|官方微博|官方微信|扫一扫|掃一掃|分享到|分享至|关注我们|關注我們).{0,10}$/u },
  { kind: "counter", pattern: /^(阅读|閱讀|浏览|瀏覽|点击|點擊|评论|評論|点赞|點讚)(量|数|數|次数|次數)?\s*(?:[:：]\s*)?\d+\s*(次)?$/u }, // (one \s* either side of an optional colon: \s*[:：]?\s* backtracks quadratically on a run of spaces)
  { kind: "counter", pattern: /^\d{1,4}$/u }, // a stray line number or counter
  { kind: "outlet", pattern: /^\S{2,12}(网|網|报|報|日报|日報|新闻网|新聞網|发布|發佈)$/u }, // a masthead alone on its line
];

// A line that is a list of links: several short items separated by | (a "link farm" of place names, tags …). Items
// are trimmed after the split: a separator pattern with \s* on both sides backtracks quadratically on a run of spaces.
export const LINK_FARM = { separator: /[|｜]/u, minItems: 5, maxItemLength: 10 };
