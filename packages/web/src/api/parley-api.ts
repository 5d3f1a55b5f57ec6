import type { ParleyClient, Realtime } from '@parley/sdk';

/**
 * The part of the SDK's {@link ParleyClient} that the web app uses. The real client satisfies it; component
 * tests pass a fake object of this shape through {@link ApiContext}, so no test needs a network.
 */
export interface ParleyApi {
  me: ParleyClient['me'];
  projects: Pick<ParleyClient['projects'], 'get'>;
  /**
   * The inbox, one conversation, the caller's settings, and groups inside a project (docs/api.md § Groups): creating
   * one, adding and removing its members (the creator), leaving it (anyone else).
   */
  conversations: Pick<ParleyClient['conversations'], 'list' | 'get' | 'updateSettings' | 'createGroup' | 'addParticipant' | 'removeParticipant'>;
  notifications: Pick<ParleyClient['notifications'], 'list' | 'markRead'>;
  /**
   * History, and the actions on one message (issue 5): edit, delete, forward, react, unreact, pin, search, and an edited
   * message's earlier versions; a conversation's pins.
   */
  messages: Pick<ParleyClient['messages'], 'list' | 'edit' | 'delete' | 'forward' | 'react' | 'unreact' | 'pins' | 'pin' | 'search' | 'edits'>;
  /** Reporting a message to the admins (issue 5, moderation). */
  reports: Pick<ParleyClient['reports'], 'create'>;
  /**
   * The admin page's routes (`role: admin` only): report queue, conversations and their status, one conversation with
   * its participants and full history (deleted messages with their text), audit log.
   */
  admin: Pick<ParleyClient['admin'], 'reports' | 'resolveReport' | 'conversations' | 'conversation' | 'setConversationStatus' | 'participants' | 'messages' | 'audit'>;
  reads: Pick<ParleyClient['reads'], 'markRead'>;
  /** Uploading the composer's files (issue 6) before the message that claims them, and fresh signed URLs once one lapsed. */
  attachments: Pick<ParleyClient['attachments'], 'upload' | 'meta'>;
  /**
   * Video meetings inside projects (issue 7): creating one (instant or scheduled), a project's list, one meeting, its
   * lifecycle actions (start, join, leave, cancel, …) and the media token for the call view.
   */
  meetings: Pick<ParleyClient['meetings'], 'create' | 'list' | 'get' | 'act' | 'token'>;
  /**
   * The socket's requests the app makes: joining a conversation's room, typing, sending (the outbox), reading, and
   * answering an incoming call (`meeting:accept` / `meeting:decline`).
   */
  live: Pick<ParleyClient['live'], 'join' | 'leave' | 'typing' | 'send' | 'markRead' | 'meeting'>;
  realtime: Pick<Realtime, 'connect' | 'disconnect' | 'getStatus' | 'onStatus'>;
  on: ParleyClient['on'];
  /** Every send of the app: one `clientId` per message, retried with it until stored or refused. */
  outbox: Pick<ParleyClient['outbox'], 'send' | 'retry' | 'unsent' | 'onChange'>;
  /** The messages of the loaded threads, exactly once and in `seq` order, caught up after gaps and reconnections. */
  stream: Pick<ParleyClient['stream'], 'track' | 'untrack' | 'sync' | 'onMessage' | 'onChange' | 'onError'>;
}
