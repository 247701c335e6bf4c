// npm run bench:adversarial [-- --family NAME] [-- --max-kb N]
// Hostile input against the text stage (prepareText) and the whole pipeline (extractReport: bytes → facts): for
// each adversarial family and size from 16 KB to 4 MB, time and peak memory of one call, each measured in a fresh
// child process (so that maxRSS is that run's own), with the growth per doubling of size. Targets: ≤ 2.2× per
// doubling, and ≤ 2 s and ≤ 500 MB at 4 MB.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";

const KB = 1024;
const SIZES_KB = [16, 32, 64, 128, 256, 512, 1024, 2048, 4096];
const TARGET_GROWTH = 2.2;
const TARGET_MS_AT_4MB = 2000;
const TARGET_MB_AT_4MB = 500;
const COMMON = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质";

/** Deterministic pseudo-random numbers (LCG). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** A string of `bytes` UTF-8 bytes (give or take a character) built by repeating `piece(i)`. */
function fill(bytes: number, piece: (i: number) => string): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = piece(i);
    parts.push(p);
    size += Buffer.byteLength(p);
  }
  return parts.join("");
}

const FAMILIES: Record<string, (bytes: number) => string> = {
  "random CJK": (bytes) => {
    const next = random(1);
    return fill(bytes, () => String.fromCharCode(0x4e00 + Math.floor(next() * (0x9fa5 - 0x4e00))));
  },
  "? runs": (bytes) => fill(bytes, (i) => (i % 4096 === 0 ? "疫情防控工作以来的" : i % 4096 === 4095 ? "a" : "?")),
  "repeated 的?": (bytes) => fill(bytes, () => "的?"),
  "long line, no punctuation": (bytes) => {
    const next = random(2);
    return fill(bytes, () => COMMON[Math.floor(next() * COMMON.length)]);
  },
  "space runs": (bytes) => fill(bytes, (i) => (i % 8192 === 0 ? "党员干部下沉社区一线" : i % 8192 === 8191 ? "|" : " ")),
  "unclosed markup": (bytes) => fill(bytes, (i) => ["<script>", "<!--", "<!a", "<p ", "&#", "党员"][i % 6]),
};

interface Measure {
  ms: number; // wall time of the call
  cpu: number; // CPU time of the call (user + system): what the call costs when the machine is shared
  mb: number;
  outcome: string;
}

async function child(family: string, kb: number, stage: "text" | "pipeline"): Promise<void> {
  const input = Buffer.from(FAMILIES[family](kb * KB)).subarray(0, kb * KB);
  const { prepareText } = await import("../lib/text/index");
  const { extractReport } = await import("../lib/pipeline");
  // Warm up on a real report first: the language tables, the GBK table and OpenCC are built on first use.
  extractReport(readFileSync(path.resolve(import.meta.dirname, "../prisma/reports/linfen.txt")));
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let outcome = "ok";
  try {
    if (stage === "text") prepareText(input);
    else extractReport(input);
  } catch (error) {
    outcome = (error as Error).name; // TextInputError / ReportInputError: rejected, after the stages that ran
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const measure: Measure = { ms, cpu: (cpu.user + cpu.system) / 1000, mb: process.resourceUsage().maxRSS / 1024, outcome };
  process.stdout.write(JSON.stringify(measure));
}

function measure(family: string, kb: number, stage: "text" | "pipeline"): Measure {
  const script = path.resolve(import.meta.dirname, "bench-adversarial.ts");
  try {
    const out = execFileSync(process.execPath, ["--import", "tsx", script, "--child", family, String(kb), stage], { encoding: "utf8", timeout: 120_000, maxBuffer: 1 << 20, stdio: ["ignore", "pipe", "pipe"] });
    return JSON.parse(out) as Measure;
  } catch (error) {
    const e = error as { signal?: string; status?: number };
    return { ms: NaN, cpu: NaN, mb: NaN, outcome: e.signal ? `killed (${e.signal})` : `exit ${e.status}` };
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const only = args.includes("--family") ? args[args.indexOf("--family") + 1] : undefined;
  const maxKb = args.includes("--max-kb") ? Number(args[args.indexOf("--max-kb") + 1]) : 4096;
  const sizes = SIZES_KB.filter((kb) => kb <= maxKb);
  let failures = 0;
  console.log(`wall and CPU time (ms) and peak RSS (MB) of one call, fresh process per size; ×: growth of CPU time per doubling`);
  for (const family of Object.keys(FAMILIES)) {
    if (only && family !== only) continue;
    console.log(`\n${family}`);
    console.log(`  ${"size".padStart(7)}  ${"prepareText: wall, CPU, RSS".padEnd(42)}  extractReport (pipeline): wall, CPU, RSS`);
    const previous: Partial<Record<"text" | "pipeline", Measure>> = {};
    for (const kb of sizes) {
      const cells = (["text", "pipeline"] as const).map((stage) => {
        const m = measure(family, kb, stage);
        const growth = previous[stage] && previous[stage]!.cpu > 50 ? m.cpu / previous[stage]!.cpu : NaN;
        previous[stage] = m;
        const bad = !Number.isFinite(m.ms) || (Number.isFinite(growth) && growth > TARGET_GROWTH) || (kb === 4096 && (m.ms > TARGET_MS_AT_4MB || m.mb > TARGET_MB_AT_4MB));
        if (bad) failures++;
        const g = Number.isFinite(growth) ? `${growth.toFixed(2)}×` : "";
        const note = m.outcome === "ok" ? "" : m.outcome.replace("InputError", "");
        return `${m.ms.toFixed(0).padStart(6)} ${m.cpu.toFixed(0).padStart(6)} ms ${m.mb.toFixed(0).padStart(4)} MB ${g.padStart(6)}${bad ? " !" : "  "} ${note.padEnd(6)}`;
      });
      console.log(`  ${(kb >= 1024 ? `${kb / 1024} MB` : `${kb} KB`).padStart(7)}  ${cells[0]}  ${cells[1]}`);
    }
  }
  console.log(`\n${failures === 0 ? "all within target" : `${failures} measurement(s) over target (marked !)`}: ≤ ${TARGET_GROWTH}× CPU time per doubling (where the smaller run took > 50 ms), ≤ ${TARGET_MS_AT_4MB} ms wall and ≤ ${TARGET_MB_AT_4MB} MB at 4 MB`);
  console.log(`(Text/Report: the input was rejected as not Chinese, after the stages that ran; load average now ${loadavg().map((l) => l.toFixed(1)).join(" ")})`);
}

if (process.argv[2] === "--child") await child(process.argv[3], Number(process.argv[4]), process.argv[5] as "text" | "pipeline");
else main();
