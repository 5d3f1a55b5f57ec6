import { describe, expect, it } from 'vitest';
import { contiguousSeq, emptyThread, mergeBySeq, withNewestPage, withPending, withStoredMessage } from '../src/store/thread-state.js';
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
});
