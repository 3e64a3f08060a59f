import "server-only";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { audit } from "@/lib/audit/mutations";
import { db } from "@/lib/db/client";
import { isTemplateKey } from "./registry";
import { validateTemplate } from "./render";
import { resetTemplateSchema, saveTemplateSchema } from "./schema";

/**
 * Saves an admin's wording of one mail in one language. Refused when the text could not be sent
 * as it stands (unknown or missing placeholder, stray brace, empty, too long): the refusal names the
 * first problem's code and lists every problem per field ("CODE" or "CODE:placeholder").
 */
export const saveMailTemplate = defineAction({
  name: "mailTemplates.save",
  schema: saveTemplateSchema,
  permission: "settings.manage",
  async handler(input, { user, now }) {
    if (!isTemplateKey(input.key)) return fail("NOT_FOUND");
    const key = input.key;
    const problems = validateTemplate(key, input);
    if (problems.length > 0) {
      const fieldErrors: Record<string, string[]> = {};
      for (const problem of problems) (fieldErrors[problem.field] ??= []).push(problem.placeholder ? `${problem.code}:${problem.placeholder}` : problem.code);
      return fail(problems[0]!.code, fieldErrors);
    }
    await db.$transaction(async (tx) => {
      await tx.mailTemplate.upsert({
        where: { key_locale: { key, locale: input.locale } },
        create: { key, locale: input.locale, subject: input.subject, body: input.body, updatedById: user.id, updatedAt: now },
        update: { subject: input.subject, body: input.body, updatedById: user.id, updatedAt: now },
      });
      await audit(tx, { actorId: user.id, action: "mail_template.save", entityType: "MailTemplate", entityId: `${key}:${input.locale}`, data: { subjectLength: input.subject.length, bodyLength: input.body.length } });
    });
    return ok(undefined);
  },
});

/** Back to the built-in text: the admin's row goes. Resetting a text that was never changed is a no-op. */
export const resetMailTemplate = defineAction({
  name: "mailTemplates.reset",
  schema: resetTemplateSchema,
  permission: "settings.manage",
  async handler(input, { user }) {
    if (!isTemplateKey(input.key)) return fail("NOT_FOUND");
    const key = input.key;
    await db.$transaction(async (tx) => {
      const removed = await tx.mailTemplate.deleteMany({ where: { key, locale: input.locale } });
      if (removed.count > 0) await audit(tx, { actorId: user.id, action: "mail_template.reset", entityType: "MailTemplate", entityId: `${key}:${input.locale}` });
    });
    return ok(undefined);
  },
});
