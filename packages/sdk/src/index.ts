/**
 * Parley's typed client for browsers and Node: REST resources and Socket.IO events, with types from
 * `@parley/protocol`. See packages/sdk/README.md.
 */
export { ParleyClient, devAuth, type MeetingAction, type ParleyClientOptions } from './client.js';
export { ParleyError, type ClientErrorCode } from './errors.js';
export { CATCH_UP_RETRY_BASE_MS, CATCH_UP_RETRY_MAX_MS, MessageStream, type FetchAfter } from './message-stream.js';
export { Outbox, type OutboxEntry, type OutboxOptions, type OutboxStatus } from './outbox.js';
export { Realtime, type ConnectionState, type ConnectionStatus, type ParleySocket } from './realtime.js';
export type { TokenSource, UploadProgress } from './rest.js';
