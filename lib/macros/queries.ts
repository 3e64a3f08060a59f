import "server-only";
import type { Prisma } from "@prisma/client";
import type { SessionUser } from "@/lib/auth/queries";
import { slotWindow } from "@/lib/callbacks/rules";
import type { DbClient } from "@/lib/settings/queries";
import { staffTicketScope } from "@/lib/workspace/scope";
import { fillPlaceholders, formatCallbackMoment, formatDueDate, type PlaceholderValues } from "./rules";

const macroSelect = {
  id: true,
  title: true,
  body: true,
  locale: true,
  setStatus: true,
  active: true,
  updatedAt: true,
  setCategory: { select: { key: true, nameNl: true, nameEn: true } },
  author: { select: { name: true } },
} satisfies Prisma.MacroSelect;

export type MacroRow = Prisma.MacroGetPayload<{ select: typeof macroSelect }>;

/** Macros for the knowledge base and the reply box; inactive ones only for those who manage them. */
export function listMacros(client: DbClient, options: { includeInactive: boolean }): Promise<MacroRow[]> {
  return client.macro.findMany({
    where: options.includeInactive ? {} : { active: true },
    select: macroSelect,
    orderBy: [{ locale: "asc" }, { title: "asc" }],
    take: 200,
  });
}

export function getMacro(client: DbClient, id: string): Promise<MacroRow | null> {
  return client.macro.findUnique({ where: { id }, select: macroSelect });
}

// The longest slot lasts two hours: an appointment that started longer ago than that is over.
const LONGEST_SLOT_MS = 2 * 3_600_000;

/** What the placeholders stand for on this ticket; null where the ticket has no value. */
export async function placeholderValues(client: DbClient, ticketId: string, locale: "nl" | "en", now: Date): Promise<PlaceholderValues | null> {
  const ticket = await client.ticket.findUnique({
    where: { id: ticketId },
    select: { number: true, requesterName: true, slaDueAt: true, requester: { select: { name: true } } },
  });
  if (!ticket) return null;
  const appointments = await client.callbackAppointment.findMany({
    where: { ticketId, status: "BOOKED", slotStart: { gte: new Date(now.getTime() - LONGEST_SLOT_MS) } },
    orderBy: { slotStart: "asc" },
    select: { date: true, slot: true },
    take: 3,
  });
  const next = appointments.map((a) => slotWindow(a.date, a.slot)).find((w) => w.endsAt > now);
  return {
    name: ticket.requester?.name ?? ticket.requesterName ?? null,
    number: ticket.number,
    due: ticket.slaDueAt ? formatDueDate(ticket.slaDueAt, locale) : null,
    callback: next ? formatCallbackMoment(next, locale) : null,
  };
}

export interface RenderedMacro {
  macroId: string;
  title: string;
  text: string;
  unfilled: string[];
  setStatus: string | null;
  setCategory: { key: string; nameNl: string; nameEn: string } | null;
}

/** A macro filled for a ticket the user may see; null when either is out of reach. */
export async function renderMacro(client: DbClient, user: SessionUser, input: { macroId: string; ticketId: string }, now: Date): Promise<RenderedMacro | "TICKET" | "MACRO"> {
  const ticket = await client.ticket.findFirst({ where: { AND: [{ id: input.ticketId }, staffTicketScope(user)] }, select: { id: true } });
  if (!ticket) return "TICKET";
  const macro = await client.macro.findFirst({ where: { id: input.macroId, active: true }, select: macroSelect });
  if (!macro) return "MACRO";
  const values = await placeholderValues(client, ticket.id, macro.locale, now);
  if (!values) return "TICKET";
  const filled = fillPlaceholders(macro.body, values);
  return { macroId: macro.id, title: macro.title, text: filled.text, unfilled: filled.unfilled, setStatus: macro.setStatus, setCategory: macro.setCategory };
}

/** Categories a macro may move a ticket to: the active ones, in their configured order. */
export async function macroCategoryOptions(client: DbClient, locale: "nl" | "en"): Promise<{ key: string; name: string }[]> {
  const rows = await client.ticketCategory.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" }, select: { key: true, nameNl: true, nameEn: true } });
  return rows.map((c) => ({ key: c.key, name: locale === "en" ? c.nameEn : c.nameNl }));
}
