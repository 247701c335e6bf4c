// atlas extract <file> [--region 名称] [--title …] [--date …] [--url …]: one report's extraction as JSON on stdout; nothing is stored.
import { createRequire } from "node:module";
import { extractReport, readReportFile } from "../../../lib/pipeline";
import { EXIT, metadataOptions, parseArgs, UsageError, writeStdoutSync, type Command } from "../command";

/** Reports up to this size are extracted without optimized code, as bin/atlas starts Node (measured on linfen.txt
 *  repeated, whole process: 11 KB and 400 KB a fifth faster, 1 MB 40% slower). News reports run to tens of kilobytes. */
const COLD_REPORT_BYTES = 256 * 1024;

const command: Command = {
  writesStdoutSync: true,
  help: `usage: atlas extract <file> [--region 名称] [--title 标题] [--date 2020-02-16] [--url https://…]

Reads one report (UTF-8, UTF-16, GB18030/GBK or Big5; plain text or a page saved from a browser), repairs and
cleans it, and prints one JSON document on stdout:
  { region, title, publishedAt, datePrecision, period, periodBasis, sourceUrl, outlet, authors, text, repairs,
    sentences, facts }
title is the article's own headline or null; publishedAt is as precise as datePrecision (day 2020-02-16, month
2020-02, year 2020); period is 2020-Q1 or 2022, from the date (periodBasis "published") or, without one, from what
the report cites ("inferred"), or null.
each fact with metric (family), kind, subject, value, unit, approx, quote, sentence, start, end, scope {type, name},
partOf and restates (indexes of other facts, or null).
Nothing is stored and no database is needed.

options:
  --region 名称   the report's region, when its text does not name it
  --title 标题    the headline, replacing the detected one
  --date DATE     the publication date: 2020-02-16, 2020-02 or 2020
  --url URL       where the report was published (http or https)

exit codes: 0 printed; 1 internal error; 2 bad input (a missing, empty, binary, too large or non-Chinese file,
or a bad option), with one line on stderr and nothing on stdout`,

  async run(args) {
    const { positionals, values } = parseArgs(args, { values: ["region", "title", "date", "url"] });
    const metadata = metadataOptions(values);
    if (positionals.length !== 1) throw new UsageError(positionals.length ? "one file at a time" : "give a report file");
    const [file] = positionals;
    const bytes = readReportFile(file);
    // A process for one report ends before V8's optimizing compiler pays back its work (on a 10 KB report it spent
    // ≈80 ms of CPU, competing with the main thread on a small machine), so bin/atlas starts Node without it; past
    // COLD_REPORT_BYTES its code wins. (Changing V8's flags after the code cache was read is harmless.)
    // node:v8 is loaded only then: it brings Node's stream modules with it (≈5 ms).
    if (bytes.length > COLD_REPORT_BYTES) (createRequire(import.meta.url)("node:v8") as typeof import("node:v8")).setFlagsFromString("--opt");
    const result = extractReport(bytes, { region: values.region, fileName: file.split(/[\\/]/).pop(), ...metadata });
    writeStdoutSync(`${JSON.stringify(result)}\n`);
    return EXIT.ok;
  },
};

export default command;
