import { sizeThreadPool } from './thread-pool-size';

// Built as CommonJS (`start.cjs`, `npm start`): see thread-pool-size.ts.
sizeThreadPool();
const start = './start.js';
import(start).catch((error: unknown) => {
  process.stderr.write(`kadar: ${String(error)}\n`);
  process.exit(1);
});
