import type { Playbook } from "../playbooks/playbook-schema.ts";

export interface TrainingExample {
  playbook: string;
  text: string;
  /** How much this text speaks for the playbook: triggers fully, the long summary less. */
  weight: number;
  source: "phrase" | "keyword" | "title" | "symptom" | "summary" | "error-log";
}

/** Strips the guide's **bold** markers and the like, which carry no meaning for matching. */
const plain = (text: string) => text.replace(/\*+/g, "").trim();

/**
 * The texts a playbook is recognised by: its trigger phrases and keywords first, then the words of the
 * guide itself (title, article, symptoms, error-log names), so a symptom described the guide's way
 * matches even if no trigger phrase says it.
 */
export function trainingExamples(playbooks: readonly Playbook[]): TrainingExample[] {
  const examples: TrainingExample[] = [];
  for (const p of playbooks) {
    const add = (text: string, source: TrainingExample["source"], weight = 1) => {
      if (plain(text).length > 0) examples.push({ playbook: p.id, text: plain(text), weight, source });
    };
    for (const phrase of p.triggers.phrases) add(phrase, "phrase");
    for (const keyword of p.triggers.keywords) add(keyword, "keyword");
    add(p.title, "title");
    add(p.article, "title");
    for (const symptom of p.symptoms) add(symptom, "symptom", 0.7);
    add(p.summary, "summary", 0.5);
    const logs = p.errorLogs;
    for (const fault of logs?.faultCodes ?? []) add(fault.name, "error-log");
    for (const alarm of logs?.alarmNames ?? []) add(alarm, "error-log");
    if (logs?.reason) add(logs.reason, "error-log");
  }
  return examples;
}
