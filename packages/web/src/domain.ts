import type { OnlineLevel } from '@motcua/core';

/**
 * The few catalogue constants the public pages need. Importing values from @motcua/core would bring
 * its validation schemas (zod) into the bundle every citizen downloads, so they are repeated here;
 * the checks below stop the build if core's list changes.
 */
export const ONLINE_LEVELS = ['full', 'partial', 'none'] as const satisfies readonly OnlineLevel[];

type Missing<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : never;
export const onlineLevelsComplete: Missing<OnlineLevel, (typeof ONLINE_LEVELS)[number]> = true;
