// The signed-in editor in the page header, or a sign-in link. Pages sent with a session cookie are never taken
// from the page cache (lib/server/handler.ts), so an anonymous cached page never shows someone's name.
import Link from "next/link";
import { headers } from "next/headers";
import { currentEditor } from "@/lib/auth/server";
import { localHref, t } from "@/lib/dashboard/i18n";
import type { Lang } from "@/lib/dashboard/metrics";
import { SignOutButton } from "./SignOutButton";

export async function EditorStatus({ lang, path }: { lang: Lang; path: string }) {
  const editor = await currentEditor(await headers()).catch(() => null);
  if (!editor) {
    return <Link href={localHref("/login", lang, { next: path })} className="text-sm text-sky-800 hover:underline" data-testid="sign-in-link">{t(lang, "signIn")}</Link>;
  }
  return (
    <span className="flex items-center gap-3 text-sm" data-testid="editor-status">
      <Link href={localHref("/reports/new", lang)} className="text-sky-800 hover:underline">{t(lang, "addReport")}</Link>
      <Link href={localHref("/history", lang)} className="text-sky-800 hover:underline">{t(lang, "history")}</Link>
      <span className="text-stone-600">{t(lang, "signedInAs", { email: editor.email, role: editor.role })}</span>
      <SignOutButton label={t(lang, "signOut")} />
    </span>
  );
}
