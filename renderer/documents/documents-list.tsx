import { useRef, useState, type DragEvent } from 'react';
import type { DocumentOwner } from '../../shared/api/domains/documents';
import { client } from '../api/client';
import { useApi, useApiAction } from '../api/server-data';
import { useKadar } from '../store/store';
import { readAsBase64 } from './read-as-base64';

/**
 * An event's or project's documents: first-page thumbnails that open in the viewer (PDFs) or
 * download (anything else), and files dropped or picked are attached (copied into the archive).
 */
export function DocumentsList({ owner }: { owner: DocumentOwner }) {
  const documents = useApi('documents.list', owner);
  const attach = useApiAction('documents.attach');
  const remove = useApiAction('documents.remove');
  const openPdf = useKadar((s) => s.openPdf);
  // The desktop app opens other files with their own app; a browser downloads them.
  const desktop = useKadar((s) => s.info?.shell === 'electron');
  const openWithApp = useApiAction('shell.openDocument');
  const picker = useRef<HTMLInputElement>(null);
  const [link, setLink] = useState(false);
  // The desktop app's picker gives paths, so a file inside a library folder can stay there.
  const pickAndAttach = async () => {
    try {
      const { paths } = await client.call('shell.pickDocuments', {});
      if (paths.length)
        await attach.mutateAsync({ owner, sources: paths.map((path) => ({ path, link })) });
    } catch (error) {
      useKadar.getState().notify(error);
    }
  };
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(0);

  // Files dropped together are one step: all attached, or none.
  const attachFiles = async (files: File[]) => {
    if (files.length === 0) return;
    setBusy((n) => n + 1);
    try {
      const sources = await Promise.all(
        files.map(async (file) => ({ fileName: file.name, dataBase64: await readAsBase64(file) })),
      );
      await attach.mutateAsync({ owner, sources });
    } catch {
      // useApiAction has told the user why.
    } finally {
      setBusy((n) => n - 1);
    }
  };
  const onDrop = (e: DragEvent) => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    setOver(false);
    void attachFiles([...e.dataTransfer.files]);
  };

  return (
    <section
      className={over ? 'documents documents-drop' : 'documents'}
      aria-label="Documents"
      data-testid="documents"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      {(documents.data ?? []).map((doc) => (
        <figure key={doc.id} className="document" data-testid="document" data-document-id={doc.id}>
          {doc.mime === 'application/pdf' ? (
            <button
              type="button"
              className="document-open"
              onClick={() => openPdf({ documentId: doc.id, title: doc.title })}
              title={`Open ${doc.fileName}`}
            >
              <img src={client.documentUrl('thumb', doc.id)} alt="" data-testid="document-thumb" />
            </button>
          ) : desktop ? (
            <button
              type="button"
              className="document-open document-file"
              onClick={() => openWithApp.mutate({ id: doc.id })}
              title={`Open ${doc.fileName} with its app`}
            >
              {doc.fileName.split('.').pop()?.toUpperCase()}
            </button>
          ) : (
            <a
              className="document-open document-file"
              href={client.documentUrl('file', doc.id, { download: true })}
              download={doc.fileName}
              title={`Download ${doc.fileName}`}
            >
              {doc.fileName.split('.').pop()?.toUpperCase()}
            </a>
          )}
          <figcaption>
            <span className="document-title">{doc.title}</span>
            <span className="document-meta">
              {doc.pageCount != null ? `${doc.pageCount} p. · ` : ''}
              {doc.storage === 'link' ? 'linked' : 'in archive'}
            </span>
            {doc.missing && (
              <span
                className="document-missing"
                title={`Not found at ${doc.path}: moved, deleted, or on a drive that is not connected`}
                data-testid="document-missing"
              >
                File not found
              </span>
            )}
            <button
              type="button"
              className="link-button"
              onClick={() => remove.mutate({ id: doc.id })}
              aria-label={`Remove ${doc.title}`}
            >
              Remove
            </button>
          </figcaption>
        </figure>
      ))}
      <div className="document document-add">
        <button
          type="button"
          className="button"
          onClick={() => (desktop ? void pickAndAttach() : picker.current?.click())}
          data-testid="attach-document"
        >
          {busy ? 'Attaching…' : 'Attach…'}
        </button>
        {desktop && (
          <label className="check document-meta">
            <input type="checkbox" checked={link} onChange={(e) => setLink(e.target.checked)} />
            Link in place
          </label>
        )}
        <span className="document-meta">or drop files here</span>
        <input
          ref={picker}
          type="file"
          multiple
          hidden
          data-testid="attach-input"
          onChange={(e) => {
            if (e.target.files) void attachFiles([...e.target.files]);
            e.target.value = '';
          }}
        />
      </div>
    </section>
  );
}
