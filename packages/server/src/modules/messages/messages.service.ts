import type { Kysely } from 'kysely';
import type { ForwardBody, HistoryPage, HistoryQuery, Message, MessageType, SendMessageInput, User } from '@parley/protocol';
import { isUniqueViolation, type Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { conflict, invalid } from '../../errors.js';
import type { DomainEvents } from '../../events.js';
import { newId, nowIso } from '../../ids.js';
import { notWritable, requireParticipant } from '../conversations/conversations.access.js';
import { advanceReadSeq, allocateSeq, findConversation, listParticipantUsers } from '../conversations/conversations.repository.js';
import { attachmentMessageType, claimAttachments, copyAttachments, messageAttachmentIds } from '../attachments/message-files.js';
import { requireVisibleMessage } from './message-actions.service.js';
import { resolveMentions } from './mentions.js';
import { presentMessage } from './messages.presenter.js';
import type { MessageViews } from './message-views.js';
import { findByClientId, findMessage, insertMessage, listMessages, type MessageRow } from './messages.repository.js';
import type { SendLimiter } from './send-limiter.js';
import { appendReadChange, insertChange } from '../sync/sync.repository.js';

/** The outcome of a send: `created` is false when the `clientId` named a message already stored. */
export interface SendResult {
  message: Message;
  created: boolean;
}

/**
 * Stores a message under the conversation's next `seq`, with its `message.created` change, inside the caller's transaction. Throws
 * `CONVERSATION_READ_ONLY` when the conversation is not active (contract § Marketplace flow), `CONVERSATION_LOCKED` when an admin locked it,
 * unless `whileClosed` (the server's own `system` messages, which record such changes).
 */
export async function appendMessage(
  trx: Db,
  fields: Pick<MessageRow, 'conversation_id' | 'sender_id' | 'type' | 'text' | 'client_id' | 'reply_to_id'> &
    Partial<Pick<MessageRow, 'forwarded_from_id' | 'payload'>> & { mentions?: string[] },
  at: string,
  { whileClosed = false }: { whileClosed?: boolean } = {},
): Promise<MessageRow> {
  const seqs = await allocateSeq(trx, fields.conversation_id, at, { onlyActive: !whileClosed });
  if (seqs === undefined) throw notWritable((await findConversation(trx, fields.conversation_id))?.status);
  const { mentions, ...columns } = fields;
  const row: MessageRow = {
    forwarded_from_id: null,
    payload: null,
    ...columns,
    mentions: JSON.stringify(mentions ?? []),
    id: newId(),
    seq: seqs.seq,
    created_at: at,
    edited_at: null,
    deleted_at: null,
    deleted_by: null,
  };
  await insertMessage(trx, row);
  await insertChange(trx, { conversation_id: row.conversation_id, kind: 'message.created', message_id: row.id, created_at: at }, seqs.changeSeq);
  return row;
}

/**
 * The rows of a history page in ascending `seq` (keyset, never OFFSET): without `before`/`after` the newest
 * page, `hasMore` saying older ones exist; with `after` the ones just above it, `hasMore` saying newer ones exist.
 */
export async function readHistoryPage(db: Db, conversationId: string, query: HistoryQuery): Promise<{ rows: MessageRow[]; hasMore: boolean }> {
  const direction = query.after === undefined ? 'up' : 'down';
  const rows = await listMessages(db, conversationId, {
    direction,
    ...(query.before === undefined ? {} : { beforeSeq: query.before }),
    ...(query.after === undefined ? {} : { afterSeq: query.after }),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  if (direction === 'up') page.reverse();
  return { rows: page, hasMore: rows.length > query.limit };
}

/** Sending and reading messages (contract § Conversations and messages). */
export class MessagesService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly views: MessageViews,
    private readonly events: DomainEvents,
    private readonly limiter: SendLimiter,
    /** Most attachments per message (`PARLEY_MAX_FILES`). */
    private readonly maxFiles: number,
  ) {}

  /**
   * Sends `input` from `actor` into a conversation and emits `message.created` after commit.
   * A repeated `clientId` with the same content returns the stored message with `created: false`. The sender's read position
   * moves to the new message; when that covers others' messages the sender had not read yet, it is
   * announced as `conversation.read` too (a reply implies the thread was read). Throws `NOT_FOUND` (not a participant), `VALIDATION_FAILED`,
   * `RATE_LIMITED`, `CONVERSATION_READ_ONLY`, `CONVERSATION_LOCKED` and `IDEMPOTENCY_CONFLICT` (a reused `clientId` with other content).
   * With `attachmentIds` (the sender's own unsent uploads in this conversation, at most `PARLEY_MAX_FILES`) the
   * type comes from the files (issue 6) and the text is an optional caption.
   */
  send(actor: User, conversationId: string, input: SendMessageInput): Promise<SendResult> {
    return this.store(actor, conversationId, input, null);
  }

  /**
   * Copies a message into another conversation the caller participates in (issue 5, "forward"): a new message
   * of the caller's with the same text and attachments, whose `forwardedFrom` names the original; sent as by {@link send}
   * (`clientId` idempotency, rate limit, `message:new`). Throws `NOT_FOUND` (the message or the target conversation
   * is not the caller's to see), `MESSAGE_DELETED`, `VALIDATION_FAILED` (system messages), and {@link send}'s errors.
   */
  async forward(actor: User, messageId: string, body: ForwardBody): Promise<SendResult> {
    const source = await requireVisibleMessage(this.db, actor, messageId);
    if (source.deleted_at !== null) throw conflict('MESSAGE_DELETED', 'This message was deleted');
    if (source.type === 'system') throw invalid('messageId', 'system messages cannot be forwarded');
    const original = presentMessage(source);
    const input: SendMessageInput = {
      text: source.text,
      type: source.type,
      ...(original.location ? { location: original.location } : {}),
      ...(original.contact ? { contact: original.contact } : {}),
      ...(body.clientId ? { clientId: body.clientId } : {}),
    };
    return this.store(actor, body.conversationId, input, source.id);
  }

  private async store(actor: User, conversationId: string, input: SendMessageInput, forwardedFromId: string | null): Promise<SendResult> {
    const sender = await requireParticipant(this.db, conversationId, actor.id);
    const attachmentIds = input.attachmentIds ?? [];
    const carriesFiles = attachmentIds.length > 0 || (forwardedFromId !== null && FILE_TYPES.has(input.type));
    const payload = carriesFiles ? noStructuredPart(input) : structuredPart(input);
    const replay = await this.findReplay(actor, conversationId, input, forwardedFromId);
    if (replay) return replay;
    const owner = { conversationId, uploaderId: actor.id };
    const type = attachmentIds.length > 0 ? await attachmentMessageType(this.db, attachmentIds, owner, this.maxFiles) : input.type;
    if (input.replyToId) await this.checkReplyTarget(conversationId, input.replyToId);
    await this.limiter.consume(actor.id);

    let result: { row: MessageRow; participantIds: string[] };
    try {
      result = await this.db.transaction().execute(async (trx) => {
        const at = nowIso();
        const participants = await listParticipantUsers(trx, [conversationId]);
        const row = await appendMessage(
          trx,
          {
            conversation_id: conversationId,
            sender_id: actor.id,
            type,
            text: input.text,
            client_id: input.clientId ?? null,
            reply_to_id: input.replyToId ?? null,
            forwarded_from_id: forwardedFromId,
            mentions: resolveMentions(input.text, participants.map((p) => ({ userId: p.user_id, name: p.name }))),
            payload,
          },
          at,
        );
        await claimAttachments(trx, attachmentIds, owner, row.id);
        if (forwardedFromId) await copyAttachments(trx, forwardedFromId, owner, row.id, at);
        await advanceReadSeq(trx, conversationId, actor.id, row.seq, at);
        if (coversOthers(sender, row.seq)) await appendReadChange(trx, conversationId, actor.id, row.seq, at);
        return { row, participantIds: participants.map((p) => p.user_id) };
      });
    } catch (error) {
      // A concurrent send with the same clientId won the unique index: answer with its message.
      const winner = isUniqueViolation(error) ? await this.findReplay(actor, conversationId, input, forwardedFromId) : undefined;
      if (winner) return winner;
      throw error;
    }
    const message = await this.views.presentOne(result.row, null);
    const { participantIds } = result;
    this.events.emit('message.created', { message, participantIds });
    if (coversOthers(sender, message.seq)) {
      this.events.emit('conversation.read', {
        conversationId,
        userId: actor.id,
        lastReadSeq: message.seq,
        messageId: message.id,
        readAt: message.createdAt,
        participantIds,
      });
    }
    return { message, created: true };
  }

  /**
   * A page of history in ascending `seq` (keyset, never OFFSET). Without `before`/`after`: the newest page;
   * `hasMore` then says older messages exist. With `after`: the messages just above it; `hasMore` says
   * newer ones exist. Throws `NOT_FOUND` for non-participants.
   */
  async history(actor: User, conversationId: string, query: HistoryQuery): Promise<HistoryPage> {
    await requireParticipant(this.db, conversationId, actor.id);
    const { rows, hasMore } = await readHistoryPage(this.db, conversationId, query);
    return { items: await this.views.present(rows, actor.id), hasMore };
  }

  /**
   * The message already stored under `input.clientId`, if any. A retry must repeat the same content:
   * a different text, type, reply target or attachments under the same key is `409 IDEMPOTENCY_CONFLICT` (issue 4,
   * guarantee 2), so a client bug that reuses keys cannot silently drop a new message.
   */
  private async findReplay(actor: User, conversationId: string, input: SendMessageInput, forwardedFromId: string | null): Promise<SendResult | undefined> {
    if (!input.clientId) return undefined;
    const stored = await findByClientId(this.db, conversationId, actor.id, input.clientId);
    if (!stored) return undefined;
    const storedFiles = await messageAttachmentIds(this.db, stored.id);
    const sameFiles = forwardedFromId !== null || storedFiles.join() === (input.attachmentIds ?? []).join();
    if (
      stored.text !== input.text ||
      (storedFiles.length === 0 && stored.type !== input.type) ||
      !sameFiles ||
      stored.reply_to_id !== (input.replyToId ?? null) ||
      stored.forwarded_from_id !== forwardedFromId ||
      stored.payload !== structuredPart(input)
    ) {
      throw conflict('IDEMPOTENCY_CONFLICT', 'This clientId was already used for a different message');
    }
    return { message: await this.views.presentOne(stored, actor.id), created: false };
  }

  private async checkReplyTarget(conversationId: string, replyToId: string): Promise<void> {
    const target = await findMessage(this.db, replyToId);
    if (target?.conversation_id !== conversationId) throw invalid('replyToId', 'must name a message of this conversation');
  }
}

/** True when the sender's own message at `seq` moves their read position over messages they had not read. */
function coversOthers(sender: { last_read_seq: number }, seq: number): boolean {
  return sender.last_read_seq < seq - 1;
}

/** The types whose content is attachments (issue 6). */
const FILE_TYPES: ReadonlySet<MessageType> = new Set(['image', 'video', 'audio', 'file']);

/** With attachments, the type comes from the files: no location or contact part, no other type asked for. */
function noStructuredPart(input: SendMessageInput): null {
  if (input.location) throw invalid('location', 'is only for location messages');
  if (input.contact) throw invalid('contact', 'is only for contact messages');
  if (input.type === 'location' || input.type === 'contact') throw invalid('type', 'cannot be location or contact with attachments');
  return null;
}

/**
 * The structured part a message type needs, as stored JSON (issue 5, "Types"): `location` with `type: "location"`,
 * `contact` with `type: "contact"`, neither with `text`. `text` stays required for every type: it is the caption
 * or the plain-text fallback. Throws `VALIDATION_FAILED` for a missing or misplaced part, and for the file types
 * until attachments exist.
 */
function structuredPart(input: SendMessageInput): string | null {
  switch (input.type) {
    case 'location':
      if (!input.location) throw invalid('location', 'is required for a location message');
      if (input.contact) throw invalid('contact', 'is only for contact messages');
      return JSON.stringify(input.location);
    case 'contact':
      if (!input.contact) throw invalid('contact', 'is required for a contact message');
      if (input.location) throw invalid('location', 'is only for location messages');
      return JSON.stringify(input.contact);
    case 'text':
      if (input.location) throw invalid('location', 'is only for location messages');
      if (input.contact) throw invalid('contact', 'is only for contact messages');
      return null;
    default:
      throw invalid('attachmentIds', `are required for a ${input.type} message`);
  }
}
