"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { saveComplaintBodyAction, setCategoryComplaintBodyAction } from "./body-commands";

async function run(action: typeof saveComplaintBodyAction | typeof setCategoryComplaintBodyAction, input: unknown) {
  const result = await action.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent/beheer/instellingen");
  return result;
}

export async function saveComplaintBodyFormAction(input: unknown) {
  return run(saveComplaintBodyAction, input);
}
export async function setCategoryComplaintBodyFormAction(input: unknown) {
  return run(setCategoryComplaintBodyAction, input);
}
