// Editor accounts with Better Auth: email and password (scrypt, Better Auth's default hash), sessions in the
// database behind an HttpOnly SameSite=Lax cookie (Secure when PUBLIC_URL is https), revoked on sign-out. There is
// no sign-up: `atlas user add` creates users (lib/auth/users.ts). Sign-in is rate-limited per address (Better
// Auth's limiter) and per account (the hook below), both counted in the "rateLimit" table so that every app
// instance shares the counts.
import { randomBytes } from "node:crypto";
import { betterAuth } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import pg from "pg";
import { publicOrigin } from "../server/public-url";

export const ROLES = ["editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const SIGN_IN_PATH = "/sign-in/email";

/** Sign-in attempts allowed per window, per address and per account; the window is ATLAS_SIGNIN_WINDOW_S seconds. */
export function signInLimits() {
  return {
    window: Number(process.env.ATLAS_SIGNIN_WINDOW_S || 60),
    perAddress: Number(process.env.ATLAS_SIGNIN_MAX_PER_ADDRESS || 10),
    perAccount: Number(process.env.ATLAS_SIGNIN_MAX_PER_ACCOUNT || 5),
  };
}

const SESSION_HOURS = () => Number(process.env.ATLAS_SESSION_HOURS || 12);

/** The secret that signs cookies: BETTER_AUTH_SECRET, else one made once and kept in the database for every instance. */
async function authSecret(pool: pg.Pool): Promise<string> {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  await pool.query(`INSERT INTO "AppSetting" ("key", "value") VALUES ('auth_secret', $1) ON CONFLICT ("key") DO NOTHING`, [randomBytes(32).toString("base64url")]);
  const { rows } = await pool.query<{ value: string }>(`SELECT "value" FROM "AppSetting" WHERE "key" = 'auth_secret'`);
  return rows[0].value;
}

/**
 * One counter per account in the same table as Better Auth's: a fixed window that restarts after it ends, so a
 * burst of wrong passwords locks the account for at most one window. Returns the seconds to wait, or 0.
 */
async function consumeAccountAttempt(pool: pg.Pool, email: string): Promise<number> {
  const { window, perAccount } = signInLimits();
  const now = Date.now();
  const { rows } = await pool.query<{ count: number; lastRequest: string }>(
    `INSERT INTO "rateLimit" ("id", "key", "count", "lastRequest") VALUES ($1, $2, 1, $3)
     ON CONFLICT ("key") DO UPDATE SET
       "count" = CASE WHEN "rateLimit"."lastRequest" <= $3 - $4 THEN 1 ELSE "rateLimit"."count" + 1 END,
       "lastRequest" = CASE WHEN "rateLimit"."lastRequest" <= $3 - $4 THEN $3 ELSE "rateLimit"."lastRequest" END
     RETURNING "count", "lastRequest"`,
    [randomBytes(12).toString("hex"), `account:${email.trim().toLowerCase()}`, now, window * 1000],
  );
  const { count, lastRequest } = rows[0];
  return count > perAccount ? Math.max(1, Math.ceil((Number(lastRequest) + window * 1000 - now) / 1000)) : 0;
}

function createAuth(pool: pg.Pool, secret: string) {
  const publicUrl = process.env.PUBLIC_URL || undefined;
  const trustProxy = process.env.TRUST_PROXY === "1";
  const limits = signInLimits();
  return betterAuth({
    database: pool,
    secret,
    // Without PUBLIC_URL the app answers on whatever host it is reached by (the Host header has been checked by
    // lib/server/handler.ts); X-Forwarded-* only count behind a proxy of ours (TRUST_PROXY=1).
    baseURL: publicUrl ?? { allowedHosts: ["*"], protocol: trustProxy ? "auto" : "http" },
    basePath: "/api/auth",
    // Without PUBLIC_URL the app answers on whatever host it is reached by: that host (as lib/server/public-url.ts
    // reads it) is the one origin trusted.
    trustedOrigins: async (request?: Request) => (request ? [publicOrigin(request.headers)] : publicUrl ? [new URL(publicUrl).origin] : []),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8, maxPasswordLength: 256 },
    user: {
      additionalFields: { role: { type: "string", required: true, defaultValue: "editor", input: false } },
    },
    session: { expiresIn: SESSION_HOURS() * 3600, updateAge: 3600, cookieCache: { enabled: false } },
    advanced: {
      useSecureCookies: publicUrl?.startsWith("https://") ?? false,
      trustedProxyHeaders: trustProxy,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      // lib/server/handler.ts sets X-Forwarded-For to the connecting address (or keeps a trusted proxy's).
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: { [SIGN_IN_PATH]: { window: limits.window, max: limits.perAddress } },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN_PATH) return;
        const email = typeof ctx.body?.email === "string" ? ctx.body.email : "";
        if (!email) return;
        const wait = await consumeAccountAttempt(pool, email);
        if (wait > 0) {
          throw new APIError("TOO_MANY_REQUESTS", { message: `Too many sign-in attempts for this account; try again in ${wait} s.` }, { "Retry-After": String(wait) });
        }
      }),
    },
    telemetry: { enabled: false },
    logger: { level: "error" },
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { atlasAuth?: { url: string; auth: Promise<Auth>; pool: pg.Pool } };

/** The app's Better Auth instance for DATABASE_URL (made on first use, so that `next build` needs no database). */
export function getAuth(): Promise<Auth> {
  const url = process.env.DATABASE_URL;
  if (!url) return Promise.reject(new Error("DATABASE_URL is not set"));
  const current = globalForAuth.atlasAuth;
  if (current && current.url === url) return current.auth;
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5_000 });
  const auth = authSecret(pool).then((secret) => createAuth(pool, secret));
  auth.catch(() => {
    if (globalForAuth.atlasAuth?.auth === auth) globalForAuth.atlasAuth = undefined;
  });
  globalForAuth.atlasAuth = { url, auth, pool };
  return auth;
}

/** For tests and the CLI: close the pool. */
export async function closeAuth(): Promise<void> {
  const current = globalForAuth.atlasAuth;
  globalForAuth.atlasAuth = undefined;
  if (current) {
    await current.auth.catch(() => undefined);
    await current.pool.end();
  }
}

export interface Editor {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export function toEditor(user: { id: string; email: string; name: string; role?: unknown }): Editor {
  return { id: user.id, email: user.email, name: user.name, role: user.role === "admin" ? "admin" : "editor" };
}

/** The signed-in editor of a request (its session cookie), or null. */
export async function currentEditor(headers: Headers): Promise<Editor | null> {
  if (!/better-auth/.test(headers.get("cookie") ?? "")) return null; // no session cookie: no database round trip
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers });
  return session ? toEditor(session.user) : null;
}
