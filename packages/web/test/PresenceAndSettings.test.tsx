import type { Conversation, HistoryPage } from '@parley/protocol';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConversationHeader } from '../src/components/ConversationHeader.js';
import { ConversationList } from '../src/components/ConversationList.js';
import { ConversationView } from '../src/components/ConversationView.js';
import { PresenceDot } from '../src/components/PresenceDot.js';
import { ProjectPanel } from '../src/components/ProjectPanel.js';
import { useRealtimeStore } from '../src/store/realtime-store.js';
import { createFakeApi, type FakeApi } from './support/fake-api.js';
import { alice, makeConversation, makeMessage, makeNotification, makeProject, paul, wen } from './support/factories.js';
import { renderWithApi } from './support/render.js';

const NOW = Date.parse('2026-11-21T12:00:00.000Z');
const FIVE_MIN_AGO = new Date(NOW - 5 * 60_000).toISOString();

describe('presence', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW, shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('names the dot "online", "last seen 5 min. ago" or "offline"', () => {
    const fake = createFakeApi();
    renderWithApi(
      <>
        <PresenceDot participant={{ online: true, lastSeenAt: null }} now={NOW} />
        <PresenceDot participant={{ online: false, lastSeenAt: FIVE_MIN_AGO }} now={NOW} />
        <PresenceDot participant={{ online: false, lastSeenAt: null }} now={NOW} />
      </>,
      fake.api,
    );
    expect(screen.getAllByRole('img').map((dot) => dot.getAttribute('aria-label'))).toEqual(['online', 'last seen 5 min. ago', 'offline']);
  });

  it('shows the other participants’ presence in the thread header and the project panel, not the caller’s own', () => {
    const fake = createFakeApi();
    const conversation = makeConversation({
      participants: [{ ...alice, online: true }, { ...paul, online: true }, { ...wen, lastSeenAt: FIVE_MIN_AGO }],
    });
    renderWithApi(
      <>
        <ConversationHeader conversation={conversation} meId={alice.userId} onBack={() => undefined} panelOpen panelId="panel" onTogglePanel={() => undefined} />
        <ProjectPanel conversation={conversation} project={makeProject()} meId={alice.userId} />
      </>,
      fake.api,
    );
    const header = screen.getByRole('banner');
    expect(within(header).getAllByRole('img').map((dot) => dot.getAttribute('aria-label'))).toEqual(['online', 'last seen 5 min. ago']);
    const people = within(screen.getByRole('complementary', { name: 'Project details' })).getAllByRole('listitem');
    expect(people.map((item) => [item.textContent, within(item).queryByRole('img')?.getAttribute('aria-label') ?? null])).toEqual([
      [expect.stringContaining('Alice Martin'), null],
      [expect.stringContaining('Paul Okafor'), 'online'],
      [expect.stringContaining('Wen Li'), 'last seen 5 min. ago'],
    ]);
  });

  it('follows presence:update live in the open conversation', async () => {
    useRealtimeStore.getState().reset();
    const fake = createFakeApi();
    fake.conversationsGet.mockResolvedValue(makeConversation({ participants: [alice, { ...paul, online: false, lastSeenAt: FIVE_MIN_AGO }] }));
    fake.projectsGet.mockResolvedValue(makeProject());
    fake.messagesList.mockResolvedValue({ items: [makeMessage({ seq: 1 })], hasMore: false } satisfies HistoryPage);
    renderWithApi(<ConversationView conversationId="conv-checkout" meId={alice.userId} focusMessageId={null} />, fake.api, { meId: alice.userId, path: '/c/conv-checkout' });
    const header = await screen.findByRole('banner');
    expect(within(header).getByRole('img', { name: 'last seen 5 min. ago' })).toBeInTheDocument();

    act(() => fake.emit('presence:update', { userId: paul.userId, online: true, lastSeenAt: FIVE_MIN_AGO }));
    expect(await within(header).findByRole('img', { name: 'online' })).toBeInTheDocument();

    act(() => fake.emit('presence:update', { userId: paul.userId, online: false, lastSeenAt: new Date(NOW).toISOString() }));
    expect(await within(header).findByRole('img', { name: /^last seen (now|0 sec)/ })).toBeInTheDocument();
  });
});

describe('mute and archive', () => {
  let fake: FakeApi;
  let current: Conversation;
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW, shouldAdvanceTime: true });
    useRealtimeStore.getState().reset();
    useRealtimeStore.getState().setConnection({ state: 'connected', error: null });
    fake = createFakeApi();
    current = makeConversation({ lastReadSeq: 1 });
    fake.conversationsGet.mockImplementation(() => Promise.resolve(current));
    fake.conversationsList.mockImplementation((params = {}) =>
      Promise.resolve({ items: current.archived === Boolean(params.archived) ? [current] : [], nextCursor: null }),
    );
    fake.conversationsUpdateSettings.mockImplementation((_id, settings) => {
      current = {
        ...current,
        ...(settings.muted !== undefined ? { muted: settings.muted, mutedUntil: settings.muted ? current.mutedUntil : null } : {}),
        ...(settings.archived !== undefined ? { archived: settings.archived } : {}),
      };
      return Promise.resolve(current);
    });
    fake.projectsGet.mockResolvedValue(makeProject());
    fake.messagesList.mockResolvedValue({ items: [makeMessage({ seq: 1 })], hasMore: false } satisfies HistoryPage);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function renderInboxAndThread() {
    return renderWithApi(
      <>
        <ConversationList meId={alice.userId} selectedId="conv-checkout" />
        <ConversationView conversationId="conv-checkout" meId={alice.userId} focusMessageId={null} />
      </>,
      fake.api,
      { meId: alice.userId, path: '/c/conv-checkout' },
    );
  }
  const inboxLinks = () => within(screen.getByRole('navigation', { name: 'Conversations' })).queryAllByRole('link');

  it('mutes and unmutes the conversation through the settings API, and the inbox says "Muted"', async () => {
    renderInboxAndThread();
    await userEvent.click(await screen.findByRole('button', { name: 'Mute conversation' }));
    expect(fake.conversationsUpdateSettings).toHaveBeenCalledWith('conv-checkout', { muted: true });
    const unmute = await screen.findByRole('button', { name: 'Unmute conversation' });
    await waitFor(() => expect(inboxLinks()[0]).toHaveTextContent('Muted'));

    await userEvent.click(unmute);
    expect(fake.conversationsUpdateSettings).toHaveBeenLastCalledWith('conv-checkout', { muted: false });
    expect(await screen.findByRole('button', { name: 'Mute conversation' })).toBeInTheDocument();
    await waitFor(() => expect(inboxLinks()[0]).not.toHaveTextContent('Muted'));
  });

  it('treats a mutedUntil in the future as muted', async () => {
    current = makeConversation({ mutedUntil: new Date(NOW + 3_600_000).toISOString() });
    renderInboxAndThread();
    expect(await screen.findByRole('button', { name: 'Unmute conversation' })).toBeInTheDocument();
  });

  it('archives: the conversation leaves the inbox for the Archived filter; unarchive brings it back', async () => {
    renderInboxAndThread();
    await waitFor(() => expect(inboxLinks()).toHaveLength(1));
    await userEvent.click(await screen.findByRole('button', { name: 'Archive' }));
    expect(fake.conversationsUpdateSettings).toHaveBeenCalledWith('conv-checkout', { archived: true });
    await waitFor(() => expect(inboxLinks()).toHaveLength(0));
    expect(await screen.findByText('No conversations yet.')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Archived' }));
    await waitFor(() => expect(inboxLinks()).toHaveLength(1));
    expect(inboxLinks()[0]).toHaveAccessibleName(/^Redesign the checkout flow/);

    await userEvent.click(screen.getByRole('button', { name: 'Unarchive' }));
    expect(fake.conversationsUpdateSettings).toHaveBeenLastCalledWith('conv-checkout', { archived: false });
    await waitFor(() => expect(inboxLinks()).toHaveLength(0));
    await userEvent.click(screen.getByRole('button', { name: 'All' }));
    await waitFor(() => expect(inboxLinks()).toHaveLength(1));
  });

  it('says so when the change fails', async () => {
    fake.conversationsUpdateSettings.mockRejectedValueOnce(new Error('offline'));
    renderInboxAndThread();
    await userEvent.click(await screen.findByRole('button', { name: 'Archive' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not update the conversation');
  });

  it('marks the open conversation’s unread notifications read', async () => {
    fake.notificationsList.mockResolvedValue({
      items: [makeNotification({ id: 'n-here' }), makeNotification({ id: 'n-elsewhere', conversationId: 'conv-other' })],
      nextCursor: null,
    });
    const { queryClient } = renderInboxAndThread();
    await queryClient.prefetchQuery({ queryKey: ['notifications'], queryFn: () => fake.api.notifications.list({ limit: 50 }) });
    await waitFor(() => expect(fake.notificationsMarkRead).toHaveBeenCalledWith({ ids: ['n-here'] }));
    expect(fake.notificationsMarkRead).toHaveBeenCalledTimes(1);
  });
});
