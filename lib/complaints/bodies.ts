import "server-only";
import { audit } from "@/lib/audit/mutations";
import type { Db, Tx } from "@/lib/db/client";
import { complaintBodyChangeRefusal, pickComplaintBody, type ComplaintBodyRefusal } from "./rules";
import type { ComplaintBodyInput } from "./schema";

// External complaint bodies (stage 3): which one a complaint goes to depends on the subject's
// category; every final answer carries its text.

export type BodyRefusal = ComplaintBodyRefusal | "BODY_NOT_FOUND" | "CATEGORY_NOT_FOUND";

export class ComplaintBodyError extends Error {
  constructor(readonly code: BodyRefusal) {
    super(code);
    this.name = "ComplaintBodyError";
  }
}

const bodySelect = { id: true, nameNl: true, nameEn: true, textNl: true, textEn: true, active: true, isDefault: true } as const;

/** The body for complaints about this ticket: its category's own if active, else the default; null if none. */
export async function complaintBodyFor(tx: Tx | Db, subjectTicketId: string) {
  const [subject, fallback] = await Promise.all([
    tx.ticket.findUnique({ where: { id: subjectTicketId }, select: { category: { select: { complaintBody: { select: bodySelect } } } } }),
    tx.complaintBody.findFirst({ where: { isDefault: true }, orderBy: { createdAt: "asc" }, select: bodySelect }),
  ]);
  return pickComplaintBody(subject?.category.complaintBody, fallback);
}

/** Creates or edits a body; making it the default takes that from the others (exactly one default). */
export async function saveComplaintBody(tx: Tx, input: ComplaintBodyInput, actorId: string): Promise<{ id: string }> {
  const current = input.id ? await tx.complaintBody.findUnique({ where: { id: input.id }, select: { id: true, isDefault: true } }) : null;
  if (input.id && !current) throw new ComplaintBodyError("BODY_NOT_FOUND");
  // The very first body becomes the default: final answers need one.
  const first = !current && (await tx.complaintBody.count({ where: { isDefault: true } })) === 0;
  const next = { isDefault: input.isDefault || first, active: input.active || first };
  const refusal = complaintBodyChangeRefusal(current, next);
  if (refusal) throw new ComplaintBodyError(refusal);
  const data = { nameNl: input.nameNl, nameEn: input.nameEn, textNl: input.textNl, textEn: input.textEn, isDefault: next.isDefault, active: next.active };
  const body = current ? await tx.complaintBody.update({ where: { id: current.id }, data, select: { id: true } }) : await tx.complaintBody.create({ data, select: { id: true } });
  if (next.isDefault) await tx.complaintBody.updateMany({ where: { isDefault: true, id: { not: body.id } }, data: { isDefault: false } });
  await audit(tx, { actorId, action: current ? "complaint_body.update" : "complaint_body.create", entityType: "ComplaintBody", entityId: body.id, data: { isDefault: next.isDefault, active: next.active } });
  return body;
}

/** Points a category's complaints at a body (an active one), or back at the default (null). */
export async function setCategoryComplaintBody(tx: Tx, input: { categoryId: string; complaintBodyId: string | null }, actorId: string): Promise<void> {
  const category = await tx.ticketCategory.findUnique({ where: { id: input.categoryId }, select: { id: true } });
  if (!category) throw new ComplaintBodyError("CATEGORY_NOT_FOUND");
  if (input.complaintBodyId && !(await tx.complaintBody.findFirst({ where: { id: input.complaintBodyId, active: true }, select: { id: true } }))) {
    throw new ComplaintBodyError("BODY_NOT_FOUND");
  }
  await tx.ticketCategory.update({ where: { id: category.id }, data: { complaintBodyId: input.complaintBodyId } });
  await audit(tx, { actorId, action: "complaint_body.category", entityType: "TicketCategory", entityId: category.id, data: { complaintBodyId: input.complaintBodyId } });
}

/** The admin section: every body and every category with its chosen body. */
export async function loadComplaintBodyAdmin(db: Db) {
  const [bodies, categories] = await Promise.all([
    db.complaintBody.findMany({ orderBy: [{ isDefault: "desc" }, { active: "desc" }, { nameNl: "asc" }], select: bodySelect }),
    db.ticketCategory.findMany({ where: { active: true, key: { not: "COMPLAINT" } }, orderBy: { sortOrder: "asc" }, select: { id: true, key: true, nameNl: true, nameEn: true, complaintBodyId: true } }),
  ]);
  return { bodies, categories };
}
