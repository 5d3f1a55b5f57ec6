/** Socket.IO room names; the only place they are spelled (CONVENTIONS rule 2). */
export const rooms = {
  /** Every socket of one user: fan-out target for messages, receipts and updates. */
  user: (userId: string) => `user:${userId}`,
  /** Sockets currently viewing a conversation (`conversation:join`). */
  conversation: (conversationId: string) => `conversation:${conversationId}`,
} as const;
