"use server";
import { getSessionUser } from "@/lib/auth/session";
import { confirmEmailChangeWithToken, requestOwnEmailChange } from "./email-change-commands";

export async function requestEmailChangeAction(input: unknown) {
  return requestOwnEmailChange.execute(await getSessionUser(), input, new Date());
}

export async function confirmEmailChangeAction(input: unknown) {
  return confirmEmailChangeWithToken(input, new Date());
}
