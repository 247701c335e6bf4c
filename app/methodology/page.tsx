// /methodology: what each family and kind counts, how approximations are read, what a scope is, how headlines are
// chosen and the extractor version — all generated from the codebook (lib/extract/data/codebook.json).
import { SiteHeader } from "@/components/SiteHeader";
import { HEADLINE_RULE } from "@/lib/dashboard/headline";
import { localHref, parseLang } from "@/lib/dashboard/i18n";
import { firstParam, type SearchParams } from "@/lib/dashboard/params";
import { CODEBOOK } from "@/lib/extract/lexicon";

const TEXT = {
  title: { zh: "方法说明：口径手册", en: "Methodology: the codebook" },
  intro: {
    zh: "本站的每个数字都按下面的口径手册从报道原文中抽取。手册是一份数据文件（lib/extract/data/codebook.json），抽取程序和本页都读取它。",
    en: "Every figure on this site is extracted from the reports by the codebook below. The codebook is a data file (lib/extract/data/codebook.json) that both the extractor and this page read.",
  },
  version: { zh: "抽取程序版本", en: "Extractor version" },
  families: { zh: "类别与口径", en: "Families and kinds" },
  include: { zh: "计入", en: "Includes" },
  exclude: { zh: "不计入", en: "Excludes" },
  examples: { zh: "示例", en: "Examples" },
  triggers: { zh: "触发词", en: "Trigger words" },
  headlineOrder: { zh: "头条口径顺序", en: "Headline kinds, in order of preference" },
  headlines: { zh: "头条数字如何选取", en: "How headlines are chosen" },
  approximations: { zh: "约数的读法", en: "How approximations are read" },
  scopes: { zh: "适用范围", en: "Scopes" },
  partsAndRepeats: { zh: "分项与重复", en: "Parts and restatements" },
  partsText: {
    zh: "“其中…”“含…”后的数字是前面总数的分项，重复前文同一数字（数值相同、对象相同或同义，如督察队与督查专班）的是重复表述：两者都不作头条，图表中同一数字只出现一次。",
    en: "A figure after 其中 or 含 is part of the total before it; a figure that repeats an earlier one (same value, same or synonymous subject, e.g. 督察队 and 督查专班) is a restatement. Neither is ever a headline, and every figure is shown once.",
  },
  nonCounts: { zh: "不是数字事实的", en: "Not facts" },
  nonCountsText: {
    zh: "日期、时长、年龄、百分比、序数（第2批）、成语口号、文件条款、“各…1个”（每个一个）以及方案模板（“10”即…10个专项小组）都不计为事实。",
    en: "Dates, durations, ages, percentages, ordinals (第2批), idioms and slogans, document clauses, “one each” (各…1个) and plan templates (“10”即…10个专项小组) are not facts.",
  },
} as const;

export default async function MethodologyPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const lang = parseLang(firstParam(await searchParams, "lang"));
  const families = CODEBOOK.families;
  const approximations = Object.entries(CODEBOOK.approximations);
  const scopes = Object.entries(CODEBOOK.scopes.types);
  return (
    <>
      <SiteHeader lang={lang} path={localHref("/methodology", "zh")} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-4xl px-4 py-6 text-sm leading-relaxed">
        <h1 className="text-2xl font-semibold">{TEXT.title[lang]}</h1>
        <p className="mt-2 text-stone-700">{TEXT.intro[lang]}</p>
        <p className="mt-1 text-stone-600">{TEXT.version[lang]}: <code data-testid="extractor-version">{CODEBOOK.extractorVersion}</code></p>

        <h2 id="headlines" className="mt-8 text-xl font-semibold">{TEXT.headlines[lang]}</h2>
        <p className="mt-2">{HEADLINE_RULE[lang]}</p>

        <h2 id="families" className="mt-8 text-xl font-semibold">{TEXT.families[lang]}</h2>
        {families.map((family) => (
          <section key={family.id} id={family.id} className="mt-6 rounded border border-stone-200 bg-white p-4" data-testid={`family-${family.id}`}>
            <h3 className="text-lg font-semibold">{family.name[lang]} <code className="text-xs text-stone-500">{family.id}</code></h3>
            <p className="mt-1">{family.definition[lang]}</p>
            {family.include[lang] && <p className="mt-1"><strong>{TEXT.include[lang]}:</strong> {family.include[lang]}</p>}
            {family.exclude[lang] && <p className="mt-1"><strong>{TEXT.exclude[lang]}:</strong> {family.exclude[lang]}</p>}
            {family.headline.length > 0 && (
              <p className="mt-1"><strong>{TEXT.headlineOrder[lang]}:</strong> {family.headline.map((id) => family.kinds.find((k) => k.id === id)?.name[lang] ?? id).join(" → ")}
                {family.headlineReason[lang] && <span className="text-stone-600"> — {family.headlineReason[lang]}</span>}</p>
            )}
            <dl className="mt-3 grid gap-3">
              {family.kinds.map((kind) => (
                <div key={kind.id} id={`${family.id}.${kind.id}`} className="border-l-2 border-stone-200 pl-3">
                  <dt className="font-medium">{kind.name[lang]} <span className="text-stone-500">· {kind.name[lang === "zh" ? "en" : "zh"]}</span> <code className="text-xs text-stone-500">{family.id}.{kind.id}</code></dt>
                  <dd>{kind.definition[lang]}</dd>
                  {[...kind.heads, ...kind.markers].length > 0 && <dd className="text-xs text-stone-600">{TEXT.triggers[lang]}: {[...new Set([...kind.heads, ...kind.markers])].join("、")}</dd>}
                  {kind.examples.length > 0 && <dd className="text-xs text-stone-600">{TEXT.examples[lang]}: {kind.examples.join("；")}</dd>}
                </div>
              ))}
            </dl>
          </section>
        ))}

        <h2 id="approximations" className="mt-8 text-xl font-semibold">{TEXT.approximations[lang]}</h2>
        <table className="mt-2 w-full text-left">
          <tbody>
            {approximations.map(([id, a]) => (
              <tr key={id} className="border-t border-stone-100 align-top">
                <td className="px-2 py-1 font-mono">{a.mark || "="}</td>
                <td className="px-2 py-1">{a.name[lang]}</td>
                <td className="px-2 py-1">{a.definition[lang]}</td>
              </tr>
            ))}
          </tbody>
        </table>

        <h2 id="scopes" className="mt-8 text-xl font-semibold">{TEXT.scopes[lang]}</h2>
        <dl className="mt-2 grid gap-2">
          {scopes.map(([id, scope]) => (
            <div key={id}><dt className="font-medium">{scope.name[lang]} <code className="text-xs text-stone-500">{id}</code></dt><dd>{scope.definition[lang]}</dd></div>
          ))}
        </dl>

        <h2 id="parts" className="mt-8 text-xl font-semibold">{TEXT.partsAndRepeats[lang]}</h2>
        <p className="mt-2">{TEXT.partsText[lang]}</p>
        <h2 id="non-facts" className="mt-8 text-xl font-semibold">{TEXT.nonCounts[lang]}</h2>
        <p className="mt-2">{TEXT.nonCountsText[lang]}</p>
      </main>
    </>
  );
}
