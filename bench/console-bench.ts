import { gzipSync } from "node:zlib";
import { consolePlatform } from "../adapters/console/console-platform.ts";
import { startServer } from "../adapters/http/start-server.ts";

/**
 * Page weight of the web console: each page's HTML plus the script and stylesheet it loads, raw and
 * gzip-compressed (what a browser fetches with Accept-Encoding when a proxy compresses). Bytes are exact,
 * so unlike timings they need no baseline; each page is compared with its budget instead.
 */
const pages = [
  { path: "/console/", name: "Playground", budgetGzip: 80 * 1024 },
  { path: "/console/playbooks", name: "Playbooks", budgetGzip: 60 * 1024 },
  { path: "/console/analytics", name: "Analytics", budgetGzip: 100 * 1024 },
  { path: "/console/escalations", name: "Escalations", budgetGzip: 20 * 1024 },
];

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export async function consoleBench(): Promise<{ title: string; lines: string[] }> {
  const running = await startServer({
    env: { LOG_LEVEL: "silent" },
    cwd: process.cwd(),
    platforms: [consolePlatform()],
    port: 0,
    host: "127.0.0.1",
    databaseUrl: ":memory:",
  });
  const lines = [
    "| page | HTML | script + CSS | total | total gzip | budget (gzip) |",
    "|---|---:|---:|---:|---:|---:|",
  ];
  try {
    for (const page of pages) {
      const html = Buffer.from(await (await fetch(`${running.url}${page.path}`)).arrayBuffer());
      const assets = [...html.toString("utf8").matchAll(/(?:src|href)="(\/console\/assets\/[^"]+)"/g)].map((m) => m[1]);
      let assetBytes = 0;
      let gzip = gzipSync(html).length;
      for (const asset of assets) {
        const body = Buffer.from(await (await fetch(`${running.url}${asset}`)).arrayBuffer());
        assetBytes += body.length;
        gzip += gzipSync(body).length;
      }
      const within = gzip <= page.budgetGzip ? "within" : "OVER";
      lines.push(
        `| ${page.name} | ${kb(html.length)} | ${kb(assetBytes)} | ${kb(html.length + assetBytes)} | ${kb(gzip)} | ${kb(page.budgetGzip)} ${within} |`,
      );
    }
  } finally {
    await running.close();
  }
  lines.push(
    "",
    "The Adaptive Cards renderer (adaptivecards) is most of the playground's script and chart.js (only the controllers drawn) most of the analytics script.",
  );
  return { title: "Web console page weight", lines };
}
