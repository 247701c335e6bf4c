// Synthetic reports for bench:scale: sentences of the seed reports recombined and renumbered, filed under the
// gazetteer's real county-level regions (with their province and prefecture), marked synthetic and only ever
// stored in the benchmark's own database.
import { knownRegions, toRegionInfo } from "../extract/regions";
import type { RegionInfo } from "../extract/types";

/** Every county-level region of the gazetteer, by code (≈2,850). */
const COUNTY_LEVEL = knownRegions().filter((r) => r.tier === 2);
export const SYNTHETIC_REGION_COUNT = COUNTY_LEVEL.length;

/** A small deterministic generator (mulberry32), so every run builds the same data set. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The index-th county-level region (wrapping past the last), with its chain, marked synthetic. */
export function syntheticRegion(index: number): RegionInfo & { synthetic: true } {
  return { ...toRegionInfo(COUNTY_LEVEL[index % COUNTY_LEVEL.length]), synthetic: true };
}

/** Multiplies every Arabic figure by a factor between 0.5 and 2, keeping decimals where there were some. */
export function renumber(sentence: string, random: () => number): string {
  return sentence.replace(/\d+(?:\.\d+)?/g, (figure) => {
    const factor = 0.5 + random() * 1.5;
    const decimals = figure.includes(".") ? figure.split(".")[1].length : 0;
    const value = Number(figure) * factor;
    return decimals ? value.toFixed(decimals) : String(Math.max(1, Math.round(value)));
  });
}

/** One synthetic report: a dated header naming the region, then `count` renumbered seed sentences. */
export function syntheticReport(region: RegionInfo, sentences: readonly string[], count: number, random: () => number): string {
  const picked: string[] = [];
  for (let i = 0; i < count; i++) picked.push(renumber(sentences[Math.floor(random() * sentences.length)], random));
  const month = 1 + Math.floor(random() * 3);
  const day = 1 + Math.floor(random() * 28);
  return [`【合成数据 synthetic】${region.name}疫情防控工作报道`, `2020-0${month}-${String(day).padStart(2, "0")} 样本日报`, ...picked.map((text) => `${region.name}${text}`)].join("\n");
}
