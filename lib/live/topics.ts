// Names of the live topics. A topic's version rises with every change a live reader must see.

/** One chat: its messages and state. */
export const chatTopic = (chatId: string): string => `chat:${chatId}`;

/** The chat waiting list: positions, the console's list. */
export const CHAT_QUEUE_TOPIC = "chat-queue";

/** One person's own live things (their chats in the console, a call the telephone platform put through). */
export const userTopic = (userId: string): string => `user:${userId}`;
