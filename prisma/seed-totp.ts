// The one documented TOTP secret of every demo staff account (base32), so a person trying the
// demo (`npm run demo:totp`) and the e2e login can compute the code. Demo data only: the seed
// stores it encrypted like any real secret; real staff enrol their own at first login.
export const DEMO_TOTP_SECRET = "KRSXG5CMN5VWK5DEMVWW6U3UMFTGM4TP";
