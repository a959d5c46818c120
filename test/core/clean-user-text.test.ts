import { describe, expect, it } from "vitest";
import { cleanUserText, maxUserTextChars } from "../../src/core/clean-user-text.ts";

describe("cleanUserText", () => {
  it("drops null bytes, escape sequences and bidi overrides, keeping tabs and newlines", () => {
    expect(cleanUserText("a\u0000b\u001b[31mc\u202Ed\te\nf\u007F").text).toBe("ab[31mcd\te\nf");
  });

  it("masks pasted Slack tokens, JWTs and bearer headers", () => {
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
    const text = `token xoxb-1234-5678-abcdEFGH and xoxp-1-2 and xapp-1-A0-99 then ${jwt} and Authorization: Bearer abc.def`;
    const clean = cleanUserText(text).text;
    for (const secret of ["xoxb-1234", "xoxp-1-2", "xapp-1-A0", jwt, "abc.def"]) expect(clean).not.toContain(secret);
    expect(clean).toContain("token [redacted] and [redacted]");
  });

  it("cuts at the limit, says how long the original was, and never splits an emoji", () => {
    const long = "x".repeat(maxUserTextChars - 1) + "🔌".repeat(10);
    const clean = cleanUserText(long);
    expect(clean.cutFrom).toBe(long.length);
    expect(clean.text.length).toBe(maxUserTextChars - 1);
    expect(cleanUserText("short").cutFrom).toBeUndefined();
  });
});
