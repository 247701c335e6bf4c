// Runs the built `atlas` command line (bin/atlas starts this file). When a source file it was built from has
// changed, or it was never built (an install with --ignore-scripts), it is rebuilt first, so that an edit to
// lib/ or scripts/cli/ shows in the next run. CommonJS, like the build: Node then never starts its ES module
// loader for a command (≈10 ms of a one-report extract).
"use strict";
const { readFileSync, readdirSync, renameSync, statSync, writeFileSync } = require("node:fs");
const Module = require("node:module");
const path = require("node:path");
const { pathToFileURL } = require("node:url");

const root = process.env.ATLAS_ROOT ?? path.resolve(__dirname, "../..");
const cache = path.join(root, "node_modules", ".cache", "atlas-cli");
/** V8's code cache of the bundle as `atlas extract` leaves it (made by `codeCache` below). */
const CODE_CACHE = "extract.v8-code-cache";
const WRAPPED_MAIN = "main.wrapped.cjs"; // as scripts/build-cli.mjs names it

function currentBuild() {
  try {
    const { build, inputs } = JSON.parse(readFileSync(path.join(cache, "manifest.json"), "utf8"));
    for (const [file, [mtimeMs, size]] of Object.entries(inputs)) {
      const stat = statSync(path.join(root, file));
      if (stat.mtimeMs !== mtimeMs || stat.size !== size) return null;
    }
    return path.join(cache, build);
  } catch {
    return null;
  }
}

/**
 * The bundle of main.ts for `atlas extract`: written by scripts/build-cli.mjs wrapped as Node's CommonJS loader would
 * wrap it, and compiled with V8's code cache when there is one, so that the functions a report's extraction runs
 * arrive as bytecode rather than being parsed and compiled one by one as they are first called (≈15 ms of a
 * one-report extract). V8 rejects a cache made by another V8 or under other V8 flags, and the bundle is then
 * compiled as it runs; bin/atlas gives `extract` and `code-cache` the same flags. The extract imports nothing
 * dynamically (vm scripts would need an experimental loader for it); other commands require main.cjs.
 */
function loadForExtract(dir, cachedData) {
  const file = path.join(dir, WRAPPED_MAIN);
  const script = new (require("node:vm").Script)(readFileSync(file, "utf8"), { filename: file, cachedData });
  const bundle = new Module(file, module);
  bundle.filename = file;
  bundle.paths = Module._nodeModulePaths(dir);
  script.runInThisContext().call(bundle.exports, bundle.exports, Module.createRequire(file), bundle, file, dir);
  bundle.loaded = true;
  return { main: bundle.exports.main, script };
}

function readCodeCache(dir) {
  try {
    return readFileSync(path.join(dir, CODE_CACHE));
  } catch {
    return undefined; // not made (yet): compiled as usual
  }
}

/**
 * `code-cache <build folder>` (run by scripts/build-cli.mjs, through bin/atlas for its flags, with stdout
 * discarded): extracts the shipped reports, so that what extraction runs is compiled, and writes the code cache.
 */
async function codeCache(dir) {
  const { main, script } = loadForExtract(dir, undefined);
  const reports = path.join(root, "prisma", "reports");
  for (const name of readdirSync(reports).filter((f) => f.endsWith(".txt")).sort()) {
    const code = await main(["extract", path.join(reports, name)]);
    if (code !== 0) throw new Error(`atlas extract ${name} exited ${code} while the code cache was made`);
  }
  const target = path.join(dir, CODE_CACHE);
  writeFileSync(`${target}.${process.pid}`, script.createCachedData());
  renameSync(`${target}.${process.pid}`, target);
  return 0;
}

async function run() {
  const [command, ...rest] = process.argv.slice(2);
  if (command === "code-cache" && rest.length === 1) return codeCache(rest[0]);
  let dir = currentBuild();
  if (!dir) {
    const { buildCli } = await import(pathToFileURL(path.join(__dirname, "..", "build-cli.mjs")).href);
    dir = (await buildCli(root)).dir;
  }
  const { main } = command === "extract" ? loadForExtract(dir, readCodeCache(dir)) : require(path.join(dir, "main.cjs"));
  return main(process.argv.slice(2));
}

run().then(async (code) => {
  // Every command has finished its work when main returns: exit as soon as the output is written, rather than wait
  // for Node to tear down a heap that holds the language and gazetteer tables (≈30 ms of a one-report extract).
  // A successful extract wrote synchronously, without creating process.stdout or process.stderr.
  if (!(process.argv[2] === "extract" && code === 0)) {
    await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write("", resolve))));
  }
  process.exit(code);
});
