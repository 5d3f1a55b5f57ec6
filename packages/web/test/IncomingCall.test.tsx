import { ParleyError } from '@parley/sdk';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLocation } from 'wouter';
import { IncomingCallToast } from '../src/components/IncomingCallToast.js';
import { RING_PERIOD_MS, startRingtone, type RingAudioContext } from '../src/lib/ringtone.js';
import { createFakeApi, type FakeApi } from './support/fake-api.js';
import { alice, makeConversation, makeMeeting, paul } from './support/factories.js';
import { renderWithApi } from './support/render.js';

/** An oscillator that records when it was told to play. */
class FakeOscillator {
  frequency = { value: 0 };
  starts: number[] = [];
  connect = vi.fn();
  start(at: number) {
    this.starts.push(at);
  }
  stop = vi.fn();
}

/** jsdom has no Web Audio: a stand-in `AudioContext` recording the oscillators made and whether it was closed. */
class FakeAudioContext {
  static made: FakeAudioContext[] = [];
  currentTime = 0;
  destination = {};
  oscillators: FakeOscillator[] = [];
  closed = false;
  constructor() {
    FakeAudioContext.made.push(this);
  }
  createOscillator() {
    const oscillator = new FakeOscillator();
    this.oscillators.push(oscillator);
    return oscillator;
  }
  createGain() {
    return { gain: { value: 1 }, connect: vi.fn() };
  }
  resume() {
    return Promise.resolve();
  }
  close() {
    this.closed = true;
    return Promise.resolve();
  }
}

/** The address the app is at, for checking where an answer led. */
function CurrentPath() {
  const [path] = useLocation();
  return <output aria-label="Current path">{path}</output>;
}

/** The only audio context the toast made; fails when there is not exactly one. */
function ringingContext(): FakeAudioContext {
  expect(FakeAudioContext.made).toHaveLength(1);
  return FakeAudioContext.made[0] as FakeAudioContext;
}

describe('the incoming-call toast', () => {
  let fake: FakeApi;
  beforeEach(() => {
    FakeAudioContext.made = [];
    vi.stubGlobal('AudioContext', FakeAudioContext);
    fake = createFakeApi();
    fake.conversationsGet.mockResolvedValue(makeConversation());
    renderWithApi(
      <>
        <CurrentPath />
        <IncomingCallToast meId={alice.userId} />
      </>,
      fake.api,
      { meId: alice.userId, path: '/c/conv-checkout' },
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  /** Paul calls Alice (an instant meeting she is invited to) and answers the toast. */
  async function ring(): Promise<HTMLElement> {
    act(() => fake.emit('meeting:invite', { meeting: makeMeeting(), userId: paul.userId }));
    const toast = screen.getByRole('alertdialog', { name: 'Incoming call' });
    await waitFor(() => expect(toast).toHaveAccessibleDescription('Paul Okafor is calling: Call in Redesign the checkout flow'));
    return toast;
  }

  it('shows the caller and the meeting, takes the focus and rings with oscillators until answered', async () => {
    const toast = await ring();
    expect(toast).toHaveFocus();
    const context = ringingContext();
    expect(context.oscillators.map((oscillator) => oscillator.frequency.value)).toEqual([440, 480, 440, 480]);
    expect(context.closed).toBe(false);
    await userEvent.tab();
    expect(within(toast).getByRole('button', { name: 'Decline' })).toHaveFocus();
  });

  it('accepts over the socket, stops ringing and opens the call view', async () => {
    const toast = await ring();
    fake.liveMeeting.mockResolvedValue(makeMeeting({ participants: [{ userId: paul.userId, status: 'accepted' }, { userId: alice.userId, status: 'accepted' }] }));
    await userEvent.click(within(toast).getByRole('button', { name: 'Accept' }));
    expect(fake.liveMeeting).toHaveBeenCalledExactlyOnceWith('meeting-1', 'accept');
    expect(await screen.findByRole('status', { name: 'Current path' })).toHaveTextContent('/meeting/meeting-1');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(ringingContext().closed).toBe(true);
  });

  it('declines over the socket, stops ringing and stays where it was', async () => {
    const toast = await ring();
    fake.liveMeeting.mockResolvedValue(makeMeeting({ status: 'declined' }));
    await userEvent.click(within(toast).getByRole('button', { name: 'Decline' }));
    expect(fake.liveMeeting).toHaveBeenCalledExactlyOnceWith('meeting-1', 'decline');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(ringingContext().closed).toBe(true);
    expect(screen.getByRole('status', { name: 'Current path' })).toHaveTextContent('/c/conv-checkout');
  });

  it('keeps ringing with the refusal when an answer fails', async () => {
    const toast = await ring();
    fake.liveMeeting.mockRejectedValue(new ParleyError('MEETING_ENDED', 'This meeting is missed', 409));
    await userEvent.click(within(toast).getByRole('button', { name: 'Accept' }));
    expect(await within(toast).findByRole('alert')).toHaveTextContent('Could not answer: This meeting is missed');
    expect(within(toast).getByRole('button', { name: 'Accept' })).toBeEnabled();
  });

  it('goes and stops ringing once meeting:updated shows the call answered elsewhere or over', async () => {
    await ring();
    act(() => fake.emit('meeting:updated', { meeting: makeMeeting({ status: 'active' }) }));
    expect(screen.getByRole('alertdialog', { name: 'Incoming call' })).toBeInTheDocument();
    act(() => fake.emit('meeting:updated', { meeting: makeMeeting({ participants: [{ userId: alice.userId, status: 'declined' }] }) }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(ringingContext().closed).toBe(true);

    FakeAudioContext.made = [];
    await ring();
    act(() => fake.emit('meeting:updated', { meeting: makeMeeting({ status: 'missed' }) }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(ringingContext().closed).toBe(true);
  });

  it('does not ring for a scheduled meeting, nor for a call the user is not invited to', () => {
    act(() => fake.emit('meeting:invite', { meeting: makeMeeting({ kind: 'scheduled', status: 'scheduled' }), userId: paul.userId }));
    act(() => fake.emit('meeting:invite', { meeting: makeMeeting({ participants: [{ userId: paul.userId, status: 'accepted' }] }), userId: paul.userId }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(FakeAudioContext.made).toHaveLength(0);
  });
});

describe('the ringtone', () => {
  afterEach(() => vi.useRealTimers());

  it('rings again every period until stopped, then closes its context', () => {
    vi.useFakeTimers();
    const context = new FakeAudioContext();
    // The fake has only what the ringtone touches, not the whole Web Audio node types.
    const stop = startRingtone(() => context as unknown as RingAudioContext);
    expect(context.oscillators).toHaveLength(4);
    vi.advanceTimersByTime(RING_PERIOD_MS);
    expect(context.oscillators).toHaveLength(8);
    stop();
    vi.advanceTimersByTime(3 * RING_PERIOD_MS);
    expect(context.oscillators).toHaveLength(8);
    expect(context.closed).toBe(true);
  });

  it('does nothing without Web Audio', () => {
    expect(() => startRingtone(() => null)()).not.toThrow();
  });
});
