// The administration pages, each with the permission that opens it: the main navigation shows one
// "Beheer" item leading to the first area a person may use, and the areas' own layout lists them all.
// Pure: the layouts and the tests share it.
import { can, type Permission, type PermissionSubject } from "@/lib/auth/permissions";

export interface AdminArea {
  href: string;
  /** Key in the leadNav messages. */
  label: string;
  permission: Permission;
}

export const ADMIN_AREAS: readonly AdminArea[] = [
  { href: "/agent/beheer/organisaties", label: "organisations", permission: "organisations.manage" },
  { href: "/agent/beheer/klanten", label: "beneficiaries", permission: "beneficiaries.manage" },
  { href: "/agent/beheer/import", label: "import", permission: "import.run" },
  { href: "/agent/beheer/medewerkers", label: "staff", permission: "staff.manage" },
  { href: "/agent/beheer/teams", label: "teams", permission: "staff.manage" },
  { href: "/agent/beheer/instellingen", label: "settings", permission: "settings.manage" },
  { href: "/agent/beheer/lijnen", label: "lines", permission: "settings.manage" },
  { href: "/agent/beheer/mailteksten", label: "templates", permission: "settings.manage" },
  { href: "/agent/beheer/mail", label: "mail", permission: "mail.outbox.read" },
  { href: "/agent/beheer/audit", label: "audit", permission: "audit.read" },
  { href: "/agent/beheer/privacy", label: "privacy", permission: "privacy.manage" },
  { href: "/agent/beheer/api", label: "api", permission: "integrations.manage" },
  { href: "/agent/beheer/webhooks", label: "webhooks", permission: "integrations.manage" },
  { href: "/agent/beheer/inloggen", label: "sso", permission: "integrations.manage" },
];

export function adminAreasFor(user: PermissionSubject): AdminArea[] {
  return ADMIN_AREAS.filter((area) => can(user, area.permission));
}
