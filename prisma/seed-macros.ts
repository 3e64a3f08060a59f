// Demo rows for replies: three Dutch macros (one moves the ticket to "waiting for the customer")
// and postal addresses for the demo people and organisations, so a letter can be printed with
// the address in the envelope window. Every demo addressee has one except Gemeente Utrecht, whose
// tickets show the agent the "no postal address" warning.
import type { Tx } from "@/lib/db/client";

const PERSON_ADDRESSES: Record<string, [street: string, postalCode: string, city: string]> = {
  "anna.jansen@burger.example": ["Oudegracht 112", "3511 AW", "Utrecht"],
  "bram.devries@burger.example": ["Kerkstraat 12", "3811 CV", "Amersfoort"],
};

const ORGANISATION_ADDRESSES: Record<string, [street: string, postalCode: string, city: string]> = {
  "WG-40012": ["Industrieweg 8", "3401 MA", "IJsselstein"],
  "WG-40877": ["Zorgpad 3", "9712 CP", "Groningen"],
};

export async function seedMacros(tx: Tx): Promise<void> {
  for (const [email, [postalStreet, postalCode, postalCity]] of Object.entries(PERSON_ADDRESSES)) {
    await tx.user.update({ where: { email }, data: { postalStreet, postalCode, postalCity } });
  }
  for (const [externalNumber, [postalStreet, postalCode, postalCity]] of Object.entries(ORGANISATION_ADDRESSES)) {
    await tx.organisation.update({ where: { externalNumber }, data: { postalStreet, postalCode, postalCity } });
  }
  const coordinator = await tx.user.findUniqueOrThrow({ where: { email: "coordinator@loket.example" }, select: { id: true } });
  await tx.macro.createMany({
    data: [
      {
        title: "Ontvangstbevestiging met termijn",
        body: "Beste {naam},\n\nWij hebben uw vraag ontvangen onder registratienummer {registratienummer}. U krijgt uiterlijk {uiterlijk} een antwoord van ons.",
        authorId: coordinator.id,
      },
      {
        title: "Terugbelafspraak bevestigen",
        body: "Beste {naam},\n\nWij bellen u terug op {terugbelmoment} over uw vraag {registratienummer}. Kunt u dan niet? Verzet de afspraak in Mijn Loket.",
        authorId: coordinator.id,
      },
      {
        title: "Vraag om aanvullende stukken",
        body: "Beste {naam},\n\nOm uw vraag {registratienummer} te kunnen beantwoorden, hebben wij aanvullende stukken van u nodig. Wilt u deze via Mijn Loket uploaden? Zodra wij ze hebben, gaan wij verder met uw vraag.",
        setStatus: "PENDING_CUSTOMER",
        authorId: coordinator.id,
      },
    ],
  });
}
