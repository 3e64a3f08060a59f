"use client";
import Link from "@/components/ui/link";
import { usePathname } from "next/navigation";

/** The administration's own tabs; the current area is marked for screen readers too. */
export function AdminNav({ label, areas }: { label: string; areas: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="mb-6 border-b border-slate-200">
      <ul className="flex flex-wrap gap-1">
        {areas.map((area) => {
          const current = pathname === area.href || pathname.startsWith(`${area.href}/`);
          return (
            <li key={area.href}>
              <Link
                href={area.href}
                aria-current={current ? "page" : undefined}
                className={`inline-block rounded-t px-3 py-2 text-sm font-medium no-underline hover:no-underline ${current ? "border-b-2 border-brand-700 text-brand-800" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {area.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
