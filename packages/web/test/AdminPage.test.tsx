import type { AdminConversation, Report, User } from '@parley/protocol';
import { ParleyError } from '@parley/sdk';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { AdminPage } from '../src/components/AdminPage.js';
import { AppHeader } from '../src/components/AppHeader.js';
import { createFakeApi, type FakeApi } from './support/fake-api.js';
import { makeAdminConversation, makeReport } from './support/factories.js';
import { renderWithApi } from './support/render.js';

const admin: User = { id: 'admin-ada', name: 'Ada Admin', email: null, role: 'admin', agencyId: null, approved: true };

function renderAdmin(fake: FakeApi, path: string, me: User = admin) {
  renderWithApi(<AdminPage me={me} />, fake.api, { meId: me.id, path });
}

/** The row of the list item holding `text`. */
function rowOf(text: string): HTMLElement {
  const row = screen.getByText(text).closest('li');
  if (!row) throw new Error(`no list item holds ${text}`);
  return row;
}

describe('the admin page', () => {
  let fake: FakeApi;
  let user: ReturnType<typeof userEvent.setup>;
  beforeEach(() => {
    fake = createFakeApi();
    user = userEvent.setup();
  });

  it('is linked from the header for admins only', () => {
    renderWithApi(<AppHeader me={admin} />, fake.api, { meId: admin.id });
    expect(screen.getByRole('link', { name: 'Admin' })).toHaveAttribute('href', '/admin');
    cleanup();
    renderWithApi(<AppHeader me={{ ...admin, role: 'provider' }} />, fake.api, { meId: admin.id });
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Admin' })).not.toBeInTheDocument();
  });

  it('says "Admins only." to anyone else and asks the server nothing', () => {
    renderAdmin(fake, '/admin', { ...admin, id: 'client-alice', role: 'client' });
    expect(screen.getByText('Admins only.')).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Admin' })).not.toBeInTheDocument();
    expect(fake.adminConversations).not.toHaveBeenCalled();
    expect(fake.adminReports).not.toHaveBeenCalled();
  });

  it('locks a conversation from its row, then shows it locked with Unlock, which opens it again; Archive and Unarchive alike', async () => {
    let held: AdminConversation = makeAdminConversation();
    fake.adminConversations.mockImplementation(() => Promise.resolve({ items: [held], nextCursor: null }));
    fake.adminSetConversationStatus.mockImplementation((_id, status) => Promise.resolve((held = { ...held, status })));
    renderAdmin(fake, '/admin');
    await screen.findByText('Redesign the checkout flow');
    expect(within(screen.getByRole('list', { name: 'All conversations' })).getAllByRole('listitem')).toHaveLength(1);

    await user.click(within(rowOf('Redesign the checkout flow')).getByRole('button', { name: 'Lock' }));
    expect(fake.adminSetConversationStatus).toHaveBeenCalledWith('conv-checkout', 'locked');
    const unlock = await within(rowOf('Redesign the checkout flow')).findByRole('button', { name: 'Unlock' });
    expect(within(rowOf('Redesign the checkout flow')).getByText('locked')).toBeInTheDocument();

    await user.click(unlock);
    expect(fake.adminSetConversationStatus).toHaveBeenLastCalledWith('conv-checkout', 'active');
    await within(rowOf('Redesign the checkout flow')).findByRole('button', { name: 'Lock' });

    await user.click(within(rowOf('Redesign the checkout flow')).getByRole('button', { name: 'Archive' }));
    expect(fake.adminSetConversationStatus).toHaveBeenLastCalledWith('conv-checkout', 'archived');
    await user.click(await within(rowOf('Redesign the checkout flow')).findByRole('button', { name: 'Unarchive' }));
    expect(fake.adminSetConversationStatus).toHaveBeenLastCalledWith('conv-checkout', 'active');
    await within(rowOf('Redesign the checkout flow')).findByRole('button', { name: 'Archive' });
  });

  it('passes the status filter and the search words to the server, and shows a refused status change', async () => {
    fake.adminConversations.mockResolvedValue({ items: [makeAdminConversation({ status: 'read_only' })], nextCursor: null });
    fake.adminSetConversationStatus.mockRejectedValue(new ParleyError('PROJECT_NOT_ACTIVE', 'The project is not active.', 409));
    renderAdmin(fake, '/admin');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Status' }), 'locked');
    await waitFor(() => expect(fake.adminConversations).toHaveBeenLastCalledWith({ status: 'locked' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search all conversations' }), 'checkout');
    await waitFor(() => expect(fake.adminConversations).toHaveBeenLastCalledWith({ search: 'checkout', status: 'locked' }));

    await user.click(within(rowOf('Redesign the checkout flow')).getByRole('button', { name: 'Archive' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not change the status: The project is not active.');
  });
});

describe('the admin report queue', () => {
  let fake: FakeApi;
  let open: Report[];
  beforeEach(() => {
    fake = createFakeApi();
    open = [
      makeReport({ id: 'report-1', messagePreview: 'Pay me on my own site', reason: 'off_platform_contact', note: 'Wants to skip fees' }),
      makeReport({ id: 'report-2', messagePreview: 'Buy cheap followers', reason: 'spam' }),
    ];
    fake.adminReports.mockImplementation(() => Promise.resolve({ items: open, nextCursor: null }));
    fake.adminResolveReport.mockImplementation((id, body) => {
      const resolved = open.find((report) => report.id === id);
      open = open.filter((report) => report.id !== id);
      return resolved ? Promise.resolve({ ...resolved, ...body, action: body.action ?? null }) : Promise.reject(new ParleyError('REPORT_ALREADY_RESOLVED', 'The report is already resolved.', 409));
    });
    renderAdmin(fake, '/admin/reports');
  });

  it('lists the open reports with the reported text, the reason and the note', async () => {
    await screen.findByText('Pay me on my own site');
    const row = rowOf('Pay me on my own site');
    expect(fake.adminReports).toHaveBeenCalledWith({ status: 'open' });
    expect(within(row).getByText('Contact outside the platform')).toBeInTheDocument();
    expect(within(row).getByText('Note: Wants to skip fees')).toBeInTheDocument();
    expect(within(rowOf('Buy cheap followers')).getByText('Spam')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Reports' })).toHaveAttribute('aria-current', 'page');
  });

  it.each([
    ['Dismiss', { status: 'dismissed' }],
    ['Delete message', { status: 'actioned', action: 'delete_message' }],
    ['Lock conversation', { status: 'actioned', action: 'lock_conversation' }],
  ] as const)('"%s" resolves the report as such, and it leaves the queue', async (label, body) => {
    await screen.findByText('Pay me on my own site');
    await userEvent.click(within(rowOf('Pay me on my own site')).getByRole('button', { name: label }));
    expect(fake.adminResolveReport).toHaveBeenCalledWith('report-1', body);
    await waitFor(() => expect(screen.queryByText('Pay me on my own site')).not.toBeInTheDocument());
    expect(screen.getByText('Buy cheap followers')).toBeInTheDocument();
  });

  it('shows a refusal in the report', async () => {
    await screen.findByText('Buy cheap followers');
    open = open.filter((report) => report.id !== 'report-2'); // resolved by another admin meanwhile
    await userEvent.click(within(rowOf('Buy cheap followers')).getByRole('button', { name: 'Dismiss' }));
    expect(await within(rowOf('Buy cheap followers')).findByRole('alert')).toHaveTextContent('Could not resolve the report: The report is already resolved.');
  });
});

describe('the admin audit log', () => {
  it('lists the entries with their action, actor\'s name, conversation\'s title (a link to its review) and details, and reads the next page on demand', async () => {
    const fake = createFakeApi();
    const entry = {
      id: 'audit-2',
      actorId: admin.id,
      actorName: 'Ada Admin',
      action: 'conversation.status',
      conversationId: 'conv-checkout',
      conversationTitle: 'Checkout redesign',
      messageId: null,
      createdAt: '2026-11-21T11:00:00.000Z',
    };
    fake.adminAudit.mockResolvedValueOnce({ items: [{ ...entry, details: { from: 'active', to: 'locked' } }], nextCursor: 'next' });
    fake.adminAudit.mockResolvedValueOnce({
      items: [
        { ...entry, id: 'audit-1', actorId: 'provider-paul', actorName: 'Paul Okafor', action: 'message.deleted', details: { seq: 3, asAdmin: false } },
        { ...entry, id: 'audit-0', action: 'provider.approved', conversationId: null, conversationTitle: null, details: {} },
      ],
      nextCursor: null,
    });
    renderAdmin(fake, '/admin/audit');

    const log = await screen.findByRole('list', { name: 'Audit log' });
    const first = within(log).getByText('conversation.status').closest('li');
    expect(first).toHaveTextContent(/by Ada Admin in Checkout redesign.*from: active, to: locked/);
    expect(first).not.toHaveTextContent('admin-ada');
    expect(first).not.toHaveTextContent('conv-checkout');
    expect(within(first!).getByRole('link', { name: 'Checkout redesign' })).toHaveAttribute('href', '/admin/conversations/conv-checkout');
    expect(screen.getByRole('link', { name: 'Audit log' })).toHaveAttribute('aria-current', 'page');
    await userEvent.click(screen.getByRole('button', { name: 'Load more audit entries' }));
    expect(fake.adminAudit).toHaveBeenLastCalledWith({ cursor: 'next' });
    const deleted = (await within(log).findByText('message.deleted')).closest('li');
    expect(deleted).toHaveTextContent(/by Paul Okafor in Checkout redesign.*seq: 3, asAdmin: false/);
    const approved = within(log).getByText('provider.approved').closest('li');
    expect(approved).toHaveTextContent('provider.approved by Ada Admin');
    expect(within(approved!).queryByRole('link')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more audit entries' })).not.toBeInTheDocument();
  });
});
