/** The call view's address (`/meeting/:meetingId`, Workspace). */
export function meetingPath(meetingId: string): string {
  return `/meeting/${encodeURIComponent(meetingId)}`;
}
