import { describe, expect, it } from 'vitest';
import { formatMeetingDuration, isRingingFor, meetingsToShow, remoteTileNames } from '../src/lib/meeting-text.js';
import { defaultSlot, slotProblem, slotToIso } from '../src/lib/schedule-time.js';
import { alice, makeMeeting, paul, wen } from './support/factories.js';

describe('meeting texts', () => {
  it('says a duration as the server’s "Meeting ended" message does', () => {
    expect([0, 59, 60, 89, 1_920, 3_600, 3_900].map(formatMeetingDuration)).toEqual(['< 1 min', '< 1 min', '1 min', '1 min', '32 min', '1 h 00 min', '1 h 05 min']);
  });

  it('keeps every open meeting and the three latest ended ones, in order', () => {
    const statuses = ['completed', 'active', 'missed', 'declined', 'scheduled', 'cancelled', 'completed'] as const;
    const meetings = statuses.map((status, index) => makeMeeting({ id: `m${index}`, status }));
    expect(meetingsToShow(meetings).map((meeting) => meeting.id)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
  });

  it('rings only for an open instant meeting the user was invited to and has not answered', () => {
    expect(isRingingFor(makeMeeting(), alice.userId)).toBe(true);
    expect(isRingingFor(makeMeeting({ status: 'active' }), alice.userId)).toBe(true);
    expect(isRingingFor(makeMeeting(), paul.userId)).toBe(false);
    expect(isRingingFor(makeMeeting({ status: 'missed' }), alice.userId)).toBe(false);
    expect(isRingingFor(makeMeeting({ kind: 'scheduled', status: 'scheduled' }), alice.userId)).toBe(false);
  });

  it('names a remote tile only when it cannot be wrong', () => {
    const names = new Map([
      [paul.userId, paul.name],
      [wen.userId, wen.name],
    ]);
    const joined = (ids: string[]) => makeMeeting({ participants: ids.map((userId) => ({ userId, status: 'joined' as const })) });
    expect(remoteTileNames(1, joined([alice.userId, paul.userId]), alice.userId, names)).toEqual(['Paul Okafor']);
    expect(remoteTileNames(2, joined([alice.userId, paul.userId, wen.userId]), alice.userId, names)).toEqual(['Participant 1', 'Participant 2']);
  });
});

describe('schedule slots', () => {
  const now = new Date(2026, 10, 21, 10, 20).getTime();

  it('reads the date and time in the local time zone', () => {
    expect(slotToIso({ date: '2026-11-22', time: '09:30' })).toBe(new Date(2026, 10, 22, 9, 30).toISOString());
    expect(slotToIso({ date: '2026-11-22', time: '' })).toBeNull();
  });

  it('proposes the next full hour but one', () => {
    expect(defaultSlot(now)).toEqual({ date: '2026-11-21', time: '12:00' });
    expect(defaultSlot(new Date(2026, 11, 31, 23, 5).getTime())).toEqual({ date: '2027-01-01', time: '01:00' });
  });

  it('wants a time ahead and within a year', () => {
    expect(slotProblem({ date: '2026-11-21', time: '10:20' }, now)).toBe('Pick a time in the future.');
    expect(slotProblem({ date: '2026-11-21', time: '10:21' }, now)).toBeNull();
    expect(slotProblem({ date: '2027-11-23', time: '10:21' }, now)).toBe('Pick a time within a year.');
    expect(slotProblem({ date: '', time: '10:21' }, now)).toBe('Pick a date and a time.');
  });
});
