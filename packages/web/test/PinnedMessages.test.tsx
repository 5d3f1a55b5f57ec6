import type { Message, PinList } from '@parley/protocol';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useSearchParams } from 'wouter';
import { ConversationView } from '../src/components/ConversationView.js';
import type { FakeApi } from './support/fake-api.js';
import { alice, makeConversation, paul } from './support/factories.js';
import { giveLayout, removeLayout } from './support/layout.js';
import { openMenu } from './support/queries.js';
import { fakeApiWithConversation, numberedHistory } from './support/open-conversation.js';
import { renderWithApi } from './support/render.js';

const history = numberedHistory(80);

function pinsOf(...messages: Message[]): PinList {
  return { items: messages.map((message) => ({ message, pinnedBy: paul.userId, pinnedAt: '2026-11-20T11:00:00.000Z' })) };
}

/** The thread as the workspace mounts it: the message to open comes from the address (`?message=`). */
function RoutedView() {
  const [params] = useSearchParams();
  return <ConversationView conversationId="conv-checkout" meId={alice.userId} focusMessageId={params.get('message')} />;
}

const pinnedButton = (count: number) => screen.getByRole('button', { name: `Pinned messages ${count}` });

describe('pinned messages', () => {
  let fake: FakeApi;
  let scrollIntoView: ReturnType<typeof giveLayout>;
  beforeEach(async () => {
    scrollIntoView = giveLayout();
    fake = fakeApiWithConversation(history);
    fake.messagesPins.mockResolvedValue(pinsOf(history[4]!)); // seq 5: not in the newest page of 50
    renderWithApi(<RoutedView />, fake.api, { meId: alice.userId, path: '/c/conv-checkout' });
    await screen.findByText('Message number 80');
  });
  afterEach(removeLayout);

  it('pins and unpins from the message actions menu, the header counting the pins', async () => {
    const user = userEvent.setup();
    await waitFor(() => expect(pinnedButton(1)).toBeInTheDocument());
    expect(fake.messagesPins).toHaveBeenCalledWith('conv-checkout');

    fake.messagesPin.mockResolvedValue(pinsOf(history[79]!, history[4]!));
    await user.click(within(await openMenu(user, 'Message number 80')).getByRole('menuitem', { name: 'Pin' }));
    expect(fake.messagesPin).toHaveBeenCalledWith('msg-80', true);
    expect(await screen.findByRole('button', { name: 'Pinned messages 2' })).toBeInTheDocument();

    fake.messagesPin.mockResolvedValue(pinsOf(history[4]!));
    await user.click(within(await openMenu(user, 'Message number 80')).getByRole('menuitem', { name: 'Unpin' }));
    expect(fake.messagesPin).toHaveBeenLastCalledWith('msg-80', false);
    expect(await screen.findByRole('button', { name: 'Pinned messages 1' })).toBeInTheDocument();
  });

  it('refetches the pins on conversation:updated for this conversation', async () => {
    await waitFor(() => expect(pinnedButton(1)).toBeInTheDocument());
    fake.messagesPins.mockResolvedValue(pinsOf(history[9]!, history[4]!));
    act(() => fake.emit('conversation:updated', { conversation: makeConversation() }));
    expect(await screen.findByRole('button', { name: 'Pinned messages 2' })).toBeInTheDocument();
  });

  it('lists the pins in a dialog; a click pages back to the message, scrolls to it and marks it', async () => {
    const user = userEvent.setup();
    await waitFor(() => expect(pinnedButton(1)).toBeInTheDocument());
    await user.click(pinnedButton(1));
    const dialog = screen.getByRole('dialog', { name: 'Pinned messages' });
    const item = within(within(dialog).getByRole('list', { name: 'Pinned messages' })).getByRole('button');
    expect(item).toHaveTextContent('Paul Okafor');
    expect(item).toHaveTextContent('Message number 5');
    expect(item).toHaveTextContent('Pinned by Paul Okafor');

    await user.click(item);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const row = (await screen.findByText('Message number 5')).closest('#message-msg-5');
    await waitFor(() => expect(row).toHaveAttribute('data-highlighted', 'true'));
    expect(scrollIntoView.mock.contexts).toContain(row);
  });
});
