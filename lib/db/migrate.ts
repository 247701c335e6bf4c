// Applies the checked-in migration folders with Prisma's WebAssembly schema engine through the pg driver adapter.
// The native engine that `prisma migrate deploy` downloads is unavailable offline; the WASM engine runs the same
// code and records each migration in `_prisma_migrations` exactly as `migrate deploy` does, so both agree.
import { readFileSync, readdirSync, existsSync, statSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { projectRoot } from "./paths";

export const migrationsDir = path.join(projectRoot, "prisma", "migrations");
export const schemaPath = path.join(projectRoot, "prisma", "schema.prisma");

export function loadMigrationList(baseDir = migrationsDir): MigrationList {
  const lockPath = path.join(baseDir, "migration_lock.toml");
  const directories = existsSync(baseDir)
    ? readdirSync(baseDir)
        .filter((name) => statSync(path.join(baseDir, name)).isDirectory())
        .sort()
    : [];
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: directories.map((name) => {
      const file = path.join(baseDir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(file)
            ? { tag: "ok" as const, value: readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `missing ${file}` },
        },
      };
    }),
  };
}

const noFilters = { externalTables: [], externalEnums: [] };

let engineModule: Promise<typeof import("@prisma/schema-engine-wasm/schema_engine_bg")> | undefined;

/** Node cannot `import` a .wasm file, so instantiate the engine's WebAssembly by hand with its JS glue. */
function loadEngineModule() {
  engineModule ??= (async () => {
    const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = path.join(projectRoot, "node_modules", "@prisma", "schema-engine-wasm", "schema_engine_bg.wasm");
    // The engine arms timers (connection timeouts) that would keep a finished CLI process alive: unref them.
    const imports: WebAssembly.ModuleImports = { ...(glue as unknown as WebAssembly.ModuleImports) };
    for (const name of Object.keys(glue).filter((key) => key.startsWith("__wbg_setTimeout_"))) {
      imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
    }
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), { "./schema_engine_bg.js": imports });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return engineModule;
}

async function withEngine<T>(databaseUrl: string, run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  // Our own pool, so that it can be closed: the engine's free() leaves connections open for their idle timeout.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
  const datamodels: [string, string][] = [[schemaPath, readFileSync(schemaPath, "utf8")]];
  const { SchemaEngine } = await loadEngineModule();
  const engine = await SchemaEngine.new({ datamodels }, () => {}, adapter);
  try {
    return await run(engine);
  } finally {
    engine.free();
    await pool.end();
  }
}

/** Applies pending migrations; returns the names of those applied (empty when the database is up to date). */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  return withEngine(databaseUrl, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: loadMigrationList(),
      filters: noFilters,
    });
    return appliedMigrationNames;
  });
}

/**
 * SQL that takes a database from the schema `fromSchema` (a previous schema.prisma's text, or null for an empty
 * database) to the current prisma/schema.prisma. `npm run migrate -- new <name>` writes it as a new migration.
 */
export async function diffSchemas(databaseUrl: string, fromSchema: string | null): Promise<string> {
  return withEngine(databaseUrl, async (engine) => {
    const from = fromSchema === null
      ? { tag: "empty" as const }
      : { tag: "schemaDatamodel" as const, files: [{ path: "previous.prisma", content: fromSchema }] };
    // The engine prints the script itself when stdout is set; capture it rather than let it reach our stdout.
    const write = process.stdout.write.bind(process.stdout);
    let script = "";
    process.stdout.write = ((chunk: string | Uint8Array) => {
      script += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      return true;
    }) as typeof process.stdout.write;
    try {
      const result = await engine.diff({
        from,
        to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: readFileSync(schemaPath, "utf8") }] },
        script: true,
        exitCode: null,
        filters: noFilters,
      });
      return result.stdout ?? script;
    } finally {
      process.stdout.write = write;
    }
  });
}
