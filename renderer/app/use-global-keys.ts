import { useEffect } from 'react';
import { applyCulling, cullingEdit } from '../describe/culling-keys';
import { useKadar } from '../store/store';
import type { Panel } from '../store/view-slice';
import { targetPhotos } from '../tags/use-target-photos';

function isTyping(target: EventTarget | null): boolean {
  // A checkbox just clicked keeps the focus, but takes no typing.
  return (
    (target instanceof HTMLInputElement &&
      !['checkbox', 'radio', 'button'].includes(target.type)) ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

/**
 * Window-wide keys: the viewer's ←/→/Esc, Ctrl/Cmd-A and Esc for the selection, M to move the
 * selection to an event, and the culling keys (0–5, P/X/U, 6–9) for the viewer's photo, else
 * the selection, else the focused photo. The
 * grid's own arrow keys work only when it has focus; these work from anywhere but a field.
 */
/** The dialogs that describe photos, by their keys: Ctrl/Cmd-K tags, -P people, -Shift-C caption. */
function describeKey(e: KeyboardEvent): Panel | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'k' && !e.shiftKey) return 'tag-box';
  if (key === 'p' && !e.shiftKey) return 'people-box';
  if (key === 'c' && e.shiftKey) return 'caption';
  return null;
}

export function useGlobalKeys(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const s = useKadar.getState();
      // An open dialog handles its own keys (Esc closes it).
      if (s.panel != null) return;
      const describe = isTyping(e.target) ? null : describeKey(e);
      if (describe && targetPhotos(s).length > 0) {
        e.preventDefault();
        s.openPanel(describe);
        return;
      }
      const culling = isTyping(e.target) ? null : cullingEdit(e);
      if (s.viewerId != null) {
        if (culling) {
          e.preventDefault();
          void applyCulling([s.viewerId], culling);
          if (s.autoAdvance) s.stepViewer(1);
          return;
        }
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
      if (culling) {
        e.preventDefault();
        void applyCulling(targetPhotos(s), culling);
        return;
      }
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') {
        e.preventDefault();
        s.selectAll();
      } else if (e.key === '?') {
        s.openPanel('shortcuts');
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
