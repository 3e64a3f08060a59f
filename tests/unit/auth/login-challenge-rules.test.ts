import { describe, expect, it } from "vitest";
import { afterWrongCode, challengeExpiresAt, challengeRefusal, MAX_CODE_ATTEMPTS } from "@/lib/auth/two-factor-rules";

const now = new Date("2026-11-24T10:00:00Z");
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const open = { method: "TOTP", attempts: 0, expiresAt: minutes(10), endedAt: null };

describe("a login challenge", () => {
  it("lives ten minutes, for TOTP and for a mailed code", () => {
    expect(challengeExpiresAt("TOTP", now)).toEqual(minutes(10));
    expect(challengeExpiresAt("MAIL", now)).toEqual(minutes(10));
  });

  it("takes codes while open, and says why not afterwards", () => {
    expect(challengeRefusal(open, minutes(9))).toBeNull();
    expect(challengeRefusal(open, minutes(10))).toBe("SESSION_EXPIRED");
    expect(challengeRefusal({ ...open, method: "MAIL" }, minutes(10))).toBe("CODE_EXPIRED");
    expect(challengeRefusal({ ...open, endedAt: minutes(1) }, minutes(2))).toBe("SESSION_EXPIRED");
    expect(challengeRefusal({ ...open, attempts: MAX_CODE_ATTEMPTS, endedAt: minutes(1) }, minutes(2))).toBe("TOO_MANY_ATTEMPTS");
  });

  it("ends at the fifth wrong code, not before", () => {
    expect(MAX_CODE_ATTEMPTS).toBe(5);
    const trail = [0, 1, 2, 3, 4].map((attempts) => afterWrongCode(attempts));
    expect(trail).toEqual([
      { attempts: 1, ended: false },
      { attempts: 2, ended: false },
      { attempts: 3, ended: false },
      { attempts: 4, ended: false },
      { attempts: 5, ended: true },
    ]);
  });
});
