import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApi } from '../api/server-data';
import { TreeRow } from '../sidebar/tree-row';
import { useKadar } from '../store/store';
import { tagTreeRows } from './tag-tree';

/** The keyword tree: a click filters by the tag and those below it; the chosen one can be edited. */
export function TagsSection() {
  const tags = useApi('tags.list', {});
  const { tagId, tagExact, setFilter, openPanel } = useKadar(
    useShallow((s) => ({
      tagId: s.filter.tagId,
      tagExact: s.filter.tagExact,
      setFilter: s.setFilter,
      openPanel: s.openPanel,
    })),
  );
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const toggle = (id: number) =>
    setExpanded((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const rows = tagTreeRows(tags.data ?? [], expanded);
  if (rows.length === 0)
    return <p className="muted">No tags yet: select photos and press Ctrl+K.</p>;
  return (
    <div data-testid="tags-section">
      {rows.map(({ tag, depth, total, hasChildren }) => (
        <TreeRow
          key={tag.id}
          label={tag.name}
          count={total}
          depth={depth}
          active={tagId === tag.id}
          expanded={hasChildren ? expanded.has(tag.id) : undefined}
          onToggle={() => toggle(tag.id)}
          onSelect={() =>
            setFilter({ tagId: tagId === tag.id ? undefined : tag.id, tagExact: undefined })
          }
          testId="tag-row"
          value={tag.path}
        />
      ))}
      {tagId != null && rows.some((r) => r.tag.id === tagId && r.hasChildren) && (
        <label className="check">
          <input
            type="checkbox"
            checked={tagExact === true}
            onChange={(e) => setFilter({ tagExact: e.target.checked || undefined })}
            data-testid="tag-exact"
          />
          Only this tag, not those below
        </label>
      )}
      {tagId != null && (
        <div className="archive-actions">
          <button
            type="button"
            className="button"
            onClick={() => openPanel('tag-edit', { id: tagId })}
            data-testid="edit-tag"
          >
            Rename, move or merge…
          </button>
        </div>
      )}
    </div>
  );
}
