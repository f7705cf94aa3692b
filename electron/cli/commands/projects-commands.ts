import {
  partnerRoles,
  type PartnerInput,
  type PartnerRole,
  type Project,
} from '../../../shared/api/domains/projects';
import { KadarError } from '../../../shared/errors';
import { printJson, withApi, writeOut, type GlobalOptions } from '../cli-context';

interface Json extends GlobalOptions {
  json?: boolean;
}

const line = (p: Project) =>
  `${p.id}\t${p.code ?? ''}\t${p.name}\t${p.eventIds.length} events\t${p.photoCount} photos\n`;

/** `kadar projects`: every project with its partners and events. */
export async function projectsCommand(options: Json): Promise<number> {
  return withApi(options, async (call) => {
    const projects = await call('projects.list', {});
    if (options.json) await printJson(projects);
    else await writeOut(projects.map(line).join(''));
    return 0;
  });
}

/** "NAME[:ROLE[:COUNTRY]]", as --partner takes it. */
export function parsePartner(text: string): PartnerInput {
  const [name = '', role, country] = text.split(':').map((part) => part.trim());
  if (!name) throw new KadarError('INVALID_INPUT', `--partner: "${text}" names no organisation.`);
  if (role && !(partnerRoles as readonly string[]).includes(role))
    throw new KadarError(
      'INVALID_INPUT',
      `--partner: the role "${role}" is not one of ${partnerRoles.join(', ')}.`,
    );
  return {
    name,
    role: (role || 'partner') as PartnerRole,
    ...(country ? { country } : {}),
  };
}

export interface ProjectAddOptions extends Json {
  name: string;
  code?: string;
  programme?: string;
  start?: string;
  end?: string;
  partner?: string[];
}

/** `kadar project add`: a project; partners named are found or created. */
export async function projectAddCommand(options: ProjectAddOptions): Promise<number> {
  const partners = (options.partner ?? []).map(parsePartner);
  return withApi(options, async (call) => {
    const project = await call('projects.create', {
      name: options.name,
      ...(options.code ? { code: options.code } : {}),
      ...(options.programme ? { programme: options.programme } : {}),
      ...(options.start ? { startsOn: options.start } : {}),
      ...(options.end ? { endsOn: options.end } : {}),
      ...(partners.length ? { partners } : {}),
    });
    if (options.json) await printJson(project);
    else await writeOut(line(project));
    return 0;
  });
}

/** `kadar project link`: puts an event into a project. */
export async function projectLinkCommand(
  options: Json & { project: number; event: number[] },
): Promise<number> {
  return withApi(options, async (call) => {
    const project = await call('projects.linkEvents', {
      projectId: options.project,
      eventIds: options.event,
    });
    if (options.json) await printJson(project);
    else await writeOut(line(project));
    return 0;
  });
}

/** `kadar organisations`: every organisation, with its events and projects. */
export async function organisationsCommand(options: Json): Promise<number> {
  return withApi(options, async (call) => {
    const organisations = await call('organisations.list', {});
    if (options.json) await printJson(organisations);
    else
      await writeOut(
        organisations.map((o) => `${o.id}\t${o.name}${o.city ? `, ${o.city}` : ''}\n`).join(''),
      );
    return 0;
  });
}
