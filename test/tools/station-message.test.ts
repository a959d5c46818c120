import { describe, expect, it } from "vitest";
import { checkStationMessage, stationMessageTool } from "../../src/tools/station-message.ts";

const valid = { name: "Holiday closure", line1: "Closed today", line2: "Back at 8am" };
const check = (fields: Partial<typeof valid>) => checkStationMessage({ ...valid, ...fields });
const codes = (r: ReturnType<typeof check>) => r.errors.map((e) => `${e.field}:${e.code}`);

describe("station message: the guide's limits", () => {
  it("accepts a valid message and previews both lines as the station shows them", () => {
    const r = check({});
    expect(r.verdict).toBe("ok");
    expect(r.playbook).toBe("station-messages");
    expect(r.data).toEqual({ name: "Holiday closure", line1: "Closed today", line2: "Back at 8am" });
    expect(r.figures).toContainEqual({ label: "Line 1 (12/15)", value: "Closed today" });
    expect(r.figures).toContainEqual({ label: "Line 2 (11/64)", value: "Back at 8am" });
    expect(r.explanation.join(" ")).toMatch(/Unicode code points/);
  });

  it("accepts line 1 of exactly 15 characters and rejects 16, naming the length, the excess and the limit", () => {
    expect(check({ line1: "A".repeat(15) }).verdict).toBe("ok");
    const r = check({ line1: "Closed for today" });
    expect(r.verdict).toBe("invalid");
    expect(codes(r)).toEqual(["line1:too_long"]);
    expect(r.errors[0]!.message).toBe(
      'Line 1 is 16 characters, 1 over the limit of 15: shorten it to 15 or fewer ("y" from position 16 does not fit)',
    );
  });

  it("accepts line 2 of exactly 64 characters and rejects 65", () => {
    expect(check({ line2: "b".repeat(64) }).verdict).toBe("ok");
    const r = check({ line2: "b".repeat(65) });
    expect(codes(r)).toEqual(["line2:too_long"]);
    expect(r.errors[0]!.message).toMatch(/^Line 2 is 65 characters, 1 over the limit of 64/);
  });

  it.each(["/", "~", '"', "<", ">", "|"])("rejects %s alone, with its position, on either line", (ch) => {
    const r = check({ line1: `Open${ch}now`, line2: `${ch}` });
    expect(codes(r)).toEqual(["line1:forbidden_character", "line2:forbidden_character"]);
    expect(r.errors[0]!.message).toContain(`forbidden character ${ch} at position 5`);
    expect(r.errors[0]!.message).toContain('cannot contain / ~ " < > |');
    expect(r.errors[1]!.message).toContain("at position 1");
  });

  it("lists every position of a repeated forbidden character in one error", () => {
    const r = check({ line2: "a/b/c" });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toContain("at positions 2, 4");
  });

  it("reports every problem of a line at once: forbidden characters and length", () => {
    const r = check({ line1: "<Closed> ~ today~" });
    expect(codes(r)).toEqual([
      "line1:forbidden_character",
      "line1:forbidden_character",
      "line1:forbidden_character",
      "line1:too_long",
    ]);
    expect(r.summary).toMatch(/^Station message not valid: /);
  });
});

describe("station message: edges", () => {
  it("requires the name and both lines, saying what to enter", () => {
    const r = checkStationMessage({ name: "", line1: "", line2: "   " });
    expect(codes(r)).toEqual(["name:required", "line1:required", "line2:required"]);
    expect(r.errors[0]!.message).toMatch(/Station Message Name is empty: enter the name/);
    expect(r.errors[1]!.message).toBe("Line 1 is empty: enter 1 to 15 characters of text");
    expect(r.errors[2]!.message).toBe("Line 2 is only spaces: enter 1 to 64 characters of text");
  });

  it("trims spaces at the ends, counts the trimmed text and says so", () => {
    const r = check({ line1: "  Closed today  ", line2: "Back at 8am" });
    expect(r.verdict).toBe("warning");
    expect(r.data?.line1).toBe("Closed today");
    expect(r.explanation[0]).toContain('removed spaces at the start or end; the station shows "Closed today"');
    // 15 characters plus surrounding spaces still fit.
    expect(check({ line1: ` ${"A".repeat(15)} ` }).errors).toEqual([]);
  });

  it("rejects a line break inside a line and names it", () => {
    const r = check({ line1: "Closed\ntoday" });
    expect(codes(r)).toEqual(["line1:line_break"]);
    expect(r.errors[0]!.message).toContain("a line break (LF) at position 7: each line must be a single line");
    expect(codes(check({ line2: "a\r\nb" }))).toEqual(["line2:line_break"]);
    expect(codes(check({ line2: "a\u2028b" }))).toEqual(["line2:line_break"]);
  });

  it("rejects tabs and other control characters with their code point", () => {
    const r = check({ line1: "Closed\ttoday", line2: "bell\u0007" });
    expect(codes(r)).toEqual(["line1:control_character", "line2:control_character"]);
    expect(r.errors[0]!.message).toContain("a tab (U+0009) at position 7");
    expect(r.errors[0]!.message).toContain("replace it with a space");
    expect(r.errors[1]!.message).toContain("a control character (U+0007) at position 5");
  });

  it("counts user-perceived characters: an emoji with a skin tone, a family and a combining accent are one each", () => {
    const toned = check({ line1: `${"A".repeat(14)}👍🏽` });
    expect(toned.errors.map((e) => e.code)).toEqual(["non_ascii"]);
    expect(toned.errors[0]?.message).toContain('"👍🏽" at position 15');
    const family = check({ line1: `${"A".repeat(13)}👨‍👩‍👧` });
    expect(family.errors[0]?.message).toContain("at position 14");
    expect(family.errors.map((e) => e.code)).not.toContain("too_long");
    const combining = check({ line1: "Cafe\u0301" });
    expect(combining.errors[0]?.message).toContain("at position 4");
  });

  it("rejects anything outside printable ASCII, naming the character and its position", () => {
    const r = check({ line1: "Café ouvert" });
    expect(r.verdict).toBe("invalid");
    expect(r.errors.map((e) => e.code)).toEqual(["non_ascii"]);
    expect(r.errors[0]!.message).toContain('"é" at position 4');
    expect(r.errors[0]!.message).toContain("U+00E9");
  });

  it.each([
    ["／", "/"],
    ["＜", "<"],
    ["＞", ">"],
    ["“", '"'],
    ["”", '"'],
  ])("rejects the look-alike %s of the forbidden %s", (like, forbidden) => {
    const r = check({ line1: `Open${like}Closed` });
    expect(r.verdict).toBe("invalid");
    expect(r.errors[0]!.message).toContain(`looks like the forbidden ${forbidden}`);
    expect(r.errors[0]!.message).toContain("at position 5");
  });

  it("reports a huge line with a short excerpt of what does not fit", () => {
    const r = check({ line2: "x".repeat(100_000) });
    expect(r.errors[0]!.message).toBe(
      `Line 2 is 100000 characters, 99936 over the limit of 64: shorten it to 64 or fewer ("${"x".repeat(20)}…" from position 65 does not fit)`,
    );
  });

  it("reports a line left out of a form like an empty one", () => {
    const r = stationMessageTool.run({ name: "Holiday", line1: "Closed today" });
    expect(r.errors).toEqual([
      { field: "line2", code: "required", message: "Line 2 is empty: enter 1 to 64 characters of text" },
    ]);
  });

  it("turns a wrong input shape into per-field errors instead of throwing", () => {
    const r = stationMessageTool.run({ line1: 15, line2: "x", colour: "red" });
    expect(r.verdict).toBe("invalid");
    expect(r.errors.map((e) => e.field)).toEqual(["line1", "colour"]);
    expect(r.errors[0]!.message).toBe('line1 must be text (e.g. "Closed today"); got 15');
    expect(r.errors[1]!.message).toBe('Unknown field "colour": expected only name, description, line1, line2');
    expect(stationMessageTool.run(null).errors[0]!.message).toMatch(
      /must be an object with the fields name, description, line1, line2; got null/,
    );
  });
});

describe("station message from text", () => {
  it('splits "line 1 | line 2" and does not ask for a name', () => {
    const r = stationMessageTool.fromText("Closed today | Back at 8am");
    expect(r.verdict).toBe("ok");
    expect(r.data).toEqual({ line1: "Closed today", line2: "Back at 8am" });
    expect(r.explanation).toContain("The name was not checked: the dashboard also needs a Station Message Name.");
  });

  it("takes the two lines one per row, as the walkthrough step asks", () => {
    expect(stationMessageTool.fromText("Closed today\nBack at 8am\n").data).toEqual({
      line1: "Closed today",
      line2: "Back at 8am",
    });
  });

  it("reads name: and description: rows", () => {
    const r = stationMessageTool.fromText("name: Holiday\ndescription: winter\nClosed today | Back at 8am");
    expect(r.data).toEqual({ name: "Holiday", line1: "Closed today", line2: "Back at 8am" });
  });

  it("reports a second | as a forbidden character of line 2 with its position", () => {
    const r = stationMessageTool.fromText("Closed | Back | soon");
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toContain("Line 2 has the forbidden character | at position 6");
  });

  it("asks for line 2 when only one line is given, with the expected form", () => {
    const r = stationMessageTool.fromText("Closed today");
    expect(r.errors[0]!.message).toBe(
      'Line 2 is empty: enter 1 to 64 characters of text (type "line 1 | line 2", or one line per row)',
    );
  });

  it("rejects three rows, saying a message has two lines", () => {
    const r = stationMessageTool.fromText("a\nb\nc");
    expect(r.errors[0]!.code).toBe("too_many_lines");
    expect(r.errors[0]!.message).toMatch(/^Found 3 lines: a station message has two/);
  });
});
