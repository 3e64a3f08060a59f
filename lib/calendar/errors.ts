/**
 * One error class for every rule in lib/calendar, lib/sla and lib/callbacks, so callers can catch
 * bad input by class and branch on a stable code instead of parsing messages.
 */
export type RuleInputErrorCode =
  | "INVALID_DATE"
  | "INVALID_RANGE"
  | "OUT_OF_RANGE"
  | "INVALID_TIME"
  | "INVALID_SCHEDULE"
  | "INVALID_COUNT"
  | "INVALID_DURATION"
  | "INVALID_CAPACITY"
  | "INVALID_SETTINGS"
  | "INVALID_POLICY"
  | "UNKNOWN_POLICY"
  | "PAUSE_OVERLAP"
  | "NEGATIVE_PAUSE"
  | "PAUSE_BEFORE_START"
  | "INVALID_SLOT"
  | "INVALID_OUTCOME"
  | "APPOINTMENT_CLOSED";

export class RuleInputError extends Error {
  override readonly name: string = "RuleInputError";

  constructor(
    public readonly code: RuleInputErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/** Thrown when an attempt is logged on a callback appointment that has already ended. */
export class AppointmentClosedError extends RuleInputError {
  override readonly name: string = "AppointmentClosedError";

  constructor(public readonly status: "DONE" | "UNREACHABLE" | "WRONG_NUMBER") {
    super("APPOINTMENT_CLOSED", `the appointment is already ${status}`);
  }
}

/** Guards the hot paths cheaply: an Invalid Date would otherwise turn into a wrong due time. */
export function assertValidDate(value: Date, what: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new RuleInputError("INVALID_DATE", `${what} is not a valid date`);
  }
}

export function assertNonNegativeInteger(
  value: number,
  what: string,
  code: RuleInputErrorCode = "INVALID_COUNT",
): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RuleInputError(code, `${what} must be a non-negative integer, got ${String(value)}`);
  }
}
