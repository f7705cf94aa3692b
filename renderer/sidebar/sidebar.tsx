import { useShallow } from 'zustand/react/shallow';
import { EventsSection } from '../events/events-section';
import { useAddFolder } from '../folders/use-add-folder';
import { OrganisationsSection } from '../organisations/organisations-section';
import { ProjectsSection } from '../projects/projects-section';
import { useKadar } from '../store/store';
import { PeopleSection } from '../people/people-section';
import { SearchesSection } from '../searches/searches-section';
import { GalleriesSection } from '../galleries/galleries-section';
import { TagsSection } from '../tags/tags-section';
import { DateTree } from './date-tree';
import { FiltersPanel } from './filters-panel';
import { FolderTree } from './folder-tree';
import { SidebarSection } from './sidebar-section';
import './sidebar.css';

export function Sidebar() {
  const addFolder = useAddFolder();
  const { hasRoots, filtered, clearFilters, openPage } = useKadar(
    useShallow((s) => ({
      hasRoots: s.roots.length > 0,
      filtered: Object.keys(s.filter).length > 0,
      clearFilters: s.clearFilters,
      openPage: s.openPage,
    })),
  );

  return (
    <aside className="sidebar" aria-label="Library">
      <header className="sidebar-head">
        <span className="brand">Kadar</span>
        <button type="button" className="button" onClick={addFolder} data-testid="add-folder">
          Add folder…
        </button>
      </header>
      {hasRoots && (
        <div className="sidebar-scroll">
          <SidebarSection title="Events">
            <EventsSection />
          </SidebarSection>
          <SidebarSection title="Projects">
            <ProjectsSection />
          </SidebarSection>
          <SidebarSection title="Organisations">
            <OrganisationsSection />
          </SidebarSection>
          <SidebarSection title="Tags">
            <TagsSection />
          </SidebarSection>
          <SidebarSection title="People">
            <PeopleSection />
          </SidebarSection>
          <SidebarSection title="Galleries">
            <GalleriesSection />
          </SidebarSection>
          <SidebarSection title="Saved searches">
            <SearchesSection />
          </SidebarSection>
          <SidebarSection title="Folders">
            <FolderTree />
          </SidebarSection>
          <SidebarSection title="Dates">
            <DateTree />
          </SidebarSection>
          <SidebarSection title="Filters">
            <FiltersPanel />
          </SidebarSection>
        </div>
      )}
      {hasRoots && (
        <footer className="sidebar-foot">
          <button
            type="button"
            className="button"
            disabled={!filtered}
            onClick={() => {
              clearFilters();
              openPage({ kind: 'library' });
            }}
            data-testid="clear-filters"
          >
            Clear filters
          </button>
        </footer>
      )}
    </aside>
  );
}
