import { redirect } from "next/navigation";
import { homePath } from "@/lib/auth/rules";
import { getSessionUser } from "@/lib/auth/session";

// The front door sends each person to their own place.
export default async function Home() {
  const user = await getSessionUser();
  redirect(user ? homePath(user.role) : "/login");
}
