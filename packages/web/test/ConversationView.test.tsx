import type { Message } from '@parley/protocol';
import { ParleyError } from '@parley/sdk';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConversationList } from '../src/components/ConversationList.js';
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
  return renderWithApi(<ConversationView conversationId="conv-checkout" meId={alice.userId} focusMessageId={null} />, fake.api, { meId: alice.userId, path: '/c/conv-checkout' });
}

/** The texts of the shown messages matching `pattern`, in the order shown. */
function shownTexts(pattern: RegExp): (string | null)[] {
  return screen.getAllByText(pattern).map((element) => element.textContent);
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
    fake.serve(history);
  });

  it('says "Conversation not found" when the API answers 404', async () => {
    fake.conversationsGet.mockRejectedValue(new ParleyError('NOT_FOUND', 'conversation not found', 404));
    fake.messagesList.mockRejectedValue(new ParleyError('NOT_FOUND', 'conversation not found', 404));
    renderView(fake);
    expect(await screen.findByText('Conversation not found')).toBeInTheDocument();
  });

  it('on conversation:removed drops the conversation from the inbox and says so instead of the thread; added again, it comes back', async () => {
    const group = makeConversation({ kind: 'group', title: 'Design team' });
    fake.conversationsGet.mockResolvedValue(group);
    fake.conversationsList.mockResolvedValue({ items: [group], nextCursor: null });
    const { queryClient } = renderWithApi(
      <>
        <ConversationList meId={alice.userId} selectedId="conv-checkout" />
        <ConversationView conversationId="conv-checkout" meId={alice.userId} focusMessageId={null} />
      </>,
      fake.api,
      { meId: alice.userId, path: '/c/conv-checkout' },
    );
    expect(await screen.findByText('History 3')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^Design team/ })).toBeInTheDocument();
    // Let the refetches of opening (reading the thread) settle, so only the event can drop the conversation.
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));

    act(() => fake.emit('conversation:removed', { conversationId: 'conv-checkout' }));
    expect(screen.getByText('You are no longer in this conversation.')).toBeInTheDocument();
    expect(screen.queryByText('History 3')).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Message' })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('link', { name: /^Design team/ })).not.toBeInTheDocument());

    act(() => fake.emit('conversation:updated', { conversation: group }));
    expect(await screen.findByText('History 3')).toBeInTheDocument();
    expect(screen.queryByText('You are no longer in this conversation.')).not.toBeInTheDocument();
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

  it.each([
    ['message:new', 'the ack'],
    ['the ack', 'message:new'],
  ] as const)('shows a sent message at once as "Sending", then once as "Sent", when %s comes before %s', async (first, second) => {
    const ack = deferred<Message>();
    fake.liveSend.mockReturnValue(ack.promise);
    renderView(fake);
    await screen.findByText('History 3');

    await userEvent.type(screen.getByRole('textbox', { name: 'Message' }), 'Wireframes look great{Enter}');
    expect(screen.getByText('Wireframes look great')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Sending' })).toBeInTheDocument();
    const [, body] = fake.liveSend.mock.calls[0] ?? [];
    expect(body?.clientId).toMatch(/^[0-9a-f-]{36}$/);
    const stored = storedCopy('Wireframes look great', 4, body?.clientId ?? '');

    const arrivals = { 'message:new': () => act(() => fake.arrive(stored)), 'the ack': () => act(async () => ack.resolve(stored)) };
    // Either one alone replaces the optimistic copy; the other then changes nothing.
    for (const arrival of [first, second]) {
      await arrivals[arrival]();
      await waitFor(() => expect(screen.queryByRole('img', { name: 'Sending' })).not.toBeInTheDocument());
      expect(screen.getAllByText('Wireframes look great')).toHaveLength(1);
      expect(within(bubbleOf('Wireframes look great')).getByRole('img', { name: 'Sent' })).toBeInTheDocument();
    }
  });

  it('retries a failed send by itself with the same clientId, then marks it "Failed"; Retry sends it again with that clientId', async () => {
    fake.liveSend.mockRejectedValue(new ParleyError('NETWORK_ERROR', 'no ack', 0));
    renderView(fake);
    await screen.findByText('History 3');
    await userEvent.type(screen.getByRole('textbox', { name: 'Message' }), 'Are you there?{Enter}');
    expect(await screen.findByRole('img', { name: 'Failed' })).toBeInTheDocument();
    // The fake outbox makes two attempts before giving up; both carry the same idempotency key.
    const clientIds = fake.liveSend.mock.calls.map(([, body]) => body.clientId);
    expect(clientIds).toHaveLength(2);
    expect(clientIds[1]).toBe(clientIds[0]);

    fake.liveSend.mockImplementation((_id, body) => Promise.resolve(storedCopy(body.text ?? '', 4, body.clientId ?? '')));
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(fake.liveSend).toHaveBeenCalledTimes(3);
    expect(fake.liveSend.mock.calls[2]?.[1].clientId).toBe(clientIds[0]);
    await waitFor(() => expect(screen.queryByRole('img', { name: 'Failed' })).not.toBeInTheDocument());
    expect(screen.getAllByText('Are you there?')).toHaveLength(1);
    expect(within(bubbleOf('Are you there?')).getByRole('img', { name: 'Sent' })).toBeInTheDocument();
  });

  it.each([
    ['CONVERSATION_READ_ONLY', 'read_only', 'This conversation is read-only.'],
    ['CONVERSATION_LOCKED', 'locked', 'This conversation is locked; no new messages can be sent.'],
  ] as const)('fails a send refused with %s at once, and refetches the conversation to say why', async (code, status, reason) => {
    fake.liveSend.mockRejectedValue(new ParleyError(code, 'refused', 0));
    renderView(fake);
    await screen.findByText('History 3');
    fake.conversationsGet.mockResolvedValue(makeConversation({ status, lastReadSeq: 3 }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Message' }), 'One last thing{Enter}');

    expect(await screen.findByRole('img', { name: 'Failed' })).toBeInTheDocument();
    expect(fake.liveSend).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(reason)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeDisabled();
  });

  it('turns own messages "Read" when another participant reads them, and shows who is typing', async () => {
    renderView(fake);
    await screen.findByText('History 2');
    expect(screen.getByRole('img', { name: 'Sent' })).toBeInTheDocument();

    act(() => fake.emit('conversation:typing', { conversationId: 'conv-checkout', userId: paul.userId, isTyping: true }));
    expect(await screen.findByText('Paul Okafor is typing…')).toBeInTheDocument();

    act(() => fake.emit('conversation:read', { conversationId: 'conv-checkout', userId: paul.userId, lastReadSeq: 3, readAt: new Date().toISOString() }));
    expect(await screen.findByRole('img', { name: 'Read' })).toBeInTheDocument();

    act(() => fake.arrive(makeMessage({ seq: 4, senderId: paul.userId, text: 'Done typing' })));
    expect(await screen.findByText('Done typing')).toBeInTheDocument();
    expect(screen.queryByText('Paul Okafor is typing…')).not.toBeInTheDocument();
  });

  it('marks the newest message read when it is visible', async () => {
    fake.conversationsGet.mockResolvedValue(makeConversation({ lastReadSeq: 1 }));
    renderView(fake);
    await waitFor(() => expect(fake.liveMarkRead).toHaveBeenCalledWith('conv-checkout', 3));
    act(() => fake.arrive(makeMessage({ seq: 4, text: 'One more' })));
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

  it('fetches what was missed after a reconnection, once each and in order, also with a live message meanwhile', async () => {
    renderView(fake);
    await screen.findByText('History 3');
    // Opening the thread syncs it once from the highest seq held (the page may have missed a message).
    await waitFor(() => expect(fake.messagesList.mock.calls.map(([, params]) => params?.after)).toEqual([undefined, 3]));

    act(() => fake.setStatus({ state: 'disconnected', error: null }));
    fake.server.push(...[4, 5].map((seq) => makeMessage({ seq, text: `Missed ${seq}` })));
    act(() => fake.setStatus({ state: 'connected', error: null }));
    act(() => fake.arrive(makeMessage({ seq: 6, text: 'Live 6' })));

    expect(await screen.findByText('Live 6')).toBeInTheDocument();
    expect(shownTexts(/^(History|Missed|Live) \d$/)).toEqual(['History 1', 'History 2', 'History 3', 'Missed 4', 'Missed 5', 'Live 6']);
    expect(fake.messagesList.mock.calls.map(([, params]) => params?.after).slice(0, 3)).toEqual([undefined, 3, 3]);
  });

  it('fills a gap when a live message skips a seq', async () => {
    renderView(fake);
    await screen.findByText('History 3');
    fake.server.push(makeMessage({ seq: 4, text: 'Stored, never pushed' }));
    act(() => fake.arrive(makeMessage({ seq: 5, text: 'Pushed after a gap' })));

    expect(await screen.findByText('Stored, never pushed')).toBeInTheDocument();
    expect(shownTexts(/^(History \d|Stored, never pushed|Pushed after a gap)$/)).toEqual([
      'History 1',
      'History 2',
      'History 3',
      'Stored, never pushed',
      'Pushed after a gap',
    ]);
  });
});
