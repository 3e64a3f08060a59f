import { PlaceMessages } from "@/components/layout/place-messages";

// The login, password and invitation pages share no frame; they share the messages their forms use.
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <PlaceMessages place="auth">{children}</PlaceMessages>;
}
