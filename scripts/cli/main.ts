// `atlas`: the command line of Mobilization Atlas. Each subcommand is one small module under commands/, loaded only
// when it runs, so that `atlas extract` never loads the database client and `atlas migrate` never loads the
// extractor. bin/atlas runs the bundle that scripts/build-cli.mjs makes of this file; scripts/<name>.ts run it
// from source.
import { describeFailure, EXIT, firstLine, UsageError, type Command } from "./command";

interface Entry {
  summary: string;
  load: () => Promise<{ default: Command }>;
}

// A new subcommand: a module in commands/ and a line here.
const COMMANDS: Record<string, Entry> = {
  extract: { summary: "print the facts of one report as JSON (no database)", load: () => import("./commands/extract") },
  ingest: { summary: "extract reports and store them in the database", load: () => import("./commands/ingest") },
  migrate: { summary: "apply the database migrations, or write a new one", load: () => import("./commands/migrate") },
  seed: { summary: "store the reports shipped in prisma/reports/ that are not stored yet", load: () => import("./commands/seed") },
  reextract: { summary: "re-extract every stored report, keeping editors' corrections", load: () => import("./commands/reextract") },
  user: { summary: "add, list, remove editor accounts, or set a password", load: () => import("./commands/user") },
};

const HELP = `usage: atlas <command> [options]          atlas <command> --help for its options

commands:
${Object.entries(COMMANDS).map(([name, entry]) => `  ${name.padEnd(10)}${entry.summary}`).join("\n")}

exit codes: 0 ok, 1 failure (database unavailable, internal error), 2 bad input (options, files)
environment: DATABASE_URL (unset: the embedded PostgreSQL of \`npm start\`, started for the command when npm start
is not running), ATLAS_DATA_DIR, EMBEDDED_PG_PORT`;

/** Bad input as error classes of other modules name it, without importing those modules here. */
const BAD_INPUT = new Set(["UsageError", "ReportInputError"]);

let stdoutGuarded = false;

/**
 * process.stdout, where a reader that stops early (\`atlas user list | head\`) is not an error of ours: the process
 * stops quietly. Guarded on first use rather than at load, because creating the stream costs a one-report extract
 * ≈5 ms, and extract writes without it (writeStdoutSync).
 */
function guardedStdout(): NodeJS.WriteStream {
  if (!stdoutGuarded) {
    stdoutGuarded = true;
    process.stdout.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  return process.stdout;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? args[0] : undefined;
    if (!topic) return print(guardedStdout(), HELP, EXIT.ok);
    return main([topic, "--help"]);
  }
  if (!name) return print(process.stderr, HELP, EXIT.badInput);
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) return print(process.stderr, `atlas: unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(", ")} (atlas --help)`, EXIT.badInput);
  const command = (await entry.load()).default;
  const options = args.includes("--") ? args.slice(0, args.indexOf("--")) : args;
  if (options.includes("--help") || options.includes("-h")) return print(guardedStdout(), command.help, EXIT.ok);
  if (!command.writesStdoutSync) guardedStdout();
  try {
    return await command.run(args);
  } catch (error) {
    const message = firstLine(error instanceof Error ? error.message : String(error));
    if (error instanceof Error && BAD_INPUT.has(error.name)) {
      return print(process.stderr, `${name}: ${message}${error instanceof UsageError ? ` (atlas ${name} --help)` : ""}`, EXIT.badInput);
    }
    return print(process.stderr, `${name}: ${describeFailure(error, message)}`, EXIT.failure);
  }
}

function print(stream: NodeJS.WriteStream, text: string, code: number): number {
  stream.write(`${text}\n`);
  return code;
}
