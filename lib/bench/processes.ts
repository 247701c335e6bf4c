// Whole-process timing, as hyperfine does it: each command run to completion many times (output discarded),
// the commands interleaved so that a busy neighbour slows them alike, and the median wall time reported.
import { spawnSync } from "node:child_process";

export interface ProcessTiming {
  label: string;
  median: number;
  min: number;
  runs: number;
}

export function timeProcesses(commands: { label: string; argv: string[] }[], runs: number, warmup = 2): ProcessTiming[] {
  const samples = commands.map(() => [] as number[]);
  for (let round = 0; round < warmup + runs; round++) {
    commands.forEach((command, index) => {
      const started = performance.now();
      const result = spawnSync(command.argv[0], command.argv.slice(1), { stdio: "ignore" });
      const elapsed = performance.now() - started;
      if (result.status !== 0) throw new Error(`${command.label} exited with ${result.status ?? result.signal}`);
      if (round >= warmup) samples[index].push(elapsed);
    });
  }
  return commands.map((command, index) => {
    const sorted = samples[index].sort((a, b) => a - b);
    return { label: command.label, median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], runs };
  });
}
