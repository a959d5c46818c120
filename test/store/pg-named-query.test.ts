import { describe, expect, it } from "vitest";
import { namedQuery } from "../../src/store/pg-named-query.ts";

describe("namedQuery", () => {
  it("names a text by its digest: the same text the same name, another text another", () => {
    const a = namedQuery("DELETE FROM sessions WHERE key = $1", ["k"]);
    const again = namedQuery("DELETE FROM sessions WHERE key = $1", ["other"]);
    const b = namedQuery("DELETE FROM sessions WHERE updated_at < $1", ["t"]);
    expect(a.name).toMatch(/^cpbot_[0-9a-f]{24}$/);
    expect(again.name).toBe(a.name);
    expect(again.values).toEqual(["other"]);
    expect(b.name).not.toBe(a.name);
  });

  it("leaves SELECT * and RETURNING * unnamed, so an added column cannot break a prepared plan", () => {
    expect(namedQuery("SELECT * FROM sessions WHERE key = $1", ["k"]).name).toBeUndefined();
    expect(namedQuery("UPDATE sessions SET revision = 2 WHERE key = $1 RETURNING *", ["k"]).name).toBeUndefined();
  });
});
