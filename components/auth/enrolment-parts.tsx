"use client";
// The pieces both TOTP enrolments share (the employer's from their security page, a staff member's
// at first login): the start button, the QR code with the secret typed out, the recovery codes.

const startClass = "rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800";

export function StartEnrolmentButton({ label, onStart }: { label: string; onStart: () => void | Promise<void> }) {
  return (
    <button type="button" className={startClass} onClick={() => void onStart()}>
      {label}
    </button>
  );
}

export function TotpScan({ qr, secret, text }: { qr: string; secret: string; text: { scan: string; qrAlt: string; manual: string } }) {
  return (
    <>
      <p className="text-sm">{text.scan}</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL generated on the server */}
      <img src={qr} alt={text.qrAlt} width={220} height={220} className="rounded border border-slate-200" />
      <p className="text-sm">
        {text.manual} <code data-testid="totp-secret" className="break-all rounded bg-slate-100 px-1 font-mono">{secret}</code>
      </p>
    </>
  );
}

export function RecoveryCodeList({ intro, codes }: { intro: string; codes: readonly string[] }) {
  return (
    <>
      <p className="text-sm">{intro}</p>
      <ul data-testid="recovery-codes" className="grid grid-cols-2 gap-1 rounded border border-slate-300 bg-white p-3 font-mono text-sm">
        {codes.map((c) => <li key={c}>{c}</li>)}
      </ul>
    </>
  );
}
