import { useShallow } from 'zustand/react/shallow';
import { Sidebar } from '../sidebar/sidebar';
import { Notices } from '../status/notices';
import { StatusBar } from '../status/status-bar';
import { useKadar } from '../store/store';
import { Viewer } from '../viewer/viewer';
import { useApiEvents } from './use-api-events';
import { MainArea } from './main-area';
import { Panels } from './panels';
import { useGlobalKeys } from './use-global-keys';
import { useHistoryKeys } from '../history/use-history-keys';

/** Sidebar | grid, the status bar below, and the viewer and dialogs over them. */
export function App() {
  useApiEvents();
  useGlobalKeys();
  useHistoryKeys();
  const { ready, bootError } = useKadar(
    useShallow((s) => ({ ready: s.info != null, bootError: s.bootError })),
  );

  if (bootError) {
    return (
      <div className="app-message" role="alert" data-testid="boot-error">
        <h1>Kadar could not open the catalog</h1>
        <p>{bootError}</p>
      </div>
    );
  }
  if (!ready) {
    return (
      <div className="app-message" role="status">
        Opening the catalog…
      </div>
    );
  }
  return (
    <div className="app">
      <Sidebar />
      <main className="main">
        <MainArea />
      </main>
      <StatusBar />
      <Viewer />
      <Panels />
      <Notices />
    </div>
  );
}
