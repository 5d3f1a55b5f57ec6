/**
 * Who is viewing which conversation: the sockets joined to it through `conversation:join` (until
 * `conversation:leave` or disconnect). Notifications skip users who are viewing. Lives between requests,
 * so it sits behind this interface (CONVENTIONS, "Scale-out seams"): in memory for one process (below),
 * Redis for many.
 */
export interface ViewingTracker {
  /** `socketId` of `userId` started viewing `conversationId`. */
  join(socketId: string, userId: string, conversationId: string): Promise<void>;
  /** `socketId` stopped viewing `conversationId`. */
  leave(socketId: string, conversationId: string): Promise<void>;
  /** `socketId` disconnected: it views nothing any more. */
  disconnect(socketId: string): Promise<void>;
  /** The users with at least one socket viewing `conversationId`. */
  viewers(conversationId: string): Promise<Set<string>>;
}

/** In-memory {@link ViewingTracker}: per conversation, its viewing sockets and their users. */
export function createMemoryViewingTracker(): ViewingTracker {
  /** conversationId → socketId → userId */
  const byConversation = new Map<string, Map<string, string>>();
  /** socketId → the conversations it views */
  const bySocket = new Map<string, Set<string>>();

  const leave = (socketId: string, conversationId: string) => {
    const viewing = byConversation.get(conversationId);
    viewing?.delete(socketId);
    if (viewing?.size === 0) byConversation.delete(conversationId);
    const joined = bySocket.get(socketId);
    joined?.delete(conversationId);
    if (joined?.size === 0) bySocket.delete(socketId);
  };

  return {
    join(socketId, userId, conversationId) {
      const viewing = byConversation.get(conversationId) ?? new Map<string, string>();
      viewing.set(socketId, userId);
      byConversation.set(conversationId, viewing);
      const joined = bySocket.get(socketId) ?? new Set<string>();
      joined.add(conversationId);
      bySocket.set(socketId, joined);
      return Promise.resolve();
    },
    leave(socketId, conversationId) {
      leave(socketId, conversationId);
      return Promise.resolve();
    },
    disconnect(socketId) {
      for (const conversationId of [...(bySocket.get(socketId) ?? [])]) leave(socketId, conversationId);
      return Promise.resolve();
    },
    viewers(conversationId) {
      return Promise.resolve(new Set(byConversation.get(conversationId)?.values() ?? []));
    },
  };
}
