import { useState } from 'react';
import { isDatePrefix } from '../../shared/api/date-prefix';

interface DateInputProps {
  id: string;
  label: string;
  value: string | undefined;
  onCommit: (value: string | undefined) => void;
  testId: string;
}

/**
 * A day, month or year (YYYY-MM-DD, YYYY-MM, YYYY), applied on Enter or leaving the field.
 * Remount it (key) when the value changes elsewhere, e.g. from the date tree.
 */
export function DateInput({ id, label, value, onCommit, testId }: DateInputProps) {
  const [draft, setDraft] = useState(value ?? '');
  const trimmed = draft.trim();
  const valid = trimmed === '' || isDatePrefix(trimmed);

  const commit = () => {
    if (valid && trimmed !== (value ?? '')) onCommit(trimmed || undefined);
  };

  return (
    <div className="date-input">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        placeholder="YYYY-MM-DD"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
        aria-invalid={!valid}
        aria-describedby={valid ? undefined : `${id}-error`}
        data-testid={testId}
      />
      {!valid && (
        <span id={`${id}-error`} className="field-error">
          Use YYYY, YYYY-MM or YYYY-MM-DD
        </span>
      )}
    </div>
  );
}
