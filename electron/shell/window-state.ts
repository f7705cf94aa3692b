import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { WindowBounds } from './window-options';

const stateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof stateSchema>;

export const defaultWindowState: WindowState = { width: 1280, height: 820, maximized: false };

interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The window's last bounds, if they still fit a connected display (a laptop unplugged from
 * its second monitor must not open Kadar off-screen).
 */
export function restoreWindowState(dir: string, displays: Area[]): WindowState {
  try {
    const state = stateSchema.parse(
      JSON.parse(readFileSync(join(dir, 'window-state.json'), 'utf8')),
    );
    if (state.x == null || state.y == null) return state;
    const visible = displays.some(
      (d) =>
        state.x! < d.x + d.width - 50 &&
        state.x! + state.width > d.x + 50 &&
        state.y! >= d.y - 10 &&
        state.y! < d.y + d.height - 50,
    );
    return visible
      ? state
      : { width: state.width, height: state.height, maximized: state.maximized };
  } catch {
    return defaultWindowState;
  }
}

export function saveWindowState(dir: string, bounds: WindowBounds, maximized: boolean): void {
  try {
    writeFileSync(join(dir, 'window-state.json'), JSON.stringify({ ...bounds, maximized }));
  } catch {
    // Losing the window position is not worth an error dialog.
  }
}
