#!/usr/bin/env node
import { sizeThreadPoolThenLoad } from '../launch/thread-pool-size';

// Built as CommonJS (`kadar.cjs`, the `kadar` command): see thread-pool-size.ts.
const cli = './kadar.js';
sizeThreadPoolThenLoad(() => import(cli));
