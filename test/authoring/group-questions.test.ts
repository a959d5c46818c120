import { describe, expect, it } from "vitest";
import { groupQuestions, type InboxQuestion } from "../../src/authoring/group-questions.ts";
import { analyseText } from "../../src/matcher/analyse-text.ts";

const q = (text: string, count = 1, kind = "abstain"): InboxQuestion => ({
  text,
  count,
  kind,
  lastAt: "2026-11-02T10:00:00.000Z",
});
const termsOf = (text: string) => analyseText(text).terms;

const inbox = [
  q("driver refund for a failed session", 3),
  q("how do I refund a driver for a session", 2),
  q("refund the driver session please"),
  q("solar canopy output report"),
  q("where is the solar output report for the canopy", 2),
  q("asdfgh"),
];

describe("groupQuestions", () => {
  it("puts questions that share their content terms together and names the group by them", () => {
    const groups = groupQuestions(inbox, termsOf);
    const refund = groups.find((g) => g.questions.some((x) => x.text.startsWith("driver refund")));
    expect(refund?.questions.map((x) => x.text).sort()).toEqual([
      "driver refund for a failed session",
      "how do I refund a driver for a session",
      "refund the driver session please",
    ]);
    expect(refund?.asked).toBe(6);
    expect(refund?.name.split(" ")).toEqual(expect.arrayContaining(["refund", "driver"]));
    expect(refund?.representatives[0]?.text).toBe("driver refund for a failed session");
    const solar = groups.find((g) => g.name.includes("solar"));
    expect(solar?.questions).toHaveLength(2);
    expect(groups.find((g) => g.questions[0]?.text === "asdfgh")?.questions).toHaveLength(1);
  });

  it("orders groups by how often they were asked", () => {
    expect(groupQuestions(inbox, termsOf).map((g) => g.asked)).toEqual([6, 3, 1]);
  });

  it("gives the same groups whatever order the questions come in", () => {
    const reversed = groupQuestions([...inbox].reverse(), termsOf);
    const shuffled = groupQuestions([inbox[3]!, inbox[0]!, inbox[5]!, inbox[2]!, inbox[4]!, inbox[1]!], termsOf);
    expect(reversed).toEqual(groupQuestions(inbox, termsOf));
    expect(shuffled).toEqual(groupQuestions(inbox, termsOf));
  });

  it("keeps a question with no content terms on its own rather than joining everything", () => {
    const groups = groupQuestions([q("the"), q("a"), q("refund driver session")], termsOf);
    expect(groups).toHaveLength(3);
  });
});
