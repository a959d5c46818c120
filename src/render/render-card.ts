import { join } from "node:path";
import { type Card, CardSchema } from "../cards/card-schema.ts";
import { BotError } from "../core/bot-error.ts";
import { loadTemplates, templatesDir } from "./card-templates.ts";

/**
 * Renders `templates/<name>.hbs` with a view built in code, parses the output as JSON and validates it
 * against CardSchema. Whatever goes wrong is a BotError("templates_invalid") naming the template file, so
 * a broken template is reported as such and never reaches a platform as half-built JSON.
 */
export function renderCard(name: string, view: Record<string, unknown>, dir: string = templatesDir()): Card {
  const file = join(dir, `${name}.hbs`);
  const template = loadTemplates(dir).get(name);
  if (!template) throw new BotError(`Card template ${file} is missing.`, "templates_invalid");

  let output: string;
  try {
    output = template(view);
  } catch (error) {
    throw new BotError(`Card template ${file} failed to render: ${(error as Error).message}`, "templates_invalid", {
      cause: error,
    });
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(output);
  } catch (error) {
    throw new BotError(
      `Card template ${file} did not produce valid JSON: ${(error as Error).message}`,
      "templates_invalid",
      {
        cause: error,
      },
    );
  }

  const result = CardSchema.safeParse(parsed);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join(".") || "(card)"}: ${i.message}`);
    throw new BotError(`Card template ${file} produced an invalid card:\n${issues.join("\n")}`, "templates_invalid");
  }
  return result.data;
}
