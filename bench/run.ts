// `npm run bench`: runs the benchmark sections and prints Markdown for docs/benchmarks.md.
import { cpus, loadavg, totalmem } from "node:os";
import { consoleBench } from "./console-bench.ts";
import { loadBench } from "./load-bench.ts";
import { matcherBench } from "./matcher-bench.ts";
import { startupBench } from "./startup-bench.ts";
import { storeBench } from "./store-bench.ts";

// Arguments pick sections by name (`npm run bench -- startup`); `npm run bench:load` is "load", which
// takes a few minutes and is not part of the default run, nor is "store" (`npm run bench -- store`).
const all = { matcher: matcherBench, startup: startupBench, console: consoleBench, load: loadBench, store: storeBench };
const picked = process.argv.slice(2).filter((name): name is keyof typeof all => name in all);
const sections = picked.length > 0 ? picked.map((name) => all[name]) : [matcherBench, startupBench, consoleBench];

const machine = `${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
console.log(`Machine: ${machine}`);
// Other work on the machine slows every figure; the load average says how busy it was.
console.log(
  `Load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")}\n`,
);
for (const section of sections) {
  const { title, lines } = await section();
  console.log(`## ${title}\n\n${lines.join("\n")}\n`);
}
