import type { z } from 'zod';
import type { Catalog } from '../catalog/open-catalog';
import { runEdit } from '../edits/history';
import type { Edit } from '../edits/edit';
import type { ApiMethods, EventName, EventPayload, MethodOutput } from '../../shared/api/contract';

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** What every domain's service shares: the one connection, where files go, and events out. */
export interface ApiContext {
  db: Catalog;
  catalogPath: string;
  cacheDir: string;
  emit: Emit;
  /**
   * Runs a command as one undoable step and tells renderers what it changed. `label` names
   * the step in the history ("Assign 12 photos to Modna revija").
   */
  edit: <T>(label: string | ((result: T) => string), command: (edit: Edit) => T) => T;
}

export function createApiContext(base: Omit<ApiContext, 'edit'>): ApiContext {
  return {
    ...base,
    edit(label, command) {
      const outcome = runEdit(base.db, label, command);
      if (outcome.editId != null)
        base.emit('catalog.changed', { reason: 'edit', kinds: [...outcome.kinds, 'history'] });
      return outcome.result;
    },
  };
}

/** The handlers one domain contributes: a part of the contract, typed by its methods. */
export type DomainHandlers<Methods extends Partial<ApiMethods>> = {
  [M in keyof Methods & keyof ApiMethods]: (
    input: z.output<ApiMethods[M]['input']>,
  ) => MethodOutput<M> | Promise<MethodOutput<M>>;
};
