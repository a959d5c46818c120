import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.ts";
import { BotError } from "../../src/core/bot-error.ts";

describe("loadConfig", () => {
  it("uses the defaults when nothing is set, and treats empty strings as unset", () => {
    expect(loadConfig({ PORT: "", LOG_LEVEL: " " })).toEqual({
      databaseUrl: "./data/cpbot.db",
      sqliteSynchronous: "full",
      port: 3978,
      lowConfidence: 0.6,
      logLevel: "info",
      moduleLevels: {},
      logFormat: "auto",
      shutdownGraceMs: 10_000,
      outboxLeaseMs: 30_000,
      outboxGiveUpMs: 900_000,
      outboxMarkGatherMs: 5,
      responders: [],
      rateLimitPerMinute: 30,
    });
  });

  it("reads every setting", () => {
    expect(
      loadConfig({
        DATABASE_URL: "sqlite:/var/lib/cpbot.db",
        PORT: "8080",
        CPBOT_ESCALATION_DESTINATION: "C0123ABCD",
        CPBOT_LOW_CONFIDENCE: "0.45",
        LOG_LEVEL: "debug",
        LOG_LEVELS: "slack=debug, http=warn",
        LOG_FORMAT: "json",
        SHUTDOWN_GRACE_MS: "2000",
        METRICS_TOKEN: "0123456789abcdef0123",
        ESCALATION_RESPONDERS: "U0123ABCD, 29:1xyz",
        RATE_LIMIT_PER_MINUTE: "0",
        RETAIN_QUESTIONS_DAYS: "90",
        ESCALATION_REMIND_AFTER: "30m",
        OUTBOX_LEASE_MS: "5000",
        OUTBOX_GIVE_UP_MS: "60000",
        OUTBOX_MARK_GATHER_MS: "20",
        SQLITE_SYNCHRONOUS: "Normal",
      }),
    ).toEqual({
      databaseUrl: "sqlite:/var/lib/cpbot.db",
      sqliteSynchronous: "normal",
      port: 8080,
      escalationDestination: "C0123ABCD",
      lowConfidence: 0.45,
      logLevel: "debug",
      moduleLevels: { slack: "debug", http: "warn" },
      logFormat: "json",
      shutdownGraceMs: 2000,
      outboxLeaseMs: 5000,
      outboxGiveUpMs: 60_000,
      outboxMarkGatherMs: 20,
      metricsToken: "0123456789abcdef0123",
      responders: ["U0123ABCD", "29:1xyz"],
      remindAfterMs: 1_800_000,
      rateLimitPerMinute: 0,
      retainQuestionsDays: 90,
    });
  });

  it("lists every problem at once, with the value given and what is accepted", () => {
    let error: unknown;
    try {
      loadConfig({ PORT: "http", CPBOT_LOW_CONFIDENCE: "1.5", LOG_LEVEL: "loud" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BotError);
    const e = error as BotError;
    expect(e.code).toBe("config_invalid");
    expect(e.message).toContain("3 problems");
    expect(e.message).toContain('PORT = "http": PORT must be a whole number from 1 to 65535');
    expect(e.message).toContain('CPBOT_LOW_CONFIDENCE = "1.5"');
    expect(e.message).toContain("LOG_LEVEL must be one of debug, info, warn, error, silent");
  });

  it("refuses a SQLite synchronous mode other than full or normal, saying what each means", () => {
    expect(() => loadConfig({ SQLITE_SYNCHRONOUS: "off" })).toThrow(
      /SQLITE_SYNCHRONOUS = "off": SQLITE_SYNCHRONOUS must be full \(every commit synced to disk/,
    );
  });

  it("refuses an outbox lease too short to deliver in, saying what is accepted", () => {
    expect(() => loadConfig({ OUTBOX_LEASE_MS: "10" })).toThrow(/OUTBOX_LEASE_MS must be at least 1000/);
    expect(() => loadConfig({ OUTBOX_GIVE_UP_MS: "soon" })).toThrow(/OUTBOX_GIVE_UP_MS must be a whole number/);
    expect(() => loadConfig({ OUTBOX_MARK_GATHER_MS: "-1" })).toThrow(/OUTBOX_MARK_GATHER_MS must be 0 or more/);
  });

  it("takes a CONSOLE_TOKEN of 16+ safe characters, and rejects a short one without repeating its value", () => {
    expect(loadConfig({ CONSOLE_TOKEN: "abcdef0123456789abcd" }).consoleToken).toBe("abcdef0123456789abcd");
    expect(loadConfig({}).consoleToken).toBeUndefined();
    let message = "";
    try {
      loadConfig({ CONSOLE_TOKEN: "s3cret!" });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain("- CONSOLE_TOKEN: CONSOLE_TOKEN must be at least 16 letters");
    expect(message).not.toContain("s3cret!");
  });

  it("refuses a retention period that is not a whole number of days of 1 or more", () => {
    expect(() => loadConfig({ RETAIN_QUESTIONS_DAYS: "0" })).toThrow(/RETAIN_QUESTIONS_DAYS must be 1 or more days/);
    expect(() => loadConfig({ RETAIN_QUESTIONS_DAYS: "2.5" })).toThrow(/RETAIN_QUESTIONS_DAYS must be a whole number/);
    expect(() => loadConfig({ RETAIN_QUESTIONS_DAYS: "a month" })).toThrow(/RETAIN_QUESTIONS_DAYS must be a whole/);
  });

  it("explains a bad LOG_LEVELS pair", () => {
    expect(() => loadConfig({ LOG_LEVELS: "slack=loud" })).toThrow(
      /LOG_LEVELS = "slack=loud": LOG_LEVELS must be module=level pairs/,
    );
  });

  it("reads ESCALATION_REMIND_AFTER as 90s, 30m or 2h, off when unset, and refuses anything else clearly", () => {
    expect(loadConfig({ ESCALATION_REMIND_AFTER: "90s" }).remindAfterMs).toBe(90_000);
    expect(loadConfig({ ESCALATION_REMIND_AFTER: "2h" }).remindAfterMs).toBe(7_200_000);
    expect(loadConfig({ ESCALATION_REMIND_AFTER: "45 min" }).remindAfterMs).toBe(2_700_000);
    expect(loadConfig({}).remindAfterMs).toBeUndefined();
    for (const bad of ["30", "half an hour", "5s", "1.5h", "-30m", "200h"]) {
      expect(() => loadConfig({ ESCALATION_REMIND_AFTER: bad })).toThrow(
        new RegExp(
          `ESCALATION_REMIND_AFTER = "${bad.replace(/[.]/g, "\\.")}": ESCALATION_REMIND_AFTER must be a duration such as 90s, 30m or 2h`,
        ),
      );
    }
  });

  it("refuses a responder list with spaces inside an id or empty entries, and a negative rate limit", () => {
    expect(() => loadConfig({ ESCALATION_RESPONDERS: "U1,,U2" })).toThrow(/ESCALATION_RESPONDERS must be user ids/);
    expect(() => loadConfig({ ESCALATION_RESPONDERS: "U1 U2" })).toThrow(/ESCALATION_RESPONDERS must be user ids/);
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: "-1" })).toThrow(
      /RATE_LIMIT_PER_MINUTE must be 0 \(off\) or more/,
    );
  });
});
