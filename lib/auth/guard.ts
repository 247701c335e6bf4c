// The one check in front of every mutating route: the request comes from this site (Origin, or Sec-Fetch-Site
// when a browser sends no Origin), carries a live session, and its user has the role. Anything else is answered
// 401 or 403 with a JSON error before the route reads or writes anything.
import { publicOrigin } from "../server/public-url";
import { currentEditor, type Editor, type Role } from "./server";

export class GuardError extends Error {
  constructor(readonly status: 401 | 403, message: string) {
    super(message);
    this.name = "GuardError";
  }
}

/** A cross-site request (a form post or fetch from another site with the editor's cookie) is refused. */
export function isCrossOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin !== null) return origin !== publicOrigin(headers);
  const site = headers.get("sec-fetch-site");
  // Scripts (curl, the e2e's request API) send neither header: only the cookie authenticates them.
  return site !== null && site !== "same-origin" && site !== "none";
}

const RANK: Record<Role, number> = { editor: 1, admin: 2 };

/** The editor allowed to make this request, or a GuardError saying why not. */
export async function authorize(headers: Headers, role: Role = "editor"): Promise<Editor> {
  if (isCrossOrigin(headers)) throw new GuardError(403, "cross-origin request refused");
  const editor = await currentEditor(headers);
  if (!editor) throw new GuardError(401, "sign in first");
  if (RANK[editor.role] < RANK[role]) throw new GuardError(403, `this needs the ${role} role`);
  return editor;
}

export function guardResponse(error: GuardError): Response {
  return Response.json({ error: error.message }, { status: error.status, headers: { "Cache-Control": "no-store" } });
}

/** A route handler that runs only for an authorized editor: `(request, editor, context) => Response`. */
export function guarded<Context>(role: Role, handle: (request: Request, editor: Editor, context: Context) => Promise<Response>) {
  return async (request: Request, context: Context): Promise<Response> => {
    let editor: Editor;
    try {
      editor = await authorize(request.headers, role);
    } catch (error) {
      if (error instanceof GuardError) return guardResponse(error);
      throw error;
    }
    return handle(request, editor, context);
  };
}
