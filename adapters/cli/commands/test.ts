import path from "node:path";
import type { CliCommand, CliIO } from "../command.ts";
import { parseCommandArgs } from "../parse-command-args.ts";

const usage = `Usage: cpbot test conversations DIR [--playbooks DIR] [--verbose]

Plays every scripted conversation in DIR (*.yaml; a file holds one conversation or a list) against the
real engine, matcher and playbooks on a fresh in-memory store, and checks each turn's expectations: the
cards, texts and buttons that must (or must not) appear, what was posted to Support, and what was stored.
The format is described in docs/conversations.md.

  --playbooks DIR  playbook YAML folder (default: the package's playbooks/)
  --verbose        print each conversation's transcript, not only for failures
  -h, --help       show this help

Prints PASS or FAIL per conversation, the failing turn with what was expected and what came back, and
"N passed, N failed". Exits 0 when all pass, 1 when any fails, 2 for a usage error or a broken file.`;

export const command: CliCommand = {
  name: "test",
  summary: "Run scripted conversations (test conversations DIR) against the bot and report pass/fail",
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const parsed = parseCommandArgs(
      args,
      io,
      { name: "test", usage },
      { playbooks: { type: "string" }, verbose: { type: "boolean" } },
    );
    if (!parsed) return 2;
    const [what, dir, ...extra] = parsed.positionals;
    if (what !== "conversations" || !dir || extra.length > 0) {
      io.err(`cpbot test: expected "conversations DIR", e.g. cpbot test conversations test/conversations\n\n${usage}`);
      return 2;
    }
    const [{ loadConversations }, { runConversation }, { engineDriver }, { loadRegistry }, { createMatcher }] =
      await Promise.all([
        import("../../../src/conversations/load-conversations.ts"),
        import("../../../src/conversations/run-conversation.ts"),
        import("../../../src/conversations/engine-driver.ts"),
        import("../../../src/playbooks/playbook-registry.ts"),
        import("../../../src/matcher/create-matcher.ts"),
      ]);
    let loaded: ReturnType<typeof loadConversations>;
    let registry: ReturnType<typeof loadRegistry>;
    try {
      loaded = loadConversations(path.resolve(io.cwd, dir));
      registry = parsed.values.playbooks ? loadRegistry(path.resolve(io.cwd, parsed.values.playbooks)) : loadRegistry();
    } catch (error) {
      io.err(`cpbot test: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
    const matcher = createMatcher(registry.all());
    let passed = 0;
    let failed = 0;
    for (const { file, index, conversation } of loaded) {
      const driver = engineDriver({ registry, matcher, platform: conversation.platform });
      const result = await runConversation(conversation, driver).finally(() => driver.close());
      const where = `${path.basename(file)}#${index + 1}`;
      io.out(`${result.passed ? "PASS" : "FAIL"}  ${where}  ${conversation.name}`);
      if (result.passed) passed++;
      else failed++;
      for (const f of result.failures) io.out(`      ${f}`);
      if (!result.passed || parsed.values.verbose) {
        io.out("      transcript:");
        for (const line of result.transcript) io.out(`        ${line}`);
      }
    }
    io.out(`${passed} passed, ${failed} failed`);
    return failed > 0 ? 1 : 0;
  },
};
