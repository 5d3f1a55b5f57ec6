import type { Logger } from 'pino';
import { MeetingInvitePayloadSchema, MeetingRefSchema } from '@parley/protocol';
import { handler } from '../../realtime/ack.js';
import type { ParleySocket } from '../../realtime/types.js';
import type { MeetingLifecycle } from './meeting-lifecycle.js';

/**
 * Meeting signaling from clients (issue 7, "Signaling"): `meeting:invite`, `meeting:accept`, `meeting:decline`,
 * `meeting:start` and `meeting:end`, the same rules as their REST routes; each ack carries the meeting.
 */
export function registerMeetingSocket(socket: ParleySocket, lifecycle: MeetingLifecycle, log: Logger): void {
  const user = () => socket.data.user;
  socket.on('meeting:invite', handler(MeetingInvitePayloadSchema, log, ({ meetingId, userIds }) => lifecycle.invite(user(), meetingId, userIds)));
  socket.on('meeting:accept', handler(MeetingRefSchema, log, ({ meetingId }) => lifecycle.accept(user(), meetingId)));
  socket.on('meeting:decline', handler(MeetingRefSchema, log, ({ meetingId }) => lifecycle.decline(user(), meetingId)));
  socket.on('meeting:start', handler(MeetingRefSchema, log, ({ meetingId }) => lifecycle.start(user(), meetingId)));
  socket.on('meeting:end', handler(MeetingRefSchema, log, ({ meetingId }) => lifecycle.end(user(), meetingId)));
}
