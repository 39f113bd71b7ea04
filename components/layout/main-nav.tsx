import type { Role } from "@/lib/generated/prisma/enums";
import { navigationFor } from "@/lib/server/authz/navigation";
import { FullMenu } from "./full-menu";
import { PhoneMenu } from "./phone-menu";

/** The menu of the role's pages: all in a row on a wider screen, a bottom bar and "更多" on a phone. */
export function MainNav({ role }: { role: Role | "ANONYMOUS" }) {
  const items = navigationFor(role);
  // A visitor has one link, to sign in: it fits on any screen.
  if (role === "ANONYMOUS") return <FullMenu items={items} />;
  return (
    <>
      <FullMenu items={items} className="hidden sm:block" />
      <PhoneMenu items={items} />
    </>
  );
}
