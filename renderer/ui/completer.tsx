import { useState, type KeyboardEvent } from 'react';
import './completer.css';

export interface CompleterOption {
  key: string;
  label: string;
}

interface CompleterProps {
  options: readonly CompleterOption[];
  typed: string;
  onType: (typed: string) => void;
  /** Enter or a click on an option. */
  onChoose: (index: number) => void;
  placeholder: string;
  label: string;
  testId: string;
}

/** A text box with a list of completions: ↑/↓ choose, Enter takes the chosen one. */
export function Completer({
  options,
  typed,
  onType,
  onChoose,
  placeholder,
  label,
  testId,
}: CompleterProps) {
  const [highlight, setHighlight] = useState(0);
  const listId = `${testId}-options`;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setHighlight((h) => Math.max(0, Math.min(options.length - 1, h + step)));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      onChoose(Math.min(highlight, options.length - 1));
      setHighlight(0);
    }
  };
  return (
    <>
      <input
        className="completer-input"
        value={typed}
        placeholder={placeholder}
        aria-label={label}
        role="combobox"
        aria-expanded={options.length > 0}
        aria-controls={listId}
        onChange={(e) => {
          onType(e.target.value);
          setHighlight(0);
        }}
        onKeyDown={onKeyDown}
        data-testid={testId}
      />
      <ul id={listId} role="listbox" className="completer-options" aria-label={label}>
        {options.map((o, i) => (
          <li
            key={o.key}
            role="option"
            aria-selected={i === highlight}
            className={
              i === highlight ? 'completer-option completer-option-active' : 'completer-option'
            }
            onMouseDown={(e) => {
              e.preventDefault();
              onChoose(i);
            }}
            data-testid={`${testId}-option`}
          >
            {o.label}
          </li>
        ))}
      </ul>
    </>
  );
}
