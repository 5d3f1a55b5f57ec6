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
import { messageActionRoutes } from './modules/messages/message-actions.routes.js';
import { MessageActionsService } from './modules/messages/message-actions.service.js';
import { messageRoutes } from './modules/messages/messages.routes.js';
import { pinRoutes } from './modules/messages/pins.routes.js';
import { PinsService } from './modules/messages/pins.service.js';
import { ReactionsService } from './modules/messages/reactions.service.js';
import { MessagesService } from './modules/messages/messages.service.js';
import { createMemorySendLimiter } from './modules/messages/send-limiter.js';
import { notificationRoutes } from './modules/notifications/notifications.routes.js';
import { NotificationsService } from './modules/notifications/notifications.service.js';
import { adminRoutes } from './modules/admin/admin.routes.js';
import { AdminService } from './modules/admin/admin.service.js';
import { reportRoutes } from './modules/moderation/reports.routes.js';
import { ReportsService } from './modules/moderation/reports.service.js';
import { searchRoutes } from './modules/search/search.routes.js';
import { SearchService } from './modules/search/search.service.js';
import { syncRoutes } from './modules/sync/sync.routes.js';
import { SyncService } from './modules/sync/sync.service.js';
import { createMemoryPresenceTracker } from './modules/presence/presence-tracker.js';
import { PresenceService } from './modules/presence/presence.service.js';
import { createMemoryViewingTracker } from './modules/presence/viewing-tracker.js';
import { receiptRoutes } from './modules/receipts/receipts.routes.js';
import { ReceiptsService } from './modules/receipts/receipts.service.js';
import { TypingService } from './modules/typing/typing.service.js';
import { attachRealtime } from './realtime/server.js';
import type { ParleyServer } from './realtime/types.js';

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
  const presenceTracker = createMemoryPresenceTracker();
  const viewing = createMemoryViewingTracker();
  const identity = new IdentityService(db, createTokenKeys(config));
  const conversations = new ConversationsService(db, events, presenceTracker);
  const messages = new MessagesService(db, events, createMemorySendLimiter(config.sendRate, config.sendBurst));
  const receipts = new ReceiptsService(db, events);
  const messageActions = new MessageActionsService(db, events, config.editWindowMs);
  const reactions = new ReactionsService(db, events);
  const typing = new TypingService(db, events, deps.logger);
  const requests = new RequestsService(db);
  const projects = new ProjectsService(db, events, conversations);
  const presence = new PresenceService(db, events, presenceTracker, work);
  const notifications = new NotificationsService(db, events, viewing, work);
  const sync = new SyncService(db, conversations);
  const search = new SearchService(db);
  const admin = new AdminService(db, conversations);
  const pins = new PinsService(db, conversations);
  const groups = new GroupsService(db, events, conversations);
  const reports = new ReportsService(db, messageActions, admin);

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
        { config: { public: true }, schema: { tags: ['health'], response: { 200: z.object({ status: z.literal('ok') }) } } },
        () => ({ status: 'ok' as const }),
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
      await api.register(adminRoutes(admin));
      await api.register(reportRoutes(reports));
    },
    { prefix: '/api' },
  );

  const io = attachRealtime(http.server, { identity, conversations, messages, receipts, typing, presence, viewing, events, log: deps.logger });
  http.addHook('preClose', (done) => {
    io.disconnectSockets(true);
    io.engine.close();
    typing.close();
    done();
  });

  return {
    http,
    io,
    identity,
    notifications,
    settled: () => work.settled(),
    async close() {
      await http.close();
      // Disconnects just now queued presence writes; let them (and notifications) finish before the database closes.
      await work.settled();
    },
  };
}
