import { getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { adminAreasFor } from "@/lib/admin/areas";
import { requireSessionUser } from "@/lib/auth/session";

// Every administration page carries the list of areas this person may use; each page checks its own permission.
export default async function Layout({ children }: { children: React.ReactNode }) {
  const user = await requireSessionUser("/agent");
  const t = await getTranslations("leadNav");
  const areas = adminAreasFor(user).map((area) => ({ href: area.href, label: t(area.label) }));
  return (
    <>
      {areas.length > 0 && <AdminNav label={t("adminNav")} areas={areas} />}
      {children}
    </>
  );
}
