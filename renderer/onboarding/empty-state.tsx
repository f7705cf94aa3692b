import { useShallow } from 'zustand/react/shallow';
import { useAddFolder } from '../folders/use-add-folder';
import { useKadar } from '../store/store';
import './empty-state.css';

/** The first run: what Kadar is, and the two ways to begin. */
export function EmptyState() {
  const addFolder = useAddFolder();
  const { sampleAvailable, openSample } = useKadar(
    useShallow((s) => ({
      sampleAvailable: s.info?.sampleAvailable ?? false,
      openSample: s.openSample,
    })),
  );

  return (
    <section className="empty-state" data-testid="empty-state" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Welcome to Kadar</h1>
      <p className="lead">
        Kadar keeps one catalog of your organisation’s photos — from every event and project — on
        this computer, so anyone in the office can find them again.
      </p>
      <ol className="steps">
        <li>
          <strong>Add the folders</strong> where your photos are: on this computer, an external disk
          or a network drive. Kadar only reads them; it never moves, renames or uploads a file.
        </li>
        <li>
          <strong>Kadar indexes them</strong>: dates, cameras, places and thumbnails. A large
          archive takes a while — you can browse while it works.
        </li>
        <li>
          <strong>Search in any spelling</strong>: “Nis”, “Niš” and “Ниш” find the same photos.
        </li>
      </ol>
      <div className="empty-actions">
        <button
          type="button"
          className="button button-primary button-large"
          onClick={addFolder}
          data-testid="empty-add-folder"
        >
          Add a folder…
        </button>
        {sampleAvailable && (
          <button
            type="button"
            className="button button-large"
            onClick={() => void openSample()}
            data-testid="open-sample"
          >
            Open the sample archive
          </button>
        )}
      </div>
      {sampleAvailable && (
        <p className="hint">
          The sample archive holds ten photos of events in Niš, Štip, Vranje and Leskovac, to try
          Kadar before adding your own.
        </p>
      )}
    </section>
  );
}
