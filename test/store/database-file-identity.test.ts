import { copyFileSync, mkdtempSync, renameSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BotError } from "../../src/core/bot-error.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";

const fresh = () => join(mkdtempSync(join(tmpdir(), "cpbot-identity-")), "cpbot.db");

async function errorOf(fn: () => Promise<unknown>): Promise<BotError | undefined> {
  try {
    await fn();
  } catch (error) {
    return error as BotError;
  }
  return undefined;
}

describe("the store refuses a database file deleted or replaced under it", () => {
  it("stops at once when the file is deleted, naming the file and what to do", async () => {
    const file = fresh();
    const store = openSqliteStore(file);
    await store.recordEvent({ type: "question", at: "2025-01-01T00:00:00.000Z", platform: "cli", text: "hi" });
    unlinkSync(file);
    const error = await errorOf(() => store.listEvents());
    expect(error).toBeInstanceOf(BotError);
    expect(error?.code).toBe("store_unavailable");
    expect(error?.message).toContain(`${file} was deleted while cpbot had it open`);
    expect((await errorOf(() => store.claimEvent("E1", "2025-01-01T00:00:00.000Z")))?.code).toBe("store_unavailable");
    await store.close();
  });

  it("stops when another file is put in its place (a restore over the running bot)", async () => {
    const file = fresh();
    const store = openSqliteStore(file);
    copyFileSync(file, `${file}.copy`);
    renameSync(`${file}.copy`, file);
    expect((await errorOf(() => store.getSession("k")))?.message).toContain("was replaced by another file");
    await store.close();
  });

  it("keeps working while the file is the one it opened, and :memory: has no file to check", async () => {
    const file = fresh();
    const store = openSqliteStore(file);
    expect(await store.claimEvent("E1", "2025-01-01T00:00:00.000Z")).toBe(true);
    await store.close();
    const memory = openSqliteStore(":memory:");
    expect(await memory.claimEvent("E1", "2025-01-01T00:00:00.000Z")).toBe(true);
    await memory.close();
  });
});
