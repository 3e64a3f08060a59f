import type { Role } from "@prisma/client";

declare module "next-auth" {
  interface User {
    role: Role;
    sv: number;
  }
  interface Session {
    user: { id: string; role: Role; name: string; email: string };
    sv: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    role: Role;
    sv: number;
  }
}
