import type { User } from '@parley/protocol';
import type { BackgroundWork } from '../../background.js';
import type { Db } from '../../db/database.js';
import type { DomainEvents } from '../../events.js';
import { nowIso } from '../../ids.js';
import type { PresenceTracker } from './presence-tracker.js';
import { findLastSeen, listContactIds, setLastSeen } from './presence.repository.js';

/**
 * Presence (contract § Realtime, `presence:update`): a user is online while at least one socket of theirs is
 * connected. Going online (first socket) and offline (last socket; `users.last_seen_at` is stored) emit
 * `presence.changed` for the users who share a conversation with them. Each user's changes run one after the
 * other, so a quick connect-then-disconnect is announced in that order; failures are logged, never thrown.
 */
export class PresenceService {
  constructor(
    private readonly db: Db,
    private readonly events: DomainEvents,
    private readonly tracker: PresenceTracker,
    private readonly work: BackgroundWork,
  ) {}

  /** A socket of `user` connected. */
  connected(user: User, socketId: string): void {
    this.work.queue(`presence:${user.id}`, 'presence (online)', async () => {
      if (!(await this.tracker.connect(user.id, socketId))) return;
      const lastSeenAt = await findLastSeen(this.db, user.id);
      await this.announce(user.id, true, lastSeenAt);
    });
  }

  /** A socket of `user` disconnected. */
  disconnected(user: User, socketId: string): void {
    this.work.queue(`presence:${user.id}`, 'presence (offline)', async () => {
      if (!(await this.tracker.disconnect(user.id, socketId))) return;
      const lastSeenAt = nowIso();
      await setLastSeen(this.db, user.id, lastSeenAt);
      await this.announce(user.id, false, lastSeenAt);
    });
  }

  /** Which of `userIds` are online now. */
  online(userIds: string[]): Promise<Set<string>> {
    return this.tracker.isOnline(userIds);
  }

  private async announce(userId: string, online: boolean, lastSeenAt: string | null): Promise<void> {
    const audienceIds = await listContactIds(this.db, userId);
    if (audienceIds.length > 0) this.events.emit('presence.changed', { userId, online, lastSeenAt, audienceIds });
  }
}
