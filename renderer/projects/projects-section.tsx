import { useShallow } from 'zustand/react/shallow';
import { useApi } from '../api/server-data';
import { formatCount } from '../format/format-number';
import { useKadar } from '../store/store';

/** The sidebar's projects: click one for its history. */
export function ProjectsSection() {
  const projects = useApi('projects.list', {});
  const { page, openPage, openPanel } = useKadar(
    useShallow((s) => ({ page: s.page, openPage: s.openPage, openPanel: s.openPanel })),
  );
  return (
    <div className="archive-list" data-testid="projects-section">
      <div className="archive-actions">
        <button
          type="button"
          className="button"
          onClick={() => openPanel('project-form')}
          data-testid="new-project"
        >
          New project…
        </button>
      </div>
      <ul className="archive-rows" aria-label="Projects">
        {(projects.data ?? []).map((p) => {
          const active = page.kind === 'project' && page.id === p.id;
          return (
            <li key={p.id}>
              <button
                type="button"
                className={active ? 'archive-row archive-row-active' : 'archive-row'}
                aria-pressed={active}
                onClick={() => openPage({ kind: 'project', id: p.id })}
                data-testid="project-row"
                data-project-id={p.id}
              >
                <span className="archive-name">{p.name}</span>
                <span className="archive-sub">
                  {[p.code, p.programme].filter(Boolean).join(' · ')}
                </span>
                <span className="count">{formatCount(p.eventIds.length)}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
