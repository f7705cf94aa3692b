import { useMemo, useState } from 'react';
import type { FolderNode } from '../../shared/api/contract';
import type { Root } from '../../shared/api/catalog-schema';
import { useKadar } from '../store/store';
import { folderChildren } from './folder-children';
import { RootBadges } from './root-badges';
import { TreeRow } from './tree-row';

type Children = Map<number | null, FolderNode[]>;

/** The library folders, each with the folders below it that hold photos. */
export function FolderTree() {
  const roots = useKadar((s) => s.roots);
  return (
    <ul className="tree" aria-label="Library folders">
      {roots.map((root) => (
        <RootItem key={root.id} root={root} />
      ))}
    </ul>
  );
}

function RootItem({ root }: { root: Root }) {
  const nodes = useKadar((s) => s.folders[root.id]);
  const active = useKadar((s) => s.filter.rootId === root.id);
  const setFilter = useKadar((s) => s.setFilter);
  const [expanded, setExpanded] = useState(true);
  const children = useMemo(() => folderChildren(nodes ?? []), [nodes]);
  const top = children.get(null)?.[0];
  const below = top ? (children.get(top.id) ?? []) : [];

  return (
    <li>
      <TreeRow
        label={root.name}
        count={root.photoCount}
        depth={0}
        active={active}
        expanded={below.length > 0 ? expanded : undefined}
        onToggle={() => setExpanded(!expanded)}
        onSelect={() => setFilter({ rootId: active ? undefined : root.id, folderId: undefined })}
        badges={<RootBadges root={root} />}
        testId="root-item"
        value={root.path}
      />
      {expanded && below.length > 0 && <FolderList nodes={below} all={children} depth={1} />}
    </li>
  );
}

function FolderList({ nodes, all, depth }: { nodes: FolderNode[]; all: Children; depth: number }) {
  return (
    <ul className="tree">
      {nodes.map((node) => (
        <FolderItem key={node.id} node={node} all={all} depth={depth} />
      ))}
    </ul>
  );
}

function FolderItem({ node, all, depth }: { node: FolderNode; all: Children; depth: number }) {
  const active = useKadar((s) => s.filter.folderId === node.id);
  const setFilter = useKadar((s) => s.setFilter);
  const [expanded, setExpanded] = useState(false);
  const below = all.get(node.id) ?? [];

  return (
    <li>
      <TreeRow
        label={node.name}
        count={node.photoCount}
        depth={depth}
        active={active}
        expanded={below.length > 0 ? expanded : undefined}
        onToggle={() => setExpanded(!expanded)}
        onSelect={() => setFilter({ folderId: active ? undefined : node.id, rootId: undefined })}
        testId="folder-item"
        value={node.relPath}
      />
      {expanded && below.length > 0 && <FolderList nodes={below} all={all} depth={depth + 1} />}
    </li>
  );
}
