import { useKadar } from '../store/store';

/**
 * "Add a folder…": the desktop app has a native picker; in a browser the page cannot see
 * the file system, so a dialog asks for the path instead.
 */
export function useAddFolder(): () => void {
  const electron = useKadar((s) => s.info?.shell === 'electron');
  const pickAndAddFolder = useKadar((s) => s.pickAndAddFolder);
  const openPanel = useKadar((s) => s.openPanel);
  return electron ? () => void pickAndAddFolder() : () => openPanel('add-folder');
}
