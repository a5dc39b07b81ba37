import { mergeTests } from '@playwright/test';
import { test as siteTest } from './demoSiteFixture';
import { test as hostTest } from './webHostFixture';

/** The web host and, beside it, the demo product site: for journeys from capture to the real page. */
export const test = mergeTests(hostTest, siteTest);
export { expect } from './webHostFixture';
