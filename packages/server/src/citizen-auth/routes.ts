import {
  type CitizenMe,
  citizenAuthMethodsResponse,
  citizenEmailStartResponse,
  citizenMeResponse,
  maskIdentityNumber,
  noContentSchema,
} from '@motcua/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit.ts';
import { actingAsOf, actingBusiness, applyProviderBusinesses } from '../citizen-business/service.ts';
import type { AppContext } from '../context.ts';
import { requestLocale } from '../http/locale.ts';
import { errorFields } from '../http/logging.ts';
import { Problem } from '../http/problem.ts';
import { answers } from '../http/responses.ts';
import { addVerifiedEmail, sendSignInCode, verifySignInCode } from './email-code.ts';
import { encryptIdentityNumber, identityNumberHmac, looksLikeIdentityNumber } from './identity-number.ts';
import { hashState, OidcClient } from './oidc.ts';
import { type CitizenSession, endCitizenSession, requireCitizen, startCitizenSession } from './sessions.ts';
import { type CitizenRow, saveOidcFlow, takeOidcFlow, upsertOidcCitizen } from './store.ts';

/** Where the browser lands after signing in, and where it returns when sign-in fails. */
const CITIZEN_HOME = '/cong-dan';
const SIGN_IN_PAGE = '/dang-nhap-cong-dan';
const FLOW_COOKIE = 'motcua_oidc_state';
const FLOW_PATH = '/api/v1/citizen/auth/oidc';
const FLOW_MINUTES = 10;

const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((v) => v.toLowerCase());
const emailStartBody = z.strictObject({ email: emailSchema });
const emailVerifyBody = z.strictObject({
  email: emailSchema,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});
const callbackQuery = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
});

/** A redirect: no body, the Location header says where. */
const redirectAnswer = noContentSchema;

async function me(
  ctx: AppContext,
  citizen: CitizenRow,
  session: Pick<CitizenSession, 'method' | 'csrfToken' | 'actingTaxCode'>,
): Promise<CitizenMe> {
  const acting = await actingBusiness(ctx.db, { actingTaxCode: session.actingTaxCode, citizen });
  return {
    id: citizen.id,
    fullName: citizen.full_name,
    email: citizen.email,
    identityNumberMasked: citizen.identity_number_masked,
    signInMethod: session.method,
    actingAs: actingAsOf(acting),
    csrfToken: session.csrfToken,
  };
}

export function citizenAuthRoutes(ctx: AppContext) {
  const oidc = ctx.config.oidc ? new OidcClient(ctx.config.oidc) : null;
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const signInRate = { rateLimit: { max: ctx.config.loginRatePerMinute, timeWindow: 60_000 } };

    r.get(
      '/auth/methods',
      {
        schema: {
          tags: ['citizen'],
          summary: 'Which citizen sign-in methods this server offers',
          response: answers({ 200: citizenAuthMethodsResponse }),
        },
      },
      async () => ({ oidc: oidc !== null, email: true }),
    );

    r.get(
      '/auth/oidc/start',
      {
        schema: {
          tags: ['citizen'],
          summary: 'Start sign-in with VNeID (OpenID Connect): redirects to the identity provider',
          response: answers({ 302: redirectAnswer }),
        },
        config: signInRate,
      },
      async (_request, reply) => {
        if (!oidc) throw new Problem(404, 'citizen_oidc_unavailable');
        const flow = await oidc.start();
        const now = ctx.now();
        const expiresAt = new Date(now.getTime() + FLOW_MINUTES * 60_000);
        await saveOidcFlow(
          ctx.db,
          { stateHash: hashState(flow.state), codeVerifier: flow.codeVerifier, nonce: flow.nonce, expiresAt },
          now,
        );
        // The state is bound to this browser too: a callback from another browser is refused.
        reply.setCookie(FLOW_COOKIE, flow.state, {
          httpOnly: true,
          secure: ctx.config.cookieSecure,
          sameSite: 'lax',
          path: FLOW_PATH,
          maxAge: FLOW_MINUTES * 60,
        });
        return reply.redirect(flow.url.href, 302);
      },
    );

    r.get(
      '/auth/oidc/callback',
      {
        schema: {
          tags: ['citizen'],
          summary: 'The identity provider returns here; signs the citizen in and redirects home',
          querystring: callbackQuery,
          response: answers({ 302: redirectAnswer }),
        },
        config: signInRate,
      },
      async (request, reply) => {
        if (!oidc) throw new Problem(404, 'citizen_oidc_unavailable');
        const failed = (reason: string) => {
          reply.clearCookie(FLOW_COOKIE, { path: FLOW_PATH });
          return reply.redirect(`${SIGN_IN_PAGE}?loi=${reason}`, 302);
        };
        const state = request.query.state;
        const bound = request.cookies[FLOW_COOKIE];
        if (request.query.error) return failed(request.query.error === 'access_denied' ? 'huy' : 'vneid');
        if (!state || !bound || bound !== state) return failed('vneid');
        const flow = await takeOidcFlow(ctx.db, hashState(state), ctx.now());
        if (!flow) return failed('het-han');
        let citizen: CitizenRow;
        try {
          const query = request.url.slice(request.url.indexOf('?') + 1);
          const identity = await oidc.finish(query, { state, ...flow });
          const number = looksLikeIdentityNumber(identity.identityNumber)
            ? identity.identityNumber.trim()
            : null;
          citizen = await upsertOidcCitizen(
            ctx.db,
            {
              issuer: identity.issuer,
              subject: identity.subject,
              fullName: identity.fullName,
              email: identity.email,
              identityNumberEncrypted: number
                ? await encryptIdentityNumber(ctx.config.citizenIdKeyFile, number)
                : null,
              identityNumberMasked: number ? maskIdentityNumber(number) : null,
              identityIdHmac: number ? await identityNumberHmac(ctx.config.citizenIdKeyFile, number) : null,
            },
            ctx.now(),
          );
          // The organisations the provider names: the person acts for them with the provider's word.
          const { ignored } = await applyProviderBusinesses(ctx, citizen.id, identity.businesses);
          if (ignored > 0) request.log.warn({ ignored }, 'citizen OIDC organisation claim is not a tax code');
        } catch (error) {
          // The kind of failure only: a provider's answer may quote tokens or claims.
          const { type, code } = errorFields(error);
          request.log.warn({ failure: { type, code } }, 'citizen OIDC sign-in failed');
          return failed('vneid');
        }
        await startCitizenSession(ctx, reply, request, citizen.id, 'oidc');
        await recordAudit(ctx.db, {
          actorId: null,
          action: 'citizen.sign_in',
          subjectType: 'citizen',
          subjectId: citizen.id,
        });
        reply.clearCookie(FLOW_COOKIE, { path: FLOW_PATH });
        return reply.redirect(CITIZEN_HOME, 302);
      },
    );

    r.post(
      '/auth/email/start',
      {
        schema: {
          tags: ['citizen'],
          summary: 'Send a one-time sign-in code to an email address',
          body: emailStartBody,
          response: answers({ 200: citizenEmailStartResponse }),
        },
        config: { rateLimit: { max: ctx.config.citizenCodeRatePerMinute, timeWindow: 60_000 } },
      },
      async (request) => sendSignInCode(ctx, request.body.email, requestLocale(request)),
    );

    r.post(
      '/auth/email/verify',
      {
        schema: {
          tags: ['citizen'],
          summary: 'Sign in with the emailed one-time code',
          body: emailVerifyBody,
          response: answers({ 200: citizenMeResponse }),
        },
        config: signInRate,
      },
      async (request, reply) => {
        const citizen = await verifySignInCode(ctx, request.body.email, request.body.code);
        const { csrfToken } = await startCitizenSession(ctx, reply, request, citizen.id, 'email');
        await recordAudit(ctx.db, {
          actorId: null,
          action: 'citizen.sign_in',
          subjectType: 'citizen',
          subjectId: citizen.id,
        });
        return me(ctx, citizen, { method: 'email', csrfToken, actingTaxCode: null });
      },
    );

    r.post(
      '/auth/logout',
      {
        schema: {
          tags: ['citizen'],
          summary: 'Citizen sign-out',
          response: answers({ 204: noContentSchema }),
        },
      },
      async (request, reply) => {
        await endCitizenSession(ctx, request, reply);
        return reply.status(204).send();
      },
    );

    r.post(
      '/email/start',
      {
        schema: {
          tags: ['citizen'],
          summary:
            'A signed-in citizen adds an email address: a one-time code is sent to it (as for sign-in by email)',
          body: emailStartBody,
          response: answers({ 200: citizenEmailStartResponse }),
        },
        config: { rateLimit: { max: ctx.config.citizenCodeRatePerMinute, timeWindow: 60_000 } },
      },
      async (request) => {
        requireCitizen(request);
        return sendSignInCode(ctx, request.body.email, requestLocale(request));
      },
    );

    r.post(
      '/email/verify',
      {
        schema: {
          tags: ['citizen'],
          summary: "Proves the added email address with the code sent to it; it becomes the citizen's email",
          body: emailVerifyBody,
          response: answers({ 200: citizenMeResponse }),
        },
        config: signInRate,
      },
      async (request) => {
        const session = requireCitizen(request);
        const citizen = await addVerifiedEmail(
          ctx,
          session.citizen.id,
          request.body.email,
          request.body.code,
        );
        await recordAudit(ctx.db, {
          actorId: null,
          action: 'citizen.email_added',
          subjectType: 'citizen',
          subjectId: citizen.id,
        });
        return me(ctx, citizen, session);
      },
    );

    r.get(
      '/me',
      {
        schema: {
          tags: ['citizen'],
          summary: 'The signed-in citizen: name, masked identity number, CSRF token',
          response: answers({ 200: citizenMeResponse }),
        },
      },
      async (request) => {
        const session = requireCitizen(request);
        return me(ctx, session.citizen, session);
      },
    );
  };
}
