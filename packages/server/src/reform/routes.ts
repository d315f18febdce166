import { randomUUID } from 'node:crypto';
import {
  createdResponse,
  reformPlanDetailSchema,
  reformPlanListResponse,
  reformPlanSchema,
  reformRemindersResponse,
  vietnamDateOf,
} from '@motcua/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireSession } from '../auth/guard.ts';
import type { Session } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { answerOnce as once } from '../http/idempotency.ts';
import { Problem } from '../http/problem.ts';
import { answers } from '../http/responses.ts';
import { may, reformAgencies, reformSubject } from './access.ts';
import { readForm } from './http.ts';
import { inspectionRoutes } from './inspection-routes.ts';
import { remindTasks } from './reminders.ts';
import * as s from './schemas.ts';
import {
  checkVersion,
  copyPlan,
  createPlan,
  managedPlan,
  planDetail,
  reportTarget,
  visiblePlan,
} from './service.ts';
import {
  agencyUnits,
  insertTarget,
  issuePlan,
  listPlans,
  loadTarget,
  updatePlan,
  updateTarget,
} from './store.ts';
import { taskRoutes } from './task-routes.ts';

/** The agency the user is the reform officer of (the first, when several). */
function officerAgency(session: Session): string {
  const grant = session.roles.find((g) => g.role === 'reform_officer' && g.agencyId);
  if (!grant) throw new Problem(403, 'forbidden');
  return grant.agencyId!;
}

/** /api/v1/reform: annual reform plans and their targets; tasks and inspections in their own files. */
export function reformRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['reform'];

    r.get(
      '/plans',
      {
        schema: {
          tags,
          summary:
            'Reform plans of the agencies the user works for (drafts only for the reform office and leaders)',
          response: answers({ 200: reformPlanListResponse }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        const agencies = reformAgencies(session);
        const drafts = new Set<string>();
        for (const a of agencies)
          if (may(session, 'plan.read_draft', await reformSubject(ctx.db, a))) drafts.add(a);
        const readable = [];
        for (const a of agencies)
          if (may(session, 'plan.read', await reformSubject(ctx.db, a))) readable.push(a);
        return { items: await listPlans(ctx.db, readable, drafts) };
      },
    );

    r.post(
      '/plans',
      {
        schema: {
          tags,
          summary: 'Create an annual reform plan (draft); Idempotency-Key supported',
          body: s.planCreateBody,
          response: answers({ 201: createdResponse }),
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        return once(ctx, request, reply, `reform-plan:${session.user.id}`, request.body, async (tx) => ({
          status: 201,
          body: {
            id: await createPlan(ctx, tx, session, {
              ...request.body,
              agencyId: request.body.agencyId ?? officerAgency(session),
            }),
          },
        }));
      },
    );

    r.post(
      '/plans/:id/copy',
      {
        schema: {
          tags,
          summary: "Start another year's plan from this one: text, targets and own tasks carried over",
          params: s.idParams,
          body: s.planCopyBody,
          response: answers({ 201: createdResponse }),
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        return once(ctx, request, reply, `reform-plan:${session.user.id}`, request.body, async (tx) => ({
          status: 201,
          body: { id: await copyPlan(ctx, tx, session, request.params.id, request.body.year) },
        }));
      },
    );

    r.get(
      '/plans/:id',
      {
        schema: {
          tags,
          summary:
            'A plan with its targets, each with its current value, trend by month, projection and status',
          params: s.idParams,
          response: answers({ 200: reformPlanDetailSchema }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        const now = ctx.now();
        const detail = await planDetail(ctx.db, session, request.params.id, now);
        const units = await agencyUnits(ctx.db, detail.plan.agencyId, vietnamDateOf(now));
        return { ...detail, units };
      },
    );

    r.put(
      '/plans/:id',
      {
        schema: {
          tags,
          summary: "Change a plan's text; 409 when the version sent is not the current one",
          params: s.idParams,
          body: s.planUpdateBody,
          response: answers({ 200: reformPlanSchema }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        return ctx.db.transaction(async (tx) => {
          const plan = await managedPlan(tx, session, request.params.id);
          checkVersion(plan.version, request.body.version);
          await updatePlan(tx, plan.id, request.body.content, ctx.now());
          return (await visiblePlan(tx, session, plan.id)).plan;
        });
      },
    );

    r.post(
      '/plans/:id/issue',
      {
        schema: {
          tags,
          summary: 'Issue (ban hành) the plan: from then on the heads of units see it',
          params: s.idParams,
          body: s.versionBody,
          response: answers({ 200: reformPlanSchema }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        return ctx.db.transaction(async (tx) => {
          const plan = await managedPlan(tx, session, request.params.id);
          if (plan.status === 'issued' && plan.version === request.body.version + 1) return plan; // a double submit
          checkVersion(plan.version, request.body.version);
          if (plan.status === 'issued') throw new Problem(409, 'reform_plan_issued');
          await issuePlan(tx, plan.id, ctx.now());
          return (await visiblePlan(tx, session, plan.id)).plan;
        });
      },
    );

    r.post(
      '/plans/:id/targets',
      {
        schema: {
          tags,
          summary:
            'Add a target, bound to a measure the system computes or reported by hand; Idempotency-Key supported',
          params: s.idParams,
          body: s.targetBody,
          response: answers({ 201: createdResponse }),
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        return once(ctx, request, reply, `reform-target:${session.user.id}`, request.body, async (tx) => {
          const plan = await managedPlan(tx, session, request.params.id);
          const id = randomUUID();
          await insertTarget(tx, plan.id, plan.agencyId, id, request.body);
          return { status: 201, body: { id } };
        });
      },
    );

    r.put(
      '/targets/:id',
      {
        schema: {
          tags,
          summary: 'Change a target; 409 when the version sent is not the current one',
          params: s.idParams,
          body: s.targetUpdateBody,
          response: answers({ 200: createdResponse }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        return ctx.db.transaction(async (tx) => {
          const target = await loadTarget(tx, request.params.id, true);
          if (!target) throw new Problem(404, 'reform_target_not_found');
          await managedPlan(tx, session, target.planId);
          checkVersion(target.version, request.body.version);
          const { version: _v, ...fields } = request.body;
          await updateTarget(tx, target.id, fields);
          return { id: target.id };
        });
      },
    );

    r.post(
      '/targets/:id/reports',
      {
        schema: {
          tags,
          summary:
            'Report a figure by hand for a month, with its evidence — multipart fields "month", "value", "note" and the file "file"; Idempotency-Key supported',
          params: s.idParams,
          response: answers({ 201: createdResponse }),
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        const form = await readForm(ctx, request);
        const fields = s.parseFields(s.targetReportFields, form.fields);
        return once(
          ctx,
          request,
          reply,
          `reform-target-report:${session.user.id}`,
          form.digest,
          async (tx) => {
            await reportTarget(ctx, tx, session, request.params.id, { ...fields, file: form.file });
            return { status: 201, body: { id: request.params.id } };
          },
        );
      },
    );

    r.post(
      '/reminders/run',
      {
        schema: {
          tags,
          summary: 'Write the task reminders due now into the outbox (the server also runs this on a timer)',
          response: answers({ 200: reformRemindersResponse }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        if (!session.roles.some((g) => g.role === 'reform_officer' || g.role === 'administrator'))
          throw new Problem(403, 'forbidden');
        return { written: await remindTasks(ctx) };
      },
    );

    await app.register(taskRoutes(ctx));
    await app.register(inspectionRoutes(ctx));
  };
}
