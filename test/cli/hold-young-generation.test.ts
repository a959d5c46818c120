import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { holdYoungGeneration } from "../../adapters/cli/hold-young-generation.ts";

const moduleFile = path.resolve(import.meta.dirname, "../../adapters/cli/hold-young-generation.ts");

describe("holdYoungGeneration (cpbot serve's start-up)", () => {
  it("stops the young generation growing until released, then lets it grow to V8's maximum in one step, once", () => {
    const flags: string[] = [];
    const release = holdYoungGeneration([], "", (f) => flags.push(f));
    expect(flags).toEqual(["--semi-space-growth-factor=1"]);
    release();
    release();
    expect(flags).toEqual(["--semi-space-growth-factor=1", "--semi-space-growth-factor=16"]);
  });

  it("leaves the heap alone when the operator set semi-space flags (command line or NODE_OPTIONS)", () => {
    const flags: string[] = [];
    holdYoungGeneration(["--max-semi-space-size=8"], "", (f) => flags.push(f))();
    holdYoungGeneration([], "--max-old-space-size=512 --min_semi_space_size=2", (f) => flags.push(f))();
    expect(flags).toEqual([]);
  });

  it("never stops a start when V8 refuses the flag", () => {
    const release = holdYoungGeneration([], "", () => {
      throw new Error("flags are frozen");
    });
    expect(() => release()).not.toThrow();
  });

  it("works on this Node: V8 reads the factor after start-up, so the young generation stays small while held and grows after", () => {
    // Child processes, so each young generation starts at V8's initial size; one holds, one does not.
    // Objects that survive minor collections are what make V8 grow it.
    const script = `
      import v8 from "node:v8";
      import { holdYoungGeneration } from ${JSON.stringify(moduleFile)};
      const youngMiB = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size / 1048576;
      const survivors = [];
      const burst = () => { for (let i = 0; i < 600000; i++) survivors.push({ i, s: "x" + i }); };
      const release = process.env.HOLD === "1" ? holdYoungGeneration() : () => {};
      burst();
      const held = youngMiB();
      release();
      burst(); burst();
      console.log(JSON.stringify({ held, released: youngMiB() }));`;
    const run = (hold: boolean) =>
      JSON.parse(
        execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
          encoding: "utf8",
          env: { ...process.env, NODE_OPTIONS: "", HOLD: hold ? "1" : "0" },
        }),
      ) as { held: number; released: number };
    const [holding, free] = [run(true), run(false)];
    expect(holding.held).toBeLessThan(free.held);
    expect(holding.released).toBeGreaterThan(holding.held);
  }, 60_000);

  it("once released, request-like work (few survivors) grows the young generation to V8's maximum at once", () => {
    // Each "request" leaves a little behind for a while, as a server's turns do; the rest is garbage.
    // The flag is spelt in two: the hold stands aside when its process's arguments (this script) name one.
    const script = `
      import v8 from "node:v8";
      import { holdYoungGeneration } from ${JSON.stringify(moduleFile)};
      const youngMiB = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size / 1048576;
      const release = holdYoungGeneration();
      if (process.env.FACTOR) v8.setFlagsFromString("--semi-" + "space-growth-factor=" + process.env.FACTOR);
      else release();
      let kept = [];
      for (let i = 0; i < 800000; i++) {
        const o = { i, s: "request " + i, parts: [i, i + 1, i + 2] };
        if (i % 50 === 0) kept.push(o);
        if (kept.length > 500) kept = [];
      }
      console.log(JSON.stringify({ young: youngMiB() }));`;
    const run = (factor?: string) =>
      JSON.parse(
        execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
          encoding: "utf8",
          env: { ...process.env, NODE_OPTIONS: "", FACTOR: factor ?? "" },
        }),
      ) as { young: number };
    const released = run();
    const doubling = run("2");
    // Two semi-spaces of 16 MiB: V8's maximum on 64-bit Node 20.
    expect(released.young).toBe(32);
    expect(doubling.young).toBeLessThan(released.young);
  }, 60_000);
});
