// `npm run migrate`            apply pending migrations to DATABASE_URL (or the embedded server)
// `npm run migrate -- new NAME` write prisma/migrations/<timestamp>_NAME/migration.sql, diffed from the schema
//                                snapshot saved with the latest migration to the current prisma/schema.prisma.
import { mkdirSync, readFileSync, writeFileSync, copyFileSync, existsSync } from "node:fs";
import path from "node:path";
import { applyMigrations, diffSchemas, loadMigrationList, migrationsDir, schemaPath } from "../lib/db/migrate";
import { withDatabase } from "../lib/db/server";

async function newMigration(name: string) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`migration name must be snake_case, got "${name}"`);
  const latest = loadMigrationList().migrationDirectories.at(-1);
  const snapshot = latest && path.join(migrationsDir, latest.path, "schema.prisma");
  const previous = snapshot && existsSync(snapshot) ? readFileSync(snapshot, "utf8") : null;
  const sql = await withDatabase((url) => diffSchemas(url, previous));
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log("schema unchanged: no migration written");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  copyFileSync(schemaPath, path.join(dir, "schema.prisma"));
  if (!existsSync(path.join(migrationsDir, "migration_lock.toml"))) {
    writeFileSync(path.join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
  }
  console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}

const [command, name] = process.argv.slice(2);
try {
  if (command === "new") await newMigration(name ?? "");
  else {
    const applied = await withDatabase((url) => applyMigrations(url));
    console.log(applied.length ? `applied ${applied.join(", ")}` : "database is up to date");
  }
} catch (error) {
  console.error(`migrate: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
