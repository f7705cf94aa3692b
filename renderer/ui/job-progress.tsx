import type { ReactNode } from 'react';

/**
 * Long work under way (an export, sidecars, a backup): a bar, a line saying how far it is, and
 * the button that stops it. A step with no parts (`max` null) runs the bar without a value.
 */
export function JobProgress({
  testId,
  phase,
  value,
  max,
  children,
  onCancel,
  cancelLabel = 'Cancel',
  cancelTestId,
}: {
  testId: string;
  phase?: string;
  value: number;
  max: number | null;
  children: ReactNode;
  onCancel: () => void;
  cancelLabel?: string;
  cancelTestId: string;
}) {
  return (
    <div className="export-progress" data-testid={testId} data-phase={phase}>
      {max != null ? <progress max={max} value={value} /> : <progress />}
      <p>{children}</p>
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel} data-testid={cancelTestId}>
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}
