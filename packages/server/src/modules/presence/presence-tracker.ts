/**
 * Who is online: the connected sockets of each user. Lives between requests, so it sits behind this
 * interface (CONVENTIONS, "Scale-out seams"): in memory for one process (below), Redis for many.
 * Several tabs or devices of one user count once.
 */
export interface PresenceTracker {
  /** Records a connected socket; true when it is the user's first (the user went online). */
  connect(userId: string, socketId: string): Promise<boolean>;
  /** Forgets a socket; true when it was the user's last (the user went offline). Unknown sockets answer false. */
  disconnect(userId: string, socketId: string): Promise<boolean>;
  /** Which of `userIds` have at least one connected socket. */
  isOnline(userIds: string[]): Promise<Set<string>>;
}

/** In-memory {@link PresenceTracker}: the socket ids of each online user. */
export function createMemoryPresenceTracker(): PresenceTracker {
  const sockets = new Map<string, Set<string>>();
  return {
    connect(userId, socketId) {
      const own = sockets.get(userId) ?? new Set<string>();
      const first = own.size === 0;
      own.add(socketId);
      sockets.set(userId, own);
      return Promise.resolve(first);
    },
    disconnect(userId, socketId) {
      const own = sockets.get(userId);
      if (!own?.delete(socketId)) return Promise.resolve(false);
      if (own.size > 0) return Promise.resolve(false);
      sockets.delete(userId);
      return Promise.resolve(true);
    },
    isOnline(userIds) {
      return Promise.resolve(new Set(userIds.filter((id) => sockets.has(id))));
    },
  };
}
