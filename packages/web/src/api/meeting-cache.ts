import type { Meeting } from '@parley/protocol';
import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from './query-keys.js';

/**
 * Puts a meeting as the server now has it (an answer, or `meeting:updated`) into the cache: the meeting's own query,
 * and its project's list, in place, or first when new (the list is newest first). A project list not read yet stays
 * unread.
 */
export function applyMeetingUpdate(queryClient: QueryClient, meeting: Meeting): void {
  queryClient.setQueryData(queryKeys.meeting(meeting.id), meeting);
  queryClient.setQueryData<Meeting[]>(queryKeys.projectMeetings(meeting.projectId), (held) => {
    if (!held) return held;
    return held.some((item) => item.id === meeting.id) ? held.map((item) => (item.id === meeting.id ? meeting : item)) : [meeting, ...held];
  });
}
