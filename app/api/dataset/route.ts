// GET /api/dataset: the whole dataset (regions, reports, figures as CSV with a Frictionless datapackage.json) as a zip.
import { connection } from "next/server";
import { datasetZip } from "@/lib/dataset/package";
import { apiRoute, linkOrigin } from "@/lib/dashboard/responses";
import { dataset } from "@/lib/queries/dataset";

export const GET = apiRoute(async function GET(request: Request) {
  await connection();
  const data = await dataset();
  const body = datasetZip(data, linkOrigin(request));
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="mobilization-atlas-dataset.zip"`,
      "content-length": String(body.length),
    },
  });
});
