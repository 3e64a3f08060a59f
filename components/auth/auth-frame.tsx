import { BrandMark } from "@/components/layout/brand-mark";
import { LanguageSwitch } from "@/components/layout/language-switch";

/** The frame of the signed-out pages: login, second factor, invitation, password pages. */
export function AuthFrame({ title, intro, children, footer }: { title: string; intro?: string; children: React.ReactNode; footer?: string }) {
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <div className="mb-6 flex items-center justify-between">
        <p className="text-2xl font-semibold text-brand-700">
          <BrandMark logoClassName="h-10" />
        </p>
        <LanguageSwitch tone="light" />
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">{title}</h1>
        {intro ? <p className="mt-1 text-sm text-slate-600">{intro}</p> : null}
        {children}
      </div>
      {footer ? <p className="mt-6 text-center text-sm text-slate-600">{footer}</p> : null}
    </main>
  );
}
