import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { cliEvents, cliPhotos, cliProjects } from './catalog-cli';
import { openKadar, snap } from './grid-page';
import { startKadarHost, type KadarHost } from './kadar-host';

// The sample's photos, in folders named as the office names them, indexed without events.
const samplePhotos = fileURLToPath(new URL('../../assets/sample/photos/', import.meta.url));
const invitation = fileURLToPath(
  new URL('../../assets/sample/documents/invitation-fashion-show-stip.pdf', import.meta.url),
);

let host: KadarHost;

// The second flow goes on from the archive the first one made.
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  host = await startKadarHost({ index: [samplePhotos] });
});

test.afterAll(async () => {
  await host?.stop();
});

const undo = (page: Page) => page.keyboard.press('Control+z');
const redo = (page: Page) => page.keyboard.press('Control+Shift+z');
const eventRow = (page: Page, title: string) =>
  page.getByTestId('event-row').filter({ hasText: title });

test('an event from a suggestion, its document, a project, photos dropped in; undo and redo each; all kept after a restart', async ({
  page,
}) => {
  await openKadar(page, host.url);

  // Suggestions: the Štip fashion show's folder makes one; Enter accepts the focused one.
  await page.getByTestId('open-suggestions').click();
  const show = page.getByTestId('suggestion').filter({
    has: page.locator('input[value="Modna revija Štip"]'),
  });
  await expect(show).toHaveAttribute('data-photo-count', '3');
  await snap(page, 'archive-suggestions');
  await show.locator('.muted').click();
  await page.keyboard.press('Enter');
  await expect(eventRow(page, 'Modna revija Štip')).toHaveAttribute('data-count', '3');
  await expect(show).toHaveCount(0);
  // Undo and redo the accept.
  await page.locator('body').click({ position: { x: 700, y: 5 } });
  await undo(page);
  await expect(eventRow(page, 'Modna revija Štip')).toHaveCount(0);
  await redo(page);
  await expect(eventRow(page, 'Modna revija Štip')).toHaveAttribute('data-count', '3');

  // Rename it on its page.
  await eventRow(page, 'Modna revija Štip').click();
  await page.getByTestId('edit-event').click();
  await page.getByTestId('event-title-input').fill('Textile Cluster Fashion Show');
  await page.locator('#event-venue').fill('Cultural Centre');
  await page.getByTestId('save-event').click();
  await expect(page.getByTestId('event-title')).toHaveText('Textile Cluster Fashion Show');
  await undo(page);
  await expect(page.getByTestId('event-title')).toHaveText('Modna revija Štip');
  await redo(page);
  await expect(page.getByTestId('event-title')).toHaveText('Textile Cluster Fashion Show');

  // Attach the invitation: its first page shows, and it opens in the viewer.
  await page.getByTestId('attach-input').setInputFiles(invitation);
  const thumb = page.getByTestId('document-thumb');
  await expect(thumb).toBeVisible();
  await expect
    .poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(50);
  await snap(page, 'archive-event-page');
  await thumb.click();
  const viewer = page.getByRole('dialog', { name: 'invitation-fashion-show-stip' });
  await expect(viewer.locator('canvas').first()).toBeVisible();
  await snap(page, 'archive-pdf-viewer');
  await page.keyboard.press('Escape');
  await expect(viewer).toHaveCount(0);
  // A word only the invitation says finds the event's photos.
  await page.getByTestId('search-input').fill('kyustendil');
  await expect(page.getByTestId('photo-cell')).toHaveCount(0);
  await page.getByTestId('search-input').fill('capacities');
  await expect(page.getByTestId('photo-cell')).toHaveCount(3);
  await page.getByTestId('search-input').fill('');
  await expect(page.getByTestId('photo-cell')).toHaveCount(3);
  // Ctrl+Z in the search box undoes its typing; out of it, the archive's last step.
  await page.getByTestId('search-input').blur();
  await undo(page);
  await expect(page.getByTestId('document')).toHaveCount(0);
  await redo(page);
  await expect(page.getByTestId('document')).toHaveCount(1);

  // A project with two partners, linked to the event: its timeline shows it.
  await page.getByTestId('new-project').click();
  await page.locator('#project-name').fill('Strengthening textile industry capacities');
  await page.locator('#project-code').fill('CB007.2013');
  await page.locator('#project-programme').fill('IPA Bulgaria–Macedonia');
  for (const [name, role, country] of [
    ['Textile Cluster', 'lead', 'North Macedonia'],
    ['BSC Kyustendil', 'partner', 'Bulgaria'],
  ] as const) {
    await page.getByTestId('add-partner').click();
    const row = page.getByTestId('partner-row').last();
    await row.getByLabel('Organisation').fill(name);
    await row.getByLabel('Role').selectOption(role);
    await row.getByLabel('Country').fill(country);
  }
  const eventId = (await cliEvents(host.catalog)).find(
    (e) => e.title === 'Textile Cluster Fashion Show',
  )!.id;
  await page.locator(`[data-testid="project-event"][data-event-id="${eventId}"]`).check();
  await page.getByTestId('save-project').click();
  const timeline = page.getByTestId('timeline-event');
  await expect(page.getByTestId('project-name')).toHaveText(
    'Strengthening textile industry capacities',
  );
  await expect(timeline).toHaveCount(1);
  await expect(timeline.getByTestId('timeline-photo-count')).toHaveText('3');
  await expect(timeline.getByTestId('timeline-document')).toHaveText(
    'invitation-fashion-show-stip',
  );
  await expect(page.getByTestId('partner')).toHaveText([
    'Textile Cluster lead, North Macedonia',
    'BSC Kyustendil partner, Bulgaria',
  ]);
  await expect(page.getByTestId('project-totals')).toHaveText(
    '1 event · 3 photos · 1 document · 1 town · 2 partners',
  );
  await snap(page, 'archive-project-timeline');
  await undo(page);
  await expect(page.getByTestId('project-row')).toHaveCount(0);
  await redo(page);
  await expect(page.getByTestId('project-row')).toHaveCount(1);

  // Drag a photo in no event onto the event in the sidebar.
  await page.getByTestId('filter-no-event').click();
  const loose = await cliPhotos(host.catalog, ['--no-event']);
  expect(loose).toHaveLength(7);
  // Named, not the first listed: ids follow the order the index run finished its files in,
  // and the news item of the next flow takes its listed photos (DSC_1120, P1000123) out of
  // whatever event holds them, which would leave this one with three.
  const training = loose.find((p) => p.fileName === 'DSC_0412.JPG')!;
  const dragged = page.locator(`[data-photo-id="${training.id}"]`);
  await dragged.dragTo(eventRow(page, 'Textile Cluster Fashion Show'));
  await expect(eventRow(page, 'Textile Cluster Fashion Show')).toHaveAttribute('data-count', '4');
  await expect(page.locator(`[data-photo-id="${training.id}"]`)).toHaveCount(0);
  await undo(page);
  await expect(eventRow(page, 'Textile Cluster Fashion Show')).toHaveAttribute('data-count', '3');
  await redo(page);
  await expect(eventRow(page, 'Textile Cluster Fashion Show')).toHaveAttribute('data-count', '4');

  // A restart keeps it all: events, photos in them, the document, the project.
  await host.stop({ keep: true });
  host = await startKadarHost({ dir: host.dir });
  const events = await cliEvents(host.catalog);
  expect(
    events.map((e) => [e.title, e.venue, e.photoCount, e.documents.map((d) => d.title)]),
  ).toEqual([
    ['Textile Cluster Fashion Show', 'Cultural Centre', 4, ['invitation-fashion-show-stip']],
  ]);
  const [project] = await cliProjects(host.catalog);
  expect(project).toMatchObject({ code: 'CB007.2013', eventIds: [eventId], photoCount: 4 });
  await openKadar(page, host.url);
  await eventRow(page, 'Textile Cluster Fashion Show').click();
  await expect(page.getByTestId('event-title')).toHaveText('Textile Cluster Fashion Show');
  await expect(page.getByTestId('document')).toHaveCount(1);
  await page.getByTestId('event-project').click();
  await expect(page.getByTestId('timeline-event')).toHaveCount(1);
});

test('a news item becomes its events with their listed photos; events merge and split; an organisation shows its projects', async ({
  page,
}) => {
  await openKadar(page, host.url);
  await page.getByTestId('import-news').click();
  await page
    .getByTestId('news-text')
    .fill(
      [
        'Furniture-RE info days in Vranje and Leskovac',
        '',
        'Info days of the Furniture-RE project were held on 24.11.2015 in Vranje (City Hall) and on 25.11.2015 in Leskovac (Chamber of Commerce). The next info day will be held in March 2016.',
        '',
        'Photos:',
        '- dsc_1120.jpg',
        '- p1000123.jpg',
        '- DSC_9999.JPG',
      ].join('\n'),
    );
  await page.getByTestId('read-news').click();
  const proposed = page.getByTestId('news-event');
  await expect(proposed).toHaveCount(2);
  await expect(proposed.nth(0).getByLabel('Town')).toHaveValue('Vranje');
  await expect(proposed.nth(0).getByLabel('First day')).toHaveValue('2015-11-24');
  await expect(proposed.nth(1).getByLabel('Town')).toHaveValue('Leskovac');
  await expect(page.getByTestId('news-photos')).toContainText(
    '2 listed photos found, 1 not in the catalog (DSC_9999.JPG)',
  );
  await snap(page, 'archive-news-import');
  await page.getByTestId('create-news-events').click();
  const vranje = eventRow(page, 'Leskovac – Vranje');
  const leskovac = eventRow(page, 'Leskovac – Leskovac');
  await expect(vranje).toHaveAttribute('data-count', '1');
  await expect(leskovac).toHaveAttribute('data-count', '1');

  // Merge Leskovac's event into Vranje's, then take it back.
  await leskovac.click();
  await page.getByTestId('merge-event-button').click();
  await page
    .getByTestId('merge-event')
    .getByTestId('pick-event')
    .filter({ hasText: 'Leskovac – Vranje' })
    .click();
  await expect(leskovac).toHaveCount(0);
  await expect(vranje).toHaveAttribute('data-count', '2');
  await expect(page.getByTestId('event-title')).toContainText('Vranje');
  await undo(page);
  await expect(leskovac).toHaveAttribute('data-count', '1');
  await expect(vranje).toHaveAttribute('data-count', '1');

  // Split two of the show's photos off into an event of their own.
  await eventRow(page, 'Textile Cluster Fashion Show').click();
  const cells = page.getByTestId('photo-cell');
  await expect(cells).toHaveCount(4);
  await cells.nth(0).click();
  await cells.nth(1).click({ modifiers: ['Shift'] });
  await page.getByTestId('split-event').click();
  await expect(eventRow(page, 'Textile Cluster Fashion Show')).toHaveCount(2);
  await expect(page.getByTestId('photo-cell')).toHaveCount(2);
  await undo(page);
  await expect(eventRow(page, 'Textile Cluster Fashion Show')).toHaveCount(1);
  await expect(eventRow(page, 'Textile Cluster Fashion Show')).toHaveAttribute('data-count', '4');

  // The lead partner's page lists its project; "Show its photos" filters the grid to them.
  await page.getByTestId('organisation-row').filter({ hasText: 'Textile Cluster' }).click();
  const organisation = page.getByTestId('organisation-page');
  await expect(organisation).toContainText('Strengthening textile industry capacities');
  await snap(page, 'archive-organisation');
  await page.getByTestId('organisation-photos').click();
  await expect(page.getByTestId('photo-cell')).toHaveCount(4);
});
