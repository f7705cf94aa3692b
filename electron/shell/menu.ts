import { Menu, app, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  addFolder: () => void;
  openSample: () => void;
  rescan: () => void;
  showCatalogFolder: () => void;
}

/** The application menu with the shortcuts people expect on each platform. */
export function buildMenu(actions: MenuActions, isDev: boolean): Menu {
  const mac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Add Folder…', accelerator: 'CmdOrCtrl+O', click: actions.addFolder },
        { label: 'Rescan Library', accelerator: 'F5', click: actions.rescan },
        { type: 'separator' },
        { label: 'Open the Sample Archive', click: actions.openSample },
        { label: 'Show Catalog Folder', click: actions.showCatalogFolder },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        ...(isDev
          ? [
              { role: 'reload' as const },
              { role: 'toggleDevTools' as const },
              { type: 'separator' as const },
            ]
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: `About ${app.getName()}`, click: () => app.showAboutPanel() }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
