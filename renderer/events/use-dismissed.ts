import { useCallback, useState } from 'react';

const storageKey = 'kadar.dismissedSuggestions';

function load(): Set<string> {
  try {
    const keys: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '[]');
    return new Set(Array.isArray(keys) ? keys.map(String) : []);
  } catch {
    return new Set();
  }
}

/** Suggestions the user dropped, remembered on this machine: they are UI state, not archive. */
export function useDismissed(): [ReadonlySet<string>, (key: string) => void] {
  const [dismissed, setDismissed] = useState(load);
  const dismiss = useCallback((key: string) => {
    setDismissed((previous) => {
      const next = new Set(previous).add(key);
      localStorage.setItem(storageKey, JSON.stringify([...next].slice(-2000)));
      return next;
    });
  }, []);
  return [dismissed, dismiss];
}
