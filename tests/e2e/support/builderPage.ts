import { expect, type Page } from '@playwright/test';

/** Locators and actions of the builder UI, kept in one place so journeys read like what a user does. */
export class BuilderPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByRole('heading', { name: 'Stepwise' })).toBeVisible();
  }

  async createProject(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'New project' }).click();
    await this.page.getByLabel('Project name').fill(name);
    await this.page.getByRole('button', { name: 'Create project' }).click();
    await expect(this.page.getByRole('heading', { name, level: 1 })).toBeVisible();
  }

  get flowList() {
    return this.page.getByRole('list', { name: 'Flows' });
  }

  flowRow(name: string) {
    return this.flowList.getByRole('button', { name: new RegExp(`^${name}\\b`) });
  }

  async addFlow(kindLabel: 'Product Tour' | 'Hotspot' | 'Checklist' | 'NPS Survey'): Promise<void> {
    await this.page.getByRole('button', { name: '+ New flow' }).click();
    await this.page.getByRole('menuitem', { name: kindLabel, exact: true }).click();
  }

  async renameFlow(from: string, to: string): Promise<void> {
    await this.flowRow(from).dblclick();
    const field = this.page.getByLabel(`New name for ${from}`);
    await field.fill(to);
    await field.press('Enter');
  }

  async flowNames(): Promise<string[]> {
    return this.flowList.locator('.flow-row-name').allTextContents();
  }

  get saveState() {
    // The toolbar's save pill (notices are status regions too).
    return this.page.locator('.save-state');
  }

  /** Captures a page into the open project through the Capture dialog. */
  async captureScreen(url: string, viewport: 'desktop' | 'laptop' | 'tablet' | 'mobile' = 'laptop'): Promise<void> {
    await this.page.getByRole('button', { name: 'Capture', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Capture a screen' });
    await dialog.getByLabel('Page address').fill(url);
    await dialog.getByRole('combobox', { name: /^Viewport/ }).selectOption(viewport);
    await dialog.getByRole('button', { name: 'Capture' }).click();
    await expect(dialog).toBeHidden({ timeout: 30_000 });
  }

  /** Where an element of the screen's map is on the canvas, found through the inspector's element list. */
  async elementCenter(name: string): Promise<{ x: number; y: number }> {
    await this.page.getByLabel('Find an element').fill(name);
    // The element named exactly `name` (its entry reads name, then role or tag), not a container whose text starts with it.
    await this.page.getByRole('list', { name: 'Mapped elements' }).getByRole('button', { name: new RegExp(`^${name}\\s*[\\w-]*$`) }).first().click();
    const box = (await this.page.getByTestId('selected-element-box').boundingBox())!;
    await this.page.getByLabel('Find an element').fill('');
    await this.page.keyboard.press('Escape');
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  itemList(flowName: string, noun: 'steps' | 'items' = 'steps') {
    return this.page.getByRole('list', { name: `${flowName} ${noun}` });
  }

  async itemLabels(flowName: string, noun: 'steps' | 'items' = 'steps'): Promise<string[]> {
    return this.itemList(flowName, noun).locator('.item-label').allTextContents();
  }

  /** What dnd-kit last told screen readers about a drag ("Picked up…", "…was moved over…", "…was dropped…"). */
  async dragAnnouncement(): Promise<string> {
    return (await this.page.locator('[id^="DndLiveRegion-"]').allTextContents()).join(' ').trim();
  }

  /** The right-hand panel: the selection's fields, theme and languages. */
  get inspector() {
    return this.page.getByRole('complementary', { name: 'Inspector' });
  }

  inspectorTab(name: 'Selection' | 'Theme' | 'Languages') {
    return this.page.getByRole('tab', { name });
  }

  /** Adds a language from the Languages tab as a person would: types its name, picks it from the list. */
  async addLanguage(typed: string, name: string): Promise<void> {
    await this.inspectorTab('Languages').click();
    const field = this.page.getByRole('combobox', { name: 'Add a language' });
    await field.pressSequentially(typed);
    await this.page.getByRole('listbox', { name: 'Languages to add' }).getByRole('option', { name: new RegExp(`^${name}\\b`) }).first().click();
    await expect(this.page.getByRole('list', { name: 'Languages' })).toContainText(name);
  }

  /** The card the canvas draws for the selected step, inside the player's shadow root. */
  get canvasCard() {
    return this.page.getByTestId('flow-layer').locator('[data-testid="canvas-card"]');
  }
}
