// Bundles the `atlas` command line (scripts/cli/main.ts and what it imports from lib/) into plain JavaScript, so
// that nothing is compiled when it runs. Run by postinstall (offline: esbuild is a local binary), and by
// scripts/cli/launch.cjs whenever a source it was built from has changed since.
//
// Each build goes to a folder of its own under node_modules/.cache/atlas-cli/, and manifest.json (replaced
// atomically) names the current one with the size and time of every source file, so that a command starting
// while another rebuilds never reads half a bundle.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import Module from "node:module";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
export const cacheDir = (root) => path.join(root, "node_modules", ".cache", "atlas-cli");
const STALE_BUILD_MS = 10 * 60 * 1000;
/** The bundle of scripts/cli/main.ts, wrapped (below) for `atlas extract`; launch.cjs reads it by this name. */
const WRAPPED_MAIN = "main.wrapped.cjs";

export async function buildCli(root = ROOT) {
  const { build } = await import("esbuild");
  const base = cacheDir(root);
  const name = `build-${Date.now().toString(36)}-${process.pid}`;
  const result = await build({
    absWorkingDir: root,
    entryPoints: { main: "scripts/cli/main.ts", "extract-worker": "scripts/cli/extract-worker.ts" },
    outdir: path.join(base, name),
    bundle: true,
    // One CommonJS file per entry: Node reads and compiles it faster than ES module chunks, which it decodes and
    // links one by one (≈25 ms of a one-report extract). Subcommands are still evaluated only when they run
    // (esbuild wraps what main.ts imports dynamically in functions called on import).
    format: "cjs",
    outExtension: { ".js": ".cjs" }, // whatever package.json "type" says
    define: { "import.meta.url": "__atlasModuleUrl" },
    banner: { js: 'var __atlasModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
    platform: "node",
    target: "node20",
    metafile: true,
    logLevel: "warning",
    legalComments: "none",
    charset: "utf8",
    plugins: [externalPackages, dataAsFiles(path.join(base, name))],
  });
  // main.cjs also as the function expression Node's CommonJS loader would compile (Module.wrap), for `atlas extract`
  // to compile with V8's code cache (scripts/cli/launch.cjs): wrapping the source at each run, a string V8 then
  // copies whole, cost ≈8 ms of a one-report extract. Other commands require main.cjs.
  writeFileSync(path.join(base, name, WRAPPED_MAIN), Module.wrap(readFileSync(path.join(base, name, "main.cjs"), "utf8")));
  makeCodeCache(root, path.join(base, name));
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) {
    if (file.includes("node_modules/") || file.startsWith("<")) continue;
    const stat = statSync(path.join(root, file));
    inputs[file] = [stat.mtimeMs, stat.size];
  }
  const manifest = path.join(base, "manifest.json");
  writeFileSync(`${manifest}.${process.pid}`, JSON.stringify({ build: name, inputs }));
  renameSync(`${manifest}.${process.pid}`, manifest);
  for (const old of readdirSync(base)) {
    const folder = path.join(base, old);
    if (old.startsWith("build-") && old !== name && Date.now() - statSync(folder).mtimeMs > STALE_BUILD_MS) rmSync(folder, { recursive: true, force: true });
  }
  return { dir: path.join(base, name), files: Object.keys(inputs).length };
}

// V8's code cache of the extract, made by extracting the shipped reports under the flags bin/atlas gives `extract`
// (scripts/cli/launch.cjs, `code-cache`). Without it every command still runs, compiling as it goes: a failure here
// is a line of warning, not a failed build.
function makeCodeCache(root, dir) {
  const made = spawnSync(path.join(root, "bin", "atlas"), ["code-cache", dir], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  if (made.status !== 0) console.warn(`atlas: no code cache for extract (${(made.stderr || String(made.error)).trim().split("\n")[0]}); it runs, compiling as it goes`);
}

// Packages stay in node_modules, loaded at run time (Prisma's runtime, pg, iconv-lite …); only our TypeScript is
// bundled. Path aliases ("@/…") are ours, not packages. Except opencc-js: every extract loads it, and bundled it is
// compiled from the code cache, and never resolved through its package.json "exports", which loads Node's ES
// module resolver (≈3 ms of a one-report extract).
const BUNDLED_PACKAGES = /^opencc-js(\/|$)/;
const externalPackages = {
  name: "external-packages",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./@]|^@[^/]/ }, (args) =>
      args.kind === "entry-point" || BUNDLED_PACKAGES.test(args.path) ? undefined : { external: true });
  },
};

// Data (the gazetteer, the codebook, the language tables of lib/text/data/) large enough to matter is kept out of the
// bundle, in files beside it that a module reads when it first runs. Bundled, a megabyte of mostly Chinese text is
// read, decoded and copied into V8's code cache and its heap at every run; the tables alone cost ≈15 ms of a
// one-report extract (linfen.txt, 174 → 160 ms). The sources stay as they are: the web server bundles them as usual.
const DATA_FILE_BYTES = 16 * 1024;
const DATA_MODULE = /[\\/]lib[\\/](?:text|extract)[\\/]data[\\/][^\\/]+\.(?:json|ts)$/;
// A generated data module's string export: `export const NAME =\n  "…";` (scripts that write them use JSON.stringify).
const STRING_EXPORT = /^(export const (\w+)(?:: string)? =\s*)("(?:[^"\\\n]|\\.)*")(;)/gm;
const readData = (file) => `__readAtlasData(${JSON.stringify(file)})`;
const READ_DATA =
  'import { readFileSync as __readFile } from "node:fs";\n' +
  'const __readAtlasData = (file: string) => __readFile(`${__dirname}/data/${file}`, "utf8");\n';

function dataAsFiles(outdir) {
  const write = (file, text) => {
    mkdirSync(path.join(outdir, "data"), { recursive: true });
    writeFileSync(path.join(outdir, "data", file), text);
  };
  return {
    name: "data-as-files",
    setup(pluginBuild) {
      // JSON: JSON.parse of a string rather than esbuild's object literal (V8 reads JSON several times faster than
      // it compiles and runs the same literal), of a file when it is large.
      pluginBuild.onLoad({ filter: /\.json$/ }, async (args) => {
        const text = JSON.stringify(JSON.parse(await readFile(args.path, "utf8")));
        if (!DATA_MODULE.test(args.path) || Buffer.byteLength(text) < DATA_FILE_BYTES) {
          return { contents: `export default JSON.parse(${JSON.stringify(text)});`, loader: "js" };
        }
        const file = path.basename(args.path);
        write(file, text);
        return { contents: `${READ_DATA}export default JSON.parse(${readData(file)});`, loader: "ts" };
      });
      pluginBuild.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (!DATA_MODULE.test(args.path)) return undefined;
        let moved = 0;
        const source = (await readFile(args.path, "utf8")).replace(STRING_EXPORT, (whole, head, name, literal, end) => {
          if (Buffer.byteLength(literal) < DATA_FILE_BYTES) return whole;
          const file = `${path.basename(args.path, ".ts")}.${name}.txt`;
          write(file, JSON.parse(literal));
          moved++;
          return `${head}${readData(file)}${end}`;
        });
        return moved ? { contents: READ_DATA + source, loader: "ts" } : undefined;
      });
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const { files } = await buildCli();
  console.log(`atlas command line built from ${files} files in ${(performance.now() - started).toFixed(0)} ms (bin/atlas)`);
}
