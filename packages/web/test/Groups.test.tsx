import { ParleyError } from '@parley/sdk';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { useLocation } from 'wouter';
import { ConversationView } from '../src/components/ConversationView.js';
import type { FakeApi } from './support/fake-api.js';
import { alice, makeConversation, paul, wen } from './support/factories.js';
import { fakeApiWithConversation, numberedHistory } from './support/open-conversation.js';
import { renderWithApi } from './support/render.js';

/** The address the app is at, for checking where an action led. */
function CurrentPath() {
  const [path] = useLocation();
  return <output aria-label="Current path">{path}</output>;
}

async function openProjectPanel(fake: FakeApi) {
  renderWithApi(
    <>
      <CurrentPath />
      <ConversationView conversationId="conv-checkout" meId={alice.userId} focusMessageId={null} />
    </>,
    fake.api,
    { meId: alice.userId, path: '/c/conv-checkout' },
  );
  await userEvent.click(await screen.findByRole('button', { name: 'Project details' }));
  return screen.getByRole('complementary', { name: 'Project details' });
}

describe('new group', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = fakeApiWithConversation(numberedHistory(1));
    fake.conversationsGet.mockResolvedValue(makeConversation({ participants: [alice, paul, wen] }));
  });

  it('creates a group of the checked project members with a title, then opens it', async () => {
    const user = userEvent.setup();
    const panel = await openProjectPanel(fake);
    await user.click(await within(panel).findByRole('button', { name: 'New group' }));
    const dialog = screen.getByRole('dialog', { name: 'New group' });
    const create = within(dialog).getByRole('button', { name: 'Create group' });
    expect(within(dialog).getAllByRole('checkbox').map((box) => box.closest('label')?.textContent)).toEqual(['Paul Okafor', 'Wen Li']);
    await user.type(within(dialog).getByRole('textbox', { name: 'Group title' }), '  Design team ');
    expect(create).toBeDisabled();
    await user.click(within(dialog).getByRole('checkbox', { name: 'Wen Li' }));

    fake.conversationsCreateGroup.mockResolvedValue(makeConversation({ id: 'conv-group', kind: 'group', title: 'Design team', participants: [alice, wen] }));
    await user.click(create);
    expect(fake.conversationsCreateGroup).toHaveBeenCalledExactlyOnceWith({ projectId: 'proj-checkout', title: 'Design team', participantIds: [wen.userId] });
    expect(await screen.findByRole('status', { name: 'Current path' })).toHaveTextContent('/c/conv-group');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('keeps the dialog open with the refusal', async () => {
    const user = userEvent.setup();
    const panel = await openProjectPanel(fake);
    await user.click(await within(panel).findByRole('button', { name: 'New group' }));
    const dialog = screen.getByRole('dialog', { name: 'New group' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Group title' }), 'Design team');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Paul Okafor' }));
    fake.conversationsCreateGroup.mockRejectedValue(new ParleyError('PROJECT_NOT_ACTIVE', 'project is not active', 409));
    await user.click(within(dialog).getByRole('button', { name: 'Create group' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(/^Could not create the group: /);
    expect(screen.getByRole('status', { name: 'Current path' })).toHaveTextContent('/c/conv-checkout');
  });

  it('is offered only in the project conversation, not in a group', async () => {
    fake.conversationsGet.mockResolvedValue(makeConversation({ kind: 'group', title: 'Design team' }));
    const panel = await openProjectPanel(fake);
    expect(await within(panel).findByText('Redesign the checkout flow')).toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: 'New group' })).not.toBeInTheDocument();
  });
});
