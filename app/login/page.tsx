import { connection } from "next/server";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { LoginForm } from "@/components/LoginForm";
import { SiteHeader } from "@/components/SiteHeader";
import { safeNext } from "@/lib/auth/next-path";
import { currentEditor } from "@/lib/auth/server";
import { localHref, parseLang, t } from "@/lib/dashboard/i18n";
import { firstParam, type SearchParams } from "@/lib/dashboard/params";

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const query = await searchParams;
  const lang = parseLang(firstParam(query, "lang"));
  const next = safeNext(firstParam(query, "next"));
  if (await currentEditor(await headers()).catch(() => null)) redirect(next);
  return (
    <>
      <SiteHeader lang={lang} path={localHref("/login", lang, { next })} />
      <main className="mx-auto max-w-sm px-4 py-10">
        <h1 className="text-2xl font-semibold">{t(lang, "signInTitle")}</h1>
        <p className="mt-2 text-sm text-stone-600">{t(lang, "signInNote")}</p>
        <LoginForm
          next={next}
          labels={{
            email: t(lang, "email"), password: t(lang, "password"), submit: t(lang, "signIn"),
            wrong: t(lang, "wrongPassword"), tooMany: t(lang, "tooManyAttempts"), failed: t(lang, "signInFailed"),
          }}
        />
      </main>
    </>
  );
}
