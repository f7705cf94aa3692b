import { useShallow } from 'zustand/react/shallow';
import { client } from '../api/client';
import { PdfViewer } from '../documents/pdf-viewer';
import { EventForm } from '../events/event-form';
import { MoveToEvent } from '../events/move-to-event';
import { AddFolderDialog } from '../folders/add-folder-dialog';
import { NewsImport } from '../news/news-import';
import { ProjectForm } from '../projects/project-form';
import { ErrorsPanel } from '../status/errors-panel';
import { useKadar } from '../store/store';
import { CaptionDialog } from '../describe/caption-dialog';
import { PeopleBox } from '../people/people-box';
import { SaveSearch } from '../searches/save-search';
import { TagBox } from '../tags/tag-box';
import { TagEdit } from '../tags/tag-edit';
import { ShortcutsHelp } from './shortcuts-help';
import { ExportDialog } from '../export/export-dialog';
import { AddToGallery } from '../galleries/add-to-gallery';
import { BackupsDialog } from '../backups/backups-dialog';
import { SidecarsDialog } from '../sidecars/sidecars-dialog';

/** The dialogs over the app: one at a time, and the PDF viewer. */
export function Panels() {
  const { panel, pdf, openPdf } = useKadar(
    useShallow((s) => ({ panel: s.panel, pdf: s.pdf, openPdf: s.openPdf })),
  );
  return (
    <>
      <AddFolderDialog />
      <ErrorsPanel />
      {panel === 'event-form' && <EventForm />}
      {panel === 'project-form' && <ProjectForm />}
      {panel === 'news-import' && <NewsImport />}
      {panel === 'move-to-event' && <MoveToEvent />}
      {panel === 'tag-box' && <TagBox />}
      {panel === 'tag-edit' && <TagEdit />}
      {panel === 'people-box' && <PeopleBox />}
      {panel === 'caption' && <CaptionDialog />}
      {panel === 'save-search' && <SaveSearch />}
      {panel === 'shortcuts' && <ShortcutsHelp />}
      {panel === 'export' && <ExportDialog />}
      {panel === 'add-to-gallery' && <AddToGallery />}
      {panel === 'backups' && <BackupsDialog />}
      {panel === 'sidecars' && <SidecarsDialog />}
      {pdf && (
        <PdfViewer
          url={client.documentUrl('file', pdf.documentId)}
          title={pdf.title}
          onClose={() => openPdf(null)}
        />
      )}
    </>
  );
}
