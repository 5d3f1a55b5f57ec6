import type { NotificationPage } from '@parley/protocol';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Route, Switch } from 'wouter';
import { NotificationBell } from '../src/components/NotificationBell.js';
import type { ParleyApi } from '../src/api/parley-api.js';
import { useDesktopNotifications } from '../src/hooks/use-desktop-notifications.js';
import { createFakeApi, type FakeApi } from './support/fake-api.js';
import { makeNotification } from './support/factories.js';
import { setVisibility, stubNotifications } from './support/notification-stub.js';
import { renderWithApi } from './support/render.js';

const NOW = Date.parse('2026-11-21T12:00:00.000Z');

const checkout = makeNotification({ id: 'n-checkout', count: 3, preview: 'Here are the wireframes', createdAt: '2026-11-21T11:55:00.000Z' });
const logo = makeNotification({
  id: 'n-logo',
  projectId: 'proj-logo',
  projectTitle: 'Logo design',
  conversationId: 'conv-logo',
  senderId: null,
  senderName: 'Parley',
  preview: 'Project started: Logo design',
  createdAt: '2026-11-21T09:00:00.000Z',
});
const old = makeNotification({ id: 'n-old', projectTitle: 'Old work', conversationId: 'conv-old', readAt: '2026-11-20T10:00:00.000Z', createdAt: '2026-11-20T09:00:00.000Z' });

function page(items = [checkout, logo, old]): NotificationPage {
  return { items, nextCursor: null };
}

/** The bell plus what the router shows, so a test sees where a click led. */
function Harness({ api }: { api: ParleyApi }) {
  useDesktopNotifications(api);
  return (
    <>
      <NotificationBell />
      <Switch>
        <Route path="/c/:id">{(params) => <p>Opened {params.id}</p>}</Route>
        <Route>
          <p>Inbox</p>
        </Route>
      </Switch>
    </>
  );
}

function renderBell(fake: FakeApi) {
  return renderWithApi(<Harness api={fake.api} />, fake.api);
}

const bell = () => screen.getByRole('button', { name: /^Notifications/ });

async function openList() {
  await userEvent.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
  return screen.getByRole('dialog', { name: 'Notifications' });
}

describe('NotificationBell', () => {
  let fake: FakeApi;
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW, shouldAdvanceTime: true });
    stubNotifications('default');
    setVisibility('visible');
    fake = createFakeApi();
    fake.notificationsList.mockResolvedValue(page());
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('names the unread count, and lists project, sender, preview, "+2 more" and the relative time', async () => {
    renderBell(fake);
    expect(await screen.findByRole('button', { name: 'Notifications, 2 unread' })).toHaveAttribute('aria-expanded', 'false');
    expect(fake.notificationsList).toHaveBeenCalledWith({ limit: 50 });

    const dialog = await openList();
    expect(bell()).toHaveAttribute('aria-expanded', 'true');
    const items = within(within(dialog).getByRole('list', { name: 'Notifications' })).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    const first = within(items[0] ?? dialog);
    expect(first.getByText('Redesign the checkout flow')).toBeInTheDocument();
    expect(first.getByText('Paul Okafor')).toBeInTheDocument();
    expect(first.getByText(/Here are the wireframes/)).toBeInTheDocument();
    expect(first.getByText('+2 more')).toBeInTheDocument();
    expect(first.getByText('5 min. ago')).toBeInTheDocument();
    expect(within(items[1] ?? dialog).getByText('Parley')).toBeInTheDocument();
    expect(within(items[1] ?? dialog).queryByText(/more$/)).not.toBeInTheDocument();
    expect(within(items[0] ?? dialog).getByRole('button')).toHaveAccessibleName(/^Unread: Redesign the checkout flow/);
    expect(within(items[2] ?? dialog).getByRole('button')).not.toHaveAccessibleName(/^Unread/);
  });

  it('says "Notifications" alone with nothing unread, and "No notifications yet." for an empty list', async () => {
    fake.notificationsList.mockResolvedValue(page([]));
    renderBell(fake);
    await waitFor(() => expect(fake.notificationsList).toHaveBeenCalled());
    await userEvent.click(await screen.findByRole('button', { name: 'Notifications' }));
    expect(await screen.findByText('No notifications yet.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mark all as read' })).toBeDisabled();
  });

  it('opens the conversation of a clicked notification, marks it read and closes the list', async () => {
    renderBell(fake);
    const dialog = await openList();
    await userEvent.click(within(dialog).getByRole('button', { name: /Redesign the checkout flow/ }));
    expect(screen.getByText('Opened conv-checkout')).toBeInTheDocument();
    expect(fake.notificationsMarkRead).toHaveBeenCalledWith({ ids: ['n-checkout'] });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(bell()).toHaveAccessibleName('Notifications, 1 unread'));
  });

  it('opens an already read notification without marking it again', async () => {
    renderBell(fake);
    const dialog = await openList();
    await userEvent.click(within(dialog).getByRole('button', { name: /Old work/ }));
    expect(screen.getByText('Opened conv-old')).toBeInTheDocument();
    expect(fake.notificationsMarkRead).not.toHaveBeenCalled();
  });

  it('"Mark all as read" marks them all and empties the count', async () => {
    renderBell(fake);
    const dialog = await openList();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Mark all as read' }));
    expect(fake.notificationsMarkRead).toHaveBeenCalledWith({ all: true });
    await waitFor(() => expect(bell()).toHaveAccessibleName('Notifications'));
    expect(within(dialog).queryAllByRole('button', { name: /^Unread/ })).toHaveLength(0);
  });

  it('refetches the list when marking read fails', async () => {
    fake.notificationsMarkRead.mockRejectedValueOnce(new Error('offline'));
    renderBell(fake);
    const dialog = await openList();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Mark all as read' }));
    await waitFor(() => expect(fake.notificationsList).toHaveBeenCalledTimes(2));
    expect(await screen.findByRole('button', { name: 'Notifications, 2 unread' })).toBeInTheDocument();
  });

  it('updates a notification in place from notification:new (same id) and adds new ones on top', async () => {
    renderBell(fake);
    const dialog = await openList();
    act(() => fake.emit('notification:new', { notification: { ...checkout, count: 4, preview: 'And the mobile version', createdAt: '2026-11-21T11:59:30.000Z' } }));
    // The query cache tells its observers on its next tick, so wait for the list to change.
    expect(await within(dialog).findByText(/And the mobile version/)).toBeInTheDocument();
    let items = within(dialog).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(within(items[0] ?? dialog).getByText(/And the mobile version/)).toBeInTheDocument();
    expect(within(items[0] ?? dialog).getByText('+3 more')).toBeInTheDocument();
    expect(within(items[0] ?? dialog).queryByText(/Here are the wireframes/)).not.toBeInTheDocument();
    expect(bell()).toHaveAccessibleName('Notifications, 2 unread');

    // Growing an older one moves it to the top; a new id is added.
    act(() => fake.emit('notification:new', { notification: { ...logo, count: 2, createdAt: '2026-11-21T11:59:40.000Z' } }));
    act(() => fake.emit('notification:new', { notification: makeNotification({ id: 'n-new', projectTitle: 'Brand new', conversationId: 'conv-new' }) }));
    expect(await within(dialog).findByText('Brand new')).toBeInTheDocument();
    items = within(dialog).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining('Brand new'),
      expect.stringContaining('Logo design'),
      expect.stringContaining('Redesign the checkout flow'),
      expect.stringContaining('Old work'),
    ]);
    expect(bell()).toHaveAccessibleName('Notifications, 3 unread');
  });

  it('closes on Escape, giving focus back to the bell', async () => {
    renderBell(fake);
    await openList();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(bell()).toHaveFocus();
  });

  describe('desktop notifications', () => {
    it('never asks for permission on load; "Enable desktop notifications" asks on click', async () => {
      const stub = stubNotifications('default');
      renderBell(fake);
      const dialog = await openList();
      expect(stub.requestPermission).not.toHaveBeenCalled();
      stub.permission = 'granted';
      await userEvent.click(within(dialog).getByRole('button', { name: 'Enable desktop notifications' }));
      expect(stub.requestPermission).toHaveBeenCalledTimes(1);
      await waitFor(() => expect(within(dialog).queryByRole('button', { name: 'Enable desktop notifications' })).not.toBeInTheDocument());
    });

    it('says so when the browser blocks them', async () => {
      stubNotifications('denied');
      renderBell(fake);
      const dialog = await openList();
      expect(within(dialog).getByText('Desktop notifications are blocked in this browser.')).toBeInTheDocument();
      expect(within(dialog).queryByRole('button', { name: 'Enable desktop notifications' })).not.toBeInTheDocument();
    });

    it('shows one while the tab is hidden and permission is granted; a click opens the conversation', async () => {
      const stub = stubNotifications('granted');
      renderBell(fake);
      await screen.findByRole('button', { name: 'Notifications, 2 unread' });

      act(() => fake.emit('notification:new', { notification: checkout }));
      expect(stub.shown).toHaveLength(0); // visible tab: the bell is enough

      setVisibility('hidden');
      act(() => fake.emit('notification:new', { notification: checkout }));
      expect(stub.shown).toHaveLength(1);
      const [shown] = stub.shown;
      expect(shown?.title).toBe('Paul Okafor · Redesign the checkout flow');
      expect(shown?.options).toEqual({ body: 'Here are the wireframes (+2 more)', tag: 'n-checkout' });

      vi.spyOn(window, 'focus').mockImplementation(() => undefined);
      act(() => shown?.onclick?.());
      expect(screen.getByText('Opened conv-checkout')).toBeInTheDocument();
      expect(shown?.close).toHaveBeenCalled();
    });

    it('shows none without permission, even with the tab hidden', async () => {
      const stub = stubNotifications('default');
      setVisibility('hidden');
      renderBell(fake);
      await screen.findByRole('button', { name: 'Notifications, 2 unread' });
      act(() => fake.emit('notification:new', { notification: checkout }));
      expect(stub.shown).toHaveLength(0);
      expect(stub.requestPermission).not.toHaveBeenCalled();
    });
  });
});
