import type { AdminConversation, AdminParticipantList, User } from '@parley/protocol';
import { ParleyError } from '@parley/sdk';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { AdminPage } from '../src/components/AdminPage.js';
import { createFakeApi, type FakeApi } from './support/fake-api.js';
import { alice, makeAdminConversation, makeMessage, makeReport, paul } from './support/factories.js';
import { textsByRole } from './support/queries.js';
import { renderWithApi } from './support/render.js';

const admin: User = { id: 'admin-ada', name: 'Ada Admin', email: null, role: 'admin', agencyId: null, approved: true };
const conversation = makeAdminConversation({ title: 'Checkout redesign', projectTitle: 'Redesign the checkout flow' });
const participants: AdminParticipantList = {
  items: [
    { userId: alice.userId, name: alice.name, role: 'client', joinedAt: '2026-11-01T09:00:00.000Z', lastReadSeq: 4 },
    { userId: paul.userId, name: paul.name, role: 'provider', joinedAt: '2026-11-02T09:00:00.000Z', lastReadSeq: 2 },
  ],
};
const deletedAt = '2026-11-20T10:30:00.000Z';
const newest = [
  makeMessage({ seq: 3, senderId: null, type: 'system', text: 'Project started' }),
  makeMessage({ seq: 4, senderId: alice.userId, text: 'Call me on my own number', deletedAt }),
  makeMessage({ seq: 5, text: 'Sent the invoice', editedAt: '2026-11-20T10:40:00.000Z' }),
];
const older = [makeMessage({ seq: 1, senderId: alice.userId, text: 'Hello Paul' }), makeMessage({ seq: 2, senderId: 'gone-user', text: 'Hi from a former member' })];

function renderAdmin(fake: FakeApi, path: string, me: User = admin) {
  renderWithApi(<AdminPage me={me} />, fake.api, { meId: me.id, path });
}

/** The texts of the history's messages, newest first. */
const historyTexts = () => textsByRole(screen.getByRole('list', { name: 'Conversation history' }), 'listitem');

describe('the admin review of a conversation', () => {
  let fake: FakeApi;
  let user: ReturnType<typeof userEvent.setup>;
  let held: AdminConversation;
  beforeEach(() => {
    fake = createFakeApi();
    user = userEvent.setup();
    held = conversation;
    fake.adminConversations.mockImplementation(() => Promise.resolve({ items: [held], nextCursor: null }));
    fake.adminConversation.mockImplementation(() => Promise.resolve(held));
    fake.adminParticipants.mockResolvedValue(participants);
    fake.adminMessages.mockImplementation((_id, params = {}) =>
      Promise.resolve(params.before === undefined ? { items: newest, hasMore: true } : { items: older, hasMore: false }),
    );
  });

  it('opens from the title in the admin list: title, project, status, participants, and the history newest first with deleted text marked', async () => {
    renderAdmin(fake, '/admin');
    await user.click(await screen.findByRole('link', { name: 'Checkout redesign' }));

    expect(screen.getByRole('heading', { name: 'Checkout redesign' })).toBeInTheDocument();
    expect(screen.getByText(/Project: Redesign the checkout flow/)).toHaveTextContent('Status: active');
    expect(fake.adminConversation).not.toHaveBeenCalled(); // the row held it already
    expect(fake.adminParticipants).toHaveBeenCalledWith('conv-checkout');
    const people = await screen.findByRole('list', { name: 'Participants' });
    expect(textsByRole(people, 'listitem')).toEqual([
      expect.stringMatching(/^Alice Martinclientjoined .*read up to #4$/),
      expect.stringMatching(/^Paul Okaforproviderjoined .*read up to #2$/),
    ]);

    await screen.findByText('Call me on my own number');
    expect(fake.adminMessages).toHaveBeenCalledWith('conv-checkout', { limit: 50 });
    const texts = historyTexts();
    expect(texts).toHaveLength(3);
    expect(texts[0]).toMatch(/^Paul Okafor#5.*edited.*Sent the invoice$/);
    expect(texts[1]).toContain(`Deleted ${new Date(deletedAt).toLocaleString()}`);
    expect(texts[1]).toMatch(/^Alice Martin#4/);
    expect(screen.getByText('Call me on my own number')).toHaveClass('line-through');
    expect(screen.getByText('Sent the invoice')).not.toHaveClass('line-through');
    expect(screen.getByText(/Project started/).closest('[data-message-type="system"]')).toHaveTextContent(/^System · #3 · Project started/);
  });

  it('reads the earlier history on "Load earlier messages" and names senders who left as former participants', async () => {
    renderAdmin(fake, '/admin/conversations/conv-checkout');
    await screen.findByText('Sent the invoice');
    await user.click(screen.getByRole('button', { name: 'Load earlier messages' }));
    expect(fake.adminMessages).toHaveBeenLastCalledWith('conv-checkout', { before: 3, limit: 50 });
    await screen.findByText('Hello Paul');
    const texts = historyTexts();
    ['Sent the invoice', 'Call me on my own number', 'Project started', 'Hi from a former member', 'Hello Paul'].forEach((text, index) => expect(texts[index]).toContain(text));
    expect(texts).toHaveLength(5);
    expect(texts[3]).toMatch(/^Former participant#2/);
    expect(screen.queryByRole('button', { name: 'Load earlier messages' })).not.toBeInTheDocument();
  });

  it('opened by its address, reads the conversation and changes its status there', async () => {
    fake.adminSetConversationStatus.mockImplementation((_id, status) => Promise.resolve((held = { ...held, status })));
    renderAdmin(fake, '/admin/conversations/conv-checkout');

    expect(await screen.findByRole('heading', { name: 'Checkout redesign' })).toBeInTheDocument();
    expect(fake.adminConversation).toHaveBeenCalledWith('conv-checkout');
    expect(fake.adminConversations).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Lock' }));
    expect(fake.adminSetConversationStatus).toHaveBeenCalledWith('conv-checkout', 'locked');
    expect(await screen.findByRole('button', { name: 'Unlock' })).toBeInTheDocument();
    expect(screen.getByText(/Project: Redesign the checkout flow/)).toHaveTextContent('Status: locked');
    expect(fake.adminConversation).toHaveBeenCalledTimes(2);
  });

  it('opens an edited message\'s edit history', async () => {
    fake.messagesEdits.mockResolvedValue({ items: [{ text: 'Sent the invoce', createdAt: '2026-11-20T10:00:00.000Z', replacedAt: '2026-11-20T10:40:00.000Z', editedBy: paul.userId }] });
    renderAdmin(fake, '/admin/conversations/conv-checkout');
    await screen.findByText('Sent the invoice');
    await user.click(screen.getByRole('button', { name: 'edited' }));
    expect(fake.messagesEdits).toHaveBeenCalledWith('msg-5');
    expect(await within(screen.getByRole('dialog', { name: 'Edit history' })).findByText('Sent the invoce')).toBeInTheDocument();
  });

  it('says when the conversation is not found, when there are no messages, and when the participants could not be read', async () => {
    fake.adminConversation.mockRejectedValue(new ParleyError('NOT_FOUND', 'Conversation not found.', 404));
    fake.adminMessages.mockResolvedValue({ items: [], hasMore: false });
    fake.adminParticipants.mockRejectedValue(new ParleyError('INTERNAL', 'Something went wrong.', 500));
    renderAdmin(fake, '/admin/conversations/conv-gone');
    expect(await screen.findByText('Conversation not found')).toBeInTheDocument();
    expect(await screen.findByText('No messages yet.')).toBeInTheDocument();
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load the participants: Something went wrong.');
  });

  it('is linked from each report of the queue', async () => {
    fake.adminReports.mockResolvedValue({ items: [makeReport({ conversationId: 'conv-checkout' })], nextCursor: null });
    renderAdmin(fake, '/admin/reports');
    await user.click(await screen.findByRole('link', { name: 'Review conversation' }));
    expect(await screen.findByRole('heading', { name: 'Checkout redesign' })).toBeInTheDocument();
    await waitFor(() => expect(fake.adminMessages).toHaveBeenCalledWith('conv-checkout', { limit: 50 }));
  });

  it('shows anyone else "Admins only." and asks the server nothing', () => {
    renderAdmin(fake, '/admin/conversations/conv-checkout', { ...admin, id: 'client-alice', role: 'client' });
    expect(screen.getByText('Admins only.')).toBeInTheDocument();
    expect(fake.adminParticipants).not.toHaveBeenCalled();
    expect(fake.adminMessages).not.toHaveBeenCalled();
    expect(fake.adminConversation).not.toHaveBeenCalled();
  });
});
