import type { Conversation, ConversationPage } from '@parley/protocol';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConversationList, SEARCH_DEBOUNCE_MS } from '../src/components/ConversationList.js';
import { useRealtimeStore } from '../src/store/realtime-store.js';
import { createFakeApi, type FakeApi } from './support/fake-api.js';
import { alice, makeConversation, makeMessage, paul, wen } from './support/factories.js';
import { renderWithApi } from './support/render.js';

const NOW = Date.parse('2026-11-21T12:00:00.000Z');

const checkout = makeConversation({
  id: 'conv-checkout',
  title: 'Redesign the checkout flow',
  participants: [alice, paul],
  lastMessage: { id: 'm3', seq: 3, senderId: paul.userId, type: 'text', preview: 'Here are the wireframes', createdAt: '2026-11-21T11:55:00.000Z' },
  lastMessageAt: '2026-11-21T11:55:00.000Z',
  unreadCount: 3,
});
const copy = makeConversation({
  id: 'conv-copy',
  projectId: 'proj-copy',
  title: 'Product descriptions',
  participants: [alice, wen],
  lastMessage: { id: 'm9', seq: 9, senderId: alice.userId, type: 'text', preview: 'Thanks, all good', createdAt: '2026-11-21T09:00:00.000Z' },
  lastMessageAt: '2026-11-21T09:00:00.000Z',
  unreadCount: 0,
});
const archivedOne = makeConversation({ id: 'conv-old', projectId: 'proj-old', title: 'Old logo work', archived: true });

function page(items: Conversation[]): ConversationPage {
  return { items, nextCursor: null };
}

function links() {
  return within(screen.getByRole('navigation', { name: 'Conversations' })).queryAllByRole('link');
}

function firstLink(): HTMLElement {
  const [first] = links();
  if (!first) throw new Error('the list shows no conversation');
  return first;
}

describe('ConversationList', () => {
  let fake: FakeApi;
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW, shouldAdvanceTime: true });
    useRealtimeStore.getState().reset();
    fake = createFakeApi();
    fake.conversationsList.mockImplementation((params = {}) => {
      if (params.archived) return Promise.resolve(page([archivedOne]));
      if (params.search) return Promise.resolve(page([checkout].filter((item) => item.title.toLowerCase().includes(params.search?.toLowerCase() ?? ''))));
      return Promise.resolve(page([checkout, copy]));
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows each conversation with its title, other participants, preview, relative time and unread badge', async () => {
    renderWithApi(<ConversationList meId={alice.userId} selectedId="conv-copy" />, fake.api);

    const first = await screen.findByRole('link', { name: /Redesign the checkout flow/ });
    expect(first).toHaveAttribute('href', '/c/conv-checkout');
    expect(within(first).getByText('with Paul Okafor')).toBeInTheDocument();
    expect(within(first).getByText('Here are the wireframes')).toBeInTheDocument();
    expect(within(first).getByText('3 unread messages')).toBeInTheDocument();
    expect(within(first).getByText(/5 min/)).toBeInTheDocument();

    const second = screen.getByRole('link', { name: /Product descriptions/ });
    expect(within(second).getByText('with Wen Li')).toBeInTheDocument();
    expect(within(second).getByText('You: Thanks, all good')).toBeInTheDocument();
    expect(within(second).queryByText(/unread/)).not.toBeInTheDocument();
    expect(second).toHaveAttribute('aria-current', 'page');
    expect(first).not.toHaveAttribute('aria-current');
  });

  it('puts the total unread count in the document title', async () => {
    renderWithApi(<ConversationList meId={alice.userId} selectedId={null} />, fake.api);
    await waitFor(() => expect(document.title).toBe('(3) Parley'));
  });

  it('filters Unread on the client and Archived through the API, marking the pressed filter', async () => {
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    renderWithApi(<ConversationList meId={alice.userId} selectedId={null} />, fake.api);
    await screen.findByRole('link', { name: /Product descriptions/ });
    expect(screen.getByRole('button', { name: 'All' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(screen.getByRole('button', { name: 'Unread' }));
    expect(screen.getByRole('button', { name: 'Unread' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'All' })).toHaveAttribute('aria-pressed', 'false');
    expect(links().map((link) => link.getAttribute('href'))).toEqual(['/c/conv-checkout']);
    expect(fake.conversationsList).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('button', { name: 'Archived' }));
    expect(await screen.findByRole('link', { name: /Old logo work/ })).toBeInTheDocument();
    expect(fake.conversationsList).toHaveBeenLastCalledWith(expect.objectContaining({ archived: true }));
    expect(screen.queryByRole('link', { name: /Redesign the checkout flow/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'All' }));
    expect(await screen.findByRole('link', { name: /Product descriptions/ })).toBeInTheDocument();
  });

  it('searches through the API once typing pauses, not at every keystroke', async () => {
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    renderWithApi(<ConversationList meId={alice.userId} selectedId={null} />, fake.api);
    await screen.findByRole('link', { name: /Product descriptions/ });

    await user.type(screen.getByRole('searchbox', { name: 'Search conversations' }), 'checkout');
    expect(fake.conversationsList).not.toHaveBeenCalledWith(expect.objectContaining({ search: 'c' }));
    act(() => {
      vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    });

    await waitFor(() => expect(links()).toHaveLength(1));
    expect(firstLink()).toHaveAccessibleName(/Redesign the checkout flow/);
    const searches = fake.conversationsList.mock.calls.map(([params]) => params?.search).filter(Boolean);
    expect(searches).toEqual(['checkout']);
  });

  it('shows an empty state when nothing matches the Unread filter', async () => {
    fake.conversationsList.mockResolvedValue(page([copy]));
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    renderWithApi(<ConversationList meId={alice.userId} selectedId={null} />, fake.api);
    await screen.findByRole('link', { name: /Product descriptions/ });
    await user.click(screen.getByRole('button', { name: 'Unread' }));
    expect(screen.getByText('No unread conversations.')).toBeInTheDocument();
    expect(links()).toHaveLength(0);
  });

  it('updates live: a new message moves its conversation up with a badge, an own read clears it', async () => {
    renderWithApi(<ConversationList meId={alice.userId} selectedId={null} />, fake.api, { meId: alice.userId });
    await screen.findByRole('link', { name: /Product descriptions/ });
    expect(firstLink()).toHaveAccessibleName(/Redesign the checkout flow/);

    act(() =>
      fake.emit('message:new', {
        message: makeMessage({ seq: 10, conversationId: 'conv-copy', senderId: wen.userId, text: 'Draft is ready', createdAt: '2026-11-21T11:59:00.000Z' }),
      }),
    );
    // Query observers are notified on the next tick, hence waitFor/findBy after each event.
    await waitFor(() => expect(links()[0]).toHaveAccessibleName(/Product descriptions/));
    expect(within(firstLink()).getByText('Draft is ready')).toBeInTheDocument();
    expect(within(firstLink()).getByText('1 unread message')).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('(4) Parley'));

    act(() => fake.emit('conversation:read', { conversationId: 'conv-copy', userId: alice.userId, lastReadSeq: 10, readAt: '2026-11-21T12:00:00.000Z' }));
    await waitFor(() => expect(screen.queryByText('1 unread message')).not.toBeInTheDocument());
    expect(document.title).toBe('(3) Parley');

    act(() => fake.emit('conversation:updated', { conversation: { ...checkout, title: 'Checkout flow v2' } }));
    expect(await screen.findByRole('link', { name: /Checkout flow v2/ })).toBeInTheDocument();
  });
});

describe('ConversationList previews of edited and deleted messages', () => {
  it('shows the new text of an edited last message and "Message deleted" once it is deleted', async () => {
    const fake = createFakeApi();
    fake.conversationsList.mockResolvedValue(page([checkout, copy]));
    renderWithApi(<ConversationList meId={alice.userId} selectedId={null} />, fake.api, { meId: alice.userId });
    await screen.findByText('Here are the wireframes');

    act(() => fake.emit('message:updated', { message: makeMessage({ seq: 3, id: 'm3', text: 'Here are the final wireframes' }) }));
    expect(await screen.findByText('Here are the final wireframes')).toBeInTheDocument();
    // Another message of the conversation (not its last) leaves the preview alone.
    act(() => fake.emit('message:updated', { message: makeMessage({ seq: 2, id: 'm2', text: 'Older words' }) }));

    act(() => fake.emit('message:deleted', { conversationId: 'conv-copy', messageId: 'm9', seq: 9, deletedAt: '2026-11-21T12:00:00.000Z' }));
    expect(await screen.findByText('You: Message deleted')).toBeInTheDocument();
    expect(screen.getByText('Here are the final wireframes')).toBeInTheDocument();
    expect(screen.queryByText('Older words')).not.toBeInTheDocument();
  });
});
