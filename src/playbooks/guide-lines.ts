import { readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../core/paths.ts";

/** The guide text every playbook's `source:` line numbers refer to; kept in the repository beside the playbooks. */
export const defaultGuideFile = path.join(projectRoot, "guide", "chargepoint-cloud-dashboard-guide.txt");

/** The guide as lines, 1-based through `line(n)`, with the lines a `source:` value names. */
export interface GuideLines {
  count: number;
  line(n: number): string | undefined;
  /** The text of "775-782, 790", or the line numbers that do not exist in the guide. */
  resolve(source: string): { text: string; missing: number[] };
}

export function guideLines(text: string): GuideLines {
  const lines = text.split(/\r?\n/);
  return {
    count: lines.length,
    line: (n) => lines[n - 1],
    resolve(source) {
      const numbers = source.split(",").flatMap((part) => {
        const [from, to] = part.trim().split("-").map(Number) as [number, number | undefined];
        const end = to ?? from;
        return end >= from && end - from < 400 ? Array.from({ length: end - from + 1 }, (_, i) => from + i) : [from];
      });
      const missing = numbers.filter((n) => n < 1 || n > lines.length);
      const text = numbers
        .filter((n) => !missing.includes(n))
        .map((n) => lines[n - 1])
        .join("\n");
      return { text, missing };
    },
  };
}

export function readGuide(file: string = defaultGuideFile): GuideLines {
  return guideLines(readFileSync(file, "utf8"));
}
