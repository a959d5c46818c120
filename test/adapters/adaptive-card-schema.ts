import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";
import ajvFormats from "ajv-formats";

/**
 * The official Adaptive Card 1.5 schema (copied from microsoft/AdaptiveCards schemas/1.5.0), compiled with
 * Ajv 8: it is draft-06 with a legacy top-level `id`, and uses custom keywords, hence strict:false.
 */
export function adaptiveCardValidator(): ValidateFunction {
  const require = createRequire(import.meta.url);
  const schema = JSON.parse(readFileSync(new URL("../fixtures/adaptive-card-1.5.json", import.meta.url), "utf8"));
  schema.$id = schema.id;
  delete schema.id;
  // Teams' own root property for mentions (learn.microsoft.com, "Mention support within Adaptive Cards"):
  // each entity names the <at>text</at> it belongs to and whom it mentions.
  schema.definitions.AdaptiveCard.properties.msteams = {
    type: "object",
    additionalProperties: false,
    required: ["entities"],
    properties: {
      entities: {
        type: "array",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["type", "text", "mentioned"],
          properties: {
            type: { const: "mention" },
            text: { type: "string", pattern: "^<at>[^<>]+</at>$" },
            mentioned: {
              type: "object",
              additionalProperties: false,
              required: ["id", "name"],
              properties: { id: { type: "string", minLength: 1 }, name: { type: "string", minLength: 1 } },
            },
          },
        },
      },
    },
  };
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json"));
  // ajv-formats is CommonJS: under NodeNext its default import is module.exports, the plugin is `.default`.
  ajvFormats.default(ajv);
  return ajv.compile(schema);
}
