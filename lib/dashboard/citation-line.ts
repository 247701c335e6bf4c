// The end of a citation line: the URL and the access date. Apart from citation.ts so the browser's copy button
// (components/CiteAction.tsx) does not load the region tables that names need.
import { formatDate } from "./format";
import type { Lang } from "./metrics";

export function citationLine(head: string, url: string, accessedOn: Date, lang: Lang): string {
  const accessed = formatDate(accessedOn.toISOString().slice(0, 10), lang);
  return lang === "en" ? `${head} ${url} (accessed ${accessed}).` : `${head}${url}（访问日期：${accessed}）。`;
}
