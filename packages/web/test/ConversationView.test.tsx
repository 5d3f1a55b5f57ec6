import type { HistoryPage, Message } from '@parley/protocol';
import { ParleyError } from '@parley/sdk';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConversationView } from '../src/components/ConversationView.js';
import { useRealtimeStore } from '../src/store/realtime-store.js';
import { createFakeApi, type FakeApi } from './support/fake-api.js';
import { alice, makeConversation, makeMessage, makeProject, paul } from './support/factories.js';
import { bubbleOf } from './support/queries.js';
import { renderWithApi } from './support/render.js';

/** A promise and the functions that settle it, so a test decides when an answer arrives. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (reason: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const history: Message[] = [1, 2, 3].map((seq) => makeMessage({ seq, senderId: seq === 2 ? alice.userId : paul.userId, text: `History ${seq}` }));

function renderView(fake: FakeApi) {
  return renderWithApi(<ConversationView conversationId="conv-checkout" meId={alice.userId} />, fake.api, { meId: alice.userId, path: '/c/conv-checkout' });
}

function storedCopy(text: string, seq: number, clientId: string): Message {
  return makeMessage({ seq, senderId: alice.userId, text, clientId, createdAt: new Date().toISOString() });
}

describe('ConversationView', () => {
  let fake: FakeApi;
  beforeEach(() => {
    useRealtimeStore.getState().reset();
    useRealtimeStore.getState().setConnection({ state: 'connected', error: null });
    fake = createFakeApi();
    fake.conversationsGet.mockResolvedValue(makeConversation({ lastReadSeq: 3 }));
    fake.projectsGet.mockResolvedValue(makeProject());
    fake.messagesList.mockResolvedValue({ items: history, hasMore: false } satisfies HistoryPage);
  });

  it('says "Conversation not found" when the API answers 404', async () => {
    fake.conversationsGet.mockRejectedValue(new ParleyError('NOT_FOUND', 'conversation not found', 404));
    fake.messagesList.mockRejectedValue(new ParleyError('NOT_FOUND', 'conversation not found', 404));
    renderView(fake);
    expect(await screen.findByText('Conversation not found')).toBeInTheDocument();
  });

  it('shows the project details: price in its currency, scope, deadline, status, participants', async () => {
    renderView(fake);
    // Narrow screens (jsdom has no matchMedia) start with the panel collapsed behind its toggle.
    const toggle = await screen.findByRole('button', { name: 'Project details' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('complementary', { name: 'Project details' })).not.toBeInTheDocument();
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const panel = screen.getByRole('complementary', { name: 'Project details' });
    expect(await within(panel).findByText('€4,200.00')).toBeInTheDocument();
    expect(within(panel).getByText('Audit, wireframes and a prototype.')).toBeInTheDocument();
    expect(within(panel).getByText('active')).toBeInTheDocument();
    expect(within(panel).getByText('Alice Martin')).toBeInTheDocument();
    expect(within(panel).getByText('Paul Okafor')).toBeInTheDocument();
  });

  it('shows a sent message at once as "Sending", then once as "Sent", whether the ack or message:new comes first', async () => {
    const ack = deferred<Message>();
    fake.liveSend.mockReturnValue(ack.promise);
    renderView(fake);
    await screen.findByText('History 3');

    await userEvent.type(screen.getByRole('textbox', { name: 'Message' }), 'Wireframes look great{Enter}');
    expect(screen.getByText('Wireframes look great')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Sending' })).toBeInTheDocument();
    const [, body] = fake.liveSend.mock.calls[0] ?? [];
    expect(body?.clientId).toMatch(/^[0-9a-f-]{36}$/);
    const clientId = body?.clientId ?? '';

    act(() => fake.emit('message:new', { message: storedCopy('Wireframes look great', 4, clientId) }));
    await act(async () => ack.resolve(storedCopy('Wireframes look great', 4, clientId)));
    expect(screen.getAllByText('Wireframes look great')).toHaveLength(1);
    expect(screen.queryByRole('img', { name: 'Sending' })).not.toBeInTheDocument();
    expect(within(bubbleOf('Wireframes look great')).getByRole('img', { name: 'Sent' })).toBeInTheDocument();
  });

  it('marks a failed send "Failed" and retries it with the same clientId', async () => {
    fake.liveSend.mockRejectedValueOnce(new ParleyError('NETWORK_ERROR', 'no ack', 0));
    renderView(fake);
    await screen.findByText('History 3');
    await userEvent.type(screen.getByRole('textbox', { name: 'Message' }), 'Are you there?{Enter}');
    expect(await screen.findByRole('img', { name: 'Failed' })).toBeInTheDocument();

    const firstClientId = fake.liveSend.mock.calls[0]?.[1].clientId;
    fake.liveSend.mockImplementationOnce((_id, body) => Promise.resolve(storedCopy(body.text, 4, body.clientId ?? '')));
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(fake.liveSend).toHaveBeenCalledTimes(2);
    expect(fake.liveSend.mock.calls[1]?.[1].clientId).toBe(firstClientId);
    await waitFor(() => expect(screen.queryByRole('img', { name: 'Failed' })).not.toBeInTheDocument());
    expect(screen.getAllByText('Are you there?')).toHaveLength(1);
    expect(within(bubbleOf('Are you there?')).getByRole('img', { name: 'Sent' })).toBeInTheDocument();
  });

  it('turns own messages "Read" when another participant reads them, and shows who is typing', async () => {
    renderView(fake);
    await screen.findByText('History 2');
    expect(screen.getByRole('img', { name: 'Sent' })).toBeInTheDocument();

    act(() => fake.emit('conversation:typing', { conversationId: 'conv-checkout', userId: paul.userId, isTyping: true }));
    expect(await screen.findByText('Paul Okafor is typing…')).toBeInTheDocument();

    act(() => fake.emit('conversation:read', { conversationId: 'conv-checkout', userId: paul.userId, lastReadSeq: 3, readAt: new Date().toISOString() }));
    expect(await screen.findByRole('img', { name: 'Read' })).toBeInTheDocument();

    act(() => fake.emit('message:new', { message: makeMessage({ seq: 4, senderId: paul.userId, text: 'Done typing' }) }));
    expect(await screen.findByText('Done typing')).toBeInTheDocument();
    expect(screen.queryByText('Paul Okafor is typing…')).not.toBeInTheDocument();
  });

  it('marks the newest message read when it is visible', async () => {
    fake.conversationsGet.mockResolvedValue(makeConversation({ lastReadSeq: 1 }));
    renderView(fake);
    await waitFor(() => expect(fake.liveMarkRead).toHaveBeenCalledWith('conv-checkout', 3));
    act(() => fake.emit('message:new', { message: makeMessage({ seq: 4, text: 'One more' }) }));
    await waitFor(() => expect(fake.liveMarkRead).toHaveBeenLastCalledWith('conv-checkout', 4));
    expect(fake.liveMarkRead).toHaveBeenCalledTimes(2);
  });

  it('disables the composer with the reason when the project is completed, also when it happens live', async () => {
    renderView(fake);
    const textbox = await screen.findByRole('textbox', { name: 'Message' });
    expect(textbox).toBeEnabled();

    fake.projectsGet.mockResolvedValue(makeProject({ status: 'completed' }));
    act(() => fake.emit('conversation:updated', { conversation: makeConversation({ status: 'read_only', lastReadSeq: 3 }) }));
    expect(await screen.findByText('This project is completed; the conversation is read-only.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
  });

  it('fetches what was missed after a reconnection, page by page, without duplicates', async () => {
    renderView(fake);
    await screen.findByText('History 3');
    fake.messagesList.mockImplementation((_id, params = {}) => {
      if (params.after === 3) return Promise.resolve({ items: [4, 5].map((seq) => makeMessage({ seq, text: `Missed ${seq}` })), hasMore: true });
      if (params.after === 5) return Promise.resolve({ items: [makeMessage({ seq: 6, text: 'Missed 6' })], hasMore: false });
      return Promise.reject(new Error(`unexpected ${JSON.stringify(params)}`));
    });

    act(() => useRealtimeStore.getState().setConnection({ state: 'disconnected', error: null }));
    act(() => useRealtimeStore.getState().setConnection({ state: 'connected', error: null }));
    act(() => useRealtimeStore.getState().markThreadsStale());

    expect(await screen.findByText('Missed 6')).toBeInTheDocument();
    expect(screen.getByText('Missed 4')).toBeInTheDocument();
    expect(screen.getAllByText(/History 3|Missed 5/)).toHaveLength(2);
    expect(fake.messagesList.mock.calls.map(([, params]) => params?.after)).toEqual([undefined, 3, 5]);
  });
});
