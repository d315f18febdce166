import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import { healthSchema, openApiDocumentResponse } from '@motcua/core';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import { installSessions } from './auth/plugin.ts';
import { authRoutes } from './auth/routes.ts';
import { adminCalendarRoutes, calendarRoutes } from './calendar/routes.ts';
import { adminCatalogueRoutes } from './catalogue/admin-routes.ts';
import { publicCatalogueRoutes } from './catalogue/public-routes.ts';
import { citizenAuthRoutes } from './citizen-auth/routes.ts';
import { installCitizenSessions } from './citizen-auth/sessions.ts';
import { citizenBusinessRoutes } from './citizen-business/routes.ts';
import { citizenDossierRoutes } from './citizen-dossiers/routes.ts';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { dashboardRoutes } from './dashboards/routes.ts';
import { accessLogRoutes } from './dossiers/access-log-routes.ts';
import { approvalRoutes } from './dossiers/approval.ts';
import { lookupRoutes } from './dossiers/lookup.ts';
import { registerRoutes } from './dossiers/register.ts';
import { dossierRoutes } from './dossiers/routes.ts';
import { summaryRoutes } from './dossiers/summary.ts';
import { feedbackPlugin } from './feedback/plugin.ts';
import { feeRoutes, publicFeeRoutes } from './fees/routes.ts';
import { historyImportRoutes } from './history-import/routes.ts';
import { installErrorHandling } from './http/errors.ts';
import { installInputGuard, MAX_BODY_BYTES } from './http/input-guard.ts';
import { loggerOptions } from './http/logging.ts';
import { Problem } from './http/problem.ts';
import { answers, openApiComponents } from './http/responses.ts';
import { installSecurityHeaders } from './http/security-headers.ts';
import { zodValidatorCompiler } from './http/validation.ts';
import { index766Routes } from './index766/routes.ts';
import { notificationRoutes } from './notifications/routes.ts';
import { onlineSubmissionRoutes } from './online-submission/routes.ts';
import { unitRoutes } from './org/routes.ts';
import { parRoutes } from './par/routes.ts';
import { postalRoutes } from './postal/routes.ts';
import { reformRoutes } from './reform/routes.ts';
import { reformReportRoutes } from './reform-reports/routes.ts';
import { signingRoutes } from './signing/routes.ts';
import { statisticsRoutes } from './statistics/routes.ts';
import { surveyPlugin } from './surveys/plugin.ts';
import { userRoutes } from './users/routes.ts';

export const API_VERSION = '0.1.0';

/** Builds the HTTP application around a context; `serve` adds listening and shutdown. */
export async function buildApp(
  ctx: AppContext,
  options: {
    logger?: boolean;
    logStream?: { write(line: string): void };
    /** Called with every route as it is registered (the contract test walks them all). */
    onRoute?: (route: RouteOptions) => void;
  } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            ...(loggerOptions(ctx.config) as object),
            ...(options.logStream ? { stream: options.logStream } : {}),
          },
    genReqId: () => randomUUID(),
    trustProxy: trustedProxies(ctx.config.trustProxy),
    bodyLimit: MAX_BODY_BYTES,
    return503OnClosing: true,
  });
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  installInputGuard(app);
  installSecurityHeaders(app, { hsts: ctx.config.cookieSecure });

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new Problem(429, 'rate_limited', { seconds: Math.max(1, Math.ceil(context.ttl / 1000)) }),
  });
  // Files above the limit are cut by the parser and marked truncated; readUpload turns that into 413.
  await app.register(fastifyMultipart, {
    limits: { fileSize: ctx.config.uploadMaxBytes, files: 1, fields: 10, fieldSize: 64 * 1024 },
    throwFileSizeLimit: true,
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Motcua API',
        version: API_VERSION,
        description:
          'Electronic one-stop system (một cửa điện tử). Errors are application/problem+json with a stable `code`; ' +
          'messages are Vietnamese, or English with Accept-Language: en.',
      },
      tags: [
        { name: 'system', description: 'Health and documentation' },
        { name: 'catalogue', description: 'Public procedure catalogue (danh mục thủ tục hành chính)' },
        {
          name: 'dossiers',
          description: 'Dossiers (hồ sơ): receipt, processing, approval, return, public lookup',
        },
        { name: 'calendar', description: 'Working-day calendar (lịch ngày làm việc)' },
        { name: 'auth', description: 'Staff sign-in and sessions' },
        { name: 'citizen', description: 'Citizen sign-in (VNeID by OpenID Connect, or an emailed code)' },
        { name: 'admin', description: 'Organisation, users and catalogue administration' },
      ],
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'motcua_session' } },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: openApiComponents,
  });
  installSessions(app, ctx);
  installCitizenSessions(app, ctx);

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database check',
        description:
          'A 503 problem (code database_unavailable, with a reason) while the database cannot be reached.',
        response: answers({ 200: healthSchema }),
      },
    },
    async () => {
      await ctx.db.query('SELECT 1');
      return { status: 'ok', database: ctx.db.kind, version: API_VERSION, time: ctx.now().toISOString() };
    },
  );
  app.get(
    '/api/openapi.json',
    { schema: { hide: true, response: answers({ 200: openApiDocumentResponse }) } },
    async () => app.swagger() as unknown as Record<string, unknown>,
  );

  await app.register(publicCatalogueRoutes(ctx), { prefix: '/api/v1' });
  await app.register(authRoutes(ctx), { prefix: '/api/v1/auth' });
  await app.register(unitRoutes(ctx), { prefix: '/api/v1/admin/units' });
  await app.register(userRoutes(ctx), { prefix: '/api/v1/admin/users' });
  await app.register(adminCatalogueRoutes(ctx), { prefix: '/api/v1/admin' });
  await app.register(calendarRoutes(ctx), { prefix: '/api/v1' });
  await app.register(lookupRoutes(ctx), { prefix: '/api/v1' });
  await app.register(onlineSubmissionRoutes(ctx), { prefix: '/api/v1' });
  await app.register(registerRoutes(ctx), { prefix: '/api/v1' });
  await app.register(summaryRoutes(ctx), { prefix: '/api/v1' });
  await app.register(approvalRoutes(ctx), { prefix: '/api/v1' });
  await app.register(statisticsRoutes(ctx), { prefix: '/api/v1' });
  await app.register(dashboardRoutes(ctx), { prefix: '/api/v1' });
  await app.register(index766Routes(ctx), { prefix: '/api/v1' });
  await app.register(dossierRoutes(ctx), { prefix: '/api/v1' });
  await app.register(adminCalendarRoutes(ctx), { prefix: '/api/v1/admin' });
  await app.register(accessLogRoutes(ctx), { prefix: '/api/v1/admin' });
  await app.register(reformRoutes(ctx), { prefix: '/api/v1/reform' });
  await app.register(surveyPlugin(ctx), { prefix: '/api/v1' });
  await app.register(reformReportRoutes(ctx), { prefix: '/api/v1/reform/reports' });
  await app.register(parRoutes(ctx), { prefix: '/api/v1/par' });
  await app.register(historyImportRoutes(ctx), { prefix: '/api/v1/admin' });
  await app.register(citizenAuthRoutes(ctx), { prefix: '/api/v1/citizen' });
  await app.register(citizenDossierRoutes(ctx), { prefix: '/api/v1/citizen' });
  await app.register(citizenBusinessRoutes(ctx), { prefix: '/api/v1/citizen' });
  await app.register(notificationRoutes(ctx), { prefix: '/api/v1' });
  await app.register(feedbackPlugin(ctx), { prefix: '/api/v1' });
  await app.register(feeRoutes(ctx), { prefix: '/api/v1/fees' });
  await app.register(publicFeeRoutes(ctx), { prefix: '/api/v1' });
  await app.register(signingRoutes(ctx), { prefix: '/api/v1' });
  await app.register(postalRoutes(ctx), { prefix: '/api/v1' });

  await serveWebApp(app, ctx.config.webDist);
  return app;
}

/**
 * Which hops of X-Forwarded-For to trust. The client address is the first untrusted one counted
 * from the right, so a client's own X-Forwarded-For entries never become its address.
 */
function trustedProxies(
  setting: Config['trustProxy'],
): boolean | string[] | ((addr: string, hop: number) => boolean) {
  if (setting === false) return false;
  if (typeof setting === 'number') return (_addr, hop) => hop < setting;
  return setting;
}

/** The built React app at `/`, with index.html for any non-API path so client routes deep-link. */
async function serveWebApp(app: FastifyInstance, webDist: string): Promise<void> {
  const index = join(webDist, 'index.html');
  const built = existsSync(index);
  if (built) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, maxAge: '1h' });
  }
  const sendIndex = (reply: import('fastify').FastifyReply) => {
    if (!built) {
      return reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><html lang="vi"><meta charset="utf-8"><title>Motcua</title>' +
            '<p>Giao diện chưa được xây dựng. Chạy <code>npm run build</code>.</p>' +
            '<p lang="en">The web app is not built. Run <code>npm run build</code>.</p></html>',
        );
    }
    // The shell must be revalidated so a new build's asset names are picked up at once.
    return reply
      .header('Cache-Control', 'no-cache')
      .sendFile('index.html', { maxAge: 0, cacheControl: false });
  };
  // The web app's pages are not part of the API: left out of the OpenAPI document.
  app.get('/', { schema: { hide: true } }, (_req, reply) => sendIndex(reply));
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/')) throw new Problem(404, 'route_not_found');
    const path = request.url.split('?')[0] ?? '/';
    // A missing asset is a 404, not the app shell: the browser would try to run HTML as a script.
    if (/\.[a-z0-9]{1,8}$/i.test(path)) throw new Problem(404, 'not_found');
    return sendIndex(reply);
  });
}
