import "server-only";
import { Prisma } from "@prisma/client";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { defineTxAction, defineTxDataAction, refusalCode } from "@/lib/actions/transactional";
import { can, type Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { TicketRuleError } from "@/lib/tickets/mutations";
import {
  acceptChat,
  ChatRuleError,
  customerOf,
  endChat,
  findClientMessage,
  leaveChat,
  leaveChatAsMessage,
  markTyping,
  saveChatSettings,
  saveChatTopics,
  sendChatMessage,
  startChat,
  transferChat,
} from "./mutations";
import { chatIdSchema, chatSettingsSchema, chatTopicsSchema, endChatSchema, sendChatMessageSchema, startChatSchema, transferChatSchema } from "./schema";

const refusals = [ChatRuleError, TicketRuleError];

/** The customer actions come twice: the portal's (beneficiaries) and the employer portal's (SUBMIT_REQUESTS). */
const CUSTOMER_PERMISSIONS = { portal: "portal.chat.use", employer: "employer.chat.use" } as const satisfies Record<string, Permission>;
type CustomerKind = keyof typeof CUSTOMER_PERMISSIONS;

function customer(user: SessionUser) {
  const c = customerOf(user);
  if (!c) throw new ChatRuleError("NOT_FOUND");
  return c;
}

/** One message; a concurrent twin with the same clientId loses the unique race and returns the winner's number. */
function sendAction(name: string, permission: Permission, side: "CUSTOMER" | "AGENT") {
  return defineAction({
    name,
    schema: sendChatMessageSchema,
    permission,
    handler: async (input, { user, now }) => {
      try {
        return ok(await sendChatMessage({ user, side }, input, now));
      } catch (error) {
        const code = refusalCode(error, refusals);
        if (code) return fail(code);
        if (input.clientId && isUniqueViolation(error)) {
          const seq = await findClientMessage(db, input.chatId, input.clientId);
          if (seq !== null) return ok({ seq });
        }
        throw error;
      }
    },
  });
}

/** A unique index refused the row: P2002 from a model query; a raw one reports the driver's 23505. */
function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  const cause = (error.meta as { driverAdapterError?: { cause?: { originalCode?: string } } } | undefined)?.driverAdapterError?.cause;
  return error.code === "P2010" && cause?.originalCode === "23505";
}

function typingAction(name: string, permission: Permission, side: "CUSTOMER" | "AGENT") {
  return defineTxDataAction({ name, schema: chatIdSchema, permission, refusals, run: (tx, input, { user, now }) => markTyping(tx, { user, side }, input.chatId, now) });
}

function customerActions(kind: CustomerKind) {
  const permission = CUSTOMER_PERMISSIONS[kind];
  return {
    start: defineTxDataAction({
      name: `chat.start.${kind}`,
      schema: startChatSchema,
      permission,
      refusals,
      run: async (tx, input, { user, now }) => ({ chatId: (await startChat(tx, customer(user), input, now)).chatId }),
    }),
    send: sendAction(`chat.send.${kind}`, permission, "CUSTOMER"),
    typing: typingAction(`chat.typing.${kind}`, permission, "CUSTOMER"),
    leave: defineTxAction({
      name: `chat.leave.${kind}`,
      schema: chatIdSchema,
      permission,
      refusals,
      run: (tx, input, { user, now }) => leaveChat(tx, customer(user), input.chatId, now),
    }),
    leaveAsMessage: defineTxDataAction({
      name: `chat.leave_message.${kind}`,
      schema: chatIdSchema,
      permission,
      refusals,
      run: (tx, input, { user, now }) => leaveChatAsMessage(tx, customer(user), input.chatId, now),
    }),
  };
}

const portalChat = customerActions("portal");
const employerChat = customerActions("employer");
// Each action exported on its own: the registry test finds actions by their exports.
export const startPortalChat = portalChat.start;
export const sendPortalChat = portalChat.send;
export const typingPortalChat = portalChat.typing;
export const leavePortalChat = portalChat.leave;
export const leavePortalChatAsMessage = portalChat.leaveAsMessage;
export const startEmployerChat = employerChat.start;
export const sendEmployerChat = employerChat.send;
export const typingEmployerChat = employerChat.typing;
export const leaveEmployerChat = employerChat.leave;
export const leaveEmployerChatAsMessage = employerChat.leaveAsMessage;

export const sendChatAsAgent = sendAction("chat.send.agent", "chat.console.use", "AGENT");
export const typingAsAgent = typingAction("chat.typing.agent", "chat.console.use", "AGENT");

export const acceptChatCommand = defineTxAction({
  name: "chat.accept",
  schema: chatIdSchema,
  permission: "chat.console.use",
  refusals,
  run: (tx, input, { user, now }) => acceptChat(tx, user, input.chatId, now),
});

export const transferChatCommand = defineTxAction({
  name: "chat.transfer",
  schema: transferChatSchema,
  permission: "chat.console.use",
  refusals,
  run: (tx, input, { user, now }) => transferChat(tx, user, input, now),
});

export const endChatCommand = defineTxDataAction({
  name: "chat.end",
  schema: endChatSchema,
  permission: "chat.console.use",
  refusals,
  run: (tx, input, { user, now }) => endChat(tx, user, input, now),
});

export const updateChatSettings = defineTxAction({
  name: "chat.settings",
  schema: chatSettingsSchema,
  permission: "settings.manage",
  refusals,
  run: (tx, input, { user }) => saveChatSettings(tx, input, user.id),
});

export const updateChatTopics = defineTxAction({
  name: "chat.topics",
  schema: chatTopicsSchema,
  permission: "settings.manage",
  refusals,
  run: (tx, input, { user }) => saveChatTopics(tx, input.categoryKeys, user.id),
});

/** The customer side's actions for this person (the employer portal's for an employer contact). */
export function customerChatActions(user: SessionUser) {
  return user.role === "EMPLOYER_CONTACT" ? employerChat : portalChat;
}

/** Send and typing for whoever calls: a customer of the chat, or staff at the console. */
export function chatSideActions(user: SessionUser) {
  if (can(user, "chat.console.use")) return { send: sendChatAsAgent, typing: typingAsAgent };
  const c = customerChatActions(user);
  return { send: c.send, typing: c.typing };
}
