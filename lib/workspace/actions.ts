"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { addNote, changeTicketFields, replyToTicket } from "./commands";

export async function replyAction(input: unknown) {
  const result = await replyToTicket.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent", "layout");
  return result;
}

export async function noteAction(input: unknown) {
  const result = await addNote.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent", "layout");
  return result;
}

export async function changeAction(input: unknown) {
  const result = await changeTicketFields.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent", "layout");
  return result;
}
