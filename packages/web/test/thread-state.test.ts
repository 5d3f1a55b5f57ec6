import { describe, expect, it } from 'vitest';
import {
  contiguousSeq,
  emptyThread,
  mergeBySeq,
  withChangedMessage,
  withDeletedMessage,
  withNewestPage,
  withPending,
  withStoredMessage,
} from '../src/store/thread-state.js';
import { makeMessage } from './support/factories.js';

const seqs = (messages: { seq: number }[]) => messages.map((message) => message.seq);

describe('thread state', () => {
  it('keeps messages keyed by seq: pages meet without duplicates, in order', () => {
    const newest = [4, 5, 6].map((seq) => makeMessage({ seq }));
    const older = [2, 3, 4].map((seq) => makeMessage({ seq }));
    expect(seqs(mergeBySeq(newest, older))).toEqual([2, 3, 4, 5, 6]);
    expect(seqs(mergeBySeq(newest, [makeMessage({ seq: 7 })]))).toEqual([4, 5, 6, 7]);
    const edited = makeMessage({ seq: 5, text: 'edited' });
    expect(mergeBySeq(newest, [edited]).find((message) => message.seq === 5)?.text).toBe('edited');
  });

  it('replaces the optimistic copy of an own message by its stored copy (same clientId), once', () => {
    const base = withNewestPage(emptyThread(), { items: [makeMessage({ seq: 1 })], hasMore: false });
    const pending = { ...base, pending: [{ clientId: 'c-1', text: 'Hi', createdAt: '2026-11-21T10:00:00.000Z', status: 'sending' as const }] };
    const stored = makeMessage({ seq: 2, senderId: 'client-alice', text: 'Hi', clientId: 'c-1' });
    const once = withStoredMessage(pending, stored, 'client-alice');
    const twice = withStoredMessage(once, stored, 'client-alice');
    expect(once.pending).toEqual([]);
    expect(seqs(twice.messages)).toEqual([1, 2]);
  });

  it('keeps own messages stored before the newest page arrived, and tracks from below a gap', () => {
    const early = withStoredMessage(emptyThread(), makeMessage({ seq: 8 }), 'me');
    const loaded = withNewestPage(early, { items: [6, 7].map((seq) => makeMessage({ seq })), hasMore: true });
    expect(seqs(loaded.messages)).toEqual([6, 7, 8]);
    expect(contiguousSeq(loaded)).toBe(8);

    const gapped = withStoredMessage(loaded, makeMessage({ seq: 11 }), 'me');
    expect(contiguousSeq(gapped)).toBe(8);
  });

  it('shows an unsent message once, keeping when it was sent while its status changes', () => {
    const sending = withPending(emptyThread(), { clientId: 'c-1', text: 'Hi', status: 'sending' });
    const failed = withPending(sending, { clientId: 'c-1', text: 'Hi', status: 'failed' });
    expect(failed.pending).toEqual([{ ...sending.pending[0], status: 'failed' }]);
    expect(withPending(failed, { clientId: 'c-2', text: 'Again', status: 'sending' }).pending.map((item) => item.clientId)).toEqual(['c-1', 'c-2']);
  });

  it('replaces a changed message it holds and refreshes the quotes of replies to it, but never adds one it does not hold', () => {
    const quote = { id: 'msg-1', senderId: 'provider-paul', preview: 'Old words', deleted: false };
    const thread = withNewestPage(emptyThread(), { items: [makeMessage({ seq: 5 }), makeMessage({ seq: 6, replyToId: 'msg-1', replyTo: quote })], hasMore: true });
    // msg-1 is older than the page: only the quote changes.
    const edited = withChangedMessage(thread, makeMessage({ seq: 1, text: 'New words' }));
    expect(seqs(edited.messages)).toEqual([5, 6]);
    expect(edited.messages[1]?.replyTo).toEqual({ ...quote, preview: 'New words' });

    const changed = withChangedMessage(thread, makeMessage({ seq: 5, text: 'Edited five' }));
    expect(changed.messages[0]?.text).toBe('Edited five');
  });

  it('turns a deleted message into a tombstone that a late copy from before cannot undo', () => {
    const message = makeMessage({ seq: 1, text: 'Secret', reactions: [{ emoji: '👍', count: 1, userIds: ['x'], me: false }] });
    const reply = makeMessage({ seq: 2, replyToId: 'msg-1', replyTo: { id: 'msg-1', senderId: 'provider-paul', preview: 'Secret', deleted: false } });
    const thread = withNewestPage(emptyThread(), { items: [message, reply], hasMore: false });
    const deleted = withDeletedMessage(thread, { messageId: 'msg-1', deletedAt: '2026-11-20T11:00:00.000Z' });
    expect(deleted.messages[0]).toMatchObject({ text: '', reactions: [], deletedAt: '2026-11-20T11:00:00.000Z' });
    expect(deleted.messages[1]?.replyTo).toMatchObject({ preview: '', deleted: true });
    expect(withChangedMessage(deleted, message).messages[0]?.deletedAt).toBe('2026-11-20T11:00:00.000Z');
  });
});
