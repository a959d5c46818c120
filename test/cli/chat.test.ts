import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../adapters/cli/main.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";
import { fakeIO } from "./cli-io.ts";

describe("cpbot chat (piped input through the real terminal adapter)", () => {
  it("answers a question, presses a numbered button, and quits with status 0", async () => {
    const { io, stdout } = fakeIO("station screen says access denied\n1\nquit\nhelp\n");
    expect(await main(["chat"], io)).toBe(0);
    const out = stdout();
    expect(out).toContain("Access Denied");
    expect(out).toContain("[1] Start walkthrough");
    expect(out).toMatch(/Step 1 of \d+/);
    // Nothing after quit is read.
    expect(out).not.toContain("cpbot help");
  });

  it("exits 0 at end of input, takes /cp words with or without the prefix, and stores the escalation", async () => {
    const { io, stdout } = fakeIO("/cp fault 303-RSC\n1\n1\nescalate station CPF-6 still faulted\n1\n");
    expect(await main(["chat", "--user", "Ann"], io)).toBe(0);
    const out = stdout();
    expect(out).toContain("Relay Stuck Closed (303-RSC)");
    expect(out).toContain("── updated in this thread ──");
    expect(out).toContain("── posted in #escalations ──");
    expect(out).toContain("Escalated to Support: ESC-0001");
    // The newest card is the requester's notice, so "1" presses its Cancel escalation.
    expect(out).toContain("[1] Cancel escalation");
    const store = openSqliteStore(io.env.DATABASE_URL);
    expect((await store.listEscalations()).map((e) => [e.id, e.note])).toEqual([
      ["ESC-0001", "station CPF-6 still faulted"],
    ]);
    await store.close();
  });

  it("continues the walkthrough after a restart, from the same database", async () => {
    const first = fakeIO("relay stuck closed\n1\n1\n");
    expect(await main(["chat"], first.io)).toBe(0);
    const again = fakeIO("done\n", { DATABASE_URL: first.io.env.DATABASE_URL });
    expect(await main(["chat"], again.io)).toBe(0);
    expect(again.stdout()).toMatch(/Step 3 of \d+/);
  });

  it("says so when a number has no button", async () => {
    const { io, stdout } = fakeIO("7\nhelp\n9\n");
    expect(await main(["chat"], io)).toBe(0);
    expect(stdout()).toContain("There are no buttons to press yet.");
  });

  it("stops with the report and status 1 when the database cannot be used", async () => {
    // A directory where the database file should be.
    const { io, stderr } = fakeIO("help\n", { DATABASE_URL: mkdtempSync(join(tmpdir(), "cpbot-dir-")) });
    expect(await main(["chat"], io)).toBe(1);
    expect(stderr()).toContain("cannot start");
    expect(stderr()).toContain("which is a directory");
  });

  it("stops with the full lint report and status 1 when a playbook is broken", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cpbot-playbooks-"));
    writeFileSync(join(dir, "broken.yaml"), "id: broken\nversion: one\n");
    const { io, stderr } = fakeIO("help\n");
    expect(await main(["chat", "--playbooks", dir], io)).toBe(1);
    expect(stderr()).toContain("The playbooks have problems");
    expect(stderr()).toContain("broken.yaml");
  });
});
