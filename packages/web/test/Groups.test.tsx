import { ParleyError } from '@parley/sdk';
import type { Conversation } from '@parley/protocol';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { useLocation } from 'wouter';
import { queryKeys } from '../src/api/query-keys.js';
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

/** Opens conversation `conversationId` as Alice and its Project details panel; answers the panel and the query cache. */
async function openProjectPanel(fake: FakeApi, conversationId = 'conv-checkout') {
  const { queryClient } = renderWithApi(
    <>
      <CurrentPath />
      <ConversationView conversationId={conversationId} meId={alice.userId} focusMessageId={null} />
    </>,
    fake.api,
    { meId: alice.userId, path: `/c/${conversationId}` },
  );
  await userEvent.click(await screen.findByRole('button', { name: 'Project details' }));
  return { panel: screen.getByRole('complementary', { name: 'Project details' }), queryClient };
}

describe('new group', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = fakeApiWithConversation(numberedHistory(1));
    fake.conversationsGet.mockResolvedValue(makeConversation({ participants: [alice, paul, wen] }));
  });

  it('creates a group of the checked project members with a title, then opens it', async () => {
    const user = userEvent.setup();
    const { panel } = await openProjectPanel(fake);
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
    const { panel } = await openProjectPanel(fake);
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
    const { panel } = await openProjectPanel(fake);
    expect(await within(panel).findByText('Redesign the checkout flow')).toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: 'New group' })).not.toBeInTheDocument();
  });
});

describe('group members', () => {
  let fake: FakeApi;
  const group = (overrides: Partial<Conversation> = {}) =>
    makeConversation({ id: 'conv-group', kind: 'group', title: 'Design team', participants: [alice, paul], createdBy: alice.userId, ...overrides });
  const projectConversation = makeConversation({ participants: [alice, paul, wen] });
  const members = (panel: HTMLElement) => within(panel).getAllByRole('listitem').map((item) => item.querySelector('span > span:last-child')?.textContent);
  beforeEach(() => {
    fake = fakeApiWithConversation(numberedHistory(1));
    fake.conversationsGet.mockResolvedValue(group());
  });

  it('lets the creator add a project member who is not in the group, read from the conversation list', async () => {
    const user = userEvent.setup();
    fake.conversationsList.mockImplementation(({ archived } = {}) => Promise.resolve({ items: archived ? [] : [group(), projectConversation], nextCursor: null }));
    const { panel } = await openProjectPanel(fake, 'conv-group');
    expect(within(panel).queryByRole('button', { name: 'Leave group' })).not.toBeInTheDocument();
    await user.click(await within(panel).findByRole('button', { name: 'Add member' }));
    const dialog = screen.getByRole('dialog', { name: 'Add member' });
    expect(await within(dialog).findAllByRole('radio')).toHaveLength(1);
    expect(within(dialog).getByRole('group', { name: 'Project members' })).toHaveTextContent('Wen Li');
    const add = within(dialog).getByRole('button', { name: 'Add' });
    expect(add).toBeDisabled();
    await user.click(within(dialog).getByRole('radio', { name: 'Wen Li' }));

    fake.conversationsAddParticipant.mockResolvedValue(group({ participants: [alice, paul, wen] }));
    await user.click(add);
    expect(fake.conversationsAddParticipant).toHaveBeenCalledExactlyOnceWith('conv-group', wen.userId);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(members(panel)).toEqual(['Alice Martin', 'Paul Okafor', 'Wen Li']);
    expect(within(panel).getByRole('button', { name: 'Remove Wen Li' })).toBeInTheDocument();
  });

  it('takes the candidates from the project conversation in the inbox cache without asking the server', async () => {
    const user = userEvent.setup();
    const { panel, queryClient } = await openProjectPanel(fake, 'conv-group');
    queryClient.setQueryData(queryKeys.conversationList({ search: '', archived: false }), {
      pages: [{ items: [projectConversation], nextCursor: null }],
      pageParams: [null],
    });
    await user.click(await within(panel).findByRole('button', { name: 'Add member' }));
    const dialog = screen.getByRole('dialog', { name: 'Add member' });
    expect((await within(dialog).findAllByRole('radio')).map((radio) => radio.closest('label')?.textContent)).toEqual(['Wen Li']);
    expect(fake.conversationsList).not.toHaveBeenCalled();
  });

  it('keeps the add dialog open with the refusal', async () => {
    const user = userEvent.setup();
    fake.conversationsList.mockResolvedValue({ items: [projectConversation], nextCursor: null });
    const { panel } = await openProjectPanel(fake, 'conv-group');
    await user.click(await within(panel).findByRole('button', { name: 'Add member' }));
    const dialog = screen.getByRole('dialog', { name: 'Add member' });
    await user.click(await within(dialog).findByRole('radio', { name: 'Wen Li' }));
    fake.conversationsAddParticipant.mockRejectedValue(new ParleyError('ALREADY_PARTICIPANT', 'That user is already in the group', 409));
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Could not add the member: That person is already in the group.');
  });

  it('lets the creator remove another member after confirming', async () => {
    const user = userEvent.setup();
    const { panel } = await openProjectPanel(fake, 'conv-group');
    expect(within(panel).queryByRole('button', { name: 'Remove Alice Martin' })).not.toBeInTheDocument();
    await user.click(await within(panel).findByRole('button', { name: 'Remove Paul Okafor' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Remove member?' })).getByRole('button', { name: 'Cancel' }));
    expect(fake.conversationsRemoveParticipant).not.toHaveBeenCalled();

    await user.click(within(panel).getByRole('button', { name: 'Remove Paul Okafor' }));
    fake.conversationsRemoveParticipant.mockResolvedValue();
    await user.click(within(screen.getByRole('dialog', { name: 'Remove member?' })).getByRole('button', { name: 'Remove' }));
    expect(fake.conversationsRemoveParticipant).toHaveBeenCalledExactlyOnceWith('conv-group', paul.userId);
    await waitFor(() => expect(members(panel)).toEqual(['Alice Martin']));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('shows a refused removal as an alert and keeps the member', async () => {
    const user = userEvent.setup();
    const { panel } = await openProjectPanel(fake, 'conv-group');
    await user.click(await within(panel).findByRole('button', { name: 'Remove Paul Okafor' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove member?' });
    fake.conversationsRemoveParticipant.mockRejectedValue(new ParleyError('CONVERSATION_LOCKED', 'locked', 409));
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Could not remove the member: The group is locked.');
    expect(members(panel)).toEqual(['Alice Martin', 'Paul Okafor']);
  });

  it('lets a member who did not create the group leave it, then goes back to the inbox', async () => {
    const user = userEvent.setup();
    fake.conversationsGet.mockResolvedValue(group({ createdBy: paul.userId }));
    const { panel } = await openProjectPanel(fake, 'conv-group');
    await user.click(await within(panel).findByRole('button', { name: 'Leave group' }));
    expect(within(panel).queryByRole('button', { name: 'Add member' })).not.toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: /^Remove/ })).not.toBeInTheDocument();
    fake.conversationsRemoveParticipant.mockResolvedValue();
    await user.click(within(screen.getByRole('dialog', { name: 'Leave group?' })).getByRole('button', { name: 'Leave' }));
    expect(fake.conversationsRemoveParticipant).toHaveBeenCalledExactlyOnceWith('conv-group', alice.userId);
    expect(await screen.findByRole('status', { name: 'Current path' })).toHaveTextContent(/^\/$/);
  });

  it('stays in the group with the refusal when leaving is refused', async () => {
    const user = userEvent.setup();
    fake.conversationsGet.mockResolvedValue(group({ createdBy: paul.userId }));
    const { panel } = await openProjectPanel(fake, 'conv-group');
    await user.click(await within(panel).findByRole('button', { name: 'Leave group' }));
    const dialog = screen.getByRole('dialog', { name: 'Leave group?' });
    fake.conversationsRemoveParticipant.mockRejectedValue(new ParleyError('CONVERSATION_READ_ONLY', 'read-only', 409));
    await user.click(within(dialog).getByRole('button', { name: 'Leave' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Could not leave the group: The group is read-only.');
    expect(screen.getByRole('status', { name: 'Current path' })).toHaveTextContent('/c/conv-group');
  });

  it('follows conversation:updated and offers no changes once the group is read-only', async () => {
    const { panel } = await openProjectPanel(fake, 'conv-group');
    await within(panel).findByRole('button', { name: 'Add member' });
    act(() => fake.emit('conversation:updated', { conversation: group({ participants: [alice, paul, wen], status: 'read_only' }) }));
    await waitFor(() => expect(members(panel)).toEqual(['Alice Martin', 'Paul Okafor', 'Wen Li']));
    expect(within(panel).queryByRole('button', { name: 'Add member' })).not.toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: /^Remove/ })).not.toBeInTheDocument();
  });
});
