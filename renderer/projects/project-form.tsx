import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Project, ProjectFields } from '../../shared/api/domains/projects';
import { partnerRoles, type PartnerRole } from '../../shared/api/partner-roles';
import { useApi, useApiAction } from '../api/server-data';
import { eventDates } from '../events/event-dates';
import { useKadar } from '../store/store';
import { FormActions } from '../ui/form-actions';
import { Modal } from '../ui/modal';

interface PartnerDraft {
  name: string;
  role: PartnerRole;
  country: string;
}

/** Creates or edits a project: its facts, its partners (new names become organisations), its events. */
export function ProjectForm() {
  const { editing, closePanel, openPage } = useKadar(
    useShallow((s) => ({ editing: s.editing, closePanel: s.closePanel, openPage: s.openPage })),
  );
  const existing = useApi('projects.get', { id: editing.id ?? 0 }, { enabled: editing.id != null });
  if (editing.id != null && !existing.data) return null;
  return (
    <ProjectFormBody
      project={existing.data}
      onClose={closePanel}
      onDone={(id) => {
        closePanel();
        openPage({ kind: 'project', id });
      }}
    />
  );
}

function ProjectFormBody(props: {
  project: Project | undefined;
  onClose: () => void;
  onDone: (id: number) => void;
}) {
  const p = props.project;
  const [fields, setFields] = useState({
    name: p?.name ?? '',
    code: p?.code ?? '',
    programme: p?.programme ?? '',
    startsOn: p?.startsOn ?? '',
    endsOn: p?.endsOn ?? '',
    description: p?.description ?? '',
    creator: p?.creator ?? '',
    credit: p?.credit ?? '',
    copyright: p?.copyright ?? '',
  });
  const [partners, setPartners] = useState<PartnerDraft[]>(
    p?.partners.map((x) => ({ name: x.name, role: x.role, country: x.country ?? '' })) ?? [],
  );
  const [eventIds, setEventIds] = useState<Set<number>>(new Set(p?.eventIds ?? []));
  const [error, setError] = useState<string | null>(null);
  const events = useApi('events.list', {});
  const create = useApiAction('projects.create');
  const update = useApiAction('projects.update');
  const link = useApiAction('projects.linkEvents');
  const unlink = useApiAction('projects.unlinkEvents');

  const orNull = (v: string) => (v.trim() ? v.trim() : null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const values: ProjectFields = {
      name: fields.name,
      code: orNull(fields.code),
      programme: orNull(fields.programme),
      startsOn: orNull(fields.startsOn),
      endsOn: orNull(fields.endsOn),
      description: orNull(fields.description),
      creator: orNull(fields.creator),
      credit: orNull(fields.credit),
      copyright: orNull(fields.copyright),
    };
    const partnerInput = partners
      .filter((x) => x.name.trim())
      .map((x) => ({
        name: x.name,
        role: x.role,
        ...(x.country.trim() ? { country: x.country } : {}),
      }));
    try {
      if (!p) {
        const made = await create.mutateAsync({
          ...values,
          partners: partnerInput,
          ...(eventIds.size ? { eventIds: [...eventIds] } : {}),
        });
        return props.onDone(made.id);
      }
      await update.mutateAsync({ id: p.id, patch: values, partners: partnerInput });
      const added = [...eventIds].filter((id) => !p.eventIds.includes(id));
      const removed = p.eventIds.filter((id) => !eventIds.has(id));
      if (added.length) await link.mutateAsync({ projectId: p.id, eventIds: added });
      if (removed.length) await unlink.mutateAsync({ projectId: p.id, eventIds: removed });
      props.onDone(p.id);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  const input = (name: keyof typeof fields, label: string, type = 'text') => (
    <span>
      <label htmlFor={`project-${name}`}>{label}</label>
      <input
        id={`project-${name}`}
        type={type}
        value={fields[name]}
        onChange={(e) => setFields({ ...fields, [name]: e.target.value })}
        required={name === 'name'}
      />
    </span>
  );

  return (
    <Modal
      title={p ? 'Edit project' : 'New project'}
      onClose={props.onClose}
      testId="project-form"
      wide
    >
      <form className="form" onSubmit={(e) => void submit(e)}>
        {input('name', 'Name')}
        <div className="form-row">
          {input('code', 'Code')}
          {input('programme', 'Funding programme')}
        </div>
        <div className="form-row">
          {input('startsOn', 'Starts', 'date')}
          {input('endsOn', 'Ends', 'date')}
        </div>
        <div className="form-row" title="For its events' photos that do not say their own">
          {input('creator', 'Photos by')}
          {input('credit', 'Credit')}
          {input('copyright', 'Copyright')}
        </div>
        <fieldset className="partners-edit">
          <legend>Partners</legend>
          {partners.map((partner, i) => (
            <div className="form-row" key={i} data-testid="partner-row">
              <input
                aria-label="Organisation"
                placeholder="Organisation"
                value={partner.name}
                onChange={(e) =>
                  setPartners(
                    partners.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)),
                  )
                }
              />
              <select
                aria-label="Role"
                value={partner.role}
                onChange={(e) =>
                  setPartners(
                    partners.map((x, j) =>
                      j === i ? { ...x, role: e.target.value as PartnerRole } : x,
                    ),
                  )
                }
              >
                {partnerRoles.map((role) => (
                  <option key={role}>{role}</option>
                ))}
              </select>
              <input
                aria-label="Country"
                placeholder="Country"
                value={partner.country}
                onChange={(e) =>
                  setPartners(
                    partners.map((x, j) => (j === i ? { ...x, country: e.target.value } : x)),
                  )
                }
              />
              <button
                type="button"
                className="icon-button"
                aria-label="Remove partner"
                onClick={() => setPartners(partners.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button"
            onClick={() =>
              setPartners([
                ...partners,
                { name: '', role: partners.length ? 'partner' : 'lead', country: '' },
              ])
            }
            data-testid="add-partner"
          >
            Add partner
          </button>
        </fieldset>
        <fieldset className="events-pick">
          <legend>Events</legend>
          <ul>
            {(events.data ?? []).map((e) => (
              <li key={e.id}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={eventIds.has(e.id)}
                    onChange={(x) => {
                      const next = new Set(eventIds);
                      if (x.target.checked) next.add(e.id);
                      else next.delete(e.id);
                      setEventIds(next);
                    }}
                    data-testid="project-event"
                    data-event-id={e.id}
                  />
                  {e.title} <span className="muted">{eventDates(e)}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <FormActions
          error={error}
          submitLabel={p ? 'Save' : 'Create project'}
          submitTestId="save-project"
          onCancel={props.onClose}
        />
      </form>
    </Modal>
  );
}
