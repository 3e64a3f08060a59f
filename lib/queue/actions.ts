"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { takeNextTicket, takeTicketAction } from "./commands";

export async function takeNextAction(input: unknown) {
  const result = await takeNextTicket.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent");
  return result;
}

export async function takeAction(input: unknown) {
  const result = await takeTicketAction.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent");
  return result;
}
