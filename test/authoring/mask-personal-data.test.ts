import { describe, expect, it } from "vitest";
import { maskPersonalData } from "../../src/authoring/mask-personal-data.ts";

describe("maskPersonalData", () => {
  it.each([
    ["mail jane.doe@example.com about it", "mail [email] about it"],
    ["call me on +1 408 555 0134 today", "call me on [phone] today"],
    ["ask <@U0123ABCD> or <!subteam^S1|oncall>", "ask [person] or [person]"],
    ["<at>Jane Doe</at> says hi", "[person] says hi"],
    ["MAC 00:0D:6F:00:12:34 and 000D:6F00:0012:3456", "MAC [mac] and [mac]"],
    ["token xoxb-1234-5678-abcdefgh leaked", "token [token] leaked"],
    ["card 1234567890123 declined", "card [number] declined"],
  ])("masks %j", (input, masked) => {
    expect(maskPersonalData(input)).toBe(masked);
  });

  it("leaves fault codes, firmware versions, short numbers and station names alone", () => {
    const text = "CPF-6 port 2 shows 303-RSC on 4.6.0.21, 3 times in 90 days";
    expect(maskPersonalData(text)).toBe(text);
  });
});
