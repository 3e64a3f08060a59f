"use client";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { useRouter } from "next/navigation";
import { useState, type ComponentType } from "react";
import { SuccessNote } from "./form-action";

/**
 * A one-button action (deactivate, reset two-factor, withdraw or re-send an invitation): asks for
 * confirmation when `confirm` is given, runs the server action, refreshes the page on success and
 * shows the refusal through the place's own alert (its translations) otherwise.
 */
export function ConfirmButton({
  label,
  confirm,
  done,
  run,
  danger,
  testId,
  Alert,
}: {
  label: string;
  confirm?: string;
  done?: string;
  run: () => Promise<{ ok: boolean; reason?: string }>;
  danger?: boolean;
  testId: string;
  Alert: ComponentType<{ reason: string | null }>;
}) {
  const router = useRouter();
  const [reason, setReason] = useState<string | null>(null);
  const [succeeded, setSucceeded] = useState(false);
  const [pending, setPending] = useState(false);
  const [ask, confirmDialog] = useConfirm();
  return (
    <div className="space-y-1">
      {confirmDialog}
      <Alert reason={reason} />
      {succeeded && done ? <SuccessNote>{done}</SuccessNote> : null}
      <button
        type="button"
        data-testid={testId}
        disabled={pending}
        onClick={async () => {
          if (confirm && !(await ask(confirm, { danger }))) return;
          setPending(true);
          setReason(null);
          setSucceeded(false);
          const result = await run().catch(() => ({ ok: false, reason: "UNEXPECTED" }));
          setPending(false);
          if (result.ok) {
            setSucceeded(true);
            router.refresh();
          } else setReason(result.reason ?? "UNEXPECTED");
        }}
        className={`rounded border px-3 py-1 text-sm font-medium disabled:opacity-60 ${danger ? "border-red-700 text-red-800 hover:bg-red-50" : "border-slate-500 text-slate-800 hover:bg-slate-50"}`}
      >
        {label}
      </button>
    </div>
  );
}
