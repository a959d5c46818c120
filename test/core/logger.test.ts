import { describe, expect, it } from "vitest";
import { createLogger, redact } from "../../src/core/logger.ts";

function capture(level: "debug" | "info" | "warn" | "error" | "silent" = "debug") {
  const lines: string[] = [];
  const log = createLogger({ level, write: (l) => lines.push(l), now: () => new Date("2025-03-04T09:00:00Z") });
  return { log, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe("logger", () => {
  it("writes one JSON object per line with time, level and message", () => {
    const { log, parsed } = capture();
    log.info("started", { port: 3978 });
    expect(parsed()).toEqual([{ time: "2025-03-04T09:00:00.000Z", level: "info", msg: "started", port: 3978 }]);
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

  it("redacts Slack tokens, Bearer tokens and secret-named keys anywhere in the line", () => {
    const { log, lines } = capture();
    log.error("call failed with xoxb-1234-5678-abcdef", {
      headers: { Authorization: "Bearer abc.def.ghi" },
      url: "https://x/?t=xapp-1-A1-999",
      nested: [{ MicrosoftAppPassword: "hunter2", clientSecret: "s3cr3t", botToken: "t" }],
      error: new Error("token xoxp-9-9-9 rejected"),
    });
    const line = lines.join("\n");
    for (const secret of ["xoxb-1234", "abc.def.ghi", "xapp-1-A1", "hunter2", "s3cr3t", "xoxp-9"]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain("[redacted]");
  });

  it("leaves ordinary values alone", () => {
    expect(redact({ station: "CPF-6", tokenCount: undefined, count: 3 })).toEqual({ station: "CPF-6", count: 3 });
  });
});
