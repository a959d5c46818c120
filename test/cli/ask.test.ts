import { describe, expect, it } from "vitest";
import { main } from "../../adapters/cli/main.ts";
import { fakeIO } from "./cli-io.ts";

async function ask(...args: string[]) {
  const { io, stdout, stderr } = fakeIO("");
  const status = await main(["ask", ...args], io);
  return { status, out: stdout(), err: stderr() };
}

describe("cpbot ask", () => {
  it('shows the Relay Stuck Closed playbook for "fault 303-RSC" as text', async () => {
    const { status, out } = await ask("fault 303-RSC");
    expect(status).toBe(0);
    expect(out).toMatch(/^Relay Stuck Closed \(303-RSC\)\n=+/);
    expect(out).toContain("because fault code 303-RSC");
    expect(out).toContain("[1] Start walkthrough");
  });

  it("prints the Slack Block Kit message JSON", async () => {
    const { status, out } = await ask("fault 303-RSC", "--format", "slack");
    expect(status).toBe(0);
    const message = JSON.parse(out) as { text: string; blocks: { type: string; text?: { text: string } }[] };
    expect(Object.keys(message).sort()).toEqual(["blocks", "text"]);
    expect(message.blocks[0]).toMatchObject({ type: "header", text: { text: "Relay Stuck Closed (303-RSC)" } });
    expect(message.blocks.some((b) => b.type === "actions")).toBe(true);
  });

  it("prints the Teams Adaptive Card JSON", async () => {
    const { status, out } = await ask("fault 303-RSC", "--format", "teams");
    expect(status).toBe(0);
    const card = JSON.parse(out) as { type: string; version: string; body: { text?: string }[] };
    expect(card.type).toBe("AdaptiveCard");
    expect(card.version).toBe("1.5");
    expect(card.body[0]?.text).toBe("Relay Stuck Closed (303-RSC)");
  });

  it("shows the no-match card for a question no playbook fits", async () => {
    const { status, out } = await ask("what's the weather");
    expect(status).toBe(0);
    expect(out).toContain("I have no playbook for that");
    expect(out).toContain("Escalate…");
  });

  it("validates a station message through the same path", async () => {
    const good = await ask("msg Closed today | Back at 8am");
    expect(good.status).toBe(0);
    expect(good.out).toContain("Station message: input looks good");
    const bad = await ask("msg This line is far too long for line one | ok");
    expect(bad.out).toContain("Station message: input needs fixing");
  });

  it("exits 1 on an error answer and 2 on a usage mistake", async () => {
    const unknown = await ask("fault 999-ZZ");
    expect(unknown.status).toBe(1);
    expect(unknown.out).toContain('Unknown fault code "999-ZZ"');
    expect((await ask()).status).toBe(2);
    const format = await ask("help", "--format", "xml");
    expect(format.status).toBe(2);
    expect(format.err).toContain("--format must be one of text, slack, teams");
  });
});
