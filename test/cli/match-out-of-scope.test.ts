import { describe, expect, it } from "vitest";
import { main } from "../../adapters/cli/main.ts";
import { fakeIO } from "./cli-io.ts";

async function match(text: string) {
  const { io, stdout } = fakeIO("");
  const status = await main(["match", text], io);
  return { status, out: stdout() };
}

describe("cpbot match on a question the guide does not cover", () => {
  it("says a high-scoring article was ruled out as out of scope, not by the threshold", async () => {
    const { status, out } = await match("release notes for firmware 4.6.0.79?");
    expect(status).toBe(0);
    expect(out).toMatch(/^No playbook matches \(out of scope; the closest playbook scored \d+%\)\./);
    expect(out).toContain("which the guide does not cover");
  });

  it("keeps the threshold wording when the best guess was weak", async () => {
    const { out } = await match("how do I upload a video ad");
    expect(out).toMatch(/^No playbook matches \(best guess \d+%, below the threshold\)\./);
  });
});
