import { ParleyError } from '@parley/sdk';
import type { Meeting } from '@parley/protocol';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useLocation } from 'wouter';
import { ConversationView } from '../src/components/ConversationView.js';
import { ScheduleMeetingDialog } from '../src/components/ScheduleMeetingDialog.js';
import type { FakeApi } from './support/fake-api.js';
import { alice, makeConversation, makeMeeting, makeProject, paul, wen } from './support/factories.js';
import { fakeApiWithConversation, numberedHistory } from './support/open-conversation.js';
import { renderWithApi } from './support/render.js';

/** The address the app is at, for checking where an action led. */
function CurrentPath() {
  const [path] = useLocation();
  return <output aria-label="Current path">{path}</output>;
}

/** Opens the project conversation as Alice, with the current path shown beside it. */
function openThread(fake: FakeApi) {
  return renderWithApi(
    <>
      <CurrentPath />
      <ConversationView conversationId="conv-checkout" meId={alice.userId} focusMessageId={null} />
    </>,
    fake.api,
    { meId: alice.userId, path: '/c/conv-checkout' },
  );
}

/** The card of the meeting titled `title` in the thread's strip. */
function cardOf(title: string): HTMLElement {
  return within(screen.getByRole('list', { name: 'Meetings' })).getByRole('article', { name: title });
}

describe('meeting buttons in the thread header', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = fakeApiWithConversation(numberedHistory(1));
  });

  it('offers "Start meeting" and "Schedule" in an active project’s own conversation', async () => {
    openThread(fake);
    expect(await screen.findByRole('button', { name: 'Start meeting' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Schedule' })).toHaveAttribute('aria-haspopup', 'dialog');
  });

  it('offers no meeting in a group, nor in a completed project', async () => {
    fake.conversationsGet.mockResolvedValue(makeConversation({ kind: 'group', title: 'Design team' }));
    const { unmount } = openThread(fake);
    await screen.findByRole('heading', { name: 'Design team' });
    await act(() => Promise.resolve());
    expect(screen.queryByRole('button', { name: 'Start meeting' })).not.toBeInTheDocument();
    unmount();

    fake.conversationsGet.mockResolvedValue(makeConversation({ status: 'read_only' }));
    fake.projectsGet.mockResolvedValue(makeProject({ status: 'completed' }));
    openThread(fake);
    await screen.findByText('This project is completed; the conversation is read-only.');
    expect(screen.queryByRole('button', { name: 'Start meeting' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Schedule' })).not.toBeInTheDocument();
  });

  it('"Start meeting" creates an instant meeting named after the project and opens its call view', async () => {
    const user = userEvent.setup();
    fake.meetingsCreate.mockResolvedValue(makeMeeting({ id: 'meeting-new', hostId: alice.userId }));
    openThread(fake);
    await user.click(await screen.findByRole('button', { name: 'Start meeting' }));
    expect(fake.meetingsCreate).toHaveBeenCalledExactlyOnceWith('proj-checkout', { title: 'Call in Redesign the checkout flow' });
    expect(await screen.findByRole('status', { name: 'Current path' })).toHaveTextContent('/meeting/meeting-new');
  });

  it('says why a meeting could not start', async () => {
    const user = userEvent.setup();
    fake.meetingsCreate.mockRejectedValue(new ParleyError('PROJECT_NOT_ACTIVE', 'This project is completed', 409));
    openThread(fake);
    await user.click(await screen.findByRole('button', { name: 'Start meeting' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not start the meeting: This project is completed');
    expect(screen.getByRole('status', { name: 'Current path' })).toHaveTextContent('/c/conv-checkout');
  });

  it('"Schedule" creates a scheduled meeting from the dialog, and its card shows', async () => {
    const user = userEvent.setup();
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    const day = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
    const at = new Date(tomorrow.getFullYear(), tomorrow.getMonth(), tomorrow.getDate(), 10, 30).toISOString();
    const scheduled = makeMeeting({ id: 'meeting-s', kind: 'scheduled', status: 'scheduled', hostId: alice.userId, title: 'Weekly sync', scheduledFor: at });
    fake.meetingsCreate.mockResolvedValue(scheduled);
    openThread(fake);
    await user.click(await screen.findByRole('button', { name: 'Schedule' }));
    const dialog = screen.getByRole('dialog', { name: 'Schedule a meeting' });
    const title = within(dialog).getByRole('textbox', { name: 'Meeting title' });
    await user.clear(title);
    await user.type(title, 'Weekly sync');
    fireEvent.change(within(dialog).getByLabelText('Date'), { target: { value: day } });
    fireEvent.change(within(dialog).getByLabelText('Time'), { target: { value: '10:30' } });
    await user.click(within(dialog).getByRole('button', { name: 'Schedule' }));
    expect(fake.meetingsCreate).toHaveBeenCalledExactlyOnceWith('proj-checkout', {
      title: 'Weekly sync',
      scheduledFor: at,
      inviteeIds: [paul.userId],
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(cardOf('Weekly sync')).toHaveTextContent('Scheduled'));
  });
});

describe('the schedule dialog', () => {
  /** 21 Nov 2026, 10:20 in the machine's time zone. */
  const now = () => new Date(2026, 10, 21, 10, 20).getTime();

  function openDialog(onSchedule = vi.fn<(body: unknown) => Promise<void>>(() => Promise.resolve())) {
    const onClose = vi.fn();
    renderWithApi(<ScheduleMeetingDialog projectTitle="Checkout" invitable={[paul, wen]} onSchedule={onSchedule} onClose={onClose} now={now} />, fakeApiWithConversation([]).api);
    const dialog = screen.getByRole('dialog', { name: 'Schedule a meeting' });
    const setSlot = (date: string, time: string) => {
      fireEvent.change(within(dialog).getByLabelText('Date'), { target: { value: date } });
      fireEvent.change(within(dialog).getByLabelText('Time'), { target: { value: time } });
    };
    return { dialog, onSchedule, onClose, setSlot, submit: () => userEvent.click(within(dialog).getByRole('button', { name: 'Schedule' })) };
  }

  it('proposes a title, the next hour but one and every member; sends the local time as UTC', async () => {
    const { dialog, onSchedule, onClose, submit } = openDialog();
    expect(within(dialog).getByRole('textbox', { name: 'Meeting title' })).toHaveValue('Meeting about Checkout');
    expect(within(dialog).getByLabelText('Date')).toHaveValue('2026-11-21');
    expect(within(dialog).getByLabelText('Time')).toHaveValue('12:00');
    const invitees = within(dialog).getByRole('group', { name: 'Invitees' });
    expect(within(invitees).getAllByRole('checkbox').map((box) => [box.closest('label')?.textContent, (box as HTMLInputElement).checked])).toEqual([
      ['Paul Okafor', true],
      ['Wen Li', true],
    ]);
    await userEvent.click(within(invitees).getByRole('checkbox', { name: 'Wen Li' }));
    await submit();
    expect(onSchedule).toHaveBeenCalledExactlyOnceWith({ title: 'Meeting about Checkout', scheduledFor: new Date(2026, 10, 21, 12, 0).toISOString(), inviteeIds: [paul.userId] });
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('refuses a time that is not ahead, a missing date, and nobody invited, without sending', async () => {
    const { dialog, onSchedule, setSlot, submit } = openDialog();
    setSlot('2026-11-21', '10:20');
    await submit();
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Pick a time in the future.');
    setSlot('', '11:00');
    await submit();
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Pick a date and a time.');
    setSlot('2027-12-01', '11:00');
    await submit();
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Pick a time within a year.');
    setSlot('2026-11-21', '10:21');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Paul Okafor' }));
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Wen Li' }));
    await submit();
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Invite at least one person.');
    expect(onSchedule).not.toHaveBeenCalled();
  });

  it('keeps the dialog open with the server’s refusal', async () => {
    const { dialog, onClose, submit } = openDialog(vi.fn(() => Promise.reject(new ParleyError('VALIDATION_FAILED', 'scheduledFor: must lie ahead, at most a year', 400))));
    await submit();
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Could not schedule the meeting: scheduledFor: must lie ahead, at most a year');
    expect(onClose).not.toHaveBeenCalled();
  });
});

describe('meeting cards in the thread', () => {
  let fake: FakeApi;
  const startedAt = new Date(2026, 10, 20, 14, 2).toISOString();
  const meetings: Meeting[] = [
    makeMeeting({ id: 'm-s', title: 'Planning', kind: 'scheduled', status: 'scheduled', hostId: alice.userId, scheduledFor: new Date(2030, 0, 2, 9, 30).toISOString() }),
    makeMeeting({ id: 'm-a', title: 'Live review', status: 'active', startedAt }),
    makeMeeting({ id: 'm-c', title: 'Kickoff', status: 'completed', startedAt, endedAt: startedAt, durationSec: 1_920 }),
    makeMeeting({ id: 'm-d', title: 'Quick call', status: 'declined' }),
  ];
  beforeEach(() => {
    fake = fakeApiWithConversation(numberedHistory(1));
    fake.meetingsList.mockResolvedValue(meetings);
  });

  it('shows each meeting’s title, status, time and, once completed, duration', async () => {
    openThread(fake);
    await screen.findByRole('list', { name: 'Meetings' });
    expect(fake.meetingsList).toHaveBeenCalledWith('proj-checkout');
    expect(cardOf('Planning')).toHaveTextContent(/Scheduled/);
    expect(within(cardOf('Planning')).getByRole('time')).toHaveTextContent(/^For .*2030.*9:30/);
    expect(within(cardOf('Planning')).getByRole('time')).toHaveAttribute('datetime', meetings[0]?.scheduledFor);
    expect(cardOf('Live review')).toHaveTextContent('In progress');
    expect(within(cardOf('Live review')).getByRole('time')).toHaveTextContent(/^Started 2:02/);
    expect(cardOf('Kickoff')).toHaveTextContent('Completed');
    expect(within(cardOf('Kickoff')).getByRole('time')).toHaveTextContent(/2:02.* · 32 min$/);
    expect(cardOf('Quick call')).toHaveTextContent('Declined');
  });

  it('offers Start and Cancel to the host before it starts, Join to others while open, nothing once over', async () => {
    openThread(fake);
    await screen.findByRole('list', { name: 'Meetings' });
    expect(within(cardOf('Planning')).getByRole('link', { name: 'Start' })).toHaveAttribute('href', '/meeting/m-s');
    expect(within(cardOf('Planning')).getByRole('button', { name: 'Cancel' })).toBeEnabled();
    expect(within(cardOf('Live review')).getByRole('link', { name: 'Join' })).toHaveAttribute('href', '/meeting/m-a');
    expect(within(cardOf('Live review')).queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
    expect(within(cardOf('Kickoff')).queryByRole('link')).not.toBeInTheDocument();
    expect(within(cardOf('Quick call')).queryByRole('link')).not.toBeInTheDocument();
  });

  it('cancels the host’s meeting, and says why when refused', async () => {
    const user = userEvent.setup();
    openThread(fake);
    await screen.findByRole('list', { name: 'Meetings' });
    fake.meetingsAct.mockRejectedValueOnce(new ParleyError('MEETING_STARTED', 'This meeting has started; end it instead', 409));
    await user.click(within(cardOf('Planning')).getByRole('button', { name: 'Cancel' }));
    expect(await within(cardOf('Planning')).findByRole('alert')).toHaveTextContent('Could not cancel: This meeting has started; end it instead');
    fake.meetingsAct.mockResolvedValueOnce({ ...(meetings[0] as Meeting), status: 'cancelled' });
    await user.click(within(cardOf('Planning')).getByRole('button', { name: 'Cancel' }));
    expect(fake.meetingsAct).toHaveBeenLastCalledWith('m-s', 'cancel');
    expect(await within(cardOf('Planning')).findByText('Cancelled')).toBeInTheDocument();
    expect(within(cardOf('Planning')).queryByRole('button')).not.toBeInTheDocument();
  });

  it('follows meeting:updated live: new meetings first, changes in place', async () => {
    openThread(fake);
    await screen.findByRole('list', { name: 'Meetings' });
    act(() => fake.emit('meeting:updated', { meeting: makeMeeting({ id: 'm-new', title: 'Fresh call' }) }));
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Meetings' })).getAllByRole('article')[0]).toHaveAccessibleName('Fresh call'));
    expect(cardOf('Fresh call')).toHaveTextContent('Ringing');
    act(() => fake.emit('meeting:updated', { meeting: { ...(meetings[1] as Meeting), status: 'completed', durationSec: 45 } }));
    await waitFor(() => expect(cardOf('Live review')).toHaveTextContent('Completed'));
    expect(within(cardOf('Live review')).getByRole('time')).toHaveTextContent(/< 1 min$/);
  });
});
