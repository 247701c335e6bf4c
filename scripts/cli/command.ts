// What every `atlas` subcommand is: one small module in scripts/cli/commands/ that default-exports a Command and is
// listed in scripts/cli/main.ts. Exit codes are the same for all of them: 0 ok, 1 failure, 2 bad input.
import { writeSync } from "node:fs";
import { parseDateInput } from "../../lib/extract/dates";
import { parseSourceUrl } from "../../lib/extract/source-url";
import { isDatabaseUnavailable } from "../../lib/db/errors";

export const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;

export interface Command {
  /** `atlas <name> --help`: usage line(s), options, what it prints, its exit codes. */
  help: string;
  run(args: string[]): Promise<number>;
  /** Its output goes through writeStdoutSync only, so that process.stdout is never created. */
  writesStdoutSync?: boolean;
}

/**
 * Writes text to stdout before returning, without creating process.stdout: for a pipe, that stream's set-up loads
 * Node's net and stream modules (≈5 ms of a one-report extract). A reader that stops early (\`atlas extract f | head\`)
 * ends the process quietly, as for the stream (main.ts).
 */
export function writeStdoutSync(text: string): void {
  const bytes = Buffer.from(text, "utf8");
  for (let at = 0; at < bytes.length; ) {
    try {
      at += writeSync(1, bytes, at);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EPIPE") process.exit(process.exitCode ?? 0);
      if (code !== "EAGAIN") throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1); // a full non-blocking pipe: give its reader 1 ms
    }
  }
}

/** Bad input: a wrong option, a missing argument, a file that is not a report. Exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string | undefined>;
  flags: Set<string>;
}

/**
 * `--name value`, `--name=value` for the names in `values`, bare `--name` for those in `flags`, everything else
 * positional; `--` ends the options. Unknown options are bad input.
 */
export function parseArgs(args: string[], spec: { values?: string[]; flags?: string[] } = {}): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], values: {}, flags: new Set() };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === "--") {
      parsed.positionals.push(...args.slice(index + 1));
      break;
    }
    if (!arg.startsWith("--") || arg === "-") {
      parsed.positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (spec.flags?.includes(name) && inline === undefined) parsed.flags.add(name);
    else if (spec.values?.includes(name)) {
      const value = inline ?? args[++index];
      if (value === undefined || !value.trim() || (inline === undefined && value.startsWith("--"))) throw new UsageError(`--${name} needs a value`);
      parsed.values[name] = value;
    } else throw new UsageError(`unknown option ${arg}`);
  }
  return parsed;
}

/** A failure as one line: the database being unreachable is not an internal error, and says what to check. */
export function describeFailure(error: unknown, message: string): string {
  if (error instanceof Error && error.name === "EmbeddedServerError") return message;
  if (isDatabaseUnavailable(error) || isDatabaseUnavailable(new Error(message))) {
    return `database unavailable (${message}); check DATABASE_URL, or unset it to use the embedded server`;
  }
  return `internal error: ${message}`;
}

/** The line of an error message that says what happened: Prisma's say it last, after where and a code frame. */
export function firstLine(text: string): string {
  const lines = text.split("\n").map((line) => line.trim()).filter(Boolean);
  return (/^Invalid `/.test(lines[0] ?? "") ? lines.at(-1) : lines[0]) ?? "";
}

/**
 * --title, --date and --url as ingest and extract take them, checked before any file is read: a date that is not
 * one (2020-02-16, 2020-02, 2020) or an address that is not http(s) is bad input.
 */
export function metadataOptions(values: Record<string, string | undefined>): { title?: string; date?: string; url?: string } {
  const { title, date, url } = values;
  if (date !== undefined && !parseDateInput(date)) throw new UsageError(`--date "${date}" is not a date; write 2020-02-16, 2020-02 or 2020`);
  if (url !== undefined && !parseSourceUrl(url)) throw new UsageError(`--url "${url}" is not an http or https address`);
  return { title, date, url };
}
