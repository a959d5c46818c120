// `npm run bench`: runs every benchmark section and prints Markdown for docs/benchmarks.md.
import { cpus, totalmem } from "node:os";
import { matcherBench } from "./matcher-bench.ts";

const sections = [matcherBench];

const machine = `${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
console.log(`Machine: ${machine}\n`);
for (const section of sections) {
  const { title, lines } = await section();
  console.log(`## ${title}\n\n${lines.join("\n")}\n`);
}
