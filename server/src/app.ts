import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import compression from 'compression';
import express, { Router } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { ApiTokenService } from './auth/api-token.service';
import { apiTokenRoutes } from './auth/api-token.routes';
import { authMiddleware } from './auth/auth.middleware';
import { authRoutes } from './auth/auth.routes';
import { LoginService } from './auth/login.service';
import { SessionService } from './auth/session.service';
import { publicUrl, type Config } from './config';
import type { Database } from './db/database';
import { auditRoutes } from './features/audit/audit.routes';
import { CommentNotices } from './features/comments/comment-notices';
import { commentRoutes } from './features/comments/comment.routes';
import { CommentService } from './features/comments/comment.service';
import { AuditService } from './features/audit/audit.service';
import { backlogRoutes } from './features/backlog/backlog.routes';
import { backupRoutes } from './features/backup/backup.routes';
import { BackupService } from './features/backup/backup.service';
import { BacklogService } from './features/backlog/backlog.service';
import { cycleRoutes } from './features/cycles/cycle.routes';
import { dashboardRoutes } from './features/dashboard/dashboard.routes';
import { DashboardService } from './features/dashboard/dashboard.service';
import { HeadlineHistoryService } from './features/dashboard/headline-history.service';
import { CycleService } from './features/cycles/cycle.service';
import { exportRoutes } from './features/exports/export.routes';
import { ExportService } from './features/exports/export.service';
import { mountHealth } from './features/health/health.routes';
import { IMPORT_PATH, importRoutes } from './features/imports/import.routes';
import { ImportService } from './features/imports/import.service';
import { keyResultRoutes } from './features/key-results/key-result.routes';
import { KeyResultService } from './features/key-results/key-result.service';
import { CloseCycleService } from './features/cycles/close-cycle.service';
import { GradingService } from './features/cycles/grading.service';
import { LifecycleSettingsService } from './features/cycles/lifecycle-settings.service';
import { lifecycleRoutes } from './features/cycles/lifecycle.routes';
import { objectiveRoutes } from './features/objectives/objective.routes';
import { outcomeRoutes } from './features/outcomes/outcome.routes';
import { OutcomeService } from './features/outcomes/outcome.service';
import { OutcomeSettingsService } from './features/outcomes/outcome-settings.service';
import { ObjectiveService } from './features/objectives/objective.service';
import { plannerRoutes } from './features/planner/planner.routes';
import { PlannerService } from './features/planner/planner.service';
import { alignmentRoutes } from './features/alignment/alignment.routes';
import { AlignmentService } from './features/alignment/alignment.service';
import { ScoringSettingsService } from './features/scoring/scoring-settings.service';
import { LiveScores } from './features/scoring/live-scores';
import { scoringRoutes } from './features/scoring/scoring.routes';
import { shareLinkRoutes } from './features/share-links/share-link.routes';
import { ShareLinkService } from './features/share-links/share-link.service';
import { teamRoutes } from './features/teams/team.routes';
import { TeamService } from './features/teams/team.service';
import { userRoutes } from './features/users/user.routes';
import { ConnectionService } from './features/integrations/connection.service';
import { HOOKS_PATH, hookRoutes, integrationRoutes } from './features/integrations/integration.routes';
import { SecretBox } from './features/integrations/secret-box';
import { SyncEngine } from './features/integrations/sync-engine';
import { registerTrackerSync } from './features/integrations/sync-schedule';
import { TrackerHookService } from './features/integrations/tracker-hook.service';
import { UserService } from './features/users/user.service';
import { ScimGroupService } from './features/scim/scim-groups.service';
import { SCIM_BASE, scimEgress, scimIngress } from './features/scim/scim-http';
import { ScimTokenService } from './features/scim/scim-token.service';
import { ScimUserService } from './features/scim/scim-users.service';
import { scimRoutes, scimTokenRoutes } from './features/scim/scim.routes';
import { OutboxSender } from './features/notifications/outbox-sender';
import { Outbox } from './features/notifications/outbox';
import { ChangeWatcher } from './features/notifications/events/change-watcher';
import { EventPublisher } from './features/notifications/events/event-publisher';
import { OkrEvents } from './features/notifications/events/okr-events';
import { Links } from './features/notifications/links';
import { DeliveryLogService } from './features/notifications/delivery-log.service';
import { EmailTransport } from './features/notifications/email/email-transport';
import { Notifier } from './features/notifications/notifier';
import { notificationRoutes } from './features/notifications/notification.routes';
import { PreferencesService } from './features/notifications/preferences/preferences.service';
import { UnsubscribeService } from './features/notifications/preferences/unsubscribe.service';
import { UnsubscribeTokens } from './features/notifications/preferences/unsubscribe-token';
import { NotificationSettingsService } from './features/notifications/settings/notification-settings.service';
import type { Transport } from './features/notifications/transports/transport';
import { chatChannelRoutes } from './features/chat/chat-channel.routes';
import { ChatChannelService } from './features/chat/chat-channel.service';
import { ChatSubscribers } from './features/chat/chat-subscribers';
import { ChatTransport } from './features/chat/chat-transport';
import { CheckInReminders } from './features/notifications/schedules/reminders';
import { WeeklyDigest } from './features/notifications/schedules/weekly-digest';
import { WebhookSubscribers } from './features/webhooks/webhook-subscribers';
import { webhookRoutes } from './features/webhooks/webhook.routes';
import { WebhookService } from './features/webhooks/webhook.service';
import { WebhookTransport } from './features/webhooks/webhook-transport';
import { OidcService } from './features/sso/oidc.service';
import { ssoRoutes } from './features/sso/sso.routes';
import { AppError, notFound } from './http/app-error';
import { Leases } from './jobs/lease';
import { Scheduler } from './jobs/scheduler';
import { serveClient } from './http/client-files';
import { csrfGuard } from './http/csrf';
import { errorMiddleware } from './http/error-middleware';
import { maskUrl, maskValues } from './http/log-redaction';
import { buildOpenApi } from './http/openapi';
import { cookielessPaths, mountRoutes, readsLargeBody, type RouteDef } from './http/route';

export interface AppDeps {
  config: Config;
  db: Database;
  logger: Logger;
}

/** Builds the services once; routes, tests and scripts share them. */
export function createServices(deps: AppDeps) {
  const { db, config, logger } = deps;
  const sessions = new SessionService(db, config);
  const scoring = new LiveScores(db, logger);
  const outcomes = new OutcomeService(db);
  const alignment = new AlignmentService(db, scoring);
  const headlineHistory = new HeadlineHistoryService(db, scoring, logger);
  const dashboard = new DashboardService(db, scoring, alignment, headlineHistory, outcomes);
  const oidc = new OidcService(db, sessions, config, logger);
  const scimGroups = new ScimGroupService(db, publicUrl(config), oidc.roleMap, config.OIDC_DEFAULT_ROLE);
  const allowPrivate = config.WEBHOOK_ALLOW_PRIVATE === 'true';
  const leases = new Leases(db);
  const scheduler = new Scheduler(db, logger, { pollMs: config.JOBS_POLL_MS, holder: leases.holder });
  const outbox = new Outbox(db, config.NOTIFY_GIVE_UP_MS);
  const links = new Links(publicUrl(config));
  const unsubscribeTokens = new UnsubscribeTokens();
  const transports: Transport[] = [
    new WebhookTransport(db, allowPrivate),
    new ChatTransport('slack', db, links, allowPrivate),
    new ChatTransport('teams', db, links, allowPrivate),
  ];
  if (config.SMTP_URL && config.MAIL_FROM) {
    transports.push(
      new EmailTransport(db, links, unsubscribeTokens, config.SMTP_URL, config.MAIL_FROM, config.NOTIFY_TIMEOUT_MS),
    );
  }
  const sender = new OutboxSender(
    db,
    leases,
    transports,
    { retryBaseMs: config.NOTIFY_RETRY_BASE_MS, timeoutMs: config.NOTIFY_TIMEOUT_MS, pollMs: config.NOTIFY_POLL_MS },
    logger,
  );
  outbox.onWritten(() => sender.wake());
  const chatChannels = new ChatChannelService(db, outbox, allowPrivate);
  const notifier = new Notifier(outbox, Boolean(config.SMTP_URL), chatChannels);
  const reminders = new CheckInReminders(db, notifier);
  reminders.register(scheduler);
  const digests = new WeeklyDigest(db, scoring, notifier, outbox);
  digests.register(scheduler);
  const publisher = new EventPublisher(outbox);
  publisher.subscribe(new WebhookSubscribers());
  publisher.subscribe(new ChatSubscribers());
  const okrEvents = new OkrEvents(publisher, links);
  const changeWatcher = new ChangeWatcher(db, scoring, publisher, links);
  changeWatcher.register(scheduler);
  const secretBox = new SecretBox(config.KEYLINE_SECRET_KEY);
  const syncEngine = new SyncEngine(db, secretBox, scoring, logger);
  registerTrackerSync(scheduler, syncEngine, db, logger);
  return {
    leases,
    scheduler,
    outbox,
    sender,
    links,
    publisher,
    changeWatcher,
    notifier,
    chatChannels,
    reminders,
    digests,
    preferences: new PreferencesService(db, {
      email: Boolean(config.SMTP_URL),
      chatFor: async (m, teamIds) => (await chatChannels.channelFor(m, teamIds)) !== null,
    }),
    unsubscribeTokens,
    unsubscribe: new UnsubscribeService(db, unsubscribeTokens),
    notificationSettings: new NotificationSettingsService(db),
    deliveryLog: new DeliveryLogService(
      db,
      config,
      publicUrl(config),
      scheduler,
      config.NOTIFY_GIVE_UP_MS,
      (m, ids) => chatChannels.names(m, ids),
      () => sender.wake(),
    ),
    webhooks: new WebhookService(db, allowPrivate),
    scoring,
    scoringSettings: new ScoringSettingsService(db),
    alignment,
    headlineHistory,
    dashboard,
    shareLinks: new ShareLinkService(db, dashboard),
    planner: new PlannerService(db, scoring),
    grading: new GradingService(db),
    closeCycle: new CloseCycleService(db, okrEvents),
    lifecycleSettings: new LifecycleSettingsService(db),
    sessions,
    login: new LoginService(db, sessions, config, logger),
    apiTokens: new ApiTokenService(db),
    users: new UserService(db),
    teams: new TeamService(db),
    cycles: new CycleService(db),
    objectives: new ObjectiveService(db),
    keyResults: new KeyResultService(db, {
      afterCheckIn: () => headlineHistory.recordAfterCheckIn(),
      openItemCounts: async () => (await scoring.current()).backlog.openItemCounts(),
      events: okrEvents,
    }),
    backlog: new BacklogService(db, scoring, okrEvents),
    audit: new AuditService(db),
    comments: new CommentService(db, new CommentNotices(notifier, publisher, links)),
    imports: new ImportService(db),
    exports: new ExportService(db, scoring),
    backups: new BackupService(db),
    oidc,
    scimTokens: new ScimTokenService(db),
    scimGroups,
    scimUsers: new ScimUserService(db, publicUrl(config), config.OIDC_DEFAULT_ROLE, scimGroups),
    outcomes,
    outcomeSettings: new OutcomeSettingsService(db),
    syncEngine,
    connections: new ConnectionService(db, secretBox, syncEngine),
    trackerHooks: new TrackerHookService(db, secretBox, syncEngine, logger),
  };
}
export type Services = ReturnType<typeof createServices>;

/** Every API route, as data. The authorization matrix test walks this list. */
export function apiRoutes(s: Services): RouteDef[] {
  return [
    ...authRoutes(s.login, s.sessions),
    ...apiTokenRoutes(s.apiTokens),
    ...userRoutes(s.users),
    ...teamRoutes(s.teams),
    ...cycleRoutes(s.cycles),
    ...objectiveRoutes(s.objectives),
    ...keyResultRoutes(s.keyResults),
    ...backlogRoutes(s.backlog),
    ...auditRoutes(s.audit),
    ...commentRoutes(s.comments),
    ...scoringRoutes(s.scoringSettings),
    ...alignmentRoutes(s.alignment),
    ...lifecycleRoutes(s.grading, s.closeCycle, s.lifecycleSettings),
    ...plannerRoutes(s.planner),
    ...dashboardRoutes(s.dashboard),
    ...shareLinkRoutes(s.shareLinks),
    ...importRoutes(s.imports),
    ...exportRoutes(s.exports),
    ...backupRoutes(s.backups),
    ...webhookRoutes(s.webhooks),
    ...chatChannelRoutes(s.chatChannels),
    ...notificationRoutes(s.preferences, s.unsubscribe, s.notificationSettings, s.deliveryLog, s.digests),
    ...ssoRoutes(s.oidc, s.sessions),
    ...scimTokenRoutes(s.scimTokens),
    ...scimRoutes(s.scimUsers, s.scimGroups),
    ...outcomeRoutes(s.outcomes, s.outcomeSettings),
    ...integrationRoutes(s.connections),
    ...hookRoutes(s.trackerHooks),
  ];
}

/**
 * Scheduled jobs and the outbox sender: started by main.ts (unless
 * BACKGROUND_JOBS=off), not by createApp, so tests and scripts that build
 * the app run no background work unless they start it.
 */
export function startBackgroundWork(services: Services): { stop(): Promise<void> } {
  services.scheduler.start();
  services.sender.start();
  return {
    stop: async () => {
      await services.scheduler.stop();
      await services.sender.stop();
      // Runs in progress stop after their current page and resume from it at the next start.
      await services.syncEngine.stop();
    },
  };
}

export function createApp(deps: AppDeps) {
  const { config, db, logger } = deps;
  const services = createServices(deps);
  const routes = apiRoutes(services);
  const state = { shuttingDown: false };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // our ETags are strong row versions, set per route
  // A hop count or the proxies' addresses, never `true` (config.ts): X-Forwarded-For's left end is the client's to write.
  if (config.TRUST_PROXY !== 0) app.set('trust proxy', config.TRUST_PROXY);

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      // Credentials in URLs (share-link tokens, webhooks' ?secret=, unsubscribe ?token=, ?code=) never reach the log (http/log-redaction.ts).
      serializers: {
        req: (req: { url?: string; query?: unknown; params?: unknown }) => ({
          ...req,
          url: maskUrl(req.url),
          query: maskValues(req.query),
          params: maskValues(req.params),
        }),
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'img-src': ["'self'", 'data:'], 'upgrade-insecure-requests': null },
      },
      // Served over plain http on localhost by default; HSTS belongs to the TLS proxy.
      strictTransportSecurity: false,
    }),
  );

  // JSON over 1 kB, brotli when the client takes it (quality 4: fast enough per request); the
  // client's files come precompressed from the build and are skipped here (already encoded).
  app.use(compression({ threshold: 1024 }));

  const root = Router();
  mountHealth(root, db, () => state.shuttingDown);
  app.use(root);

  const api = Router();
  // Only /api pays for these; static files and health checks skip them.
  api.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  api.use(
    '/api',
    csrfGuard(
      config.ALLOWED_ORIGINS.split(',')
        .map((o) => o.trim())
        .filter(Boolean),
      [IMPORT_PATH],
      cookielessPaths(routes),
    ),
  );
  // Webhook deliveries are verified against their exact bytes: kept raw (express.json then skips them).
  // Only for a connection that exists: the delivery is read (up to 1 MB) before its signature can be checked.
  api.use(HOOKS_PATH, (req, _res, next) => {
    services.trackerHooks.knowsTarget(req.path).then(
      (known) => next(known ? undefined : notFound('Connection')),
      (error: unknown) => next(error),
    );
  });
  api.use(HOOKS_PATH, express.raw({ type: () => true, limit: '1mb' }));
  const apiJson = express.json({ limit: '100kb', strict: true, type: 'application/json', verify: refuseNulCharacters });
  // Restore and imports read their larger bodies themselves, after the access check (RouteDef.largeBody).
  const largeBody = readsLargeBody(routes);
  api.use('/api', (req, res, next) => (largeBody(req) ? next() : apiJson(req, res, next)));
  api.use('/api', authMiddleware(services.sessions, services.apiTokens));
  // Share-link pages and their one API route: keep the token out of search indexes and Referer headers.
  api.use(['/shared', '/api/shared'], (_req, res, next) => {
    res.setHeader('X-Robots-Tag', 'noindex, nofollow');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  const openApi = buildOpenApi(routes);
  api.get('/api/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  mountRoutes(api, routes, { checkResponses: config.NODE_ENV !== 'production' });
  api.use('/api', (_req, _res, next) => next(new AppError('NOT_FOUND', 'No such API route')));
  app.use(scimIngress(services.scimTokens)); // SCIM's media type, parser and bearer token, ahead of its routes in `api`
  app.use(api);
  app.use(SCIM_BASE, ...scimEgress());

  if (config.CLIENT_DIST) serveClient(app, resolve(config.CLIENT_DIST));
  app.use(errorMiddleware);
  return { app, services, routes, state };
}

/**
 * PostgreSQL cannot store U+0000 in text and SQLite can: refusing it at the
 * door keeps both databases (and backups moved between them) the same.
 */
function refuseNulCharacters(_req: unknown, _res: unknown, body: Buffer): void {
  if (body.includes(0) || body.includes('\\u0000')) {
    throw new AppError('VALIDATION_FAILED', 'Text may not contain NUL characters (U+0000)');
  }
}
