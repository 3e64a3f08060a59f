"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Re-reads the job's page every two seconds while it waits or runs; stops once it is done. */
export function ImportJobRefresher({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 2_000);
    return () => clearInterval(timer);
  }, [active, router]);
  return null;
}
