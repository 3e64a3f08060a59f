// A counter a linear-time routine can report its steps to, so a test can bound the work done on a
// hostile input by counting instead of timing (timing flakes on a loaded machine).

export interface WorkMeter {
  steps: number;
}
