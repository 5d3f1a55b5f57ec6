import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys.js';
import { useApi } from './use-api.js';

/** One meeting (`GET /api/meetings/:id`; `NOT_FOUND` outside its project), kept fresh by `meeting:updated`. */
export function useMeeting(meetingId: string) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.meeting(meetingId), queryFn: () => api.meetings.get(meetingId) });
}
