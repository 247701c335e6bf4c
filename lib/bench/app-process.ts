// Runs `scripts/start.ts` (what `npm start` runs) as a child process and waits until it serves.
import { spawn, type ChildProcess } from "node:child_process";

export interface AppProcess {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

export async function startApp(env: Record<string, string | undefined>, timeoutMs = 240_000): Promise<AppProcess> {
  // One process (`node --import tsx`, not the tsx CLI, which runs the script in a child of its own), so that a
  // signal sent to it reaches the app itself.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app did not start in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const check = () => {
      const match = output.match(/running at (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on("data", check);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`app exited with ${code} before serving:\n${output}`));
    });
  });
  return {
    child,
    baseUrl,
    output: () => output,
    stop: (signal = "SIGINT") =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once("exit", (code) => resolve(code));
        child.kill(signal);
      }),
  };
}

export function freePort(): number {
  return 20000 + Math.floor(Math.random() * 20000);
}
