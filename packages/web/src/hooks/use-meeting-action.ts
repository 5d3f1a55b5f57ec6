import type { MeetingAction } from '@parley/sdk';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { applyMeetingUpdate } from '../api/meeting-cache.js';
import { useApi } from './use-api.js';

/**
 * One lifecycle action on a meeting (`meetings.act`: start, join, leave, cancel, …); the meeting it answers goes into
 * the cache at once. Rejects with the server's refusal (`MEETING_ENDED`, `MEETING_STARTED`, `FORBIDDEN`).
 */
export function useMeetingAction(): (meetingId: string, action: MeetingAction) => Promise<void> {
  const api = useApi();
  const queryClient = useQueryClient();
  return useCallback(
    async (meetingId, action) => {
      applyMeetingUpdate(queryClient, await api.meetings.act(meetingId, action));
    },
    [api, queryClient],
  );
}
