import { CullingFilters } from '../describe/culling-filters';
import { useShallow } from 'zustand/react/shallow';
import { useApi } from '../api/server-data';
import { formatCount } from '../format/format-number';
import { useKadar } from '../store/store';
import { cameraName } from './camera-name';
import { DateInput } from './date-input';

export function FiltersPanel() {
  const { filter, cameras, setFilter } = useKadar(
    useShallow((s) => ({ filter: s.filter, cameras: s.cameras, setFilter: s.setFilter })),
  );
  const projects = useApi('projects.list', {});
  const organisations = useApi('organisations.list', {});
  const id = (value: string) => (value ? Number(value) : undefined);

  return (
    <div className="filters">
      <label htmlFor="camera-filter">Camera</label>
      <select
        id="camera-filter"
        value={filter.cameraId ?? ''}
        onChange={(e) =>
          setFilter({ cameraId: e.target.value ? Number(e.target.value) : undefined })
        }
        data-testid="camera-filter"
      >
        <option value="">All cameras</option>
        {cameras.map((camera) => (
          <option key={camera.id} value={camera.id}>
            {cameraName(camera)} ({formatCount(camera.photoCount)})
          </option>
        ))}
      </select>

      <label htmlFor="project-filter">Project</label>
      <select
        id="project-filter"
        value={filter.projectId ?? ''}
        onChange={(e) => setFilter({ projectId: id(e.target.value) })}
        data-testid="project-filter"
      >
        <option value="">All projects</option>
        {(projects.data ?? []).map((p) => (
          <option key={p.id} value={p.id}>
            {p.code ? `${p.code} · ` : ''}
            {p.name}
          </option>
        ))}
      </select>

      <label htmlFor="organisation-filter">Organisation</label>
      <select
        id="organisation-filter"
        value={filter.organisationId ?? ''}
        onChange={(e) => setFilter({ organisationId: id(e.target.value) })}
        data-testid="organisation-filter"
      >
        <option value="">All organisations</option>
        {(organisations.data ?? []).map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>

      <CullingFilters filter={filter} setFilter={setFilter} />

      <div className="date-range">
        <DateInput
          key={`from-${filter.from ?? ''}`}
          id="date-from"
          label="From"
          value={filter.from}
          onCommit={(from) => setFilter({ from })}
          testId="date-from"
        />
        <DateInput
          key={`to-${filter.to ?? ''}`}
          id="date-to"
          label="To"
          value={filter.to}
          onCommit={(to) => setFilter({ to })}
          testId="date-to"
        />
      </div>

      <label className="check">
        <input
          type="checkbox"
          checked={filter.hasGps === true}
          onChange={(e) => setFilter({ hasGps: e.target.checked || undefined })}
          data-testid="filter-gps"
        />
        Has GPS location
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={filter.noEvent === true}
          onChange={(e) => setFilter({ noEvent: e.target.checked || undefined })}
          data-testid="filter-no-event-check"
        />
        In no event
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={filter.untagged === true}
          onChange={(e) => setFilter({ untagged: e.target.checked || undefined })}
          data-testid="filter-untagged"
        />
        No tags
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={filter.noCaption === true}
          onChange={(e) => setFilter({ noCaption: e.target.checked || undefined })}
          data-testid="filter-no-caption"
        />
        No caption
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={filter.hasError === true}
          onChange={(e) => setFilter({ hasError: e.target.checked || undefined })}
          data-testid="filter-errors"
        />
        Has errors
      </label>
    </div>
  );
}
