import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { NoAccess } from "@/components/auth/no-access";
import { placeOf, placeOfPath, REQUESTED_PATH_HEADER } from "@/lib/auth/rules";
import { getSessionUser } from "@/lib/auth/session";

// Rendered with HTTP 403 for forbidden() (requirePermission, the place layouts). Which place was
// asked for comes from the path proxy.ts passes on: another place than the person's own gets the
// "not for your account" wording, a page of their own place the "no rights for this page" one.
export default async function Forbidden() {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  const asked = placeOfPath((await headers()).get(REQUESTED_PATH_HEADER) ?? "");
  return <NoAccess user={user} place={asked && asked !== placeOf(user.role) ? asked : null} />;
}
