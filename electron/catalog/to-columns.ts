/**
 * The row an input's fields make, by a repository's field → column table: only the fields
 * given, absent values as NULL (a patch sets what it names and leaves the rest).
 */
export function toColumns<F extends object>(
  columns: Readonly<Record<keyof F, string>>,
  fields: Partial<F>,
): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const key of Object.keys(columns) as (keyof F)[])
    if (key in fields) row[columns[key]] = fields[key] ?? null;
  return row;
}
