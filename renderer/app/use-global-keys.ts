import { useEffect } from 'react';
import { useKadar } from '../store/store';

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

/**
 * Window-wide keys: the viewer's ←/→/Esc, Ctrl/Cmd-A and Esc for the selection, and M to
 * move the selection to an event. The
 * grid's own arrow keys work only when it has focus; these work from anywhere but a field.
 */
export function useGlobalKeys(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const s = useKadar.getState();
      // An open dialog handles its own keys (Esc closes it).
      if (s.panel != null) return;
      if (s.viewerId != null) {
        const action = {
          ArrowLeft: () => s.stepViewer(-1),
          ArrowRight: () => s.stepViewer(1),
          Escape: () => s.closeViewer(),
        }[e.key];
        if (action) {
          e.preventDefault();
          action();
        }
        return;
      }
      if (isTyping(e.target)) return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') {
        e.preventDefault();
        s.selectAll();
      } else if (e.key === 'Escape') {
        s.clearSelection();
      } else if (e.key.toLowerCase() === 'm' && !e.ctrlKey && !e.metaKey && s.selected.size > 0) {
        e.preventDefault();
        s.openPanel('move-to-event');
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
