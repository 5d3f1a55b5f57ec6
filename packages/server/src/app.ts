import { join } from 'node:path';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { z } from 'zod';
import { createBackgroundWork } from './background.js';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import { DomainEvents } from './events.js';
import { newId } from './ids.js';
import { registerAuth } from './http/auth.js';
import { registerErrorHandler } from './http/error-handler.js';
import { registerWebApp } from './http/web-app.js';
import { conversationRoutes } from './modules/conversations/conversations.routes.js';
import { groupRoutes } from './modules/conversations/groups.routes.js';
import { GroupsService } from './modules/conversations/groups.service.js';
import { ConversationsService } from './modules/conversations/conversations.service.js';
import { identityRoutes } from './modules/identity/identity.routes.js';
import { IdentityService } from './modules/identity/identity.service.js';
import { createTokenKeys } from './modules/identity/token-keys.js';
import { marketplaceRoutes } from './modules/marketplace/marketplace.routes.js';
import { ProjectsService } from './modules/marketplace/projects.service.js';
import { RequestsService } from './modules/marketplace/requests.service.js';
import { createAttachmentUrls, urlSigningKey } from './modules/attachments/attachment-urls.js';
import { attachmentRoutes } from './modules/attachments/attachments.routes.js';
import { AttachmentsService } from './modules/attachments/attachments.service.js';
import { createStorage } from './modules/attachments/storage/create-storage.js';
import { MessageViews } from './modules/messages/message-views.js';
import { messageActionRoutes } from './modules/messages/message-actions.routes.js';
import { MessageActionsService } from './modules/messages/message-actions.service.js';
import { messageRoutes } from './modules/messages/messages.routes.js';
import { pinRoutes } from './modules/messages/pins.routes.js';
import { PinsService } from './modules/messages/pins.service.js';
import { ReactionsService } from './modules/messages/reactions.service.js';
import { MessagesService } from './modules/messages/messages.service.js';
import { notificationRoutes } from './modules/notifications/notifications.routes.js';
import { NotificationsService } from './modules/notifications/notifications.service.js';
import { adminRoutes } from './modules/admin/admin.routes.js';
import { AdminService } from './modules/admin/admin.service.js';
import { reportRoutes } from './modules/moderation/reports.routes.js';
import { MeetingClock } from './modules/meetings/meeting-clock.js';
import { MeetingLifecycle } from './modules/meetings/meeting-lifecycle.js';
import { meetingRoutes } from './modules/meetings/meetings.routes.js';
import { MeetingsService } from './modules/meetings/meetings.service.js';
import { createMeetingProvider } from './modules/meetings/providers/create-provider.js';
import { ReportsService } from './modules/moderation/reports.service.js';
import { searchRoutes } from './modules/search/search.routes.js';
import { SearchService } from './modules/search/search.service.js';
import { syncRoutes } from './modules/sync/sync.routes.js';
import { SyncService } from './modules/sync/sync.service.js';
import { PresenceService } from './modules/presence/presence.service.js';
import { receiptRoutes } from './modules/receipts/receipts.routes.js';
import { ReceiptsService } from './modules/receipts/receipts.service.js';
import { TypingService } from './modules/typing/typing.service.js';
import { attachRealtime } from './realtime/server.js';
import { createLocalState, createRedisState } from './scale-out.js';
import type { ParleyServer } from './realtime/types.js';

/** `GET /api/health`: `degraded` lists the dependencies that are down while the process keeps serving (issue 8). */
const HealthSchema = z.object({ status: z.literal('ok'), degraded: z.array(z.string()).optional() });

/** How often uploads never sent are looked for (they are removed after PARLEY_UNCLAIMED_UPLOAD_TTL_S). */
const SWEEP_INTERVAL_MS = 10 * 60_000;

/** What `buildApp` needs besides the configuration: an open, migrated database and a logger. */
export interface AppDeps {
  database: DatabaseHandle;
  logger: Logger;
}

/** A built Parley server that has not started listening. */
export interface ParleyApp {
  readonly http: FastifyInstance;
  readonly io: ParleyServer;
  readonly identity: IdentityService;
  readonly notifications: NotificationsService;
  readonly attachments: AttachmentsService;
  /** The meeting clock (reminders, missed meetings), exposed so tests can tick it at a chosen time. */
  readonly meetingClock: MeetingClock;
  /** Resolves once no after-the-answer work (presence writes, notifications) is in flight. */
  settled(): Promise<void>;
  /** Closes sockets, HTTP and timers and waits for background work; the database stays open (its owner closes it). */
  close(): Promise<void>;
}

/**
 * Builds the HTTP API (Fastify, under `/api`, OpenAPI at `/api/docs`), the web app at `/` (when built)
 * and the Socket.IO server on
 * the same HTTP server, wiring services to the database and the domain event bus. Never listens
 * itself, so tests and `main.ts` choose the port.
 */
export async function buildApp(config: Config, deps: AppDeps): Promise<ParleyApp> {
  const { db } = deps.database;
  const events = new DomainEvents();
  const work = createBackgroundWork(deps.logger);
  const state = config.redisUrl ? await createRedisState({ ...config, redisUrl: config.redisUrl }, deps.logger) : createLocalState(config);
  const presenceTracker = state.presence;
  const viewing = state.viewing;
  const identity = new IdentityService(db, createTokenKeys(config));
  const conversations = new ConversationsService(db, events, presenceTracker);
  const attachmentUrls = createAttachmentUrls(urlSigningKey(config.attachments.urlSecret, config.jwtSecret), config.attachments.urlTtlS);
  const views = new MessageViews(db, attachmentUrls);
  const attachments = new AttachmentsService(
    db,
    createStorage({ dataDir: config.dataDir, s3: config.attachments.s3 }),
    attachmentUrls,
    {
      maxFileBytes: config.attachments.maxFileBytes,
      maxFiles: config.attachments.maxFiles,
      unclaimedTtlS: config.attachments.unclaimedTtlS,
      tools: { ffmpegPath: config.attachments.ffmpegPath, ffprobePath: config.attachments.ffprobePath },
      tmpDir: join(config.dataDir, 'tmp', `uploads-${process.pid}-${newId()}`),
    },
    deps.logger,
  );
  await attachments.start();
  const sweep = setInterval(() => void attachments.sweepUnclaimed().catch((error: unknown) => deps.logger.error({ err: error }, 'unclaimed upload sweep failed')), SWEEP_INTERVAL_MS);
  sweep.unref();
  const messages = new MessagesService(db, views, events, state.sendLimiter, config.attachments.maxFiles);
  const receipts = new ReceiptsService(db, events);
  const messageActions = new MessageActionsService(db, views, events, config.editWindowMs);
  const reactions = new ReactionsService(db, views, events);
  const typing = new TypingService(db, events, deps.logger, state.typing);
  const requests = new RequestsService(db);
  const projects = new ProjectsService(db, conversations);
  const presence = new PresenceService(db, events, presenceTracker, work);
  const notifications = new NotificationsService(db, events, viewing, work);
  const sync = new SyncService(db, views, conversations);
  const search = new SearchService(db, views);
  const admin = new AdminService(db, views, conversations);
  const pins = new PinsService(db, views, conversations);
  const groups = new GroupsService(db, events, conversations);
  const reports = new ReportsService(db, messageActions, admin);
  const meetings = new MeetingsService(db, events, createMeetingProvider(config.meetings));
  const meetingLifecycle = new MeetingLifecycle(db, meetings);
  const meetingClock = new MeetingClock(db, meetings);
  const clock = setInterval(() => void meetingClock.tick().catch((error: unknown) => deps.logger.error({ err: error }, 'meeting clock failed')), config.meetings.clockMs);
  clock.unref();

  const loggerInstance: FastifyBaseLogger = deps.logger;
  const http = Fastify({ loggerInstance, logController: new LogController({ disableRequestLogging: true }) }).withTypeProvider<ZodTypeProvider>();
  http.setValidatorCompiler(validatorCompiler);
  http.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(http, await registerWebApp(http, config.webDir));
  registerAuth(http, identity);

  await http.register(swagger, {
    openapi: {
      info: { title: 'Parley API', version: '1', description: 'Project-scoped real-time messaging for marketplaces.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await http.register(swaggerUi, { routePrefix: '/api/docs' });

  await http.register(
    async (api) => {
      api.withTypeProvider<ZodTypeProvider>().get(
        '/health',
        { config: { public: true }, schema: { tags: ['health'], response: { 200: HealthSchema } } },
        // The contract's `{"status": "ok"}` while the server accepts traffic; `degraded` names a dependency that is down (issue 8).
        () => {
          const degraded = state.degraded();
          return degraded.length > 0 ? { status: 'ok' as const, degraded } : { status: 'ok' as const };
        },
      );
      await api.register(identityRoutes(identity, config.devAuth));
      await api.register(marketplaceRoutes(requests, projects));
      await api.register(conversationRoutes(conversations));
      await api.register(groupRoutes(groups));
      await api.register(messageRoutes(messages));
      await api.register(messageActionRoutes(messageActions, reactions, messages));
      await api.register(pinRoutes(pins));
      await api.register(receiptRoutes(receipts));
      await api.register(notificationRoutes(notifications));
      await api.register(syncRoutes(sync));
      await api.register(searchRoutes(search));
      await api.register(
        attachmentRoutes(attachments, identity, {
          maxFileBytes: config.attachments.maxFileBytes,
          maxFiles: config.attachments.maxFiles,
          cacheSeconds: config.attachments.urlTtlS,
        }),
      );
      await api.register(adminRoutes(admin));
      await api.register(reportRoutes(reports));
      await api.register(meetingRoutes(meetings, meetingLifecycle));
    },
    { prefix: '/api' },
  );

  const io = attachRealtime(http.server, {
    identity,
    conversations,
    messages,
    receipts,
    typing,
    presence,
    viewing,
    meetings: meetingLifecycle,
    events,
    log: deps.logger,
    adapter: state.adapter,
  });
  // While this process's link to Redis was down, its sockets missed the other processes' events and theirs missed
  // this process's (its publishes failed): once every connection is back, tell every socket of every process to catch up.
  state.onRecovered(() => io.emit('sync:stale', {}));
  http.addHook('preClose', (done) => {
    io.disconnectSockets(true);
    io.engine.close();
    typing.close();
    clearInterval(sweep);
    clearInterval(clock);
    done();
  });

  return {
    http,
    io,
    identity,
    notifications,
    attachments,
    meetingClock,
    settled: () => work.settled(),
    async close() {
      await http.close();
      await attachments.stop();
      await state.close();
      // Disconnects just now queued presence writes; let them (and notifications) finish before the database closes.
      await work.settled();
    },
  };
}
