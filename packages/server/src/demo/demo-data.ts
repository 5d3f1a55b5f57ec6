import type { Role } from '@parley/protocol';

/** A demo user: id, display name, role, agency, approval. */
export interface DemoUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  agencyId: string | null;
  approved: boolean;
}

/** The demo workspace's people (contract § Identity roles). Sign in as any of them with `POST /api/dev/token`. */
export const demoUsers: DemoUser[] = [
  { id: 'admin', name: 'Ada Admin', email: 'ada@example.com', role: 'admin', agencyId: null, approved: true },
  { id: 'client-alice', name: 'Alice Martin', email: 'alice@example.com', role: 'client', agencyId: null, approved: true },
  { id: 'client-bob', name: 'Bob Chen', email: 'bob@example.com', role: 'client', agencyId: null, approved: true },
  { id: 'provider-paul', name: 'Paul Okafor', email: 'paul@example.com', role: 'provider', agencyId: null, approved: true },
  { id: 'provider-uma', name: 'Uma Patel', email: 'uma@example.com', role: 'provider', agencyId: null, approved: false },
  { id: 'agency-nova', name: 'Nova Studio', email: 'hello@nova.example.com', role: 'agency', agencyId: 'agency-nova', approved: true },
  { id: 'worker-wen', name: 'Wen Li', email: 'wen@nova.example.com', role: 'worker', agencyId: 'agency-nova', approved: true },
  { id: 'worker-sam', name: 'Sam Rivera', email: 'sam@nova.example.com', role: 'worker', agencyId: 'agency-nova', approved: true },
];

/** A proposal in the demo: terms in minor units, times in days from the seeding moment. */
export interface DemoProposal {
  providerId: string;
  price: number;
  currency: string;
  scope: string;
  deadlineInDays: number;
  expiresInDays: number;
}

/** A client's request, its proposals, and which provider's proposal the client accepts (if any). */
export interface DemoRequest {
  key: string;
  clientId: string;
  title: string;
  description: string;
  budget?: number;
  proposals: DemoProposal[];
  hire?: string;
}

/** The demo's requests: two accepted (a direct project and an agency project) and two still open. */
export const demoRequests: DemoRequest[] = [
  {
    key: 'checkout',
    clientId: 'client-alice',
    title: 'Redesign the checkout flow',
    description: 'Our five-step checkout loses a third of buyers. We want a faster, mobile-first flow.',
    budget: 450_000,
    proposals: [
      {
        providerId: 'provider-paul',
        price: 420_000,
        currency: 'EUR',
        scope: 'Audit, wireframes, high-fidelity designs and a clickable prototype of a two-step checkout.',
        deadlineInDays: 30,
        expiresInDays: 7,
      },
    ],
    hire: 'provider-paul',
  },
  {
    key: 'booking',
    clientId: 'client-bob',
    title: 'Mobile app for salon bookings',
    description: 'iOS and Android app where customers book appointments with our stylists.',
    budget: 1_800_000,
    proposals: [
      {
        providerId: 'agency-nova',
        price: 1_650_000,
        currency: 'USD',
        scope: 'React Native app with sign-in, service catalogue, booking calendar and push reminders.',
        deadlineInDays: 75,
        expiresInDays: 10,
      },
    ],
    hire: 'agency-nova',
  },
  {
    key: 'copy',
    clientId: 'client-alice',
    title: 'Product descriptions for 40 items',
    description: 'Friendly, SEO-aware copy for our spring collection.',
    proposals: [
      { providerId: 'provider-paul', price: 80_000, currency: 'EUR', scope: '40 descriptions of 80 to 120 words, two rounds of edits.', deadlineInDays: 14, expiresInDays: 5 },
      { providerId: 'provider-uma', price: 65_000, currency: 'EUR', scope: '40 descriptions with keyword research, one round of edits.', deadlineInDays: 10, expiresInDays: 5 },
    ],
  },
  {
    key: 'analytics',
    clientId: 'client-bob',
    title: 'Analytics dashboard for bookings',
    description: 'A dashboard of bookings per stylist, no-shows and revenue per week.',
    budget: 300_000,
    proposals: [
      {
        providerId: 'agency-nova',
        price: 280_000,
        currency: 'USD',
        scope: 'Metabase dashboards over the booking database, with a weekly e-mail digest.',
        deadlineInDays: 21,
        expiresInDays: 6,
      },
    ],
  },
];

/** A line of demo history: who says it (a demo user id) and what. */
export type DemoLine = [senderId: string, text: string];

/** Alice's checkout redesign with Paul: a direct provider project. */
export const checkoutHistory: DemoLine[] = [
  ['client-alice', 'Hi Paul, thanks for taking this on! Shall we start with a quick audit of the current checkout?'],
  ['provider-paul', 'Hi Alice! Yes. I went through it last night: five steps, two of them ask for the address again.'],
  ['provider-paul', 'My plan: collapse it into two steps (cart review, then payment and address on one page).'],
  ['client-alice', 'Love it. Our drop-off is worst on the shipping step, so that fits.'],
  ['provider-paul', 'Great. I will share wireframes by Thursday. Can you send me the analytics export for the funnel?'],
  ['client-alice', 'Sending it over today. Anything else you need from us?'],
  ['provider-paul', 'Access to the staging store would help, plus your brand guidelines if you have them.'],
  ['client-alice', 'Done, you should have an invite in your inbox. Guidelines are in the shared drive.'],
  ['provider-paul', 'Got both, thanks! First wireframes coming up.'],
  ['provider-paul', 'Wireframes are ready: one-page checkout with address autocomplete and Apple Pay up front. Thoughts?'],
];

/** Bob's booking app with Nova Studio, whose worker Wen joins after the kick-off. */
export const bookingHistory: DemoLine[] = [
  ['client-bob', 'Hello Nova team! Excited to get the booking app going.'],
  ['agency-nova', 'Hi Bob, welcome aboard. We will staff this with Wen, our lead mobile developer.'],
  ['client-bob', 'Perfect. Is React Native still the plan?'],
  ['agency-nova', 'Yes, one codebase for iOS and Android. Wen will post the first sprint plan here.'],
];

/** Lines after Wen joined the booking project. */
export const bookingHistoryWithWorker: DemoLine[] = [
  ['worker-wen', 'Hi Bob! Sprint 1: sign-in, service catalogue and the calendar picker. Demo build next Friday.'],
  ['client-bob', 'Sounds great. Could the calendar show staff availability per service?'],
  ['worker-wen', 'Yes, I will pull it from your scheduling API. Do you have API keys for staging?'],
  ['client-bob', 'I will ask our CTO to send them today.'],
];
