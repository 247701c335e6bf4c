// Better Auth's endpoints (sign-in, sign-out, session). Sign-up is disabled in lib/auth/server.ts.
import { getAuth } from "@/lib/auth/server";

async function handle(request: Request): Promise<Response> {
  const auth = await getAuth();
  const response = await auth.handler(request);
  response.headers.set("Cache-Control", "no-store");
  return response;
}

export const GET = handle;
export const POST = handle;
