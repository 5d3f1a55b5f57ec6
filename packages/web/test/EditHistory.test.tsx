import type { MessageEdit } from '@parley/protocol';
import { ParleyError } from '@parley/sdk';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConversationView } from '../src/components/ConversationView.js';
import type { FakeApi } from './support/fake-api.js';
import { alice, makeMessage, paul } from './support/factories.js';
import { fakeApiWithConversation } from './support/open-conversation.js';
import { messageRowOf, openMenu, textsByRole } from './support/queries.js';
import { renderWithApi } from './support/render.js';

const edited = makeMessage({ seq: 2, text: 'Third try', createdAt: '2026-11-20T10:00:00.000Z', editedAt: '2026-11-20T10:09:00.000Z' });
const plain = makeMessage({ seq: 3, text: 'Never changed' });
const edits: MessageEdit[] = [
  { text: 'First try', createdAt: '2026-11-20T10:00:00.000Z', replacedAt: '2026-11-20T10:05:00.000Z', editedBy: paul.userId },
  { text: 'Second try', createdAt: '2026-11-20T10:05:00.000Z', replacedAt: '2026-11-20T10:09:00.000Z', editedBy: paul.userId },
];

/** The versions listed in the open "Edit history" dialog, as their texts. */
function versionTexts(): string[] {
  return textsByRole(within(screen.getByRole('dialog', { name: 'Edit history' })).getByRole('list', { name: 'Versions' }), 'listitem');
}

describe('the edit history', () => {
  let fake: FakeApi;
  let user: ReturnType<typeof userEvent.setup>;
  beforeEach(async () => {
    user = userEvent.setup();
    fake = fakeApiWithConversation([makeMessage({ seq: 1, text: 'Hello Alice' }), edited, plain]);
    renderWithApi(<ConversationView conversationId="conv-checkout" meId={alice.userId} focusMessageId={null} />, fake.api, { meId: alice.userId, path: '/c/conv-checkout' });
    await screen.findByText('Third try');
  });

  it('opens from "edited" and lists the earlier versions oldest first with their times, then the current text marked "Current"', async () => {
    fake.messagesEdits.mockResolvedValue({ items: edits });
    await user.click(within(messageRowOf('Third try')).getByRole('button', { name: 'edited' }));
    expect(fake.messagesEdits).toHaveBeenCalledWith('msg-2');
    const dialog = screen.getByRole('dialog', { name: 'Edit history' });
    await within(dialog).findByText('First try');
    const texts = versionTexts();
    expect(texts).toHaveLength(3);
    expect(texts[0]).toContain('First try');
    expect(texts[0]).toContain(new Date(edits[0]!.createdAt).toLocaleString());
    expect(texts[1]).toContain('Second try');
    expect(texts[1]).toContain(new Date(edits[1]!.createdAt).toLocaleString());
    expect(texts[2]).toContain('Third try');
    expect(texts[2]).toContain('Current');
    expect(texts[2]).toContain(new Date(edited.editedAt!).toLocaleString());
    expect(texts.filter((text) => text.includes('Current'))).toHaveLength(1);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('is offered in the menu of edited messages only, and says so while loading and when nothing earlier was kept', async () => {
    const menu = await openMenu(user, 'Never changed');
    expect(within(menu).queryByRole('menuitem', { name: 'Edit history' })).not.toBeInTheDocument();
    expect(within(messageRowOf('Never changed')).queryByRole('button', { name: 'edited' })).not.toBeInTheDocument();
    await user.keyboard('{Escape}');

    let answer: (list: { items: MessageEdit[] }) => void = () => undefined;
    fake.messagesEdits.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    await user.click(within(await openMenu(user, 'Third try')).getByRole('menuitem', { name: 'Edit history' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit history' });
    expect(within(dialog).getByText('Loading the edit history…')).toBeInTheDocument();
    act(() => answer({ items: [] }));
    expect(await within(dialog).findByText('No earlier versions.')).toBeInTheDocument();
    expect(versionTexts()).toEqual([expect.stringContaining('Third try')]);
  });

  it('shows a failure with "Try again", which reads the history again', async () => {
    fake.messagesEdits.mockRejectedValueOnce(new ParleyError('INTERNAL', 'Something went wrong.', 500));
    fake.messagesEdits.mockResolvedValueOnce({ items: edits });
    await user.click(within(messageRowOf('Third try')).getByRole('button', { name: 'edited' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit history' });
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Could not load the edit history: Something went wrong.');
    await user.click(within(dialog).getByRole('button', { name: 'Try again' }));
    expect(await within(dialog).findByText('Second try')).toBeInTheDocument();
    expect(fake.messagesEdits).toHaveBeenCalledTimes(2);
  });

  it('reads the history again when a newer edit arrives while it is open', async () => {
    fake.messagesEdits.mockResolvedValueOnce({ items: edits.slice(0, 1) });
    await user.click(within(messageRowOf('Third try')).getByRole('button', { name: 'edited' }));
    await within(screen.getByRole('dialog', { name: 'Edit history' })).findByText('First try');
    fake.messagesEdits.mockResolvedValueOnce({ items: [...edits, { ...edits[1]!, text: 'Third try', createdAt: edits[1]!.replacedAt, replacedAt: '2026-11-20T10:12:00.000Z' }] });
    act(() => fake.emit('message:updated', { message: { ...edited, text: 'Fourth try', editedAt: '2026-11-20T10:12:00.000Z' } }));
    await waitFor(() => expect(versionTexts()).toHaveLength(4));
    expect(versionTexts()[3]).toContain('Fourth try');
    expect(versionTexts()[3]).toContain('Current');
  });
});
