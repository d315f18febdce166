import {
  createdResponse,
  reformStandingSchema,
  reformTaskDetailSchema,
  reformTaskListResponse,
} from '@motcua/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireSession } from '../auth/guard.ts';
import type { AppContext } from '../context.ts';
import { ACCEPTED_MEDIA_TYPES } from '../files/sniff.ts';
import { answerOnce as once } from '../http/idempotency.ts';
import { Problem } from '../http/problem.ts';
import { answers, fileAnswer } from '../http/responses.ts';
import { may, reformSubject } from './access.ts';
import { readForm } from './http.ts';
import * as s from './schemas.ts';
import {
  calendarOf,
  changeTask,
  createTask,
  reportTask,
  type TaskView,
  taskFor,
  taskView,
  unitStanding,
  visibleTasks,
} from './service.ts';
import { listTaskReports } from './store.ts';

const out = (t: TaskView) => ({ ...t, doneAt: t.doneAt ? t.doneAt.toISOString() : null });

/** Tasks (nhiệm vụ CCHC): list, create, change, progress reports with files, standing per unit. */
export function taskRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['reform'];

    r.get(
      '/plans/:id/tasks',
      {
        schema: {
          tags,
          summary:
            "A plan's tasks with their standing (a head of unit sees the unit's own); filter behind=true",
          params: s.idParams,
          querystring: z.object({ behind: z.enum(['true', 'false']).optional(), unit: z.uuid().optional() }),
          response: answers({ 200: reformTaskListResponse }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        const { tasks } = await visibleTasks(ctx.db, session, request.params.id, ctx.now());
        const q = request.query;
        const items = tasks.filter(
          (t) => (q.behind !== 'true' || t.behind) && (!q.unit || t.unitId === q.unit),
        );
        return { items: items.map(out) };
      },
    );

    r.post(
      '/plans/:id/tasks',
      {
        schema: {
          tags,
          summary:
            'Assign a task to a unit (and a person) with a deadline and its source; Idempotency-Key supported',
          params: s.idParams,
          body: s.taskBody,
          response: answers({ 201: createdResponse }),
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        return once(ctx, request, reply, `reform-task:${session.user.id}`, request.body, async (tx) => ({
          status: 201,
          body: { id: await createTask(ctx, tx, session, request.params.id, request.body) },
        }));
      },
    );

    r.get(
      '/plans/:id/standing',
      {
        schema: {
          tags,
          summary: 'Completion and on-time rates per unit, and the tasks that are behind',
          params: s.idParams,
          response: answers({ 200: reformStandingSchema }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        const { units, behind } = await unitStanding(ctx.db, session, request.params.id, ctx.now());
        return { units, behind: behind.map(out) };
      },
    );

    r.get(
      '/tasks/:id',
      {
        schema: {
          tags,
          summary: 'A task with its progress reports',
          params: s.idParams,
          response: answers({ 200: reformTaskDetailSchema }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        const { task } = await taskFor(ctx.db, session, request.params.id, 'task.read');
        const subject = await reformSubject(ctx.db, task.agencyId, task.unitId);
        const cal = await calendarOf(ctx.db, task.agencyId);
        return {
          task: out(taskView(task, ctx.now(), cal)),
          canReport: may(session, 'task.report', subject) && task.state === 'open',
          canManage: may(session, 'task.manage', subject),
          reports: await listTaskReports(ctx.db, task.id),
        };
      },
    );

    r.put(
      '/tasks/:id',
      {
        schema: {
          tags,
          summary:
            'Change a task (unit, person, deadline, source); 409 when the version sent is not the current one',
          params: s.idParams,
          body: s.taskUpdateBody,
          response: answers({ 200: createdResponse }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        const { version, ...fields } = request.body;
        await ctx.db.transaction((tx) => changeTask(ctx, tx, session, request.params.id, version, fields));
        return { id: request.params.id };
      },
    );

    r.post(
      '/tasks/:id/reports',
      {
        schema: {
          tags,
          summary:
            'Report progress — multipart fields "version", "progress", "note", "done" (true when finished) and an optional file "file"; Idempotency-Key supported',
          params: s.idParams,
          response: answers({ 201: createdResponse }),
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        const form = await readForm(ctx, request);
        const f = s.parseFields(s.taskReportFields, form.fields);
        return once(ctx, request, reply, `reform-task-report:${session.user.id}`, form.digest, async (tx) => {
          await reportTask(ctx, tx, session, request.params.id, {
            version: f.version,
            progress: f.progress,
            note: f.note,
            done: f.done === 'true',
            file: form.file,
          });
          return { status: 201, body: { id: request.params.id } };
        });
      },
    );

    r.get(
      '/tasks/:id/reports/:reportId/file',
      {
        schema: {
          tags,
          summary: "Download a progress report's attachment",
          params: z.object({ id: z.uuid(), reportId: z.uuid() }),
          response: answers({
            200: fileAnswer('The attachment as it was uploaded', Object.keys(ACCEPTED_MEDIA_TYPES)),
          }),
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        await taskFor(ctx.db, session, request.params.id, 'task.read');
        const [row] = await ctx.db.query<{ sha256: string; filename: string; media_type: string }>(
          `SELECT r.sha256, r.filename, f.media_type FROM reform_task_report r JOIN stored_file f ON f.sha256 = r.sha256
            WHERE r.id = $1 AND r.task_id = $2`,
          [request.params.reportId, request.params.id],
        );
        if (!row) throw new Problem(404, 'not_found');
        const data = await ctx.files.get(row.sha256);
        return reply
          .type(row.media_type)
          .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.filename)}`)
          .send(data);
      },
    );
  };
}
