import path from "node:path";
import { lintPlaybook } from "./lint-playbook.ts";
import type { Playbook } from "./playbook-schema.ts";

/** One thing wrong with a playbook or template, said so an author can fix it without reading code. */
export interface LintProblem {
  /** The file, relative to the working directory when it lies inside it. */
  file: string;
  /** Where inside the file, e.g. `solution[3].choice.options[1].branch`; empty for the file as a whole. */
  path: string;
  message: string;
  fix: string;
  /** 1-based line in the file, when it can be located. */
  line?: number;
}

/** A playbook that passed the schema, with the file it came from. */
export interface LoadedPlaybook {
  file: string;
  playbook: Playbook;
}

/** Fault codes and aliases compare without case, spaces or hyphens: "303 rsc" is "303-RSC". */
export function normaliseFaultCode(code: string): string {
  return code.toUpperCase().replace(/[\s_-]+/g, "");
}

/** Trigger phrases compare without case, punctuation or extra whitespace. */
export function normaliseTrigger(phrase: string): string {
  return phrase
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

interface Claim {
  file: string;
  path: string;
  playbookId: string;
  shown: string;
}

/**
 * Every check that needs more than one playbook, plus the per-playbook checks the schema cannot express.
 * Runs only on playbooks that passed the schema, so it can trust their shape.
 */
export function lintPlaybooks(loaded: LoadedPlaybook[]): LintProblem[] {
  const problems: LintProblem[] = [];
  const ids = new Map<string, string>();
  const faultCodes = new Map<string, Claim>();
  const phrases = new Map<string, Claim>();
  const keywords = new Map<string, Claim>();

  // A second claim of the same key is reported at the later file, naming the first, so each clash is one line.
  // Repeats inside one playbook ("301-BA" and "301 ba") are harmless to matching, so they are not reported.
  const claim = (claims: Map<string, Claim>, key: string, c: Claim, what: string, fix: string) => {
    if (key === "") return;
    const first = claims.get(key);
    if (!first) {
      claims.set(key, c);
    } else if (first.playbookId !== c.playbookId) {
      problems.push({
        file: c.file,
        path: c.path,
        message: `${what} "${c.shown}" is already claimed by playbook "${first.playbookId}" (${first.file} at ${first.path})`,
        fix,
      });
    }
  };

  for (const { file, playbook } of loaded) {
    const stem = path.basename(file).replace(/\.ya?ml$/, "");
    if (stem !== playbook.id) {
      problems.push({
        file,
        path: "id",
        message: `the id "${playbook.id}" does not match the file name "${path.basename(file)}"`,
        fix: `rename the file to ${playbook.id}.yaml, or set id: ${stem}`,
      });
    }
    const firstFile = ids.get(playbook.id);
    if (firstFile) {
      problems.push({
        file,
        path: "id",
        message: `the id "${playbook.id}" is already used by ${firstFile}`,
        fix: "give each playbook its own id, and name its file after it",
      });
    } else {
      ids.set(playbook.id, file);
    }

    (playbook.errorLogs?.faultCodes ?? []).forEach((fc, i) => {
      const fix = "a fault code or alias must lead to exactly one playbook; remove it from one of the two";
      const at = `errorLogs.faultCodes[${i}]`;
      claim(
        faultCodes,
        normaliseFaultCode(fc.code),
        { file, path: `${at}.code`, playbookId: playbook.id, shown: fc.code },
        "fault code",
        fix,
      );
      (fc.aliases ?? []).forEach((alias, j) => {
        const c = { file, path: `${at}.aliases[${j}]`, playbookId: playbook.id, shown: alias };
        claim(faultCodes, normaliseFaultCode(alias), c, "fault code", fix);
      });
    });
    playbook.triggers.phrases.forEach((phrase, i) => {
      const c = { file, path: `triggers.phrases[${i}]`, playbookId: playbook.id, shown: phrase };
      const fix = "keep the phrase in the playbook it fits best and add a distinguishing detail to the other";
      claim(phrases, normaliseTrigger(phrase), c, "trigger phrase", fix);
    });
    playbook.triggers.keywords.forEach((keyword, i) => {
      const c = { file, path: `triggers.keywords[${i}]`, playbookId: playbook.id, shown: keyword };
      const fix = "a keyword must point to one playbook; keep it where it is most specific, or use a phrase instead";
      claim(keywords, normaliseTrigger(keyword), c, "keyword", fix);
    });

    problems.push(...lintPlaybook(file, playbook));
  }
  return problems;
}

/** The report `cpbot lint` prints and the bot prints when it refuses to start: grouped by file. */
export function formatLintReport(problems: LintProblem[]): string {
  if (problems.length === 0) return "No problems.";
  const byFile = new Map<string, LintProblem[]>();
  for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  const lines: string[] = [];
  for (const [file, list] of byFile) {
    lines.push(file);
    for (const p of list) {
      // Syntax errors already name their line and column in the path.
      const line = p.line && !p.path.startsWith("line ") ? ` (line ${p.line})` : "";
      const where = `${p.file}${p.path ? `:${p.path}` : ""}${line}`;
      lines.push(`  ${where} — ${sentence(p.message)} Fix: ${sentence(p.fix)}`);
    }
    lines.push("");
  }
  const n = problems.length;
  const files = byFile.size;
  lines.push(`${n} problem${n === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}.`);
  return lines.join("\n");
}

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}
