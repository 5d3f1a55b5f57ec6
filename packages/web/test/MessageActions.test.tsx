import type { Message } from '@parley/protocol';
import { ParleyError } from '@parley/sdk';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConversationView } from '../src/components/ConversationView.js';
import { useRealtimeStore } from '../src/store/realtime-store.js';
import { createFakeApi, type FakeApi } from './support/fake-api.js';
import { alice, makeConversation, makeMessage, makeProject, makeReport, paul } from './support/factories.js';
import { messageRowOf, openMenu, textsByRole } from './support/queries.js';
import { renderWithApi } from './support/render.js';

const mine = makeMessage({ seq: 2, senderId: alice.userId, text: 'The draft is ready' });
const theirs = makeMessage({ seq: 3, senderId: paul.userId, text: 'Looks good to me' });
const report = makeReport({ messageId: theirs.id, messagePreview: theirs.text });

function renderView(fake: FakeApi) {
  renderWithApi(<ConversationView conversationId="conv-checkout" meId={alice.userId} focusMessageId={null} />, fake.api, {
    meId: alice.userId,
    path: '/c/conv-checkout',
  });
}

const menuItems = (menu: HTMLElement) => textsByRole(menu, 'menuitem');

describe('message actions', () => {
  let fake: FakeApi;
  let user: ReturnType<typeof userEvent.setup>;
  beforeEach(async () => {
    useRealtimeStore.getState().reset();
    useRealtimeStore.getState().setConnection({ state: 'connected', error: null });
    user = userEvent.setup();
    fake = createFakeApi();
    fake.conversationsGet.mockResolvedValue(makeConversation());
    fake.projectsGet.mockResolvedValue(makeProject());
    fake.serve([makeMessage({ seq: 1, text: 'Hello Alice' }), mine, theirs]);
    renderView(fake);
    await screen.findByText('Looks good to me');
  });

  it('offers Edit and Delete on own messages only, Report on others\' only, and works from the keyboard', async () => {
    expect(menuItems(await openMenu(user, 'Looks good to me'))).toEqual(['Copy', 'Reply', 'React…', 'Forward', 'Pin', 'Report']);
    await user.keyboard('{Escape}');

    const button = within(messageRowOf('The draft is ready')).getByRole('button', { name: 'Message actions' });
    button.focus();
    await user.keyboard('{Enter}');
    const menu = screen.getByRole('menu', { name: 'Message actions' });
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(menuItems(menu)).toEqual(['Copy', 'Reply', 'React…', 'Forward', 'Pin', 'Edit', 'Delete']);
    expect(within(menu).getByRole('menuitem', { name: 'Copy' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(within(menu).getByRole('menuitem', { name: 'Reply' })).toHaveFocus();
    await user.keyboard('{End}');
    expect(within(menu).getByRole('menuitem', { name: 'Delete' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(within(menu).getByRole('menuitem', { name: 'Copy' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it('copies the text to the clipboard and says so', async () => {
    await user.click(within(await openMenu(user, 'Looks good to me')).getByRole('menuitem', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe('Looks good to me');
    expect(await screen.findByRole('status')).toHaveTextContent('Message copied.');
  });

  it('edits in place: Enter saves, the bubble shows the new text and "edited"; Escape cancels; focus returns to the menu button', async () => {
    await user.click(within(await openMenu(user, 'The draft is ready')).getByRole('menuitem', { name: 'Edit' }));
    const editor = screen.getByRole('textbox', { name: 'Edit message' });
    expect(editor).toHaveFocus();
    await user.type(editor, ' for review{Escape}');
    expect(screen.queryByRole('textbox', { name: 'Edit message' })).not.toBeInTheDocument();
    expect(fake.messagesEdit).not.toHaveBeenCalled();
    expect(within(messageRowOf('The draft is ready')).getByRole('button', { name: 'Message actions' })).toHaveFocus();

    fake.messagesEdit.mockImplementation((id, text) => Promise.resolve({ ...mine, id, text, editedAt: '2026-11-20T10:05:00.000Z' }));
    await user.click(within(await openMenu(user, 'The draft is ready')).getByRole('menuitem', { name: 'Edit' }));
    await user.type(screen.getByRole('textbox', { name: 'Edit message' }), ' for review{Enter}');
    expect(fake.messagesEdit).toHaveBeenCalledWith('msg-2', 'The draft is ready for review');
    await screen.findByText('The draft is ready for review');
    const row = messageRowOf('The draft is ready for review');
    expect(within(row).getByText('edited')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Edit message' })).not.toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Message actions' })).toHaveFocus();
  });

  it('keeps the editor open with the reason when the server refuses the edit', async () => {
    fake.messagesEdit.mockRejectedValue(new ParleyError('EDIT_WINDOW_EXPIRED', 'Messages can be edited for 15 minutes after sending', 409));
    await user.click(within(await openMenu(user, 'The draft is ready')).getByRole('menuitem', { name: 'Edit' }));
    await user.type(screen.getByRole('textbox', { name: 'Edit message' }), '!');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This message can no longer be edited.');
    expect(screen.getByRole('textbox', { name: 'Edit message' })).toHaveValue('The draft is ready!');
  });

  it('deletes after confirmation, leaving a tombstone without actions', async () => {
    await user.click(within(await openMenu(user, 'The draft is ready')).getByRole('menuitem', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete message?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(fake.messagesDelete).not.toHaveBeenCalled();
    expect(screen.getByText('The draft is ready')).toBeInTheDocument();

    fake.messagesDelete.mockResolvedValue({ ...mine, text: '', deletedAt: '2026-11-20T10:06:00.000Z' });
    await user.click(within(await openMenu(user, 'The draft is ready')).getByRole('menuitem', { name: 'Delete' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Delete message?' })).getByRole('button', { name: 'Delete' }));
    expect(fake.messagesDelete).toHaveBeenCalledWith('msg-2');
    await screen.findByText('This message was deleted');
    const tombstone = messageRowOf('This message was deleted');
    expect(screen.queryByText('The draft is ready')).not.toBeInTheDocument();
    expect(within(tombstone).queryByRole('button', { name: 'Message actions' })).not.toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('replies: the composer quotes the message, and the sent message carries replyToId', async () => {
    fake.liveSend.mockImplementation((_id, body) => Promise.resolve(makeMessage({ seq: 4, senderId: alice.userId, text: body.text, clientId: body.clientId ?? null })));
    await user.click(within(await openMenu(user, 'Looks good to me')).getByRole('menuitem', { name: 'Reply' }));
    const composer = screen.getByRole('textbox', { name: 'Message' });
    expect(composer).toHaveFocus();
    const quote = screen.getByText('Replying to').parentElement as HTMLElement; // the quote's box
    expect(within(quote).getByText('Paul Okafor')).toBeInTheDocument();
    expect(within(quote).getByText('Looks good to me')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Cancel reply' }));
    expect(screen.queryByText('Replying to')).not.toBeInTheDocument();
    await user.click(within(await openMenu(user, 'Looks good to me')).getByRole('menuitem', { name: 'Reply' }));
    await user.type(composer, 'Thanks!{Enter}');
    expect(fake.liveSend).toHaveBeenCalledWith('conv-checkout', expect.objectContaining({ text: 'Thanks!', replyToId: 'msg-3' }));
    expect(screen.queryByText('Replying to')).not.toBeInTheDocument();
  });

  it('reacts from the picker, shows the chip pressed, and removes the reaction from the chip', async () => {
    const reacted: Message = { ...theirs, reactions: [{ emoji: '🎉', count: 1, userIds: [alice.userId], me: true }] };
    fake.messagesReact.mockResolvedValue(reacted);
    fake.messagesUnreact.mockResolvedValue(theirs);
    await user.click(within(await openMenu(user, 'Looks good to me')).getByRole('menuitem', { name: 'React…' }));
    const picker = screen.getByRole('menu', { name: 'Pick a reaction' });
    expect(within(picker).getAllByRole('menuitemcheckbox').map((item) => item.textContent)).toEqual(['👍', '❤️', '😂', '🎉', '😮', '😢', '🙏', '✅']);
    await user.click(within(picker).getByRole('menuitemcheckbox', { name: 'React with 🎉' }));
    expect(fake.messagesReact).toHaveBeenCalledWith('msg-3', '🎉');

    const chip = await within(messageRowOf('Looks good to me')).findByRole('button', { name: '🎉 1' });
    expect(chip).toHaveAttribute('aria-pressed', 'true');
    await user.click(chip);
    expect(fake.messagesUnreact).toHaveBeenCalledWith('msg-3', '🎉');
    await waitFor(() => expect(within(messageRowOf('Looks good to me')).queryByRole('button', { name: '🎉 1' })).not.toBeInTheDocument());
  });

  it('forwards to another active conversation chosen in a dialog', async () => {
    fake.conversationsList.mockResolvedValue({
      items: [
        makeConversation(),
        makeConversation({ id: 'conv-logo', title: 'Logo design' }),
        makeConversation({ id: 'conv-old', title: 'Old shop', status: 'read_only' }),
      ],
      nextCursor: null,
    });
    fake.messagesForward.mockResolvedValue(makeMessage({ seq: 9, conversationId: 'conv-logo', senderId: alice.userId }));
    await user.click(within(await openMenu(user, 'Looks good to me')).getByRole('menuitem', { name: 'Forward' }));
    const dialog = screen.getByRole('dialog', { name: 'Forward message' });
    const targets = within(dialog).getByRole('list', { name: 'Forward to' });
    await within(targets).findByRole('button', { name: /^Logo design/ });
    expect(within(targets).getAllByRole('button')).toHaveLength(1);

    await user.click(within(targets).getByRole('button', { name: /^Logo design/ }));
    expect(fake.messagesForward).toHaveBeenCalledWith('msg-3', 'conv-logo');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('status')).toHaveTextContent('Message forwarded to “Logo design”.');
  });

  it('reports a message with a reason and a note, and thanks the reader', async () => {
    fake.reportsCreate.mockImplementation((messageId, body) =>
      Promise.resolve({ ...report, messageId, reason: body.reason, note: body.note ?? null }),
    );
    await user.click(within(await openMenu(user, 'Looks good to me')).getByRole('menuitem', { name: 'Report' }));
    const dialog = screen.getByRole('dialog', { name: 'Report message' });
    const send = within(dialog).getByRole('button', { name: 'Report' });
    expect(send).toBeDisabled();
    const reasons = within(within(dialog).getByRole('group', { name: 'Reason' })).getAllByRole('radio');
    expect(reasons.map((radio) => radio.closest('label')?.textContent)).toEqual(['Spam', 'Abuse', 'Harassment', 'Contact outside the platform', 'Other']);

    await user.click(within(dialog).getByRole('radio', { name: 'Contact outside the platform' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Note (optional)' }), '  Asked me to pay by bank transfer  ');
    await user.click(send);
    expect(fake.reportsCreate).toHaveBeenCalledWith('msg-3', { reason: 'off_platform_contact', note: 'Asked me to pay by bank transfer' });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('status')).toHaveTextContent('Reported. Thank you.');
  });

  it('says so when the message was already reported, and keeps the dialog open on other refusals', async () => {
    fake.reportsCreate.mockRejectedValueOnce(new ParleyError('NOT_FOUND', 'message not found', 404));
    fake.reportsCreate.mockRejectedValueOnce(new ParleyError('ALREADY_REPORTED', 'already reported', 409));
    await user.click(within(await openMenu(user, 'Looks good to me')).getByRole('menuitem', { name: 'Report' }));
    const dialog = screen.getByRole('dialog', { name: 'Report message' });
    await user.click(within(dialog).getByRole('radio', { name: 'Spam' }));
    await user.click(within(dialog).getByRole('button', { name: 'Report' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Could not report the message: This message or conversation is no longer available to you.');
    expect(fake.reportsCreate).toHaveBeenCalledWith('msg-3', { reason: 'spam' });

    await user.click(within(dialog).getByRole('button', { name: 'Report' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('status')).toHaveTextContent('You already reported this message.');
  });

  it('applies message:updated, message:reaction and message:deleted live, quotes included', async () => {
    act(() => fake.emit('message:updated', { message: { ...theirs, text: 'Looks great to me', editedAt: '2026-11-20T10:07:00.000Z' } }));
    expect(within(messageRowOf('Looks great to me')).getByText('edited')).toBeInTheDocument();

    const reactions = [{ emoji: '👍', count: 1, userIds: [paul.userId], me: false }];
    act(() => fake.emit('message:reaction', { conversationId: mine.conversationId, messageId: mine.id, userId: paul.userId, emoji: '👍', added: true, message: { ...mine, reactions } }));
    expect(within(messageRowOf('The draft is ready')).getByRole('button', { name: '👍 1' })).toHaveAttribute('aria-pressed', 'false');

    act(() => fake.arrive(makeMessage({ seq: 4, text: 'About your draft', replyToId: mine.id, replyTo: { id: mine.id, senderId: alice.userId, preview: mine.text, deleted: false } })));
    await screen.findByText('About your draft');
    expect(within(messageRowOf('About your draft')).getByText('You')).toBeInTheDocument();

    act(() => fake.emit('message:deleted', { conversationId: mine.conversationId, messageId: mine.id, seq: mine.seq, deletedAt: '2026-11-20T10:08:00.000Z' }));
    expect(screen.getByText('This message was deleted')).toBeInTheDocument();
    expect(screen.queryByText('The draft is ready')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '👍 1' })).not.toBeInTheDocument();
    expect(within(messageRowOf('About your draft')).getByText('Original message deleted')).toBeInTheDocument();
  });
});

describe('message actions in a read-only conversation', () => {
  it('offer only Copy, Forward and Delete (own messages) or Report (others\'), and the chips cannot be pressed', async () => {
    useRealtimeStore.getState().reset();
    useRealtimeStore.getState().setConnection({ state: 'connected', error: null });
    const user = userEvent.setup();
    const fake = createFakeApi();
    fake.conversationsGet.mockResolvedValue(makeConversation({ status: 'read_only' }));
    fake.projectsGet.mockResolvedValue(makeProject({ status: 'completed' }));
    fake.serve([{ ...mine, reactions: [{ emoji: '👍', count: 1, userIds: [paul.userId], me: false }] }, theirs]);
    renderView(fake);
    await screen.findByText('This project is completed; the conversation is read-only.');

    expect(menuItems(await openMenu(user, 'The draft is ready'))).toEqual(['Copy', 'Forward', 'Delete']);
    await user.keyboard('{Escape}');
    expect(menuItems(await openMenu(user, 'Looks good to me'))).toEqual(['Copy', 'Forward', 'Report']);
    expect(within(messageRowOf('The draft is ready')).getByRole('button', { name: '👍 1' })).toBeDisabled();
  });
});
