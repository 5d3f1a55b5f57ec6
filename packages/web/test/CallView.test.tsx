import { ParleyError } from '@parley/sdk';
import type { Meeting, MeetingToken } from '@parley/protocol';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useLocation } from 'wouter';
import { CallView } from '../src/components/CallView.js';
import type { MediaSession, RemoteMember } from '../src/media/media-session.js';
import { createFakeApi, type FakeApi } from './support/fake-api.js';
import { alice, makeConversation, makeMeeting, paul } from './support/factories.js';
import { renderWithApi } from './support/render.js';

const TOKEN: MeetingToken = { provider: 'agora', appId: 'a'.repeat(32), channel: 'parley-abc', uid: 2, token: '007token', expiresAt: '2026-11-21T12:00:00.000Z' };

/** A media session whose join and publish the test decides; it hands the remote listener out. */
function fakeSession(join: () => Promise<void> = () => Promise.resolve()) {
  let announce: (members: RemoteMember[]) => void = () => undefined;
  const session = {
    join: vi.fn(join),
    publish: vi.fn(() => Promise.resolve({ camera: true, microphone: true, error: null })),
    setCamera: vi.fn(() => Promise.resolve()),
    setMicrophone: vi.fn(() => Promise.resolve()),
    playLocal: vi.fn(),
    playRemote: vi.fn(),
    onRemoteChange: vi.fn((listener: (members: RemoteMember[]) => void) => {
      announce = listener;
      return () => undefined;
    }),
    leave: vi.fn(() => Promise.resolve()),
  } satisfies MediaSession;
  return { session, announce: (members: RemoteMember[]) => act(() => announce(members)) };
}

/** The address the app is at. */
function CurrentPath() {
  const [path] = useLocation();
  return <output aria-label="Current path">{path}</output>;
}

/** Alice in the call view of `meeting`, with `session` as its media. */
function openCall(fake: FakeApi, meeting: Meeting, session: MediaSession, joinTimeoutMs = 1_000) {
  fake.meetingsGet.mockResolvedValue(meeting);
  const createSession = vi.fn(() => Promise.resolve(session));
  renderWithApi(
    <>
      <CurrentPath />
      <CallView meetingId={meeting.id} meId={alice.userId} createSession={createSession} joinTimeoutMs={joinTimeoutMs} />
    </>,
    fake.api,
    { meId: alice.userId, path: `/meeting/${meeting.id}` },
  );
  return { createSession };
}

const ACTIVE = makeMeeting({
  status: 'active',
  startedAt: '2026-11-21T11:00:00.000Z',
  participants: [
    { userId: paul.userId, status: 'joined' },
    { userId: alice.userId, status: 'accepted' },
  ],
});

describe('the call view', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = createFakeApi();
    fake.conversationsGet.mockResolvedValue(makeConversation());
    fake.meetingsAct.mockImplementation((_id, action) =>
      Promise.resolve({ ...ACTIVE, participants: [ACTIVE.participants[0] as Meeting['participants'][number], { userId: alice.userId, status: action === 'leave' ? 'left' : 'joined' }] }),
    );
  });

  it('says video is not set up when the server has no provider, and keeps the meeting’s participants', async () => {
    fake.meetingsToken.mockRejectedValue(new ParleyError('MEETINGS_NOT_CONFIGURED', 'Video meetings need a media provider: set PARLEY_AGORA_APP_ID and PARLEY_AGORA_APP_CERTIFICATE', 503));
    const { createSession } = openCall(fake, ACTIVE, fakeSession().session);
    const call = await screen.findByRole('region', { name: 'Call' });
    const status = await within(call).findByRole('status');
    await waitFor(() => expect(status).toHaveTextContent("Video isn't set up on this server"));
    expect(status).toHaveTextContent('Video meetings need a media provider: set PARLEY_AGORA_APP_ID and PARLEY_AGORA_APP_CERTIFICATE');
    expect(fake.meetingsAct).toHaveBeenCalledExactlyOnceWith('meeting-1', 'join');
    const participants = within(call).getByRole('list', { name: 'Participants' });
    await waitFor(() => expect(within(participants).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Paul Okafor · hostIn the call', 'Alice Martin (you)In the call']));
    expect(createSession).not.toHaveBeenCalled();
    expect(within(call).getByRole('button', { name: 'Camera' })).toBeDisabled();
    expect(within(call).getByRole('button', { name: 'Leave' })).toBeEnabled();
  });

  it('joins with the fetched token, shows the tiles, switches camera and microphone, and leaves', async () => {
    const user = userEvent.setup();
    fake.meetingsToken.mockResolvedValue(TOKEN);
    const { session, announce } = fakeSession();
    const { createSession } = openCall(fake, ACTIVE, session);
    const call = await screen.findByRole('region', { name: 'Call' });
    expect(await within(call).findByRole('figure', { name: 'Alice Martin (you)' })).toBeInTheDocument();
    expect(createSession).toHaveBeenCalledExactlyOnceWith(TOKEN);
    expect(session.join).toHaveBeenCalledExactlyOnceWith(TOKEN);
    await waitFor(() => expect(session.playLocal).toHaveBeenCalled());

    fake.emit('meeting:updated', { meeting: { ...ACTIVE, participants: [{ userId: paul.userId, status: 'joined' }, { userId: alice.userId, status: 'joined' }] } });
    announce([{ uid: '1', hasVideo: true, hasAudio: false }]);
    const remote = await within(call).findByRole('figure', { name: 'Paul Okafor' });
    expect(remote).toHaveTextContent('Muted');
    expect(session.playRemote).toHaveBeenCalledWith('1', expect.any(HTMLElement));

    const camera = within(call).getByRole('button', { name: 'Camera' });
    expect(camera).toHaveAttribute('aria-pressed', 'true');
    await user.click(camera);
    expect(camera).toHaveAttribute('aria-pressed', 'false');
    expect(session.setCamera).toHaveBeenCalledExactlyOnceWith(false);
    await user.click(within(call).getByRole('button', { name: 'Microphone' }));
    expect(session.setMicrophone).toHaveBeenCalledExactlyOnceWith(false);
    expect(within(call).getByRole('figure', { name: 'Alice Martin (you)' })).toHaveTextContent('Muted');

    await user.click(within(call).getByRole('button', { name: 'Leave' }));
    expect(fake.meetingsAct).toHaveBeenLastCalledWith('meeting-1', 'leave');
    expect(await screen.findByRole('status', { name: 'Current path' })).toHaveTextContent('/c/conv-checkout');
    expect(session.leave).toHaveBeenCalled();
  });

  it('says it could not connect when the join does not answer in time, leaves the session, and tries again', async () => {
    const user = userEvent.setup();
    fake.meetingsToken.mockResolvedValue(TOKEN);
    const { session } = fakeSession(() => new Promise<void>(() => undefined));
    openCall(fake, ACTIVE, session, 20);
    const call = await screen.findByRole('region', { name: 'Call' });
    await waitFor(() => expect(within(call).getByRole('status')).toHaveTextContent('Connecting to the video service…'));
    await waitFor(() => expect(within(call).getByRole('status')).toHaveTextContent('Could not connect to the video service.The video service did not answer within 0 s.'));
    expect(session.leave).toHaveBeenCalledOnce();

    session.join.mockRejectedValueOnce(new Error('AgoraRTCError CAN_NOT_GET_GATEWAY_SERVER: flag: 4096'));
    await user.click(within(call).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(within(call).getByRole('status')).toHaveTextContent('CAN_NOT_GET_GATEWAY_SERVER'));
    expect(fake.meetingsToken).toHaveBeenCalledTimes(2);
  });

  it('starts a meeting the user hosts that has not started, and says when a meeting is over', async () => {
    fake.meetingsToken.mockResolvedValue(TOKEN);
    openCall(fake, makeMeeting({ hostId: alice.userId }), fakeSession().session);
    await waitFor(() => expect(fake.meetingsAct).toHaveBeenCalledExactlyOnceWith('meeting-1', 'start'));

    act(() => fake.emit('meeting:updated', { meeting: makeMeeting({ hostId: alice.userId, status: 'completed', durationSec: 60 }) }));
    const call = screen.getByRole('region', { name: 'Call' });
    expect(await within(call).findByText('This meeting has ended.')).toBeInTheDocument();
    expect(within(call).getByRole('link', { name: 'Back to the conversation' })).toHaveAttribute('href', '/c/conv-checkout');
    expect(within(call).queryByRole('button', { name: 'Leave' })).not.toBeInTheDocument();
  });

  it('says "Meeting not found" outside the meeting’s project', async () => {
    fake.meetingsGet.mockRejectedValue(new ParleyError('NOT_FOUND', 'meeting not found', 404));
    renderWithApi(<CallView meetingId="meeting-x" meId={alice.userId} />, fake.api, { meId: alice.userId });
    expect(await screen.findByText('Meeting not found')).toBeInTheDocument();
  });
});
