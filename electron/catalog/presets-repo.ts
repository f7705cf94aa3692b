import type { Catalog } from './open-catalog';
import type { Edit } from '../edits/edit';
import {
  presetSettingsSchema,
  type ExportPreset,
  type PresetSettings,
} from '../../shared/api/domains/export-presets';
import { KadarError } from '../../shared/errors';
import { nowIso, sql } from './statements';

interface Row {
  id: number;
  name: string;
  settings: string;
  builtin: number;
}

// Stored settings are checked again on the way out: a preset saved by an older build that
// lacks a setting fails here with the field's name rather than deep inside an export.
const toPreset = (r: Row): ExportPreset => ({
  id: r.id,
  name: r.name,
  settings: presetSettingsSchema.parse(JSON.parse(r.settings)),
  builtin: r.builtin === 1,
});

export function listPresets(db: Catalog): ExportPreset[] {
  return sql<[], Row>(db, `SELECT * FROM export_presets ORDER BY builtin DESC, id`)
    .all()
    .map(toPreset);
}

export function requirePreset(db: Catalog, id: number): ExportPreset {
  const row = sql<[number], Row>(db, `SELECT * FROM export_presets WHERE id = ?`).get(id);
  if (!row) throw new KadarError('NOT_FOUND', `presetId: there is no export preset ${id}.`);
  return toPreset(row);
}

/** A preset by name, in any case ("website", "WEBSITE"), as the command line names them. */
export function requirePresetNamed(db: Catalog, name: string): ExportPreset {
  const row = sql<[string], Row>(db, `SELECT * FROM export_presets WHERE name = ?`).get(
    name.trim(),
  );
  if (!row) {
    const names = listPresets(db).map((p) => `"${p.name}"`);
    throw new KadarError(
      'NOT_FOUND',
      `preset: there is no export preset "${name}". The presets are ${names.join(', ')}.`,
    );
  }
  return toPreset(row);
}

function checkNameFree(db: Catalog, name: string, id: number | undefined): void {
  const other = sql<[string], { id: number }>(
    db,
    `SELECT id FROM export_presets WHERE name = ?`,
  ).get(name);
  if (other && other.id !== id)
    throw new KadarError('INVALID_INPUT', `name: there is already a preset named "${name}".`);
}

/** Creates a preset, or changes the one with `id`; returns its id. */
export function savePreset(
  edit: Edit,
  preset: { id?: number; name: string; settings: PresetSettings },
): number {
  checkNameFree(edit.db, preset.name, preset.id);
  const settings = JSON.stringify(preset.settings);
  if (preset.id == null)
    return edit.insert('export_presets', {
      name: preset.name,
      settings,
      builtin: 0,
      created_at: nowIso(),
    });
  requirePreset(edit.db, preset.id);
  edit.update('export_presets', { id: preset.id }, { name: preset.name, settings });
  return preset.id;
}

export function deletePreset(edit: Edit, id: number): void {
  requirePreset(edit.db, id);
  edit.delete('export_presets', { id });
}
