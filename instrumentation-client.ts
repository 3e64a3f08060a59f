// Runs in the browser before the app hydrates (Next.js instrumentation-client convention).
import { z } from "zod";

// zod compiles object parsers with Function() when it may; under our Content-Security-Policy
// (no 'unsafe-eval', see proxy.ts) its probe for that is refused and reported as a violation.
// Parsing without it is just as correct, and fast enough for forms.
z.config({ jitless: true });
