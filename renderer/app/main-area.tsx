import { useKadar } from '../store/store';
import { EventHeader } from '../events/event-header';
import { SuggestionsView } from '../events/suggestions-view';
import { LibraryView } from '../library/library-view';
import { OrganisationPage } from '../organisations/organisation-page';
import { ProjectPage } from '../projects/project-page';
import { PersonHeader } from '../people/person-header';
import { GalleryPage } from '../galleries/gallery-page';

/** The library's grid (under an event's page when one is open), a project's history, or the suggestions. */
export function MainArea() {
  const page = useKadar((s) => s.page);
  if (page.kind === 'project') return <ProjectPage id={page.id} />;
  if (page.kind === 'suggestions') return <SuggestionsView />;
  if (page.kind === 'organisation') return <OrganisationPage id={page.id} />;
  if (page.kind === 'gallery') return <GalleryPage id={page.id} />;
  return (
    <>
      {page.kind === 'event' && <EventHeader id={page.id} />}
      {page.kind === 'person' && <PersonHeader id={page.id} />}
      <LibraryView />
    </>
  );
}
