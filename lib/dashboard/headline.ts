// The headline figure of a metric for a region. Figures overlap (一万余名 volunteers are among 近4万名 party
// members; 208多万元 is part of 261.75万元), so a sum would double count. The rule: the largest region-wide figure
// (no sub-region scope, not a restatement), ties going to the earlier figure. It is stated on every page.
export interface HeadlineCandidate {
  value: number;
  scope: string | null;
  restates: boolean;
}

export function pickHeadline<T extends HeadlineCandidate>(figures: readonly T[]): T | null {
  let best: T | null = null;
  for (const figure of figures) {
    if (figure.scope !== null || figure.restates) continue;
    if (!best || figure.value > best.value) best = figure;
  }
  return best;
}

export const HEADLINE_RULE = {
  zh: "头条数字取该地区全域（不含下辖区县）的最大单项数字，不做加总，以免重复计算；≥ 表示“余/多/以上”，≈ 表示“约/左右”，< 表示“近/将近”。",
  en: "A headline is the largest region-wide figure reported for the metric (sub-region figures and restatements excluded), never a sum of overlapping figures. ≥ marks 余/多/以上 (at least), ≈ marks 约/左右 (about), < marks 近/将近 (nearly).",
};
