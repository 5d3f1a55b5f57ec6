import { z } from 'zod';
import { IdSchema, TimestampSchema, boundedText } from './common.js';

/** Who provides the media (issue 7, "Providers"): Agora's cloud, or a self-hosted LiveKit server. */
export const MeetingProviderSchema = z.enum(['agora', 'livekit']);
export type MeetingProvider = z.infer<typeof MeetingProviderSchema>;

/**
 * A meeting's life (issue 7): `scheduled` (for later) or `pending` (instant, ringing) → `active` (someone started or
 * joined) → `completed`; or `cancelled` by the host, `declined` by every invitee of an instant meeting, `missed` when
 * nobody started it in time (instant: 2 minutes; scheduled: 15 minutes after its time).
 */
export const MeetingStatusSchema = z.enum(['scheduled', 'pending', 'active', 'completed', 'cancelled', 'declined', 'missed']);
export type MeetingStatus = z.infer<typeof MeetingStatusSchema>;

/** A participant's answer and presence: invited → accepted / declined → joined → left (and joined again). */
export const MeetingParticipantStatusSchema = z.enum(['invited', 'accepted', 'declined', 'joined', 'left']);
export type MeetingParticipantStatus = z.infer<typeof MeetingParticipantStatusSchema>;

export const MeetingParticipantSchema = z.object({
  userId: IdSchema,
  status: MeetingParticipantStatusSchema,
  joinedAt: TimestampSchema.optional(),
  leftAt: TimestampSchema.optional(),
});
export type MeetingParticipant = z.infer<typeof MeetingParticipantSchema>;

/**
 * A video meeting inside a project (issue 7, "Meeting"). `startedAt` is set at the first start or join, `endedAt` at
 * the end (or when the last participant leaves); `durationSec` is their difference, in seconds. The host is a
 * participant too.
 */
export const MeetingSchema = z
  .object({
    id: IdSchema,
    projectId: IdSchema,
    conversationId: IdSchema,
    hostId: IdSchema,
    title: z.string(),
    kind: z.enum(['instant', 'scheduled']),
    scheduledFor: TimestampSchema.optional(),
    status: MeetingStatusSchema,
    startedAt: TimestampSchema.nullable(),
    endedAt: TimestampSchema.nullable(),
    durationSec: z.number().int().min(0).nullable(),
    provider: MeetingProviderSchema,
    participants: z.array(MeetingParticipantSchema),
    createdAt: TimestampSchema,
  })
  .meta({ id: 'Meeting' });
export type Meeting = z.infer<typeof MeetingSchema>;

/**
 * `POST /api/projects/:id/meetings`: instant without `scheduledFor` (which must lie ahead, at most a year), with the
 * project's other participants invited unless `inviteeIds` names some of them.
 */
export const CreateMeetingBodySchema = z.object({
  title: boundedText(200),
  scheduledFor: z.iso.datetime({ offset: true }).optional(),
  inviteeIds: z.array(IdSchema).min(1).max(50).optional(),
});
export type CreateMeetingBody = z.infer<typeof CreateMeetingBodySchema>;

export const MeetingListSchema = z.object({ items: z.array(MeetingSchema) });
export type MeetingList = z.infer<typeof MeetingListSchema>;

/**
 * `POST /api/meetings/:id/token`: what a client needs to join the media session. Agora: `appId`, `channel`, numeric
 * `uid` and an AccessToken2 RTC token with the publisher role; LiveKit: `url` of the server, `channel` (the room),
 * `uid` (the identity) and a JWT. Valid until `expiresAt` (3600 s after issue).
 */
export const MeetingTokenSchema = z.object({
  provider: MeetingProviderSchema,
  appId: z.string(),
  channel: z.string(),
  uid: z.union([z.number().int(), z.string()]),
  token: z.string(),
  expiresAt: TimestampSchema,
  /** LiveKit: the server's WebSocket URL. */
  url: z.string().optional(),
});
export type MeetingToken = z.infer<typeof MeetingTokenSchema>;

/** Socket payloads (issue 7, "Signaling"): client → server. */
export const MeetingRefSchema = z.object({ meetingId: IdSchema });
export type MeetingRef = z.infer<typeof MeetingRefSchema>;
export const MeetingInvitePayloadSchema = z.object({ meetingId: IdSchema, userIds: z.array(IdSchema).min(1).max(50) });
export type MeetingInvitePayload = z.infer<typeof MeetingInvitePayloadSchema>;

/** Server → client: a meeting and, for answers, who gave it. */
export const MeetingEventSchema = z.object({ meeting: MeetingSchema, userId: IdSchema.optional() });
export type MeetingEvent = z.infer<typeof MeetingEventSchema>;
