import { describe, expect, it } from "vitest";
import { createLogger, redact, resolveLogFormat } from "../../src/core/logger.ts";

function capture(level: "debug" | "info" | "warn" | "error" | "silent" = "debug", moduleLevels = {}) {
  const lines: string[] = [];
  const log = createLogger({
    level,
    moduleLevels,
    write: (l) => lines.push(l),
    now: () => new Date("2025-03-04T09:00:00Z"),
  });
  return { log, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe("logger", () => {
  it("writes one JSON object per line with level, time and message", () => {
    const { log, parsed, lines } = capture();
    log.info("started", { port: 3978 });
    expect(parsed()).toEqual([{ time: "2025-03-04T09:00:00.000Z", level: "info", msg: "started", port: 3978 }]);
    expect(lines[0]).not.toContain("\n");
  });

  it("drops lines below the level", () => {
    const { log, lines } = capture("warn");
    log.debug("a");
    log.info("b");
    log.warn("c");
    expect(lines).toHaveLength(1);
    const silent = capture("silent");
    silent.log.error("x");
    expect(silent.lines).toHaveLength(0);
  });

  it("child loggers add their fields to every line and take their module's level from LOG_LEVELS", () => {
    const { log, parsed } = capture("info", { slack: "debug", http: "error" });
    log.child({ module: "slack" }).child({ eventId: "Ev1" }).debug("event in");
    log.child({ module: "http" }).warn("dropped: below http's level");
    log.child({ module: "engine" }).debug("dropped: below the default level");
    log.child({ module: "engine" }).info("kept");
    expect(parsed()).toEqual([
      expect.objectContaining({ level: "debug", module: "slack", eventId: "Ev1", msg: "event in" }),
      expect.objectContaining({ level: "info", module: "engine", msg: "kept" }),
    ]);
  });

  it("keeps an error's cause, with its message and code", () => {
    const { log, parsed } = capture();
    const cause = Object.assign(new Error("SQLITE_BUSY: database is locked"), { code: "SQLITE_BUSY" });
    log.error("could not save the session", { error: new Error("save failed", { cause }) });
    const error = parsed()[0]?.error as { message: string; cause: { message: string; code: string } };
    expect(error.message).toBe("save failed");
    expect(error.cause).toMatchObject({ message: "SQLITE_BUSY: database is locked", code: "SQLITE_BUSY" });
  });

  it("redacts Slack tokens, Bearer tokens and secret-named keys anywhere in the line, bindings included", () => {
    const { log, lines } = capture();
    log.child({ botToken: "xoxb-child-1" }).error("call failed with xoxb-1234-5678-abcdef", {
      headers: { Authorization: "Bearer abc.def.ghi", cookie: "session=abc123" },
      url: "https://x/?t=xapp-1-A1-999",
      nested: [{ MicrosoftAppPassword: "hunter2", clientSecret: "s3cr3t", botToken: "t", SLACK_SIGNING_SECRET: "sig" }],
      error: new Error("token xoxp-9-9-9 rejected", { cause: new Error("Bearer zzz.yyy.xxx") }),
    });
    const line = lines.join("\n");
    for (const secret of ["xoxb-child", "xoxb-1234", "abc.def.ghi", "abc123", "xapp-1-A1", "hunter2", "s3cr3t"]) {
      expect(line).not.toContain(secret);
    }
    for (const secret of ['sig"', "xoxp-9", "zzz.yyy"]) expect(line).not.toContain(secret);
    expect(line).toContain("[redacted]");
  });

  it("leaves ordinary values alone", () => {
    expect(redact({ station: "CPF-6", tokenCount: undefined, count: 3 })).toEqual({ station: "CPF-6", count: 3 });
  });

  it("logs pretty lines on a terminal only when asked or automatic, JSON otherwise", () => {
    expect(resolveLogFormat("json", true)).toBe("json");
    expect(resolveLogFormat("auto", false)).toBe("json");
    expect(resolveLogFormat("auto", true)).toBe("pretty");
    const lines: string[] = [];
    createLogger({ level: "info", format: "pretty", write: (l) => lines.push(l) }).info("hello", { port: 1 });
    expect(lines.join("\n")).toContain("hello");
    expect(() => JSON.parse(lines[0] ?? "")).toThrow();
  });
});
