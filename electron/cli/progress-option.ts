import { Option } from 'commander';

/** `--progress bar|ndjson|none`, for the commands that report long work on stderr. */
export const progressOption = () =>
  new Option('--progress <mode>', 'how to show progress on stderr').choices([
    'bar',
    'ndjson',
    'none',
  ]);
