import type { z } from "zod";
import { describeValue } from "./describe-value.ts";
import type { FieldError } from "./tool-result.ts";

/**
 * Turns zod issues into per-field errors a form can show inline. The schemas carry their own messages
 * (see field-schemas.ts); this only fills in the cases zod words generically: a missing object, an
 * unknown field, a choice outside its list.
 */
export function fieldErrorsFromZod(error: z.ZodError, fields: readonly string[], input: unknown): FieldError[] {
  return error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "input";
    const expectedFields = fields.join(", ");
    if (issue.code === "unrecognized_keys") {
      const keys = issue.keys.map((k) => `"${k}"`).join(", ");
      return {
        field: issue.keys[0] ?? field,
        code: "unknown_field",
        message: `Unknown field ${keys}: expected only ${expectedFields}`,
      };
    }
    if (issue.code === "invalid_type" && issue.path.length === 0) {
      return {
        field,
        code: "invalid_type",
        message: `The input must be an object with the fields ${expectedFields}; got ${describeValue(input)}`,
      };
    }
    if (issue.code === "invalid_value" && issue.message.startsWith("Invalid option")) {
      const options = issue.values.map((v) => String(v)).join(", ");
      return {
        field,
        code: "invalid_choice",
        message: `${field} must be one of ${options}; got ${describeValue(issue.input)}`,
      };
    }
    return { field, code: issue.code, message: issue.message };
  });
}
