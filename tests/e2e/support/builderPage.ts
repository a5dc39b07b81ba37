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
    return this.page.getByRole('status').filter({ hasText: /saved|Unsaved|Saving/ });
  }
}
