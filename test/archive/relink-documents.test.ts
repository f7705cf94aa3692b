import { copyFileSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { callApi } from '../../electron/api/dispatch';
import { createKadarApi } from '../../electron/api/kadar-api';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

afterAll(removeTempDirs);

const sample = fileURLToPath(new URL('../../assets/sample/', import.meta.url));

describe('documents linked in place', () => {
  it('follow their file when a rescan finds it moved, within its library folder or to another', async () => {
    const library = tempDir();
    const other = tempDir();
    mkdirSync(join(library, '2015', 'Documents'), { recursive: true });
    copyFileSync(
      join(sample, 'photos/2015/2015-11-28 Modna revija Štip/DSC_2208.JPG'),
      join(library, '2015', 'DSC_2208.JPG'),
    );
    const agenda = join(library, '2015', 'Documents', 'agenda.pdf');
    const invitation = join(library, '2015', 'Documents', 'invitation.pdf');
    copyFileSync(join(sample, 'documents/agenda-cluster-training-nis.pdf'), agenda);
    copyFileSync(join(sample, 'documents/invitation-fashion-show-stip.pdf'), invitation);

    const api = createKadarApi({ catalogPath: join(tempDir(), 'catalog.sqlite'), threads: 1 });
    try {
      const call = <M extends Parameters<typeof callApi>[1]>(
        m: M,
        input: Parameters<typeof callApi<M>>[2],
      ) => callApi(api.handlers, m, input);
      await call('roots.add', { path: library });
      await call('index.start', {});
      await api.indexing.idle();
      const event = await call('events.create', { title: 'Fashion show', startsOn: '2015-11-28' });
      const [linkedAgenda, linkedInvitation] = await call('documents.attach', {
        owner: { eventId: event.id },
        sources: [
          { path: agenda, link: true },
          { path: invitation, link: true },
        ],
      });

      // The agenda moves to another folder; the invitation's drive "goes away" (deleted here).
      mkdirSync(join(library, 'Archive', 'Agendas'), { recursive: true });
      const moved = join(library, 'Archive', 'Agendas', 'agenda.pdf');
      renameSync(agenda, moved);
      rmSync(invitation);
      await call('index.start', {});
      await api.indexing.idle();

      expect((await api.documentFile('file', linkedAgenda!.id))?.path).toBe(moved);
      const listed = async () =>
        (await call('documents.list', { eventId: event.id })).map((d) => [d.path, d.missing]);
      expect(await listed()).toEqual([
        [moved, false],
        [invitation, true],
      ]);
      // The vanished one keeps its place, shows as missing and is not served until it is back.
      expect(await api.documentFile('file', linkedInvitation!.id)).toBeNull();
      copyFileSync(join(sample, 'documents/invitation-fashion-show-stip.pdf'), invitation);
      expect(await listed()).toEqual([
        [moved, false],
        [invitation, false],
      ]);
      expect((await api.documentFile('file', linkedInvitation!.id))?.path).toBe(invitation);

      // Moved to another library folder: found when that folder is scanned.
      const elsewhere = join(other, 'Invitations', 'invitation.pdf');
      mkdirSync(join(other, 'Invitations'));
      renameSync(invitation, elsewhere);
      await call('roots.add', { path: other });
      await call('index.start', {});
      await api.indexing.idle();
      expect(await listed()).toEqual([
        [moved, false],
        [elsewhere, false],
      ]);
      expect((await api.documentFile('file', linkedInvitation!.id))?.path).toBe(elsewhere);
    } finally {
      await api.close();
    }
  });
});
