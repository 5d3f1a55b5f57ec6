import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { User } from '@parley/protocol';
import type { Database } from '../db/schema.js';
import { DomainEvents } from '../events.js';
import { nowIso } from '../ids.js';
import { ConversationsService } from '../modules/conversations/conversations.service.js';
import { presentUser } from '../modules/identity/identity.presenter.js';
import { upsertUser } from '../modules/identity/identity.repository.js';
import { ProjectsService } from '../modules/marketplace/projects.service.js';
import { RequestsService } from '../modules/marketplace/requests.service.js';
import { createAttachmentUrls } from '../modules/attachments/attachment-urls.js';
import { MessageViews } from '../modules/messages/message-views.js';
import { MessagesService } from '../modules/messages/messages.service.js';
import { createMemorySendLimiter } from '../modules/messages/send-limiter.js';
import { createMemoryPresenceTracker } from '../modules/presence/presence-tracker.js';
import { backdateConversation, hasAnyUser } from './demo.repository.js';
import { bookingHistory, bookingHistoryWithWorker, checkoutHistory, demoRequests, demoUsers, type DemoLine } from './demo-data.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/**
 * Seeds the demo workspace into an empty database, through the same services the API uses:
 * an admin, two clients, an approved provider and an unapproved one, an approved agency with two
 * workers, open requests with pending proposals, and two accepted projects (one an agency project
 * with a worker assigned) whose conversations hold a history spread over the past days.
 * Returns false, changing nothing, when the database already has users.
 */
export async function seedDemo(db: Kysely<Database>): Promise<boolean> {
  if (await hasAnyUser(db)) return false;
  const users = await insertUsers(db);
  const as = (id: string): User => {
    const user = users.get(id);
    if (!user) throw new Error(`demo user ${id} is missing`);
    return user;
  };

  const events = new DomainEvents();
  const conversations = new ConversationsService(db, events, createMemoryPresenceTracker());
  const requests = new RequestsService(db);
  const projects = new ProjectsService(db, conversations);
  // The demo sends no files: attachment URLs signed with a throw-away key are never handed out.
  const views = new MessageViews(db, createAttachmentUrls(randomBytes(32), 900));
  const messages = new MessagesService(db, views, events, createMemorySendLimiter(0, 1), 0);
  const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();
  const say = async (conversationId: string, lines: DemoLine[]) => {
    for (const [senderId, text] of lines) await messages.send(as(senderId), conversationId, { text, type: 'text' });
  };

  const hired = new Map<string, { projectId: string; conversationId: string }>();
  for (const demo of demoRequests) {
    const request = await requests.createRequest(as(demo.clientId), {
      title: demo.title,
      description: demo.description,
      ...(demo.budget === undefined ? {} : { budget: demo.budget }),
    });
    for (const offer of demo.proposals) {
      const proposal = await requests.createProposal(as(offer.providerId), request.id, {
        price: offer.price,
        currency: offer.currency,
        scope: offer.scope,
        deadline: inDays(offer.deadlineInDays),
        expiresAt: inDays(offer.expiresInDays),
      });
      if (demo.hire !== offer.providerId) continue;
      const { project, conversation } = await projects.acceptProposal(as(demo.clientId), proposal.id);
      hired.set(demo.key, { projectId: project.id, conversationId: conversation.id });
    }
  }

  const checkout = hired.get('checkout');
  const booking = hired.get('booking');
  if (!checkout || !booking) throw new Error('the demo requests must hire for checkout and booking');
  await say(checkout.conversationId, checkoutHistory);
  await say(booking.conversationId, bookingHistory);
  await projects.assignWorker(as('agency-nova'), booking.projectId, 'worker-wen');
  await say(booking.conversationId, bookingHistoryWithWorker);

  await backdateConversation(db, checkout.conversationId, Date.now() - 3 * DAY_MS, 47 * MINUTE_MS);
  await backdateConversation(db, booking.conversationId, Date.now() - 2 * DAY_MS, 61 * MINUTE_MS);
  return true;
}

/** Inserts the demo users with their approval state; returns them by id. */
async function insertUsers(db: Kysely<Database>): Promise<Map<string, User>> {
  const now = nowIso();
  const users = new Map<string, User>();
  for (const user of demoUsers) {
    const row = {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      agency_id: user.agencyId,
      approved: user.approved ? 1 : 0,
      created_at: now,
      updated_at: now,
    };
    await upsertUser(db, row);
    users.set(user.id, presentUser(row));
  }
  return users;
}
