import { writeFile } from 'node:fs/promises';
import { historyImportJsonSchema } from './format.ts';

/** Writes docs/history-import.schema.json from the zod schema: npx tsx packages/server/src/history-import/write-schema.ts */
const target = new URL('../../../../docs/history-import.schema.json', import.meta.url);
await writeFile(target, `${JSON.stringify(historyImportJsonSchema(), null, 2)}\n`);
console.log(`Wrote ${target.pathname}`);
