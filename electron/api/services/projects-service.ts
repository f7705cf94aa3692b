import { listEvents } from '../../catalog/events-repo';
import {
  createProject,
  deleteProject,
  linkEvents,
  listProjects,
  requireProject,
  setPartners,
  unlinkEvents,
  updateProject,
} from '../../catalog/projects-repo';
import type { projectMethods, ProjectTimeline } from '../../../shared/api/domains/projects';
import { foldText } from '../../../shared/text/fold-text';
import { findTown } from '../../../shared/text/towns';
import type { ApiContext, DomainHandlers } from '../api-context';
import { count, quoted } from './labels';

export function projectsService(ctx: ApiContext): DomainHandlers<typeof projectMethods> {
  const { db } = ctx;
  return {
    'projects.list': () => listProjects(db),
    'projects.get': ({ id }) => requireProject(db, id),
    'projects.timeline': ({ id }) => projectTimeline(ctx, id),
    'projects.create': ({ partners, eventIds, ...fields }) => {
      const id = ctx.edit(`Create project ${quoted(fields.name)}`, (edit) => {
        const created = createProject(edit, fields);
        if (partners) setPartners(edit, created, partners);
        if (eventIds) linkEvents(edit, created, eventIds);
        return created;
      });
      return requireProject(db, id);
    },
    'projects.update': ({ id, patch, partners }) => {
      const before = requireProject(db, id);
      ctx.edit(`Edit project ${quoted(patch.name ?? before.name)}`, (edit) => {
        updateProject(edit, id, patch);
        if (partners) setPartners(edit, id, partners);
      });
      return requireProject(db, id);
    },
    'projects.delete': ({ id }) => {
      const project = requireProject(db, id);
      return {
        deleted: ctx.edit(`Delete project ${quoted(project.name)}`, (edit) =>
          deleteProject(edit, id),
        ),
      };
    },
    'projects.linkEvents': ({ projectId, eventIds }) => {
      const project = requireProject(db, projectId, 'projectId');
      ctx.edit(`Add ${count(eventIds.length, 'event')} to ${quoted(project.name)}`, (edit) =>
        linkEvents(edit, projectId, eventIds),
      );
      return requireProject(db, projectId);
    },
    'projects.unlinkEvents': ({ projectId, eventIds }) => {
      const project = requireProject(db, projectId, 'projectId');
      ctx.edit(`Remove ${count(eventIds.length, 'event')} from ${quoted(project.name)}`, (edit) =>
        unlinkEvents(edit, projectId, eventIds),
      );
      return requireProject(db, projectId);
    },
  };
}

/** A project's history: its events oldest first, and the totals the office reports. */
function projectTimeline(ctx: ApiContext, id: number): ProjectTimeline {
  const project = requireProject(ctx.db, id);
  const timeline = listEvents(ctx.db, { projectId: id });
  // "Niš", "Nis" and "Ниш" are one town.
  const towns = new Set(
    timeline.flatMap((e) => (e.city ? [findTown(e.city)?.name ?? foldText(e.city)] : [])),
  );
  return {
    project,
    events: timeline,
    totals: {
      events: timeline.length,
      photos: timeline.reduce((n, e) => n + e.photoCount, 0),
      documents: project.documents.length + timeline.reduce((n, e) => n + e.documents.length, 0),
      towns: towns.size,
      partners: project.partners.length,
    },
  };
}
