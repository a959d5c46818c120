import { z } from "zod";

/**
 * The shape of one playbook file in `playbooks/`. One YAML file per article of the guide; the file name
 * is the id. The TypeScript types are inferred from these schemas, so the YAML, the loader, the lint and
 * the bot can never disagree about what a playbook is.
 */

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lower-case letters, digits and single hyphens (kebab-case)");
const text = z.string().trim().min(1, "must not be empty");

/**
 * Where an item comes from in the guide: line numbers of the guide text (guide/ in this repository),
 * e.g. "775-782" or "775-782, 790". `cpbot lint` checks the item's numbers, codes, quoted strings and bold
 * UI names against these lines.
 */
export const SourceSchema = z
  .string()
  .trim()
  .regex(/^\d+(?:-\d+)?(?:, ?\d+(?:-\d+)?)*$/, 'give guide line numbers, e.g. "775-782" or "775-782, 790"');
/** Why an item that is not in the guide is there: the team's own addition, said so on the card. */
const addition = text.describe("the reason the team added this; it is shown as the team's own, not the guide's");

/** Provenance every sourced item carries: guide lines, or the reason it is the team's own addition. */
export const provenance = { source: SourceSchema.optional(), addition: addition.optional() };

/** The tools of `src/tools/` a step can hand its input to. */
export const toolIds = [
  "station-message",
  "latest-status",
  "session-rate",
  "expected-rate",
  "rsrp",
  "receipt",
  "plug-in-event",
  "rfid-age",
  "just-charge",
  "firmware-path",
  "remittance",
  "station-identity",
] as const;
export const ToolIdSchema = z.enum(toolIds);
export type ToolId = z.infer<typeof ToolIdSchema>;

/** What a step asks the person to type or paste; `tool` names the checker that validates it. */
export const StepInputSchema = z.strictObject({
  label: text,
  hint: text.optional(),
  tool: ToolIdSchema.optional(),
  multiline: z.boolean().optional(),
  /** A sample answer; `cpbot lint` runs it through `tool`, so an example the tool rejects never ships. */
  example: text.optional(),
});
export type StepInput = z.infer<typeof StepInputSchema>;

/** A choice point: each option jumps into one of the playbook's `branches`. */
export const ChoiceSchema = z.strictObject({
  prompt: text,
  options: z.array(z.strictObject({ label: text, branch: slug })).min(2, "a choice needs at least two options"),
});
export type Choice = z.infer<typeof ChoiceSchema>;

export const StepSchema = z.strictObject({
  /** Unique within the playbook; walkthrough state and analytics refer to steps by id. */
  id: slug,
  /** The instruction, in our own concise words. UI names are in **bold** exactly as the guide writes them. */
  text,
  substeps: z.array(text).optional(),
  notes: z.array(text).optional(),
  /** Shown so they stand out, e.g. "DO NOT CLEAR THE MAINTENANCE FLAG". */
  warnings: z.array(text).optional(),
  /** A wait the guide prescribes, e.g. 3-5 minutes after a reboot. */
  wait: z.strictObject({ minMinutes: z.number().positive(), maxMinutes: z.number().positive() }).optional(),
  input: StepInputSchema.optional(),
  choice: ChoiceSchema.optional(),
  /**
   * True only where the guide itself says to contact Support at this step (lint checks that the step's
   * source lines say so). Done on such a last step opens the escalation.
   */
  escalate: z.boolean().optional(),
  /**
   * The next action is a hardware replacement the guide names ("consider station head replacement"),
   * e.g. "station head replacement". The guide does not say Support here, so escalation is offered on
   * the card, never opened on its own.
   */
  replacement: text.optional(),
  /** The walkthrough ends after this step on every path: nothing after it applies (e.g. a blacklisted station). */
  stop: z.literal(true).optional(),
  ...provenance,
});
export type Step = z.infer<typeof StepSchema>;

export const BranchSchema = z.strictObject({
  id: slug,
  label: text,
  /** When this branch applies, in the guide's terms ("Usable by is set to All Drivers"). */
  when: text,
  steps: z.array(StepSchema).min(1, "a branch needs at least one step"),
});
export type Branch = z.infer<typeof BranchSchema>;

export const FaultCodeSchema = z.strictObject({
  /** As the guide prints it, e.g. "303-RSC". */
  code: z.string().regex(/^\d{3}-[A-Z]{2,4}$/, 'a fault code looks like "303-RSC"'),
  name: text,
  /** Other forms that identify this fault on their own, e.g. the status number "18" of Pilot Unreachable. */
  aliases: z.array(text).optional(),
});
export type FaultCode = z.infer<typeof FaultCodeSchema>;

export const ErrorLogsSchema = z.strictObject({
  faultCodes: z.array(FaultCodeSchema).optional(),
  stationStatus: text.optional(),
  portStatus: text.optional(),
  reason: text.optional(),
  alarmNames: z.array(text).optional(),
  /** Station Status at time of Alarm, as the Alarms block shows it. */
  alarmStationStatus: text.optional(),
  ...provenance,
});
export type ErrorLogs = z.infer<typeof ErrorLogsSchema>;

/** Reference data from the article as a table, e.g. the Just Charge customer categories. */
export const ReferenceTableSchema = z.strictObject({
  id: slug,
  title: text,
  columns: z.array(text).min(1),
  rows: z.array(z.array(z.string())).min(1),
  notes: z.array(text).optional(),
  ...provenance,
});
export type ReferenceTable = z.infer<typeof ReferenceTableSchema>;

/** Background the article gives ("What is Just Charge?", "Circuit Sharing and How it Works"). */
export const BackgroundSchema = z.strictObject({
  title: text,
  points: z.array(text).min(1),
  ...provenance,
});

export const EvidenceSchema = z.strictObject({
  id: slug,
  label: text,
  required: z.boolean().default(true),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/** One "contact Support" condition; a bare string is a rule without provenance (lint asks for one). */
export const EscalationRuleSchema = z.union([
  text.transform((t): { text: string; source?: string; addition?: string } => ({ text: t })),
  z.strictObject({ text, ...provenance }),
]);
export type EscalationRule = z.infer<typeof EscalationRuleSchema>;

export const EscalationSchema = z.strictObject({
  /** When to hand off to Support, in the guide's terms, each with the guide lines that say so. */
  when: z.array(EscalationRuleSchema).min(1),
  /** What to collect before handing off. */
  evidence: z.array(EvidenceSchema).default([]),
});
export type Escalation = z.infer<typeof EscalationSchema>;

export const TriggersSchema = z.strictObject({
  /** Phrases as support staff say them. Never copy evaluation sentences here. */
  phrases: z.array(text).min(1),
  /** Single words or short terms, including abbreviations (OTA, RFID, MFH). */
  keywords: z.array(text).default([]),
});
export type Triggers = z.infer<typeof TriggersSchema>;

const reviewDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "use a date as YYYY-MM-DD")
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "not a real calendar date");

export const PlaybookSchema = z.strictObject({
  id: slug,
  /** Bumped when the steps change, so a walkthrough in progress knows which version it started on. */
  version: z.number().int().positive(),
  title: text,
  /** The guide's article title, for the reader who wants the source. */
  article: text,
  /** The article's lines in the guide; summary, symptoms, roles and prerequisites come from these. */
  source: SourceSchema.optional(),
  section: z.enum(["Configure", "Diagnose"]),
  summary: text,
  /** Who keeps this playbook current: a person or team, so a due review has someone to go to. */
  owner: text.optional(),
  /** The date by which the owner re-reads the playbook against the guide (YYYY-MM-DD); `cpbot lint` warns when due. */
  review_by: reviewDate.optional(),
  symptoms: z.array(text).default([]),
  roles: z.array(text).default([]),
  prerequisites: z.array(text).default([]),
  errorLogs: ErrorLogsSchema.optional(),
  background: z.array(BackgroundSchema).default([]),
  troubleshooting: z.array(StepSchema).default([]),
  solution: z.array(StepSchema).min(1, "a playbook needs at least one solution step"),
  branches: z.array(BranchSchema).default([]),
  reference: z.array(ReferenceTableSchema).default([]),
  escalation: EscalationSchema,
  triggers: TriggersSchema,
});
export type Playbook = z.infer<typeof PlaybookSchema>;
/** What an author writes (defaults not yet applied). */
export type PlaybookInput = z.input<typeof PlaybookSchema>;
