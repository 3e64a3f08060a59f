import "server-only";
import { Prisma } from "@prisma/client";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { db } from "@/lib/db/client";
import { answerEmployerSurvey, answerSurvey, SurveyRuleError } from "./mutations";
import { employerSurveySchema, surveySchema } from "./schema";

export const answerSurveyAsBeneficiary = defineAction({
  name: "survey.answer",
  schema: surveySchema,
  permission: "portal.survey.answer",
  handler: async (input, { user, now }) => {
    try {
      return ok(await db.$transaction((tx) => answerSurvey(tx, { ...input, respondentId: user.id }, now)));
    } catch (error) {
      if (error instanceof SurveyRuleError) return fail(error.code);
      // Two submits at once: the unique ticketId lets only the first in.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return fail("ALREADY_ANSWERED");
      throw error;
    }
  },
});

export const answerSurveyAsEmployer = defineAction({
  name: "survey.answer_employer",
  schema: employerSurveySchema,
  permission: "employer.survey.answer",
  handler: async (input, { user, now }) => {
    if (!user.organisationId) return fail("FORBIDDEN");
    const actor = { id: user.id, role: user.role, organisationId: user.organisationId, rights: user.rights, hrProfessional: user.hrProfessional };
    try {
      return ok(await db.$transaction((tx) => answerEmployerSurvey(tx, actor, input, now)));
    } catch (error) {
      if (error instanceof SurveyRuleError) return fail(error.code);
      // Two submits at once: the unique ticketId lets only the first in.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return fail("ALREADY_ANSWERED");
      throw error;
    }
  },
});
