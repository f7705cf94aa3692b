import type { DragEvent } from 'react';
import { useKadar } from '../store/store';

/** The drag data type photos travel under from the grid to an event. */
const photoType = 'application/x-kadar-photos';

/** Starts dragging a cell: the whole selection when the cell is in it, else the cell alone. */
export function startPhotoDrag(e: DragEvent, id: number): void {
  const { selected } = useKadar.getState();
  const ids = selected.has(id) ? [...selected] : [id];
  e.dataTransfer.setData(photoType, JSON.stringify(ids));
  e.dataTransfer.effectAllowed = 'move';
}

export const carriesPhotos = (e: DragEvent) => e.dataTransfer.types.includes(photoType);

export function droppedPhotos(e: DragEvent): number[] {
  try {
    const ids: unknown = JSON.parse(e.dataTransfer.getData(photoType));
    return Array.isArray(ids) ? ids.filter((id): id is number => Number.isInteger(id)) : [];
  } catch {
    return [];
  }
}
