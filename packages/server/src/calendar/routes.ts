import {
  adminCalendarSchema,
  appointmentDate,
  calendarConfigViewSchema,
  calendarOverrideSchema,
  dueDateSchema,
  END_COMPARISONS,
  EXTENSION_NOTICE_READINGS,
  holidaysOfYear,
  holidaysOfYearSchema,
  isWorkingDay,
  overridesSavedSchema,
  tetConfirmationSchema,
  WEEKDAYS,
  workingDaySchema,
  workingPeriodSchema,
} from '@motcua/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit.ts';
import { grantedUnits, requireRole, requireRoleOn } from '../auth/guard.ts';
import type { AppContext } from '../context.ts';
import { Problem } from '../http/problem.ts';
import { answers } from '../http/responses.ts';
import { isAgency, topLevelUnits } from '../org/units.ts';
import { parseVietnamInstant, vietnamInstantText } from '../time.ts';
import {
  listOverrides,
  loadCalendar,
  replaceOverrides,
  type StoredOverride,
  saveSettings,
  setTetAnnounced,
  tetAnnouncedYears,
  tetAnnouncement,
} from './store.ts';
import { tetStatus, withConfirmationFlags } from './tet-status.ts';

const year = z.coerce.number().int().min(1900).max(2199);
const agencyQuery = z.uuid().optional();

export function calendarRoutes(ctx: AppContext) {
  /** The agency a calendar request is about: it must exist and be an agency. */
  const agencyOrNull = async (id: string | undefined): Promise<string | null> => {
    if (!id) return null;
    if (!(await isAgency(ctx.db, id))) throw new Problem(404, 'agency_not_found', { code: id });
    return id;
  };

  /** The overrides that apply to an agency in a year: its own over the national ones. */
  const overridesInForce = async (agencyId: string | null, y: number): Promise<StoredOverride[]> => {
    const byDay = new Map<string, StoredOverride>();
    for (const o of await listOverrides(ctx.db, null, y)) byDay.set(o.date, o);
    if (agencyId) for (const o of await listOverrides(ctx.db, agencyId, y)) byDay.set(o.date, o);
    return [...byDay.values()];
  };

  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/calendar/holidays',
      {
        schema: {
          tags: ['calendar'],
          summary:
            'Days off and make-up working days of a year (Labour Code holidays, compensatory days, overrides)',
          querystring: z.object({ year, agency: agencyQuery }),
          response: answers({ 200: holidaysOfYearSchema }),
        },
      },
      async (request) => {
        const agencyId = await agencyOrNull(request.query.agency);
        const { config } = await loadCalendar(ctx.db, agencyId);
        const y = request.query.year;
        const flagged = await overridesInForce(agencyId, y);
        return {
          year: y,
          items: withConfirmationFlags(holidaysOfYear(y, config), flagged),
          // Whether the year's Tết is the Government's announcement, confirmed by an administrator,
          // or the default computed from the lunar calendar; and every year confirmed so far.
          tet: tetStatus(holidaysOfYear(y, config), await tetAnnouncement(ctx.db, y)),
          tetAnnouncedYears: await tetAnnouncedYears(ctx.db),
          // The rest of the agency's calendar, so a page can count working time as the server does.
          workingWeek: {
            weeklyDaysOff: config.weeklyDaysOff,
            workingPeriods: config.workingPeriods,
            afternoonCutoff: config.afternoonCutoff,
          },
        };
      },
    );

    r.get(
      '/calendar/due',
      {
        schema: {
          tags: ['calendar'],
          summary:
            'Appointment date for something received at `from` with N working days: counting starts at once on a working ' +
            'day before the afternoon cut-off, otherwise at the next working day',
          querystring: z.object({
            from: vietnamInstantText,
            workingDays: z.coerce.number().int().min(0).max(3650),
            agency: agencyQuery,
          }),
          response: answers({ 200: dueDateSchema }),
        },
      },
      async (request) => {
        const { config } = await loadCalendar(ctx.db, await agencyOrNull(request.query.agency));
        const from = parseVietnamInstant(request.query.from)!;
        const due = appointmentDate(from, { value: request.query.workingDays, unit: 'working_days' }, config);
        return { due: due.toISOString(), from: from.toISOString(), workingDays: request.query.workingDays };
      },
    );

    r.get(
      '/calendar/working-day',
      {
        schema: {
          tags: ['calendar'],
          summary: 'Whether a date is a working day',
          querystring: z.object({ date: z.iso.date(), agency: agencyQuery }),
          response: answers({ 200: workingDaySchema }),
        },
      },
      async (request) => {
        const { config } = await loadCalendar(ctx.db, await agencyOrNull(request.query.agency));
        return { date: request.query.date, workingDay: isWorkingDay(request.query.date, config) };
      },
    );
  };
}

const ADMIN = ['administrator'] as const;

const settingsBody = z
  .object({
    weeklyDaysOff: z.array(z.enum(WEEKDAYS)).max(6),
    workingPeriods: z.array(workingPeriodSchema).min(1).max(10),
    afternoonCutoff: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
    supplementLimitDays: z.number().int().min(1).max(365),
    /** Decision 766's readings (core/dossier/policies.ts); left out, the agency's current ones stay. */
    endComparison: z.enum(END_COMPARISONS).optional(),
    extensionNotice: z.enum(EXTENSION_NOTICE_READINGS).optional(),
  })
  .strict();

const overridesBody = z
  .object({
    agencyId: z.uuid().nullable(),
    year,
    overrides: z
      .array(
        calendarOverrideSchema.extend({
          /** Entered from an unofficial source: shown flagged until an administrator confirms it. */
          toConfirm: z.boolean().default(false),
        }),
      )
      .max(366),
  })
  .strict();

const tetBody = z.object({ announced: z.boolean() }).strict();

export function adminCalendarRoutes(ctx: AppContext) {
  /** National announcements are for administrators of a top-level unit; an agency's for its administrators. */
  const requireCalendarAdmin = async (request: FastifyRequest, agencyId: string | null) => {
    if (agencyId) return requireRoleOn(ctx.db, request, ADMIN, agencyId);
    const session = requireRole(request, ADMIN);
    const roots = await topLevelUnits(ctx.db, grantedUnits(session, ADMIN));
    if (roots.length === 0) throw new Problem(403, 'unit_outside_scope');
    return session;
  };

  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/calendar',
      {
        schema: {
          tags: ['admin'],
          summary:
            'A year of an agency’s calendar (or the national one): settings, overrides and resulting days off',
          querystring: z.object({ year, agency: agencyQuery }),
          response: answers({ 200: adminCalendarSchema }),
        },
      },
      async (request) => {
        const agencyId = request.query.agency ?? null;
        await requireCalendarAdmin(request, agencyId);
        const calendar = await loadCalendar(ctx.db, agencyId);
        const days = holidaysOfYear(request.query.year, calendar.config);
        return {
          agencyId,
          year: request.query.year,
          settings: {
            weeklyDaysOff: calendar.config.weeklyDaysOff,
            workingPeriods: calendar.config.workingPeriods,
            afternoonCutoff: calendar.config.afternoonCutoff,
            supplementLimitDays: calendar.supplementLimitDays,
            endComparison: calendar.policy.endComparison,
            extensionNotice: calendar.policy.extensionNotice,
          },
          overrides: await listOverrides(ctx.db, agencyId, request.query.year),
          inheritedOverrides: agencyId ? await listOverrides(ctx.db, null, request.query.year) : [],
          days,
          tet: tetStatus(days, await tetAnnouncement(ctx.db, request.query.year)),
        };
      },
    );

    r.put(
      '/calendar/tet/:year',
      {
        schema: {
          tags: ['admin'],
          summary:
            'Confirm that a year’s Tết days are the ones the Government announced (or take the confirmation back)',
          params: z.object({ year }),
          body: tetBody,
          response: answers({ 200: tetConfirmationSchema }),
        },
      },
      async (request) => {
        const session = await requireCalendarAdmin(request, null);
        const y = request.params.year;
        await ctx.db.transaction(async (tx) => {
          await setTetAnnounced(tx, y, request.body.announced, session.user.id, ctx.now());
          await recordAudit(tx, {
            actorId: session.user.id,
            action: 'calendar.tet_announced',
            subjectType: 'unit',
            subjectId: 'national',
            detail: { year: y, announced: request.body.announced },
          });
        });
        const calendar = await loadCalendar(ctx.db, null);
        return {
          year: y,
          tet: tetStatus(holidaysOfYear(y, calendar.config), await tetAnnouncement(ctx.db, y)),
        };
      },
    );

    r.put(
      '/calendar/settings/:agencyId',
      {
        schema: {
          tags: ['admin'],
          summary: 'Working hours, afternoon cut-off, weekly days off and supplement time limit of an agency',
          params: z.object({ agencyId: z.uuid() }),
          body: settingsBody,
          response: answers({ 200: calendarConfigViewSchema }),
        },
      },
      async (request) => {
        const session = await requireCalendarAdmin(request, request.params.agencyId);
        if (!(await isAgency(ctx.db, request.params.agencyId)))
          throw new Problem(404, 'agency_not_found', { code: request.params.agencyId });
        const { policy } = await loadCalendar(ctx.db, request.params.agencyId);
        const settings = {
          ...request.body,
          endComparison: request.body.endComparison ?? policy.endComparison,
          extensionNotice: request.body.extensionNotice ?? policy.extensionNotice,
        };
        await ctx.db.transaction(async (tx) => {
          await saveSettings(tx, request.params.agencyId, settings, session.user.id, ctx.now());
          await recordAudit(tx, {
            actorId: session.user.id,
            agencyId: request.params.agencyId,
            action: 'calendar.settings',
            subjectType: 'unit',
            subjectId: request.params.agencyId,
            detail: request.body,
          });
        });
        return (await loadCalendar(ctx.db, request.params.agencyId)).config;
      },
    );

    r.put(
      '/calendar/overrides',
      {
        schema: {
          tags: ['admin'],
          summary:
            'Replace one year’s announced days off and make-up working days (national when agencyId is null)',
          body: overridesBody,
          response: answers({ 200: overridesSavedSchema }),
        },
      },
      async (request) => {
        const { agencyId, year: y, overrides } = request.body;
        const session = await requireCalendarAdmin(request, agencyId);
        const outside = overrides.findIndex((o) => !o.date.startsWith(`${y}-`));
        if (outside >= 0) {
          throw new Problem(422, 'validation_failed', {}, undefined, [
            {
              code: 'custom',
              path: ['overrides', outside, 'date'],
              message: 'override_outside_year',
              input: undefined,
            },
          ]);
        }
        const seen = new Set<string>();
        for (const [i, o] of overrides.entries()) {
          if (seen.has(o.date)) {
            throw new Problem(422, 'validation_failed', {}, undefined, [
              {
                code: 'custom',
                path: ['overrides', i, 'date'],
                message: 'override_duplicate_day',
                input: undefined,
              },
            ]);
          }
          seen.add(o.date);
        }
        await ctx.db.transaction(async (tx) => {
          await replaceOverrides(tx, agencyId, y, overrides, session.user.id, ctx.now());
          await recordAudit(tx, {
            actorId: session.user.id,
            agencyId,
            action: 'calendar.overrides',
            subjectType: 'unit',
            subjectId: agencyId ?? 'national',
            detail: { year: y, count: overrides.length },
          });
        });
        const calendar = await loadCalendar(ctx.db, agencyId);
        return {
          agencyId,
          year: y,
          overrides: await listOverrides(ctx.db, agencyId, y),
          days: holidaysOfYear(y, calendar.config),
        };
      },
    );
  };
}
