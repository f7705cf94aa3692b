import { useKadar } from '../store/store';
import { Modal } from '../ui/modal';
import '../describe/culling.css';

const shortcuts: [string, string][] = [
  ['← → ↑ ↓', 'Move through the photos'],
  ['Shift + arrows, Space', 'Select'],
  ['Enter', 'Open the photo; ← → in the viewer, Esc back'],
  ['Ctrl/⌘ + A', 'Select all'],
  ['0 – 5', 'Rating (in the viewer: then the next photo, with auto-advance)'],
  ['P / X / U', 'Pick, reject, unflag'],
  ['6 / 7 / 8 / 9', 'Label red, yellow, green, blue'],
  ['Ctrl/⌘ + K', 'Tags of the selection'],
  ['Ctrl/⌘ + P', 'People in the selection'],
  ['Ctrl/⌘ + Shift + C', 'Caption the selection'],
  ['M', 'Move the selection to an event'],
  ['Ctrl/⌘ + Z, Ctrl/⌘ + Shift + Z', 'Undo, redo'],
  ['?', 'This list'],
];

/** `?`: every keyboard shortcut. */
export function ShortcutsHelp() {
  const closePanel = useKadar((s) => s.closePanel);
  return (
    <Modal title="Keyboard shortcuts" onClose={closePanel} testId="shortcuts">
      <table className="shortcuts">
        <tbody>
          {shortcuts.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
