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
import { MessagesService } from '../modules/messages/messages.service.js';
import { createMemorySendLimiter } from '../modules/messages/send-limiter.js';
import { ReceiptsService } from '../modules/receipts/receipts.service.js';
import { backdateConversation, hasAnyUser } from './demo.repository.js';
import { bookingHistory, bookingHistoryWithWorker, checkoutHistory, demoUsers, type DemoLine } from './demo-data.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Seeds the demo workspace into an empty database, through the same services the API uses:
 * an admin, two clients, an approved provider and an unapproved one, an approved agency with two
 * workers, open requests with pending proposals, and two accepted projects (one an agency project
 * with a worker assigned) whose conversations hold a history spread over the past days.
 * Returns false, changing nothing, when the database already has users.
 */
export async function seedDemo(db: Kysely<Database>): Promise<boolean> {
  if (await hasAnyUser(db)) return false;
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
  const as = (id: string): User => {
    const user = users.get(id);
    if (!user) throw new Error(`demo user ${id} is missing`);
    return user;
  };

  const events = new DomainEvents();
  const conversations = new ConversationsService(db);
  const requests = new RequestsService(db);
  const projects = new ProjectsService(db, events, conversations);
  const messages = new MessagesService(db, events, createMemorySendLimiter(0, 1));
  const receipts = new ReceiptsService(db, events);
  const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();
  const say = async (conversationId: string, lines: DemoLine[]) => {
    for (const [senderId, text] of lines) await messages.send(as(senderId), conversationId, { text, type: 'text' });
  };

  // Project 1: Alice hires Paul directly.
  const checkout = await requests.createRequest(as('client-alice'), {
    title: 'Redesign the checkout flow',
    description: 'Our five-step checkout loses a third of buyers. We want a faster, mobile-first flow.',
    budget: 450_000,
  });
  const paulOffer = await requests.createProposal(as('provider-paul'), checkout.id, {
    price: 420_000,
    currency: 'EUR',
    scope: 'Audit, wireframes, high-fidelity designs and a clickable prototype of a two-step checkout.',
    deadline: inDays(30),
    expiresAt: inDays(7),
  });
  const first = await projects.acceptProposal(as('client-alice'), paulOffer.id);
  await say(first.conversation.id, checkoutHistory);
  await receipts.markRead(as('client-alice'), first.conversation.id, checkoutHistory.length - 1);

  // Project 2: Bob hires Nova Studio, which assigns Wen.
  const booking = await requests.createRequest(as('client-bob'), {
    title: 'Mobile app for salon bookings',
    description: 'iOS and Android app where customers book appointments with our stylists.',
    budget: 1_800_000,
  });
  const novaOffer = await requests.createProposal(as('agency-nova'), booking.id, {
    price: 1_650_000,
    currency: 'USD',
    scope: 'React Native app with sign-in, service catalogue, booking calendar and push reminders.',
    deadline: inDays(75),
    expiresAt: inDays(10),
  });
  const second = await projects.acceptProposal(as('client-bob'), novaOffer.id);
  await say(second.conversation.id, bookingHistory);
  await projects.assignWorker(as('agency-nova'), second.project.id, 'worker-wen');
  await say(second.conversation.id, bookingHistoryWithWorker);

  // Open requests with pending proposals.
  const copy = await requests.createRequest(as('client-alice'), {
    title: 'Product descriptions for 40 items',
    description: 'Friendly, SEO-aware copy for our spring collection.',
  });
  await requests.createProposal(as('provider-paul'), copy.id, {
    price: 80_000,
    currency: 'EUR',
    scope: '40 descriptions of 80 to 120 words, two rounds of edits.',
    deadline: inDays(14),
    expiresAt: inDays(5),
  });
  await requests.createProposal(as('provider-uma'), copy.id, {
    price: 65_000,
    currency: 'EUR',
    scope: '40 descriptions with keyword research, one round of edits.',
    deadline: inDays(10),
    expiresAt: inDays(5),
  });
  const analytics = await requests.createRequest(as('client-bob'), {
    title: 'Analytics dashboard for bookings',
    description: 'A dashboard of bookings per stylist, no-shows and revenue per week.',
    budget: 300_000,
  });
  await requests.createProposal(as('agency-nova'), analytics.id, {
    price: 280_000,
    currency: 'USD',
    scope: 'Metabase dashboards over the booking database, with a weekly e-mail digest.',
    deadline: inDays(21),
    expiresAt: inDays(6),
  });

  await backdateConversation(db, first.conversation.id, Date.now() - 3 * DAY_MS, 47 * 60 * 1000);
  await backdateConversation(db, second.conversation.id, Date.now() - 2 * DAY_MS, 61 * 60 * 1000);
  return true;
}
