import { redirect } from "next/navigation";
import { HouseholdHome } from "@/components/home/household-home";
import { VillageHome } from "@/components/home/village-home";
import { getCurrentActor } from "@/lib/server/auth/current-actor";
import { loadHouseholdHome } from "@/lib/server/home/load-household-home";
import { loadVillageHome } from "@/lib/server/home/load-village-home";

// Each role's home, leading with what waits for them: the township overview (with its 待办) for
// township staff, the village for its council members and representatives, the household's own
// card and archive for a household.
export default async function HomePage() {
  const actor = await getCurrentActor();
  if (!actor) redirect("/sign-in");
  if (actor.mustChangePassword) redirect("/account/password");
  switch (actor.role) {
    case "ADMIN":
    case "TOWNSHIP_OFFICIAL":
      redirect("/township");
    case "CLERK":
    case "REPRESENTATIVE":
      return <VillageHome actor={actor} home={await loadVillageHome(actor)} />;
    case "HOUSEHOLD":
      return <HouseholdHome home={await loadHouseholdHome(actor)} />;
  }
}
