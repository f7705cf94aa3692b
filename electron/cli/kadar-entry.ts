#!/usr/bin/env node
import { sizeThreadPool } from '../launch/thread-pool-size';

// Built as CommonJS (`kadar.cjs`, the `kadar` command): see thread-pool-size.ts.
sizeThreadPool();
const cli = './kadar.js';
import(cli).catch((error: unknown) => {
  process.stderr.write(`kadar: ${String(error)}\n`);
  process.exit(1);
});
