import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApiAction } from '../api/server-data';
import { errorMessage } from '../store/error-message';
import { useKadar } from '../store/store';
import { FormActions } from '../ui/form-actions';
import { Modal } from '../ui/modal';

/** Names the current filters and search, to keep in the sidebar. */
export function SaveSearch() {
  const { filter, closePanel } = useKadar(
    useShallow((s) => ({ filter: s.filter, closePanel: s.closePanel })),
  );
  const save = useApiAction('searches.save');
  const [name, setName] = useState(filter.search ?? '');
  const [error, setError] = useState<string | null>(null);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutateAsync({ name, filter }).then(closePanel, (f: unknown) => setError(errorMessage(f)));
  };
  return (
    <Modal title="Save this search" onClose={closePanel} testId="save-search-dialog">
      <form className="form" onSubmit={onSubmit}>
        <label htmlFor="search-name">Name</label>
        <input
          id="search-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          data-testid="search-name"
        />
        <FormActions
          error={error}
          submitLabel="Save"
          submitTestId="save-search-submit"
          onCancel={closePanel}
        />
      </form>
    </Modal>
  );
}
