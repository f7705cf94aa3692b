import { useMemo, useState } from 'react';
import { formatDayOfMonth, formatMonth } from '../format/format-date';
import { useKadar } from '../store/store';
import { dateNodes, type MonthNode, type YearNode } from './date-nodes';
import { TreeRow } from './tree-row';

/** Picks a year, month or day: the date filter's from and to both become that prefix. */
function useDateNode(prefix: string) {
  const active = useKadar((s) => s.filter.from === prefix && s.filter.to === prefix);
  const setFilter = useKadar((s) => s.setFilter);
  const select = () =>
    setFilter(active ? { from: undefined, to: undefined } : { from: prefix, to: prefix });
  return { active, select };
}

/** Year → month → day, counted under every active filter but the dates. */
export function DateTree() {
  const days = useKadar((s) => s.days);
  const years = useMemo(() => dateNodes(days), [days]);
  if (years.length === 0) return <p className="sidebar-empty">No dated photos.</p>;
  return (
    <ul className="tree" aria-label="Dates">
      {years.map((year) => (
        <YearItem key={year.year} node={year} />
      ))}
    </ul>
  );
}

function YearItem({ node }: { node: YearNode }) {
  const [expanded, setExpanded] = useState(false);
  const { active, select } = useDateNode(node.year);
  return (
    <li>
      <TreeRow
        label={node.year}
        count={node.count}
        depth={0}
        active={active}
        expanded={expanded}
        onToggle={() => setExpanded(!expanded)}
        onSelect={select}
        testId="date-node"
        value={node.year}
      />
      {expanded && (
        <ul className="tree">
          {node.months.map((month) => (
            <MonthItem key={month.month} node={month} />
          ))}
        </ul>
      )}
    </li>
  );
}

function MonthItem({ node }: { node: MonthNode }) {
  const [expanded, setExpanded] = useState(false);
  const { active, select } = useDateNode(node.month);
  return (
    <li>
      <TreeRow
        label={formatMonth(node.month)}
        count={node.count}
        depth={1}
        active={active}
        expanded={expanded}
        onToggle={() => setExpanded(!expanded)}
        onSelect={select}
        testId="date-node"
        value={node.month}
      />
      {expanded && (
        <ul className="tree">
          {node.days.map(({ day, count }) => (
            <DayItem key={day} day={day} count={count} />
          ))}
        </ul>
      )}
    </li>
  );
}

function DayItem({ day, count }: { day: string; count: number }) {
  const { active, select } = useDateNode(day);
  return (
    <li>
      <TreeRow
        label={formatDayOfMonth(day)}
        count={count}
        depth={2}
        active={active}
        onSelect={select}
        testId="date-node"
        value={day}
      />
    </li>
  );
}
