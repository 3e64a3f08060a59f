// `npm run demo:totp`: the current sign-in code of the demo staff accounts, which all share the
// documented demo secret (prisma/seed-totp.ts), so a person trying the demo can pass the TOTP step.
import { totpCode, TOTP_STEP_SECONDS as STEP_SECONDS } from "../lib/auth/two-factor-rules";
import { DEMO_PEOPLE } from "../prisma/seed";
import { DEMO_TOTP_SECRET } from "../prisma/seed-totp";

const now = Date.now();
const left = STEP_SECONDS - Math.floor(now / 1000) % STEP_SECONDS;
const code = totpCode(DEMO_TOTP_SECRET, new Date(now));
const staff = DEMO_PEOPLE.filter((p) => p.email.endsWith("@loket.example")).map((p) => p.email);

console.log(`Code: ${code}  (valid for ${left} more seconds; each code works once per account)`);
console.log(`Secret (base32, for an authenticator app): ${DEMO_TOTP_SECRET}`);
console.log(`Accounts: ${staff.join(", ")}`);
