// The headline figure of a metric for a region. Figures overlap (一万余名 volunteers are among 近4万名 party
// members; 208多万元 is part of 261.75万元), so a sum would double count. The rule: the largest region-wide figure
// (no sub-region scope, not a restatement), ties going to the earlier figure. The ingest applies it when it
// stores a region's headlines (refreshHeadlines in lib/db/ingest.ts); every page states it in these words.
export const HEADLINE_RULE = {
  zh: "头条数字取该地区全域（不含下辖区县）的最大单项数字，不做加总，以免重复计算；≥ 表示“余/多/以上”，≈ 表示“约/左右”，< 表示“近/将近”。",
  en: "A headline is the largest region-wide figure reported for the metric (sub-region figures and restatements excluded), never a sum of overlapping figures. ≥ marks 余/多/以上 (at least), ≈ marks 约/左右 (about), < marks 近/将近 (nearly).",
};
