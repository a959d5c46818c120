import { readFileSync } from "node:fs";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame lives, short: the project's own path, or the package it comes from. */
function place(url: string): string {
  if (!url) return "(native)";
  const at = url.lastIndexOf("node_modules/");
  if (at >= 0) return url.slice(at + "node_modules/".length);
  const dist = url.indexOf("/dist/");
  return dist >= 0 ? url.slice(dist + 1) : url.replace(/^file:\/\//, "");
}

/**
 * Reads a `node --cpu-prof` profile and prints the frames with the most self time, and the same grouped
 * by file (package or project file), as percentages of the busy (non-idle) samples. Used to see where a
 * `bench:load` run spends its time: `node --import tsx bench/cpu-profile-top.ts FILE.cpuprofile [N] [fn,fn…]`.
 */
export function cpuProfileTop(file: string, limit = 25, inclusive: string[] = []): string[] {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const frames = new Map<string, number>();
  const files = new Map<string, number>();
  let busy = 0;
  for (const [id, micros] of self) {
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName === "(idle)" || frame.functionName === "(program)") continue;
    busy += micros;
    const where = place(frame.url);
    const name = `${frame.functionName || "(anonymous)"} ${where}:${frame.lineNumber + 1}`;
    frames.set(name, (frames.get(name) ?? 0) + micros);
    // Packages as a whole (node_modules/<name>), the project's files one by one.
    const group = frame.url.includes("node_modules/") ? where.replace(/^(@[^/]+\/[^/]+|[^/]+)\/.*$/, "$1") : where;
    files.set(group, (files.get(group) ?? 0) + micros);
  }
  // Inclusive time of named functions: samples with such a frame anywhere on their stack, counted once.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const within = new Map<string, number>(inclusive.map((name) => [name, 0]));
  for (const [id, micros] of self) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at)?.callFrame.functionName ?? "";
      if (within.has(name) && !seen.has(name)) {
        seen.add(name);
        within.set(name, (within.get(name) ?? 0) + micros);
      }
    }
  }
  const pct = (micros: number) => `${((100 * micros) / Math.max(1, busy)).toFixed(1)}%`;
  const top = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, micros]) => `${pct(micros).padStart(6)}  ${name}`);
  return [
    `${path.basename(file)}: ${(busy / 1e6).toFixed(2)} s busy`,
    "self time by frame:",
    ...top(frames),
    "self time by package or file:",
    ...top(files),
    ...(inclusive.length > 0 ? ["inclusive time of named functions:", ...top(within)] : []),
  ];
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const [file, n, names] = process.argv.slice(2);
  if (!file) throw new Error("usage: bench/cpu-profile-top.ts FILE.cpuprofile [N] [function,function…]");
  console.log(cpuProfileTop(file, n ? Number(n) : 25, names ? names.split(",") : []).join("\n"));
}
