import type { Metadata } from "next";
import { connection } from "next/server";
import { SearchResultsView } from "@/components/SearchResults";
import { SiteHeader } from "@/components/SiteHeader";
import { localHref, parseLang, t } from "@/lib/dashboard/i18n";
import { firstParam, type SearchParams } from "@/lib/dashboard/params";
import { search } from "@/lib/queries/search";

export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const params = await searchParams;
  const lang = parseLang(firstParam(params, "lang"));
  const query = firstParam(params, "q")?.trim();
  return { title: query ? t(lang, "searchResultsFor", { query }) : t(lang, "searchTitle") };
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const params = await searchParams;
  const lang = parseLang(firstParam(params, "lang"));
  const query = firstParam(params, "q") ?? "";
  const results = await search(query);
  return (
    <>
      <SiteHeader lang={lang} path={localHref("/search", "zh", { q: query || undefined })} query={query} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-4xl px-4 py-6">
        <SearchResultsView results={results} lang={lang} />
      </main>
    </>
  );
}
