/**
 * Parley's wire contract (`shared/spec/api.md`, v1) as zod schemas, with the TypeScript types derived
 * from them. The server validates with these schemas; the SDK and the web app take their types from here.
 */
export * from './common.js';
export * from './errors.js';
export * from './identity.js';
export * from './marketplace.js';
export * from './attachments.js';
export * from './messages.js';
export * from './conversations.js';
export * from './notifications.js';
export * from './sync.js';
export * from './search.js';
export * from './moderation.js';
export * from './meetings.js';
export * from './events.js';
