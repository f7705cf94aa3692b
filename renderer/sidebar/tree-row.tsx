import type { ReactNode } from 'react';
import { formatCount } from '../format/format-number';

interface TreeRowProps {
  label: string;
  count: number;
  depth: number;
  active: boolean;
  /** Undefined for a leaf: no expand button. */
  expanded?: boolean;
  onToggle?: () => void;
  onSelect: () => void;
  /** Shown on a line of their own, so a long name keeps its room. */
  badges?: ReactNode;
  testId: string;
  value: string;
}

/** A row of the folder or date tree: an expand button, then the label that filters by it. */
export function TreeRow(props: TreeRowProps) {
  const { label, count, depth, active, expanded, onToggle, onSelect, badges, testId, value } =
    props;
  return (
    <div
      className={active ? 'tree-row tree-row-active' : 'tree-row'}
      style={{ paddingLeft: 4 + depth * 14 }}
    >
      {expanded === undefined ? (
        <span className="twisty" aria-hidden="true" />
      ) : (
        <button
          type="button"
          className={expanded ? 'twisty twisty-open' : 'twisty'}
          aria-expanded={expanded}
          aria-label={`${expanded ? 'Collapse' : 'Expand'} ${label}`}
          onClick={onToggle}
        />
      )}
      <button
        type="button"
        className="tree-label"
        aria-pressed={active}
        title={label}
        onClick={onSelect}
        data-testid={testId}
        data-value={value}
        data-count={count}
      >
        <span className="tree-line">
          <span className="tree-name">{label}</span>
          <span className="tree-count">{formatCount(count)}</span>
        </span>
        {badges}
      </button>
    </div>
  );
}
