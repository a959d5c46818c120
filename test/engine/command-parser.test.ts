import { describe, expect, it } from "vitest";
import { BotError } from "../../src/core/bot-error.ts";
import { type CommandContext, parseCommand, unknownCommandError } from "../../src/engine/command-parser.ts";

const ctx: CommandContext = {
  playbookIds: ["relay-stuck-closed", "station-unreachable", "access-control"],
  faultCodes: [
    { code: "303-RSC", playbook: "relay-stuck-closed", aliases: ["RSC"] },
    { code: "202-EF", playbook: "earth-ground-fault" },
  ],
  toolWords: [
    { word: "msg", usage: "msg <line 1> | <line 2>", summary: "check a station message" },
    { word: "rsrp", usage: "rsrp <dBm>", summary: "read a signal strength" },
  ],
};

function error(text: string): BotError {
  try {
    parseCommand(text, ctx);
  } catch (e) {
    if (e instanceof BotError) return e;
    throw e;
  }
  throw new Error(`expected "${text}" to be refused`);
}

describe("parseCommand", () => {
  it("reads every subcommand, with or without /cp and in any case", () => {
    expect(parseCommand("help", ctx).command).toEqual({ kind: "help" });
    expect(parseCommand("/cp HELP", ctx).command).toEqual({ kind: "help" });
    expect(parseCommand("", ctx).command).toEqual({ kind: "help" });
    expect(parseCommand("list", ctx).command).toEqual({ kind: "list" });
    expect(parseCommand("list diagnose", ctx).command).toEqual({ kind: "list", section: "Diagnose" });
    expect(parseCommand("fault 303-RSC", ctx).command).toEqual({
      kind: "fault",
      code: "303-RSC",
      playbook: "relay-stuck-closed",
    });
    expect(parseCommand("fault 303 rsc", ctx).command).toMatchObject({ code: "303-RSC" });
    expect(parseCommand("fault rsc", ctx).command).toMatchObject({ playbook: "relay-stuck-closed" });
    expect(parseCommand("open Relay-Stuck-Closed", ctx).command).toEqual({
      kind: "open",
      playbook: "relay-stuck-closed",
    });
    expect(parseCommand("msg Closed today | Back at 8am", ctx).command).toEqual({
      kind: "tool",
      word: "msg",
      args: "Closed today | Back at 8am",
      text: "msg Closed today | Back at 8am",
    });
    expect(parseCommand("rsrp", ctx).command).toEqual({ kind: "tool", word: "rsrp", args: "", text: "rsrp" });
    expect(parseCommand("escalate", ctx).command).toEqual({ kind: "escalate" });
    expect(parseCommand("escalate  station still down ", ctx).command).toEqual({
      kind: "escalate",
      note: "station still down",
    });
    expect(parseCommand("escalations", ctx).command).toEqual({ kind: "escalations", all: false });
    expect(parseCommand("escalations all", ctx).command).toEqual({ kind: "escalations", all: true });
    expect(parseCommand("stats", ctx).command).toEqual({ kind: "stats" });
    expect(parseCommand("stats since 2025-01-31", ctx).command).toEqual({ kind: "stats", since: "2025-01-31" });
  });

  it("treats anything else as a question", () => {
    expect(parseCommand("station screen says access denied", ctx).command).toEqual({
      kind: "question",
      text: "station screen says access denied",
    });
  });

  it("share makes the answer visible to the channel", () => {
    expect(parseCommand("share fault 303-RSC", ctx)).toEqual({
      command: { kind: "fault", code: "303-RSC", playbook: "relay-stuck-closed" },
      visibility: "in_channel",
    });
    expect(parseCommand("fault 303-RSC", ctx).visibility).toBe("ephemeral");
  });

  it("flags a first word that looks like a mistyped subcommand", () => {
    expect(parseCommand("hlep", ctx).command).toEqual({ kind: "question", text: "hlep", nearCommand: "help" });
    expect(parseCommand("escalatoins", ctx).command).toMatchObject({ nearCommand: "escalations" });
    expect(unknownCommandError("hlep", "help", ctx).message).toMatch(
      /Unknown subcommand "hlep". Did you mean "help"\?.*fault.*msg/,
    );
  });

  it("reads the code when people add context after it", () => {
    const rsc = { kind: "fault", code: "303-RSC", playbook: "relay-stuck-closed" };
    expect(parseCommand("fault 303-RSC", ctx).command).toEqual(rsc);
    // The words after the code travel with it, for the engine to read a station from ("on CPF-6").
    expect(parseCommand("fault 303-RSC on CPF-6", ctx).command).toEqual({ ...rsc, rest: "on CPF-6" });
    expect(parseCommand("fault 303 rsc since Monday", ctx).command).toEqual({ ...rsc, rest: "since Monday" });
    expect(parseCommand("fault 303-RSC CPF-6", ctx).command).toEqual({ ...rsc, rest: "CPF-6" });
    expect(error("fault 999-XX on CPF-6").message).toContain('"999-XX on CPF-6"');
  });

  it("names the known codes for an unknown fault code", () => {
    const e = error("fault 999-XX");
    expect(e.code).toBe("unknown_fault_code");
    expect(e.message).toContain('"999-XX"');
    expect(e.message).toContain("303-RSC, 202-EF");
  });

  it("suggests and lists ids for an unknown playbook id", () => {
    const e = error("open relay-stuck-clsoed");
    expect(e.code).toBe("unknown_playbook");
    expect(e.message).toContain('Did you mean "relay-stuck-closed"');
    expect(e.message).toContain("access-control");
  });

  it("says what a subcommand needs when its argument is missing", () => {
    expect(error("fault").message).toMatch(/"fault" needs an argument.*303-RSC/);
    expect(error("open").message).toMatch(/"open" needs an argument.*open relay-stuck-closed/);
    expect(error("share").code).toBe("invalid_input");
  });

  it("refuses arguments a subcommand does not take", () => {
    expect(error("stats yesterday").message).toMatch(/stats since YYYY-MM-DD/);
    expect(error("list everything").message).toMatch(/list configure or list diagnose/);
    expect(error("escalations mine").message).toMatch(/escalations all/);
  });
});

describe("fault code lookup", () => {
  it("gives a form two codes share to the first in the list, and reads a reloaded list afresh", () => {
    const shared: CommandContext = {
      ...ctx,
      faultCodes: [
        { code: "303-RSC", playbook: "relay-stuck-closed", aliases: ["STUCK"] },
        { code: "304-STUCK", playbook: "other", aliases: ["STUCK", "303 RSC"] },
      ],
    };
    expect(parseCommand("fault stuck", shared).command).toMatchObject({ code: "303-RSC" });
    expect(parseCommand("fault 304 stuck", shared).command).toMatchObject({ code: "304-STUCK" });
    expect(parseCommand("fault 303rsc", shared).command).toMatchObject({ code: "303-RSC" });
    // A reload builds a new list: a code it adds is known at once, one it drops is not.
    const reloaded: CommandContext = { ...ctx, faultCodes: [{ code: "505-NEW", playbook: "new-one" }] };
    expect(parseCommand("fault 505-new", reloaded).command).toMatchObject({ playbook: "new-one" });
    expect(error("fault 505-NEW").code).toBe("unknown_fault_code");
  });
});
