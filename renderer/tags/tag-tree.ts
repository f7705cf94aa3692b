import type { Tag } from '../../shared/api/domains/tags';

export interface TagTreeNode {
  tag: Tag;
  depth: number;
  /** Photos with it or a tag below it (a photo with two counts twice). */
  total: number;
  hasChildren: boolean;
}

/** The tags as the rows of a tree, in path order, with totals that include the tags below. */
export function tagTreeRows(tags: readonly Tag[], expanded: ReadonlySet<number>): TagTreeNode[] {
  const children = new Map<number | null, Tag[]>();
  for (const tag of tags) children.set(tag.parentId, [...(children.get(tag.parentId) ?? []), tag]);
  const totals = new Map<number, number>();
  const total = (tag: Tag): number => {
    const known = totals.get(tag.id);
    if (known != null) return known;
    const sum = (children.get(tag.id) ?? []).reduce((n, c) => n + total(c), tag.photoCount);
    totals.set(tag.id, sum);
    return sum;
  };
  const rows: TagTreeNode[] = [];
  const walk = (parentId: number | null, depth: number) => {
    for (const tag of children.get(parentId) ?? []) {
      const hasChildren = (children.get(tag.id)?.length ?? 0) > 0;
      rows.push({ tag, depth, total: total(tag), hasChildren });
      if (hasChildren && expanded.has(tag.id)) walk(tag.id, depth + 1);
    }
  };
  walk(null, 0);
  return rows;
}
