import type { FolderNode } from '../../shared/api/contract';

/** A root's flat folder list as parent id → child folders, in path order. */
export function folderChildren(nodes: readonly FolderNode[]): Map<number | null, FolderNode[]> {
  const children = new Map<number | null, FolderNode[]>();
  for (const node of nodes) {
    const siblings = children.get(node.parentId);
    if (siblings) siblings.push(node);
    else children.set(node.parentId, [node]);
  }
  return children;
}
