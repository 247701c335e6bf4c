import Link from "next/link";
import { localHref, t } from "@/lib/dashboard/i18n";
import type { Lang } from "@/lib/dashboard/metrics";
import { EditorStatus } from "./EditorStatus";

/** `path` is the current page (with its query), so the language switch keeps the view; `query` fills the search box. */
export function SiteHeader({ lang, path, query = "" }: { lang: Lang; path: string; query?: string }) {
  return (
    <header className="border-b border-stone-200 bg-white">
      {/* The first tab stop: past the header (and a page's charts) straight to its content. */}
      <a href="#main" className="skip-link">{t(lang, "skipToContent")}</a>
      <nav className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-5 gap-y-2 px-4 py-3" aria-label={lang === "en" ? "Site" : "网站导航"}>
        <Link href={localHref("/", lang)} className="text-lg font-semibold text-stone-900">
          {t("zh", "siteName")} <span className="font-normal text-stone-600" lang="en">Mobilization Atlas</span>
        </Link>
        <Link href={localHref("/", lang)} className="text-sm text-sky-800 hover:underline">{t(lang, "overview")}</Link>
        <Link href={localHref("/compare", lang)} className="text-sm text-sky-800 hover:underline">{t(lang, "compare")}</Link>
        <Link href={localHref("/about", lang)} className="text-sm text-sky-800 hover:underline">{t(lang, "about")}</Link>
        {/* A plain GET form: search works without JavaScript, and its URL is shareable and cached. */}
        <form action="/search" method="get" role="search" className="flex items-center gap-1">
          <input type="search" name="q" defaultValue={query} aria-label={t(lang, "searchLabel")} placeholder={t(lang, "siteSearchPlaceholder")} className="w-40 rounded border border-stone-400 px-2 py-1 text-sm" />
          {lang === "en" && <input type="hidden" name="lang" value="en" />}
          <button type="submit" className="rounded bg-sky-800 px-2 py-1 text-sm text-white">{t(lang, "search")}</button>
        </form>
        <span className="ml-auto"><EditorStatus lang={lang} path={path} /></span>
        <span className="text-sm">
          <Link href={localHref(path, "zh")} aria-current={lang === "zh" ? "true" : undefined} className={lang === "zh" ? "font-semibold" : "text-sky-800"} hrefLang="zh" lang="zh-CN">中文</Link>
          {" / "}
          <Link href={localHref(path, "en")} aria-current={lang === "en" ? "true" : undefined} className={lang === "en" ? "font-semibold" : "text-sky-800"} hrefLang="en" lang="en">English</Link>
        </span>
      </nav>
    </header>
  );
}
