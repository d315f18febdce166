import type { AppContext } from '../context.ts';
import { withinTransaction } from '../db/within.ts';
import { seedParDemo } from '../par/demo.ts';
import { seedReformDemo } from '../reform/demo.ts';
import { seedSurveyDemo } from '../surveys/demo.ts';
import { type DemoOfficeResult, seedDemoOffice } from './demo-office.ts';
import { type SeedResult, seedDemo } from './seed.ts';

export type DemoDataResult = SeedResult & Partial<DemoOfficeResult>;

/**
 * Seeds an empty database with the whole demo: the agency, its catalogue and accounts, then the
 * office's dossiers. All of it is one transaction, so a start killed half-way leaves nothing
 * behind and the next start seeds again from the beginning; another process starting at the same
 * time waits for it and then finds the demo complete.
 */
export async function seedDemoData(
  ctx: AppContext,
  options: { count?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<DemoDataResult> {
  return ctx.db.transaction(async (tx) => {
    const db = withinTransaction(ctx.db, tx);
    const seeded = await seedDemo(db, ctx.now());
    if (!seeded.seeded) return seeded;
    const office = await seedDemoOffice({ ...ctx, db }, options);
    await seedReformDemo({ ...ctx, db });
    await seedSurveyDemo({ ...ctx, db });
    await seedParDemo({ ...ctx, db });
    return { ...seeded, ...office };
  });
}
