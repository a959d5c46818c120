import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runEval } from "../../src/matcher/run-eval.ts";
import { evalCases, realMatcher } from "./real-matcher.ts";

describe("the matcher on the project's eval set (test/eval/queries.jsonl)", () => {
  const cases = evalCases();
  const report = runEval(realMatcher().matcher, cases);

  it("is big enough to mean something: 300+ lines, 13+ per playbook, 60+ out of scope", () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    expect(cases.filter((c) => c.expect === null).length).toBeGreaterThanOrEqual(60);
    for (const id of realMatcher().matcher.playbooks) {
      expect(cases.filter((c) => c.expect?.[0] === id).length, id).toBeGreaterThanOrEqual(13);
    }
  });

  it("picks the right playbook first for at least 95% of in-scope lines", () => {
    expect(report.top1, JSON.stringify(report.misses, null, 1)).toBeGreaterThanOrEqual(0.95);
  });

  it("abstains on out-of-scope lines: precision >= 0.90, recall >= 0.85", () => {
    expect(report.oosPrecision).toBeGreaterThanOrEqual(0.9);
    expect(report.oosRecall).toBeGreaterThanOrEqual(0.85);
  });

  it("reports recall for every playbook the set covers", () => {
    expect(Object.keys(report.perPlaybook).sort()).toEqual([...realMatcher().matcher.playbooks].sort());
  });
});

describe("the matcher on the other sets (holdout, and the dev sets it was tuned on: dev probe, fresh 2026-11, dev oos 2)", () => {
  const dir = new URL("../eval/", import.meta.url);
  it.each([
    ["holdout.jsonl", 0.97, 0.9, 0.9],
    ["dev-probe.jsonl", 0.95, 0.9, 0.9],
    // Scored once blind (91.8% top-1), then used as a development set; it must not slip back.
    ["fresh-2026-11.jsonl", 0.95, 0.93, 0.93],
    // Out of scope next to the guide (prices, installs, HR, the chat tool...) and short in-scope lines.
    ["dev-oos-2.jsonl", 0.95, 0.95, 0.93],
    // Written before the third round (82.4% top-1 then), mostly in scope: its 10 out-of-scope lines make
    // precision count the in-scope lines abstained on, so its floor is low.
    ["dev-probe-2.jsonl", 0.95, 0.6, 0.9],
    // The third blind set, a development set since its one score (93.7% top-1): its kinds of miss were fixed.
    ["blind-2026-11c.jsonl", 0.97, 0.95, 0.95],
    // Written in batches, each before its fixes (76.5%, 91.3%, 80.0%, 78.9% top-1 first), in scope but for 5
    // lines that look like its kinds without being in scope (2 of them are still answered): low OOS floors.
    ["dev-kinds-3.jsonl", 0.95, 0.6, 0.7],
    // Written in the fourth round, each batch before its fixes (93.5% top-1, 95.9% precision, 93.0% recall
    // before the round): half out of scope next to the guide and small talk, half in-scope lines hard for
    // abstention (terse, symptom-only, quoted).
    ["dev-probe-3.jsonl", 0.94, 0.95, 0.93],
    // The fourth blind set, scored once at the end of the fourth round (95.6% top-1, 91.5% / 95.6% out of
    // scope): from now on a development set; these floors are that one score, so it cannot slip back.
    ["blind-2026-11d.jsonl", 0.955, 0.91, 0.95],
    // The fifth blind set, scored once at the end of the fifth round (93.7% top-1, 86.5% / 100% out of scope),
    // then a development set: the sixth round's fixes of its kinds took it to 98.5% / 100% / 100%.
    ["blind-2026-11e.jsonl", 0.98, 0.99, 0.99],
    // The sixth blind set, scored once at the end of the sixth round (94.6% top-1, 89.4% / 93.3% out of scope),
    // then a development set: the seventh round's fixes of its kinds took it to 99.5% / 100% / 100%.
    ["blind-2026-11f.jsonl", 0.985, 0.99, 0.99],
    // The seventh blind set, scored once at the end of the seventh round (94.6% top-1, 91.7% / 97.8% out of
    // scope), then a development set: the eighth round's fixes of its kinds took it to 100% / 100% / 100%.
    ["blind-2026-11g.jsonl", 0.99, 0.99, 0.99],
    // The eighth blind set, scored once at the end of the eighth round (92.7% top-1, 86.5% / 100% out of
    // scope, one confident wrong line), then a development set: the ninth round's fixes of its kinds took it
    // to 100% / 100% / 100%.
    ["blind-2026-11h.jsonl", 0.99, 0.99, 0.99],
    // The ninth blind set, scored once at the end of the ninth round (95.1% top-1, 87.8% / 95.6% out of
    // scope, no confident wrong line), then a development set: the tenth round's fixes of its kinds took it
    // to 99.5% / 97.8% / 100%.
    ["blind-2026-11i.jsonl", 0.99, 0.975, 0.99],
    // The tenth blind set, scored once at the end of the tenth round (94.6% top-1, 93.5% / 95.6% out of
    // scope, two confident wrong lines of 250): from now on a development set; these floors are that one score.
    ["blind-2026-11j.jsonl", 0.945, 0.93, 0.955],
    // The eleventh blind set, scored once at the end of the eleventh round (96.6% top-1, 91.1% / 91.1% out of
    // scope, two confident wrong lines of 250): from now on a development set; these floors are that one score.
    ["blind-2026-11k.jsonl", 0.965, 0.91, 0.91],
    // The twelfth blind set, scored once at the end of the short twelfth round (99.0% top-1, 100% / 95.6% out
    // of scope, one confident wrong line of 250): from now on a development set; these floors are that one score.
    ["blind-2026-11l.jsonl", 0.99, 1, 0.955],
    // Written in the fifth round in four batches, each scored before its fixes (top-1 / precision / recall
    // first: 88.6 / 84.4 / 87.1, 95.0 / 94.1 / 91.4, 100 / 100 / 78.6, 75.0 / 90.0 / 75.0): more than half
    // out of scope next to the guide (its own subjects asked for what no article gives: release notes,
    // exports, orders, an API), the rest in-scope lines hard for abstention (terse, shop talk, quotes).
    ["dev-probe-4.jsonl", 0.94, 0.95, 0.93],
    // Written in the fifth round from the fourth blind set's kinds of miss, each batch before its fixes
    // (57.9%, 80.0%, 93.3%, 90.9% top-1 first); in scope but for 3 look-alikes of those kinds: low OOS floors.
    // Merged with the abstaining side's round (issue-13h): 95.8% / 57.1% / 66.7%; two in-scope lines it lost
    // to abstention (a car "not getting anything" read as the car itself; a group sign-up).
    ["dev-kinds-4.jsonl", 0.95, 0.55, 0.6],
    // Written in the sixth round at the boundaries between articles that share a subject (Multifamily,
    // Station Connections, Access Control, Flex Billing, Pricing Policy, Station Messages), a quarter out of
    // scope next to them (leases, HOA dues, group chats, home electricity): three batches, each scored before
    // its fixes (top-1 / precision / recall first: 75.0 / - / -, 87.0 / 91.7 / 45.8, 80.0 / 72.7 / 80.0;
    // 78.2 / 68.0 / 50.0 on the whole set before the round, 97.0 / 96.3 / 76.5 after it).
    ["dev-probe-5.jsonl", 0.96, 0.95, 0.8],
    // Written in the sixth round from the fifth blind set's largest kind (an article asked by one of its
    // settings or mechanisms in the person's own words), in five batches each scored before its fixes
    // (78.6%, 75.7%, 75.0%, 89.3%, 79.2% top-1 first); 19 of its 190 lines are out-of-scope look-alikes (a relay
    // in a fire panel, a DIY contactor, a light switch, home chargers, a meeting room booking): low OOS floors.
    ["dev-kinds-5.jsonl", 0.96, 0.9, 0.8],
    // Written in the seventh round: every article asked by what the person wants to know or decide (did it
    // go through, what should it be set to, when is the owner paid), a fifth out of scope next to them (unit
    // conversions, credits and rebates, a dashboard user's preferences). Four batches, each scored before
    // its fixes (top-1 / precision / recall first: 83.3 / 69.2 / 69.2, 76.7 / 60.0 / 90.0, 85.7 / 84.6 / 91.7,
    // 92.0 / 80.0 / 50.0); the whole set went from 83.6 / 70.2 / 76.7 to 92.8 / 91.1 / 95.3.
    ["dev-asks-6.jsonl", 0.92, 0.9, 0.93],
    // Written in the seventh round at the boundaries between articles that share objects (a cable, a card,
    // a port, a queue, a new unit: Breakaway / Replace Hardware / Hardware Fault, RFID Reader / Access
    // Control / Connections / Station Messages, Slow or Zero Energy / Circuit Sharing / Relay Stuck Closed,
    // Waitlist, Station Unreachable / Firmware), both directions of each pair, with out-of-scope look-alikes
    // (office badges, gate readers, returns, a cafeteria line): batches scored before their fixes (top-1 /
    // precision / recall first: 77.1 / 60.0 / 33.3, 82.1 / 42.9 / 42.9, 78.4 / 50.0 / 57.1, 83.3 / 80.0 / 66.7,
    // 84.4 / 66.7 / 33.3; the whole set 80.5 / 55.2 / 45.7 on main before the round, 97.3 / 88.9 / 45.7 after).
    // Its out-of-scope look-alikes (office badges, a cafeteria line, returns) were the eighth round's kinds:
    // 45.7% recall before it, 91.4% after.
    ["dev-pairs-6.jsonl", 0.97, 0.9, 0.85],
    // Written in the eighth round: every article asked by a setting, field, button or status of its own
    // screens, by non-native writers and in long stories, a third out of scope by kind (sales and quotes,
    // warranty and returns, the utility's tariffs, the car itself, parking enforcement, reviews, the
    // company's own workplace). Batches scored before their fixes (top-1 / precision / recall first:
    // 97.1 / 90.9 / 90.9, 92.7 / 81.8 / 100, 92.5 / 80.0 / 80.0, 100 / 100 / 100, 75.0 / 60.0 / 81.8; the
    // whole set on main before the round 94.7 / 87.9 / 91.1 with one confident wrong line, after it 97.1 / 93.3 / 100).
    ["dev-asks-8.jsonl", 0.96, 0.9, 0.97],
    // Written in the eighth round: a message whose question is one article's while its scene (a quoted text,
    // what the person has, a status seen) names another's, both directions of each pair, with out-of-scope
    // look-alikes (office and gate badge readers, ordering cards, a chat alert). Four batches, each scored
    // before its fixes (top-1 / precision / recall first: 79.5 / 60.0 / 60.0, 82.1 / 100 / 75.0, 78.0 / 50.0 /
    // 33.3, 76.7 / 100 / 25.0); the whole set went from 76.5 / 69.2 / 56.3 on main to 90.6 / 100 / 56.3, and
    // with the same round's out-of-scope kinds (office and gate badge readers) to 90.6 / 100 / 75.0.
    ["dev-frames-8.jsonl", 0.9, 0.95, 0.7],
    // Written in the ninth round: every article asked as a decision or a plan in the task's words, a status
    // line or a complaint quoted alone, or with few of the article's words; a quarter out of scope next to
    // them (budgets, taxes on payouts, insurance, marketing, contractors, one's own Wi-Fi). Three batches,
    // each scored before its fixes (top-1 / precision / recall first: 65.7 / 50.0 / 73.3, 85.0 / 61.5 / 80.0,
    // 100 / 100 / 93.3, then a fourth of 44 lines 92.9 / 100 / 93.8); the whole set (194 lines) went from
    // 84.8 / 73.4 / 83.9 on main to 99.3 / 98.2 / 100.
    ["dev-plans-9.jsonl", 0.97, 0.95, 0.95],
    // Written in the ninth round: a fault's name as the scene of another article's question (and as the
    // question itself), on-call shorthand (NS rsn 18, p1 avail, brkr, stn ids, 24h times), two articles' words
    // in one message where one is asked, with out-of-scope look-alikes (an RMA, a part to order, an on-call
    // rota). Four batches, each scored before its fixes (top-1 / precision / recall first: 61.5 / 40.0 / 40.0,
    // 82.5 / 50.0 / 33.3, 86.8 / 100 / 50.0, 75.0 / 100 / 80.0); the whole set went from 72.5 / 50.0 / 35.3 with
    // 27 confident wrong lines on main to 96.0 / 100 / 76.5 with 2.
    ["dev-shorthand-9.jsonl", 0.95, 0.95, 0.75],
    // Written in the tenth round: in-scope lines that carry a word the out-of-scope model keys on (a vendor,
    // money, a person, IT, a vehicle, a home, a plan) beside an article's action, and out-of-scope lines that
    // sound like an article (another maker's or a home charger, shipping and ordering parts, the dashboard's
    // own account, HR and IT, the bot). Three batches, each scored before its fixes (top-1 / precision /
    // recall first: 81.5 / 87.5 / 77.8, 96.7 / 95.7 / 91.7, 75.0 / 82.8 / 100); the whole set (160 lines) went
    // from 84.7 / 87.8 / 86.7 on main to 91.8 / 96.2 / 100.
    ["dev-edges-10.jsonl", 0.91, 0.96, 1],
    // Written in the tenth round: a driver's complaint forwarded with no dashboard word, articles described
    // with few of their words, one article's words asking another's action, fees and payouts asked for an MFH
    // site or a group of stations, a station message's text that fails its checks, new hires without the
    // terms and installers on site; a fifth out of scope beside them. Three batches, each scored before its
    // fixes (top-1 / precision / recall first: 75.0 / 60.0 / 90.0, 86.7 / 76.9 / 100, 78.0 / 60.0 / 60.0); the
    // whole set (160 lines) went from 80.0 / 65.8 / 83.3 with one confident wrong line on main to 99.2 / 100 /
    // 83.3 with none.
    ["dev-voices-10.jsonl", 0.99, 0.99, 0.83],
    // Written in the eleventh round: a setting asked about before it is changed (what it will do, whether it
    // will hurt), the station's output read by its fields (a line of Get Latest Status, a column of the
    // history), new hires describing a screen or a setting by its looks, settings named wrongly; out of scope
    // beside them, fields and settings no article reads. Three batches, each scored before its fixes (top-1 /
    // precision / recall first: 93.2 / 90.9 / 83.3, 92.9 / 84.6 / 91.7, 95.2 / 90.9 / 90.9); the whole set
    // (163 lines) went from 93.8 / 88.6 / 88.6 with one confident wrong line on main to 100 / 100 / 97.1 with none.
    ["dev-settings-11.jsonl", 1, 1, 0.97],
    // Written in the eleventh round: in-scope lines that are vague complaints or carry a word the out-of-scope
    // model keys on (a neighbouring station, a utility outage, HR, IT, a vendor, travel), and out-of-scope lines
    // that sound like an article (a building's own electricity, travel and expenses, other makers, IT and HR,
    // the bot, vehicles, electricity contracts). Three batches, each scored before its fixes (top-1 / precision
    // / recall first: 88.0 / 93.1 / 93.1, 80.0 / 81.5 / 75.9, 75.9 / 84.6 / 95.7); the whole set (160 lines, 81
    // out of scope) went from 79.7 / 85.2 / 85.2 on main to 92.4 / 97.6 / 100.
    ["dev-bounds-11.jsonl", 0.92, 0.97, 1],
    // Written in the eleventh round: long and layered messages (shift handovers listing several stations, a
    // case passed on with its history, forwarded emails and reviews, tickets with what was tried), a trouble
    // said to be over or a quoted screen text before the real question, Slack and Teams formatting left in,
    // and numbers that carry the symptom; out-of-scope look-alikes in the same shapes. Scored by batch before
    // its fixes (top-1 / precision / recall first: 90.5 / 100 / 91.7, 92.7 / 100 / 100, 86.5 / 100 / 90.9); the
    // whole set (155 lines, 35 out of scope) went from 89.2 / 100 / 94.3 with 5 confident wrong lines on main to
    // 99.2 / 100 / 94.3 with 1.
    ["dev-layers-11.jsonl", 0.99, 1, 0.94],
    // Written in the eleventh round: ticket titles, checklist items and alert names in two to six words,
    // on-call shorthand, typos beside real words the corrector must leave ("installer"), second-language
    // English, installers on site, and neighbouring articles in too few words to tell apart; a fifth out of
    // scope. Three batches, each scored before its fixes (top-1 / top-3 / precision / recall first: 91.3 /
    // 91.3 / 76.9 / 100, 87.8 / 87.8 / 76.9 / 90.9, 88.1 / 92.9 / 80.0 / 80.0); the whole set (160 lines) went
    // from 90.6 / 92.1 / 83.3 / 90.9 with one confident wrong line on main to 99.2 / 99.2 / 96.9 / 93.9.
    ["dev-terse-11.jsonl", 0.99, 0.96, 0.93],
    // Written in the eleventh round at the boundaries of articles that share objects (power split / slow
    // energy / power settings; residents, connections and who may charge; the card, open access and a
    // refusal; screen text and the queue; a broken part, a swap and an update; offline, 305 and a wrong pin;
    // fees, payouts, prices and the 10%), with look-alikes out of scope (a kitchen breaker, a building's
    // gate card, splitting a utility bill). Three batches, each scored before its fixes (top-1 / precision /
    // recall first: 94.0 / 83.3 / 83.3, 95.9 / 80.0 / 66.7, 86.0 / 55.6 / 83.3); the whole set (167 lines) went
    // from 92.6 / 70.0 / 77.8 with two confident wrong lines on main to 99.3 / 93.3 / 77.8 with none.
    ["dev-pairs-11.jsonl", 0.99, 0.93, 0.77],
    // Written in the twelfth round: out of scope named with a station's nouns (the company's IT, a car's own
    // dashboard, a home's or the office's network, a building's own systems, a hand-over left with an outside
    // item) and in-scope neighbours (two stations compared, a review whose reason is a symptom, a place by its
    // streets); half out of scope. Scored before any change at 94.3 / 94.3 / 96.8 / 85.7; after the building's
    // systems, one's own network and the car's own display, 94.3 / 94.3 / 97.2 / 100.
    ["dev-edges-12.jsonl", 0.94, 0.97, 1],
    // Written in the twelfth round: a station's place told by streets, landmarks or sides, questions in
    // numbered parts, pasted ticket fields, a manager asking a colleague to check why, a real problem amid
    // thanks and small talk, and two troubles asked whether related; look-alikes out of scope in the same
    // shapes. Scored before its fixes at 77.6 / 80.0 / 100 (top-1 / precision / recall, 2 confident wrong).
    ["dev-shapes-12.jsonl", 0.89, 1, 1],
  ])("%s: top-1 >= %d, out-of-scope precision >= %d and recall >= %d", (name, top1, precision, recall) => {
    const report = runEval(realMatcher().matcher, evalCases(fileURLToPath(new URL(name, dir))));
    expect(report.top1, JSON.stringify(report.misses, null, 1)).toBeGreaterThanOrEqual(top1);
    expect(report.oosPrecision).toBeGreaterThanOrEqual(precision);
    expect(report.oosRecall).toBeGreaterThanOrEqual(recall);
  });

  it.each([
    "queries.jsonl",
    "holdout.jsonl",
    "dev-probe.jsonl",
    "fresh-2026-11.jsonl",
    "dev-oos-2.jsonl",
    "dev-probe-2.jsonl",
    "blind-2026-11c.jsonl",
    "dev-kinds-3.jsonl",
    "dev-probe-3.jsonl",
    "blind-2026-11d.jsonl",
    "blind-2026-11e.jsonl",
    "blind-2026-11f.jsonl",
    "blind-2026-11g.jsonl",
    "blind-2026-11h.jsonl",
    "blind-2026-11i.jsonl",
    "blind-2026-11j.jsonl",
    "blind-2026-11k.jsonl",
    "blind-2026-11l.jsonl",
    "dev-kinds-4.jsonl",
    "dev-probe-4.jsonl",
    "dev-probe-5.jsonl",
    "dev-kinds-5.jsonl",
    "dev-pairs-6.jsonl",
    "dev-asks-6.jsonl",
    "dev-asks-8.jsonl",
    "dev-plans-9.jsonl",
    "dev-edges-10.jsonl",
    "dev-voices-10.jsonl",
    "dev-settings-11.jsonl",
    "dev-bounds-11.jsonl",
    "dev-layers-11.jsonl",
    "dev-terse-11.jsonl",
    "dev-pairs-11.jsonl",
    "dev-edges-12.jsonl",
  ])("%s: at most 1% of lines get a wrong playbook as a sure match (80%+)", (name) => {
    const report = runEval(realMatcher().matcher, evalCases(fileURLToPath(new URL(name, dir))));
    expect(report.confidentWrong).toBeLessThanOrEqual(0.01);
  });
});
