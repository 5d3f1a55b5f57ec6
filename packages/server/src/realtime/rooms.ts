/** Socket.IO room names; the only place they are spelled (CONVENTIONS rule 2). */
export const rooms = {
  /** Every socket of one user: fan-out target for messages, receipts and updates. */
  user: (userId: string) => `user:${userId}`,
  /** Sockets currently viewing a conversation (`conversation:join`). */
  conversation: (conversationId: string) => `conversation:${conversationId}`,
  /** The conversation id in a room name from {@link rooms.conversation}, or undefined for any other room. */
  conversationIdOf: (room: string): string | undefined => (room.startsWith('conversation:') ? room.slice('conversation:'.length) : undefined),
} as const;
