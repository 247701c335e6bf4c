import type { Metadata } from "next";
import { connection } from "next/server";
import { SiteHeader } from "@/components/SiteHeader";
import { DATA_LICENCE } from "@/lib/dataset/package";
import { formatDate, formatNumber } from "@/lib/dashboard/format";
import { HEADLINE_RULE } from "@/lib/dashboard/headline";
import { localHref, parseLang, t } from "@/lib/dashboard/i18n";
import type { Lang } from "@/lib/dashboard/metrics";
import { firstParam, type SearchParams } from "@/lib/dashboard/params";
import { datasetVersion } from "@/lib/queries/about";

const TEXT = {
  title: { zh: "关于动员图谱", en: "About the Mobilization Atlas" },
  what: {
    zh: "动员图谱收集各地政府与党媒关于新冠疫情期间党组织动员的报道，从中提取有数字的事实（成立的临时党支部、下沉的党员干部、捐款、卡口等），并把每个数字链接回它所在的原句，方便比较各地情况、核对出处。",
    en: "The Mobilization Atlas collects Chinese local-government and party-media reports on how party organizations were mobilized during COVID-19, extracts the quantified facts in them (temporary party branches set up, cadres sent down to communities, donations, checkpoints …) and links every figure back to the sentence it was read from, so that regions can be compared and every number checked.",
  },
  sourcesHead: { zh: "来源", en: "Sources" },
  sources: {
    zh: "报道原文来自各地政府网站与报刊。每篇报道保存收到时的原始字节（以 SHA-256 标识）、来源媒体、发布日期和作者；报道页面并排显示原始文字与整理后的文字。",
    en: "The reports come from local-government websites and newspapers. Each is kept as the bytes received (identified by their SHA-256) with its outlet, date and authors; a report's page shows the text as received beside the cleaned text.",
  },
  methodHead: { zh: "方法", en: "Method" },
  method: {
    zh: "文本先修复乱码和编码错误、转换为简体并分句（保留与原文的位置对应），再识别数字、单位、约数（余、多、近、约）和所计对象。",
    en: "The text is repaired (mojibake, broken encodings), converted to simplified characters and split into sentences, keeping a map back to the original; then numbers, units, approximations (余, 多, 近, 约) and the thing counted are recognised.",
  },
  versionHead: { zh: "数据版本", en: "Dataset version" },
  extractor: { zh: "提取程序版本", en: "Extractor version" },
  reports: { zh: "报道数", en: "Reports" },
  regions: { zh: "地区数", en: "Regions" },
  facts: { zh: "数字数", en: "Figures" },
  span: { zh: "报道日期范围", en: "Reports dated" },
  lastIngest: { zh: "最近一次导入", en: "Last ingest" },
  licenceHead: { zh: "许可与下载", en: "Licence and download" },
  licence: {
    zh: "提取的数据（数字、对象、出处位置）以知识共享署名 4.0 国际许可协议（CC BY 4.0）发布：可自由使用、修改和再发布，但须注明“动员图谱 Mobilization Atlas”。报道原文的权利归原作者和媒体所有。",
    en: "The extracted data (figures, subjects, where they were said) is published under the Creative Commons Attribution 4.0 International licence (CC BY 4.0): use, change and share it freely, crediting “Mobilization Atlas 动员图谱”. The reports themselves remain their authors' and outlets'.",
  },
  download: {
    zh: "下载全部数据（ZIP：regions.csv、reports.csv、facts.csv 以及描述各列的 Frictionless datapackage.json）",
    en: "Download the whole dataset (ZIP: regions.csv, reports.csv, facts.csv and a Frictionless datapackage.json describing every column)",
  },
  citeHead: { zh: "引用", en: "Citing" },
  cite: {
    zh: "每个数字旁的“引用”按钮给出一条引用文字：数字、地区、报道标题、媒体、日期、直达该数字的网址和访问日期。",
    en: "The “Cite” button beside every figure gives a citation line: the figure, its region, the report's title, outlet and date, a URL that lands on the figure itself, and the date you accessed it.",
  },
} satisfies Record<string, Record<Lang, string>>;

export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const lang = parseLang(firstParam(await searchParams, "lang"));
  return { title: TEXT.title[lang] };
}

export default async function AboutPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const lang = parseLang(firstParam(await searchParams, "lang"));
  const version = await datasetVersion();
  const text = (key: keyof typeof TEXT) => TEXT[key][lang];
  const rows: [string, React.ReactNode][] = [
    [text("extractor"), version.extractorVersions.join(", ") || "—"],
    [text("reports"), formatNumber(version.reportCount, lang)],
    [text("regions"), formatNumber(version.regionCount, lang)],
    [text("facts"), formatNumber(version.factCount, lang)],
    [text("span"), `${formatDate(version.firstReport, lang)} – ${formatDate(version.lastReport, lang)}`],
    [text("lastIngest"), version.lastIngest ? `${formatDate(version.lastIngest, lang)} ${version.lastIngest.slice(11, 16)} UTC` : "—"],
  ];
  return (
    <>
      <SiteHeader lang={lang} path="/about" />
      <main id="main" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-6 leading-7">
        <h1 className="text-2xl font-semibold">{text("title")}</h1>
        <p className="mt-3">{text("what")}</p>
        <h2 className="mt-6 text-lg font-semibold">{text("sourcesHead")}</h2>
        <p className="mt-1">{text("sources")}</p>
        <h2 className="mt-6 text-lg font-semibold">{text("methodHead")}</h2>
        <p className="mt-1">{text("method")}</p>
        <p className="mt-2 text-sm text-stone-700">{HEADLINE_RULE[lang]}</p>
        <h2 className="mt-6 text-lg font-semibold">{text("versionHead")}</h2>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="dataset-version">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-stone-600">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <h2 className="mt-6 text-lg font-semibold">{text("licenceHead")}</h2>
        <p className="mt-1">{text("licence")} <a href={DATA_LICENCE.path} className="text-sky-800 underline" rel="license">{DATA_LICENCE.title}</a></p>
        <p className="mt-3">
          <a href="/api/dataset" download className="inline-block rounded bg-sky-800 px-3 py-2 text-white" data-testid="dataset-download">{t(lang, "dataset")}</a>
        </p>
        <p className="mt-1 text-sm text-stone-700">{text("download")}</p>
        <h2 className="mt-6 text-lg font-semibold">{text("citeHead")}</h2>
        <p className="mt-1">{text("cite")}</p>
        <p className="mt-6 text-sm"><a href={localHref("/", lang)} className="text-sky-800 underline">{t(lang, "backHome")}</a></p>
      </main>
    </>
  );
}
