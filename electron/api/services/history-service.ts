import { listHistory, redo, undo } from '../../edits/history';
import type { historyMethods } from '../../../shared/api/domains/history';
import type { ApiContext, DomainHandlers } from '../api-context';

export function historyService(ctx: ApiContext): DomainHandlers<typeof historyMethods> {
  const replay = (direction: 'undo' | 'redo') => {
    const outcome = direction === 'undo' ? undo(ctx.db) : redo(ctx.db);
    if (outcome.step)
      ctx.emit('catalog.changed', { reason: direction, kinds: [...outcome.kinds, 'history'] });
    return outcome;
  };
  return {
    'history.list': ({ limit }) => listHistory(ctx.db, limit),
    'history.undo': () => replay('undo'),
    'history.redo': () => replay('redo'),
  };
}
