#!/usr/bin/env node
// `npm run bench`: speed and memory of the hot paths, as ratios against a baseline measured in the
// same run (the database's own round trip), so results compare across machines.
import { register } from 'tsx/esm/api';

register();
await import('../packages/server/bench/run.ts');
