import { describe, expect, it } from "vitest";
import { BotError } from "../../src/core/bot-error.ts";
import { parseDatabaseUrl } from "../../src/store/parse-database-url.ts";

const cwd = "/srv/cpbot";

describe("parseDatabaseUrl", () => {
  it.each([
    [undefined, "/srv/cpbot/data/cpbot.db"],
    ["", "/srv/cpbot/data/cpbot.db"],
    ["  ", "/srv/cpbot/data/cpbot.db"],
    ["./data/cpbot.db", "/srv/cpbot/data/cpbot.db"],
    ["state/bot.db", "/srv/cpbot/state/bot.db"],
    ["/var/lib/cpbot/cpbot.db", "/var/lib/cpbot/cpbot.db"],
    ["file:./x.db", "/srv/cpbot/x.db"],
    ["file:///abs/path.db", "/abs/path.db"],
    ["sqlite:./x.db", "/srv/cpbot/x.db"],
    ["sqlite:x.db", "/srv/cpbot/x.db"],
    ["sqlite:///abs/path.db", "/abs/path.db"],
    ["SQLITE:///abs/path.db", "/abs/path.db"],
    ["sqlite://./rel.db", "/srv/cpbot/rel.db"],
    ["sqlite:///abs/with%20space.db", "/abs/with space.db"],
  ])("%j → %s", (url, path) => {
    expect(parseDatabaseUrl(url, cwd)).toEqual({ kind: "file", path });
  });

  it.each([":memory:", "sqlite::memory:", "file::memory:"])("%s is in memory", (url) => {
    expect(parseDatabaseUrl(url, cwd)).toEqual({ kind: "memory" });
  });

  it.each([
    ["postgres://u@db/cpbot", /uses "postgres:".*no Store/],
    ["mysql://db/cpbot", /uses "mysql:"/],
    ["sqlite:./x.db?mode=ro", /query parameters/],
    ["sqlite://", /names no file/],
  ])("rejects %s with a message that says what to do", (url, message) => {
    let error: unknown;
    try {
      parseDatabaseUrl(url, cwd);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BotError);
    expect((error as BotError).code).toBe("config_invalid");
    expect((error as BotError).message).toMatch(message);
  });
});
