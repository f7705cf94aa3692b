import { sizeThreadPoolThenLoad } from './thread-pool-size';

// Built as CommonJS (`start.cjs`, `npm start`): see thread-pool-size.ts.
const start = './start.js';
sizeThreadPoolThenLoad(() => import(start));
