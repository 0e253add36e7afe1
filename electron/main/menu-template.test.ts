import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import type { MenuCommand } from '../../bridge/api'
import { buildMenuTemplate, type MenuActions } from './menu-template'

function setup(recentFiles: string[] = ['/home/me/model.gradsheet'], platform: NodeJS.Platform = 'linux') {
  const sent: MenuCommand[] = []
  const actions: string[] = []
  const menuActions: MenuActions = {
    send: (command) => void sent.push(command),
    newWindow: () => void actions.push('new window'),
    closeWindow: () => void actions.push('close window'),
    quit: () => void actions.push('quit'),
    clearRecent: () => void actions.push('clear recent'),
  }
  const template = buildMenuTemplate({
    platform,
    recentFiles,
    examples: [{ id: 'reference-example-1', title: 'Reference example 1' }, { id: 'reference-example-2', title: 'Reference example 2' }],
    actions: menuActions,
  })
  return { template, sent, actions }
}

function menu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const found = template.find((item) => item.label?.replace('&', '') === label)
  expect(found, label).toBeDefined()
  return found!.submenu as MenuItemConstructorOptions[]
}

function item(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items.find((entry) => entry.label === label)
  expect(found, label).toBeDefined()
  return found!
}

const click = (entry: MenuItemConstructorOptions) => (entry.click as unknown as () => void)()

describe('application menu', () => {
  it('has File, Edit, View and Help with every item issue 3 lists', () => {
    const { template } = setup()
    expect(template.map((entry) => entry.label?.replace('&', ''))).toEqual(['File', 'Edit', 'View', 'Help'])
    const labels = (name: string) => menu(template, name).filter((e) => e.type !== 'separator').map((e) => e.label)
    expect(labels('File')).toEqual(['New', 'Open…', 'Open Recent', 'Save', 'Save As…', 'Export as…', 'Close', 'Quit'])
    expect(labels('Edit')).toEqual(['Undo', 'Redo', 'Cut', 'Copy', 'Paste', 'Delete', 'Select All'])
    expect(labels('View')).toEqual(['Show/Hide Gradients', 'Show/Hide Graph', 'Export Graph as SVG…', 'Export Graph as PNG…', 'Zoom In', 'Zoom Out', 'Actual Size'])
    expect(labels('Help')).toEqual(['Examples', 'Formula Reference', 'About Gradsheet'])
  })

  it('workbook items send their MenuCommand to the renderer', () => {
    const { template, sent } = setup()
    const expected: Array<[string, string, MenuCommand]> = [
      ['File', 'Open…', 'open'], ['File', 'Save', 'save'], ['File', 'Save As…', 'saveAs'], ['File', 'Export as…', 'exportAs'],
      ['Edit', 'Undo', 'undo'], ['Edit', 'Redo', 'redo'], ['Edit', 'Cut', 'cut'], ['Edit', 'Copy', 'copy'],
      ['Edit', 'Paste', 'paste'], ['Edit', 'Delete', 'delete'], ['Edit', 'Select All', 'selectAll'],
      ['View', 'Show/Hide Gradients', 'toggleGradients'], ['View', 'Show/Hide Graph', 'toggleGraph'],
      ['View', 'Export Graph as SVG…', 'exportGraphSvg'], ['View', 'Export Graph as PNG…', 'exportGraphPng'], ['View', 'Zoom In', 'zoomIn'], ['View', 'Zoom Out', 'zoomOut'],
      ['View', 'Actual Size', 'zoomReset'], ['Help', 'Formula Reference', 'formulaReference'], ['Help', 'About Gradsheet', 'about'],
    ]
    for (const [menuName, label] of expected) click(item(menu(template, menuName), label))
    expect(sent).toEqual(expected.map(([, , command]) => command))
  })

  it('New, Close and Quit act on windows and the app', () => {
    const { template, actions, sent } = setup()
    const file = menu(template, 'File')
    click(item(file, 'New'))
    click(item(file, 'Close'))
    click(item(file, 'Quit'))
    expect(actions).toEqual(['new window', 'close window', 'quit'])
    expect(sent).toEqual([])
  })

  it('Open Recent lists the recent files and opens the one clicked', () => {
    const { template, sent, actions } = setup(['/home/me/a.gradsheet', '/tmp/b.gradsheet'])
    const recent = item(menu(template, 'File'), 'Open Recent').submenu as MenuItemConstructorOptions[]
    expect(recent.slice(0, 2).map((e) => e.label)).toEqual(['a.gradsheet', 'b.gradsheet'])
    click(recent[1])
    click(item(recent, 'Clear Recent'))
    expect(sent).toEqual([{ openRecent: '/tmp/b.gradsheet' }])
    expect(actions).toEqual(['clear recent'])
  })

  it('an empty recent list says so instead of showing nothing', () => {
    const { template } = setup([])
    const recent = item(menu(template, 'File'), 'Open Recent').submenu as MenuItemConstructorOptions[]
    expect(recent[0]).toMatchObject({ label: 'No Recent Files', enabled: false })
    expect(item(recent, 'Clear Recent').enabled).toBe(false)
  })

  it('Help › Examples opens each example by id', () => {
    const { template, sent } = setup()
    const examples = item(menu(template, 'Help'), 'Examples').submenu as MenuItemConstructorOptions[]
    expect(examples.map((e) => e.label)).toEqual(['Reference example 1', 'Reference example 2'])
    click(examples[1])
    expect(sent).toEqual([{ example: 'reference-example-2' }])
  })

  it('editing shortcuts are left to the page (shown, not registered); file shortcuts are registered', () => {
    const { template } = setup()
    for (const entry of menu(template, 'Edit').filter((e) => e.type !== 'separator')) {
      expect(entry.registerAccelerator, entry.label).toBe(false)
      expect(entry.accelerator, entry.label).toBeTruthy()
    }
    expect(item(menu(template, 'File'), 'Save').accelerator).toBe('CmdOrCtrl+S')
    expect(item(menu(template, 'File'), 'Save').registerAccelerator).toBeUndefined()
  })

  it('on macOS, puts the application menu first and keeps every other menu', () => {
    const { template, sent, actions } = setup([], 'darwin')
    expect(template.map((entry) => entry.label?.replace('&', ''))).toEqual(['Gradsheet', 'File', 'Edit', 'View', 'Help'])
    const appMenu = menu(template, 'Gradsheet')
    click(item(appMenu, 'About Gradsheet'))
    click(item(appMenu, 'Quit Gradsheet'))
    expect(sent).toEqual(['about'])
    expect(actions).toEqual(['quit'])
  })

  it('uses the platform conventions for Redo and Quit', () => {
    expect(item(menu(setup([], 'darwin').template, 'Edit'), 'Redo').accelerator).toBe('Cmd+Shift+Z')
    expect(item(menu(setup([], 'linux').template, 'Edit'), 'Redo').accelerator).toBe('Ctrl+Y')
    expect(item(menu(setup([], 'darwin').template, 'File'), 'Quit').accelerator).toBe('Cmd+Q')
  })
})
