/**
 * Reads `--name N` or `--name=N` from the script's arguments (what follows `npm run x --`).
 * Unknown options are refused, so a typo does not silently run the default size.
 */
export function intOptions<K extends string>(
  defaults: Record<K, number>,
  args: readonly string[] = process.argv.slice(2),
): Record<K, number> {
  const values = { ...defaults };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const match = /^--([\w-]+)(?:=(.*))?$/.exec(arg);
    const name = match?.[1];
    if (!match || name == null || !(name in defaults)) {
      throw new Error(
        `Unknown argument ${arg}; expected ${Object.keys(defaults)
          .map((k) => `--${k} N`)
          .join(', ')}.`,
      );
    }
    const raw = match[2] ?? args[++i];
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`--${name} needs a positive whole number, not ${raw}`);
    values[name as K] = n;
  }
  return values;
}
