import "server-only";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { db } from "@/lib/db/client";
import { createArticle, KbRuleError, setPublished, updateArticle } from "./mutations";
import { kbCreateSchema, kbPublishSchema, kbUpdateSchema } from "./schema";

function refusal(error: unknown) {
  if (error instanceof KbRuleError) return fail(error.code);
  throw error;
}

export const createKbArticle = defineAction({
  name: "kb.create",
  schema: kbCreateSchema,
  permission: "kb.article.manage",
  handler: async (input, { user, now }) => ok(await db.$transaction((tx) => createArticle(tx, { ...input, authorId: user.id }, now))),
});

export const updateKbArticle = defineAction({
  name: "kb.update",
  schema: kbUpdateSchema,
  permission: "kb.article.manage",
  handler: async (input, { user, now }) => {
    try {
      await db.$transaction((tx) => updateArticle(tx, { ...input, actorId: user.id }, now));
      return ok({ id: input.id });
    } catch (error) {
      return refusal(error);
    }
  },
});

export const publishKbArticle = defineAction({
  name: "kb.publish",
  schema: kbPublishSchema,
  permission: "kb.article.manage",
  handler: async (input, { user, now }) => {
    try {
      await db.$transaction((tx) => setPublished(tx, { ...input, actorId: user.id }, now));
      return ok({ id: input.id });
    } catch (error) {
      return refusal(error);
    }
  },
});
