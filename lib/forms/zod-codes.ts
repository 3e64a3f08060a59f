import { z } from "zod";
import { errorCode } from "./error-code";

/**
 * The code a refusal travels as when its schema did not word it (a schema's own message wins):
 * every field error is a code the forms translate and an API client can switch on, never zod's
 * English sentence ("Invalid input: expected string, received undefined" is REQUIRED).
 */
export function issueCode(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.input === null ? "REQUIRED" : "INVALID_TYPE";
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string") return errorCode("TOO_LONG", max);
      return errorCode(issue.origin === "array" || issue.origin === "set" ? "TOO_MANY" : "TOO_BIG", max);
    }
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string") return min <= 1 ? "REQUIRED" : errorCode("TOO_SHORT", min);
      return errorCode(issue.origin === "array" || issue.origin === "set" ? "TOO_FEW" : "TOO_SMALL", min);
    }
    case "invalid_format":
      return issue.format === "email" ? "INVALID_EMAIL" : "INVALID_FORMAT";
    case "invalid_value":
      return "INVALID_CHOICE";
    case "unrecognized_keys":
      return "UNKNOWN_FIELD";
    default:
      return "INVALID";
  }
}

// Global, read when a schema parses: imported by the actions' and the API's parsing (lib/actions/define.ts, lib/api/route.ts).
z.config({ customError: issueCode });
