// The whole dataset as a Frictionless Data Package (https://specs.frictionlessdata.io/data-package/): three CSV
// files (regions, reports, facts) and datapackage.json describing every column, zipped. Pure: rows in, bytes out.
import { toCsv } from "../dashboard/csv";
import type { DatasetRows } from "../queries/dataset";
import { figureHref } from "../charts/spec";
import { zip } from "./zip";

export const DATA_LICENCE = { name: "CC-BY-4.0", title: "Creative Commons Attribution 4.0", path: "https://creativecommons.org/licenses/by/4.0/" } as const;

type FieldType = "integer" | "number" | "string" | "boolean" | "date" | "datetime";
interface Field {
  name: string;
  type: FieldType;
  description: string;
  constraints?: { required?: boolean; unique?: boolean; enum?: string[] };
}

const REGION_FIELDS: Field[] = [
  { name: "id", type: "integer", description: "Region id (stable within one dataset version)", constraints: { required: true, unique: true } },
  { name: "slug", type: "string", description: "URL name of the region (/regions/<slug>), from its pinyin", constraints: { required: true, unique: true } },
  { name: "name", type: "string", description: "Chinese name, e.g. 镇安县" },
  { name: "name_en", type: "string", description: "Pinyin name, e.g. Zhen'an County" },
  { name: "province", type: "string", description: "Province-level division (Chinese)" },
  { name: "level", type: "string", description: "Administrative level" },
];

const REPORT_FIELDS: Field[] = [
  { name: "id", type: "integer", description: "Report id", constraints: { required: true, unique: true } },
  { name: "region_id", type: "integer", description: "The region the report is about (regions.id)" },
  { name: "title", type: "string", description: "Headline of the report as published" },
  { name: "outlet", type: "string", description: "Publishing outlet (newspaper, government portal)" },
  { name: "published_at", type: "date", description: "Publication date" },
  { name: "authors", type: "string", description: "Authors, separated by 、" },
  { name: "sha256", type: "string", description: "SHA-256 of the report's bytes as received", constraints: { unique: true } },
  { name: "encoding", type: "string", description: "Character encoding the bytes were decoded from" },
  { name: "extractor_version", type: "string", description: "Version of the extractor that produced the report's figures" },
  { name: "ingested_at", type: "datetime", description: "When the report was ingested" },
];

const FACT_FIELDS: Field[] = [
  { name: "id", type: "integer", description: "Figure id; the page anchor #f-<id> on /reports/<report_id>", constraints: { required: true, unique: true } },
  { name: "report_id", type: "integer", description: "Report the figure was read from (reports.id)" },
  { name: "region_id", type: "integer", description: "Region of that report (regions.id)" },
  { name: "sentence_index", type: "integer", description: "Index of the source sentence in the report (#s-<n>)" },
  { name: "metric", type: "string", description: "What the figure measures", constraints: { enum: ["branches", "teams", "volunteers", "funds", "checkpoints", "supplies", "grids", "other"] } },
  { name: "subject", type: "string", description: "What is counted, as written in the report (Chinese)" },
  { name: "scope", type: "string", description: "Sub-region the figure is limited to; empty for region-wide figures" },
  { name: "value", type: "number", description: "The value in base units: people, items, yuan (万 and 亿 multiplied out)" },
  { name: "unit", type: "string", description: "Classifier or unit after the number (名, 个, 元 …)" },
  { name: "approximation", type: "string", description: "exact, at_least (余/多/以上), about (约/左右) or nearly (近/将近)", constraints: { enum: ["exact", "at_least", "about", "nearly"] } },
  { name: "restates", type: "boolean", description: "true when the figure repeats one given earlier in the same report" },
  { name: "figure", type: "string", description: "The figure as written in the clean (simplified) text, e.g. 5000多名" },
  { name: "start", type: "integer", description: "Character offset of the figure in the report's clean text" },
  { name: "end", type: "integer", description: "End offset (exclusive)" },
  { name: "quote", type: "string", description: "The source sentence (clean, simplified text)" },
  { name: "url", type: "string", description: "Page that shows the figure inside its sentence" },
];

function csv(fields: readonly Field[], rows: readonly (readonly (string | number | null)[])[]): string {
  return toCsv(fields.map((field) => field.name), rows).slice(1); // no BOM: the package declares utf-8
}

function resource(name: string, title: string, fields: Field[], extra: object = {}) {
  return {
    name,
    path: `${name}.csv`,
    title,
    profile: "tabular-data-resource",
    format: "csv",
    mediatype: "text/csv",
    encoding: "utf-8",
    dialect: { delimiter: ",", lineTerminator: "\r\n", quoteChar: '"', doubleQuote: true, header: true },
    schema: { fields, primaryKey: "id", missingValues: [""], ...extra },
  };
}

/** The files of the package: regions.csv, reports.csv, facts.csv and datapackage.json. */
export function datasetFiles(data: DatasetRows, origin: string): { name: string; data: string }[] {
  const { version } = data;
  const descriptor = {
    profile: "tabular-data-package",
    name: "mobilization-atlas",
    title: "Mobilization Atlas 动员图谱: figures of party mobilization against COVID-19 in Chinese local-government reports",
    description:
      "Quantified figures (party branches, people mobilized, funds, checkpoints …) read from Chinese local-government " +
      "reports, each with its value, unit, approximation, subject and the sentence it comes from.",
    homepage: `${origin}/about`,
    version: `${version.extractorVersions.join("+") || "none"}-${version.reportCount}r-${version.lastIngest?.slice(0, 10) ?? "empty"}`,
    created: version.lastIngest ?? new Date(0).toISOString(),
    licenses: [DATA_LICENCE],
    sources: [{ title: "Local-government and party news reports (each report's outlet and date are in reports.csv)" }],
    extractorVersions: version.extractorVersions,
    resources: [
      resource("regions", "Regions", REGION_FIELDS),
      resource("reports", "Reports", REPORT_FIELDS, { foreignKeys: [{ fields: "region_id", reference: { resource: "regions", fields: "id" } }] }),
      resource("facts", "Figures", FACT_FIELDS, {
        foreignKeys: [
          { fields: "report_id", reference: { resource: "reports", fields: "id" } },
          { fields: "region_id", reference: { resource: "regions", fields: "id" } },
        ],
      }),
    ],
  };
  return [
    { name: "datapackage.json", data: `${JSON.stringify(descriptor, null, 2)}\n` },
    { name: "regions.csv", data: csv(REGION_FIELDS, data.regions.map((r) => [r.id, r.slug, r.name, r.nameEn, r.province, r.level])) },
    {
      name: "reports.csv",
      data: csv(REPORT_FIELDS, data.reports.map((r) => [r.id, r.regionId, r.title, r.outlet, r.publishedAt, r.authors.join("、"), r.sha256, r.encoding, r.extractorVersion, r.ingestedAt])),
    },
    {
      name: "facts.csv",
      data: csv(FACT_FIELDS, data.facts.map((f) => [
        f.id, f.reportId, f.regionId, f.sentenceIndex, f.metric, f.subject, f.scope, f.value, f.unit, f.approx, f.restates ? "true" : "false",
        f.figure, f.start, f.end, f.quote, `${origin}${figureHref(f.reportId, f.id)}`,
      ])),
    },
  ];
}

export function datasetZip(data: DatasetRows, origin: string): Buffer {
  return zip(datasetFiles(data, origin), data.version.lastIngest ? new Date(data.version.lastIngest) : new Date());
}
